'use strict';
/**
 * Entry point of the content script: wires the page watcher to the rewriter, follows
 * settings and in-app navigation, and answers the popup and the context menu.
 */

(() => {
  /** Settings in effect, as the background's core validated them. */
  let settings = null;
  /** The link the agent last right-clicked, for "Call from…". */
  let contextAnchor = null;

  const recordFields = new RecordFields();
  const navigationWake = new NavigationWake((items) => askBackground({ type: 'wake', items }));
  navigationWake.listen(window, standDownSignal);
  const rewriter = new LinkRewriter({
    dialBatch: (items) => {
      navigationWake.remember(items);
      return askBackground({ type: 'dial', items }).catch((error) => {
        checkExtension(); // an invalidated extension context: stand down
        throw error;
      });
    },
    describe: titleOf,
    recordCallerIdOf: (node) =>
      settings?.recordCallerIdField ? recordFields.callerIdFor(node, settings.recordCallerIdField) : null,
    doNotCallOf,
    onSettled: reportTabState,
  });
  /**
   * A link's title, made once per answer and minute: thousands of links share a few thousand
   * answers, and the local time a title shows changes once a minute.
   */
  const titles = new WeakMap();
  function titleOf(result) {
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    let cached = titles.get(result);
    if (cached?.minute !== minute) {
      cached = { minute, title: describeResult(result, { now }).title };
      titles.set(result, cached);
    }
    return cached.title;
  }

  /** Whether the record of the number `node` shows is Do Not Call, when that is checked at all. */
  function doNotCallOf(node) {
    const field = settings?.doNotCall !== 'off' ? settings?.doNotCallField : '';
    return field ? recordFields.doNotCallFor(node, field) : false;
  }

  /**
   * A record's caller-ID or Do Not Call field met after the numbers of its record were
   * dialed: ask again once.
   */
  let recheckScheduled = false;
  const finder = new LinkFinder({
    onPhoneLink: (anchor) => rewriter.add(anchor),
    onTextField: (field) => rewriter.addTextField(field),
    onRecordField: (element) => {
      const name = recordFields.add(element);
      if (!name || ![settings?.recordCallerIdField, settings?.doNotCallField].includes(name) || recheckScheduled) return;
      recheckScheduled = true;
      setTimeout(() => {
        recheckScheduled = false;
        rewriter.recheck();
      }, 0);
    },
  });

  const clicks = new ClickGuard({
    rewriter,
    dial: (items) => askBackground({ type: 'dial', items }),
    doNotCallOf,
    settings: () => settings,
  });

  onStandDown(() => {
    finder.stop();
    clicks.stop();
    rewriter.standDown();
  });

  loadSettings().finally(() => {
    if (!standDownSignal.aborted) finder.watch(document);
  });

  /**
   * Asks for the settings in effect and applies them to every link; `ifChanged`: only when they
   * differ from those applied (applying asks the background about every number again).
   */
  async function followSettings({ ifChanged = false } = {}) {
    if (standDownSignal.aborted) return;
    const applied = JSON.stringify(settings);
    await loadSettings();
    if (!ifChanged || JSON.stringify(settings) !== applied) rewriter.refresh();
  }

  // A policy the browser loaded without telling anyone (Chromium, at times) is met when the
  // frame is shown again.
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'visible') followSettings({ ifChanged: true });
    },
    { signal: standDownSignal },
  );

  // Lightning navigates without reloading; the content script never sees its pushState
  // calls, but the Navigation API reports them. Look again once the new view is in place.
  globalThis.navigation?.addEventListener('navigatesuccess', () => finder.watch(document), { signal: standDownSignal });

  // The event is retargeted at shadow boundaries; its path still starts at the real link.
  document.addEventListener(
    'contextmenu',
    (event) => {
      const path = event.composedPath();
      finder.discover(path);
      contextAnchor = path.find((node) => rewriter.itemOf(node)) ?? null;
    },
    { capture: true, signal: standDownSignal },
  );

  // A shadow root attached long after its host appeared is met at the latest when the agent
  // points at or tabs into it, before any click reaches a link inside.
  for (const type of ['pointerover', 'focusin']) {
    document.addEventListener(type, (event) => finder.discover(event.composedPath()), {
      capture: true,
      passive: true,
      signal: standDownSignal,
    });
  }

  /** What this frame did, for the popup and the toolbar badge. */
  const report = () => ({
    enabled: rewriter.enabled,
    rewritten: rewriter.rewrittenCount,
    skipped: [...rewriter.skipped, ...clicks.notes].map(([value, reason]) => ({ value, reason })),
    failure: rewriter.failure,
  });

  /** Tells the background, which shows it on the toolbar button; at most a few times a second. */
  let reportScheduled = false;
  function reportTabState() {
    if (reportScheduled) return;
    reportScheduled = true;
    setTimeout(() => {
      reportScheduled = false;
      askBackground({ type: 'tabState', ...report() }).catch(() => {
        // The background is restarting; the next batch reports again.
      });
    }, 250);
  }

  answerMessages({
    report,
    /**
     * The background saw the stored settings change. Frames keep no storage listener and read
     * no policy of their own: that was 0.5–1.6 ms of each frame's start-up (bench/README.md).
     */
    settingsChanged: async () => {
      await followSettings();
      return {};
    },
    /** "Call from…": the right-clicked number, once, with the chosen caller ID, as a click is judged. */
    callFrom: ({ callerId }) => clicks.callFrom(contextAnchor, callerId),
  });

  async function loadSettings() {
    try {
      ({ settings } = await askBackground({ type: 'settings' }));
    } catch (error) {
      rewriter.failure = String(error?.message ?? error);
      reportTabState();
    }
  }
})();

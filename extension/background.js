'use strict';
/**
 * The background hosts the Rust core. Content scripts cannot compile WebAssembly on pages
 * whose CSP lacks 'unsafe-eval' (Chromium checks the page's policy, crbug.com/1385796), so
 * they send raw phone values here in batches and get links back.
 *
 * It keeps no state that matters: the browser may stop it at any time. It remembers the
 * settings and the core's answers under them until the stored settings change
 * (shared/settings-answers.js).
 *
 * The last of the background scripts manifest.json lists (Firefox loads them in an event page;
 * for Chromium's service worker the build writes one file that imports them in that order).
 */

(() => {
  // Started at once, not on the first message: a page waits for this only on a cold start.
  const core = wasm_bindgen({ module_or_path: ext.runtime.getURL('core/core_bg.wasm') }).then(
    () => wasm_bindgen,
  );

  /** The user's settings merged with the administrator's policy, validated by the core; and the answers under them. */
  const settingsAnswers = new SettingsAnswers(async () => {
    const [dialer, { sync, local, managed }] = await Promise.all([core, loadStoredSettings()]);
    return dialer.readSettings(sync, managed, local);
  });

  /** The settings in effect; `fresh`: read from storage now, for whoever asks after a change. */
  async function effectiveSettings({ fresh = false } = {}) {
    return (await settingsAnswers.current({ fresh })).read;
  }

  /**
   * items: [{ raw, recordCallerId, choice, doNotCall }] -> { enabled, results }, one result
   * per item, each that dials with its calling-hours verdict now.
   */
  async function dial(items) {
    const [dialer, { read, dial: dialUnder }] = await Promise.all([core, settingsAnswers.current()]);
    const { settings } = read;
    if (!settings.enabled) return { enabled: false, results: [] };
    const results = dialUnder(items, (asked) => dialer.dialBatch(asked, settings));
    return { enabled: true, results: judgeResults(dialer, items, results, settings, Date.now()) };
  }

  // Registered synchronously at start-up, so a restarted worker receives the waking message.
  answerMessages({
    dial: ({ items }) => dial(items),

    /**
     * A Lightning navigation started in a frame (content/navigation-wake.js): be ready before
     * the record renders (core compiled, settings read), and dial the frame's recent numbers
     * ahead, so the core has met their countries and their answers are kept.
     */
    async wake({ items }) {
      await dial(items);
      return {};
    },

    /** The settings in effect, for the content script's own decisions; read afresh. */
    async settings() {
      return { settings: (await effectiveSettings({ fresh: true })).settings };
    },

    /** A frame's report of what it did; shown on the toolbar button of its tab. */
    async tabState(state, sender) {
      if (sender.tab) await showTabState(sender.tab.id, sender.frameId ?? 0, state);
      return {};
    },

    /** Whether the core runs, and what is wrong with the stored settings. */
    async status() {
      const { problems, warnings, locked } = await effectiveSettings({ fresh: true });
      return { ok: true, problems, warnings, locked };
    },
  });

  // "Call from…": a right-click menu on links listing the caller-ID pool; a choice dials once.
  const CALL_FROM = 'call-from';
  const CALL_FROM_MORE = 'call-from-more';
  // A menu longer than this is not read; the rest of the pool is in the editor.
  const MENU_NUMBERS = 25;
  let menuUpdate = Promise.resolve();

  function updateCallFromMenu() {
    // One rebuild at a time: bursts of settings changes must not interleave removeAll/create.
    menuUpdate = menuUpdate.then(rebuildCallFromMenu).catch((error) => console.warn('Caller ID Dialer: menu', error));
  }

  async function rebuildCallFromMenu() {
    await ext.contextMenus.removeAll();
    const { settings } = await effectiveSettings({ fresh: true });
    if (!settings.enabled || settings.callerIds.length === 0) return;
    const where = {
      contexts: /** @type {browser.menus.ContextType[]} */ (['link']),
      documentUrlPatterns: ext.runtime.getManifest().content_scripts?.[0].matches,
    };
    ext.contextMenus.create({ id: CALL_FROM, title: ext.i18n.getMessage('callFromMenu'), ...where });
    for (const { number, label } of settings.callerIds.slice(0, MENU_NUMBERS)) {
      ext.contextMenus.create({
        id: `${CALL_FROM}:${number}`,
        parentId: CALL_FROM,
        title: label ? `${label} (${number})` : number,
        ...where,
      });
    }
    if (settings.callerIds.length > MENU_NUMBERS) {
      ext.contextMenus.create({
        id: CALL_FROM_MORE,
        parentId: CALL_FROM,
        title: ext.i18n.getMessage('callFromMore', [String(settings.callerIds.length)]),
        ...where,
      });
    }
  }

  ext.runtime.onInstalled.addListener(updateCallFromMenu);
  // The first-run page, once: on install, not on an update of the extension or the browser.
  ext.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') ext.tabs.create({ url: ext.runtime.getURL('welcome/welcome.html') });
  });
  ext.runtime.onStartup.addListener(updateCallFromMenu);

  /**
   * Every frame of every tab: a content script asks for the settings again. Frames keep no
   * storage listener of their own (0.5–1.6 ms of each Salesforce frame's start-up);
   * a tab with no content script of ours just does not answer.
   */
  async function tellFrames(message) {
    const tabs = await ext.tabs.query({});
    await Promise.all(tabs.map((tab) => tab.id !== undefined && ext.tabs.sendMessage(tab.id, message).catch(() => {})));
  }

  // The storage events wake the background (Chromium's worker, Firefox's event page).
  onSettingsChanged(() => {
    settingsAnswers.forget();
    updateCallFromMenu();
    tellFrames({ type: 'settingsChanged' }).catch((error) => console.warn('Caller ID Dialer: settings change', error));
  });

  ext.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CALL_FROM_MORE) {
      ext.runtime.openOptionsPage().catch((error) => console.warn('Caller ID Dialer: options page', error));
      return;
    }
    const prefix = `${CALL_FROM}:`;
    if (typeof info.menuItemId !== 'string' || !info.menuItemId.startsWith(prefix)) return;
    const callerId = info.menuItemId.slice(prefix.length);
    if (tab?.id === undefined) return; // not clicked in a tab: no page to dial from
    ext.tabs.sendMessage(tab.id, { type: 'callFrom', callerId }, { frameId: info.frameId }).catch(() => {
      // The page went away, or is not one of ours: nothing to dial.
    });
  });

  // The toolbar button tells at a glance: active (with the count of rewritten numbers on this
  // tab), inactive (switched off, or not a Salesforce page), or in trouble (the core could not
  // start, or a stored setting is invalid and was ignored).
  /** tab id -> frame id -> the frame's last report. Lost on restart; frames report again. */
  const tabStates = new Map();

  async function showTabState(tabId, frameId, state) {
    const frames = tabStates.get(tabId) ?? new Map();
    frames.set(frameId, state);
    tabStates.set(tabId, frames);
    const reports = [...frames.values()];
    const { problems } = await effectiveSettings().catch(() => ({ problems: ['core'] }));
    const rewritten = reports.reduce((sum, report) => sum + report.rewritten, 0);
    let look = 'inactive';
    if (problems.length > 0 || reports.some((report) => report.failure)) look = 'trouble';
    else if (reports.some((report) => report.enabled)) look = 'active';
    await ext.action.setIcon({
      tabId,
      path: { 16: `icons/toolbar-${look}-16.png`, 32: `icons/toolbar-${look}-32.png` },
    });
    const badges = { active: rewritten > 0 ? String(rewritten) : '', inactive: '', trouble: '!' };
    await ext.action.setBadgeText({ tabId, text: badges[look] });
    await ext.action.setTitle({ tabId, title: ext.i18n.getMessage(`toolbar_${look}`, [String(rewritten)]) });
  }

  ext.tabs.onRemoved.addListener((tabId) => tabStates.delete(tabId));
  ext.tabs.onUpdated.addListener((tabId, change) => {
    // A new page in the tab: its frames report afresh.
    if (change.status === 'loading') tabStates.delete(tabId);
  });
})();

'use strict';
/**
 * This content script's tie to its extension. A page open all day outlives the extension that
 * injected it: after an update, a reload, a re-enable or a removal, the old script keeps running
 * in the page with its extension context invalidated (Chromium: `runtime.id` is undefined and
 * every message throws "Extension context invalidated"), while the new version's script is
 * injected beside it in a world of its own. The old one must then stand down quietly: put back
 * every link it rewrote and stop listening, with no error in the page's console.
 *
 * - A script announces itself when it starts; any older one in the frame hears it and stands
 *   down at once, before the new one scans the page (its links are then Salesforce's again).
 * - A script whose extension went away with no successor (disabled, removed) stands down when
 *   it notices: at its next message, at the next in-app navigation, or when the tab is shown.
 * - Every part registers what it undoes with `onStandDown`, or passes `standDownSignal` to its
 *   `addEventListener` calls.
 */

/* exported onStandDown, standDownSignal, checkExtension */
const { onStandDown, standDownSignal, checkExtension } = (() => {
  /** Dispatched on the document by each script as it starts; DOM events reach every world. */
  const ANNOUNCEMENT = 'caller-id-dialer-started';
  /**
   * Set in this script's world, where the page cannot see it: the background (open-tabs.js)
   * injects the content scripts into an open frame only where no script of its version runs.
   */
  const INSTANCE_MARK = 'callerIdDialerInstance';

  const stopping = new AbortController();
  /** @type {(() => void)[]} */
  const hooks = [];

  /** Runs every hook once; one that fails never keeps the others from running. */
  function standDown() {
    if (stopping.signal.aborted) return;
    stopping.abort();
    for (const hook of hooks.splice(0)) {
      try {
        hook();
      } catch {
        // Nothing left to report to: the extension is gone or replaced.
      }
    }
  }

  /**
   * Registers `hook` to run when this script stands down.
   * @param {() => void} hook
   */
  function onStandDown(hook) {
    hooks.push(hook);
  }

  /** Whether this script's extension is still there; stands down when it is not. */
  function checkExtension() {
    let alive = false;
    try {
      alive = Boolean(ext.runtime?.id);
    } catch {
      // Some browsers throw rather than answer once the context is gone.
    }
    if (!alive) standDown();
    return alive;
  }

  /** @type {Record<string, unknown>} */ (globalThis)[INSTANCE_MARK] = true;
  document.dispatchEvent(new Event(ANNOUNCEMENT));
  // Added after our own announcement: whoever announces from now on is newer.
  document.addEventListener(ANNOUNCEMENT, standDown, { signal: stopping.signal });
  document.addEventListener('visibilitychange', checkExtension, { signal: stopping.signal });
  window.addEventListener('focus', checkExtension, { signal: stopping.signal });
  globalThis.navigation?.addEventListener('navigatesuccess', checkExtension, { signal: stopping.signal });

  return { onStandDown, standDownSignal: stopping.signal, checkExtension };
})();

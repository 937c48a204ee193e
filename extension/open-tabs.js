'use strict';
/**
 * Takes over the Salesforce pages already open when this version of the extension starts.
 * Agents keep Salesforce open all day and store updates arrive silently, but Chromium injects
 * content scripts only into pages loaded afterwards: after an install, an update, a reload or
 * a re-enable, an open tab keeps no working script (the old one's context is invalidated, and
 * it stands down: content/extension-context.js). So the background injects the manifest's
 * content scripts into every open Salesforce frame that has none of this version's.
 *
 * Firefox injects declared content scripts into open pages itself on install, update and
 * enable (measured with Firefox ESR 153); injecting them again there would only run them twice.
 */

(() => {
  /**
   * `storage.session` is emptied when the extension is disabled, reloaded or updated and when
   * the browser starts: a background start that finds this key missing is the first start of
   * this version, whatever brought it (onInstalled does not fire on a re-enable).
   */
  const TAKEN_OVER = 'openTabsTakenOver';
  /** Set by content/extension-context.js in the world of a content script of this version. */
  const INSTANCE_MARK = 'callerIdDialerInstance';

  const isFirefox = 'getBrowserInfo' in ext.runtime;

  async function takeOverOpenTabs() {
    if ((await ext.storage.session.get(TAKEN_OVER))[TAKEN_OVER]) return;
    await ext.storage.session.set({ [TAKEN_OVER]: true });
    const { matches = [], js = [] } = ext.runtime.getManifest().content_scripts?.[0] ?? {};
    // A tab still loading gets the content scripts from the manifest.
    const tabs = await ext.tabs.query({ url: matches, status: 'complete' });
    await Promise.all(tabs.map((tab) => takeOverTab(/** @type {number} */ (tab.id), js)));
  }

  /** Injects `files` into the frames of the tab where no content script of this version runs. */
  async function takeOverTab(tabId, files) {
    try {
      const probes = await ext.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: (mark) => Boolean(/** @type {Record<string, unknown>} */ (globalThis)[mark]),
        args: [INSTANCE_MARK],
      });
      const frameIds = probes.filter((probe) => !probe.result).map((probe) => probe.frameId);
      if (frameIds.length > 0) await ext.scripting.executeScript({ target: { tabId, frameIds }, files });
    } catch {
      // The tab closed or navigated meanwhile, or the agent withheld this site: nothing to take over.
    }
  }

  if (!isFirefox) {
    takeOverOpenTabs().catch((error) => console.warn('Caller ID Dialer: could not take over open tabs', error));
  }
})();

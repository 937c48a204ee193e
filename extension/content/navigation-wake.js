'use strict';
/**
 * Wakes the background as soon as a Lightning navigation starts, before the next record's
 * fields arrive (Salesforce fetches them for a few hundred ms). A background the browser had
 * stopped (after 30 s idle, so on most records) then starts and compiles the core meanwhile,
 * instead of when the fields render; and the numbers this frame dialed last are dialed again
 * ahead, so that the core has met their countries (its first number of a country costs most).
 *
 * A navigation starts with a click on a record link, a Navigation API `navigate` event
 * (Lightning's pushState, in Chromium), or `popstate` (back and forward). One navigation often
 * shows several of these: one wake is in flight at a time.
 */

/* exported NavigationWake */
const NavigationWake = (() => {
  /** How many of the numbers dialed last a wake dials again. */
  const RECENT = 20;
  /** A link to a Lightning record, list or app page: a click on one navigates in the app. */
  const IN_APP_PATH = /^\/lightning\//;

  class NavigationWake {
    #send;
    /** Request key -> item, oldest first. */
    #recent = new Map();
    #inFlight = false;

    /** @param {(items: DialItem[]) => Promise<unknown>} send tells the background, with the recent items */
    constructor(send) {
      this.#send = send;
    }

    /**
     * Notes the items of a dial request.
     * @param {DialItem[]} items
     */
    remember(items) {
      for (const item of items.slice(-RECENT)) {
        const key = `${item.raw}\u0000${item.recordCallerId ?? ''}`;
        this.#recent.delete(key);
        this.#recent.set(key, item);
      }
      for (const key of this.#recent.keys()) {
        if (this.#recent.size <= RECENT) break;
        this.#recent.delete(key);
      }
    }

    /**
     * Wakes the background on every start of a navigation in `window`, until `signal` aborts
     * (the script stands down).
     * @param {Window} window
     * @param {AbortSignal} signal
     */
    listen(window, signal) {
      const wake = () => this.wake();
      /** @type {{ navigation?: EventTarget }} */ (window).navigation?.addEventListener('navigate', wake, { signal });
      window.addEventListener('popstate', wake, { signal });
      window.document.addEventListener(
        'click',
        (event) => {
          if (event.composedPath().some(isInAppLink)) wake();
        },
        { capture: true, passive: true, signal },
      );
    }

    wake() {
      if (this.#inFlight) return;
      this.#inFlight = true;
      this.#send([...this.#recent.values()])
        .catch(() => {
          // The background could not answer: the next dial request starts it anyway.
        })
        .finally(() => {
          this.#inFlight = false;
        });
    }
  }

  /** @param {EventTarget} node */
  function isInAppLink(node) {
    if (!(node instanceof HTMLAnchorElement) || !node.href) return false;
    try {
      const url = new URL(node.href);
      return url.origin === location.origin && IN_APP_PATH.test(url.pathname);
    } catch {
      return false;
    }
  }

  return NavigationWake;
})();

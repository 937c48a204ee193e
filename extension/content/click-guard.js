'use strict';
/**
 * Every call the agent starts on the page goes one way: a primary click on a phone link (Enter
 * on a focused link is a click too) and "Call from…" are judged by calling hours and Do Not
 * Call at that moment, and never reach a number by another road than its dialer link.
 *
 * - A link answered, whose verdict says "call": the browser follows it, untouched.
 * - A verdict that warns or blocks: the click is held and the dialog decides (call-policy.js).
 * - A link not answered yet (the background asleep, the value in flight): the click is held
 *   until the answer comes, at most ANSWER_WAIT_MS, then judged as above. Past that, or for a
 *   value the core leaves alone, the page's own link is followed, and the popup says why.
 * - Modified and middle clicks, and the page's own handlers, are left alone; an error of ours
 *   lets the click go as the page meant it.
 */

/* exported ClickGuard */
const ClickGuard = (() => {
  /** How long a held click waits for the core's answer. */
  const ANSWER_WAIT_MS = 2000;
  /** Pause before asking again, within that wait, after a request that failed. */
  const RETRY_MS = 100;

  class ClickGuard {
    #rewriter;
    #dial;
    #doNotCallOf;
    #settings;
    #navigate;
    /** Links whose click is held: a second click on one is swallowed, so it dials once. */
    #held = new WeakSet();
    #onClick = (/** @type {MouseEvent} */ event) => this.#judgeClick(event);
    /** raw value -> why a call from it did not go as its link says; shown in the popup. */
    notes = new Map();

    /**
     * `rewriter` knows the links and the core's answers; `dial(items)` asks the core (for "Call
     * from…"); `doNotCallOf(element)` reads the record's Do Not Call box; `settings()` the
     * settings in effect; `navigate(href)` hands a link to the handler of its scheme.
     * @param {{
     *   rewriter: InstanceType<typeof LinkRewriter>,
     *   dial: (items: object[]) => Promise<{ enabled: boolean, results: JudgedResult[] }>,
     *   doNotCallOf: (element: Element) => boolean,
     *   settings: () => { callingHours: wasm_bindgen.CallingMode } | null,
     *   navigate?: (href: string) => void,
     * }} options
     */
    constructor({ rewriter, dial, doNotCallOf, settings, navigate = (href) => location.assign(href) }) {
      this.#rewriter = rewriter;
      this.#dial = dial;
      this.#doNotCallOf = doNotCallOf;
      this.#settings = settings;
      this.#navigate = navigate;
      // Capture: judged before the page's handlers run, which still all see the click.
      document.addEventListener('click', this.#onClick, true);
    }

    /** Removes the listener: clicks go back to the page alone. */
    stop() {
      document.removeEventListener('click', this.#onClick, true);
    }

    /**
     * "Call from…": dials `anchor`'s number once with `callerId`, judged now as a click is,
     * within the same wait. Resolves to what was dialed.
     * @param {Element | null} anchor
     * @param {string} callerId
     */
    async callFrom(anchor, callerId) {
      const item = anchor && this.#rewriter.itemOf(anchor);
      if (!anchor || !item) return { dialed: false };
      const request = { ...item, choice: callerId, doNotCall: this.#doNotCallOf(anchor) };
      let reply;
      try {
        reply = await withinWait(this.#dial([request]), Date.now() + ANSWER_WAIT_MS);
      } catch (error) {
        this.#note(item.raw, 'callFromFailed', String(error?.message ?? error));
        return { dialed: false };
      }
      const result = reply?.results?.[0];
      if (!reply) this.#note(item.raw, 'callFromNotAnswered');
      else if (result && !result.ok) this.#note(item.raw, 'callFromFailed', result.message);
      if (!result?.ok || !(await this.#confirm(result, anchor))) return { dialed: false };
      this.#navigate(result.href);
      return { dialed: true, href: result.href };
    }

    #judgeClick(event) {
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      let link;
      let look;
      try {
        link = event.composedPath().find((node) => node instanceof Element && node.localName === 'a');
        look = link ? this.#rewriter.clickedLink(link) : null;
        if (!look) return;
        if (!this.#held.has(link) && look.answer && this.#followsAsIs(link, look)) return;
      } catch (error) {
        console.debug('Caller ID Dialer: left a click to the page', error);
        return;
      }
      event.preventDefault();
      if (this.#held.has(link)) return;
      this.#held.add(link);
      this.#complete(link, look).finally(() => this.#held.delete(link));
    }

    /** Whether the browser, following the link as it is, goes where the answer says without asking. */
    #followsAsIs(link, { pageHref, answer }) {
      const { enabled, result } = answer;
      if (!enabled || !result?.ok) return link.getAttribute('href') === pageHref;
      const verdict = 'verdict' in result ? result.verdict : undefined;
      return (!verdict || verdict.action === 'call') && link.getAttribute('href') === result.href;
    }

    /** A held click: waits for the answer if need be, then dials, asks, or follows the page's link. */
    async #complete(link, { pageHref, answer }) {
      let raw = '';
      try {
        raw = this.#rewriter.itemOf(link)?.raw ?? '';
        answer ??= await this.#answerWithin(link, Date.now() + ANSWER_WAIT_MS);
      } catch (error) {
        console.debug('Caller ID Dialer: left a click to the page', error);
        answer = null;
      }
      if (!answer?.enabled || !answer.result?.ok) {
        if (!answer) this.#note(raw, 'clickNotAnswered');
        else if (answer.enabled && !answer.result) this.#note(raw, 'clickFailed', this.#rewriter.failure ?? '');
        // Not answered in time, switched off, or not a number the core dials: as the page meant it.
        if (pageHref) this.#navigate(pageHref);
        return;
      }
      const { result } = answer;
      if (await this.#confirm(result, link)) this.#navigate(result.href);
    }

    /** The core's answer for `link` before `deadline`, asking again after a failed request; null if none came. */
    async #answerWithin(link, deadline) {
      let answer = null;
      while (Date.now() < deadline) {
        answer = await withinWait(this.#rewriter.nextAnswer(link), deadline);
        if (answer?.result || answer?.enabled === false) return answer;
        await withinWait(new Promise((resolve) => setTimeout(resolve, RETRY_MS)), deadline);
      }
      return answer;
    }

    /** Calling hours and Do Not Call, now: true to dial. An error of ours dials nothing. */
    async #confirm(result, link) {
      try {
        return await confirmCall(result, { settings: this.#settings(), returnFocus: link });
      } catch (error) {
        console.debug('Caller ID Dialer: could not judge a call', error);
        return false;
      }
    }

    #note(raw, key, reason = '') {
      this.notes.set(raw, ext.i18n.getMessage(key, [raw, reason]));
    }
  }

  /** What `promise` resolves to, or null once `deadline` (ms) has passed. */
  function withinWait(promise, deadline) {
    let timer = 0;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }

  return ClickGuard;
})();

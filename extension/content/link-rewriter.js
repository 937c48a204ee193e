'use strict';
/**
 * Turns phone numbers into dialer links in place, and puts them back when the extension is
 * switched off. Values go to the core in batches; each value is dialed once per settings
 * version.
 *
 * - A phone link Salesforce rendered stays the same element: only its `href`, `title` and
 *   `aria-label` change.
 * - A phone field Salesforce shows as bare text (no link to reuse) gets one link of ours
 *   around its text node: the same text node, moved into the link, so the agent sees the
 *   same text in the same place. Nothing else is ever added.
 */

/* exported LinkRewriter */
/** What the core is asked about one number. @typedef {{ raw: string, recordCallerId: string | null, doNotCall: boolean }} DialItem */
const LinkRewriter = (() => {
  class LinkRewriter {
    /** anchor -> { telHref, original: { title, aria-label }, appliedHref, item } */
    #links = new WeakMap();
    /** text phone field -> { field, textNode, text, wrapper, item } */
    #texts = new WeakMap();
    /** our wrapper link -> its text phone field */
    #wrappers = new WeakMap();
    /** Anchors and text fields seen, for re-applying after a settings change; disconnected ones are pruned. */
    #tracked = new Set();
    /** item key -> the core's answer `{ enabled, result }` for it, under the current settings. */
    #answers = new Map();
    /** item key -> item: asked of the core and not answered yet. */
    #asked = new Map();
    /** item key -> item: to be asked in the next message. */
    #unsent = new Map();
    #sendScheduled = false;
    /** Turns (one number read from one target) waiting for the core's answer. */
    #waiting = [];
    /** Turns answered, to be applied in slices. */
    #answered = [];
    #applying = false;
    /** Bumped when the settings change: answers to earlier messages are not kept. */
    #generation = 0;
    #enabled = true;
    #dialBatch;
    #describe;
    #recordCallerIdOf;
    #doNotCallOf;
    #onSettled;
    /** The timer that asks again for numbers whose verdict expires first. */
    #expiry = 0;
    /** item key -> the functions waiting for its next answer (`nextAnswer`). */
    #awaited = new Map();
    /** item key -> item: asked, not answered (the background failed), to be sent again. */
    #toResend = new Map();
    /** The timer that sends them again, and the current wait. */
    #resend = 0;
    #resendDelay = 0;
    /** raw value -> why it was left as it was; shown in the popup. */
    skipped = new Map();
    /** Why the core could not answer, if it could not. @type {string | null} */
    failure = null;

    /**
     * `dialBatch(items)` resolves to `{ enabled, results }` from the core, one result per
     * `{ raw, recordCallerId, doNotCall }` item, each with its calling-hours verdict and the
     * instant it holds until; `describe(result)` is the link's title;
     * `recordCallerIdOf(element)` is the caller ID stored on the record the phone link or
     * field belongs to, or null; `doNotCallOf(element)` whether that record is Do Not Call;
     * `onSettled()` is called after each batch is applied.
     * @param {{
     *   dialBatch: (items: DialItem[]) => Promise<{ enabled: boolean, results: JudgedResult[] }>,
     *   describe: (result: JudgedResult) => string,
     *   recordCallerIdOf: (element: Element) => string | null,
     *   doNotCallOf: (element: Element) => boolean,
     *   onSettled: () => void,
     * }} options
     */
    constructor({ dialBatch, describe, recordCallerIdOf, doNotCallOf, onSettled }) {
      this.#dialBatch = dialBatch;
      this.#describe = describe;
      this.#recordCallerIdOf = recordCallerIdOf;
      this.#doNotCallOf = doNotCallOf;
      this.#onSettled = onSettled;
    }

    /** Whether the extension is switched off in settings, as the core last answered. */
    get enabled() {
      return this.#enabled;
    }

    /** Number of numbers currently showing a dialer link of ours. */
    get rewrittenCount() {
      let count = 0;
      for (const target of this.#tracked) {
        // Gone from the page: forgotten here, and taken again if the page puts it back.
        if (!target.isConnected) {
          this.#tracked.delete(target);
          continue;
        }
        const link = this.#links.get(target);
        if (link ? link.appliedHref : this.#texts.get(target).wrapper) count += 1;
      }
      return count;
    }

    /** What the core was asked for `node`, if it is a link this rewriter handles. */
    itemOf(node) {
      const field = this.#wrappers.get(node);
      if (field) return this.#texts.get(field)?.item ?? null;
      return this.#links.get(node)?.item ?? null;
    }

    /**
     * For a click on `node`: null when it is neither a phone link nor a link of ours (or the
     * extension is switched off); else `{ pageHref, answer }`, the href the page rendered (null
     * for our link around a text value) and the core's answer `{ enabled, result }` for the
     * number it shows, or null while that answer is on its way or its verdict has expired.
     * A phone link the page scan has not met yet is taken now.
     */
    clickedLink(node) {
      const field = this.#wrappers.get(node);
      if (!field) this.add(node);
      const state = field ? this.#texts.get(field) : this.#links.get(node);
      if (!this.#enabled || !state?.item) return null;
      if (field ? state.wrapper !== node : ![state.telHref, state.appliedHref].includes(node.getAttribute('href'))) return null;
      return { pageHref: field ? null : state.telHref, answer: this.#currentAnswer(state.item) };
    }

    /**
     * The core's next answer for the number `node` shows, asked for now unless it is on its
     * way (or answered and still valid). Resolves to null when there is none to wait for: the
     * settings changed meanwhile, the extension stood down, or `node` is no longer a link of
     * ours. A failed request is sent again, and the promise waits for that answer.
     * @returns {Promise<{ enabled: boolean, result?: JudgedResult } | null>}
     */
    nextAnswer(node) {
      const target = this.#wrappers.get(node) ?? node;
      const state = this.#stateOf(target);
      if (!state) return Promise.resolve(null);
      if (state.item) this.#currentAnswer(state.item); // forgets an expired verdict
      this.#queue(target);
      if (!this.#enabled || !state.item) return Promise.resolve(null);
      const key = itemKey(state.item);
      const answer = this.#answers.get(key);
      if (answer) return Promise.resolve(answer);
      return new Promise((resolve) => this.#awaited.set(key, [...(this.#awaited.get(key) ?? []), resolve]));
    }

    /** The answer to `item` if it holds now; an expired verdict is forgotten, to be asked again. */
    #currentAnswer(item) {
      const key = itemKey(item);
      const answer = this.#answers.get(key);
      const until = answer?.result && 'verdictUntil' in answer.result ? answer.result.verdictUntil : null;
      if (typeof until === 'number' && until <= Date.now()) {
        this.#answers.delete(key);
        return null;
      }
      return answer ?? null;
    }

    /** Takes a phone link found on the page; a link already handled is ignored. */
    add(anchor) {
      if (this.#wrappers.has(anchor)) return; // a link of ours around a text value
      const href = anchor.getAttribute('href');
      const link = this.#links.get(anchor);
      // Our own write, or a value already queued, dialed or skipped (perhaps a link the page
      // moved, or put back). The same tel: value set again over our link (a re-render) is
      // taken again and answered from the cache.
      if (link && (href === link.appliedHref || (href === link.telHref && !link.appliedHref))) {
        this.#tracked.add(anchor);
        return;
      }
      if (!isPhoneLink(anchor) || anchor.isContentEditable) return;
      if (link) {
        // The framework set a new value: what we applied belongs to the old one, and our
        // title must not describe it while the new value is being read.
        this.#restoreDescription(anchor, link);
        link.telHref = href;
        link.appliedHref = null;
      } else {
        const original = Object.fromEntries(DESCRIBING_ATTRIBUTES.map((name) => [name, anchor.getAttribute(name)]));
        this.#links.set(anchor, { telHref: href, original, appliedHref: null });
      }
      this.#tracked.add(anchor);
      this.#queue(anchor);
    }

    /**
     * Takes a phone field shown as bare text, found on the page or changed by it. Our own
     * wrapping is recognised and ignored; any other change gives the text back as it is and
     * reads the field again.
     */
    addTextField(field) {
      const entry = this.#texts.get(field);
      if (entry?.wrapper) {
        if (this.#isIntact(field, entry)) {
          this.#tracked.add(field);
          return;
        }
        this.#unwrap(entry);
      }
      const textNode = textPhoneNode(field);
      if (!textNode) {
        if (entry) this.#tracked.delete(field);
        this.#texts.delete(field);
        return;
      }
      // The same value already queued, or read and left alone (not a phone number).
      if (entry && entry.textNode === textNode && entry.text === textNode.data && !entry.wrapper) {
        this.#tracked.add(field);
        return;
      }
      this.#texts.set(field, { field, textNode, text: textNode.data, wrapper: null, item: null });
      this.#tracked.add(field);
      this.#queue(field);
    }

    /** Settings changed: every number is dialed again under the new ones. */
    refresh() {
      this.#stopAnswering(null); // answers to the old settings will not come
      this.#answers.clear();
      this.#asked.clear();
      this.#unsent.clear();
      this.skipped.clear();
      this.#enabled = true;
      this.recheck();
    }

    /**
     * The extension is gone or replaced by a newer version: every number goes back as the page
     * rendered it, and no answer still on its way is applied.
     */
    standDown() {
      this.#enabled = false;
      this.#stopAnswering(null);
      for (const target of this.#tracked) this.#putBack(target);
      this.#tracked.clear();
    }

    /**
     * The core answered that the extension is switched off: every number goes back as the page
     * rendered it, not only those of this answer (the others, still to be asked, never will be
     * while it is off). They stay tracked for when it is switched on again.
     */
    #switchOff() {
      this.#enabled = false;
      this.#stopAnswering({ enabled: false });
      const generation = this.#generation;
      forEachSliced([...this.#tracked], (target) => {
        if (generation === this.#generation) this.#putBack(target); // unless switched on meanwhile
      }).catch((error) => console.debug('Caller ID Dialer: could not put numbers back', error));
    }

    /**
     * No answer asked so far is applied or asked again; whoever waits for one (a held click)
     * gets `answer` (null: none will come).
     * @param {{ enabled: false } | null} answer
     */
    #stopAnswering(answer) {
      this.#generation += 1;
      clearTimeout(this.#expiry);
      this.#cancelResend();
      this.#waiting = [];
      this.#answered.length = 0; // also ends a slice run in progress
      for (const waiting of this.#awaited.values()) for (const resolve of waiting) resolve(answer);
      this.#awaited.clear();
    }

    /** Puts `target` back as the page rendered it, if what it shows is still ours. */
    #putBack(target) {
      try {
        const link = this.#links.get(target);
        const entry = this.#texts.get(target);
        if (link && target.getAttribute('href') === link.appliedHref) this.#restore(target, link);
        else if (entry) this.#unwrap(entry);
      } catch {
        // One broken element never keeps the others from going back.
      }
    }

    /** Asks again which caller ID each number presents (a record's caller-ID field appeared). */
    recheck() {
      forEachSliced([...this.#tracked], (target) => {
        if (target.isConnected) this.#queue(target);
        else this.#tracked.delete(target);
      }).catch((error) => console.debug('Caller ID Dialer: could not recheck', error));
    }

    /**
     * Reads the number `target` shows and applies the core's answer: at once when this page
     * had it already, else once it arrives. Called within the finder's slices (or recheck's).
     */
    #queue(target) {
      if (!this.#enabled) return;
      const state = this.#stateOf(target);
      if (!state) return;
      const raw = state.telHref !== undefined ? phoneLinkValue(state.telHref) : state.text.trim();
      state.item = { raw, recordCallerId: this.#recordCallerIdOf(target), doNotCall: this.#doNotCallOf(target) };
      const turn = { target, state, item: state.item, telHref: state.telHref };
      const key = itemKey(turn.item);
      const answer = this.#answers.get(key);
      if (answer) {
        this.#settle(turn, answer);
        this.#onSettled();
        return;
      }
      this.#waiting.push(turn);
      if (this.#asked.has(key)) return;
      this.#asked.set(key, turn.item);
      this.#unsent.set(key, turn.item);
      if (this.#sendScheduled) return;
      this.#sendScheduled = true;
      // Sent when the current slice ends: no fixed wait, and a page scanned in slices sends
      // one message per slice, the first one before the page even renders what it added.
      queueMicrotask(() => this.#send());
    }

    #stateOf(target) {
      return this.#links.get(target) ?? this.#texts.get(target);
    }

    /** Asks the core for the items not asked yet, in one message, and applies its answers. */
    async #send() {
      this.#sendScheduled = false;
      const items = new Map(this.#unsent);
      this.#unsent.clear();
      const generation = this.#generation;
      let reply;
      try {
        reply = await this.#dialBatch([...items.values()]);
        this.failure = null;
      } catch (error) {
        this.failure = String(error?.message ?? error);
        reply = { enabled: true, results: [] };
      }
      if (generation !== this.#generation) return; // asked under settings since replaced
      if (!reply.enabled) {
        this.#switchOff();
        return;
      }
      // No result means the request failed (reported as `failure`): its items stay asked, and
      // their numbers waiting, until the background answers them.
      const failed = new Map();
      [...items.entries()].forEach(([key, item], index) => {
        const answer = { enabled: true, result: reply.results?.[index] };
        if (answer.result) {
          this.#asked.delete(key);
          this.#answers.set(key, answer);
          // A held click waits for an answer; a failed request is sent again within its wait.
          for (const resolve of this.#awaited.get(key) ?? []) resolve(answer);
          this.#awaited.delete(key);
        } else {
          failed.set(key, item);
        }
      });
      const waiting = [];
      for (const turn of this.#waiting) {
        // A turn replaced by a newer one for its target is dropped.
        if (turn.state.item !== turn.item) continue;
        const answer = this.#answers.get(itemKey(turn.item));
        if (answer) this.#answered.push({ turn, answer });
        else waiting.push(turn);
      }
      this.#waiting = waiting;
      this.#applyAnswered();
      this.#expireLater();
      this.#resendLater(failed);
    }

    /** Settings changed, or the extension went away: nothing asked before is sent again. */
    #cancelResend() {
      clearTimeout(this.#resend);
      this.#resend = 0;
      this.#toResend.clear();
    }

    /**
     * Sends `failed` again after a wait that doubles with each failure in a row: the background
     * may have been stopped mid-batch (killed, crashed, updated) and takes a moment to restart.
     * @param {Map<string, DialItem>} failed
     */
    #resendLater(failed) {
      if (failed.size === 0) {
        if (this.#toResend.size === 0) this.#resendDelay = 0;
        return;
      }
      for (const [key, item] of failed) this.#toResend.set(key, item);
      if (this.#resend) return; // already due: sends these too
      this.#resendDelay = Math.min(RESEND_LONGEST_MS, this.#resendDelay * 2 || RESEND_FIRST_MS);
      this.#resend = setTimeout(() => {
        this.#resend = 0;
        for (const [key, item] of this.#toResend) this.#unsent.set(key, item);
        this.#toResend.clear();
        this.#send();
      }, this.#resendDelay);
    }

    /**
     * Verdicts hold until the next edge of calling hours in the callee's zones: when the
     * first of them expires, its numbers are asked again, so that their titles (and a click
     * answered from them) say what a click does then.
     */
    #expireLater() {
      clearTimeout(this.#expiry);
      let next = Infinity;
      for (const { result } of this.#answers.values()) {
        const until = result && 'verdictUntil' in result ? result.verdictUntil : null;
        if (typeof until === 'number') next = Math.min(next, until);
      }
      if (next === Infinity) return;
      // setTimeout's longest wait is about 24.8 days; verdicts hold a day at most.
      this.#expiry = setTimeout(() => this.#expire(), Math.max(0, next - Date.now()));
    }

    #expire() {
      const now = Date.now();
      const expired = new Set();
      for (const [key, { result }] of this.#answers) {
        const until = result && 'verdictUntil' in result ? result.verdictUntil : null;
        if (typeof until === 'number' && until <= now) {
          this.#answers.delete(key);
          expired.add(key);
        }
      }
      forEachSliced([...this.#tracked], (target) => {
        const item = this.#stateOf(target)?.item;
        if (target.isConnected && item && expired.has(itemKey(item))) this.#queue(target);
      }).catch((error) => console.debug('Caller ID Dialer: could not ask again', error));
      this.#expireLater();
    }

    /** Applies the answered turns in slices; reports when done. */
    #applyAnswered() {
      if (this.#applying) return;
      this.#applying = true;
      const answered = this.#answered;
      let index = 0;
      runSliced(() => {
        if (index >= answered.length) return false;
        index += 1; // before the call: a turn that throws is skipped, not retried
        const { turn, answer } = answered[index - 1];
        this.#settle(turn, answer);
        return true;
      }).finally(() => {
        answered.splice(0, index);
        this.#applying = false;
        this.#onSettled();
        if (answered.length > 0) this.#applyAnswered();
      });
    }

    /** Applies the core's answer to the number read in `turn`, unless a newer turn replaced it. */
    #settle({ target, state, item, telHref }, { result }) {
      if (this.#stateOf(target) !== state || state.item !== item || state.telHref !== telHref) return;
      let settled = false;
      try {
        settled = this.#links.has(target) ? this.#settleLink(target, state, result) : this.#settleText(target, state, result);
      } catch (error) {
        // One broken element never stops the others.
        console.debug('Caller ID Dialer: could not update a link', error);
      }
      if (settled && result && !result.ok) this.skipped.set(item.raw, result.message);
    }

    #settleLink(anchor, link, result) {
      // A newer value arrived meanwhile (it has its own turn), or the page made this
      // something other than the phone link we read: leave it to the page.
      const current = anchor.getAttribute('href');
      if (current !== link.telHref && current !== link.appliedHref) return false;
      if (result?.ok) {
        this.#apply(anchor, link, result);
      } else {
        this.#restore(anchor, link);
      }
      return true;
    }

    #settleText(field, entry, result) {
      // The page changed the field meanwhile: it has been read again, or will be.
      if (entry.textNode.data !== entry.text) return false;
      if (entry.wrapper ? !this.#isIntact(field, entry) : !field.contains(entry.textNode)) return false;
      if (result?.ok) {
        this.#wrap(entry, result);
      } else {
        this.#unwrap(entry);
      }
      return true;
    }

    #apply(anchor, link, result) {
      link.appliedHref = result.href;
      setIfChanged(anchor, 'href', result.href);
      const description = this.#describe(result);
      for (const name of DESCRIBING_ATTRIBUTES) setIfChanged(anchor, name, description);
    }

    #restore(anchor, link) {
      if (!link.appliedHref) return;
      link.appliedHref = null;
      anchor.setAttribute('href', link.telHref);
      this.#restoreDescription(anchor, link);
    }

    #restoreDescription(anchor, link) {
      for (const name of DESCRIBING_ATTRIBUTES) {
        const value = link.original[name];
        if (value === null) anchor.removeAttribute(name);
        else setIfChanged(anchor, name, value);
      }
    }

    /** Puts the field's text node into a link of ours, where the text node was; or updates it. */
    #wrap(entry, result) {
      let { wrapper } = entry;
      if (!wrapper) {
        const { textNode } = entry;
        wrapper = textNode.ownerDocument.createElement('a');
        wrapper.setAttribute('href', result.href);
        this.#wrappers.set(wrapper, entry.field);
        textNode.parentNode.insertBefore(wrapper, textNode);
        wrapper.appendChild(textNode);
        entry.wrapper = wrapper;
      }
      setIfChanged(wrapper, 'href', result.href);
      const description = this.#describe(result);
      for (const name of DESCRIBING_ATTRIBUTES) setIfChanged(wrapper, name, description);
    }

    /** Gives the text node back to where it was and removes our link, if it is still ours to remove. */
    #unwrap(entry) {
      const { wrapper } = entry;
      if (!wrapper) return;
      entry.wrapper = null;
      this.#wrappers.delete(wrapper);
      const parent = wrapper.parentNode;
      if (!parent) return;
      // Whatever the page put into our link goes back in its place, in order.
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      wrapper.remove();
    }

    /** Whether our link is still in the field, holding only the text node we wrapped, unchanged. */
    #isIntact(field, entry) {
      const { wrapper, textNode } = entry;
      return (
        field.contains(wrapper) &&
        wrapper.childNodes.length === 1 &&
        wrapper.firstChild === textNode &&
        textNode.data === entry.text
      );
    }
  }

  /** The first wait before a failed batch is sent again, and the longest. */
  const RESEND_FIRST_MS = 100;
  const RESEND_LONGEST_MS = 10_000;

  /**
   * What the link says about the call: the tooltip, and the accessible name (it includes the
   * number, so a screen reader still hears what it dials).
   */
  const DESCRIBING_ATTRIBUTES = ['title', 'aria-label'];

  /**
   * Cache key of a request: the same raw value on another record may get another caller ID,
   * and another verdict.
   * @param {DialItem} item
   */
  function itemKey({ raw, recordCallerId, doNotCall }) {
    return `${raw}\u0000${recordCallerId ?? ''}\u0000${doNotCall ? 1 : 0}`;
  }

  /** Writes an attribute only when it changes: the page sees no mutation for nothing. */
  function setIfChanged(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  return LinkRewriter;
})();

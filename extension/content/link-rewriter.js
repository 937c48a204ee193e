'use strict';
/**
 * Turns phone links into dialer links in place: only `href` and `title` of the element
 * Salesforce rendered change, and both are restored when the extension is switched off.
 * Raw values go to the core in batches; each value is dialed once per settings version.
 */

/* eslint-disable no-unused-vars -- a global used by main.js */

class LinkRewriter {
  /** anchor -> { telHref, title, appliedHref } */
  #links = new WeakMap();
  /** Anchors seen, for re-applying after a settings change; disconnected ones are pruned. */
  #tracked = new Set();
  /** raw value -> Promise of the core's result for it, under the current settings. */
  #results = new Map();
  #pending = new Set();
  #flushScheduled = false;
  #enabled = true;
  #dialBatch;
  #describe;
  /** raw value -> why it was left as it was; shown in the popup. */
  skipped = new Map();
  /** Why the core could not answer, if it could not. */
  failure = null;

  /**
   * `dialBatch(raws)` resolves to `{ enabled, results }` from the core;
   * `describe(result)` is the link's title.
   */
  constructor(dialBatch, describe) {
    this.#dialBatch = dialBatch;
    this.#describe = describe;
  }

  /** Number of links currently showing a rewritten href. */
  get rewrittenCount() {
    let count = 0;
    for (const anchor of this.#tracked) {
      if (anchor.isConnected && this.#links.get(anchor).appliedHref) count += 1;
    }
    return count;
  }

  /** Takes a phone link found on the page; a link already handled is ignored. */
  add(anchor) {
    const href = anchor.getAttribute('href');
    const link = this.#links.get(anchor);
    // Our own write, or a value already queued, dialed or skipped. The same tel: value set
    // again over our link (a re-render) is taken again and answered from the cache.
    if (link && (href === link.appliedHref || (href === link.telHref && !link.appliedHref))) return;
    if (!isPhoneLink(anchor) || anchor.isContentEditable) return;
    if (link) {
      // The framework set a new value: what we applied belongs to the old one, and our
      // title must not describe it while the new value is being read.
      this.#restoreTitle(anchor, link);
      link.telHref = href;
      link.appliedHref = null;
    } else {
      this.#links.set(anchor, { telHref: href, title: anchor.getAttribute('title'), appliedHref: null });
    }
    this.#tracked.add(anchor);
    this.#queue(anchor);
  }

  /** Settings changed: every link is dialed again under the new ones. */
  refresh() {
    this.#results.clear();
    this.skipped.clear();
    this.#enabled = true;
    for (const anchor of this.#tracked) {
      if (anchor.isConnected) this.#queue(anchor);
      else this.#tracked.delete(anchor);
    }
  }

  #queue(anchor) {
    this.#pending.add(anchor);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // Everything found in this task goes to the core as one message.
    setTimeout(() => this.#flush(), 0);
  }

  async #flush() {
    this.#flushScheduled = false;
    const batch = [...this.#pending];
    this.#pending.clear();
    if (!this.#enabled) return;
    this.#requestMissing(batch.map((anchor) => phoneLinkValue(this.#links.get(anchor).telHref)));
    await Promise.all(batch.map((anchor) => this.#settle(anchor)));
  }

  /** Sends the raw values not yet dialed under these settings, in one message. */
  #requestMissing(raws) {
    const missing = [...new Set(raws)].filter((raw) => !this.#results.has(raw));
    if (missing.length === 0) return;
    const reply = this.#dialBatch(missing).then(
      (answer) => {
        this.failure = null;
        return answer;
      },
      (error) => {
        this.failure = String(error?.message ?? error);
        return { enabled: true, results: [] };
      },
    );
    missing.forEach((raw, index) => {
      this.#results.set(
        raw,
        reply.then(({ enabled, results }) => ({ enabled, result: results[index] })),
      );
    });
  }

  async #settle(anchor) {
    const link = this.#links.get(anchor);
    const telHref = link.telHref;
    const raw = phoneLinkValue(telHref);
    const { enabled, result } = await this.#results.get(raw);
    // A newer value arrived meanwhile (it has its own turn), or the page made this
    // something other than the phone link we read: leave it to the page.
    const current = anchor.getAttribute('href');
    if (link.telHref !== telHref || (current !== telHref && current !== link.appliedHref)) return;
    try {
      if (!enabled) {
        this.#enabled = false;
        this.#restore(anchor, link);
      } else if (result?.ok) {
        this.#apply(anchor, link, result);
      } else {
        this.#restore(anchor, link);
        if (result) this.skipped.set(raw, result.message);
        // No result means the request failed (reported as `failure`): ask again next time.
        else this.#results.delete(raw);
      }
    } catch (error) {
      // One broken element never stops the others.
      console.debug('Caller ID Dialer: could not update a link', error);
    }
  }

  #apply(anchor, link, result) {
    link.appliedHref = result.href;
    anchor.setAttribute('href', result.href);
    anchor.setAttribute('title', this.#describe(result));
  }

  #restore(anchor, link) {
    if (!link.appliedHref) return;
    link.appliedHref = null;
    anchor.setAttribute('href', link.telHref);
    this.#restoreTitle(anchor, link);
  }

  #restoreTitle(anchor, link) {
    if (link.title === null) anchor.removeAttribute('title');
    else anchor.setAttribute('title', link.title);
  }
}

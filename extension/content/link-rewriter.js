'use strict';
/**
 * Turns phone links into dialer links in place: only `href` and `title` of the element
 * Salesforce rendered change, and both are restored when the extension is switched off.
 * Values go to the core in batches; each value is dialed once per settings version.
 */

/* eslint-disable no-unused-vars -- a global used by main.js */

class LinkRewriter {
  /** anchor -> { telHref, original: { title, aria-label }, appliedHref, item } */
  #links = new WeakMap();
  /** Anchors seen, for re-applying after a settings change; disconnected ones are pruned. */
  #tracked = new Set();
  /** item key -> Promise of the core's answer for it, under the current settings. */
  #results = new Map();
  #pending = new Set();
  #flushScheduled = false;
  #enabled = true;
  #dialBatch;
  #describe;
  #recordCallerIdOf;
  #onSettled;
  /** raw value -> why it was left as it was; shown in the popup. */
  skipped = new Map();
  /** Why the core could not answer, if it could not. */
  failure = null;

  /**
   * `dialBatch(items)` resolves to `{ enabled, results }` from the core, one result per
   * `{ raw, recordCallerId }` item; `describe(result)` is the link's title;
   * `recordCallerIdOf(anchor)` is the caller ID stored on the anchor's record, or null;
   * `onSettled()` is called after each batch is applied.
   */
  constructor({ dialBatch, describe, recordCallerIdOf, onSettled }) {
    this.#dialBatch = dialBatch;
    this.#describe = describe;
    this.#recordCallerIdOf = recordCallerIdOf;
    this.#onSettled = onSettled;
  }

  /** Whether the extension is switched off in settings, as the core last answered. */
  get enabled() {
    return this.#enabled;
  }

  /** Number of links currently showing a rewritten href. */
  get rewrittenCount() {
    let count = 0;
    for (const anchor of this.#tracked) {
      if (anchor.isConnected && this.#links.get(anchor).appliedHref) count += 1;
    }
    return count;
  }

  /** What the core was asked for `anchor`, if it is a link this rewriter handles. */
  itemOf(anchor) {
    return this.#links.get(anchor)?.item ?? null;
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
    if (!this.#enabled) {
      this.#onSettled();
      return;
    }
    for (const anchor of batch) {
      const link = this.#links.get(anchor);
      link.item = { raw: phoneLinkValue(link.telHref), recordCallerId: this.#recordCallerIdOf(anchor) };
    }
    this.#requestMissing(batch.map((anchor) => this.#links.get(anchor).item));
    await Promise.all(batch.map((anchor) => this.#settle(anchor)));
    this.#onSettled();
  }

  /** Sends the items not yet dialed under these settings, in one message. */
  #requestMissing(items) {
    const missing = new Map();
    for (const item of items) {
      const key = itemKey(item);
      if (!this.#results.has(key)) missing.set(key, item);
    }
    if (missing.size === 0) return;
    const reply = this.#dialBatch([...missing.values()]).then(
      (answer) => {
        this.failure = null;
        return answer;
      },
      (error) => {
        this.failure = String(error?.message ?? error);
        return { enabled: true, results: [] };
      },
    );
    [...missing.keys()].forEach((key, index) => {
      this.#results.set(
        key,
        reply.then(({ enabled, results }) => ({ enabled, result: results[index] })),
      );
    });
  }

  async #settle(anchor) {
    const link = this.#links.get(anchor);
    const { telHref, item } = link;
    const key = itemKey(item);
    const { enabled, result } = await this.#results.get(key);
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
        if (result) this.skipped.set(item.raw, result.message);
        // No result means the request failed (reported as `failure`): ask again next time.
        else this.#results.delete(key);
      }
    } catch (error) {
      // One broken element never stops the others.
      console.debug('Caller ID Dialer: could not update a link', error);
    }
  }

  #apply(anchor, link, result) {
    link.appliedHref = result.href;
    anchor.setAttribute('href', result.href);
    const description = this.#describe(result);
    for (const name of DESCRIBING_ATTRIBUTES) anchor.setAttribute(name, description);
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
      else anchor.setAttribute(name, value);
    }
  }
}

/**
 * What the link says about the call: the tooltip, and the accessible name (it includes the
 * number, so a screen reader still hears what it dials).
 */
const DESCRIBING_ATTRIBUTES = ['title', 'aria-label'];

/** Cache key of a request: the same raw value on another record may get another caller ID. */
function itemKey({ raw, recordCallerId }) {
  return `${raw}\u0000${recordCallerId ?? ''}`;
}

'use strict';
/**
 * Finds phone links, text phone fields and record fields in a document and in every open
 * shadow root below it, and follows the page as it changes: added nodes, text changed in
 * place, shadow roots met later, and `href` set again by the framework. One observer serves
 * the document and every shadow root, because a document observer does not see inside
 * native shadow roots.
 *
 * The observer's callback only takes note of what changed; the scanning happens afterwards,
 * in short slices (slices.js), so a page adding thousands of rows at once is not held up.
 */

/* exported LinkFinder */
const LinkFinder = (() => {
  /**
   * After a custom element is first seen without a shadow root, when to look again whether it
   * has one (ms after the previous look): an element upgraded later, or a component attaching
   * its root after it was inserted, produces no mutation that an observer of the page sees.
   */
  const LATE_ROOT_CHECKS_MS = [50, 250, 1000, 4000, 15000, 60000];

  /** How far above a changed node a text phone field holding it may be (its text, our link). */
  const TEXT_FIELD_DEPTH = 4;

  class LinkFinder {
    #onPhoneLink;
    #onRecordField;
    #onTextField;
    #observer;
    #observedRoots = new WeakSet();
    /** Text phone fields seen, to notice changes to their content. */
    #textFields = new WeakSet();
    /** Roots and added subtrees waiting to be scanned: { node, again }. */
    #queue = [];
    /** The scan in progress. */
    /** @type {TreeWalker | null} */
    #walker = null;
    /** Elements visited since the queue was last empty: a subtree met twice is scanned once. */
    #seen = new Set();
    #draining = false;
    /** Text phone fields whose content changed, read once the queue is empty. */
    #changedFields = new Set();
    /** Generations of custom elements without a shadow root yet: { hosts, checks, due }. */
    #lateHosts = [];
    #newLateHosts = [];
    /** The timer of the next check, 'checking' while one runs, or null. @type {ReturnType<typeof setTimeout> | 'checking' | null} */
    #lateTimer = null;

    /**
     * `onPhoneLink(anchor)`, `onTextField(element)` and `onRecordField(element)` are called for
     * each one found, possibly again for the same one (always again when its content changed).
     * @param {{
     *   onPhoneLink: (anchor: Element) => void,
     *   onRecordField: (element: Element) => void,
     *   onTextField?: (element: Element) => void,
     * }} callbacks
     */
    constructor({ onPhoneLink, onRecordField, onTextField = () => {} }) {
      this.#onPhoneLink = onPhoneLink;
      this.#onRecordField = onRecordField;
      this.#onTextField = onTextField;
      this.#observer = new MutationObserver((records) => this.#onMutations(records));
    }

    /** Scans `root` (a document or shadow root) and keeps watching it; safe to call again. */
    watch(root) {
      if (!this.#observedRoots.has(root)) {
        this.#observedRoots.add(root);
        this.#observer.observe(root, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['href'],
        });
      }
      this.#enqueue(root, true);
    }

    /**
     * Takes the nodes an event went through (`event.composedPath()`): an open shadow root the
     * agent reaches that was not seen yet is watched from now on.
     */
    discover(path) {
      for (const node of path) {
        if (node instanceof ShadowRoot && node.mode === 'open' && !this.#observedRoots.has(node)) this.watch(node);
      }
    }

    stop() {
      this.#observer.disconnect();
      this.#queue = [];
      if (typeof this.#lateTimer === 'number') clearTimeout(this.#lateTimer);
    }

    /** `again`: scan it even if its elements were visited already (it changed since). */
    #enqueue(node, again) {
      this.#queue.push({ node, again });
      this.#drain();
    }

    /** Works through the queue in slices, unless that is already under way. */
    #drain() {
      if (this.#draining) return;
      this.#draining = true;
      runSliced(() => this.#step()).finally(() => {
        this.#draining = false;
        this.#seen.clear();
        this.#scheduleLateRootCheck();
        // Noted after the last step, before this point: not left waiting for the next change.
        if (this.#queue.length > 0 || this.#changedFields.size > 0) this.#drain();
      });
    }

    /** One element visited, or one field read; false when there is nothing left to do. */
    #step() {
      for (;;) {
        if (this.#walker) {
          const next = this.#walker.nextNode();
          if (next) {
            this.#visit(next);
            return true;
          }
          this.#walker = null;
        }
        const entry = this.#queue.shift();
        if (!entry) return this.#readChangedFields();
        const { node, again } = entry;
        if (!node.isConnected || (!again && this.#seen.has(node))) continue;
        if (node.nodeType === Node.ELEMENT_NODE) this.#visit(node);
        this.#walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
        return true;
      }
    }

    /** The fields whose content changed, read after every added node was seen. */
    #readChangedFields() {
      const [field] = this.#changedFields;
      if (!field) return false;
      this.#changedFields.delete(field);
      if (field.isConnected) this.#onTextField(field);
      return true;
    }

    #visit(element) {
      this.#seen.add(element);
      try {
        if (isPhoneLink(element)) {
          this.#onPhoneLink(element);
        } else if (isTextPhoneField(element)) {
          this.#textFields.add(element);
          this.#onTextField(element);
        }
        if (recordFieldName(element)) this.#onRecordField(element);
        if (element.shadowRoot) this.watch(element.shadowRoot);
        else if (element.localName.includes('-')) this.#newLateHosts.push(element);
      } catch (error) {
        // One odd element must not stop the others.
        console.debug('Caller ID Dialer: skipped an element', error);
      }
    }

    /** Notes what changed: a storm of records costs little here, and is scanned once later. */
    #onMutations(records) {
      for (const record of records) {
        if (record.type === 'attributes') {
          // `href` set again, by the framework or by us (not a phone link then): only a phone
          // link is looked at again, with the rest, in slices.
          if (isPhoneLink(record.target)) this.#enqueue(record.target, true);
          continue;
        }
        const field = this.#textFieldHolding(record.target);
        if (field) this.#changedFields.add(field);
        if (record.type !== 'childList') continue;
        for (const node of record.addedNodes) {
          // An element visited already and added again was moved: what it holds may be new.
          if (node.nodeType === Node.ELEMENT_NODE) this.#enqueue(node, this.#seen.has(node));
        }
      }
      if (this.#changedFields.size > 0) this.#drain();
    }

    /** The text phone field (one seen already) that `node` is part of, if any. */
    #textFieldHolding(node) {
      let current = node;
      for (let depth = 0; current && depth <= TEXT_FIELD_DEPTH; depth += 1) {
        if (this.#textFields.has(current)) return current;
        current = current.parentNode;
      }
      return null;
    }

    /** Looks again at custom elements seen without a shadow root, a few times each. */
    #scheduleLateRootCheck() {
      if (this.#newLateHosts.length > 0) {
        this.#lateHosts.push({ hosts: this.#newLateHosts, checks: 0, due: Date.now() + LATE_ROOT_CHECKS_MS[0] });
        this.#newLateHosts = [];
      }
      if (this.#lateTimer !== null || this.#lateHosts.length === 0) return;
      const next = Math.min(...this.#lateHosts.map((generation) => generation.due));
      this.#lateTimer = setTimeout(() => {
        // Marked as under way until it ends: one check at a time.
        this.#lateTimer = 'checking';
        this.#checkLateRoots().finally(() => {
          this.#lateTimer = null;
          this.#scheduleLateRootCheck();
        });
      }, Math.max(0, next - Date.now()));
    }

    async #checkLateRoots() {
      const now = Date.now();
      for (const generation of this.#lateHosts.filter((candidate) => candidate.due <= now)) {
        const waiting = [];
        // A big list has thousands of hosts: checked in slices like the rest.
        await forEachSliced(generation.hosts, (host) => {
          if (!host.isConnected) return;
          if (host.shadowRoot) this.watch(host.shadowRoot);
          else waiting.push(host);
        });
        generation.hosts = waiting;
        generation.checks += 1;
        generation.due = Date.now() + (LATE_ROOT_CHECKS_MS[generation.checks] ?? Infinity);
      }
      this.#lateHosts = this.#lateHosts.filter((generation) => generation.hosts.length > 0 && generation.due !== Infinity);
    }
  }

  return LinkFinder;
})();

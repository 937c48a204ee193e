'use strict';
/**
 * What the background remembers between messages while it runs: the settings in effect, and
 * the core's answers under them. A number asked about again (another frame, a re-render, a
 * record met again, the numbers a navigation wake dials ahead) then costs no storage read and
 * no core call. The answers belong to the settings they were made under: settings read afresh
 * come with an empty table, so no answer outlives a settings change (issue 3: changes apply at
 * once). Calling-hours verdicts are not kept: they depend on the time of each request.
 *
 * A classic script for the background. Defines the global `SettingsAnswers`.
 */

/* exported SettingsAnswers */
const SettingsAnswers = (() => {
  /** Answers kept under one version of the settings: several big list views; past it, start over. */
  const MAX_ANSWERS = 20_000;

  /**
   * What decides the core's answer for an item (Do Not Call is judged per request, not here).
   * @param {{ raw: string, recordCallerId?: string | null, choice?: string | null }} item
   */
  const answerKey = ({ raw, recordCallerId, choice }) => `${raw}\u0000${recordCallerId ?? ''}\u0000${choice ?? ''}`;

  /**
   * @template Read the settings as the core validated them
   * @template Result one answer of the core
   */
  class SettingsAnswers {
    #read;
    /** @type {Promise<{ read: Read, dial: (items: any[], dialBatch: (items: any[]) => Result[]) => Result[] }> | null} */
    #current = null;

    /** @param {() => Promise<Read>} read reads the settings from storage and validates them */
    constructor(read) {
      this.#read = read;
    }

    /**
     * The settings in effect and the dialing under them: kept, or read afresh when `fresh`
     * (a frame or page asking for the settings themselves, after a change) or when forgotten.
     */
    current({ fresh = false } = {}) {
      if (fresh || !this.#current) {
        const previous = this.#current;
        const entry = this.#read().then(async (read) => {
          // The same settings read again (a new frame starting) keep their answers.
          const kept = await previous?.catch(() => null);
          return kept && JSON.stringify(kept.read) === JSON.stringify(read) ? kept : { read, dial: answersUnder() };
        });
        this.#current = entry;
        // A failed read is not kept: the next message reads again.
        entry.catch(() => {
          if (this.#current === entry) this.#current = null;
        });
      }
      return this.#current;
    }

    /** The stored settings changed: the next message reads them again. */
    forget() {
      this.#current = null;
    }
  }

  /**
   * `dial(items, dialBatch)`: one answer per item, copied from the table where it is there;
   * the others asked of `dialBatch` in one call, and kept.
   */
  function answersUnder() {
    const answers = new Map();
    return (items, dialBatch) => {
      const keys = items.map(answerKey);
      /** key -> item, for the keys with no answer yet */
      const asked = new Map();
      keys.forEach((key, index) => {
        if (!answers.has(key) && !asked.has(key)) asked.set(key, items[index]);
      });
      const found = new Map(keys.map((key) => [key, answers.get(key)]));
      if (asked.size > 0) {
        if (answers.size + asked.size > MAX_ANSWERS) answers.clear();
        const results = dialBatch([...asked.values()]);
        [...asked.keys()].forEach((key, index) => {
          answers.set(key, results[index]);
          found.set(key, results[index]);
        });
      }
      // Copies: the caller adds each request's own verdict to what it gets.
      return keys.map((key) => ({ ...found.get(key) }));
    };
  }

  return SettingsAnswers;
})();

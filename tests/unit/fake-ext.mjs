/**
 * A stand-in for the WebExtension API (`ext`) as the extension's scripts use it, for the fast
 * tests: messages read from the real _locales/en/messages.json with the browser's rules for
 * placeholders, storage areas in memory that report their changes, and messages to the
 * background answered by a function the test gives.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MESSAGES = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../extension/_locales/en/messages.json', import.meta.url)), 'utf8'),
);

/** `i18n.getMessage` as browsers do it: named placeholders, then $1…$9 from `substitutions`. */
export function getMessage(key, substitutions = []) {
  const entry = MESSAGES[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = entry.placeholders ?? {};
  const fill = (text) => text.replace(/\$(\d)/g, (_, digit) => subs[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
      const placeholder = placeholders[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

/** A storage area in memory; `writes` lists every `set`, for tests that nothing was saved. */
function storageArea(name, onChange) {
  let values = {};
  const area = {
    writes: [],
    /** The keys of every `remove`. */
    removed: [],
    async get() {
      return structuredClone(values);
    },
    /** The browser's refusal of the next `set`, as a quota makes it; `null` to accept. */
    refuseNext: null,
    async set(changes) {
      const refusal = area.refuseNext;
      area.refuseNext = null;
      if (refusal) throw new Error(refusal);
      area.writes.push(structuredClone(changes));
      values = { ...values, ...structuredClone(changes) };
      onChange(changes, name);
    },
    async remove(keys) {
      area.removed.push([...keys]);
      values = Object.fromEntries(Object.entries(values).filter(([key]) => !keys.includes(key)));
      onChange(Object.fromEntries(keys.map((key) => [key, {}])), name);
    },
    /** Sets values as the browser would (another page, a policy), telling the listeners. */
    replace(next) {
      values = structuredClone(next);
      onChange(next, name);
    },
  };
  return area;
}

/**
 * `answer(message, sender)`: the background's answer to a message a script sends; it may
 * throw or reject, as a background that fails does.
 */
export function fakeExt({ answer = () => ({}) } = {}) {
  const messageListeners = [];
  const storageListeners = [];
  const changed = (changes, area) => {
    for (const listener of storageListeners) listener(changes, area);
  };
  const ext = {
    sent: [],
    i18n: { getMessage, getUILanguage: () => 'en' },
    runtime: {
      /** A test sets it undefined to play an extension that went away, as Chromium does. */
      id: 'test',
      getURL: (path) => `chrome-extension://test/${path}`,
      async sendMessage(message) {
        ext.sent.push(structuredClone(message));
        return answer(structuredClone(message), {});
      },
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
    },
    storage: {
      sync: storageArea('sync', changed),
      local: storageArea('local', changed),
      managed: storageArea('managed', changed),
      onChanged: { addListener: (listener) => storageListeners.push(listener) },
    },
    /**
     * Sends `message` to the script's listeners as another context would; resolves to the
     * answer, copied as the browser copies messages.
     */
    tell(message) {
      return new Promise((resolve) => {
        const respond = (answer) => resolve(structuredClone(answer));
        for (const listener of messageListeners) {
          if (listener(message, {}, respond) === true) return;
        }
        resolve(undefined);
      });
    },
  };
  return ext;
}

'use strict';
/**
 * Chromium may load an extension's policy after the extension started, and then does not
 * always fire `storage.onChanged` for it (measured: an open editor kept the user's values after
 * a policy reload; pixiebrix-extension issue 7618 reports the same). So the background and the
 * settings pages read `storage.managed` again a few times after they start and whenever a page
 * is shown again, and report a policy that differs from the one they read before. (Salesforce
 * frames read no policy: the background tells them, and a frame shown again asks it.)
 */

/* exported watchLatePolicy */

/**
 * Calls `listener` when the policy read now differs from the one read before.
 * @param {() => void} listener
 */
function watchLatePolicy(listener) {
  /** When to read the policy again, in ms after the context started: a few times, then never. */
  const CHECKS_MS = [1000, 2000, 4000, 8000, 16000, 32000];
  /** The policy as last read, as JSON; null until the first read. @type {string | null} */
  let last = null;
  let reading = Promise.resolve();
  // Without a policy, Firefox rejects instead of answering {}.
  const read = async () => JSON.stringify(await ext.storage.managed.get(null).catch(() => ({})));
  /** Reads the policy after the reads before it; `use(policy)` gets it. @param {(policy: string) => void} use */
  const queue = (use) => {
    reading = reading.then(async () => use(await read())).catch(() => {
      // The page closed, or the extension went away: nothing to follow.
    });
  };

  const check = () =>
    queue((now) => {
      if (last !== null && now !== last) listener();
      last = now;
    });

  // A change the browser did report is the new baseline: reported once, not twice.
  ext.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') {
      queue((now) => {
        last = now;
      });
    }
  });
  check();
  for (const delay of CHECKS_MS) setTimeout(check, delay);
  // The background has no document; a page checks again when it is shown.
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

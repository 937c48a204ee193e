'use strict';
/**
 * Where settings are stored: the user's in `storage.sync`, the administrator's policy in
 * `storage.managed` (same keys). Both are handed unvalidated to the Rust core's
 * `readSettings(sync, managed)`, which merges and validates them.
 */

/* exported loadStoredSettings, saveSettings, onSettingsChanged */
const { loadStoredSettings, saveSettings, onSettingsChanged } = (() => {
  const SETTINGS_AREAS = ['sync', 'managed'];

  /** `{ sync, managed }`: everything stored in each area, unvalidated. */
  async function loadStoredSettings() {
    const [sync, managed] = await Promise.all([
      ext.storage.sync.get(null),
      // Without a policy, Firefox rejects instead of answering {}.
      ext.storage.managed.get(null).catch(() => ({})),
    ]);
    return { sync, managed };
  }

  /**
   * Saves already-validated values to the user's settings.
   * @param {Record<string, unknown>} values
   */
  async function saveSettings(values) {
    await ext.storage.sync.set(values);
  }

  /**
   * Calls `listener` after any change of the user's settings or of the policy, also of a
   * policy the browser loaded late without telling (late-policy.js).
   * @param {() => void} listener
   */
  function onSettingsChanged(listener) {
    ext.storage.onChanged.addListener((_changes, area) => {
      if (SETTINGS_AREAS.includes(area)) listener();
    });
    watchLatePolicy(listener);
  }

  return { loadStoredSettings, saveSettings, onSettingsChanged };
})();

'use strict';
/**
 * Where settings are stored: the user's in `storage.sync` (or `storage.local` when too large
 * to sync), the administrator's policy in `storage.managed` (same keys). All are handed
 * unvalidated to the Rust core's `readSettings(sync, managed, local)`, which reads the
 * layout, merges and validates them; its `storagePlan` says how to save.
 */

/* exported loadStoredSettings, saveSettings, onSettingsChanged */
const { loadStoredSettings, saveSettings, onSettingsChanged } = (() => {
  const SETTINGS_AREAS = ['sync', 'local', 'managed'];

  /** `{ sync, local, managed }`: everything stored in each area, unvalidated. */
  async function loadStoredSettings() {
    const [sync, local, managed] = await Promise.all([
      ext.storage.sync.get(null),
      ext.storage.local.get(null),
      // Without a policy, Firefox rejects instead of answering {}.
      ext.storage.managed.get(null).catch(() => ({})),
    ]);
    return { sync, local, managed };
  }

  /**
   * Saves by the core's plan (`storagePlan`): its storage calls, in order. A refused call
   * rejects with the browser's reason; the calls before it stay made, and the plan orders them
   * so that what is read is whole at every point.
   * @param {{ steps: Array<{ area: 'sync' | 'local', set: Record<string, unknown>, remove: string[] }> }} plan
   */
  async function saveSettings(plan) {
    for (const { area, set, remove } of plan.steps) {
      if (Object.keys(set).length > 0) await ext.storage[area].set(set);
      if (remove.length > 0) await ext.storage[area].remove(remove);
    }
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

'use strict';
/**
 * Where settings are stored. The keys are the ones the Rust core validates
 * (`readSettings`): the stored object is handed to it as is.
 */

/* eslint-disable no-unused-vars -- globals shared by the scripts listed after this one */

const SETTINGS_AREA = 'sync';

/** Everything the user stored, unvalidated. */
async function loadStoredSettings() {
  return ext.storage[SETTINGS_AREA].get(null);
}

/** Saves already-validated values. */
async function saveSettings(values) {
  await ext.storage[SETTINGS_AREA].set(values);
}

/** Calls `listener` after any settings change, from this or another context. */
function onSettingsChanged(listener) {
  ext.storage.onChanged.addListener((_changes, area) => {
    if (area === SETTINGS_AREA) listener();
  });
}

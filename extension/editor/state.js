/**
 * What is stored and what the core made of it, and the one way to change it: `commit`
 * validates the full candidate settings with the core and saves only the keys that changed,
 * laid out as the core's `storagePlan` says, or nothing when the core refuses.
 */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { fieldOfError } from './problems.js';

/** @typedef {wasm_bindgen.Settings} Settings */
/** @typedef {import('./problems.js').Problem} Problem */
/**
 * @typedef {{ ok: true, settings: Settings, warnings: Problem[] }
 *   | { ok: false, problems: Problem[] }} Check
 */

export const state = {
  /** What `storage.sync` holds: the user's settings in their stored layout, unvalidated. @type {Record<string, unknown>} */
  sync: {},
  /** What `storage.local` holds: the user's settings when too large to sync. @type {Record<string, unknown>} */
  local: {},
  /** The administrator's policy, unvalidated. @type {Record<string, unknown>} */
  managed: {},
  /** The settings in effect. @type {Settings} */
  settings: /** @type {Settings} */ (/** @type {unknown} */ (null)),
  /** Stored values the core ignored, and why. @type {ReturnType<Core['readSettings']>['problems']} */
  problems: [],
  /** @type {Problem[]} */
  warnings: [],
  /** Keys the policy sets. @type {string[]} */
  locked: [],
  /** @type {ReturnType<Core['subdivisions']>} */
  subdivisions: [],
  /** @type {ReturnType<Core['linkPresets']>} */
  presets: [],
  /** After a removal: [list id, index] of the row to focus once the list is drawn again. @type {[string, number] | null} */
  focusAfter: null,
};
/** @typedef {import('../ui/core.js').Core} Core */

/** @type {() => void} */
let redraw = () => {};

/**
 * Sets what `refresh` calls to draw the editor from the state.
 * @param {() => void} draw
 */
export function onRefresh(draw) {
  redraw = draw;
}

/**
 * Reads the storage areas again (or takes `stored`) and redraws everything from what the
 * core makes of them.
 * @param {{ sync?: Record<string, unknown>, local?: Record<string, unknown>, managed?: Record<string, unknown> } | null} [stored]
 */
export async function refresh(stored = null) {
  const { sync, local, managed } = stored ?? (await loadStoredSettings());
  const reading = core.readSettings(sync ?? {}, managed ?? {}, local ?? {});
  state.sync = sync ?? {};
  state.local = local ?? {};
  state.managed = managed ?? {};
  state.settings = reading.settings;
  state.problems = reading.problems;
  state.warnings = reading.warnings;
  state.locked = reading.locked;
  redraw();
}

/**
 * JSON with object keys sorted: storage may hand objects back with their keys reordered.
 * @param {unknown} value
 */
const canonical = (value) =>
  JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
/** @param {unknown} a @param {unknown} b */
const same = (a, b) => canonical(a) === canonical(b);

/**
 * Checks the settings in effect with `changes` applied.
 * @param {Partial<Settings>} changes
 * @returns {Check}
 */
export function check(changes) {
  const candidate = { ...state.settings, ...changes };
  let problems;
  try {
    problems = core.settingsProblems(candidate);
  } catch (error) {
    problems = [{ field: '', message: error.message }];
  }
  if (problems.length > 0) return { ok: false, problems };
  try {
    const { settings, warnings } = core.validateSettings(candidate);
    return { ok: true, settings, warnings };
  } catch (error) {
    return { ok: false, problems: [{ field: fieldOfError(error.message), message: error.message }] };
  }
}

/**
 * Validates `changes` against the full settings and saves the keys whose value changed;
 * saves nothing when the core refuses. Returns what `check` returns, or the reason the save
 * failed.
 * @param {Partial<Settings>} changes
 * @returns {Promise<Check>}
 */
export async function commit(changes) {
  const result = check(changes);
  if (!result.ok) return result;
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const key of /** @type {(keyof Settings)[]} */ (Object.keys(changes))) {
    if (state.locked.includes(key)) continue; // its control is disabled; policy wins anyway
    // A list stored in chunks is not under its key in `state.sync`: always handed to the
    // plan, which writes only the chunks that changed.
    if (!same(result.settings[key], state.sync[key])) values[key] = result.settings[key];
  }
  const failure = Object.keys(values).length > 0 ? await save(values) : null;
  await refresh();
  return failure ?? result;
}

/**
 * Saves validated `values` (setting keys) by the core's plan; the reason as a problem when the
 * core or the browser refuses, null once saved.
 * @param {Record<string, unknown>} values
 * @returns {Promise<{ ok: false, problems: Problem[] } | null>}
 */
export async function save(values) {
  try {
    await saveSettings(core.storagePlan(values, state.sync, state.local));
    return null;
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: t('saveFailed', [error.message]) }] };
  }
}

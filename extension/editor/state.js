/**
 * What is stored and what the core made of it, and the one way to change it: `commit`
 * validates the full candidate settings with the core and saves only the keys that changed,
 * or nothing when the core refuses.
 */
import { core } from '../ui/core.js';
import { fieldOfError } from './problems.js';

/** @typedef {wasm_bindgen.Settings} Settings */
/** @typedef {import('./problems.js').Problem} Problem */
/**
 * @typedef {{ ok: true, settings: Settings, warnings: Problem[] }
 *   | { ok: false, problems: Problem[] }} Check
 */

export const state = {
  /** The user's stored settings, unvalidated. @type {Record<string, unknown>} */
  sync: {},
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
 * Reads both storage areas again (or takes `stored`) and redraws everything from what the
 * core makes of them.
 * @param {{ sync?: Record<string, unknown>, managed?: Record<string, unknown> } | null} [stored]
 */
export async function refresh(stored = null) {
  const { sync, managed } = stored ?? (await loadStoredSettings());
  const reading = core.readSettings(sync ?? {}, managed ?? {});
  state.sync = sync ?? {};
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
 * saves nothing when the core refuses. Returns what `check` returns.
 * @param {Partial<Settings>} changes
 */
export async function commit(changes) {
  const result = check(changes);
  if (!result.ok) return result;
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const key of /** @type {(keyof Settings)[]} */ (Object.keys(changes))) {
    if (state.locked.includes(key)) continue; // its control is disabled; policy wins anyway
    if (!same(result.settings[key], state.sync[key])) values[key] = result.settings[key];
  }
  if (Object.keys(values).length > 0) await saveSettings(values);
  await refresh();
  return result;
}

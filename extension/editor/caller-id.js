/** Caller IDs as the agent types and reads them, in the words of the core. */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { state } from './state.js';

/**
 * What the core says of a typed caller ID: `{ ok, value, kind, text }`; an error names why
 * and suggests the E.164 form when it can.
 * @param {string} value
 * @returns {{ ok: boolean, value: string, kind: '' | 'warning' | 'error', text: string }}
 */
export function callerIdFeedback(value) {
  try {
    const { value: checked, warning } = core.checkCallerId(value);
    return { ok: true, value: checked, kind: warning ? 'warning' : '', text: warning ?? '' };
  } catch (error) {
    const suggestion = core.suggestCallerId(value);
    const text = suggestion ? `${error.message} ${t('didYouMean', [suggestion])}` : error.message;
    return { ok: false, value, kind: 'error', text };
  }
}

/**
 * A caller ID for people: "+1 303-555-0100", or the value itself if the core refuses it.
 * @param {string} number
 */
export function displayOf(number) {
  try {
    return core.checkCallerId(number).display;
  } catch {
    return number;
  }
}

/**
 * A caller ID with its label from the pool, for people.
 * @param {string} number
 */
export function callerIdText(number) {
  if (!number) return t('callerIdNone');
  const display = displayOf(number);
  const entry = state.settings.callerIds.find((item) => item.number === number);
  return entry?.label ? t('callerIdWithLabel', [display, entry.label]) : display;
}

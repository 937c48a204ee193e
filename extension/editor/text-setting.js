/**
 * A setting typed as text (the default caller ID, the record fields, a custom link template):
 * checked as the agent types, saved on Enter or when the field is left, put back on Escape.
 */
import { t } from '../ui/localize.js';
import { markInvalid, setMessage } from './dom.js';
import { problemsText } from './problems.js';
import { check, commit, state } from './state.js';

/** @typedef {'recordCallerIdField' | 'linkTemplate' | 'doNotCallField'} TextKey */

/**
 * Shows a stored text value in its field unless the agent is typing there, or has typed
 * something not yet saved while the stored value stayed the same.
 * @param {HTMLInputElement} input
 * @param {string | null | undefined} stored
 * @param {() => void} onReset
 */
export function syncText(input, stored, onReset) {
  const value = stored ?? '';
  if (document.activeElement === input || input.dataset.stored === value) return;
  input.dataset.stored = value;
  input.value = value;
  input.removeAttribute('aria-invalid');
  onReset();
}

/**
 * Validates and saves one text setting; shows "Saved." or why nothing was saved.
 * @param {TextKey} key
 * @param {HTMLInputElement} input
 * @param {HTMLElement} shown
 */
export async function saveText(key, input, shown) {
  const value = input.value.trim();
  if (value === input.dataset.stored && input.getAttribute('aria-invalid') !== 'true') return;
  const result = await commit({ [key]: value });
  if (!result.ok) {
    markInvalid(input, true);
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  markInvalid(input, false);
  input.dataset.stored = state.settings[key];
  const warnings = result.warnings.filter((warning) => warning.field === key).map((warning) => warning.message);
  setMessage(shown, 'saved', [t('saved'), ...warnings].join(' '));
}

/**
 * Checks a text setting as the agent types, without saving.
 * @param {TextKey} key
 * @param {HTMLInputElement} input
 * @param {HTMLElement} shown
 */
export function previewText(key, input, shown) {
  const value = input.value.trim();
  const result = check({ [key]: value });
  const mine = result.ok ? [] : result.problems.filter((problem) => problem.field === '' || problem.field.startsWith(key));
  markInvalid(input, mine.length > 0);
  setMessage(shown, mine.length > 0 ? 'error' : '', problemsText(mine));
}

/**
 * Enter saves, Escape puts back the saved value (and is left to close the popup otherwise).
 * @param {HTMLInputElement} input
 * @param {() => void} save
 * @param {() => void} revert
 */
export function bindTextSetting(input, save, revert) {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape' && (input.value !== (input.dataset.stored ?? '') || input.getAttribute('aria-invalid') === 'true')) {
      event.preventDefault();
      input.value = input.dataset.stored ?? '';
      revert();
    }
  });
  input.addEventListener('change', save);
}

/**
 * A text setting checked and saved by the core alone, with its message element.
 * @param {TextKey} key
 * @param {HTMLInputElement} input
 * @param {HTMLElement} shown
 */
export function bindCheckedText(key, input, shown) {
  input.addEventListener('input', () => previewText(key, input, shown));
  bindTextSetting(
    input,
    () => saveText(key, input, shown),
    () => previewText(key, input, shown),
  );
}

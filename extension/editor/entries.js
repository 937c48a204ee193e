/** The editor's lists of entries (the pool, the rules): each row with its Remove button. */
import { setMessage } from './dom.js';
import { problemsText } from './problems.js';
import { commit, state } from './state.js';

/**
 * Replaces a list's rows and keeps the keyboard focus: on the same control of the same
 * entry, or after a removal on the next entry's Remove button (else `fallback`).
 * @param {HTMLElement} list
 * @param {HTMLElement[]} rows
 * @param {HTMLElement} fallback
 */
export function redrawList(list, rows, fallback) {
  const active = /** @type {HTMLElement | null} */ (document.activeElement);
  const focused = active && list.contains(active) ? active.dataset.focusKey : null;
  list.replaceChildren(...rows);
  if (focused) /** @type {HTMLElement | null} */ (list.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`))?.focus();
  if (state.focusAfter?.[0] === list.id) {
    const buttons = list.querySelectorAll('button.remove');
    const index = Math.min(state.focusAfter[1], buttons.length - 1);
    state.focusAfter = null;
    (index >= 0 ? /** @type {HTMLElement} */ (buttons[index]) : fallback).focus();
  }
}

/**
 * Saves a list without one entry; focus then goes to the remove button now at the same
 * place in `focusAfter`'s list. Says what was removed, or why nothing was.
 * @param {Partial<import('./state.js').Settings>} values
 * @param {[string, number]} focusAfter
 * @param {HTMLElement} shown
 * @param {string} removedText
 */
export async function removeEntry(values, focusAfter, shown, removedText) {
  state.focusAfter = focusAfter;
  const result = await commit(values);
  if (!result.ok) {
    state.focusAfter = null;
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  setMessage(shown, 'saved', removedText);
}

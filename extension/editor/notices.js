/**
 * The notices at the top of the editor: stored or policy values the core ignored, warnings
 * about no entry in particular, and errors of controls that have no message of their own.
 */
import { t } from '../ui/localize.js';
import { $, el } from './dom.js';
import { bare, problemText } from './problems.js';
import { commit, state } from './state.js';

export function build() {
  return [
    el('div', { id: 'problems', class: 'problems', role: 'alert', hidden: true }),
    el('ul', { id: 'warnings', class: 'warnings', hidden: true }),
  ];
}

/** Draws them; after the lists, whose entries get their own warnings. */
export function render() {
  renderProblems();
  renderWarnings();
}

function renderProblems() {
  const shown = $('problems');
  shown.hidden = state.problems.length === 0;
  shown.replaceChildren(
    ...state.problems.map((problem) =>
      el('p', {
        text: t(problem.source === 'policy' ? 'policyValueIgnored' : 'storedValueIgnored', [problem.field, bare(problem)]),
      }),
    ),
  );
}

/** Warnings go next to the entry they are about; the rest in a list at the top. */
function renderWarnings() {
  const general = [];
  for (const warning of state.warnings) {
    if (warning.field === 'defaultCallerId') continue; // shown under the field, as typed
    const entry = /^(callerIds|rules)\[(\d+)\]/.exec(warning.field ?? '');
    /** @type {HTMLElement | null} */
    const row = entry && document.querySelector(`[data-list="${entry[1]}"][data-index="${entry[2]}"] .entry-warning`);
    if (row) {
      row.textContent = [row.textContent, bare(warning)].filter(Boolean).join(' ');
      row.hidden = false;
    } else {
      general.push(warning);
    }
  }
  const list = $('warnings');
  list.hidden = general.length === 0;
  list.replaceChildren(...general.map((warning) => el('li', { text: problemText(warning) })));
}

/**
 * Why a change made with a control that has no message of its own was refused.
 * @param {import('./problems.js').Problem[]} problems
 */
export function showGeneralError(problems) {
  const list = $('warnings');
  list.hidden = false;
  list.replaceChildren(...problems.map((problem) => el('li', { class: 'error', text: problemText(problem) })));
}

/**
 * Saves the value of a control that has no message of its own (a switch, a list); a refusal
 * shows at the top.
 * @param {Partial<import('./state.js').Settings>} changes
 */
export async function commitControl(changes) {
  const result = await commit(changes);
  if (!result.ok) showGeneralError(result.problems);
  return result;
}

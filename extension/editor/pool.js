/**
 * The pool: the caller IDs shared with the agent in 8x8 Admin Console, each with a label;
 * offered wherever a caller ID is typed (the `pool-numbers` list), and for local presence.
 */
import { t } from '../ui/localize.js';
import { callerIdFeedback, displayOf } from './caller-id.js';
import { $, cell, clearOnEscape, el, hint, markInvalid, message, row, setMessage, setting, textInput } from './dom.js';
import { redrawList, removeEntry } from './entries.js';
import { problemsText } from './problems.js';
import { commit, state } from './state.js';

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'pool-heading' },
    el('h2', { id: 'pool-heading', i18n: 'poolHeading' }),
    setting(
      'callerIds',
      'field-group',
      hint('pool-hint', 'poolHint'),
      el('ul', { id: 'pool-list', class: 'entries', 'aria-labelledby': 'pool-heading' }),
      el('p', { id: 'pool-empty', class: 'empty', i18n: 'poolEmpty', hidden: true }),
      el(
        'form',
        { id: 'pool-add', class: 'add-form', novalidate: true },
        row(
          cell(
            'pool-number',
            'poolNumberLabel',
            textInput('pool-number', { inputmode: 'tel', placeholder: '+13035550100', 'aria-describedby': 'pool-message' }),
          ),
          cell(
            'pool-label',
            'poolLabelLabel',
            textInput('pool-label', { placeholder: t('poolLabelPlaceholder'), 'aria-describedby': 'pool-message' }),
          ),
          el('button', { type: 'submit', id: 'pool-add-button', i18n: 'add' }),
        ),
        message('pool-message'),
      ),
    ),
    el('datalist', { id: 'pool-numbers' }),
  );
}

export function start() {
  $('pool-add').addEventListener('submit', addCallerId);
  /** @type {HTMLInputElement} */
  const poolNumber = $('pool-number');
  poolNumber.addEventListener('input', () => {
    const value = poolNumber.value.trim();
    const feedback = value === '' ? { ok: true, kind: '', text: '' } : callerIdFeedback(value);
    markInvalid(poolNumber, !feedback.ok);
    setMessage($('pool-message'), feedback.kind, feedback.text);
  });
  clearOnEscape([poolNumber, $('pool-label')], $('pool-message'));
}

export function render() {
  $('pool-numbers').replaceChildren(
    ...state.settings.callerIds.map(({ number, label: name }) => el('option', { value: number, label: name || null })),
  );
  const pool = state.settings.callerIds;
  const rows = pool.map(({ number, label: name }, index) => {
    const display = displayOf(number);
    const labelInput = textInput(`pool-label-${index}`, {
      class: 'entry-label',
      value: name,
      'aria-label': t('poolLabelFor', [display]),
      'data-focus-key': `label:${number}`,
      'data-stored': name,
    });
    labelInput.value = name;
    labelInput.addEventListener('change', () => saveLabel(number, labelInput));
    labelInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        saveLabel(number, labelInput);
      } else if (event.key === 'Escape' && labelInput.value !== labelInput.dataset.stored) {
        event.preventDefault();
        labelInput.value = labelInput.dataset.stored ?? '';
        labelInput.removeAttribute('aria-invalid');
      }
    });
    const remove = el('button', {
      type: 'button',
      class: 'remove',
      text: t('remove'),
      'aria-label': t('removeCallerId', [display]),
      'data-focus-key': `remove:${number}`,
    });
    remove.addEventListener('click', () => removeCallerId(number, index));
    return el(
      'li',
      { class: 'entry', 'data-list': 'callerIds', 'data-index': index, 'data-number': number },
      el('span', { class: 'entry-number', text: display }),
      labelInput,
      remove,
      el('p', { class: 'entry-warning', hidden: true }),
    );
  });
  redrawList($('pool-list'), rows, $('pool-number'));
  $('pool-empty').hidden = pool.length > 0;
}

async function addCallerId() {
  /** @type {HTMLInputElement} */
  const numberInput = $('pool-number');
  /** @type {HTMLInputElement} */
  const labelInput = $('pool-label');
  const shown = $('pool-message');
  setMessage(shown, '', '');
  const value = numberInput.value.trim();
  const feedback = callerIdFeedback(value);
  if (value === '' || !feedback.ok) {
    markInvalid(numberInput, true);
    setMessage(shown, 'error', value === '' ? t('poolNeedsNumber') : feedback.text);
    numberInput.focus();
    return;
  }
  const pool = state.settings.callerIds;
  if (pool.some((entry) => entry.number === feedback.value)) {
    markInvalid(numberInput, true);
    setMessage(shown, 'error', t('poolDuplicate', [displayOf(feedback.value)]));
    numberInput.focus();
    return;
  }
  const result = await commit({ callerIds: [...pool, { number: feedback.value, label: labelInput.value.trim() }] });
  if (!result.ok) {
    markInvalid(numberInput, result.problems.some((problem) => !/\.label$/.test(problem.field)));
    markInvalid(labelInput, result.problems.some((problem) => /\.label$/.test(problem.field)));
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  numberInput.value = '';
  labelInput.value = '';
  markInvalid(numberInput, false);
  markInvalid(labelInput, false);
  setMessage(
    shown,
    feedback.kind === 'warning' ? 'saved warning' : 'saved',
    [t('poolAdded', [displayOf(feedback.value)]), feedback.text].filter(Boolean).join(' '),
  );
  numberInput.focus();
}

/**
 * @param {string} number
 * @param {HTMLInputElement} input
 */
async function saveLabel(number, input) {
  const name = input.value.trim();
  if (name === input.dataset.stored) return;
  const pool = state.settings.callerIds.map((entry) => (entry.number === number ? { ...entry, label: name } : entry));
  const shown = $('pool-message');
  const result = await commit({ callerIds: pool });
  if (!result.ok) {
    markInvalid(input, true);
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  setMessage(shown, 'saved', t('poolLabelSaved', [displayOf(number)]));
}

/**
 * @param {string} number
 * @param {number} index
 */
function removeCallerId(number, index) {
  const pool = state.settings.callerIds.filter((entry) => entry.number !== number);
  return removeEntry({ callerIds: pool }, ['pool-list', index], $('pool-message'), t('poolRemoved', [displayOf(number)]));
}

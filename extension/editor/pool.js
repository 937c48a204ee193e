/**
 * The pool: the caller IDs shared with the agent in 8x8 Admin Console, each with a label;
 * offered wherever a caller ID is typed (the `pool-numbers` list), and for local presence.
 * A pool of hundreds is shown a page at a time, narrowed by a search of numbers and labels.
 */
import { t } from '../ui/localize.js';
import { callerIdFeedback, displayOf } from './caller-id.js';
import { $, cell, clearOnEscape, el, hint, label, markInvalid, message, row, setMessage, setting, textInput } from './dom.js';
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
      el(
        'div',
        { class: 'add-cell' },
        label('pool-search', 'poolSearchLabel'),
        textInput('pool-search', { type: 'search', 'aria-controls': 'pool-list', 'aria-describedby': 'pool-page' }),
      ),
      el('ul', { id: 'pool-list', class: 'entries', 'aria-labelledby': 'pool-heading' }),
      el(
        'div',
        { id: 'pool-pages', class: 'add-row', hidden: true },
        el('button', { type: 'button', id: 'pool-previous', i18n: 'pagePrevious', 'aria-controls': 'pool-list' }),
        el('span', { id: 'pool-page', 'aria-live': 'polite' }),
        el('button', { type: 'button', id: 'pool-next', i18n: 'pageNext', 'aria-controls': 'pool-list' }),
      ),
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

/** Rows drawn at a time: enough to scan, few enough that a pool of 2,000 redraws at once. */
const PAGE_SIZE = 50;
const view = { query: '', page: 0 };

export function start() {
  $('pool-add').addEventListener('submit', addCallerId);
  /** @type {HTMLInputElement} */
  const search = $('pool-search');
  search.addEventListener('input', () => {
    view.query = search.value;
    view.page = 0;
    render();
  });
  $('pool-previous').addEventListener('click', () => turnPage(-1));
  $('pool-next').addEventListener('click', () => turnPage(1));
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

/** @param {number} step */
function turnPage(step) {
  view.page += step;
  render();
  // The button stays where it was; if it is now disabled, the other one takes the focus.
  const [button, other] = step > 0 ? ['pool-next', 'pool-previous'] : ['pool-previous', 'pool-next'];
  (/** @type {HTMLButtonElement} */ ($(button)).disabled ? $(other) : $(button)).focus();
}

/**
 * The pool entries the search finds (a number by its digits in any writing, or a label by any
 * part of it, ignoring case), each with its place in the pool.
 * @param {{ number: string, label: string }[]} pool
 */
function found(pool) {
  const words = view.query.trim().toLowerCase();
  const digits = words.replace(/\D/g, '');
  const entries = pool.map((entry, index) => ({ entry, index }));
  if (words === '') return entries;
  return entries.filter(
    ({ entry }) => (digits !== '' && entry.number.includes(digits)) || entry.label.toLowerCase().includes(words),
  );
}

export function render() {
  $('pool-numbers').replaceChildren(
    ...state.settings.callerIds.map(({ number, label: name }) => el('option', { value: number, label: name || null })),
  );
  const pool = state.settings.callerIds;
  const matches = found(pool);
  const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  view.page = Math.min(Math.max(view.page, 0), pages - 1);
  const shown = matches.slice(view.page * PAGE_SIZE, (view.page + 1) * PAGE_SIZE);
  $('pool-pages').hidden = pool.length <= PAGE_SIZE && view.query === '';
  /** @type {HTMLButtonElement} */ ($('pool-previous')).disabled = view.page === 0;
  /** @type {HTMLButtonElement} */ ($('pool-next')).disabled = view.page >= pages - 1;
  $('pool-page').textContent =
    matches.length === 0
      ? t('poolNoMatch')
      : t('pageRange', [
          String(view.page * PAGE_SIZE + 1),
          String(view.page * PAGE_SIZE + shown.length),
          String(matches.length),
        ]);
  const rows = shown.map(({ entry: { number, label: name }, index }, position) => {
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
    remove.addEventListener('click', () => removeCallerId(number, position));
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
 * @param {number} position its row's place on the page, for the focus after the removal
 */
function removeCallerId(number, position) {
  const pool = state.settings.callerIds.filter((entry) => entry.number !== number);
  return removeEntry({ callerIds: pool }, ['pool-list', position], $('pool-message'), t('poolRemoved', [displayOf(number)]));
}

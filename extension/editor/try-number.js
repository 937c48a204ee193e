/**
 * "Try a number": what a number would dial, from which caller ID and why, and whether a
 * click now would be inside calling hours, under the settings in effect, worded as the
 * links' tooltips and the dialog at the click are (shared/describe.js).
 */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { $, cell, clearOnEscape, el, hint, row, setMessage, setText, textInput } from './dom.js';
import { state } from './state.js';

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'try-heading' },
    el('h2', { id: 'try-heading', i18n: 'tryHeading' }),
    el(
      'form',
      { id: 'try-form', class: 'try', novalidate: true },
      row(
        cell('try-number', 'tryNumberLabel', textInput('try-number', { inputmode: 'tel', placeholder: '(303) 555-0147' })),
        cell(
          'try-record',
          'tryRecordLabel',
          textInput('try-record', { inputmode: 'tel', placeholder: '+18880001111', 'aria-describedby': 'try-record-hint' }),
        ),
      ),
      hint('try-record-hint', 'tryRecordHint'),
    ),
    el(
      'div',
      { id: 'try-result', class: 'try-result', 'aria-live': 'polite' },
      el('p', { id: 'try-message', class: 'message' }),
      el(
        'dl',
        { id: 'try-details', hidden: true },
        el('dt', { i18n: 'tryNumber' }),
        el('dd', { id: 'try-dialed' }),
        el('dt', { i18n: 'tryCallerId' }),
        el('dd', { id: 'try-callerid' }),
        el('dt', { i18n: 'tryReason' }),
        el('dd', { id: 'try-reason' }),
        el('dt', { i18n: 'tryLocalTime' }),
        el('dd', { id: 'try-time' }),
        el('dt', { i18n: 'tryCallingHours' }),
        el('dd', { id: 'try-calling' }),
        el('dt', { i18n: 'tryLink' }),
        el('dd', {}, el('code', { id: 'try-href' })),
      ),
    ),
  );
}

export function start() {
  $('try-number').addEventListener('input', render);
  $('try-record').addEventListener('input', render);
  clearOnEscape([$('try-number'), $('try-record')], null, render);
  // The callee's local time moves on while the popup stays open.
  setInterval(render, 30_000);
}

/** Dials the number typed, if any, and shows the result. */
export function render() {
  const raw = /** @type {HTMLInputElement} */ ($('try-number')).value.trim();
  const details = $('try-details');
  const shown = $('try-message');
  if (raw === '' || !state.settings) {
    details.hidden = true;
    setMessage(shown, '', '');
    return;
  }
  /** @type {Parameters<Core['dialBatch']>[0][number]} */
  const item = { raw };
  const record = /** @type {HTMLInputElement} */ ($('try-record')).value.trim();
  if (record !== '') item.recordCallerId = record;
  /** @type {ReturnType<Core['dialBatch']>[number] | { ok: false, message: string }} */
  let result;
  try {
    [result] = core.dialBatch([item], state.settings);
  } catch (error) {
    result = { ok: false, message: error.message };
  }
  if (!result?.ok) {
    details.hidden = true;
    setMessage(shown, 'error', result?.message ?? '');
    return;
  }
  const words = describeResult(result, { subdivisions: state.subdivisions });
  // Only what changed is written, so the live region does not repeat itself every 30 s.
  setText($('try-dialed'), words.numberText);
  setText($('try-callerid'), words.callerIdText ?? t('callerIdNone'));
  setText($('try-reason'), words.reasonText);
  setText($('try-time'), words.localTime ? t('tryLocalTimeValue', [words.localTime, result.timeZone]) : t('tryTimeUnknown'));
  setText($('try-calling'), callingText(result));
  setText($('try-href'), result.href);
  details.hidden = false;
  setMessage(shown, result.warning ? 'warning' : '', result.warning ?? '');
}
/**
 * Whether a click now would dial at once, ask first or be blocked, and why.
 * @param {Extract<ReturnType<Core['dialBatch']>[number], { ok: true }>} result
 */
function callingText(result) {
  const { settings } = state;
  if (settings.callingHours === 'off') return t('tryCallingOff');
  const now = Date.now();
  const [judged] = /** @type {JudgedDial[]} */ (judgeResults(core, [{}], [result], settings, now));
  const verdict = judged.verdict;
  if (!verdict || verdict.action === 'call') return t('tryCallingInside');
  const why = describeVerdict(verdict, { now, callingHours: settings.callingHours }).lines.join(' ');
  return t(verdict.action === 'block' ? 'tryCallingBlock' : 'tryCallingWarn', [why]);
}
/** @typedef {import('../ui/core.js').Core} Core */

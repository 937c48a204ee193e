/**
 * The rules: a caller ID per region (a country, a state or province, or a number prefix),
 * listed as the core applies them, with a form that checks a new rule as it is written.
 */
import { t } from '../ui/localize.js';
import { callerIdFeedback, callerIdText } from './caller-id.js';
import { $, cell, clearOnEscape, el, markInvalid, message, row, setMessage, setting, textInput } from './dom.js';
import { redrawList, removeEntry } from './entries.js';
import { problemsText } from './problems.js';
import { fillRegions, PREFIX_OPTION, regionText } from './regions.js';
import { check, commit, state } from './state.js';

export function build() {
  return setting(
    'rules',
    'field-group',
    el('h3', { id: 'rules-heading', i18n: 'rulesHeading' }),
    el('ul', { id: 'rule-list', class: 'entries', 'aria-labelledby': 'rules-heading' }),
    el('p', { id: 'rule-empty', class: 'empty', i18n: 'rulesEmpty', hidden: true }),
    el(
      'form',
      { id: 'rule-add', class: 'add-form', novalidate: true },
      row(
        cell('rule-region', 'ruleRegionLabel', el('select', { id: 'rule-region', 'aria-describedby': 'rule-message' })),
        cell(
          'rule-prefix',
          'rulePrefixLabel',
          textInput('rule-prefix', { inputmode: 'tel', placeholder: '+1212', 'aria-describedby': 'rule-message' }),
          { id: 'rule-prefix-cell', hidden: true },
        ),
      ),
      row(
        cell(
          'rule-callerid',
          'ruleCallerIdLabel',
          textInput('rule-callerid', {
            inputmode: 'tel',
            placeholder: '+13035550100',
            list: 'pool-numbers',
            'aria-describedby': 'rule-message',
          }),
        ),
        el('button', { type: 'submit', id: 'rule-add-button', i18n: 'add' }),
      ),
      message('rule-message'),
    ),
  );
}

export function start() {
  fillRegions($('rule-region'));
  $('rule-add').addEventListener('submit', addRule);
  $('rule-region').addEventListener('change', () => {
    showPrefixField();
    checkRuleForm({ final: false });
  });
  $('rule-prefix').addEventListener('input', () => checkRuleForm({ final: false }));
  $('rule-callerid').addEventListener('input', () => checkRuleForm({ final: false }));
  clearOnEscape([$('rule-prefix'), $('rule-callerid')], $('rule-message'));
}

/**
 * Rules as the core applies them: prefixes (longest first), then states, then countries.
 * @param {{ region: string }} rule
 */
function ruleOrder(rule) {
  if (rule.region.startsWith('+')) return [0, -rule.region.length];
  if (rule.region.includes('-')) return [1, 0];
  return [2, 0];
}

export function render() {
  const rules = state.settings.rules.map((rule, index) => ({ ...rule, index }));
  rules.sort((a, b) => {
    const [ka, kb] = [ruleOrder(a), ruleOrder(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || a.region.localeCompare(b.region);
  });
  const rows = rules.map(({ region, callerId, index }) => {
    const where = regionText(region);
    const remove = el('button', {
      type: 'button',
      class: 'remove',
      text: t('remove'),
      'aria-label': t('removeRule', [where]),
      'data-focus-key': `remove:${region}`,
    });
    remove.addEventListener('click', () => removeRule(region));
    return el(
      'li',
      { class: 'entry rule', 'data-list': 'rules', 'data-index': index, 'data-region': region },
      el(
        'span',
        { class: 'entry-text' },
        el('span', { class: 'entry-region', text: where }),
        el('span', { class: 'entry-arrow', text: '→', 'aria-hidden': 'true' }),
        el('span', { class: 'visually-hidden', text: ` ${t('ruleUses')} ` }),
        el('span', { class: 'entry-callerid', text: callerIdText(callerId) }),
      ),
      remove,
      el('p', { class: 'entry-warning', hidden: true }),
    );
  });
  redrawList($('rule-list'), rows, $('rule-region'));
  $('rule-empty').hidden = rules.length > 0;
}

/** The rule the add form describes: `{ region, callerId }`, region '' when none is chosen. */
function ruleFromForm() {
  const choice = /** @type {HTMLSelectElement} */ ($('rule-region')).value;
  const region = choice === PREFIX_OPTION ? /** @type {HTMLInputElement} */ ($('rule-prefix')).value.trim() : choice;
  return { region, callerId: /** @type {HTMLInputElement} */ ($('rule-callerid')).value.trim() };
}

/**
 * Checks the rule being written, field by field, as the agent types.
 * @param {{ final: boolean }} options `final`: the agent asked to add it, so what is missing counts
 */
function checkRuleForm({ final }) {
  const rule = ruleFromForm();
  const prefixInput = $('rule-prefix');
  const callerInput = $('rule-callerid');
  /** @type {HTMLSelectElement} */
  const regionSelect = $('rule-region');
  const choosingPrefix = regionSelect.value === PREFIX_OPTION;
  const problems = [];
  let regionBad = false;
  let callerBad = false;
  if (rule.region === '') {
    if (final) {
      problems.push(choosingPrefix ? t('ruleNeedsPrefix') : t('ruleNeedsRegion'));
      regionBad = true;
    }
  } else if (state.settings.rules.some((existing) => existing.region === rule.region)) {
    problems.push(t('ruleExists', [regionText(rule.region)]));
    regionBad = true;
  }
  let callerWarning = '';
  if (rule.callerId === '') {
    if (final) {
      problems.push(t('ruleNeedsCallerId'));
      callerBad = true;
    }
  } else {
    const feedback = callerIdFeedback(rule.callerId);
    if (!feedback.ok) {
      problems.push(feedback.text);
      callerBad = true;
    } else {
      rule.callerId = feedback.value;
      callerWarning = feedback.text;
    }
  }
  // The core's word on the whole rule (a prefix it accepts, say), once both parts are usable.
  if (!regionBad && !callerBad && rule.region !== '' && rule.callerId !== '') {
    const index = state.settings.rules.length;
    const result = check({ rules: [...state.settings.rules, rule] });
    for (const problem of result.ok ? [] : result.problems) {
      problems.push(problemsText([problem]));
      if (problem.field.startsWith(`rules[${index}].callerId`)) callerBad = true;
      else regionBad = true;
    }
  }
  markInvalid(choosingPrefix ? prefixInput : regionSelect, regionBad);
  markInvalid(choosingPrefix ? regionSelect : prefixInput, false);
  markInvalid(callerInput, callerBad);
  const shown = $('rule-message');
  if (problems.length > 0) setMessage(shown, 'error', problems.join(' '));
  else setMessage(shown, callerWarning ? 'warning' : '', callerWarning);
  return { ok: problems.length === 0, rule, callerWarning };
}

async function addRule() {
  setMessage($('rule-message'), '', '');
  const { ok, rule, callerWarning } = checkRuleForm({ final: true });
  if (!ok) {
    /** @type {HTMLElement | null} */
    const first = document.querySelector('#rule-add [aria-invalid="true"]');
    first?.focus();
    return;
  }
  const shown = $('rule-message');
  const result = await commit({ rules: [...state.settings.rules, rule] });
  if (!result.ok) {
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  for (const id of ['rule-region', 'rule-prefix', 'rule-callerid']) /** @type {HTMLInputElement} */ ($(id)).value = '';
  showPrefixField();
  setMessage(
    shown,
    callerWarning ? 'saved warning' : 'saved',
    [t('ruleAdded', [regionText(rule.region)]), callerWarning].filter(Boolean).join(' '),
  );
  $('rule-region').focus();
}

/** @param {string} region */
function removeRule(region) {
  const order = [...$('rule-list').children].map((item) => /** @type {HTMLElement} */ (item).dataset.region);
  return removeEntry(
    { rules: state.settings.rules.filter((rule) => rule.region !== region) },
    ['rule-list', order.indexOf(region)],
    $('rule-message'),
    t('ruleRemoved', [regionText(region)]),
  );
}

function showPrefixField() {
  const choosingPrefix = /** @type {HTMLSelectElement} */ ($('rule-region')).value === PREFIX_OPTION;
  $('rule-prefix-cell').hidden = !choosingPrefix;
}

/** The general settings: on or off, the default country, the default caller ID. */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { callerIdFeedback } from './caller-id.js';
import { $, el, hint, label, markInvalid, message, setMessage, setting, textInput } from './dom.js';
import { commitControl } from './notices.js';
import { problemsText } from './problems.js';
import { countryOptions } from './regions.js';
import { commit, state } from './state.js';
import { bindTextSetting, syncText } from './text-setting.js';

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-label': t('generalHeading') },
    setting('enabled', 'field switch', el('input', { type: 'checkbox', id: 'enabled', class: 'toggle' }), label('enabled', 'enabledLabel')),
    setting('defaultCountry', 'field', label('defaultCountry', 'defaultCountryLabel'), el('select', { id: 'defaultCountry' })),
    setting(
      'defaultCallerId',
      'field',
      label('defaultCallerId', 'defaultCallerIdLabel'),
      textInput('defaultCallerId', {
        inputmode: 'tel',
        placeholder: '+18880001111',
        list: 'pool-numbers',
        'aria-describedby': 'defaultCallerId-hint defaultCallerId-message',
      }),
      hint('defaultCallerId-hint', 'defaultCallerIdHint'),
      message('defaultCallerId-message'),
    ),
  );
}

export function start() {
  /** @type {HTMLSelectElement} */
  const country = $('defaultCountry');
  country.replaceChildren(...countryOptions(core.countries()));
  /** @type {HTMLInputElement} */
  const enabled = $('enabled');
  enabled.addEventListener('change', () => commitControl({ enabled: enabled.checked }));
  country.addEventListener('change', () => commitControl({ defaultCountry: country.value }));
  /** @type {HTMLInputElement} */
  const callerId = $('defaultCallerId');
  callerId.addEventListener('input', () => showCallerIdMessage(callerId.value.trim()));
  bindTextSetting(callerId, saveCallerId, () => showCallerIdMessage(callerId.value.trim()));
}

export function render() {
  const { settings } = state;
  /** @type {HTMLInputElement} */ ($('enabled')).checked = settings.enabled;
  /** @type {HTMLSelectElement} */ ($('defaultCountry')).value = settings.defaultCountry;
  syncText($('defaultCallerId'), settings.defaultCallerId, () => showCallerIdMessage(settings.defaultCallerId));
}

/**
 * Shows why the default caller ID is invalid, or a warning about it; true when it may be saved.
 * @param {string} value
 */
function showCallerIdMessage(value) {
  const input = $('defaultCallerId');
  const shown = $('defaultCallerId-message');
  if (value === '') {
    markInvalid(input, false);
    setMessage(shown, '', '');
    return true;
  }
  const feedback = callerIdFeedback(value);
  markInvalid(input, !feedback.ok);
  setMessage(shown, feedback.kind, feedback.text);
  return feedback.ok;
}

/** Saves the default caller ID only when the core accepts it; otherwise nothing changes. */
async function saveCallerId() {
  /** @type {HTMLInputElement} */
  const input = $('defaultCallerId');
  const value = input.value.trim();
  if (!showCallerIdMessage(value)) return;
  const shown = $('defaultCallerId-message');
  // A warning stays visible after saving: the value is kept but worth checking.
  const warning = shown.textContent;
  const result = await commit({ defaultCallerId: value });
  if (!result.ok) {
    markInvalid(input, true);
    setMessage(shown, 'error', problemsText(result.problems));
    return;
  }
  input.dataset.stored = state.settings.defaultCallerId;
  setMessage(shown, 'saved', [t('saved'), warning].filter(Boolean).join(' '));
}

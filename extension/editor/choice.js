/**
 * How the caller ID is chosen: the record's own field, the rules by region, local presence
 * from the pool.
 */
import { $, el, hint, label, message, setMessage, setting, textInput } from './dom.js';
import { commitControl } from './notices.js';
import * as rules from './rules.js';
import { state } from './state.js';
import { bindCheckedText, syncText } from './text-setting.js';

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'choice-heading' },
    el('h2', { id: 'choice-heading', i18n: 'choiceHeading' }),
    hint('choice-hint', 'choiceHint'),
    setting(
      'recordCallerIdField',
      'field',
      label('recordCallerIdField', 'recordFieldLabel'),
      textInput('recordCallerIdField', {
        placeholder: 'FromCallerID__c',
        'aria-describedby': 'recordCallerIdField-hint recordCallerIdField-message',
      }),
      hint('recordCallerIdField-hint', 'recordFieldHint'),
      message('recordCallerIdField-message'),
    ),
    rules.build(),
    setting(
      'localPresence',
      'field switch',
      el('input', { type: 'checkbox', id: 'localPresence', 'aria-describedby': 'localPresence-hint' }),
      label('localPresence', 'localPresenceLabel'),
      hint('localPresence-hint', 'localPresenceHint'),
    ),
  );
}

export function start() {
  bindCheckedText('recordCallerIdField', $('recordCallerIdField'), $('recordCallerIdField-message'));
  rules.start();
  /** @type {HTMLInputElement} */
  const localPresence = $('localPresence');
  localPresence.addEventListener('change', () => commitControl({ localPresence: localPresence.checked }));
}

export function render() {
  const { settings } = state;
  syncText($('recordCallerIdField'), settings.recordCallerIdField, () => setMessage($('recordCallerIdField-message'), '', ''));
  rules.render();
  /** @type {HTMLInputElement} */ ($('localPresence')).checked = settings.localPresence;
}

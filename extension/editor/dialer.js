/** The dialer: which app the links open (a preset, or a custom link template) and how the number is written. */
import { localize, t } from '../ui/localize.js';
import { $, el, hint, label, message, setMessage, setting, textInput } from './dom.js';
import { commitControl } from './notices.js';
import { state } from './state.js';
import { bindCheckedText, syncText } from './text-setting.js';

/** The value of the preset list's entry for a template of the agent's own. */
const CUSTOM_PRESET = 'custom';

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'dialer-heading' },
    el('h2', { id: 'dialer-heading', i18n: 'dialerHeading' }),
    setting(
      'linkTemplate',
      'field',
      label('linkPreset', 'linkPresetLabel'),
      el('select', { id: 'linkPreset', 'aria-describedby': 'linkPreset-template' }),
      el('p', { id: 'linkPreset-template', class: 'hint template' }),
      el(
        'div',
        { id: 'linkTemplate-custom', class: 'field nested', hidden: true },
        label('linkTemplate', 'linkTemplateLabel'),
        textInput('linkTemplate', {
          placeholder: 'myapp://call?to={number}&from={callerId}',
          'aria-describedby': 'linkTemplate-hint linkTemplate-message',
        }),
        hint('linkTemplate-hint', 'linkTemplateHint'),
        message('linkTemplate-message'),
      ),
    ),
    setting(
      'dialedNumberFormat',
      'field',
      label('dialedNumberFormat', 'dialedNumberFormatLabel'),
      el(
        'select',
        { id: 'dialedNumberFormat' },
        el('option', { value: 'e164', i18n: 'formatE164' }),
        el('option', { value: 'national', i18n: 'formatNational' }),
      ),
    ),
  );
}

export function start() {
  /** @type {HTMLSelectElement} */
  const preset = $('linkPreset');
  preset.replaceChildren(
    // Named for people by id where messages.json has a name; else the core's name.
    ...state.presets.map(({ id, name }) => new Option(t(`preset_${id}`) || name, id)),
    el('option', { value: CUSTOM_PRESET, i18n: 'linkCustomOption' }),
  );
  localize(preset);
  /** @type {HTMLInputElement} */
  const template = $('linkTemplate');
  preset.addEventListener('change', async () => {
    showPresetTemplate();
    const chosen = state.presets.find((item) => item.id === preset.value);
    if (chosen) {
      await commitControl({ linkTemplate: chosen.template });
    } else if (template.value.trim() === '') {
      // Custom starts from the template in effect; Escape goes back to it.
      template.value = state.settings.linkTemplate;
      template.dataset.stored = state.settings.linkTemplate;
    }
  });
  // Leaving the setting with "Custom" chosen but nothing new saved shows what is in effect.
  const wrapper = /** @type {HTMLElement} */ (preset.closest('[data-setting]'));
  wrapper.addEventListener('focusout', (event) => {
    if (!wrapper.contains(/** @type {Node | null} */ (event.relatedTarget))) renderTemplate(state.settings.linkTemplate);
  });
  bindCheckedText('linkTemplate', template, $('linkTemplate-message'));
  /** @type {HTMLSelectElement} */
  const format = $('dialedNumberFormat');
  format.addEventListener('change', () =>
    commitControl({ dialedNumberFormat: /** @type {wasm_bindgen.Settings['dialedNumberFormat']} */ (format.value) }),
  );
}

export function render() {
  renderTemplate(state.settings.linkTemplate);
  /** @type {HTMLSelectElement} */ ($('dialedNumberFormat')).value = state.settings.dialedNumberFormat;
}

/** @param {string} template */
function renderTemplate(template) {
  const preset = state.presets.find((item) => item.template === template);
  /** @type {HTMLSelectElement} */
  const select = $('linkPreset');
  /** @type {HTMLInputElement} */
  const input = $('linkTemplate');
  // While the agent writes a custom template, the list stays on "Custom".
  const writing =
    select.value === CUSTOM_PRESET &&
    (/** @type {HTMLElement} */ (select.closest('[data-setting]')).contains(document.activeElement) ||
      input.getAttribute('aria-invalid') === 'true');
  if (!writing) select.value = preset ? preset.id : CUSTOM_PRESET;
  if (!preset) syncText(input, template, () => setMessage($('linkTemplate-message'), '', ''));
  showPresetTemplate();
}

/** Shows the chosen preset's template, or the custom field. */
function showPresetTemplate() {
  const { value } = /** @type {HTMLSelectElement} */ ($('linkPreset'));
  const preset = state.presets.find((item) => item.id === value);
  $('linkPreset-template').textContent = preset ? preset.template : '';
  $('linkPreset-template').hidden = !preset;
  $('linkTemplate-custom').hidden = Boolean(preset);
}

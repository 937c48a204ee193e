/**
 * Calling hours and Do Not Call: what a click outside the callee's calling hours does, the
 * hours by region, holidays, the preset of US federal and state hours, and what a click on a
 * number of a Do Not Call record does. Every value is checked by the core as it is written,
 * and the core's reason is shown under the form.
 */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { $, cell, clearOnEscape, el, hint, label, markInvalid, message, row, setMessage, setting, textInput } from './dom.js';
import { redrawList, removeEntry } from './entries.js';
import { commitControl } from './notices.js';
import { bare } from './problems.js';
import { fillRegions, PREFIX_OPTION, regionText } from './regions.js';
import { check, commit, state } from './state.js';
import { bindCheckedText, syncText } from './text-setting.js';

/** @typedef {wasm_bindgen.CallingWindow} CallingWindow */
/** @typedef {wasm_bindgen.Holiday} Holiday */
/** @typedef {import('./problems.js').Problem} Problem */

const DAYS = /** @type {const} */ (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const MODES = /** @type {const} */ (['off', 'warn', 'block']);

/** The preset "US federal and state hours", from the core. @type {ReturnType<Core['callingHoursPreset']> | null} */
let preset = null;

export function build() {
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'calling-heading' },
    el('h2', { id: 'calling-heading', i18n: 'callingHeading' }),
    hint('calling-hint', 'callingHint'),
    modeSetting('callingHours', 'callingHoursLabel'),
    setting(
      'callingWindows',
      'field-group',
      el('h3', { id: 'windows-heading', i18n: 'windowsHeading' }),
      hint('windows-hint', 'windowsHint'),
      el('ul', { id: 'window-list', class: 'entries', 'aria-labelledby': 'windows-heading' }),
      el('p', { id: 'window-empty', class: 'empty', i18n: 'windowsEmpty', hidden: true }),
      el(
        'form',
        { id: 'window-add', class: 'add-form', novalidate: true },
        regionRow('window'),
        el(
          'fieldset',
          { id: 'window-days', class: 'days', 'aria-describedby': 'window-message' },
          el('legend', { i18n: 'windowDaysLabel' }),
          ...DAYS.map((day) =>
            el('label', { class: 'day' }, el('input', { type: 'checkbox', value: day, checked: true }), el('span', { 'data-day': day })),
          ),
        ),
        row(
          cell('window-from', 'windowFromLabel', textInput('window-from', { inputmode: 'numeric', placeholder: '08:00', 'aria-describedby': 'window-message' })),
          cell('window-to', 'windowToLabel', textInput('window-to', { inputmode: 'numeric', placeholder: '21:00', 'aria-describedby': 'window-message' })),
          el('button', { type: 'submit', id: 'window-add-button', i18n: 'add' }),
        ),
        message('window-message'),
      ),
      el(
        'div',
        { class: 'preset' },
        el('button', { type: 'button', id: 'preset-button', 'aria-describedby': 'preset-hint preset-message' }),
        el('p', { id: 'preset-hint', class: 'hint' }),
        el('details', {}, el('summary', { i18n: 'presetSources' }), el('ul', { id: 'preset-sources', class: 'sources' })),
        message('preset-message'),
      ),
    ),
    setting(
      'callingHolidays',
      'field-group',
      el('h3', { id: 'holidays-heading', i18n: 'holidaysHeading' }),
      el('ul', { id: 'holiday-list', class: 'entries', 'aria-labelledby': 'holidays-heading' }),
      el('p', { id: 'holiday-empty', class: 'empty', i18n: 'holidaysEmpty', hidden: true }),
      el(
        'form',
        { id: 'holiday-add', class: 'add-form', novalidate: true },
        regionRow('holiday'),
        row(
          cell('holiday-date', 'holidayDateLabel', textInput('holiday-date', { inputmode: 'numeric', placeholder: '2026-12-25', 'aria-describedby': 'holiday-message' })),
          el('button', { type: 'submit', id: 'holiday-add-button', i18n: 'add' }),
        ),
        message('holiday-message'),
      ),
    ),
    modeSetting('doNotCall', 'doNotCallLabel'),
    setting(
      'doNotCallField',
      'field',
      label('doNotCallField', 'doNotCallFieldLabel'),
      textInput('doNotCallField', { placeholder: 'DoNotCall', 'aria-describedby': 'doNotCallField-hint doNotCallField-message' }),
      hint('doNotCallField-hint', 'doNotCallFieldHint'),
      message('doNotCallField-message'),
    ),
  );
}

/**
 * The setting of a mode: off, warn or block.
 * @param {'callingHours' | 'doNotCall'} key
 * @param {string} labelKey
 */
function modeSetting(key, labelKey) {
  return setting(
    key,
    'field',
    label(key, labelKey),
    el('select', { id: key }, ...MODES.map((mode) => el('option', { value: mode, i18n: `mode_${mode}` }))),
  );
}

/**
 * Where an entry applies: the region picker the rules use, with "everywhere", and the
 * prefix field it shows for "Numbers starting with…".
 * @param {'window' | 'holiday'} form
 */
function regionRow(form) {
  const described = { 'aria-describedby': `${form}-message` };
  return row(
    cell(`${form}-region`, 'ruleRegionLabel', el('select', { id: `${form}-region`, ...described })),
    cell(`${form}-prefix`, 'rulePrefixLabel', textInput(`${form}-prefix`, { inputmode: 'tel', placeholder: '+1305', ...described }), {
      id: `${form}-prefix-cell`,
      hidden: true,
    }),
  );
}

export function start() {
  preset = core.callingHoursPreset();
  for (const key of /** @type {const} */ (['callingHours', 'doNotCall'])) {
    /** @type {HTMLSelectElement} */
    const select = $(key);
    select.addEventListener('change', () => commitControl({ [key]: /** @type {wasm_bindgen.CallingMode} */ (select.value) }));
  }
  for (const form of /** @type {const} */ (['window', 'holiday'])) {
    /** @type {HTMLSelectElement} */
    const region = $(`${form}-region`);
    fillRegions(region, { everywhere: true });
    const checkForm = form === 'window' ? () => checkWindowForm({ final: false }) : () => checkHolidayForm({ final: false });
    region.addEventListener('change', () => {
      $(`${form}-prefix-cell`).hidden = region.value !== PREFIX_OPTION;
      checkForm();
    });
    $(`${form}-add`).addEventListener('input', checkForm);
  }
  for (const box of document.querySelectorAll('#window-days [data-day]')) {
    const day = /** @type {HTMLElement} */ (box).dataset.day ?? 'mon';
    // A Monday: 2024-01-01.
    box.textContent = new Intl.DateTimeFormat(navigator.language, { weekday: 'short', timeZone: 'UTC' }).format(
      Date.UTC(2024, 0, 1 + DAYS.indexOf(/** @type {typeof DAYS[number]} */ (day))),
    );
  }
  $('window-add').addEventListener('submit', addWindow);
  $('holiday-add').addEventListener('submit', addHoliday);
  clearOnEscape([$('window-prefix'), $('window-from'), $('window-to')], $('window-message'));
  clearOnEscape([$('holiday-prefix'), $('holiday-date')], $('holiday-message'));
  $('preset-button').textContent = t('presetButton', [preset.published]);
  $('preset-hint').textContent = t('presetHint');
  $('preset-sources').replaceChildren(...preset.sources.map((source) => el('li', { text: source })));
  $('preset-button').addEventListener('click', loadPreset);
  bindCheckedText('doNotCallField', $('doNotCallField'), $('doNotCallField-message'));
}

export function render() {
  const { settings } = state;
  /** @type {HTMLSelectElement} */ ($('callingHours')).value = settings.callingHours;
  /** @type {HTMLSelectElement} */ ($('doNotCall')).value = settings.doNotCall;
  syncText($('doNotCallField'), settings.doNotCallField, () => setMessage($('doNotCallField-message'), '', ''));
  renderWindows();
  renderHolidays();
}

function renderWindows() {
  const rows = state.settings.callingWindows.map((window, index) => {
    const where = regionText(window.region);
    const source = preset?.windows.find((known) => sameWindow(known, window))?.source;
    return entryRow(
      'callingWindows',
      index,
      [
        el('span', { class: 'entry-region', text: where }),
        el('span', { text: ` ${t('windowText', [daysText(window.days), window.from, window.to])}` }),
        source && el('span', { class: 'entry-source', text: ` — ${source}` }),
      ],
      t('removeWindow', [where, window.from, window.to]),
      () =>
        removeEntry(
          { callingWindows: state.settings.callingWindows.filter((_, at) => at !== index) },
          ['window-list', index],
          $('window-message'),
          t('windowRemoved', [where]),
        ),
    );
  });
  redrawList($('window-list'), rows, $('window-region'));
  $('window-empty').hidden = rows.length > 0;
}

function renderHolidays() {
  const rows = state.settings.callingHolidays.map((holiday, index) => {
    const where = regionText(holiday.region);
    return entryRow(
      'callingHolidays',
      index,
      [el('span', { class: 'entry-region', text: where }), el('span', { text: ` ${holiday.date}` })],
      t('removeHoliday', [where, holiday.date]),
      () =>
        removeEntry(
          { callingHolidays: state.settings.callingHolidays.filter((_, at) => at !== index) },
          ['holiday-list', index],
          $('holiday-message'),
          t('holidayRemoved', [where, holiday.date]),
        ),
    );
  });
  redrawList($('holiday-list'), rows, $('holiday-region'));
  $('holiday-empty').hidden = rows.length > 0;
}

/**
 * One entry of a list with its Remove button.
 * @param {string} list the settings key
 * @param {number} index
 * @param {(Node | string | null | undefined | false)[]} text
 * @param {string} removeLabel
 * @param {() => void} remove
 */
function entryRow(list, index, text, removeLabel, remove) {
  const button = el('button', {
    type: 'button',
    class: 'remove',
    text: t('remove'),
    'aria-label': removeLabel,
    'data-focus-key': `remove:${index}`,
  });
  button.addEventListener('click', remove);
  return el(
    'li',
    { class: 'entry rule', 'data-list': list, 'data-index': index },
    el('span', { class: 'entry-text' }, ...text),
    button,
  );
}

/** "every day", or the days in the agent's language. @param {string[]} days */
function daysText(days) {
  if (days.length === DAYS.length) return t('everyDay');
  const names = [...document.querySelectorAll('#window-days [data-day]')];
  return days.map((day) => names.find((name) => /** @type {HTMLElement} */ (name).dataset.day === day)?.textContent ?? day).join(', ');
}

/** @param {CallingWindow} a @param {CallingWindow} b */
function sameWindow(a, b) {
  return a.region === b.region && a.from === b.from && a.to === b.to && a.days.join() === b.days.join();
}

/**
 * The region a form names: '' when none is chosen.
 * @param {'window' | 'holiday'} form
 */
function regionOf(form) {
  const choice = /** @type {HTMLSelectElement} */ ($(`${form}-region`)).value;
  return choice === PREFIX_OPTION ? /** @type {HTMLInputElement} */ ($(`${form}-prefix`)).value.trim() : choice;
}

/** The window the add form describes. @returns {CallingWindow} */
function windowFromForm() {
  const days = [...document.querySelectorAll('#window-days input:checked')].map(
    (box) => /** @type {CallingWindow['days'][number]} */ (/** @type {HTMLInputElement} */ (box).value),
  );
  return {
    region: regionOf('window'),
    days,
    from: /** @type {HTMLInputElement} */ ($('window-from')).value.trim(),
    to: /** @type {HTMLInputElement} */ ($('window-to')).value.trim(),
  };
}

/** The holiday the add form describes. @returns {Holiday} */
function holidayFromForm() {
  return { region: regionOf('holiday'), date: /** @type {HTMLInputElement} */ ($('holiday-date')).value.trim() };
}

/**
 * Checks the entry a form describes with the core, as the agent writes it, and marks the
 * controls the core's reasons are about.
 * @param {'window' | 'holiday'} form
 * @param {'callingWindows' | 'callingHolidays'} key
 * @param {CallingWindow | Holiday} entry
 * @param {Record<string, HTMLElement>} controls the control of each field of an entry
 * @param {{ final: boolean }} options `final`: the agent asked to add it, so what is missing counts
 */
function checkEntryForm(form, key, entry, controls, { final }) {
  /** @type {string[]} */
  const problems = [];
  const invalid = new Set();
  const choosingPrefix = /** @type {HTMLSelectElement} */ ($(`${form}-region`)).value === PREFIX_OPTION;
  const regionControl = choosingPrefix ? $(`${form}-prefix`) : $(`${form}-region`);
  const typed = Object.entries(entry).some(([field, value]) => field !== 'days' && value !== '');
  if (entry.region === '') {
    if (final) {
      problems.push(t(choosingPrefix ? 'ruleNeedsPrefix' : 'callingNeedsRegion'));
      invalid.add(regionControl);
    }
  } else if (final || typed) {
    const list = /** @type {(CallingWindow | Holiday)[]} */ (state.settings[key]);
    const index = list.length;
    const result = check({ [key]: [...list, entry] });
    for (const problem of result.ok ? [] : result.problems) {
      // Only what is wrong with the new entry: a field left empty counts once the agent asks to add.
      const field = new RegExp(`^${key}\\[${index}\\]\\.(\\w+)`).exec(problem.field)?.[1];
      const value = field && /** @type {Record<string, unknown>} */ (entry)[field];
      if (!final && value === '') continue;
      problems.push(bare(problem));
      invalid.add(field === 'region' ? regionControl : (field && controls[field]) || regionControl);
    }
  }
  for (const control of [$(`${form}-region`), $(`${form}-prefix`), ...Object.values(controls)]) markInvalid(control, invalid.has(control));
  setMessage($(`${form}-message`), problems.length > 0 ? 'error' : '', problems.join(' '));
  return problems.length === 0;
}

/** @param {{ final: boolean }} options */
function checkWindowForm(options) {
  return checkEntryForm('window', 'callingWindows', windowFromForm(), { days: $('window-days'), from: $('window-from'), to: $('window-to') }, options);
}

/** @param {{ final: boolean }} options */
function checkHolidayForm(options) {
  return checkEntryForm('holiday', 'callingHolidays', holidayFromForm(), { date: $('holiday-date') }, options);
}

/**
 * Saves the entry a form describes, or shows why not.
 * @param {'window' | 'holiday'} form
 * @param {Partial<wasm_bindgen.Settings>} values
 * @param {string} added
 * @param {HTMLInputElement[]} inputs emptied once it is saved
 */
async function addEntry(form, values, added, inputs) {
  const shown = $(`${form}-message`);
  const result = await commit(values);
  if (!result.ok) {
    setMessage(shown, 'error', result.problems.map(bare).join(' '));
    return;
  }
  for (const input of inputs) input.value = '';
  setMessage(shown, 'saved', added);
  $(`${form}-region`).focus();
}

/** Focuses the first control the form's check marked. @param {'window' | 'holiday'} form */
function focusInvalid(form) {
  /** @type {HTMLElement | null} */ (document.querySelector(`#${form}-add [aria-invalid="true"]`))?.focus();
}

async function addWindow() {
  if (!checkWindowForm({ final: true })) {
    focusInvalid('window');
    return;
  }
  const window = windowFromForm();
  await addEntry(
    'window',
    { callingWindows: [...state.settings.callingWindows, window] },
    t('windowAdded', [regionText(window.region)]),
    [$('window-prefix'), $('window-from'), $('window-to')],
  );
}

async function addHoliday() {
  if (!checkHolidayForm({ final: true })) {
    focusInvalid('holiday');
    return;
  }
  const holiday = holidayFromForm();
  await addEntry(
    'holiday',
    { callingHolidays: [...state.settings.callingHolidays, holiday] },
    t('holidayAdded', [regionText(holiday.region), holiday.date]),
    [$('holiday-prefix'), $('holiday-date')],
  );
}

/**
 * Loads the preset: its windows replace those of the regions it lists (the US and its
 * states); windows of other regions, everywhere ("*") included, stay.
 */
async function loadPreset() {
  if (!preset) return;
  const regions = new Set(preset.windows.map((window) => window.region));
  const windows = [
    ...state.settings.callingWindows.filter((window) => !regions.has(window.region)),
    ...preset.windows.map(({ region, days, from, to }) => ({ region, days, from, to })),
  ];
  const result = await commit({ callingWindows: windows });
  const shown = $('preset-message');
  if (!result.ok) setMessage(shown, 'error', result.problems.map(bare).join(' '));
  else setMessage(shown, 'saved', t('presetLoaded', [String(preset.windows.length), preset.published]));
}

/** @typedef {import('../ui/core.js').Core} Core */

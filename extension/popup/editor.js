'use strict';
/**
 * The settings editor, shared by the popup and the options page (options/options.html).
 *
 * Every value is checked by the Rust core before anything is saved: a change builds the
 * full candidate settings, `validateSettings` accepts or refuses it, and only the keys that
 * changed are written with `saveSettings`. Keys the administrator's policy sets
 * (`readSettings(...).locked`) are shown but their controls are disabled.
 *
 * The editor builds its own nodes (no HTML strings) into the element given to
 * `SettingsEditor.start`; static text comes from messages.json through `data-i18n`.
 */

/* global wasm_bindgen -- defined by core/core.js (wasm-bindgen --target no-modules) */
/* global describeResult -- defined by shared/describe.js */
/* exported SettingsEditor */

const SettingsEditor = (() => {
  const $ = (id) => document.getElementById(id);
  const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

  const EXPORT_FILE = 'caller-id-dialer-settings.json';
  const PREFIX_OPTION = 'prefix';
  const CUSTOM_PRESET = 'custom';

  /** What is stored and what the core made of it. */
  const state = {
    sync: {},
    managed: {},
    settings: null,
    problems: [],
    warnings: [],
    locked: [],
    subdivisions: [],
    presets: [],
    /** After a removal: [list id, index] of the row to focus once the list is drawn again. */
    focusAfter: null,
  };

  // ---------------------------------------------------------------- building nodes

  /**
   * A new element. `attrs`: `text` sets textContent, `i18n` sets data-i18n (filled by
   * `localize`), `class` the class list; `true` sets a boolean attribute, null/false skips.
   */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'i18n') node.dataset.i18n = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
    return node;
  }

  const hint = (id, key) => el('p', { id, class: 'hint', i18n: key });
  const message = (id) => el('p', { id, class: 'message', 'aria-live': 'polite' });
  const label = (forId, key) => el('label', { for: forId, i18n: key });
  const lockedNote = (key) => el('p', { id: `${key}-locked`, class: 'locked-note', i18n: 'lockedByAdmin', hidden: true });

  function textInput(id, attrs = {}) {
    return el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
  }

  /** One row of an inline form: its cells and button side by side. */
  const row = (...children) => el('div', { class: 'add-row' }, ...children);
  /** One control of an inline form under its label; `attrs` go on the cell. */
  const cell = (id, labelKey, control, attrs = {}) => el('div', { class: 'add-cell', ...attrs }, label(id, labelKey), control);

  /**
   * A wrapper for the controls of one setting: disabled together when it is locked. The
   * note goes under the setting's label or heading (after a checkbox's hint).
   */
  function setting(key, className, ...children) {
    const [first, ...rest] = children;
    const parts = className.includes('switch') ? [...children, lockedNote(key)] : [first, lockedNote(key), ...rest];
    return el('div', { class: className, 'data-setting': key }, ...parts);
  }

  function buildEditor() {
    return el(
      'div',
      { class: 'editor' },
      el('div', { id: 'problems', class: 'problems', role: 'alert', hidden: true }),
      el('ul', { id: 'warnings', class: 'warnings', hidden: true }),
      buildGeneral(),
      buildPool(),
      buildChoice(),
      buildDialer(),
      buildTry(),
      buildTransfer(),
      el('datalist', { id: 'pool-numbers' }),
    );
  }

  function buildGeneral() {
    return el(
      'section',
      { class: 'group', 'aria-label': t('generalHeading') },
      setting(
        'enabled',
        'field switch',
        el('input', { type: 'checkbox', id: 'enabled' }),
        label('enabled', 'enabledLabel'),
      ),
      setting(
        'defaultCountry',
        'field',
        label('defaultCountry', 'defaultCountryLabel'),
        el('select', { id: 'defaultCountry' }),
      ),
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

  function buildPool() {
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
    );
  }

  function buildChoice() {
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
      setting(
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
      ),
      setting(
        'localPresence',
        'field switch',
        el('input', { type: 'checkbox', id: 'localPresence', 'aria-describedby': 'localPresence-hint' }),
        label('localPresence', 'localPresenceLabel'),
        hint('localPresence-hint', 'localPresenceHint'),
      ),
    );
  }

  function buildDialer() {
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

  function buildTry() {
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
          el('dt', { i18n: 'tryLink' }),
          el('dd', {}, el('code', { id: 'try-href' })),
        ),
      ),
    );
  }

  function buildTransfer() {
    return el(
      'section',
      { class: 'group', 'aria-labelledby': 'transfer-heading' },
      el('h2', { id: 'transfer-heading', i18n: 'transferHeading' }),
      hint('transfer-hint', 'transferHint'),
      el(
        'div',
        { class: 'buttons' },
        el('button', { type: 'button', id: 'export-button', i18n: 'exportButton' }),
        el('button', { type: 'button', id: 'import-button', i18n: 'importButton', 'aria-describedby': 'transfer-message' }),
        el('input', { type: 'file', id: 'import-file', accept: '.json,application/json', hidden: true, tabindex: '-1' }),
      ),
      el(
        'div',
        { id: 'transfer-message', class: 'transfer-message', 'aria-live': 'polite' },
        el('p', { id: 'transfer-text', class: 'message' }),
        el('ul', { id: 'transfer-problems', class: 'problem-list', hidden: true }),
      ),
    );
  }

  // ---------------------------------------------------------------- start

  /** Fills every `data-i18n` element under `root` with its message, as text. */
  function localize(root) {
    // The language of the messages shown, which is the UI's only when the extension has it.
    document.documentElement.lang = t('pageLanguage') || 'en';
    for (const element of root.querySelectorAll('[data-i18n]')) {
      element.textContent = t(element.dataset.i18n);
    }
  }

  /** Builds the editor into `container`, starts the core and shows the stored settings. */
  async function start(container) {
    // Busy, and out of reach, until the stored settings are shown and the controls can save.
    container.setAttribute('aria-busy', 'true');
    container.inert = true;
    container.replaceChildren(buildEditor());
    localize(document);
    // The first read of storage.managed can take a second or two (the browser loads its
    // policies): read while the core starts.
    const stored = loadStoredSettings();
    await wasm_bindgen({ module_or_path: ext.runtime.getURL('core/core_bg.wasm') });
    state.subdivisions = wasm_bindgen.subdivisions();
    state.presets = wasm_bindgen.linkPresets();
    const countries = wasm_bindgen.countries();
    fillCountries($('defaultCountry'), countries);
    fillRegions($('rule-region'), countries, state.subdivisions);
    fillPresets($('linkPreset'), state.presets);
    await refresh(await stored);
    bindControls();
    onSettingsChanged(() => refresh());
    container.inert = false;
    container.removeAttribute('aria-busy');
  }

  const displayNames = () => new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });

  /** Country options by name in the agent's language, each with its ISO code. */
  function countryOptions(codes) {
    const names = displayNames();
    const options = codes.map((code) => new Option(`${names.of(code) ?? code} (${code})`, code));
    options.sort((a, b) => a.text.localeCompare(b.text, navigator.language));
    return options;
  }

  function fillCountries(select, codes) {
    select.replaceChildren(...countryOptions(codes));
  }

  /** Rule regions: a prefix, then countries, US states & territories, Canadian provinces. */
  function fillRegions(select, countries, subdivisions) {
    const group = (key, options) => {
      const node = el('optgroup', { label: t(key) });
      node.append(...options);
      return node;
    };
    const subdivisionOptions = (country) =>
      subdivisions
        .filter(({ code }) => code.startsWith(`${country}-`))
        .map(({ code, name }) => new Option(`${name} (${code})`, code))
        .sort((a, b) => a.text.localeCompare(b.text, navigator.language));
    select.replaceChildren(
      el('option', { value: '', i18n: 'ruleChooseRegion' }),
      el('option', { value: PREFIX_OPTION, i18n: 'rulePrefixOption' }),
      group('groupCountries', countryOptions(countries)),
      group('groupUsStates', subdivisionOptions('US')),
      group('groupCaProvinces', subdivisionOptions('CA')),
    );
    localize(select);
  }

  function fillPresets(select, presets) {
    select.replaceChildren(
      // Named for people by id where messages.json has a name; else the core's name.
      ...presets.map(({ id, name }) => new Option(t(`preset_${id}`) || name, id)),
      el('option', { value: CUSTOM_PRESET, i18n: 'linkCustomOption' }),
    );
    localize(select);
  }

  // ---------------------------------------------------------------- reading and saving

  /** Reads both storage areas again and redraws everything from what the core makes of them. */
  async function refresh(stored = null) {
    const { sync, managed } = stored ?? (await loadStoredSettings());
    const reading = wasm_bindgen.readSettings(sync ?? {}, managed ?? {});
    state.sync = sync ?? {};
    state.managed = managed ?? {};
    state.settings = reading.settings;
    state.problems = reading.problems ?? [];
    state.warnings = reading.warnings ?? [];
    state.locked = reading.locked ?? [];
    render();
  }

  /** JSON with object keys sorted: storage may hand objects back with their keys reordered. */
  const canonical = (value) =>
    JSON.stringify(value, (_key, item) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    );
  const same = (a, b) => canonical(a) === canonical(b);

  /**
   * Checks the settings in effect with `changes` applied:
   * `{ ok: true, settings, warnings }` or `{ ok: false, problems: [{field, message}] }`.
   */
  function check(changes) {
    const candidate = { ...state.settings, ...changes };
    let problems;
    try {
      problems = wasm_bindgen.settingsProblems(candidate);
    } catch (error) {
      problems = [{ field: '', message: error.message }];
    }
    if (problems.length > 0) return { ok: false, problems };
    try {
      const { settings, warnings } = wasm_bindgen.validateSettings(candidate);
      return { ok: true, settings, warnings: warnings ?? [] };
    } catch (error) {
      return { ok: false, problems: [{ field: fieldOfError(error.message), message: error.message }] };
    }
  }

  /** The field a core error names at its start (`rules[2].region: …`), or ''. */
  function fieldOfError(text) {
    return /^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?):/.exec(text)?.[1] ?? '';
  }

  /**
   * Validates `changes` against the full settings and saves the keys whose value changed;
   * saves nothing when the core refuses. Returns what `check` returns.
   */
  async function commit(changes) {
    const result = check(changes);
    if (!result.ok) return result;
    const values = {};
    for (const key of Object.keys(changes)) {
      if (state.locked.includes(key)) continue; // its control is disabled; policy wins anyway
      if (!same(result.settings[key], state.sync[key])) values[key] = result.settings[key];
    }
    if (Object.keys(values).length > 0) await saveSettings(values);
    await refresh();
    return result;
  }

  /** A problem's text, with its field unless the message already starts with it. */
  function problemText({ field, message: text }) {
    return field && !text.startsWith(field) ? `${field}: ${text}` : text;
  }

  /** A problem's message without the field it starts with, for where the field is clear. */
  const bare = ({ field, message: text }) => (field && text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text);

  /** Problems shown under the control they are about. */
  const problemsText = (problems) => problems.map(bare).join(' ');

  // ---------------------------------------------------------------- drawing

  function render() {
    const settings = state.settings;
    $('enabled').checked = settings.enabled;
    $('defaultCountry').value = settings.defaultCountry;
    syncText($('defaultCallerId'), settings.defaultCallerId, () => showCallerIdMessage(settings.defaultCallerId));
    syncText($('recordCallerIdField'), settings.recordCallerIdField, () => setMessage($('recordCallerIdField-message'), '', ''));
    $('localPresence').checked = settings.localPresence;
    $('dialedNumberFormat').value = settings.dialedNumberFormat;
    renderTemplate(settings.linkTemplate);
    renderProblems();
    renderPoolNumbers();
    renderPool();
    renderRules();
    renderWarnings();
    applyLocks();
    runTry();
  }

  /**
   * Shows a stored text value in its field unless the agent is typing there, or has typed
   * something not yet saved while the stored value stayed the same.
   */
  function syncText(input, stored, onReset) {
    const value = stored ?? '';
    if (document.activeElement === input || input.dataset.stored === value) return;
    input.dataset.stored = value;
    input.value = value;
    input.removeAttribute('aria-invalid');
    onReset();
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

  function renderPoolNumbers() {
    $('pool-numbers').replaceChildren(
      ...state.settings.callerIds.map(({ number, label: name }) => el('option', { value: number, label: name || null })),
    );
  }

  /** A caller ID for people: "+1 303-555-0100", or the value itself if the core refuses it. */
  function displayOf(number) {
    try {
      return wasm_bindgen.checkCallerId(number).display;
    } catch {
      return number;
    }
  }

  function renderPool() {
    const list = $('pool-list');
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
          labelInput.value = labelInput.dataset.stored;
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
    redrawList(list, rows, $('pool-number'));
    $('pool-empty').hidden = pool.length > 0;
  }

  /** Rules as the core applies them: prefixes (longest first), then states, then countries. */
  function ruleOrder(rule) {
    if (rule.region.startsWith('+')) return [0, -rule.region.length];
    if (rule.region.includes('-')) return [1, 0];
    return [2, 0];
  }

  function regionText(region) {
    if (region.startsWith('+')) return t('rulePrefixText', [region]);
    const subdivision = state.subdivisions.find(({ code }) => code === region);
    if (subdivision) return `${subdivision.name} (${region})`;
    return `${displayNames().of(region) ?? region} (${region})`;
  }

  /** A caller ID with its label from the pool, for people. */
  function callerIdText(number) {
    if (!number) return t('callerIdNone');
    const display = displayOf(number);
    const entry = state.settings.callerIds.find((item) => item.number === number);
    return entry?.label ? t('callerIdWithLabel', [display, entry.label]) : display;
  }

  function renderRules() {
    const list = $('rule-list');
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
    redrawList(list, rows, $('rule-region'));
    $('rule-empty').hidden = rules.length > 0;
  }

  /**
   * Replaces a list's rows and keeps the keyboard focus: on the same control of the same
   * entry, or after a removal on the next entry's Remove button (else `fallback`).
   */
  function redrawList(list, rows, fallback) {
    const focused = list.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    list.replaceChildren(...rows);
    if (focused) list.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
    if (state.focusAfter?.[0] === list.id) {
      const buttons = list.querySelectorAll('button.remove');
      const index = Math.min(state.focusAfter[1], buttons.length - 1);
      state.focusAfter = null;
      (index >= 0 ? buttons[index] : fallback).focus();
    }
  }

  function renderTemplate(template) {
    const preset = state.presets.find((item) => item.template === template);
    const select = $('linkPreset');
    const input = $('linkTemplate');
    // While the agent writes a custom template, the list stays on "Custom".
    const writing =
      select.value === CUSTOM_PRESET &&
      (select.closest('[data-setting]').contains(document.activeElement) || input.getAttribute('aria-invalid') === 'true');
    if (!writing) select.value = preset ? preset.id : CUSTOM_PRESET;
    if (!preset) syncText(input, template, () => setMessage($('linkTemplate-message'), '', ''));
    showPresetTemplate();
  }

  /** Shows the chosen preset's template, or the custom field. */
  function showPresetTemplate() {
    const select = $('linkPreset');
    const preset = state.presets.find((item) => item.id === select.value);
    $('linkPreset-template').textContent = preset ? preset.template : '';
    $('linkPreset-template').hidden = !preset;
    $('linkTemplate-custom').hidden = Boolean(preset);
  }

  /** Disables the controls of each key the policy sets, with a note saying so. */
  function applyLocks() {
    for (const wrapper of document.querySelectorAll('[data-setting]')) {
      const key = wrapper.dataset.setting;
      const locked = state.locked.includes(key);
      wrapper.classList.toggle('locked', locked);
      const note = wrapper.querySelector('.locked-note');
      note.hidden = !locked;
      for (const control of wrapper.querySelectorAll('input, select, button, textarea')) {
        control.disabled = locked;
        const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== note.id);
        if (locked) described.push(note.id);
        if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    }
  }

  function setMessage(element, kind, text) {
    element.className = `message ${kind}`.trim();
    setText(element, text);
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function markInvalid(input, invalid) {
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  // ---------------------------------------------------------------- caller IDs

  /**
   * What the core says of a typed caller ID: `{ ok, value, kind, text }`; an error names why
   * and suggests the E.164 form when it can.
   */
  function callerIdFeedback(value) {
    try {
      const { value: checked, warning } = wasm_bindgen.checkCallerId(value);
      return { ok: true, value: checked, kind: warning ? 'warning' : '', text: warning ?? '' };
    } catch (error) {
      const suggestion = wasm_bindgen.suggestCallerId(value);
      const text = suggestion ? `${error.message} ${t('didYouMean', [suggestion])}` : error.message;
      return { ok: false, value, kind: 'error', text };
    }
  }

  /** Shows why the default caller ID is invalid, or a warning about it; true when it may be saved. */
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

  async function addCallerId() {
    const numberInput = $('pool-number');
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
    setMessage(shown, feedback.kind === 'warning' ? 'saved warning' : 'saved', [t('poolAdded', [displayOf(feedback.value)]), feedback.text].filter(Boolean).join(' '));
    numberInput.focus();
  }

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

  function removeCallerId(number, index) {
    const pool = state.settings.callerIds.filter((entry) => entry.number !== number);
    return removeEntry({ callerIds: pool }, ['pool-list', index], $('pool-message'), t('poolRemoved', [displayOf(number)]));
  }

  /**
   * Saves a list without one entry; focus then goes to the remove button now at the same
   * place in `focusAfter`'s list. Says what was removed, or why nothing was.
   */
  async function removeEntry(values, focusAfter, shown, removedText) {
    state.focusAfter = focusAfter;
    const result = await commit(values);
    if (!result.ok) {
      state.focusAfter = null;
      setMessage(shown, 'error', problemsText(result.problems));
      return;
    }
    setMessage(shown, 'saved', removedText);
  }

  // ---------------------------------------------------------------- rules

  /** The rule the add form describes: `{ region, callerId }`, region '' when none is chosen. */
  function ruleFromForm() {
    const choice = $('rule-region').value;
    const region = choice === PREFIX_OPTION ? $('rule-prefix').value.trim() : choice;
    return { region, callerId: $('rule-callerid').value.trim() };
  }

  /** Checks the rule being written, field by field, as the agent types. */
  function checkRuleForm({ final }) {
    const rule = ruleFromForm();
    const prefixInput = $('rule-prefix');
    const callerInput = $('rule-callerid');
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
    $('rule-region').value = '';
    $('rule-prefix').value = '';
    $('rule-callerid').value = '';
    showPrefixField();
    setMessage(shown, callerWarning ? 'saved warning' : 'saved', [t('ruleAdded', [regionText(rule.region)]), callerWarning].filter(Boolean).join(' '));
    $('rule-region').focus();
  }

  function removeRule(region) {
    const order = [...$('rule-list').children].map((row) => row.dataset.region);
    return removeEntry(
      { rules: state.settings.rules.filter((rule) => rule.region !== region) },
      ['rule-list', order.indexOf(region)],
      $('rule-message'),
      t('ruleRemoved', [regionText(region)]),
    );
  }

  function showPrefixField() {
    const choosingPrefix = $('rule-region').value === PREFIX_OPTION;
    $('rule-prefix-cell').hidden = !choosingPrefix;
  }

  // ---------------------------------------------------------------- single text settings

  /** Validates and saves one text setting; shows "Saved." or why nothing was saved. */
  async function saveText(key, input, shown) {
    const value = input.value.trim();
    if (value === input.dataset.stored && input.getAttribute('aria-invalid') !== 'true') return;
    const result = await commit({ [key]: value });
    if (!result.ok) {
      markInvalid(input, true);
      setMessage(shown, 'error', problemsText(result.problems));
      return;
    }
    markInvalid(input, false);
    input.dataset.stored = state.settings[key];
    const warnings = result.warnings.filter((warning) => warning.field === key).map((warning) => warning.message);
    setMessage(shown, 'saved', [t('saved'), ...warnings].join(' '));
  }

  /** Checks a text setting as the agent types, without saving. */
  function previewText(key, input, shown) {
    const value = input.value.trim();
    const result = check({ [key]: value });
    const mine = result.ok ? [] : result.problems.filter((problem) => problem.field === '' || problem.field.startsWith(key));
    markInvalid(input, mine.length > 0);
    setMessage(shown, mine.length > 0 ? 'error' : '', problemsText(mine));
  }

  /** Enter saves, Escape puts back the saved value (and is left to close the popup otherwise). */
  function bindTextSetting(input, save, revert) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape' && (input.value !== (input.dataset.stored ?? '') || input.getAttribute('aria-invalid') === 'true')) {
        event.preventDefault();
        input.value = input.dataset.stored ?? '';
        revert();
      }
    });
    input.addEventListener('change', save);
  }

  // ---------------------------------------------------------------- try a number

  function runTry() {
    const raw = $('try-number').value.trim();
    const details = $('try-details');
    const shown = $('try-message');
    if (raw === '' || !state.settings) {
      details.hidden = true;
      setMessage(shown, '', '');
      return;
    }
    const item = { raw };
    const record = $('try-record').value.trim();
    if (record !== '') item.recordCallerId = record;
    let result;
    try {
      [result] = wasm_bindgen.dialBatch([item], state.settings);
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
    setText($('try-href'), result.href);
    details.hidden = false;
    setMessage(shown, result.warning ? 'warning' : '', result.warning ?? '');
  }

  // ---------------------------------------------------------------- import and export

  /** The user's own settings (without the policy's) as the JSON text an export holds. */
  function exportText() {
    const { settings } = wasm_bindgen.readSettings(state.sync, {});
    return `${JSON.stringify(settings, null, 2)}\n`;
  }

  function exportFile() {
    const url = URL.createObjectURL(new Blob([exportText()], { type: 'application/json' }));
    const link = el('a', { href: url, download: EXPORT_FILE, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    showTransfer('saved', t('exported', [EXPORT_FILE]), []);
  }

  function showTransfer(kind, text, problems) {
    setMessage($('transfer-text'), kind, text);
    const list = $('transfer-problems');
    list.hidden = problems.length === 0;
    list.replaceChildren(...problems.map((problem) => el('li', { text: problem })));
  }

  /**
   * Imports a settings file: the whole file is checked first; on any problem nothing is
   * saved and every problem is listed; otherwise every key in the file is saved.
   */
  async function importFile(file) {
    showTransfer('', '', []);
    let candidate;
    try {
      candidate = JSON.parse(await file.text());
    } catch (error) {
      showTransfer('error', t('importFailed'), [t('importNotJson', [error.message])]);
      return;
    }
    let problems;
    try {
      problems = wasm_bindgen.settingsProblems(candidate);
    } catch (error) {
      problems = [{ field: '', message: error.message }];
    }
    let validated;
    if (problems.length === 0) {
      try {
        validated = wasm_bindgen.validateSettings(candidate);
      } catch (error) {
        problems = [{ field: fieldOfError(error.message), message: error.message }];
      }
    }
    if (problems.length > 0) {
      showTransfer('error', t('importFailed'), problems.map(problemText));
      return;
    }
    const keys = Object.keys(candidate).filter((key) => Object.hasOwn(validated.settings, key));
    const values = Object.fromEntries(keys.map((key) => [key, validated.settings[key]]));
    await saveSettings(values);
    await refresh();
    const notes = [];
    const stillLocked = keys.filter((key) => state.locked.includes(key));
    if (stillLocked.length > 0) notes.push(t('importLockedNote', [stillLocked.join(', ')]));
    notes.push(...(validated.warnings ?? []).map(problemText));
    showTransfer('saved', t('imported', [String(keys.length)]), notes);
  }

  // ---------------------------------------------------------------- controls

  function bindControls() {
    for (const form of document.querySelectorAll('.editor form')) {
      form.addEventListener('submit', (event) => event.preventDefault());
    }
    const saveChecked = (key) => async (event) => {
      const result = await commit({ [key]: event.target.checked });
      if (!result.ok) showGeneralError(result.problems);
    };
    const saveSelected = (key) => async (event) => {
      const result = await commit({ [key]: event.target.value });
      if (!result.ok) showGeneralError(result.problems);
    };
    $('enabled').addEventListener('change', saveChecked('enabled'));
    $('localPresence').addEventListener('change', saveChecked('localPresence'));
    $('defaultCountry').addEventListener('change', saveSelected('defaultCountry'));
    $('dialedNumberFormat').addEventListener('change', saveSelected('dialedNumberFormat'));

    const callerId = $('defaultCallerId');
    callerId.addEventListener('input', () => showCallerIdMessage(callerId.value.trim()));
    bindTextSetting(callerId, saveCallerId, () => showCallerIdMessage(callerId.value.trim()));

    const recordField = $('recordCallerIdField');
    const recordMessage = $('recordCallerIdField-message');
    recordField.addEventListener('input', () => previewText('recordCallerIdField', recordField, recordMessage));
    bindTextSetting(
      recordField,
      () => saveText('recordCallerIdField', recordField, recordMessage),
      () => previewText('recordCallerIdField', recordField, recordMessage),
    );

    const preset = $('linkPreset');
    const template = $('linkTemplate');
    const templateMessage = $('linkTemplate-message');
    preset.addEventListener('change', async () => {
      showPresetTemplate();
      const chosen = state.presets.find((item) => item.id === preset.value);
      if (chosen) {
        const result = await commit({ linkTemplate: chosen.template });
        if (!result.ok) showGeneralError(result.problems);
      } else if (template.value.trim() === '') {
        // Custom starts from the template in effect; Escape goes back to it.
        template.value = state.settings.linkTemplate;
        template.dataset.stored = state.settings.linkTemplate;
      }
    });
    // Leaving the setting with "Custom" chosen but nothing new saved shows what is in effect.
    preset.closest('[data-setting]').addEventListener('focusout', (event) => {
      if (!event.currentTarget.contains(event.relatedTarget)) renderTemplate(state.settings.linkTemplate);
    });
    template.addEventListener('input', () => previewText('linkTemplate', template, templateMessage));
    bindTextSetting(
      template,
      () => saveText('linkTemplate', template, templateMessage),
      () => previewText('linkTemplate', template, templateMessage),
    );

    $('pool-add').addEventListener('submit', addCallerId);
    const poolNumber = $('pool-number');
    poolNumber.addEventListener('input', () => {
      const value = poolNumber.value.trim();
      const feedback = value === '' ? { ok: true, kind: '', text: '' } : callerIdFeedback(value);
      markInvalid(poolNumber, !feedback.ok);
      setMessage($('pool-message'), feedback.kind, feedback.text);
    });
    clearOnEscape([poolNumber, $('pool-label')], $('pool-message'));

    $('rule-add').addEventListener('submit', addRule);
    $('rule-region').addEventListener('change', () => {
      showPrefixField();
      checkRuleForm({ final: false });
    });
    $('rule-prefix').addEventListener('input', () => checkRuleForm({ final: false }));
    $('rule-callerid').addEventListener('input', () => checkRuleForm({ final: false }));
    clearOnEscape([$('rule-prefix'), $('rule-callerid')], $('rule-message'));

    $('try-number').addEventListener('input', runTry);
    $('try-record').addEventListener('input', runTry);
    clearOnEscape([$('try-number'), $('try-record')], null, runTry);
    // The callee's local time moves on while the popup stays open.
    setInterval(runTry, 30_000);

    $('export-button').addEventListener('click', exportFile);
    const file = $('import-file');
    $('import-button').addEventListener('click', () => file.click());
    file.addEventListener('change', async () => {
      const [chosen] = file.files;
      file.value = '';
      if (chosen) await importFile(chosen);
    });
  }

  /** Escape empties a form's text fields when they hold something (else it closes the popup). */
  function clearOnEscape(inputs, shown, after = () => {}) {
    for (const input of inputs) {
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || input.value === '') return;
        event.preventDefault();
        input.value = '';
        markInvalid(input, false);
        if (shown) setMessage(shown, '', '');
        after();
      });
    }
  }

  function showGeneralError(problems) {
    const list = $('warnings');
    list.hidden = false;
    list.replaceChildren(...problems.map((problem) => el('li', { class: 'error', text: problemText(problem) })));
  }

  return { start, localize, exportText };
})();

'use strict';
/**
 * The popup: settings (validated by the Rust core before anything is saved) and what the
 * extension did on the current tab.
 */

/* global wasm_bindgen -- defined by core/core.js (wasm-bindgen --target no-modules) */

const $ = (id) => document.getElementById(id);
const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

async function main() {
  localize(document);
  await wasm_bindgen({ module_or_path: ext.runtime.getURL('core/core_bg.wasm') });
  fillCountries($('defaultCountry'), wasm_bindgen.countries());
  await showSettings();
  bindControls();
  await showTabReport();
}

/** Fills every `data-i18n` element with its message, as text. */
function localize(root) {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-');
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
}

/** Countries by name in the agent's language, each with its ISO code. */
function fillCountries(select, codes) {
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
  const options = codes.map((code) => new Option(`${names.of(code) ?? code} (${code})`, code));
  options.sort((a, b) => a.text.localeCompare(b.text, navigator.language));
  select.replaceChildren(...options);
}

async function showSettings() {
  const { settings, problems } = wasm_bindgen.readSettings(await loadStoredSettings());
  $('enabled').checked = settings.enabled;
  $('defaultCountry').value = settings.defaultCountry;
  const callerId = $('defaultCallerId');
  if (document.activeElement !== callerId) {
    callerId.value = settings.defaultCallerId;
    showCallerIdMessage(settings.defaultCallerId);
  }
  const shown = $('problems');
  shown.hidden = problems.length === 0;
  shown.textContent = problems.map((problem) => t('storedValueIgnored', [problem.field, problem.message])).join('\n');
}

function bindControls() {
  $('settings').addEventListener('submit', (event) => {
    event.preventDefault();
    saveCallerId();
  });
  $('enabled').addEventListener('change', (event) => saveSettings({ enabled: event.target.checked }));
  $('defaultCountry').addEventListener('change', (event) =>
    saveSettings({ defaultCountry: event.target.value }),
  );
  const callerId = $('defaultCallerId');
  callerId.addEventListener('input', () => showCallerIdMessage(callerId.value.trim()));
  callerId.addEventListener('change', saveCallerId);
  onSettingsChanged(showSettings);
}

/** Saves the caller ID only when the core accepts it; otherwise nothing changes. */
async function saveCallerId() {
  const value = $('defaultCallerId').value.trim();
  if (!showCallerIdMessage(value)) return;
  const message = $('defaultCallerId-message');
  // A warning stays visible after saving: the value is kept but worth checking.
  const text = [t('saved'), message.textContent].filter(Boolean).join(' ');
  await saveSettings({ defaultCallerId: value });
  message.classList.add('saved');
  message.textContent = text;
}

/** Shows why a caller ID is invalid, or a warning about it; true when it may be saved. */
function showCallerIdMessage(value) {
  const input = $('defaultCallerId');
  const message = $('defaultCallerId-message');
  if (value === '') {
    input.removeAttribute('aria-invalid');
    setMessage(message, '', '');
    return true;
  }
  try {
    const { warning } = wasm_bindgen.checkCallerId(value);
    input.removeAttribute('aria-invalid');
    setMessage(message, warning ? 'warning' : '', warning ?? '');
    return true;
  } catch (error) {
    const suggestion = wasm_bindgen.suggestCallerId(value);
    input.setAttribute('aria-invalid', 'true');
    const text = suggestion ? `${error.message} ${t('didYouMean', [suggestion])}` : error.message;
    setMessage(message, 'error', text);
    return false;
  }
}

function setMessage(element, kind, text) {
  element.className = `message ${kind}`.trim();
  element.textContent = text;
}

/** What the extension did on the active tab, as its content script tells. */
async function showTabReport() {
  const status = $('tab-status');
  const core = await ext.runtime.sendMessage({ type: 'status' }).catch((error) => ({ error: error.message }));
  if (core?.error) {
    status.textContent = t('notActive', [core.error]);
    return;
  }
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  let report;
  try {
    report = await ext.tabs.sendMessage(tab.id, { type: 'report' }, { frameId: 0 });
  } catch {
    // No content script answers: not a Salesforce page.
    status.textContent = t('notSalesforce');
    return;
  }
  if (report.failure) {
    status.textContent = t('notActive', [report.failure]);
  } else if (!$('enabled').checked) {
    status.textContent = t('switchedOff');
  } else {
    status.textContent = t('rewrittenCount', [String(report.rewritten)]);
  }
  showSkipped(report.skipped);
}

function showSkipped(skipped) {
  $('skipped').hidden = skipped.length === 0;
  $('skipped-summary').textContent = t('skippedCount', [String(skipped.length)]);
  $('skipped-list').replaceChildren(
    ...skipped.map(({ value, reason }) => {
      const item = document.createElement('li');
      item.textContent = reason || value;
      return item;
    }),
  );
}

main().catch((error) => {
  $('tab-status').textContent = t('notActive', [String(error?.message ?? error)]);
});

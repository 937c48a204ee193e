/**
 * Drives the extension's popup as an agent does: opened as a page of the extension, by
 * keyboard and clicks, so tests and the demo configure the extension the way users do.
 * Every helper taking `popup` works as well on the options page (the same editor). The popup
 * folds its configuration by region under headings: a helper opens the section it needs, as
 * an agent clicks its heading.
 */

const POPUP = 'popup/popup.html';
const OPTIONS = 'options/options.html';

async function openEditorPage(session, path) {
  const page = await session.openExtensionPage(path);
  await page.waitForFunction(
    () => document.querySelector('#defaultCountry')?.options.length > 100 && !document.querySelector('#editor[aria-busy]'),
  );
  return page;
}

/** Opens the popup page once its settings are shown and its controls ready. */
export async function openPopup(session) {
  return openEditorPage(session, POPUP);
}

/** Opens the options page (the same editor in a tab) once its settings are shown. */
export async function openOptions(session) {
  return openEditorPage(session, OPTIONS);
}

/** Opens the folded section holding `selector` (nothing to do on the options page). */
async function reveal(popup, selector) {
  await popup.$eval(selector, (element) => {
    const folded = element.closest('details:not([open])');
    if (folded) folded.querySelector(':scope > summary').click();
  });
}

/** Opens every folded section of the popup. */
export async function openAllSections(popup) {
  await popup.$$eval('.editor .group > details:not([open]) > summary', (summaries) => {
    for (const summary of summaries) summary.click();
  });
}

/** Chooses the default country in the list. */
export async function chooseCountry(popup, code) {
  await popup.select('#defaultCountry', code);
}

/** Empties a text field, then types into it as an agent does. */
async function retype(popup, selector, value) {
  await reveal(popup, selector);
  await popup.$eval(selector, (input) => {
    input.value = '';
  });
  if (value !== '') await popup.type(selector, value);
}

/** The text of a message element once the editor has written one after an action. */
async function messageAfter(popup, selector) {
  await popup.waitForFunction((s) => document.querySelector(s).textContent !== '', {}, selector);
  return popup.$eval(selector, (message) => message.textContent);
}

/**
 * Types a caller ID and confirms it with Enter, as an agent does; returns the message the
 * popup shows under the field once it has saved the value or refused it.
 */
export async function typeCallerId(popup, value) {
  await retype(popup, '#defaultCallerId', value);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    () =>
      document.querySelector('#defaultCallerId-message').classList.contains('saved') ||
      document.querySelector('#defaultCallerId').getAttribute('aria-invalid') === 'true',
  );
  return popup.$eval('#defaultCallerId-message', (message) => message.textContent);
}

/**
 * Sets the default country and caller ID through the popup, then closes it. Calling hours are
 * switched off unless a test asks for them (or a policy locks them): with the default window,
 * links' titles and clicks would otherwise depend on the hour the suite runs at.
 */
export async function configure(session, { country, callerId, callingHours = 'off' }) {
  const popup = await openPopup(session);
  await chooseCountry(popup, country);
  const message = await typeCallerId(popup, callerId);
  if (!(await popup.$eval('#callingHours', (select) => select.disabled))) {
    await popup.select('#callingHours', callingHours);
    await popup.waitForFunction(
      async (mode) => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('callingHours')).callingHours === mode,
      {},
      callingHours,
    );
  }
  await popup.close();
  return message;
}

/** Sets the on/off switch. */
export async function setEnabled(popup, enabled) {
  const checked = await popup.$eval('#enabled', (input) => input.checked);
  if (checked !== enabled) await popup.click('#enabled');
}

/** Sets the local presence checkbox. */
export async function setLocalPresence(popup, enabled) {
  await reveal(popup, '#localPresence');
  const checked = await popup.$eval('#localPresence', (input) => input.checked);
  if (checked !== enabled) await popup.click('#localPresence');
}

/**
 * Adds a caller ID to the pool: types the number and label, presses Enter. Returns the
 * message shown under the form ("Added +1 303-555-0100." or why nothing was added).
 */
export async function addCallerId(popup, number, label = '') {
  await retype(popup, '#pool-number', number);
  await retype(popup, '#pool-label', label);
  await popup.focus('#pool-label');
  await popup.keyboard.press('Enter'); // the form's submission clears the previous message
  return messageAfter(popup, '#pool-message');
}

/** Removes the pool entry for `number` (E.164) with its Remove button; returns the message. */
export async function removeCallerId(popup, number) {
  await reveal(popup, '#pool-list');
  await popup.click(`#pool-list li[data-number="${number}"] button.remove`);
  await popup.waitForFunction(
    (n) => !document.querySelector(`#pool-list li[data-number="${n}"]`) || document.querySelector('#pool-message.error'),
    {},
    number,
  );
  return popup.$eval('#pool-message', (message) => message.textContent);
}

/** Changes the label of the pool entry for `number` and confirms it with Enter; returns the message. */
export async function setCallerIdLabel(popup, number, label) {
  const selector = `#pool-list li[data-number="${number}"] input.entry-label`;
  await retype(popup, selector, label);
  await popup.focus(selector);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    (n, l) =>
      document.querySelector(`#pool-list li[data-number="${n}"] input.entry-label`)?.dataset.stored === l ||
      document.querySelector('#pool-message.error'),
    {},
    number,
    label,
  );
  return popup.$eval('#pool-message', (message) => message.textContent);
}

/** The pool as listed: `[{ number, label }]`. */
export async function callerIds(popup) {
  return popup.$$eval('#pool-list li', (rows) =>
    rows.map((row) => ({ number: row.dataset.number, label: row.querySelector('input.entry-label').value })),
  );
}

/**
 * Adds a rule: `region` is a country (`GB`), a state or province (`US-CA`), or a number
 * prefix (`+1212`); `callerId` is typed (or matches a pool entry). Returns the message shown
 * under the form ("Added the rule for …" or why nothing was added).
 */
export async function addRule(popup, region, callerId) {
  await reveal(popup, '#rule-region');
  if (region.startsWith('+')) {
    await popup.select('#rule-region', 'prefix');
    await retype(popup, '#rule-prefix', region);
  } else {
    await popup.select('#rule-region', region);
  }
  await retype(popup, '#rule-callerid', callerId);
  await popup.focus('#rule-callerid');
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    () => document.querySelector('#rule-message.saved') || document.querySelector('#rule-message.error'),
  );
  return popup.$eval('#rule-message', (message) => message.textContent);
}

/** Removes the rule for `region` with its Remove button; returns the message. */
export async function removeRule(popup, region) {
  await reveal(popup, '#rule-list');
  await popup.click(`#rule-list li[data-region="${region}"] button.remove`);
  await popup.waitForFunction(
    (r) => !document.querySelector(`#rule-list li[data-region="${r}"]`) || document.querySelector('#rule-message.error'),
    {},
    region,
  );
  return popup.$eval('#rule-message', (message) => message.textContent);
}

/** The rules as listed (most specific first): `[{ region, text }]`. */
export async function rules(popup) {
  return popup.$$eval('#rule-list li', (rows) =>
    rows.map((row) => ({ region: row.dataset.region, text: row.querySelector('.entry-text').textContent })),
  );
}

/** Chooses a dialer preset by its id (`linkPresets()`), or types a custom template; returns the message. */
export async function setLinkTemplate(popup, { preset, template }) {
  await reveal(popup, '#linkPreset');
  if (preset) {
    await popup.select('#linkPreset', preset);
    return '';
  }
  await popup.select('#linkPreset', 'custom');
  await retype(popup, '#linkTemplate', template);
  await popup.focus('#linkTemplate');
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    () => document.querySelector('#linkTemplate-message.saved') || document.querySelector('#linkTemplate-message.error'),
  );
  return popup.$eval('#linkTemplate-message', (message) => message.textContent);
}

/** Chooses the dialed number format: 'e164' or 'national'. */
export async function setDialedNumberFormat(popup, format) {
  await reveal(popup, '#dialedNumberFormat');
  await popup.select('#dialedNumberFormat', format);
}

/** Types the record field name and confirms it with Enter; returns the message under it. */
export async function setRecordField(popup, name) {
  await retype(popup, '#recordCallerIdField', name);
  await popup.focus('#recordCallerIdField');
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    () =>
      document.querySelector('#recordCallerIdField-message.saved') ||
      document.querySelector('#recordCallerIdField-message.error') ||
      document.querySelector('#recordCallerIdField').value === document.querySelector('#recordCallerIdField').dataset.stored,
  );
  return popup.$eval('#recordCallerIdField-message', (message) => message.textContent);
}

/**
 * Types a number (and optionally a record's caller ID value) into "Try a number" and reads
 * what the box shows: `{ href, number, callerId, reason, localTime, error }` — `error` is the
 * message when the number is left alone (then the rest are null), else null.
 */
export async function tryNumber(popup, raw, { recordCallerId = '' } = {}) {
  await retype(popup, '#try-record', recordCallerId);
  await retype(popup, '#try-number', raw);
  await popup.waitForFunction(
    (value) =>
      document.querySelector('#try-number').value === value &&
      (!document.querySelector('#try-details').hidden || document.querySelector('#try-message.error')),
    {},
    raw,
  );
  return popup.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent;
    if (document.getElementById('try-details').hidden) {
      return { href: null, number: null, callerId: null, reason: null, localTime: null, error: text('try-message') };
    }
    return {
      href: text('try-href'),
      number: text('try-dialed'),
      callerId: text('try-callerid'),
      reason: text('try-reason'),
      localTime: text('try-time'),
      error: null,
    };
  });
}

/**
 * Imports `jsonText` as the file an agent would choose with "Import settings…" (set on the
 * file input as a browser does after the file chooser). Returns the message shown: the
 * confirmation, or "Nothing was imported…" followed by every problem, one per line.
 */
export async function importSettings(popup, jsonText) {
  await popup.evaluate((text) => {
    const input = document.querySelector('#import-file');
    const files = new DataTransfer();
    files.items.add(new File([text], 'settings.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, jsonText);
  await messageAfter(popup, '#transfer-text');
  return popup.evaluate(() =>
    [document.querySelector('#transfer-text'), ...document.querySelectorAll('#transfer-problems li')]
      .map((node) => node.textContent)
      .join('\n'),
  );
}

/**
 * The settings "Export settings" downloads, as an object: the file the button's download link
 * holds, read instead of saved (a headless browser has nowhere to put it).
 */
export async function exportSettings(popup) {
  const text = await popup.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function download() {
          HTMLAnchorElement.prototype.click = click;
          if (!this.download.endsWith('.json')) reject(new Error(`not a settings file: ${this.download}`));
          fetch(this.href).then((response) => response.text()).then(resolve, reject);
        };
        document.querySelector('#export-button').click();
      }),
  );
  return JSON.parse(text);
}

/** Whether the setting `key` is locked by policy: its controls disabled and its note shown. */
export async function isLocked(popup, key) {
  await reveal(popup, `[data-setting="${key}"]`);
  return popup.$eval(`[data-setting="${key}"]`, (wrapper) => {
    const note = wrapper.querySelector('.locked-note');
    const controls = [...wrapper.querySelectorAll('input, select, button')];
    return !note.hidden && note.checkVisibility() && controls.length > 0 && controls.every((control) => control.disabled);
  });
}

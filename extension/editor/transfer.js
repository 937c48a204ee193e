/**
 * Export and import: the user's own settings as a JSON file. An imported file is checked
 * whole first; on any problem nothing is saved and every problem is listed.
 */
import { core } from '../ui/core.js';
import { t } from '../ui/localize.js';
import { $, el, hint, setMessage } from './dom.js';
import { fieldOfError, problemText } from './problems.js';
import { refresh, save, state } from './state.js';

const EXPORT_FILE = 'caller-id-dialer-settings.json';

export function build() {
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

export function start() {
  $('export-button').addEventListener('click', exportFile);
  /** @type {HTMLInputElement} */
  const file = $('import-file');
  $('import-button').addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const [chosen] = file.files ?? [];
    file.value = '';
    if (chosen) await importFile(chosen);
  });
}

/** Nothing to draw from the settings: the messages stay until the next transfer. */
export function render() {}

/** The user's own settings (without the policy's) as the JSON text an export holds. */
function exportText() {
  const { settings } = core.readSettings(state.sync, {}, state.local);
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

/**
 * @param {string} kind
 * @param {string} text
 * @param {string[]} problems
 */
function showTransfer(kind, text, problems) {
  setMessage($('transfer-text'), kind, text);
  const list = $('transfer-problems');
  list.hidden = problems.length === 0;
  list.replaceChildren(...problems.map((problem) => el('li', { text: problem })));
}

/**
 * Imports a settings file: the whole file is checked first; on any problem nothing is
 * saved and every problem is listed; otherwise every key in the file is saved.
 * @param {File} file
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
    problems = core.settingsProblems(candidate);
  } catch (error) {
    problems = [{ field: '', message: error.message }];
  }
  let validated;
  if (problems.length === 0) {
    try {
      validated = core.validateSettings(candidate);
    } catch (error) {
      problems = [{ field: fieldOfError(error.message), message: error.message }];
    }
  }
  if (problems.length > 0 || !validated) {
    showTransfer('error', t('importFailed'), problems.map(problemText));
    return;
  }
  const { settings } = validated;
  const keys = Object.keys(candidate).filter((key) => Object.hasOwn(settings, key));
  const values = Object.fromEntries(keys.map((key) => [key, settings[/** @type {keyof typeof settings} */ (key)]]));
  const failure = await save(values);
  await refresh();
  if (failure) {
    showTransfer('error', t('importNotSaved'), failure.problems.map(problemText));
    return;
  }
  const notes = [];
  const stillLocked = keys.filter((key) => state.locked.includes(key));
  if (stillLocked.length > 0) notes.push(t('importLockedNote', [stillLocked.join(', ')]));
  notes.push(...validated.warnings.map(problemText));
  showTransfer('saved', t('imported', [String(keys.length)]), notes);
}

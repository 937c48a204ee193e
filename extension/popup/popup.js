/**
 * The popup: what the extension did on the current tab, then the settings editor
 * (editor/, shared with the options page).
 */
import { startEditor } from '../editor/editor.js';
import { localize, t } from '../ui/localize.js';
import { openSettingsTab } from '../ui/settings-tab.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function main() {
  localize(document);
  $('open-tab').addEventListener('click', openInTab);
  await startEditor($('editor'), { folded: true });
  await showTabReport();
}

/** The same editor in a full tab (the options page), where a file chooser has room. */
async function openInTab() {
  await openSettingsTab();
  window.close();
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
  /** @type {{ enabled: boolean, rewritten: number, skipped: { value: string, reason: string }[], failure: string | null }} */
  let report;
  try {
    report = await ext.tabs.sendMessage(/** @type {number} */ (tab.id), { type: 'report' }, { frameId: 0 });
  } catch {
    // No content script answers: not a Salesforce page.
    status.textContent = t('notSalesforce');
    return;
  }
  if (report.failure) {
    status.textContent = t('notActive', [report.failure]);
  } else if (!(/** @type {HTMLInputElement} */ ($('enabled')).checked)) {
    status.textContent = t('switchedOff');
  } else {
    status.textContent = t('rewrittenCount', [String(report.rewritten)]);
  }
  showSkipped(report.skipped);
}

/** @param {{ value: string, reason: string }[]} skipped */
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

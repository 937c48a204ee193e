'use strict';
/**
 * The popup: what the extension did on the current tab, then the settings editor
 * (editor.js, shared with the options page).
 */

/* global SettingsEditor -- defined by editor.js */

const $ = (id) => document.getElementById(id);
const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

async function main() {
  SettingsEditor.localize(document);
  $('open-tab').addEventListener('click', openInTab);
  await SettingsEditor.start($('editor'));
  await showTabReport();
}

/** The same editor in a full tab (the options page), where a file chooser has room. */
async function openInTab() {
  try {
    await ext.runtime.openOptionsPage();
  } catch {
    await ext.tabs.create({ url: ext.runtime.getURL('options/options.html') });
  }
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

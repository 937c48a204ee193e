'use strict';
/**
 * The page the extension opens once, right after it is installed (background.js,
 * `runtime.onInstalled` with reason "install"): what it does, what the agent needs, that
 * nothing leaves the browser, and the way to the caller-ID settings.
 */

const t = (key) => ext.i18n.getMessage(key);

// The language of the messages shown, which is the UI's only when the extension has it.
document.documentElement.lang = t('pageLanguage') || 'en';
for (const element of document.querySelectorAll('[data-i18n]')) {
  element.textContent = t(element.dataset.i18n);
}

/** The settings editor in a tab (the options page), as the popup's "Open in a tab" does. */
document.getElementById('open-settings').addEventListener('click', async () => {
  try {
    await ext.runtime.openOptionsPage();
  } catch {
    await ext.tabs.create({ url: ext.runtime.getURL('options/options.html') });
  }
});

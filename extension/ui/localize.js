/**
 * Messages of the extension's pages (popup, options, first-run page): every word they show
 * comes from _locales/<language>/messages.json through `ext.i18n`.
 */

/**
 * The message `key`, with `substitutions` for its $1…$9.
 * @param {string} key
 * @param {string[]} [substitutions]
 */
export const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

/**
 * Fills every `data-i18n` element under `root` with its message, as text, and names the
 * page's language: that of the messages shown, the UI's only when the extension has it.
 * @param {ParentNode} root
 */
export function localize(root) {
  document.documentElement.lang = t('pageLanguage') || 'en';
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? '');
  }
}

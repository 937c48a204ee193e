/** The options page: the popup's settings editor (editor/) in a full tab. */
import { startEditor } from '../editor/editor.js';
import { t } from '../ui/localize.js';

startEditor(/** @type {HTMLElement} */ (document.getElementById('editor'))).catch((error) => {
  const shown = /** @type {HTMLElement} */ (document.getElementById('start-error'));
  shown.textContent = t('notActive', [String(error?.message ?? error)]);
  shown.hidden = false;
});

'use strict';
/** The options page: the popup's settings editor (popup/editor.js) in a full tab. */

/* global SettingsEditor -- defined by popup/editor.js */

SettingsEditor.start(document.getElementById('editor')).catch((error) => {
  const shown = document.getElementById('start-error');
  shown.textContent = ext.i18n.getMessage('notActive', [String(error?.message ?? error)]);
  shown.hidden = false;
});

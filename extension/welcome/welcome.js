/**
 * The page the extension opens once, right after it is installed (background.js,
 * `runtime.onInstalled` with reason "install"): what it does, what the agent needs, that
 * nothing leaves the browser, and the way to the caller-ID settings.
 */
import { localize } from '../ui/localize.js';
import { openSettingsTab } from '../ui/settings-tab.js';

localize(document);

/** The settings editor in a tab (the options page), as the popup's "Open in a tab" does. */
/** @type {HTMLElement} */ (document.getElementById('open-settings')).addEventListener('click', openSettingsTab);

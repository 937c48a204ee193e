/**
 * The settings editor, shared by the popup and the options page: its sections, in order,
 * each a module that builds its own nodes (no HTML strings) and owns its ids.
 *
 * Every value is checked by the Rust core before anything is saved (state.js `commit`); keys
 * the administrator's policy sets are shown but their controls are disabled.
 */
import { core, coreReady } from '../ui/core.js';
import { localize } from '../ui/localize.js';
import * as callingHours from './calling-hours.js';
import * as choice from './choice.js';
import * as dialer from './dialer.js';
import { el } from './dom.js';
import { fold } from './folds.js';
import * as general from './general.js';
import * as notices from './notices.js';
import * as pool from './pool.js';
import { onRefresh, refresh, state } from './state.js';
import * as transfer from './transfer.js';
import * as tryNumber from './try-number.js';

/**
 * A section of the editor.
 * @typedef {object} Section
 * @property {() => HTMLElement} build its nodes, with static text named by `data-i18n`
 * @property {() => void} start fills its lists from the core and listens to its controls, once
 * @property {() => void} render draws it from `state`, after every change of the settings
 */

/** @type {Section[]} */
const SECTIONS = [general, pool, choice, callingHours, dialer, tryNumber, transfer];
/** In the popup, what an agent needs at a glance leads, always open; the rest folds. */
const GLANCE = [general, tryNumber];

/**
 * Builds the editor into `container`, starts the core and shows the stored settings.
 * `folded` (the popup): the glance first, then every other section folded under its heading.
 * @param {HTMLElement} container
 * @param {{ folded?: boolean }} [options]
 */
export async function startEditor(container, { folded = false } = {}) {
  // Busy, and out of reach, until the stored settings are shown and the controls can save.
  container.setAttribute('aria-busy', 'true');
  container.inert = true;
  const sections = folded
    ? [...GLANCE, ...SECTIONS.filter((section) => !GLANCE.includes(section))].map((section) =>
        GLANCE.includes(section) ? section.build() : fold(section.build()),
      )
    : SECTIONS.map((section) => section.build());
  container.replaceChildren(el('div', { class: 'editor' }, ...notices.build(), ...sections));
  localize(document);
  // The first read of storage.managed can take a second or two (the browser loads its
  // policies): read while the core starts.
  const stored = loadStoredSettings();
  await coreReady;
  state.subdivisions = core.subdivisions();
  state.presets = core.linkPresets();
  for (const form of container.querySelectorAll('form')) form.addEventListener('submit', (event) => event.preventDefault());
  for (const section of SECTIONS) section.start();
  onRefresh(render);
  await refresh(await stored);
  onSettingsChanged(() => refresh());
  container.inert = false;
  container.removeAttribute('aria-busy');
}

function render() {
  for (const section of SECTIONS) section.render();
  notices.render();
  applyLocks();
}

/** Disables the controls of each key the policy sets, with a note saying so. */
function applyLocks() {
  for (const wrapper of document.querySelectorAll('[data-setting]')) {
    const key = /** @type {HTMLElement} */ (wrapper).dataset.setting ?? '';
    const locked = state.locked.includes(key);
    wrapper.classList.toggle('locked', locked);
    const note = /** @type {HTMLElement} */ (wrapper.querySelector('.locked-note'));
    note.hidden = !locked;
    for (const control of wrapper.querySelectorAll('input, select, button, textarea')) {
      /** @type {HTMLInputElement} */ (control).disabled = locked;
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== note.id);
      if (locked) described.push(note.id);
      if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
}

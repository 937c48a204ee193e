/**
 * Sections that fold under their heading, for the popup: a browser shows a popup at most
 * 600 px high, so the configuration by region (pool, rules, calling hours…) stays closed
 * until the agent opens it, and each section stays as the agent left it, popup after popup.
 *
 * The open ones are remembered in the page's localStorage (the extension's origin): read at
 * once, before the popup is first drawn, so nothing jumps; never part of the settings.
 */
import { el } from './dom.js';

const OPEN_SECTIONS = 'openSections';

/**
 * Puts the contents of `section` in a `<details>` whose summary is the section's heading;
 * the details' id is the heading's, `-heading` replaced by `-section`.
 * @param {HTMLElement} section a section built with an `h2` that has an id ending in `-heading`
 */
export function fold(section) {
  const heading = /** @type {HTMLHeadingElement} */ (section.querySelector(':scope > h2'));
  const id = heading.id.replace(/-heading$/, '-section');
  const rest = [...section.childNodes].filter((node) => node !== heading);
  const details = el('details', { id }, el('summary', {}, heading), ...rest);
  details.open = openSections().includes(id);
  details.addEventListener('toggle', () => remember(id, details.open));
  section.replaceChildren(details);
  return section;
}

/** @returns {string[]} */
function openSections() {
  try {
    const stored = JSON.parse(localStorage.getItem(OPEN_SECTIONS) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    // Storage refused (site data blocked) or unreadable: every section starts closed.
    return [];
  }
}

/** @param {string} id @param {boolean} open */
function remember(id, open) {
  const others = openSections().filter((other) => other !== id);
  try {
    localStorage.setItem(OPEN_SECTIONS, JSON.stringify(open ? [...others, id] : others));
  } catch {
    // Not remembered: the section is as the agent set it until the popup closes.
  }
}

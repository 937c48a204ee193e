/**
 * Building the editor's nodes (never HTML strings) and writing to them. Static text is
 * named by `data-i18n` and filled by `localize`; anything else is set as text.
 */

/**
 * The element with id `id`, typed as the caller expects it.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
export const $ = (id) => /** @type {T} */ (document.getElementById(id));

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * A new element. `attrs`: `text` sets textContent, `i18n` sets data-i18n (filled by
 * `localize`), `class` the class list; `true` sets a boolean attribute, null/false skips.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'i18n') node.dataset.i18n = String(value);
    else if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** @param {string} id @param {string} key */
export const hint = (id, key) => el('p', { id, class: 'hint', i18n: key });
/** @param {string} id */
export const message = (id) => el('p', { id, class: 'message', 'aria-live': 'polite' });
/** @param {string} forId @param {string} key */
export const label = (forId, key) => el('label', { for: forId, i18n: key });

/**
 * @param {string} id
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 */
export function textInput(id, attrs = {}) {
  return el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

/**
 * One row of an inline form: its cells and button side by side.
 * @param {...Child} children
 */
export const row = (...children) => el('div', { class: 'add-row' }, ...children);

/**
 * One control of an inline form under its label; `attrs` go on the cell.
 * @param {string} id
 * @param {string} labelKey
 * @param {HTMLElement} control
 * @param {Record<string, string | boolean>} [attrs]
 */
export const cell = (id, labelKey, control, attrs = {}) =>
  el('div', { class: 'add-cell', ...attrs }, label(id, labelKey), control);

/**
 * A wrapper for the controls of one setting: disabled together when it is locked. The
 * note goes under the setting's label or heading (after a checkbox's hint).
 * @param {string} key
 * @param {string} className
 * @param {...HTMLElement} children
 */
export function setting(key, className, ...children) {
  const note = el('p', { id: `${key}-locked`, class: 'locked-note', i18n: 'lockedByAdmin', hidden: true });
  const [first, ...rest] = children;
  const parts = className.includes('switch') ? [...children, note] : [first, note, ...rest];
  return el('div', { class: className, 'data-setting': key }, ...parts);
}

/**
 * A message under a control: its kind ('error', 'warning', 'saved', …) as its class.
 * @param {HTMLElement} element
 * @param {string} kind
 * @param {string} text
 */
export function setMessage(element, kind, text) {
  element.className = `message ${kind}`.trim();
  setText(element, text);
}

/**
 * Writes only what changed, so a live region does not repeat itself.
 * @param {HTMLElement} element
 * @param {string} text
 */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** @param {HTMLElement} input @param {boolean} invalid */
export function markInvalid(input, invalid) {
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/**
 * Escape empties a form's text fields when they hold something (else it closes the popup).
 * @param {HTMLInputElement[]} inputs
 * @param {HTMLElement | null} shown the form's message, emptied too
 * @param {() => void} [after]
 */
export function clearOnEscape(inputs, shown, after = () => {}) {
  for (const input of inputs) {
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || input.value === '') return;
      event.preventDefault();
      input.value = '';
      markInvalid(input, false);
      if (shown) setMessage(shown, '', '');
      after();
    });
  }
}

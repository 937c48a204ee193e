'use strict';
/**
 * The dialog at the click: why a call does not dial at once (calling hours, Do Not Call),
 * with Cancel (the default) and Call anyway, or only Close when the call is blocked.
 *
 * - Built with DOM APIs only, in a closed shadow root on an element of our own at the end of
 *   the document: the page's styles cannot reach inside, and the host's own inline styles
 *   (`all: initial`, important) keep the page's rules and inherited fonts off it. Styles are
 *   set through the CSSOM, which no page Content-Security-Policy refuses.
 * - Accessible: `role="alertdialog"`, modal, named by its heading and described by its text
 *   (read out when focus moves in); focus moves to Cancel (Close) and comes back to the link
 *   after; Tab stays inside; Escape cancels; the page's own key handlers do not see its keys.
 */

/* exported askBeforeCall */
const askBeforeCall = (() => {
  /** The dialog shown, if any: one at a time. @type {{ close: (call: boolean) => void } | null} */
  let shown = null;

  /**
   * Shows the dialog; resolves to true when the agent chose Call anyway, false otherwise.
   * @param {{ heading: string, lines: string[], canCall: boolean, cancelText: string, callText: string, closeText: string, returnFocus: HTMLElement | null }} options
   * @returns {Promise<boolean>}
   */
  function askBeforeCall({ heading, lines, canCall, cancelText, callText, closeText, returnFocus }) {
    shown?.close(false);
    return new Promise((resolve) => {
      const host = document.createElement('caller-id-dialer-dialog');
      style(host, HOST);
      const root = host.attachShadow({ mode: 'closed' });

      const title = element('h2', TITLE, heading);
      title.id = 'heading';
      const text = element('div', TEXT);
      text.id = 'text';
      text.append(...lines.map((line) => element('p', LINE, line)));
      const cancel = element('button', BUTTON, canCall ? cancelText : closeText);
      const buttons = [cancel];
      if (canCall) buttons.push(element('button', [...BUTTON, ...CALL_BUTTON], callText));
      for (const button of buttons) button.type = 'button';
      const row = element('div', BUTTON_ROW);
      row.append(...buttons);

      const dialog = element('div', DIALOG);
      dialog.setAttribute('role', 'alertdialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-labelledby', title.id);
      dialog.setAttribute('aria-describedby', text.id);
      dialog.append(title, text, row);
      root.append(element('div', BACKDROP), dialog);

      /** @param {boolean} call */
      const close = (call) => {
        if (shown !== entry) return;
        shown = null;
        document.removeEventListener('focusin', keepFocus, true);
        host.remove();
        if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
        resolve(call);
      };
      const entry = { close };
      shown = entry;

      cancel.addEventListener('click', () => close(false));
      buttons[1]?.addEventListener('click', () => close(true));
      dialog.addEventListener('keydown', (event) => {
        event.stopPropagation(); // the page's shortcuts stay out of the dialog
        if (event.key === 'Escape') {
          event.preventDefault();
          close(false);
        } else if (event.key === 'Tab') {
          event.preventDefault();
          const at = buttons.indexOf(/** @type {HTMLButtonElement} */ (root.activeElement));
          const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
          buttons[next].focus();
        }
      });
      // Focus that leaves the dialog while it is open (a page script, a click outside) comes back.
      const keepFocus = (/** @type {FocusEvent} */ event) => {
        if (event.target !== host) cancel.focus();
      };
      document.addEventListener('focusin', keepFocus, true);

      document.documentElement.append(host);
      cancel.focus();
    });
  }

  /**
   * A new element with `declarations` as inline styles, and its text.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string[][]} declarations
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, declarations, text) {
    const node = document.createElement(tag);
    style(node, declarations);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * @param {HTMLElement} node
   * @param {string[][]} declarations [property, value] pairs, set important
   */
  function style(node, declarations) {
    for (const [property, value] of declarations) node.style.setProperty(property, value, 'important');
  }

  // Colours of Salesforce's design system (SLDS): the page's own look, and contrast above 4.5:1.
  const HOST = [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['inset', '0'],
    ['z-index', '2147483647'],
    ['display', 'block'],
  ];
  const BACKDROP = [
    ['position', 'fixed'],
    ['inset', '0'],
    ['background', 'rgba(8, 7, 7, 0.6)'],
  ];
  const DIALOG = [
    ['position', 'fixed'],
    ['top', '50%'],
    ['left', '50%'],
    ['transform', 'translate(-50%, -50%)'],
    ['box-sizing', 'border-box'],
    ['width', 'min(32rem, calc(100vw - 2rem))'],
    ['max-height', 'calc(100vh - 2rem)'],
    ['overflow', 'auto'],
    ['padding', '1.25rem 1.5rem'],
    ['border-radius', '0.5rem'],
    ['background', '#ffffff'],
    ['color', '#181818'],
    ['box-shadow', '0 2px 12px rgba(0, 0, 0, 0.35)'],
    ['font', '14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'],
    ['text-align', 'start'],
  ];
  const TITLE = [
    ['margin', '0 0 0.75rem'],
    ['font-size', '1.25rem'],
    ['font-weight', '700'],
    ['line-height', '1.25'],
  ];
  const TEXT = [['margin', '0']];
  const LINE = [['margin', '0 0 0.5rem']];
  const BUTTON_ROW = [
    ['display', 'flex'],
    ['flex-wrap', 'wrap'],
    ['justify-content', 'flex-end'],
    ['gap', '0.5rem'],
    ['margin-top', '1rem'],
  ];
  const BUTTON = [
    ['font', 'inherit'],
    ['padding', '0.375rem 1rem'],
    ['border', '1px solid #747474'],
    ['border-radius', '0.25rem'],
    ['background', '#ffffff'],
    ['color', '#0b5cab'],
    ['cursor', 'pointer'],
  ];
  const CALL_BUTTON = [
    ['border-color', '#ba0517'],
    ['background', '#ba0517'],
    ['color', '#ffffff'],
  ];

  return askBeforeCall;
})();

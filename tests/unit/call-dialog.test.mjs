/**
 * content/call-dialog.js: the dialog at the click, in jsdom. Its shadow root is closed, so
 * the test keeps the root the script attaches (a spy on attachShadow, installed before the
 * script runs) to look inside, as a screen reader would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { contentWorld } from './content-world.mjs';

const DIALOG_SCRIPT = fileURLToPath(new URL('../../extension/content/call-dialog.js', import.meta.url));

let world;
beforeEach(() => {
  world = contentWorld('<p><a id="link" href="callto://+13125550100">(312) 555-0100</a></p><button id="other">Other</button>', {
    scripts: ['shared/ext.js'],
  });
  world.run(`
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      globalThis.dialogRoot = root;
      return root;
    };
    globalThis.pageKeys = [];
    document.addEventListener('keydown', (event) => pageKeys.push(event.key));
  `);
  world.run(readFileSync(DIALOG_SCRIPT, 'utf8'));
});
afterEach(() => world.close());

/** Opens the dialog from the focused link; returns the promise of the answer and the parts. */
function open({ canCall = true, lines = ['7:12 AM on Tuesday for this callee (Chicago time); calling hours 8:00 AM–9:00 PM.'] } = {}) {
  const { document, window } = world;
  const link = document.getElementById('link');
  link.focus();
  window.testOptions = { lines, canCall, returnFocus: link };
  const answer = world.run(`askBeforeCall({
    heading: 'Call +1 312-555-0100?', lines: testOptions.lines, canCall: testOptions.canCall,
    cancelText: 'Cancel', callText: 'Call anyway', closeText: 'Close', returnFocus: testOptions.returnFocus,
  })`);
  const root = window.dialogRoot;
  const host = root.host;
  const dialog = root.querySelector('[role="alertdialog"]');
  const buttons = [...root.querySelectorAll('button')];
  return { answer, root, host, dialog, buttons, link };
}

/** Sends a key to the element focused inside the dialog, as a keyboard does. */
function press(root, key, { shiftKey = false } = {}) {
  const target = root.activeElement;
  target.dispatchEvent(new world.window.KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true, cancelable: true }));
}

describe('the dialog at the click', () => {
  it('is a modal alertdialog named by its heading, described by its text, in a closed shadow root', () => {
    const { root, host, dialog, buttons } = open();
    assert.equal(host.shadowRoot, null, 'closed: the page cannot reach inside');
    assert.equal(host.parentNode, world.document.documentElement);
    assert.equal(dialog.getAttribute('aria-modal'), 'true');
    assert.equal(root.getElementById(dialog.getAttribute('aria-labelledby')).textContent, 'Call +1 312-555-0100?');
    assert.equal(
      root.getElementById(dialog.getAttribute('aria-describedby')).textContent,
      '7:12 AM on Tuesday for this callee (Chicago time); calling hours 8:00 AM–9:00 PM.',
    );
    assert.deepEqual(
      buttons.map((button) => [button.textContent, button.type]),
      [
        ['Cancel', 'button'],
        ['Call anyway', 'button'],
      ],
    );
    // The page's rules and inherited styles stop at the host: its own inline styles (set
    // important, which jsdom does not keep; the end-to-end test puts a hostile stylesheet on
    // the page).
    assert.equal(host.style.getPropertyValue('position'), 'fixed');
    assert.equal(host.style.getPropertyValue('z-index'), '2147483647');
  });

  it('moves focus to Cancel, the default, and Cancel dials nothing and gives focus back to the link', async () => {
    const { answer, root, host, buttons, link } = open();
    assert.equal(world.document.activeElement, host);
    assert.equal(root.activeElement, buttons[0]);
    buttons[0].click();
    assert.equal(await answer, false);
    assert.equal(host.isConnected, false, 'gone');
    assert.equal(world.document.activeElement, link);
  });

  it('Escape cancels, and the page never sees the dialog\'s keys', async () => {
    const { answer, root } = open();
    press(root, 'Escape');
    assert.equal(await answer, false);
    assert.deepEqual([...world.window.pageKeys], []);
  });

  it('Call anyway answers true', async () => {
    const { answer, buttons } = open();
    buttons[1].click();
    assert.equal(await answer, true);
  });

  it('keeps Tab and Shift+Tab between its buttons, and takes focus back from the page', () => {
    const { root, buttons } = open();
    press(root, 'Tab');
    assert.equal(root.activeElement, buttons[1]);
    press(root, 'Tab');
    assert.equal(root.activeElement, buttons[0]);
    press(root, 'Tab', { shiftKey: true });
    assert.equal(root.activeElement, buttons[1]);
    world.document.getElementById('other').focus();
    assert.equal(root.activeElement, buttons[0], 'focus comes back to the default button');
  });

  it('offers only Close when the call is blocked', async () => {
    const { answer, buttons } = open({ canCall: false, lines: ['Calling hours open at 8:00 AM their time, in 48 minutes.'] });
    assert.deepEqual(
      buttons.map((button) => button.textContent),
      ['Close'],
    );
    buttons[0].click();
    assert.equal(await answer, false);
  });

  it('shows text as text, never as markup', () => {
    const { dialog } = open({ lines: ['<img src=x onerror=alert(1)>'] });
    assert.equal(dialog.querySelector('img'), null);
    assert.match(dialog.textContent, /<img src=x onerror=alert\(1\)>/);
  });

  it('one dialog at a time: a second one answers the first with false', async () => {
    const first = open();
    const second = open();
    assert.equal(await first.answer, false);
    assert.equal(first.host.isConnected, false);
    assert.equal(second.host.isConnected, true);
    second.buttons[1].click();
    assert.equal(await second.answer, true);
  });
});

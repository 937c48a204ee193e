/**
 * The popup's folding sections (editor/folds.js), in Node on a jsdom document: a section's
 * heading becomes the summary of a closed <details>, and a section the agent opened opens
 * again next time (localStorage), until the agent closes it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';

let fold;
let window;
before(async () => {
  ({ window } = new JSDOM('<!doctype html><body></body>', { url: 'https://extension.test/popup/popup.html' }));
  for (const name of ['window', 'document', 'localStorage', 'Node', 'HTMLElement']) {
    Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true, writable: true });
  }
  ({ fold } = await import('../../extension/editor/folds.js'));
});

/** A section as the editor's modules build one: a heading with an id, then its fields. */
function section() {
  const built = document.createElement('section');
  built.setAttribute('aria-labelledby', 'pool-heading');
  const heading = document.createElement('h2');
  heading.id = 'pool-heading';
  heading.textContent = 'Your caller IDs';
  const field = document.createElement('input');
  field.id = 'pool-number';
  built.append(heading, field);
  document.body.replaceChildren(built);
  return built;
}

describe('a folded section', () => {
  it('is closed at first, its heading the summary, its fields inside', () => {
    localStorage.clear();
    const folded = fold(section());
    const details = folded.querySelector(':scope > details');
    assert.equal(details.id, 'pool-section');
    assert.equal(details.open, false);
    assert.equal(details.querySelector(':scope > summary > h2').id, 'pool-heading', 'the heading keeps its id (aria-labelledby)');
    assert.equal(details.querySelector('#pool-number').parentElement, details);
    assert.equal(folded.getAttribute('aria-labelledby'), 'pool-heading');
  });

  it('opens again as the agent left it, and stays closed once closed', async () => {
    localStorage.clear();
    const details = fold(section()).querySelector('details');
    details.open = true;
    await new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    assert.equal(fold(section()).querySelector('details').open, true, 'opened: open in the next popup');

    const again = document.querySelector('details');
    again.open = false;
    await new Promise((resolve) => again.addEventListener('toggle', resolve, { once: true }));
    assert.equal(fold(section()).querySelector('details').open, false, 'closed: closed in the next popup');
  });

  it('starts closed when what is stored cannot be read', () => {
    localStorage.setItem('openSections', '{not json');
    assert.equal(fold(section()).querySelector('details').open, false);
  });
});

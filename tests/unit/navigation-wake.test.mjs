/**
 * The content scripts wake the background when a Lightning navigation starts (jsdom, fake
 * background): one message per navigation, however many of its signs the page shows, with
 * the numbers the frame dialed last.
 */
import assert from 'node:assert/strict';
import { afterEach, it } from 'node:test';
import { DEFAULTS } from './fake-core.mjs';
import { contentWorld, until } from './content-world.mjs';

let world;
afterEach(() => world?.close());

const wakes = () => world.ext.sent.filter((message) => message.type === 'wake');

it('sends one wake per navigation, with the numbers dialed last', async () => {
  world = contentWorld(
    '<!doctype html><body><a id="phone" href="tel:4155551212">(415) 555-1212</a>' +
      '<a id="record" href="/lightning/r/Contact/003000000000002AAA/view">Jordan Smith</a><a id="help" href="https://help.salesforce.com/">Help</a></body>',
    { settings: () => ({ ...DEFAULTS, defaultCallerId: '+18880001111' }) },
  );
  const { window, document } = world;
  await until(() => document.getElementById('phone').getAttribute('href').startsWith('callto:'));
  assert.deepEqual(wakes(), [], 'no wake before a navigation');

  // A click on a record link, then the app's pushState in the same task: one navigation.
  document.getElementById('record').addEventListener('click', (event) => event.preventDefault());
  document.getElementById('record').click();
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  assert.equal(wakes().length, 1);
  assert.deepEqual(wakes()[0].items, [{ raw: '4155551212', recordCallerId: null, doNotCall: false }]);

  // A click elsewhere is no navigation; back, later, is another one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  document.getElementById('help').addEventListener('click', (event) => event.preventDefault());
  document.getElementById('help').click();
  assert.equal(wakes().length, 1, 'a link out of the app wakes nothing');
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  assert.equal(wakes().length, 2);
});

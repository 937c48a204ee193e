/**
 * The content scripts over an extension's life (jsdom, fake core and browser API): a batch the
 * background never answered is sent again until it is; a script whose extension went away, or
 * was replaced by a newer version's script, puts every number back as the page rendered it and
 * stops, quietly; a policy the browser loaded late without telling reaches the page.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DEFAULTS } from './fake-core.mjs';
import { contentWorld, until } from './content-world.mjs';

const SETTINGS = { ...DEFAULTS, defaultCallerId: '+18880001111' };
const PAGE = `
  <div id="list"><a id="phone" href="tel:4155551212" title="Salesforce title">(415) 555-1212</a></div>
  <span class="forceOutputPhone" id="field">(212) 555-0199</span>`;

let world;
afterEach(() => world?.close());

/** The page's phone link and text field once both show our links. */
async function rewritten(page) {
  const link = page.document.getElementById('phone');
  const field = page.document.getElementById('field');
  await until(() => link.getAttribute('href').startsWith('callto:') && field.querySelector('a'));
  return { link, field };
}

/** Whether both are back exactly as the page rendered them. */
function asRendered({ link, field }) {
  return (
    link.getAttribute('href') === 'tel:4155551212' &&
    link.getAttribute('title') === 'Salesforce title' &&
    !link.hasAttribute('aria-label') &&
    field.childNodes.length === 1 &&
    field.firstChild.nodeType === 3
  );
}

/** Appends a phone link to the list; returns it. */
function addLink(page, href) {
  const added = page.document.createElement('a');
  added.setAttribute('href', href);
  page.document.getElementById('list').append(added);
  return added;
}

describe('a background that dies mid-batch', () => {
  it('sends the unanswered values again, waiting longer each time, until they are answered', async () => {
    let failures = 3;
    const asked = [];
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, {
      settings: () => SETTINGS,
      dial: (items) => {
        asked.push(items.map((item) => item.raw).sort());
        if (failures > 0) {
          failures -= 1;
          throw new Error('The message port closed before a response was received.');
        }
        return { enabled: true, results: items.map((item) => ({ ok: true, href: `callto://${item.raw}`, numberDisplay: item.raw, callerId: null, reason: 'none' })) };
      },
    });
    const link = world.document.getElementById('phone');
    await until(() => link.getAttribute('href') === 'callto://4155551212');
    await until(() => world.document.querySelector('#field a')?.getAttribute('href') === 'callto://(212) 555-0199');
    assert.equal(failures, 0);
    assert.deepEqual(asked.at(-1), ['(212) 555-0199', '4155551212'], 'the same values, sent again together');
    assert.equal((await world.ext.tell({ type: 'report' })).failure, null, 'no failure left to report');
  });
});

describe('standing down', () => {
  it('puts every number back and stops when a newer script announces itself', async () => {
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => SETTINGS });
    const targets = await rewritten(world);
    const sent = world.ext.sent.length;
    // What content/extension-context.js of the newer version dispatches as it starts.
    world.document.dispatchEvent(new world.window.Event('caller-id-dialer-started'));
    assert.ok(asRendered(targets), 'back at once, before the newer script scans the page');
    const later = addLink(world, 'tel:3035550147');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(later.getAttribute('href'), 'tel:3035550147', 'left to the newer script');
    assert.equal(world.ext.sent.length, sent, 'no message sent after standing down');
  });

  it('puts every number back when its extension is gone, at its next message', async () => {
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => SETTINGS });
    const targets = await rewritten(world);
    // Chromium, after an update, a disable or a removal.
    world.ext.runtime.id = undefined;
    world.ext.runtime.sendMessage = async () => {
      throw new Error('Extension context invalidated.');
    };
    const later = addLink(world, 'tel:3035550147');
    await until(() => asRendered(targets));
    assert.equal(later.getAttribute('href'), 'tel:3035550147');
  });

  it('puts every number back when its extension is gone, as the tab is shown again', async () => {
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => SETTINGS });
    const targets = await rewritten(world);
    world.ext.runtime.id = undefined;
    world.document.dispatchEvent(new world.window.Event('visibilitychange'));
    assert.ok(asRendered(targets));
  });

  it('keeps working while its extension is there', async () => {
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => SETTINGS });
    const targets = await rewritten(world);
    world.document.dispatchEvent(new world.window.Event('visibilitychange'));
    const later = addLink(world, 'tel:3035550147');
    await until(() => later.getAttribute('href').startsWith('callto:'));
    assert.ok(!asRendered(targets));
  });
});

/** The frame becomes `state` ('visible' or 'hidden'), as on a switch of tabs. */
function setVisibility(page, state) {
  Object.defineProperty(page.document, 'visibilityState', { value: state, configurable: true });
  page.document.dispatchEvent(new page.window.Event('visibilitychange'));
}

describe('a policy that arrives late', () => {
  it('reaches an open page though the browser did not report it', async () => {
    let settings = SETTINGS;
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => settings });
    const { link } = await rewritten(world);
    assert.equal(link.getAttribute('href'), 'callto://+14155551212/+18880001111');
    // Chromium loaded the policy and told nobody: the background answers the new settings.
    settings = { ...SETTINGS, defaultCallerId: '+12125550100' };
    const asked = world.ext.sent.length;
    setVisibility(world, 'hidden');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(world.ext.sent.length, asked, 'a hidden frame asks nothing');
    setVisibility(world, 'visible');
    await until(() => link.getAttribute('href') === 'callto://+14155551212/+12125550100');
  });

  it('asks the numbers again only when the settings shown again changed', async () => {
    world = contentWorld(`<!doctype html><body>${PAGE}</body>`, { settings: () => SETTINGS });
    await rewritten(world);
    await until(() => world.ext.sent.some((message) => message.type === 'tabState'), { timeout: 1000 });
    const dials = () => world.ext.sent.filter((message) => message.type === 'dial').length;
    const before = dials();
    setVisibility(world, 'visible');
    await until(() => world.ext.sent.filter((message) => message.type === 'settings').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(dials(), before, 'the same settings: no number asked again');
  });
});

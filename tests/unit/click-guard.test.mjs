/**
 * content/click-guard.js in jsdom, with the real finder and rewriter and a fake background
 * whose answers the test releases: a click on an answered link goes untouched; a click before
 * the answer is held and then goes to the dialer link (or, past the wait or for a value the
 * core leaves alone, to the page's own link, with the reason in the report); a verdict that
 * warns asks first; modified clicks, stopped guards and errors of ours leave the click to the
 * page. Navigations are what the guard hands to `navigate` (jsdom navigates nowhere).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CONTENT_SCRIPTS, contentWorld, until } from './content-world.mjs';
import { DEFAULTS, dialOne, judgeCalls } from './fake-core.mjs';

const SETTINGS = { ...DEFAULTS, defaultCallerId: '+18880001111', callingHours: 'off', doNotCall: 'off' };
const BOSTON = 'callto://+16175550134/+18880001111';

let world;
afterEach(() => world?.close());

/**
 * A page with `body`, the finder, rewriter and guard at work on it (wired as main.js wires
 * them). Each dial request waits until the test calls `release()`, unless `answerAtOnce`;
 * results are judged at the local time `time` in every zone, and hold for a minute. `asked`
 * lists the requests, `results` the results answered (the objects the rewriter keeps).
 */
function open(body, { settings = SETTINGS, answerAtOnce = true, time = '12:00' } = {}) {
  const pending = [];
  const asked = [];
  const answered = [];
  const answer = (items) => {
    const results = items.map((item) => {
      const result = dialOne(item, settings);
      if (!result.ok) return result;
      const zones = result.timeZones.map((zone) => ({ zone, date: '2026-03-10', time }));
      const [verdict] = judgeCalls([{ number: result.number, zones, doNotCall: item.doNotCall }], settings);
      return { ...result, verdict, verdictUntil: Date.now() + 60_000 };
    });
    answered.push(...results);
    return { enabled: true, results };
  };
  world = contentWorld(`<!doctype html><body>${body}</body>`, {
    scripts: CONTENT_SCRIPTS.filter((script) => script !== 'content/main.js'),
    settings: () => settings,
    dial: (items) => {
      asked.push(...items);
      if (answerAtOnce) return answer(items);
      return new Promise((resolve) => pending.push(() => resolve(answer(items))));
    },
  });
  world.window.testSettings = settings;
  world.run(`
    globalThis.navigations = [];
    globalThis.pageSaw = [];
    // The page's own listener, after ours: what the browser would do, then nothing (jsdom).
    window.addEventListener('click', (event) => {
      pageSaw.push({ href: event.target.getAttribute('href'), prevented: event.defaultPrevented });
      event.preventDefault();
    });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      globalThis.dialogRoot = root;
      return root;
    };
    (() => {
      const rewriter = new LinkRewriter({
        dialBatch: (items) => askBackground({ type: 'dial', items }),
        describe: () => 'title',
        recordCallerIdOf: () => null,
        doNotCallOf: () => false,
        onSettled: () => {},
      });
      new LinkFinder({ onPhoneLink: (anchor) => rewriter.add(anchor), onRecordField: () => {} }).watch(document);
      globalThis.rewriter = rewriter;
      globalThis.guard = new ClickGuard({
        rewriter,
        dial: (items) => askBackground({ type: 'dial', items }),
        doNotCallOf: () => false,
        settings: () => testSettings,
        navigate: (href) => navigations.push(href),
      });
    })();
  `);
  const release = () => {
    for (const resolve of pending.splice(0)) resolve();
  };
  return { ...world, asked, answered, release, pending };
}

const link = (page, id) => page.document.getElementById(id);
/** A value of the page's world as a plain one of this world, to compare. */
const plain = (value) => JSON.parse(JSON.stringify(value));
const navigations = (page) => plain(page.window.navigations);
const pageSaw = (page) => plain(page.window.pageSaw);

/** A primary click, or one with `init`'s buttons and keys, as the browser dispatches it. */
function click(page, element, init = {}) {
  element.dispatchEvent(new page.window.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, ...init }));
}

/** Adds a phone link to the page and clicks it in the same task, before anything answered. */
function renderAndClick(page, href, init) {
  const anchor = page.document.createElement('a');
  anchor.setAttribute('href', href);
  anchor.textContent = href.slice(4);
  page.document.body.append(anchor);
  click(page, anchor, init);
  return anchor;
}

/** The dialog's buttons, once it is open. */
const dialogButtons = (page) => until(() => page.document.querySelector('caller-id-dialer-dialog') && [...page.window.dialogRoot.querySelectorAll('button')]);

describe('a click on an answered link', () => {
  it('goes to the dialer link untouched when its verdict says call', async () => {
    const page = open('<a id="phone" href="tel:6175550134">(617) 555-0134</a>');
    await until(() => link(page, 'phone').getAttribute('href') === BOSTON);
    click(page, link(page, 'phone'));
    assert.deepEqual(pageSaw(page), [{ href: BOSTON, prevented: false }]);
    assert.deepEqual(navigations(page), [], 'the browser follows it, not the guard');
  });

  it('asks first when its verdict warns: Cancel dials nothing, Call anyway dials the link', async () => {
    const page = open('<a id="phone" href="tel:6175550134">(617) 555-0134</a>', {
      settings: { ...SETTINGS, callingHours: 'warn' },
      time: '07:00',
    });
    await until(() => link(page, 'phone').getAttribute('href') === BOSTON);
    click(page, link(page, 'phone'));
    assert.deepEqual(pageSaw(page), [{ href: BOSTON, prevented: true }]);
    const [cancel] = await dialogButtons(page);
    cancel.click();
    await until(() => !page.document.querySelector('caller-id-dialer-dialog'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(navigations(page), []);
    click(page, link(page, 'phone'));
    const [, callAnyway] = await dialogButtons(page);
    callAnyway.click();
    await until(() => navigations(page).length > 0);
    assert.deepEqual(navigations(page), [BOSTON]);
  });

  it('whose verdict has expired is asked again and judged on the new answer', async () => {
    const page = open('<a id="phone" href="tel:6175550134">(617) 555-0134</a>');
    await until(() => link(page, 'phone').getAttribute('href') === BOSTON);
    // Its minute is over, and the timer that would ask again has not run (a throttled tab).
    page.answered[0].verdictUntil = Date.now() - 1;
    const askedBefore = page.asked.length;
    click(page, link(page, 'phone'));
    assert.equal(pageSaw(page)[0].prevented, true, 'held: the verdict it had no longer holds');
    await until(() => navigations(page).length > 0);
    assert.deepEqual(navigations(page), [BOSTON]);
    assert.ok(page.asked.length > askedBefore, 'asked again at the click');
  });
});

describe('a click before the answer', () => {
  it('is held, then goes to the dialer link once the answer comes, once however often clicked', async () => {
    const page = open('', { answerAtOnce: false });
    const anchor = renderAndClick(page, 'tel:6175550134');
    click(page, anchor); // clicked again while held
    assert.deepEqual(pageSaw(page), [
      { href: 'tel:6175550134', prevented: true },
      { href: 'tel:6175550134', prevented: true },
    ]);
    await until(() => page.pending.length > 0);
    assert.deepEqual(navigations(page), []);
    page.release();
    await until(() => navigations(page).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(navigations(page), [BOSTON]);
  });

  it('follows the page\'s own link for a value the core leaves alone', async () => {
    const page = open('', { answerAtOnce: false });
    renderAndClick(page, 'tel:555-12');
    await until(() => page.pending.length > 0);
    page.release();
    await until(() => navigations(page).length > 0);
    assert.deepEqual(navigations(page), ['tel:555-12']);
    const report = page.window.rewriter.skipped;
    assert.equal(report.get('555-12'), '555-12 is not a phone number.', 'the popup says why');
  });

  it('follows the page\'s own link past the wait, and the report says why', async () => {
    const page = open('', { answerAtOnce: false });
    const anchor = renderAndClick(page, 'tel:6175550134');
    await until(() => navigations(page).length > 0, { timeout: 4000 });
    assert.deepEqual(navigations(page), ['tel:6175550134']);
    assert.deepEqual(
      plain([...page.window.guard.notes]),
      [['6175550134', "6175550134: a click followed the page's own link, because the extension had not answered within 2 seconds."]],
    );
    page.release(); // the late answer dials nothing more
    await until(() => anchor.getAttribute('href') === BOSTON);
    assert.deepEqual(navigations(page), ['tel:6175550134']);
  });

  it('is left to the page when modified, or once the guard is stopped', async () => {
    const page = open('', { answerAtOnce: false });
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      renderAndClick(page, 'tel:6175550134', init);
    }
    page.window.guard.stop();
    renderAndClick(page, 'tel:6175550134');
    assert.ok(pageSaw(page).every((seen) => !seen.prevented));
    page.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(navigations(page), []);
  });
});

describe('errors and Call from…', () => {
  it('lets the click go as the page meant it when our code throws', async () => {
    const page = open('<a id="phone" href="tel:6175550134">(617) 555-0134</a>');
    page.run(`
      guard.stop();
      globalThis.guard = new ClickGuard({
        rewriter: { clickedLink() { throw new Error('broken'); } },
        dial: () => Promise.reject(new Error('unused')),
        doNotCallOf: () => false,
        settings: () => testSettings,
        navigate: (href) => navigations.push(href),
      });
    `);
    click(page, link(page, 'phone'));
    assert.equal(pageSaw(page)[0].prevented, false);
  });

  it('Call from… asks the core with the chosen caller ID and dials its answer, and says why when the core refuses', async () => {
    const page = open('<a id="phone" href="tel:6175550134">(617) 555-0134</a><a id="bad" href="tel:555-12">555-12</a>');
    await until(() => link(page, 'phone').getAttribute('href') === BOSTON);
    const dialed = await page.window.guard.callFrom(link(page, 'phone'), '+16175550100');
    assert.deepEqual(plain(dialed), { dialed: true, href: 'callto://+16175550134/+18880001111' });
    assert.equal(page.asked.at(-1).choice, '+16175550100');
    assert.deepEqual(navigations(page), ['callto://+16175550134/+18880001111']);
    const refused = await page.window.guard.callFrom(link(page, 'bad'), '+16175550100');
    assert.deepEqual(plain(refused), { dialed: false });
    assert.equal(page.window.guard.notes.get('555-12'), '555-12: Call from… dialed nothing (555-12 is not a phone number.).');
  });
});

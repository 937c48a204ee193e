/**
 * Accessibility of the extension's own pages — the popup, the options page and the first-run
 * page — in headless Chromium and Firefox: axe-core (npm, pinned) finds no violation of
 * WCAG 2.2 A/AA or of its best practices, with the lists filled, a number tried and fields
 * showing errors (and, in Chromium, in the dark colour scheme too); and the popup works with
 * the keyboard alone: every control in a sensible Tab order, a visible focus, and a caller
 * ID typed and saved without the mouse.
 *
 * axe runs in the page: its source is evaluated there as puppeteer's evaluate does (the
 * pages' CSP forbids inline <script> tags, not evaluation by the test driver).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { addCallerId, addRule, configure, openAllSections, openOptions, openPopup, tryNumber } from '../support/popup.mjs';

/* global axe -- defined in the page by axe.min.js */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/**
 * The popup's controls in the order an agent meets them, top to bottom (a subsequence of the
 * Tab order), with every folded section open: the glance, then the sections.
 */
const POPUP_CONTROLS = [
  'open-tab',
  'enabled',
  'defaultCountry',
  'defaultCallerId',
  'try-number',
  'try-record',
  'pool-number',
  'pool-label',
  'pool-add-button',
  'recordCallerIdField',
  'rule-region',
  'rule-callerid',
  'rule-add-button',
  'localPresence',
  'linkPreset',
  'dialedNumberFormat',
  'export-button',
  'import-button',
];

/** Runs axe in `page`; resolves to its violations, each with the nodes it found. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map((node) => ({ target: node.target.join(' '), html: node.html, summary: node.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** Violations for people: one block per rule, one line per element. */
function describeViolations(violations) {
  return violations
    .map(({ id, impact, help, helpUrl, nodes }) =>
      [
        `${id} (${impact}): ${help}`,
        `  ${helpUrl}`,
        ...nodes.map(({ target, html, summary }) => `  - ${target}\n    ${html}\n    ${summary.replaceAll('\n', '\n    ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

async function assertNoViolations(page, what) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found ${violations.length} kinds of violation on ${what}:\n\n${describeViolations(violations)}\n`);
}

/**
 * Fills the editor's transient states so axe sees them too: every section open, a number
 * tried, a caller ID to add that is not valid, a rule's caller ID being typed, the custom
 * link field shown.
 */
async function showEveryState(page) {
  await openAllSections(page);
  await tryNumber(page, '(415) 555-1212');
  await page.type('#pool-number', '4155550100');
  await page.type('#rule-callerid', '+1 212');
  await page.waitForFunction(() => document.querySelector('#pool-number').getAttribute('aria-invalid') === 'true');
  await page.select('#linkPreset', 'custom');
  await page.waitForFunction(() => !document.querySelector('#linkTemplate-custom').hidden);
}

async function checkBothSchemes(session, page, what) {
  await assertNoViolations(page, `${what} (light)`);
  // Puppeteer emulates the colour scheme over CDP only.
  if (session.name !== 'chromium') return;
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  try {
    await assertNoViolations(page, `${what} (dark)`);
  } finally {
    await page.emulateMediaFeatures([]);
  }
}

/** What has the keyboard focus: its id (or a description), where it is and whether focus shows. */
function focusedControl() {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  return {
    id: element.id || `${element.localName}[${element.dataset.focusKey ?? element.className}]`,
    top: box.top + scrollY,
    bottom: box.bottom + scrollY,
    focusVisible: element.matches(':focus-visible'),
    ring: outline || shadow,
  };
}

/** Every control the Tab key should reach, in document order (no positive tabindex is used). */
function tabbableControls() {
  const candidates = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
  return [...candidates]
    .filter((element) => !element.disabled && element.tabIndex >= 0 && !element.closest('[inert]'))
    .filter((element) => element.checkVisibility({ visibilityProperty: true }))
    .map((element) => element.id || `${element.localName}[${element.dataset.focusKey ?? element.className}]`);
}

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      // Lists with entries: their rows hold controls of their own.
      await configure(session, { country: 'US', callerId: '+18880001111' });
      const popup = await openPopup(session);
      await addCallerId(popup, '+14155550100', 'San Francisco');
      await addCallerId(popup, '+442071234567', 'London');
      await addRule(popup, 'DE', '+442071234567');
      await popup.close();
    });
    after(() => session?.close());

    it('popup: no axe violation', async () => {
      const popup = await openPopup(session);
      await showEveryState(popup);
      await checkBothSchemes(session, popup, 'the popup');
      await popup.close();
    });

    it('options page: no axe violation', async () => {
      const options = await openOptions(session);
      await showEveryState(options);
      await checkBothSchemes(session, options, 'the options page');
      await options.close();
    });

    it('first-run page: no axe violation', async () => {
      const welcome = await session.openExtensionPage('welcome/welcome.html');
      await welcome.waitForFunction(() => document.querySelector('h1').textContent !== '');
      await checkBothSchemes(session, welcome, 'the first-run page');
      await welcome.close();
    });

    it('popup: Tab reaches every control, top to bottom, with a visible focus', async () => {
      const popup = await openPopup(session);
      await openAllSections(popup);
      const expected = await popup.evaluate(tabbableControls);
      let last = -1;
      for (const id of POPUP_CONTROLS) {
        const at = expected.indexOf(id);
        assert.ok(at > last, `${id} is a control after ${POPUP_CONTROLS[POPUP_CONTROLS.indexOf(id) - 1] ?? 'the start'}`);
        last = at;
      }

      await popup.evaluate(() => document.activeElement?.blur());
      const reached = [];
      for (let i = 0; i < expected.length; i += 1) {
        await popup.keyboard.press('Tab');
        reached.push(await popup.evaluate(focusedControl));
      }
      assert.deepEqual(
        reached.map((control) => control?.id),
        expected,
        'Tab goes through the controls in document order',
      );
      for (const [i, control] of reached.entries()) {
        assert.ok(control.focusVisible && control.ring, `${control.id} shows where the focus is (outline or box-shadow)`);
        const previous = reached[i - 1];
        // The next control is on the same row or below: the focus never jumps back up.
        if (previous) assert.ok(control.bottom > previous.top, `${control.id} is not above ${previous.id}`);
      }
      await popup.close();
    });

    it('popup: a caller ID is typed and saved with the keyboard alone', async () => {
      const popup = await openPopup(session);
      await popup.evaluate(() => document.activeElement?.blur());
      let presses = 0;
      while ((await popup.evaluate(() => document.activeElement?.id)) !== 'defaultCallerId') {
        presses += 1;
        assert.ok(presses <= POPUP_CONTROLS.indexOf('defaultCallerId') + 1, 'the caller ID is among the first controls');
        await popup.keyboard.press('Tab');
      }
      // Select what the field holds, type over it and confirm with Enter.
      await popup.keyboard.down('Control');
      await popup.keyboard.press('a');
      await popup.keyboard.up('Control');
      await popup.keyboard.type('+12125550100');
      await popup.keyboard.press('Enter');
      await popup.waitForFunction(() => document.querySelector('#defaultCallerId-message').classList.contains('saved'));
      assert.equal(await popup.$eval('#defaultCallerId-message', (message) => message.textContent), 'Saved.');
      const stored = await popup.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.sync.get('defaultCallerId'));
      assert.deepEqual(stored, { defaultCallerId: '+12125550100' });
      assert.equal(await popup.evaluate(() => document.activeElement.id), 'defaultCallerId', 'the focus stays in the field');
      await popup.close();
    });
  });
}

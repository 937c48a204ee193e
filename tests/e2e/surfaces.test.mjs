/**
 * End to end: every Salesforce surface where phone numbers appear, with the extension users
 * install (dist/chrome, dist/firefox, unmodified) in headless Chromium and Firefox ESR:
 * Lightning list views and related lists (lightning-datatable, both render paths), phone
 * fields shown as bare text (Aura list grids, Salesforce Classic detail pages and list views),
 * Open CTI click-to-dial, inline edit, the Service Console, shadow roots created late, pages
 * of 5,000 links, Visualforce / Setup / Experience Cloud hosts under a strict CSP, and the
 * promise that the page is never disturbed and no request is ever made. Fixtures and hooks:
 * tests/fixtures (see tests/support/server.mjs for the URLs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { countLinks, hrefsAre, phoneLinkHandles, phoneLinks, settledCount, snapshotElements, waitForLinks } from '../support/page-links.mjs';
import { configure, openPopup, setEnabled } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';
import { listRow } from '../fixtures/modules/x/listViewPage/data.js';

const CALLER_ID = '+18880001111';

/** Chromium resolves only these to the test server; Firefox resolves every name to it. */
const HOST_RULES = ['*.lightning.force.com', '*.my.salesforce.com', '*.force.com', '*.my.site.com', '*.salesforce-setup.com'];
const LIGHTNING = 'acme.lightning.force.com';
const CLASSIC = 'acme.my.salesforce.com';

const PAGES = {
  list: (query = '') => [LIGHTNING, `/lightning/o/Contact/list${query}`],
  account: (query = '') => [LIGHTNING, `/lightning/r/Account/001000000000001AAA/view${query}`],
  console: (query = '') => [LIGHTNING, `/lightning/app/console${query}`],
  record: (query = '?shadow=native') => [LIGHTNING, `/lightning/r/Contact/003000000000001AAA/view${query}`],
  /** The record home page (Do Not Call: record 101 and two of its related contacts; 102 none). */
  recordHome: (id, query = '') => [LIGHTNING, `/lightning/r/Contact/${id}/view?layout=standard&shadow=native${query}`],
  classicDetail: () => [CLASSIC, '/003000000000001'],
  classicList: () => [CLASSIC, '/003?fcf=00B000000000001'],
  visualforce: () => ['acme--c.vf.force.com', '/apex/CallSheet'],
  experienceCloud: () => ['acme.my.site.com', '/s/contact/003000000000001AAA/jordan-smith'],
  setup: () => ['acme.my.salesforce-setup.com', '/lightning/setup/CompanyProfileInfo/home'],
};

/**
 * The E.164 number a fixture value dials, or null when it is not a phone number. Fixture
 * values are either `+` and digits, or 10-digit US numbers, or (on purpose) not numbers.
 */
function e164(raw) {
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) return `+${digits}`;
  return digits.length === 10 ? `+1${digits}` : null;
}

/** The href a fixture value ends with: our link, or the tel: link left as Salesforce rendered it. */
const hrefOf = (raw, callerId = CALLER_ID) => (e164(raw) ? `callto://${e164(raw)}/${callerId}` : `tel:${raw}`);
const callto = (raw, callerId = CALLER_ID) => `callto://${e164(raw)}/${callerId}`;

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName], hostRules: HOST_RULES });
      await configure(session, { country: 'US', callerId: CALLER_ID });
    });
    after(() => session?.close());

    /** Opens a fixture page and records every error the page reports. */
    async function open([host, path], { ready = true } = {}) {
      const page = await session.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(`${server.origin(host)}${path}`);
      if (ready) await page.waitForFunction(() => window.fixture?.ready.then(() => true));
      return { page, errors };
    }

    /** Switches the extension on or off in its popup: off, every page is as Salesforce rendered it. */
    async function switchOn(enabled) {
      const popup = await openPopup(session);
      await setEnabled(popup, enabled);
      await popup.close();
    }

    /** The list view's expected hrefs, in the order its rows are shown. */
    async function listHrefs(page) {
      return (await page.evaluate(() => window.fixture.phones)).map((raw) => hrefOf(raw));
    }

    describe('selectors.js: every selector matches what its fixture holds', () => {
      // { name of the selector or test in selectors.js, fixture, expected count }
      const TABLE = [
        { name: 'isPhoneLink', fixture: PAGES.record(), expected: 9 },
        { name: 'isPhoneLink', fixture: PAGES.list('?shadow=native&datatable=inline'), expected: 20 },
        { name: 'isPhoneLink', fixture: PAGES.list('?shadow=native'), expected: 20 },
        { name: 'isPhoneLink', fixture: PAGES.visualforce(), expected: 3 },
        { name: 'recordFieldName', fixture: PAGES.record(), expected: 11 },
        { name: 'RECORD_FIELD_VALUE', fixture: PAGES.record(), expected: 11 },
        { name: 'recordFieldName', fixture: PAGES.console('?shadow=native'), expected: 14 },
        { name: 'CONSOLE_TAB', fixture: PAGES.console('?shadow=native'), expected: 5 },
        { name: 'isConsoleTab', fixture: PAGES.console('?shadow=native'), expected: 5 },
        { name: 'AURA_OUTPUT_PHONE', fixture: PAGES.account('?shadow=native'), expected: 6 },
        { name: 'CLASSIC_DETAIL_VALUE', fixture: PAGES.classicDetail(), expected: 18 },
        { name: 'CLASSIC_DETAIL_LABEL', fixture: PAGES.classicDetail(), expected: 18 },
        { name: 'CLASSIC_INLINE_EDIT_VALUE', fixture: PAGES.classicDetail(), expected: 14 },
        { name: 'CLASSIC_LIST_CELL', fixture: PAGES.classicDetail(), expected: 9 },
        { name: 'CLASSIC_LIST_HEADER_ROW', fixture: PAGES.classicDetail(), expected: 1 },
        { name: 'CLASSIC_GRID_CELL', fixture: PAGES.classicList(), expected: 28 },
        { name: 'CLASSIC_GRID', fixture: PAGES.classicList(), expected: 1 },
        { name: 'CLASSIC_LIST', fixture: PAGES.classicDetail(), expected: 1 },
        // Text phone fields: the Aura grid's five and the one pasted into a rich-text region;
        // Classic: Phone, Mobile, Home Phone, Other Phone, Fax, Business Phone (label), Asst.
        // Phone (CTI link, label), Phone (label, no id), and the related list's 3 Phone cells;
        // the list view's Phone, Mobile and Business Phone (label) columns of 4 rows.
        { name: 'isTextPhoneField', fixture: PAGES.account('?shadow=native'), expected: 6 },
        { name: 'isTextPhoneField', fixture: PAGES.classicDetail(), expected: 11 },
        { name: 'isTextPhoneField', fixture: PAGES.classicList(), expected: 12 },
        // Of those, the ones holding one plain value to wrap (not empty, no link, no input).
        { name: 'textPhoneNode', fixture: PAGES.account('?shadow=native'), expected: 4 },
        { name: 'textPhoneNode', fixture: PAGES.classicDetail(), expected: 9 },
        { name: 'textPhoneNode', fixture: PAGES.classicList(), expected: 10 },
        // Do Not Call: the related list's rows and column, in both datatable render modes; the
        // record's checkbox checked on 101 (page layout and Dynamic Forms), not on 102.
        { name: 'LIST_ROW', fixture: PAGES.recordHome('003000000000101AAA'), expected: 4 },
        { name: 'isListRow', fixture: PAGES.recordHome('003000000000101AAA', '&datatable=inline'), expected: 4 },
        { name: 'DO_NOT_CALL_COLUMN', fixture: PAGES.recordHome('003000000000101AAA'), expected: 4 },
        { name: 'doNotCallRows', fixture: PAGES.recordHome('003000000000101AAA'), expected: 2 },
        { name: 'doNotCallRows', fixture: PAGES.recordHome('003000000000101AAA', '&datatable=inline'), expected: 2 },
        { name: 'doNotCallRecord', fixture: PAGES.recordHome('003000000000101AAA'), expected: 1 },
        { name: 'doNotCallRecord', fixture: [LIGHTNING, '/lightning/r/Contact/003000000000101AAA/view?layout=dynamic&shadow=native'], expected: 1 },
        { name: 'doNotCallRecord', fixture: PAGES.recordHome('003000000000102AAA'), expected: 0 },
      ];

      // Counted on the pages as Salesforce renders them: the extension switched off.
      before(() => switchOn(false));

      // Counting changes nothing on a page: each fixture is opened once for all its counts.
      const opened = new Map();
      const openOnce = (fixture) => {
        const key = fixture.join('');
        if (!opened.has(key)) opened.set(key, open(fixture));
        return opened.get(key);
      };
      // Closed before switching on, which every open page would follow.
      after(async () => {
        for (const pending of opened.values()) await (await pending).page.close();
        await switchOn(true);
      });

      // The shipped file (with the DOM walks it uses), run in the page (in the world of the
      // page, which has no shadow DOM patches on these fixtures: native shadow or none).
      // Counted through open roots.
      const source = ['composed-dom.js', 'selectors.js']
        .map((file) => readFileSync(join(DIST[browserName], 'content', file), 'utf8'))
        .join('\n');
      const count = new Function(
        'name',
        `${source}
        const elements = [];
        const visit = (root) => {
          for (const element of root.querySelectorAll('*')) {
            elements.push(element);
            if (element.shadowRoot) visit(element.shadowRoot);
          }
        };
        visit(document);
        const tests = { isPhoneLink, recordFieldName, isConsoleTab, isTextPhoneField, isListRow,
          textPhoneNode: (element) => isTextPhoneField(element) && textPhoneNode(element),
          doNotCallRows: (element) => isListRow(element) && listRowChecked(element, 'DoNotCall'),
          doNotCallRecord: (element) => recordFieldName(element)?.field === 'DoNotCall' && recordFieldChecked(element) };
        const selectors = { RECORD_FIELD_VALUE, CONSOLE_TAB, AURA_OUTPUT_PHONE, CLASSIC_DETAIL_VALUE,
          CLASSIC_DETAIL_LABEL, CLASSIC_INLINE_EDIT_VALUE, CLASSIC_LIST_CELL, CLASSIC_LIST_HEADER_ROW,
          CLASSIC_GRID_CELL, CLASSIC_GRID, CLASSIC_LIST, LIST_ROW, DO_NOT_CALL_COLUMN };
        if (tests[name]) return elements.filter((element) => tests[name](element)).length;
        if (selectors[name]) return elements.filter((element) => element.matches(selectors[name])).length;
        throw new Error('no selector ' + name);`,
      );

      for (const { name, fixture, expected } of TABLE) {
        it(`${name} on ${fixture.join('')}: ${expected}`, async () => {
          const { page, errors } = await openOnce(fixture);
          assert.equal(await page.evaluate(count, name), expected);
          assert.deepEqual(errors, []);
        });
      }
    });

    describe('Lightning list views and related lists (lightning-datatable)', () => {
      const CASES = [
        { datatable: 'default', shadow: 'synthetic', csp: 'lightning', key: 'Id' },
        { datatable: 'inline', shadow: 'native', csp: 'strict', key: 'Id' },
        { datatable: 'default', shadow: 'native', csp: 'lightning', key: 'Slot' },
        { datatable: 'inline', shadow: 'synthetic', csp: 'strict', key: 'Slot' },
      ];
      for (const { datatable, shadow, csp, key } of CASES) {
        it(`rewrites every row, added rows and sorted rows (${datatable} cells, ${shadow} shadow, ${csp} CSP, rows keyed by ${key})`, async () => {
          const query = `?shadow=${shadow}&csp=${csp}&datatable=${datatable}&key=${key}`;
          const { page, errors } = await open(PAGES.list(query));
          const links = await waitForLinks(page, hrefsAre(await listHrefs(page)));
          assert.equal(links.length, 20);
          if (datatable === 'inline') {
            const fastPath = await page.evaluate(() => {
              let count = 0;
              const visit = (r) => {
                for (const element of r.querySelectorAll('*')) {
                  if (element.matches('a[data-inline-type="formatted-phone"]')) count += 1;
                  if (element.shadowRoot) visit(element.shadowRoot);
                }
              };
              visit(document);
              return count;
            });
            assert.equal(fastPath, 20, 'the fast path renders its own links');
          }
          assert.ok(links.some((link) => link.href.startsWith('tel:55-')), 'invalid values left as they were');

          // Infinite scroll: rows added at the end.
          await page.evaluate(() => window.fixture.addRows(5));
          await waitForLinks(page, hrefsAre(await listHrefs(page)));

          // Sorting renders the same rows in another order: with rows keyed by record Id the
          // row elements move; keyed by position, the same links get other rows' values.
          const before = await phoneLinkHandles(page);
          const unsorted = await listHrefs(page);
          await page.evaluate(() => window.fixture.sortRows('Name', 'desc'));
          const sorted = await listHrefs(page);
          assert.notDeepEqual(sorted, unsorted);
          const afterSort = await waitForLinks(page, hrefsAre(sorted));
          // Every link dials the number it shows.
          afterSort.forEach((link, i) => assert.equal(link.href, sorted[i], `row ${i}: ${link.text}`));
          if (key === 'Slot') {
            const same = await page.evaluate((old) => {
              const now = [];
              const visit = (r) => {
                for (const element of r.querySelectorAll('*')) {
                  if (element.localName === 'a' && /^(tel|callto):/.test(element.getAttribute('href') ?? '')) now.push(element);
                  if (element.shadowRoot) visit(element.shadowRoot);
                }
              };
              visit(document);
              return old.length === now.length && old.every((element, i) => element === now[i]);
            }, before);
            assert.ok(same, 'the same link elements show the sorted rows');
          }
          // Sorted back: every link had this value before, and ends rewritten again.
          await page.evaluate(() => window.fixture.sortRows('Name', 'asc'));
          await waitForLinks(page, hrefsAre(await listHrefs(page)));
          assert.deepEqual(errors, []);
          await page.close();
        });
      }
    });

    describe('phone fields shown as text: wrapped in a link in place, nothing else touched', () => {
      it('Aura list grid (span.forceOutputPhone)', async () => {
        const { page, errors } = await open(PAGES.account('?shadow=native&csp=strict'));
        const neighbours = await snapshotElements(page, '.aura-grid td:not(:nth-child(2)), .aura-grid th');
        const grid = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('.aura-grid span.forceOutputPhone')].map((span) => ({
              text: span.textContent,
              children: [...span.childNodes].map((node) => node.nodeName),
              href: span.querySelector('a')?.getAttribute('href') ?? null,
              linkText: span.querySelector('a')?.textContent ?? null,
            })),
          );
        const expected = [
          ['(650) 555-0143', callto('(650) 555-0143')],
          ['+44 20 7946 0321', callto('+44 20 7946 0321')],
          ['555-12', null],
          ['', null],
          ['+49 89 12345678', callto('+49 89 12345678')],
        ];
        const matches = (want) => async () => {
          const cells = await grid();
          return cells.length === want.length && cells.every((cell, i) => cell.text === want[i][0] && cell.href === want[i][1]);
        };
        await waitUntil(matches(expected));
        for (const [i, cell] of (await grid()).entries()) {
          const [text, href] = expected[i];
          if (href) {
            assert.deepEqual(cell.children, ['A'], 'one link of ours around the text');
            assert.equal(cell.linkText, text, 'the link shows exactly the text the agent saw');
          } else {
            assert.deepEqual(cell.children, ['#text'], 'left as plain text');
          }
        }
        const ours = (await phoneLinks(page)).find((link) => link.text === '(650) 555-0143' && link.href.startsWith('callto:'));
        assert.match(ours.title, /^Call \+1 650-555-0143 with 8x8 from \+1 888-000-1111/);
        assert.equal(ours.ariaLabel, ours.title);

        // Order numbers, record IDs, dates and amounts next to them: untouched.
        assert.deepEqual(await snapshotElements(page, '.aura-grid td:not(:nth-child(2)), .aura-grid th'), neighbours);

        // Aura renders a new value into the same text node: followed.
        await page.evaluate(() => window.fixture.auraSetPhone(0, '(212) 555-0100'));
        expected[0] = ['(212) 555-0100', callto('(212) 555-0100')];
        await waitUntil(matches(expected));
        // A value that stops being a number loses our link.
        await page.evaluate(() => window.fixture.auraSetPhone(1, '0000'));
        expected[1] = ['0000', null];
        await waitUntil(matches(expected));

        // Inline edit in the grid: the input is left alone, the saved value is rewritten.
        await page.evaluate(() => window.fixture.auraStartEdit(4));
        const input = await page.evaluate(() => {
          const field = document.querySelectorAll('.aura-grid span.forceOutputPhone')[4];
          const element = field.querySelector('input');
          return { value: element.value, attributes: element.getAttributeNames(), children: [...field.childNodes].map((n) => n.nodeName) };
        });
        await sleep(300);
        assert.deepEqual(
          await page.evaluate(() => {
            const field = document.querySelectorAll('.aura-grid span.forceOutputPhone')[4];
            const element = field.querySelector('input');
            return { value: element.value, attributes: element.getAttributeNames(), children: [...field.childNodes].map((n) => n.nodeName) };
          }),
          { ...input, children: ['INPUT'] },
        );
        assert.equal(input.value, '+49 89 12345678');
        await page.evaluate(() => window.fixture.auraSaveEdit(4, '+1 415 555 0142'));
        expected[4] = ['+1 415 555 0142', callto('+1 415 555 0142')];
        await waitUntil(matches(expected));
        assert.deepEqual(errors, []);
        await page.close();
      });

      it('Salesforce Classic detail page and related list (td.dataCol, table.list)', async () => {
        const { page, errors } = await open(PAGES.classicDetail());
        const untouched =
          'td.dataCol:not([id="con10_ilecell"], [id="con12_ilecell"], [id="con11_ilecell"], [id="00N5g00000BizPh_ilecell"], :last-child), td.labelCol, table.list td.dataCell:not(:nth-child(4)), table.list th';
        const before = await snapshotElements(page, untouched);
        const wanted = [
          ['(415) 555-1212', callto('(415) 555-1212')], // con10: Phone
          ['+44 20 7946 0958', callto('+44 20 7946 0958')], // con12: Mobile
          ['(415) 555-0199', callto('(415) 555-0199')], // con11: Fax
          ['650.555.0143', callto('650.555.0143')], // custom field labelled Business Phone
          ['+49 89 12345678', callto('+49 89 12345678')], // labelled Phone, no field id
          ['(650) 555-0143', callto('(650) 555-0143')], // related list, Phone column
          ['+44 20 7946 0321', callto('+44 20 7946 0321')],
        ];
        const links = await waitForLinks(page, (found) => found.length === wanted.length && found.every((l) => l.href.startsWith('callto:')));
        assert.deepEqual(links.map((link) => [link.text, link.href]), wanted);

        const cells = await page.evaluate(() =>
          Object.fromEntries(
            ['con13_ileinner', 'con14_ileinner', '00N5g00000Asst_ileinner'].map((id) => {
              const element = document.getElementById(id);
              return [id, { nodes: [...element.childNodes].map((n) => n.nodeName), text: element.textContent }];
            }),
          ),
        );
        assert.deepEqual(cells.con13_ileinner, { nodes: ['#text'], text: '555-12' }, 'invalid: plain text');
        assert.deepEqual(cells.con14_ileinner, { nodes: ['#text'], text: '\u00a0' }, 'empty: untouched');
        assert.equal(cells['00N5g00000Asst_ileinner'].nodes.join(), 'A', 'Classic CTI link: untouched');
        // Contact ID, Order Number, Account Number, Birthdate, Amount, dates, labels: untouched.
        assert.deepEqual(await snapshotElements(page, untouched), before);

        // Classic inline edit: a dialog with an input; OK writes the new value into the cell.
        await page.evaluate(() => window.fixture.startEdit('con10'));
        await sleep(300);
        assert.deepEqual(
          await page.evaluate(() => {
            const input = document.getElementById('InlineEditDialog_input');
            return { value: input.value, attributes: input.getAttributeNames() };
          }),
          { value: '(415) 555-1212', attributes: ['id', 'type', 'maxlength'] },
          'the input is left alone',
        );
        await page.evaluate(() => window.fixture.saveEdit('(650) 555-0100'));
        await waitForLinks(page, (found) => found[0].text === '(650) 555-0100' && found[0].href === callto('(650) 555-0100'));
        // Classic rewrites the value in the same text node (the one inside our link).
        await page.evaluate(() => window.fixture.setText('con12', '+44 20 7946 0000'));
        await waitForLinks(page, (found) => found[1].text === '+44 20 7946 0000' && found[1].href === callto('+44 20 7946 0000'));
        assert.equal(await page.evaluate(() => document.querySelectorAll('#con12_ileinner a').length), 1, 'one link, not two');
        assert.deepEqual(errors, []);
        await page.close();
      });

      it('Salesforce Classic enhanced list view (x-grid3), rendered again on sort', async () => {
        const { page, errors } = await open(PAGES.classicList());
        const columns = ['CONTACT_PHONE1', 'CONTACT_PHONE3', '00N5g00000BizPh'];
        const expectedRows = async () => {
          const phones = await page.evaluate((ids) =>
            [...document.querySelectorAll('.x-grid3-row')].map((row) => ids.map((id) => row.querySelector(`.x-grid3-col-${id}`).textContent)),
          columns);
          return phones.flat().filter((raw) => raw && e164(raw)).map((raw) => [raw, callto(raw)]);
        };
        const untouched = '.x-grid3-col-ACCOUNT_NAME, .x-grid3-col-00N5g00000OrdNo, .x-grid3-col-CREATED_DATE, .x-grid3-col-FULL_NAME, .x-grid3-hd-inner';
        const before = await snapshotElements(page, untouched);
        let want = await expectedRows();
        assert.equal(want.length, 8);
        const links = await waitForLinks(page, (found) => found.length === want.length && found.every((l) => l.href.startsWith('callto:')));
        assert.deepEqual(links.map((link) => [link.text, link.href]), want);
        assert.deepEqual(await snapshotElements(page, untouched), before, 'names, accounts, order numbers, dates untouched');
        assert.equal(await page.evaluate(() => document.querySelector('.x-grid3-col-CONTACT_PHONE1 a[href^="callto:"]') !== null), true);

        await page.evaluate(() => window.fixture.sortGrid());
        want = await expectedRows();
        const sorted = await waitForLinks(page, (found) => found.length === want.length && found.every((l, i) => l.text === want[i][0] && l.href === want[i][1]));
        assert.equal(sorted[0].text, '(212) 555-0199', 'the last row first');
        assert.deepEqual(errors, []);
        await page.close();
      });
    });

    it('leaves Open CTI click-to-dial as it is (lightning-click-to-dial)', async () => {
      const { page, errors } = await open(PAGES.account('?shadow=native'));
      const snapshot = () => snapshotElements(page, 'lightning-click-to-dial');
      await waitForLinks(page, (found) => found.some((link) => link.href === callto('(415) 555-2671')));
      const first = await snapshot();
      assert.equal(first.length, 1);
      await sleep(500);
      assert.deepEqual(await snapshot(), first, 'unchanged');
      const anchor = JSON.stringify(first[0]);
      assert.match(anchor, /"href":"javascript:void\(0\)"/);
      assert.doesNotMatch(anchor, /callto:|"title":"Call/);
      // Its own click handler still places the call through Open CTI.
      const handle = await page.evaluateHandle(() => document.querySelector('x-account-page').shadowRoot.querySelector('records-record-layout-item[field-label="Support Line"]').shadowRoot.querySelector('lightning-click-to-dial').shadowRoot.querySelector('a'));
      await handle.click();
      assert.deepEqual(await page.evaluate(() => window.fixture.ctiCalls), ['4155551212']);
      assert.deepEqual(errors, []);
      await page.close();
    });

    for (const shadow of ['synthetic', 'native']) {
      it(`inline edit: the input is left alone, the saved value rewritten; inputs, textareas, rich text, scripts, styles never changed (${shadow} shadow)`, async () => {
        const { page, errors } = await open(PAGES.account(`?shadow=${shadow}`));
        /** The Phone field: the input it shows while edited, or its link. */
        const phone = () =>
          page.evaluate(() => {
            const deep = (root) => {
              const found = [];
              const visit = (r) => {
                for (const element of r.querySelectorAll('*')) {
                  found.push(element);
                  if (element.shadowRoot) visit(element.shadowRoot);
                }
              };
              visit(root);
              return found;
            };
            const item = deep(document).find((element) => element.matches('records-record-layout-item[field-label="Phone"]'));
            const inside = deep(item.shadowRoot ?? item);
            const input = inside.find((element) => element.localName === 'input');
            const link = inside.find((element) => element.localName === 'a');
            return {
              input: input ? { value: input.value, type: input.getAttribute('type'), attributes: input.getAttributeNames().sort() } : null,
              link: link ? { href: link.getAttribute('href'), text: link.textContent.trim() } : null,
            };
          });
        const agentText = 'lightning-input, lightning-textarea, .rich-text, .forceRichText, script, style, input, textarea';
        const composer = await snapshotElements(page, agentText);
        await waitUntil(async () => (await phone()).link?.href === callto('(415) 555-2671'));

        await page.evaluate(() => window.fixture.editField('Phone'));
        const editing = await phone();
        assert.equal(editing.link, null);
        assert.equal(editing.input.value, '(415) 555-2671');
        await sleep(300);
        assert.deepEqual(await phone(), editing, 'the input is left alone');

        await page.evaluate(() => window.fixture.saveField('Phone', '(650) 555-0100'));
        await waitUntil(async () => (await phone()).link?.href === callto('(650) 555-0100'));
        assert.equal((await phone()).link.text, '(650) 555-0100');

        // The agent's own text: the same as the page rendered it, input values included.
        const now = await snapshotElements(page, agentText);
        const withoutEdit = (list) => list.filter((entry) => !JSON.stringify(entry).includes('test-id__field-input'));
        assert.deepEqual(withoutEdit(now), withoutEdit(composer));
        const json = JSON.stringify(now);
        assert.doesNotMatch(json, /callto:/, 'no link of ours in inputs, textareas, rich text, scripts, styles');
        assert.match(json, /"value":"4155551212"/);
        assert.match(json, /Call back \(415\) 555-1212 about order 00012345/);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }

    it('Service Console: each record\'s FromCallerID__c applies to its own tab only, hidden tabs included', async () => {
      const { page, errors } = await open(PAGES.console('?shadow=native&csp=strict'));
      const SF = '+14155550100';
      const BERLIN = '+493012345678';
      const ACME = '+13035550100';
      // Document order: tab 1 (Riley Chen) with subtabs Acme (Account) and Sam Ortiz (no
      // FromCallerID__c on his layout); tab 2 (Max Mustermann); tab 3 (Dana Brooks, empty field).
      const initial = [
        callto('4155551212', SF),
        callto('(650) 555-0143', SF),
        callto('4155551212', ACME),
        callto('(415) 555-0199', ACME),
        callto('(212) 555-0199'),
        callto('4155551212'),
        callto('+49 30 901820', BERLIN),
        callto('(212) 555-0147', BERLIN),
        callto('(312) 555-0178'),
        callto('4155551212'),
      ];
      await waitForLinks(page, hrefsAre(initial));
      const hidden = await page.evaluate(() => {
        const sections = [...document.querySelector('x-console-page').shadowRoot.querySelectorAll('section.oneConsoleTab')];
        return sections.map((section) => section.checkVisibility());
      });
      assert.deepEqual(hidden, [true, true, false, false, false], 'tab 1 and its first subtab shown, the rest hidden');

      // Switching tabs and subtabs changes nothing.
      await page.evaluate(() => window.fixture.switchTab(2));
      await page.evaluate(() => window.fixture.switchSubtab(0, 1));
      await sleep(300);
      assert.deepEqual((await phoneLinks(page)).map((link) => link.href), initial);

      // A new workspace tab of a record already open, with a subtab: each with its own.
      await page.evaluate(() => window.fixture.openTab('berlin', ['sf']));
      const opened = [...initial, callto('+49 30 901820', BERLIN), callto('(212) 555-0147', BERLIN), callto('4155551212', SF), callto('(650) 555-0143', SF)];
      await waitForLinks(page, hrefsAre(opened));
      // Closing the first tab: the others keep theirs.
      await page.evaluate(() => window.fixture.closeTab(0));
      await waitForLinks(page, hrefsAre(opened.slice(6)));
      const titles = (await phoneLinks(page)).map((link) => link.title);
      assert.match(titles[0], /from \+49 30 12345678 — record field FromCallerID__c/);
      assert.match(titles[2], /from \+1 888-000-1111 — default caller ID/);
      assert.deepEqual(errors, []);
      await page.close();
    });

    for (const shadow of ['synthetic', 'native']) {
      it(`finds shadow roots at any depth, attached after load and rendered later (${shadow} shadow page)`, async () => {
        const { page, errors } = await open(PAGES.account(`?shadow=${shadow}`));
        await waitForLinks(page, (found) => found.some((link) => link.href === callto('(415) 555-2671')));
        await page.evaluate(() => window.fixture.defineLateCard());
        const late = [callto('+1 415 555 0111'), callto('(212) 555-0123'), callto('+44 20 7946 0111')];
        const links = await waitForLinks(page, (found) => late.every((href) => found.some((link) => link.href === href)));
        const depths = await page.evaluate(() => {
          const card = document.querySelector('x-late-card');
          const inner = card.shadowRoot.querySelector('x-late-inner');
          const deep = inner.shadowRoot.querySelector('x-late-deep');
          return [card.shadowRoot, inner.shadowRoot, deep.shadowRoot].map((r) => r.querySelector('a').getAttribute('href'));
        });
        assert.deepEqual(depths, late);
        assert.ok(links.filter((link) => late.includes(link.href)).every((link) => link.title?.startsWith('Call ')));
        assert.deepEqual(errors, []);
        await page.close();
      });
    }

    describe('the page is never disturbed', () => {
      /** Per element of `links` (a handle): whether it is on the page, its text and its box. */
      const geometry = (page, links) =>
        page.evaluate(
          (elements) =>
            elements.map((element) => {
              const { x, y, width, height } = element.getBoundingClientRect();
              return { connected: element.isConnected, text: element.textContent, box: [x, y, width, height] };
            }),
          links,
        );
      /** The text nodes of the Aura grid's phone cells, and their boxes (wrapped or not). */
      const textGeometry = (page) =>
        page.evaluate(() =>
          [...document.querySelectorAll('.aura-grid span.forceOutputPhone, td.dataCol, table.list td, .x-grid3-cell-inner')].map((cell) => {
            const { x, y, width, height } = cell.getBoundingClientRect();
            return { text: cell.textContent, box: [x, y, width, height] };
          }),
        );

      for (const fixture of [PAGES.list('?shadow=native'), PAGES.account('?shadow=synthetic'), PAGES.classicDetail()]) {
        it(`same elements, same text, same boxes on ${fixture.join('')}; the page's handlers, Enter and middle click still work`, async () => {
          const { page, errors } = await open(fixture);
          try {
            // Every link rewritten (the count no longer moves), to compare against after.
            const rewrittenCount = await settledCount(page);
            // As Salesforce rendered it: the extension switched off.
            await switchOn(false);
            await waitUntil(async () => (await countLinks(page)).callto === 0);
            const original = await phoneLinkHandles(page);
            const originalGeometry = await geometry(page, original);
            const originalText = await textGeometry(page);
            // The text nodes showing phone values as text, with the element holding each.
            const textNodes = await page.evaluateHandle(() =>
              [...document.querySelectorAll('.aura-grid span.forceOutputPhone, td.dataCol, table.list td.dataCell, .x-grid3-cell-inner')]
                .map((cell) => {
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  while (walker.nextNode()) if (walker.currentNode.data.trim()) return { node: walker.currentNode, data: walker.currentNode.data, parent: walker.currentNode.parentNode };
                  return null;
                })
                .filter(Boolean),
            );
            assert.ok(originalGeometry.length > 0 || fixture[0] === CLASSIC, 'Classic has no phone link of its own');
            await switchOn(true);
            await waitUntil(async () => (await countLinks(page)).callto === rewrittenCount);

            const rewritten = await phoneLinks(page);
            assert.ok(rewritten.some((link) => link.href.startsWith('callto:')));
            // Salesforce's links: the same elements, still on the page, same text and box.
            assert.deepEqual(await geometry(page, original), originalGeometry);
            assert.ok(originalGeometry.every((link) => link.connected));
            const rewrittenSalesforceLinks = await page.evaluate((elements) => elements.filter((a) => a.getAttribute('href').startsWith('callto:')).length, original);
            assert.ok(rewrittenSalesforceLinks > 0 || fixture[0] === CLASSIC);
            // Phone fields shown as text: the same text node, same text, where it was or
            // moved into a link of ours that stands where it was; same box.
            const texts = await page.evaluate(
              (entries) =>
                entries.map(({ node, data, parent }) => {
                  const holder = node.parentNode;
                  const ours = holder !== parent && holder.localName === 'a' && holder.parentNode === parent;
                  return { same: node.isConnected && node.data === data && (holder === parent || ours), wrapped: ours };
                }),
              textNodes,
            );
            assert.ok(texts.every((text) => text.same), 'every text node in place, unchanged');
            if (fixture[1] !== PAGES.list('?shadow=native')[1]) assert.ok(texts.some((text) => text.wrapped), 'some are wrapped');
            assert.deepEqual(await textGeometry(page), originalText);

            // The page's own listeners on the links still fire, and see the dialer link.
            const listened = await page.evaluate(() => window.fixture.listenClicks());
            assert.ok(listened > 0);
            const target = await page.evaluateHandle(() => {
              const found = [];
              const visit = (r) => {
                for (const element of r.querySelectorAll('*')) {
                  if (element.localName === 'a' && (element.getAttribute('href') ?? '').startsWith('callto:')) found.push(element);
                  if (element.shadowRoot) visit(element.shadowRoot);
                }
              };
              visit(document);
              return found[0];
            });
            await target.click();
            await target.focus();
            await page.keyboard.press('Enter');
            await target.click({ button: 'middle' });
            const clicks = await page.evaluate(() => window.fixture.clicks);
            const href = await target.evaluate((a) => a.getAttribute('href'));
            assert.deepEqual(
              clicks.map(({ type, button, href: h }) => [type, button, h]),
              [['click', 0, href], ['click', 0, href], ['auxclick', 1, href]],
              'click, Enter and middle click reach the page',
            );
            if (fixture[0] === CLASSIC) {
              // Classic's own delegated listener on the page sees clicks on our link too.
              assert.ok((await page.evaluate(() => window.fixture.pageClicks)).some((click) => click.href === href));
            }
            if (fixture[1].includes('Account')) {
              // And so does the Aura grid's, on a link of ours around a text value.
              const wrapped = await page.evaluateHandle(() => document.querySelector('.aura-grid span.forceOutputPhone a'));
              await wrapped.click();
              const auraClicks = await page.evaluate(() => window.fixture.auraClicks);
              assert.equal(auraClicks.at(-1).href, callto('(650) 555-0143'));
            }
            assert.deepEqual(errors, []);
          } finally {
            await switchOn(true);
            await page.close();
          }
        });
      }
    });

    it('rewrites a list of 5,000 phone links; batches the mutation storm', async (t) => {
      const { page, errors } = await open(PAGES.list('?shadow=native&datatable=inline'));
      await waitForLinks(page, hrefsAre(await listHrefs(page)));
      const total = 5000;
      const valid = Array.from({ length: total }, (_, i) => listRow(i + 1)).filter((row) => e164(row.Phone)).length;

      const measure = await page.evaluate(async (rows, expectedValid) => {
        // The longest main-thread task: Long Tasks API where there is one (Chromium), else
        // the longest gap between ticks of a message loop (Firefox).
        const tasks = [];
        let observer = null;
        let ticking = true;
        if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
          observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))));
          observer.observe({ type: 'longtask' });
        } else {
          const channel = new MessageChannel();
          let last = performance.now();
          channel.port1.onmessage = () => {
            const now = performance.now();
            if (now - last > 50) tasks.push({ start: last, duration: now - last });
            last = now;
            if (ticking) channel.port2.postMessage(0);
          };
          channel.port2.postMessage(0);
        }
        const count = () => {
          let n = 0;
          const visit = (r) => {
            for (const element of r.querySelectorAll('a')) if ((element.getAttribute('href') ?? '').startsWith('callto:')) n += 1;
            for (const element of r.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
          };
          visit(document);
          return n;
        };
        const started = performance.now();
        await window.fixture.addRows(rows);
        const rendered = performance.now();
        let done = 0;
        while (performance.now() - started < 60_000) {
          if (count() >= expectedValid) {
            done = performance.now();
            break;
          }
          // Not too often: counting thousands of links takes the main thread too.
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        ticking = false;
        observer?.disconnect();
        const longest = (list) => list.reduce((max, task) => Math.max(max, task.duration), 0);
        return {
          method: observer ? 'longtask' : 'message-loop gaps',
          render: rendered - started,
          total: done ? done - started : null,
          afterRender: done ? done - rendered : null,
          longest: longest(tasks),
          longestAfterRender: longest(tasks.filter((task) => task.start >= rendered)),
        };
      }, total - 20, valid);

      assert.ok(measure.total !== null, 'every valid link rewritten within 60 s');
      const counts = await countLinks(page);
      assert.deepEqual(counts, { callto: valid, tel: total - valid });
      const hrefs = (await phoneLinks(page)).map((link) => link.href);
      assert.deepEqual(hrefs, await listHrefs(page), 'each link dials its own row');
      t.diagnostic(
        `${total} links (${valid} valid): ${Math.round(measure.total)} ms from the hook to the last rewritten ` +
          `(the page rendered the rows in ${Math.round(measure.render)} ms, ours ${Math.round(measure.afterRender)} ms after); ` +
          `longest main-thread task ${Math.round(measure.longest)} ms overall, ` +
          `${Math.round(measure.longestAfterRender)} ms after the page's render (${measure.method})`,
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('makes no network request: only the pages\' own HTML, CSS and JS are fetched', async () => {
      const pages = [
        PAGES.list('?shadow=native&csp=strict'),
        PAGES.account('?shadow=synthetic'),
        PAGES.console('?shadow=native'),
        PAGES.classicDetail(),
        PAGES.classicList(),
        PAGES.visualforce(),
        PAGES.experienceCloud(),
        PAGES.setup(),
      ];
      // In Chromium the background's own requests are seen too, through its service worker.
      const workerRequests = [];
      let cdp = null;
      if (browserName === 'chromium') {
        await (await openPopup(session)).close(); // wakes the service worker if it was stopped
        const worker = await session.browser.waitForTarget(
          (target) => target.type() === 'service_worker' && target.url().startsWith(session.extensionOrigin),
        );
        cdp = await worker.createCDPSession();
        cdp.on('Network.requestWillBeSent', (event) => workerRequests.push(event.request.url));
        await cdp.send('Network.enable');
      }
      for (const fixture of pages) {
        const [host, path] = fixture;
        server.requests.length = 0;
        const page = await session.newPage();
        const pageRequests = [];
        page.on('request', (request) => pageRequests.push(request.url()));
        await page.goto(`${server.origin(host)}${path}`);
        await page.waitForFunction(() => window.fixture?.ready.then(() => true));
        await waitUntil(async () => (await countLinks(page)).callto > 0);
        // Work for the extension: new values, new rows, settings read again.
        if (path.includes('/list')) await page.evaluate(() => window.fixture.addRows(50));
        await sleep(500);
        const origin = server.origin(host);
        const own = [
          `${path}`,
          path.startsWith('/lightning/') && !path.includes('setup') ? '/fixtures/page.css' : path.startsWith('/003') ? '/fixtures/classic.css' : '/fixtures/simple.css',
          path.startsWith('/lightning/') && !path.includes('setup') ? `/fixtures/${path.includes('shadow=native') ? 'native' : 'synthetic'}/app.js` : '/fixtures/static.js',
        ];
        assert.deepEqual(server.requests.map((request) => request.url).sort(), own.slice().sort(), `server saw only the page's own requests: ${path}`);
        assert.ok(server.requests.every((request) => request.host === `${host}:${server.port}`));
        if (browserName === 'chromium') {
          assert.deepEqual(pageRequests.filter((url) => !url.startsWith('data:')).sort(), own.map((p) => `${origin}${p}`).sort(), `browser requests of ${path}`);
        }
        await page.close();
      }
      if (cdp) {
        assert.deepEqual(workerRequests.filter((url) => !url.startsWith(session.extensionOrigin)), [], 'the background fetched nothing');
        await cdp.detach();
      }
    });

    describe('Visualforce, Setup and Experience Cloud hosts under a strict CSP', () => {
      for (const name of ['visualforce', 'experienceCloud', 'setup']) {
        it(`${name}: ${PAGES[name]().join('')}`, async () => {
          const { page, errors } = await open(PAGES[name]());
          const links = await waitForLinks(page, hrefsAre([hrefOf('4155551212'), hrefOf('+44 20 7946 0958'), 'tel:555-12']));
          assert.deepEqual(links.map((link) => link.text), ['(415) 555-1212', '+44 20 7946 0958', '555-12']);
          assert.match(links[0].title, /^Call \+1 415-555-1212 with 8x8 from \+1 888-000-1111/);
          assert.equal(
            await page.evaluate(() => document.querySelector('.detailList tr:last-child td').textContent),
            '00012345',
          );
          assert.deepEqual(errors, []);
          await page.close();
        });
      }
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check()` resolves truthy; fails after `timeout` ms. */
async function waitUntil(check, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail('the page never reached the expected state');
}

/**
 * End to end: a record's own caller ID (its FromCallerID__c, README "Which caller ID a call
 * presents", step 2) is read from the record field wherever Salesforce draws it, value
 * without label, and presented for that record's numbers, including the highlights panel's
 * phone number, which lightning-click-to-dial shows as bare text when no softphone is
 * connected through Open CTI. The extension users install (dist/chrome, dist/firefox,
 * unmodified) in headless Chromium and Firefox ESR, on the record home page fixture
 * (tests/fixtures/modules/x/recordHomePage, markup in tests/fixtures/MARKUP.md) in synthetic
 * and native shadow.
 *
 * Each layout draws FromCallerID__c differently: in `.test-id__field-value` (standard), in
 * `.slds-form-element__control` through a slot (dynamic), beside its label with neither
 * (plain). Read with its label ("FromCallerID+13125550100") or without its slotted content
 * (""), the value is not a caller ID, and the default one would be presented instead.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { configure } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

const DEFAULT_CALLER_ID = '+18880001111';

/** The records of the fixture, their own caller ID and their numbers as shown: [text, E.164]. */
const RECORDS = {
  '003000000000101AAA': {
    callerId: '+13125550100',
    own: [
      ['(312) 555-0123', '+13125550123'], // highlights panel (click-to-dial) and Phone
      ['(312) 555-0123', '+13125550123'],
      ['+44 20 7946 0177', '+442079460177'],
    ],
    related: [
      ['(312) 555-0145', '+13125550145'],
      ['+44 20 7946 0412', '+442079460412'],
      ['(773) 555-0162', '+17735550162'],
      ['+49 89 12345679', '+498912345679'],
    ],
  },
  '003000000000102AAA': {
    callerId: '+16175550100',
    own: [
      ['(617) 555-0134', '+16175550134'],
      ['(617) 555-0134', '+16175550134'],
      ['+49 170 7654321', '+491707654321'],
    ],
    related: [['(617) 555-0190', '+16175550190']],
  },
};

/** [text, href] of every dialer link the record's page should show, sorted. */
function expectedLinks(recordId) {
  const { callerId, own, related } = RECORDS[recordId];
  return [
    ...own.map(([text, number]) => [text, `callto://${number}/${callerId}`]),
    // A related list shows other records: their numbers never take this record's caller ID.
    ...related.map(([text, number]) => [text, `callto://${number}/${DEFAULT_CALLER_ID}`]),
  ].sort();
}

const pairs = (links) => links.map((link) => [link.text, link.href]).sort();

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: DEFAULT_CALLER_ID });
    });
    after(() => session?.close());

    async function openRecord(recordId, query) {
      const page = await session.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(`${server.origin()}/lightning/r/Contact/${recordId}/view?${query}`);
      await page.waitForFunction(() => window.fixture?.ready.then(() => true));
      return { page, errors };
    }

    const cases = [
      ['standard', 'the page layout: .test-id__field-value'],
      ['dynamic', 'Dynamic Forms: .slds-form-element__control, value slotted'],
      ['plain', 'label beside value, neither wrapper'],
    ];
    for (const [layout, markup] of cases) {
      for (const shadow of ['synthetic', 'native']) {
        it(`presents the record's caller ID read from ${markup} (${shadow} shadow)`, async () => {
          const recordId = '003000000000101AAA';
          const { page, errors } = await openRecord(recordId, `shadow=${shadow}&layout=${layout}`);
          const want = expectedLinks(recordId);
          const links = await waitForLinks(page, (found) => JSON.stringify(pairs(found)) === JSON.stringify(want));
          assert.deepEqual(pairs(links), want);
          assert.ok(
            links.filter((link) => link.href.endsWith('/+13125550100')).every((link) => link.title.includes('+1 312-555-0100')),
            'the title names the record caller ID',
          );
          assert.deepEqual(errors, []);
          await page.close();
        });
      }
    }

    it("another record's page presents that record's caller ID (Dynamic Forms, native shadow)", async () => {
      const recordId = '003000000000102AAA';
      const { page, errors } = await openRecord(recordId, 'shadow=native&layout=dynamic&csp=strict');
      const want = expectedLinks(recordId);
      const links = await waitForLinks(page, (found) => JSON.stringify(pairs(found)) === JSON.stringify(want));
      assert.deepEqual(pairs(links), want);
      assert.deepEqual(errors, []);
      await page.close();
    });

    for (const shadow of ['synthetic', 'native']) {
      it(`makes the highlights panel's click-to-dial number dialable when Open CTI is off, its text unchanged (${shadow} shadow)`, async () => {
        const { page, errors } = await openRecord('003000000000101AAA', `shadow=${shadow}&layout=standard`);
        /** The number lightning-click-to-dial shows after its icon: its text, our link, the links inside. */
        const clickToDial = () =>
          page.evaluate(() => {
            const find = (root) => {
              for (const element of root.querySelectorAll('*')) {
                if (element.localName === 'lightning-click-to-dial') return element;
                const inside = element.shadowRoot && find(element.shadowRoot);
                if (inside) return inside;
              }
              return null;
            };
            const host = find(document);
            const root = host.shadowRoot ?? host;
            const icon = root.querySelector('span.slds-icon-utility-end_call');
            const number = icon.nextElementSibling;
            const link = number.querySelector('a');
            return { text: number.textContent, href: link?.getAttribute('href') ?? null, links: root.querySelectorAll('a').length };
          });
        await waitForLinks(page, (found) => found.some((link) => link.href === 'callto://+13125550123/+13125550100'));
        const after = await clickToDial();
        assert.equal(after.text, '(312) 555-0123', 'the same text');
        assert.equal(after.href, 'callto://+13125550123/+13125550100', "dialed with the record's caller ID");
        assert.equal(after.links, 1, 'one link: ours around the number, none around the icon');
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}

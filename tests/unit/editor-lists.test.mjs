/**
 * The settings editor's pool, rules, import and export and policy locks, in Node: entries
 * added only when the core accepts them, a bad file changing nothing, policy keys locked.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openEditor } from './editor-page.mjs';

let page;
before(async () => {
  page = await openEditor({ sync: { defaultCallerId: '+18880001111' }, managed: { localPresence: false } });
});

const rows = (listId) => [...page.$(listId).children].map((row) => row.querySelector('.entry-text, .entry-number').textContent);

describe('the pool', () => {
  it('adds a caller ID with its label', async () => {
    page.type('pool-number', '+13035550100');
    page.type('pool-label', 'Denver');
    await page.submit('pool-add');
    assert.deepEqual((await page.ext.storage.sync.get()).callerIds, [{ number: '+13035550100', label: 'Denver' }]);
    assert.equal(page.$('pool-message').textContent, 'Added +1 303-555-0100.');
    assert.equal(page.$('pool-number').value, '', 'the form is emptied for the next one');
    assert.equal(page.$('pool-list').querySelector('li').dataset.number, '+13035550100');
    assert.equal(page.$('pool-numbers').querySelector('option').value, '+13035550100', 'offered where caller IDs are typed');
  });

  it('refuses the same number twice, and a number not in E.164 form, saving nothing', async () => {
    const writes = page.ext.storage.sync.writes.length;
    page.type('pool-number', '+13035550100');
    await page.submit('pool-add');
    assert.equal(page.$('pool-message').textContent, '+1 303-555-0100 is already in the list.');
    page.type('pool-number', '303 555 0101');
    await page.submit('pool-add');
    assert.match(page.$('pool-message').textContent, /^A caller ID must be written in E\.164 form/);
    assert.equal(page.$('pool-number').getAttribute('aria-invalid'), 'true');
    assert.equal(page.ext.storage.sync.writes.length, writes);
    assert.equal(rows('pool-list').length, 1);
  });

  it("shows the browser's reason when it refuses the save, and keeps the form", async () => {
    page.ext.storage.sync.refuseNext = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    page.type('pool-number', '+13035550102');
    page.type('pool-label', 'Boulder');
    await page.submit('pool-add');
    assert.equal(
      page.$('pool-message').textContent,
      'Not saved: This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    );
    assert.equal(page.$('pool-message').className, 'message error');
    assert.equal(page.$('pool-number').value, '+13035550102', 'nothing typed is lost');
    assert.equal(rows('pool-list').length, 1);
    page.type('pool-number', '');
    page.type('pool-label', '');
  });

  it('removes an entry with its Remove button', async () => {
    page.$('pool-list').querySelector('button.remove').click();
    await page.settled();
    assert.deepEqual((await page.ext.storage.sync.get()).callerIds, []);
    assert.equal(page.$('pool-empty').hidden, false);
  });
});

describe('rules', () => {
  it('asks for a region before saving a rule', async () => {
    const writes = page.ext.storage.sync.writes.length;
    page.type('rule-callerid', '+442071234567');
    await page.submit('rule-add');
    assert.equal(page.$('rule-message').textContent, 'Choose where the callee is, or a number prefix.');
    assert.equal(page.ext.storage.sync.writes.length, writes);
  });

  it('saves a rule for a state, named for people', async () => {
    page.$('rule-region').value = 'US-CA';
    page.$('rule-region').dispatchEvent(new page.window.Event('change'));
    page.type('rule-callerid', '+14155550100');
    await page.submit('rule-add');
    assert.deepEqual((await page.ext.storage.sync.get()).rules, [{ region: 'US-CA', callerId: '+14155550100' }]);
    assert.deepEqual(rows('rule-list'), ['California (US-CA)→ uses +1 415-555-0100']);
    assert.equal(page.$('rule-message').textContent, 'Added the rule for California (US-CA).');
  });
});

describe('policy', () => {
  it("locks the keys the administrator sets, with a note, and keeps the others editable", () => {
    const wrapper = page.document.querySelector('[data-setting="localPresence"]');
    assert.equal(page.$('localPresence').disabled, true);
    assert.equal(page.$('localPresence').checked, false, "the policy's value");
    assert.equal(wrapper.querySelector('.locked-note').hidden, false);
    assert.match(page.$('localPresence').getAttribute('aria-describedby'), /localPresence-locked/);
    assert.equal(page.$('defaultCallerId').disabled, false);
  });
});

describe('import and export', () => {
  /** Chooses a file with `text` in it, as the file chooser does. */
  async function importText(text) {
    const input = page.$('import-file');
    Object.defineProperty(input, 'files', { value: [{ text: async () => text }], configurable: true });
    input.dispatchEvent(new page.window.Event('change'));
    await page.settled();
    await page.settled();
    return [page.$('transfer-text'), ...page.$('transfer-problems').children].map((node) => node.textContent);
  }

  it('refuses a file with problems, lists every one, and changes nothing', async () => {
    const before = await page.ext.storage.sync.get();
    const writes = page.ext.storage.sync.writes.length;
    const shown = await importText(JSON.stringify({ defaultCallerId: '888', rules: [{ region: 'nowhere', callerId: '+14155550100' }] }));
    assert.equal(shown[0], 'Nothing was imported. Problems in the file:');
    assert.equal(shown.length, 3);
    assert.match(shown[1], /^defaultCallerId: A caller ID must be written in E\.164 form/);
    assert.match(shown[2], /^rules\[0\]\.region: not a region/);
    assert.equal(page.ext.storage.sync.writes.length, writes);
    assert.deepEqual(await page.ext.storage.sync.get(), before);
  });

  it('refuses a file that is not JSON', async () => {
    const shown = await importText('{ not json');
    assert.equal(shown[0], 'Nothing was imported. Problems in the file:');
    assert.equal(shown.length, 2);
  });

  it('saves every key of a good file', async () => {
    const shown = await importText(JSON.stringify({ defaultCallerId: '+13125550100', dialedNumberFormat: 'national' }));
    assert.match(shown[0], /^Imported and saved 2 settings/);
    const stored = await page.ext.storage.sync.get();
    assert.equal(stored.defaultCallerId, '+13125550100');
    assert.equal(stored.dialedNumberFormat, 'national');
    assert.equal(page.$('dialedNumberFormat').value, 'national');
  });
});

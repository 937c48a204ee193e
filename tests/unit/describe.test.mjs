/**
 * shared/describe.js: the words of a link's tooltip and of "try a number", from a result of
 * the core, in the messages of _locales/en.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentWorld } from './content-world.mjs';
import { dialOne } from './fake-core.mjs';

let world;
before(() => {
  world = contentWorld('', { scripts: ['shared/ext.js', 'shared/describe.js'] });
});
after(() => world.close());

/** describeResult in the content world, its answer copied out. */
function describeIn(result, options = {}) {
  world.window.testInput = { result, options };
  return JSON.parse(
    world.run(`JSON.stringify(describeResult(testInput.result, {
      now: testInput.options.now && new Date(testInput.options.now),
      subdivisions: testInput.options.subdivisions,
    }))`),
  );
}

const result = (fields) => ({ ...dialOne({ raw: '4155551212' }), ...fields });

describe('describeResult', () => {
  it('names the number, the caller ID with its label, the reason and the local time', () => {
    const words = describeIn(
      result({
        callerId: '+13035550100',
        callerIdDisplay: '+1 303-555-0100',
        callerIdLabel: 'Denver',
        reason: 'area-code',
        reasonDetail: '303',
        timeZone: 'America/Denver',
      }),
      { now: '2026-06-01T18:04:00Z' },
    );
    assert.equal(words.numberText, '+1 415-555-1212');
    assert.equal(words.callerIdText, '+1 303-555-0100 (Denver)');
    assert.equal(words.reasonText, 'same area code 303');
    assert.equal(words.localTime, '12:04 PM');
    assert.equal(words.title, 'Call +1 415-555-1212 with 8x8 from +1 303-555-0100 (Denver) — same area code 303 · 12:04 PM local');
  });

  it('says an extension is dialed after the number, and when no caller ID applies', () => {
    const words = describeIn(result({ extension: '23', callerId: null, callerIdDisplay: null, reason: 'none', dialer: 'custom' }));
    assert.equal(words.numberText, '+1 415-555-1212, then extension 23');
    assert.equal(words.callerIdText, null);
    assert.equal(words.title, 'Call +1 415-555-1212, then extension 23 with your dialer — no caller ID set: 8x8 presents your own');
  });

  it('names a state by the name the core gives, a country by the browser’s name for it', () => {
    const subdivisions = [{ code: 'US-CO', name: 'Colorado' }];
    assert.equal(describeIn(result({ reason: 'region', reasonDetail: 'US-CO' }), { subdivisions }).reasonText, 'same state or province: Colorado');
    assert.equal(describeIn(result({ reason: 'country', reasonDetail: 'GB' })).reasonText, 'same country: United Kingdom');
  });

  it('gives the message of a value left alone, and nothing else', () => {
    const words = describeIn({ ok: false, code: 'invalid', message: '555-12 is not a phone number.' });
    assert.deepEqual(words, { numberText: null, callerIdText: null, reasonText: '555-12 is not a phone number.', localTime: null, title: null });
  });

  it('fills substitutions once: a label that looks like a marker stays as written', () => {
    const words = describeIn(result({ callerId: '+13035550100', callerIdDisplay: '+1 303-555-0100', callerIdLabel: '\ue008 $1' }));
    assert.equal(words.callerIdText, '+1 303-555-0100 (\ue008 $1)');
  });
});

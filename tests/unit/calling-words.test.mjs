/**
 * shared/calling-hours.js and the calling-hours words of shared/describe.js: local times read
 * with Intl (Node's, the same ICU data as the browsers'), the core's local times turned back
 * into instants across a daylight-saving change, verdicts set on results, and what the link
 * title and the dialog say, in the messages of _locales/en.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentWorld } from './content-world.mjs';
import { DEFAULTS, dialOne, fakeWasmBindgen } from './fake-core.mjs';

let world;
before(() => {
  world = contentWorld('', { scripts: ['shared/ext.js', 'shared/calling-hours.js', 'shared/describe.js'] });
});
after(() => world.close());

/** Calls `name(...args)` in the content world; the answer copied out. */
function call(name, ...args) {
  world.window.testArgs = args;
  return JSON.parse(world.run(`JSON.stringify(${name}(...testArgs))`));
}

const at = (iso) => Date.parse(iso);
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('local times at the browser clock', () => {
  it('reads the local date and time of a zone, across the US change to daylight time', () => {
    assert.deepEqual(call('localTime', 'America/Chicago', at('2026-03-08T07:30:59Z')), {
      zone: 'America/Chicago',
      date: '2026-03-08',
      time: '01:30',
    });
    assert.deepEqual(call('localTime', 'America/Chicago', at('2026-03-08T13:12:00Z')).time, '08:12');
    assert.deepEqual(call('localTime', 'Asia/Kolkata', at('2026-03-08T23:00:00Z')), {
      zone: 'Asia/Kolkata',
      date: '2026-03-09',
      time: '04:30',
    });
    assert.equal(call('localTime', 'Mars/Olympus_Mons', at('2026-03-08T07:30:00Z')), null);
  });

  it('turns local times back into the earliest instant, a night an hour short included', () => {
    // 01:30 CST on the night of the change: 08:00 that morning is 5h30 later, not 6h30.
    const near = at('2026-03-08T07:30:40Z');
    const instant = call('instantOf', [{ zone: 'America/Chicago', date: '2026-03-08', time: '08:00' }], near);
    assert.equal(new Date(instant).toISOString(), '2026-03-08T13:00:00.000Z');
    const earliest = call(
      'instantOf',
      [
        { zone: 'America/Denver', date: '2026-03-10', time: '09:00' },
        { zone: 'America/Phoenix', date: '2026-03-10', time: '08:00' },
      ],
      at('2026-03-10T14:30:00Z'),
    );
    assert.equal(new Date(earliest).toISOString(), '2026-03-10T15:00:00.000Z');
    assert.equal(call('instantOf', [], near), null);
  });

  it('sets the verdict of each dialed result, with the instant it holds until', () => {
    const core = fakeWasmBindgen();
    world.window.testCore = core;
    world.window.testArgs = [
      [{ raw: '3125550100' }, { raw: 'not a number' }, { raw: '3125550101', doNotCall: true }],
      DEFAULTS,
      at('2026-03-10T12:12:00Z'), // 07:12 in Chicago
    ];
    const results = JSON.parse(
      world.run(`JSON.stringify(judgeResults(testCore, testArgs[0], testArgs[0].map((item) => testCore.dialBatch([item], testArgs[1])[0]), testArgs[1], testArgs[2]))`),
    );
    assert.equal(results[0].verdict.action, 'warn');
    assert.deepEqual(
      results[0].verdict.reasons.map((reason) => reason.kind),
      ['outsideHours'],
    );
    assert.equal(new Date(results[0].verdictUntil).toISOString(), '2026-03-10T13:00:00.000Z', '08:00 in Chicago');
    assert.equal(results[1].verdict, undefined, 'a value not dialed is not judged');
    assert.deepEqual(
      results[2].verdict.reasons.map((reason) => reason.kind),
      ['outsideHours', 'doNotCall'],
    );
  });
});

describe('the words of a verdict', () => {
  const outside = {
    kind: 'outsideHours',
    windows: [{ region: '*', days: EVERY_DAY, from: '08:00', to: '21:00' }],
    zones: [{ zone: 'America/Chicago', date: '2026-03-10', time: '07:12', weekday: 'tue', inside: false, holiday: null }],
    opening: { kind: 'at', zones: [{ zone: 'America/Chicago', date: '2026-03-10', time: '08:00' }] },
  };
  const click = at('2026-03-10T12:12:00Z');

  it('says the callee\'s local time, the calling hours and when they open', () => {
    const { lines } = call('describeVerdict', { action: 'block', reasons: [outside], until: [] }, { now: click, callingHours: 'block' });
    assert.deepEqual(lines, [
      '7:12 AM on Tuesday for this callee (Chicago time); calling hours 8:00 AM–9:00 PM.',
      'Calling hours open at 8:00 AM their time, in 48 minutes.',
    ]);
  });

  it('names days, holidays, several zones, Do Not Call, and why block only asks', () => {
    const navajo = {
      kind: 'outsideHours',
      windows: [
        { region: 'US', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00' },
        { region: 'US', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '13:00', to: '17:00' },
      ],
      zones: [
        { zone: 'America/Denver', date: '2026-12-25', time: '08:30', weekday: 'fri', inside: false, holiday: { region: 'US', date: '2026-12-25' } },
        { zone: 'America/Phoenix', date: '2026-12-25', time: '08:30', weekday: 'fri', inside: false, holiday: { region: 'US', date: '2026-12-25' } },
      ],
      opening: { kind: 'notWithin', days: 8 },
    };
    const { lines } = call(
      'describeVerdict',
      { action: 'warn', reasons: [navajo, { kind: 'doNotCall', field: 'DoNotCall' }], until: [] },
      { now: click, callingHours: 'warn' },
    );
    assert.deepEqual(lines, [
      '8:30 AM on Friday (Denver time) or 8:30 AM on Friday (Phoenix time) for this callee; calling hours 9:00 AM–12:00 PM on Mon, Tue, Wed, Thu, and Fri and 1:00 PM–5:00 PM on Mon, Tue, Wed, Thu, and Fri.',
      'Friday, December 25, 2026 is a holiday for this callee (Denver time): no calls that day.',
      'Friday, December 25, 2026 is a holiday for this callee (Phoenix time): no calls that day.',
      'Calling hours do not open in the next 8 days.',
      'Do Not Call is checked on this record.',
    ]);
    const unknown = call(
      'describeVerdict',
      { action: 'warn', reasons: [{ kind: 'localTimeUnknown', zones: [] }], until: [] },
      { now: click, callingHours: 'block' },
    );
    assert.deepEqual(unknown.lines, [
      'The callee’s local time is unknown: this number is tied to no time zone.',
      'Calling hours cannot be checked, so the call is not blocked: you decide.',
    ]);
  });

  it('puts what a click does before the link title, only when it does not dial at once', () => {
    const result = { ...dialOne({ raw: '3125550100' }, { ...DEFAULTS, defaultCallerId: '+18880001111' }) };
    const title = (verdict) => call('describeResult', { ...result, verdict }, {}).title;
    const plain = 'Call +1 312-555-0100 with 8x8 from +1 888-000-1111 — default caller ID';
    assert.equal(title({ action: 'call', reasons: [], until: [] }), plain);
    assert.equal(
      title({ action: 'warn', reasons: [outside, { kind: 'doNotCall', field: 'DoNotCall' }], until: [] }),
      `Outside calling hours and Do Not Call: a click asks first — ${plain}`,
    );
    assert.equal(title({ action: 'block', reasons: [outside], until: [] }), `Outside calling hours: calling is blocked now — ${plain}`);
  });
});

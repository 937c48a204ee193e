/**
 * A stand-in for the Rust core, for the fast tests: small, obvious rules with the core's
 * shapes (the real core is tested natively and end to end). A caller ID is `+` and 8 to 15
 * digits; a number to dial is 10 digits (US) or already `+` and digits; a US number's time
 * zone is Chicago's; calling hours are the first window's hours, every day.
 */
export const DEFAULTS = {
  enabled: true,
  defaultCountry: 'US',
  defaultCallerId: '',
  callerIds: [],
  rules: [],
  localPresence: true,
  recordCallerIdField: 'FromCallerID__c',
  linkTemplate: 'callto://{number}/{callerId}',
  dialedNumberFormat: 'e164',
  callingHours: 'warn',
  callingWindows: [{ region: '*', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '08:00', to: '21:00' }],
  callingHolidays: [],
  doNotCall: 'warn',
  doNotCallField: 'DoNotCall',
};

export const E164_MESSAGE = 'A caller ID must be written in E.164 form: + then the country code and number.';

const display = (e164) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1-$2-$3');

export function checkCallerId(value) {
  if (!/^\+[1-9]\d{7,14}$/.test(value)) throw new Error(E164_MESSAGE);
  return { value, display: display(value), warning: null };
}

export function suggestCallerId(value) {
  const digits = value.replace(/\D/g, '');
  return digits.length === 10 ? `+1${digits}` : null;
}

/** Every problem of a candidate: caller IDs not in E.164 form, a rule without a region. */
export function settingsProblems(candidate) {
  const problems = [];
  const callerId = (field, value) => {
    if (value !== '' && !/^\+[1-9]\d{7,14}$/.test(value)) problems.push({ field, message: `${field}: ${E164_MESSAGE}` });
  };
  callerId('defaultCallerId', candidate.defaultCallerId ?? '');
  (candidate.callerIds ?? []).forEach((entry, index) => callerId(`callerIds[${index}].number`, entry.number));
  (candidate.rules ?? []).forEach((rule, index) => {
    if (!/^(?:[A-Z]{2}(?:-[A-Z]{2})?|\+\d{1,6})$/.test(rule.region)) {
      problems.push({ field: `rules[${index}].region`, message: `rules[${index}].region: not a region` });
    }
    callerId(`rules[${index}].callerId`, rule.callerId);
  });
  const region = (field, value) => {
    if (value !== '*' && !/^(?:[A-Z]{2}(?:-[A-Z]{2})?|\+\d{1,6})$/.test(value)) problems.push({ field, message: `${field}: “${value}” is not a region` });
  };
  (candidate.callingWindows ?? []).forEach((window, index) => {
    const at = `callingWindows[${index}]`;
    region(`${at}.region`, window.region);
    if (window.days.length === 0) problems.push({ field: `${at}.days`, message: `${at}.days: no day is listed` });
    const times = ['from', 'to'].filter((end) => !/^\d\d:\d\d$/.test(window[end]));
    for (const end of times) problems.push({ field: `${at}.${end}`, message: `${at}.${end}: “${window[end]}” is not a time` });
    if (times.length === 0 && window.from >= window.to) {
      problems.push({ field: `${at}.to`, message: `${at}.to: “${window.to}” is not after from (“${window.from}”)` });
    }
  });
  (candidate.callingHolidays ?? []).forEach((holiday, index) => {
    const at = `callingHolidays[${index}]`;
    region(`${at}.region`, holiday.region);
    if (!/^\d{4}-\d\d-\d\d$/.test(holiday.date)) problems.push({ field: `${at}.date`, message: `${at}.date: “${holiday.date}” is not a date` });
  });
  if (typeof candidate.linkTemplate === 'string' && /^javascript:/i.test(candidate.linkTemplate)) {
    problems.push({ field: 'linkTemplate', message: 'linkTemplate: a web or script scheme is not allowed' });
  }
  return problems;
}

export function validateSettings(candidate) {
  const [problem] = settingsProblems(candidate);
  if (problem) throw new Error(problem.message);
  return { settings: { ...DEFAULTS, ...candidate }, warnings: [] };
}

/** The policy's keys win and are locked. */
export function readSettings(sync, managed) {
  return {
    settings: { ...DEFAULTS, ...sync, ...managed },
    problems: [],
    warnings: [],
    locked: Object.keys(managed),
  };
}

/** Saves every value in sync as a plain key: the core's layout is tested natively and end to end. */
export function storagePlan(values) {
  return { area: 'sync', bytes: 0, steps: [{ area: 'sync', set: values, remove: [] }] };
}

/** One result as `dialBatch` gives it, for `raw` under `settings`. */
export function dialOne({ raw, recordCallerId = null }, settings = DEFAULTS) {
  const digits = raw.replace(/[^\d+]/g, '');
  const number = /^\d{10}$/.test(digits) ? `+1${digits}` : /^\+\d{8,15}$/.test(digits) ? digits : null;
  if (!number) return { ok: false, code: 'invalid', message: `${raw} is not a phone number.` };
  const callerId = recordCallerId || settings.defaultCallerId || null;
  return {
    ok: true,
    href: (callerId ? settings.linkTemplate : settings.linkTemplate.replace('/{callerId}', ''))
      .replace('{number}', number)
      .replace('{callerId}', callerId ?? ''),
    number,
    numberDisplay: display(number),
    region: 'US',
    subdivision: null,
    areaCode: null,
    timeZone: null,
    timeZones: number.startsWith('+1') ? ['America/Chicago'] : [],
    extension: null,
    callerId,
    callerIdDisplay: callerId && display(callerId),
    callerIdLabel: null,
    reason: recordCallerId ? 'record' : callerId ? 'default' : 'none',
    reasonDetail: recordCallerId ? settings.recordCallerIdField : null,
    dialer: '8x8',
    warning: null,
  };
}

/**
 * The verdict of each click: outside the first window's hours in a zone, or Do Not Call, by
 * the modes; it holds until the window's next edge or midnight in the first zone.
 */
export function judgeCalls(calls, settings) {
  return calls.map(({ zones, doNotCall }) => {
    const verdict = { action: 'call', reasons: [], until: [] };
    const rank = { call: 0, warn: 1, block: 2 };
    const add = (mode, reason) => {
      if (rank[mode] > rank[verdict.action]) verdict.action = mode;
      verdict.reasons.push(reason);
    };
    const [window] = settings.callingWindows;
    if (settings.callingHours !== 'off') {
      if (zones.length === 0) {
        add(settings.callingHours === 'block' ? 'warn' : settings.callingHours, { kind: 'localTimeUnknown', zones: [] });
      } else if (window) {
        const readings = zones.map((zone) => ({ ...zone, weekday: 'tue', inside: window.from <= zone.time && zone.time < window.to, holiday: null }));
        const edge = [window.from, window.to, '24:00'].find((time) => time > zones[0].time);
        verdict.until = zones.map((zone) => ({ ...zone, time: edge === '24:00' ? '23:59' : edge }));
        if (readings.some((reading) => !reading.inside)) {
          const opening = { kind: 'at', zones: zones.map((zone) => ({ ...zone, time: window.from })) };
          add(settings.callingHours, { kind: 'outsideHours', windows: [window], zones: readings, opening });
        }
      }
    }
    if (doNotCall && settings.doNotCall !== 'off') add(settings.doNotCall, { kind: 'doNotCall', field: settings.doNotCallField });
    return verdict;
  });
}

/** The preset "US federal and state hours", two of its windows. */
export function callingHoursPreset() {
  const every = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return {
    published: '2025-11',
    sources: ['47 CFR 64.1200(c)(1)', 'flsenate.gov (Florida SB 1120, 2021)'],
    windows: [
      { region: 'US', days: every, from: '08:00', to: '21:00', source: '47 CFR 64.1200(c)(1)' },
      { region: 'US-FL', days: every, from: '08:00', to: '20:00', source: 'Fla. Stat. 501.616(6)(a)' },
    ],
  };
}

/** The core as the no-modules glue defines it: `wasm_bindgen(init)` with its functions on it. */
export function fakeWasmBindgen() {
  const core = async () => ({});
  return Object.assign(core, {
    checkCallerId,
    suggestCallerId,
    settingsProblems,
    validateSettings,
    readSettings,
    storagePlan,
    countries: () => ['DE', 'GB', 'US'],
    subdivisions: () => [
      { code: 'US-CA', name: 'California' },
      { code: 'US-FL', name: 'Florida' },
    ],
    linkPresets: () => [
      { id: '8x8', name: '8x8', template: 'callto://{number}/{callerId}' },
      { id: 'tel', name: 'phone', template: 'tel:{number}' },
    ],
    dialBatch: (items, settings) => items.map((item) => dialOne(item, settings)),
    judgeCalls,
    callingHoursPreset,
  });
}

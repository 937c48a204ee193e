/**
 * A stand-in for the Rust core, for the fast tests: small, obvious rules with the core's
 * shapes (the real core is tested natively and end to end). A caller ID is `+` and 8 to 15
 * digits; a number to dial is 10 digits (US) or already `+` and digits.
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

/** The core as the no-modules glue defines it: `wasm_bindgen(init)` with its functions on it. */
export function fakeWasmBindgen() {
  const core = async () => ({});
  return Object.assign(core, {
    checkCallerId,
    suggestCallerId,
    settingsProblems,
    validateSettings,
    readSettings,
    countries: () => ['DE', 'GB', 'US'],
    subdivisions: () => [{ code: 'US-CA', name: 'California' }],
    linkPresets: () => [
      { id: '8x8', name: '8x8', template: 'callto://{number}/{callerId}' },
      { id: 'tel', name: 'phone', template: 'tel:{number}' },
    ],
    dialBatch: (items, settings) => items.map((item) => dialOne(item, settings)),
  });
}

'use strict';
/**
 * Words for one result of the core's `dialBatch`: which caller ID is presented, why, the
 * callee's local time, and what calling hours and Do Not Call make of a click. The one place
 * this wording lives: the settings editor's "Try a number" box, the content script's link
 * tooltips and its dialog at the click all call `describeResult` and `describeVerdict`.
 *
 * A classic script with no DOM use, loadable in any extension context after shared/ext.js
 * (it reads messages through `ext.i18n`) and shared/calling-hours.js. Defines the globals
 * `describeResult` and `describeVerdict`.
 */

/* exported describeResult, describeVerdict */

/** One entry of the core's `dialBatch` answer. @typedef {ReturnType<typeof wasm_bindgen.dialBatch>[number]} DialResult */
/**
 * A result that dials, as the background answers it: with its calling-hours verdict and the
 * instant it holds until (null: as long as the settings and the record).
 * @typedef {Extract<DialResult, { ok: true }> & { verdict?: wasm_bindgen.Verdict, verdictUntil?: number | null }} JudgedDial
 */
/** @typedef {JudgedDial | Extract<DialResult, { ok: false }>} JudgedResult */
const { describeResult, describeVerdict } = (() => {
  /** A message, filled in: see `message` below. */
  const t = message;

  /**
   * describeResult(result, { now, subdivisions }) ->
   *   { numberText, callerIdText, reasonText, localTime, title }
   *
   * `result`: one entry of `dialBatch`'s answer. For `{ ok: true, … }`:
   * - numberText: the number for people, with its extension if any ("+1 415-555-1212, then
   *   extension 23");
   * - callerIdText: the caller ID presented, with its label ("+1 303-555-0100 (Denver)"), or
   *   null when none is (8x8 then presents the agent's own);
   * - reasonText: why that caller ID, from the reason code and its detail ("same area code 303");
   * - localTime: the callee's local time ("3:04 PM"), or null when the time zone is not known;
   * - title: the link tooltip and accessible name, e.g. "Call +1 303-555-0199 with 8x8 from
   *   +1 303-555-0100 (Denver) — same area code 303 · 3:04 PM local".
   * For `{ ok: false, message }`: reasonText is the message and the rest are null.
   *
   * Options: `now` (a Date, default the current time) for the local time; `subdivisions`, the
   * core's `subdivisions()` list (`[{code, name}]`), to name states and provinces ("California"
   * rather than "US-CA"); without it their codes are shown.
   *
   * @param {JudgedResult | { ok: false, message: string }} result
   * @param {{ now?: Date, subdivisions?: { code: string, name: string }[] | null }} [options]
   */
  function describeResult(result, { now = new Date(), subdivisions = null } = {}) {
    if (!result?.ok) {
      return { numberText: null, callerIdText: null, reasonText: result?.message ?? '', localTime: null, title: null };
    }

    const countryName = (code) => {
      try {
        return regionNames().of(code) ?? code;
      } catch {
        return code;
      }
    };
    const regionName = (code) => {
      if (/^[A-Z]{2}$/.test(code ?? '')) return countryName(code);
      const known = subdivisions?.find((entry) => entry.code === code);
      return known ? known.name : code;
    };

    const detail = result.reasonDetail ?? '';
    const reasons = {
      choice: () => t('reason_choice'),
      record: () => t('reason_record', [detail]),
      'rule-prefix': () => t('reason_rule_prefix', [detail]),
      // A rule is named as the agent wrote it: rule +1212, rule US-CA, rule GB.
      'rule-region': () => t('reason_rule_region', [detail]),
      'rule-country': () => t('reason_rule_country', [detail]),
      'area-code': () => t('reason_area_code', [detail]),
      region: () => t('reason_region', [regionName(detail)]),
      country: () => t('reason_country', [countryName(detail)]),
      default: () => t('reason_default'),
      none: () => t('reason_none'),
    };
    const reasonText = Object.hasOwn(reasons, result.reason) ? reasons[result.reason]() : String(result.reason ?? '');

    const numberText = result.extension
      ? t('numberWithExtension', [result.numberDisplay, result.extension])
      : result.numberDisplay;

    let callerIdText = null;
    if (result.callerId) {
      const display = result.callerIdDisplay ?? result.callerId;
      callerIdText = result.callerIdLabel ? t('callerIdWithLabel', [display, result.callerIdLabel]) : display;
    }

    let localTime = null;
    if (result.timeZone) {
      try {
        localTime = timeFormat(result.timeZone).format(now);
      } catch {
        // A time zone this browser does not know: no time rather than a wrong one.
      }
    }

    const dialerNames = { phone: 'dialerPhone', custom: 'dialerCustom' };
    const dialer = dialerNames[result.dialer]
      ? t(dialerNames[result.dialer])
      : result.dialer || t('dialerCustom');
    let title = callerIdText
      ? t('linkTitle', [numberText, dialer, callerIdText, reasonText])
      : t('linkTitleNoCallerId', [numberText, dialer, reasonText]);
    if (localTime) title = t('linkTitleLocalTime', [title, localTime]);
    const verdict = 'verdict' in result ? result.verdict : undefined;
    if (verdict && verdict.action !== 'call') {
      const why = listFormat('conjunction').format(verdict.reasons.map((reason) => t(TITLE_REASONS[reason.kind])));
      title = t(verdict.action === 'block' ? 'linkTitleBlock' : 'linkTitleWarn', [why, title]);
    }

    return { numberText, callerIdText, reasonText, localTime, title };
  }

  /** A verdict's reasons, named in a link's title before any click. */
  const TITLE_REASONS = {
    outsideHours: 'titleOutsideHours',
    localTimeUnknown: 'titleLocalTimeUnknown',
    doNotCall: 'titleDoNotCall',
  };

  /**
   * describeVerdict(verdict, { now, callingHours }) -> { lines }: why a click does not dial
   * at once, one sentence per line, for the dialog at the click. `now` (ms) is the click;
   * `callingHours` the setting, to say when `block` asks instead because it cannot know.
   * @param {wasm_bindgen.Verdict} verdict
   * @param {{ now: number, callingHours: wasm_bindgen.CallingMode }} options
   */
  function describeVerdict(verdict, { now, callingHours }) {
    const lines = [];
    for (const reason of verdict.reasons) {
      if (reason.kind === 'doNotCall') {
        lines.push(t('doNotCallChecked'));
      } else if (reason.kind === 'localTimeUnknown') {
        lines.push(reason.zones.length > 0 ? t('localTimeUnreadable', [reason.zones.join(', ')]) : t('localTimeUnknown'));
      } else {
        lines.push(...outsideLines(reason, now));
      }
    }
    const unsure = verdict.reasons.some(
      (reason) => reason.kind === 'localTimeUnknown' || (reason.kind === 'outsideHours' && reason.opening.kind === 'zonesNeverAgree'),
    );
    if (unsure && callingHours === 'block' && verdict.action === 'warn') lines.push(t('blockCannotKnow'));
    return { lines };
  }

  /**
   * The sentences of an outside-hours reason: the callee's local time and the hours, the
   * holidays, and when calling hours open.
   * @param {Extract<wasm_bindgen.Reason, { kind: 'outsideHours' }>} reason
   * @param {number} now
   */
  function outsideLines({ windows, zones, opening }, now) {
    const lines = [];
    const at = (local, day) => t('zoneTime', [wallTime(local.time), weekdayName(day ?? local.date)]);
    const local =
      zones.length === 1
        ? t('localTimeOneZone', [at(zones[0]), city(zones[0].zone)])
        : t('localTimeZones', [listFormat('disjunction').format(zones.map((zone) => t('zoneTimeIn', [at(zone), city(zone.zone)])))]);
    lines.push(windows.length > 0 ? t('outsideHours', [local, hoursText(windows)]) : local);
    for (const zone of zones) {
      if (zone.holiday) lines.push(t('holidayForCallee', [dateName(zone.date), city(zone.zone)]));
    }
    if (opening.kind === 'at') {
      const when = opening.zones.map((zone, index) => {
        const sameDay = zone.date === zones[index]?.date;
        const time = sameDay ? wallTime(zone.time) : t('zoneTime', [wallTime(zone.time), weekdayName(zone.date)]);
        return opening.zones.length === 1 ? time : t('zoneTimeIn', [time, city(zone.zone)]);
      });
      const opens = instantOf(opening.zones, now) ?? now;
      lines.push(t('opensAt', [listFormat('disjunction').format(when), inTime(opens - now)]));
    } else if (opening.kind === 'notWithin') {
      lines.push(t('opensNotWithin', [String(opening.days)]));
    } else {
      lines.push(t('zonesNeverAgree'));
    }
    return lines;
  }

  /**
   * Calling hours for people: "8:00 AM–9:00 PM", with the days when not every day.
   * @param {wasm_bindgen.CallingWindow[]} windows
   */
  function hoursText(windows) {
    const ranges = windows.map(({ days, from, to }) => {
      const range = t('timeRange', [wallTime(from), wallTime(to)]);
      if (days.length === 7) return range;
      return t('rangeOnDays', [range, listFormat('conjunction').format(days.map(shortDayName))]);
    });
    return listFormat('conjunction').format(ranges);
  }

  /** "in 48 minutes", "in 11 hours", "in 3 days". */
  function inTime(ms) {
    const minutes = Math.max(1, Math.round(ms / 60_000));
    const relative = cached('relative', () => new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }));
    if (minutes < 120) return relative.format(minutes, 'minute');
    if (minutes < 48 * 60) return relative.format(Math.round(minutes / 60), 'hour');
    return relative.format(Math.round(minutes / 1440), 'day');
  }

  /** The city of an IANA zone, for "(Chicago time)". */
  const city = (zone) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

  /** A wall-clock "HH:MM" in the reader's format ("7:12 AM"); "24:00" is the midnight ending a day. */
  function wallTime(time) {
    const format = cached('time', () => new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' }));
    return format.format(Date.UTC(2000, 0, 1, Number(time.slice(0, 2)), Number(time.slice(3, 5))));
  }

  const utcDate = (date) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const weekdayName = (date) =>
    cached('weekday', () => new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' })).format(utcDate(date));
  const dateName = (date) =>
    cached('date', () => new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' })).format(utcDate(date));
  /** "Mon" for "mon": 2024-01-01 was a Monday. */
  const shortDayName = (day) =>
    cached('day', () => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' })).format(
      Date.UTC(2024, 0, 1 + ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(day)),
    );
  /** @param {Intl.ListFormatType} type */
  const listFormat = (type) => cached(`list-${type}`, () => new Intl.ListFormat(undefined, { type }));

  /** Intl formatters, built once each. */
  const formatters = new Map();
  function cached(key, make) {
    if (!formatters.has(key)) formatters.set(key, make());
    return formatters.get(key);
  }

  // Building an Intl formatter costs far more than using one, and a page may describe
  // thousands of links: one formatter per time zone, one list of country names.
  const timeFormats = new Map();
  function timeFormat(timeZone) {
    if (!timeFormats.has(timeZone)) {
      timeFormats.set(timeZone, new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }));
    }
    return timeFormats.get(timeZone);
  }

  // Reading a message costs a call into the browser: each is read once, with markers where
  // its substitutions go ($1…$9, private-use characters), and filled in here.
  const MARKERS = Array.from({ length: 9 }, (_, index) => String.fromCharCode(0xe000 + index));
  const MARKER = /[\ue000-\ue008]/g;
  const messageTemplates = new Map();
  function message(key, substitutions = []) {
    if (!messageTemplates.has(key)) messageTemplates.set(key, ext.i18n.getMessage(key, MARKERS));
    // One pass over the template: text substituted is never read as a marker.
    return messageTemplates.get(key).replace(MARKER, (marker) => substitutions[marker.charCodeAt(0) - 0xe000] ?? '');
  }

  let cachedRegionNames = null;
  function regionNames() {
    // Asking for the UI language costs a call into the browser: once is enough.
    cachedRegionNames ??= new Intl.DisplayNames([ext.i18n.getUILanguage(), 'en'], { type: 'region' });
    return cachedRegionNames;
  }

  return { describeResult, describeVerdict };
})();

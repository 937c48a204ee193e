'use strict';
/**
 * Words for one result of the core's `dialBatch`: which caller ID is presented, why, and
 * the callee's local time. The one place this wording lives: the settings editor's "Try a
 * number" box and the content script's link tooltips both call `describeResult`.
 *
 * A classic script with no DOM use, loadable in any extension context after shared/ext.js
 * (it reads messages through `ext.i18n`). Defines the global `describeResult`.
 */

/* exported describeResult */

/** One entry of the core's `dialBatch` answer. @typedef {ReturnType<typeof wasm_bindgen.dialBatch>[number]} DialResult */
const describeResult = (() => {
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
   * @param {DialResult | { ok: false, message: string }} result
   * @param {{ now?: Date, subdivisions?: { code: string, name: string }[] | null }} [options]
   */
  function describeResult(result, { now = new Date(), subdivisions = null } = {}) {
    const t = message;
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

    return { numberText, callerIdText, reasonText, localTime, title };
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

  return describeResult;
})();

'use strict';
/**
 * Calling hours at the browser's clock. The core judges a click from the callee's local time
 * in each of the number's time zones, and has no time-zone database: the browser's (`Intl`,
 * kept current by its updates) reads those local times here, and turns the local times the
 * core answers with (until when a verdict holds, when calling hours open) back into instants.
 *
 * A classic script with no DOM use, loadable in any extension context. Defines the globals
 * `localTime`, `instantOf` and `judgeResults`.
 */

/* exported localTime, instantOf, judgeResults */
/** @typedef {wasm_bindgen.ZoneTime} ZoneTime */
/** @typedef {wasm_bindgen.Verdict} Verdict */
const { localTime, instantOf, judgeResults } = (() => {
  const MINUTE = 60_000;

  /** One formatter per zone: building one costs far more than using it. */
  const formats = new Map();
  /** zone -> the last local time read, by minute: a batch reads each zone once. */
  const readings = new Map();

  /**
   * The local date and time in `zone` at the instant `at` (ms), to the minute; null for a
   * zone this browser does not know.
   * @param {string} zone
   * @param {number} at
   * @returns {ZoneTime | null}
   */
  function localTime(zone, at) {
    const minute = Math.floor(at / MINUTE);
    const last = readings.get(zone);
    if (last?.minute === minute) return last.local;
    let parts;
    try {
      if (!formats.has(zone)) {
        formats.set(
          zone,
          new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          }),
        );
      }
      parts = formats.get(zone).formatToParts(at);
    } catch {
      return null; // a zone this browser does not know: its local time stays unknown
    }
    const part = (type) => parts.find((item) => item.type === type)?.value ?? '';
    const local = { zone, date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
    readings.set(zone, { minute, local });
    return local;
  }

  /** A local reading as if it were UTC, in ms: differences between two are wall-clock time. */
  const wallClock = ({ date, time }) =>
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));

  /**
   * The earliest instant (ms) at which one of `locals` shows on its zone's clock, looking
   * from `near` (ms); null for an empty list. Offsets may change in between (daylight
   * saving): each guess is corrected by what the zone's clock shows then.
   * @param {ZoneTime[]} locals
   * @param {number} near
   */
  function instantOf(locals, near) {
    const start = Math.floor(near / MINUTE) * MINUTE;
    let earliest = null;
    for (const local of locals) {
      const now = localTime(local.zone, start);
      if (!now) continue;
      let at = start + wallClock(local) - wallClock(now);
      const shown = localTime(local.zone, at);
      if (shown) at += wallClock(local) - wallClock(shown);
      earliest = earliest === null ? at : Math.min(earliest, at);
    }
    return earliest;
  }

  /**
   * Judges each dialed result by calling hours and Do Not Call at `now` (ms), in one call
   * to the core: sets `verdict` on each result that dials, and `verdictUntil`, the instant
   * it holds until (null: as long as the settings and the record).
   * @param {typeof wasm_bindgen} core
   * @param {{ doNotCall?: boolean }[]} items the requests, one per result
   * @param {ReturnType<typeof wasm_bindgen.dialBatch>} results
   * @param {wasm_bindgen.Settings} settings
   * @param {number} now
   */
  function judgeResults(core, items, results, settings, now) {
    const dialed = [];
    const calls = [];
    results.forEach((result, index) => {
      if (!result.ok) return;
      dialed.push(result);
      calls.push({
        number: result.number,
        zones: result.timeZones.map((zone) => localTime(zone, now)).filter((local) => local !== null),
        doNotCall: items[index]?.doNotCall === true,
      });
    });
    if (calls.length === 0) return results;
    core.judgeCalls(calls, settings).forEach((verdict, index) => {
      Object.assign(dialed[index], { verdict, verdictUntil: instantOf(verdict.until, now) });
    });
    return results;
  }

  return { localTime, instantOf, judgeResults };
})();

//! When calling hours next open for a callee in every one of their possible time zones.

use super::facts::ZoneTime;
use super::schedule::Schedule;
use super::time_of_day::MINUTES_PER_DAY;
use super::verdict::Opening;

/// Days after the click searched for an opening: a week and a day, so that a weekday-only
/// window still opens after a long weekend.
pub const LOOKAHEAD_DAYS: u32 = 8;

/// The next opening after the click for a callee who may be in any of `zones` (their local
/// times at the click, at least one).
///
/// The zones' UTC offsets are taken as they are at the click, so the minutes between the
/// click and the opening are the same in every zone. That is exact for one zone (a window
/// opens at its local time whatever the offset); for several zones whose offsets change
/// apart in between (Denver and Phoenix in March), the local times of the opening may be an
/// hour off in some of them. Converting each local opening back to an instant, and waiting
/// for the latest, is the browser's.
pub(super) fn next_opening(schedule: &Schedule, zones: &[ZoneTime]) -> Opening {
    if let Some(minutes) = first_common_opening(schedule, zones) {
        return Opening::At {
            zones: zones.iter().map(|zone| zone.after(minutes)).collect(),
        };
    }
    // Without holidays every zone alone opens within the search (a window opens on at least
    // one day a week): if they still never open at once, their spread is wider than the
    // windows, whatever the calendar.
    if zones.len() > 1 && first_common_opening(&schedule.without_holidays(), zones).is_none() {
        return Opening::ZonesNeverAgree;
    }
    Opening::NotWithin {
        days: LOOKAHEAD_DAYS,
    }
}

/// Minutes after the click when every zone is first open at once, within the search.
fn first_common_opening(schedule: &Schedule, zones: &[ZoneTime]) -> Option<u32> {
    let per_day = u32::from(MINUTES_PER_DAY);
    let horizon = LOOKAHEAD_DAYS * per_day;
    let open_everywhere = |minutes: u32| {
        zones.iter().all(|zone| {
            let (date, time) = zone.later(minutes);
            schedule.is_open(date, time)
        })
    };
    // Every zone is open at once first when the last of them opens: at a window's start in
    // one of the zones. The earliest such start wins (no sorting: it costs more wasm than
    // the few hundred starts of 42 zones cost time).
    let mut first: Option<u32> = None;
    for zone in zones {
        let now = u32::from(zone.time.minutes());
        let mut date = zone.date;
        for day in 0..=LOOKAHEAD_DAYS {
            for opens in schedule.openings(date) {
                let Some(minutes) = (day * per_day + u32::from(opens.minutes())).checked_sub(now)
                else {
                    continue;
                };
                let earlier = first.is_none_or(|first| minutes < first);
                if (1..=horizon).contains(&minutes) && earlier && open_everywhere(minutes) {
                    first = Some(minutes);
                }
            }
            date = date.next();
        }
    }
    first
}

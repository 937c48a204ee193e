//! The decision at the click.

use super::calling_settings::CallingSettings;
use super::facts::{CallFacts, ZoneTime};
use super::opening::next_opening;
use super::schedule::Schedule;
use super::time_of_day::TimeOfDay;
use super::verdict::{Action, Opening, Outside, Reason, Verdict, ZoneReading};
use crate::place::{time_zones, Place};

/// Whether a click on `call.number` dials at once, warns or is blocked, and why.
///
/// Calling hours: the callee is inside only when inside in every one of the number's
/// possible time zones ([`time_zones`]): not on a holiday that applies, and inside a window
/// of the most specific region that has windows (any time is, when none matches). Outside,
/// the verdict tells each zone's local time and the next opening. When no zone is known for
/// the number, the browser gave no local time for one of them, or the zones never agree,
/// `block` warns instead: it cannot know. A number tied to no place (toll-free) has no zone.
/// Do Not Call: the record's checkbox, by its own mode. The verdict's action is the most
/// restrictive of the reasons', and it holds until the next window edge or midnight in one
/// of the zones, which the browser turns into an instant so that a verdict given when a
/// link is drawn can serve its click.
#[must_use]
pub fn judge(call: &CallFacts, settings: &CallingSettings) -> Verdict {
    let mut verdict = Verdict::call();
    if let Some(action) = settings.calling_hours.action() {
        hours(call, settings, action, &mut verdict);
    }
    if let Some(action) = settings.do_not_call.action() {
        if call.do_not_call {
            let field = settings.do_not_call_field.clone();
            verdict.add(action, Reason::DoNotCall { field });
        }
    }
    verdict
}

/// Adds the calling-hours reason, if any, with the action it calls for given the mode's
/// `action`, and until when it holds.
fn hours(call: &CallFacts, settings: &CallingSettings, action: Action, verdict: &mut Verdict) {
    // Not E.164: no zone, so the local time is unknown.
    let digits = call.number.strip_prefix('+').unwrap_or_default();
    let zones = time_zones(digits);
    let mut local: Vec<&ZoneTime> = Vec::new();
    let mut unknown = Vec::new();
    for zone in &zones {
        match call.zones.iter().find(|given| given.zone == *zone) {
            Some(time) => local.push(time),
            None => unknown.push((*zone).to_owned()),
        }
    }
    if zones.is_empty() || !unknown.is_empty() {
        let reason = Reason::LocalTimeUnknown { zones: unknown };
        verdict.add(action.min(Action::Warn), reason);
        return;
    }
    let local: Vec<ZoneTime> = local.into_iter().cloned().collect();
    let schedule = Schedule::of(settings, digits, &Place::of(digits));
    verdict.until = next_change(&schedule, &local);
    let readings: Vec<ZoneReading> = local
        .iter()
        .map(|time| ZoneReading {
            local: time.clone(),
            weekday: time.date.weekday(),
            inside: schedule.is_open(time.date, time.time),
            holiday: schedule.holiday(time.date).cloned(),
        })
        .collect();
    if readings.iter().all(|reading| reading.inside) {
        return;
    }
    let opening = next_opening(&schedule, &local);
    let action = match opening {
        Opening::ZonesNeverAgree => action.min(Action::Warn),
        Opening::At { .. } | Opening::NotWithin { .. } => action,
    };
    let outside = Outside {
        windows: schedule.windows().cloned().collect(),
        zones: readings,
        opening,
    };
    verdict.add(action, Reason::OutsideHours(outside));
}

/// The first moment after the click when one of `zones` reaches a window's edge or
/// midnight, as the local time in each (at least one zone): whether each is open cannot
/// change before.
fn next_change(schedule: &Schedule, zones: &[ZoneTime]) -> Vec<ZoneTime> {
    let minutes = zones
        .iter()
        .map(|zone| {
            let now = zone.time.minutes();
            schedule
                .edges()
                .chain([TimeOfDay::END_OF_DAY])
                .map(TimeOfDay::minutes)
                .filter(|&edge| edge > now)
                .min()
                .map_or(0, |edge| edge - now)
        })
        .min()
        .unwrap_or(0);
    zones
        .iter()
        .map(|zone| zone.after(u32::from(minutes)))
        .collect()
}

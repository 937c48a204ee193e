//! The decision at the click.

use super::calling_settings::CallingSettings;
use super::facts::{CallFacts, ZoneTime};
use super::opening::next_opening;
use super::schedule::Schedule;
use super::verdict::{Action, Opening, Outside, Reason, Verdict, ZoneReading};
use crate::place::{time_zones, Place};

/// Whether a click on `call.number` dials at once, warns or is blocked, and why.
///
/// Calling hours: the callee is inside only when inside in every one of the number's
/// possible time zones ([`time_zones`]): not on a holiday that applies, and inside a window
/// of the most specific region that has windows (any time is, when none matches). Outside,
/// the verdict tells each zone's local time and the next opening. When no zone is known for
/// the number, the browser gave no local time for one of them, or the zones never agree,
/// `block` warns instead: it cannot know. Do Not Call: the record's checkbox, by its own
/// mode. The verdict's action is the most restrictive of the reasons'.
#[must_use]
pub fn judge(call: &CallFacts, settings: &CallingSettings) -> Verdict {
    let mut verdict = Verdict::call();
    if let Some(action) = settings.calling_hours.action() {
        if let Some((action, reason)) = hours(call, settings, action) {
            verdict.add(action, reason);
        }
    }
    if let Some(action) = settings.do_not_call.action() {
        if call.do_not_call {
            let field = settings.do_not_call_field.clone();
            verdict.add(action, Reason::DoNotCall { field });
        }
    }
    verdict
}

/// The calling-hours reason, with the action it calls for given the mode's `action`;
/// `None` when the callee is inside calling hours.
fn hours(call: &CallFacts, settings: &CallingSettings, action: Action) -> Option<(Action, Reason)> {
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
        return Some((action.min(Action::Warn), reason));
    }
    let schedule = Schedule::of(settings, digits, &Place::of(digits));
    let readings: Vec<ZoneReading> = local
        .iter()
        .map(|time| ZoneReading {
            local: (*time).clone(),
            weekday: time.date.weekday(),
            inside: schedule.is_open(time.date, time.time),
            holiday: schedule.holiday(time.date).cloned(),
        })
        .collect();
    if readings.iter().all(|reading| reading.inside) {
        return None;
    }
    let local: Vec<ZoneTime> = local.into_iter().cloned().collect();
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
    Some((action, Reason::OutsideHours(outside)))
}

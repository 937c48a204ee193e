//! Properties of the calling-hours decision over any settings, numbers and local times:
//! it never panics; "call" means every possible zone of the callee is inside a window that
//! applies and on no holiday; an opening is callable and the minute before it is not; the
//! verdict is the same at every minute before its `until`; and
//! `block` is only ever the answer of a mode set to `block`, never when the local time is
//! unknown.

use dialer_core::calling_hours::{
    judge, Action, CallFacts, CallingSettings, CallingWindow, Date, Day, Holiday, Mode, Opening,
    Reason, Scope, TimeOfDay, Verdict, ZoneTime, MINUTES_PER_DAY,
};
use dialer_core::place::{time_zones, Place};
use proptest::prelude::*;

/// Numbers with one zone, several (Navajo Nation, 709, Australia), none (international
/// freephone, toll-free +1: no place), in regions the windows below name, and odd input.
const NUMBERS: [&str; 14] = [
    "+13125550100",
    "+19282831234",
    "+17095551234",
    "+61891428123",
    "+18005550100",
    "+80012345678",
    "+442079460958",
    "+919876543210",
    "+13054441234",
    "+13055551234",
    "+14075550100",
    "+17875550100",
    "+79123456789",
    "13125550100",
];

const REGIONS: [&str; 12] = [
    "*", "US", "US-FL", "US-AZ", "US-IL", "+1305", "+130555", "+1928", "GB", "IN", "CA-NL", "PR",
];

fn scope() -> impl Strategy<Value = Scope> {
    prop::sample::select(REGIONS.to_vec()).prop_map(|code| Scope::parse(code).expect("a region"))
}

fn days() -> impl Strategy<Value = Vec<Day>> {
    prop::sample::subsequence(Day::ALL.to_vec(), 1..=7)
}

/// Windows and clicks on a half-hour grid, clicks also a minute either side, so that
/// boundaries are met often.
const GRID: u16 = 30;

fn window() -> impl Strategy<Value = CallingWindow> {
    let slots = MINUTES_PER_DAY / GRID;
    (scope(), days(), 0..slots, 1..=slots).prop_map(|(region, days, a, b)| {
        let (from, to) = if a < b { (a, b) } else { (b - 1, a + 1) };
        CallingWindow {
            region,
            days,
            from: TimeOfDay::from_minutes(from * GRID).expect("a time"),
            to: TimeOfDay::from_minutes(to * GRID).expect("a time"),
        }
    })
}

fn clock() -> impl Strategy<Value = TimeOfDay> {
    (0..MINUTES_PER_DAY / GRID, 0..3u16).prop_map(|(slot, nudge)| {
        let minutes = (slot * GRID + nudge + MINUTES_PER_DAY - 1) % MINUTES_PER_DAY;
        TimeOfDay::from_minutes(minutes).expect("a time")
    })
}

fn base() -> Date {
    Date::parse("2026-12-20").expect("a date")
}

fn holiday() -> impl Strategy<Value = Holiday> {
    (scope(), 0..16u32).prop_map(|(region, day)| Holiday {
        region,
        date: base().plus_days(day),
    })
}

fn mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(Mode::ALL.to_vec())
}

fn settings() -> impl Strategy<Value = CallingSettings> {
    (
        mode(),
        prop::collection::vec(window(), 0..6),
        prop::collection::vec(holiday(), 0..5),
        mode(),
    )
        .prop_map(|(hours, windows, holidays, dnc)| CallingSettings {
            calling_hours: hours,
            calling_windows: windows,
            calling_holidays: holidays,
            do_not_call: dnc,
            ..CallingSettings::default()
        })
}

/// A click: the number's zones at local times that may disagree with one another (the
/// properties hold whatever the browser says), some of them perhaps missing.
fn click() -> impl Strategy<Value = CallFacts> {
    (
        prop::sample::select(NUMBERS.to_vec()),
        prop::collection::vec((0..10u32, clock(), 0..20u8), 50),
        any::<bool>(),
    )
        .prop_map(|(number, times, do_not_call)| {
            let digits = number.strip_prefix('+').unwrap_or_default();
            let zones = time_zones(digits)
                .into_iter()
                .zip(times)
                .filter(|(_, (_, _, drop))| *drop != 0)
                .map(|(zone, (day, time, _))| ZoneTime {
                    zone: zone.to_owned(),
                    date: base().plus_days(day),
                    time,
                })
                .collect();
            CallFacts {
                number: number.to_owned(),
                zones,
                do_not_call,
            }
        })
}

/// Whether the callee of `call` may be called in every zone, by the rule written out here
/// on its own: the windows of the most specific matching region, and every matching holiday.
fn every_zone_inside(call: &CallFacts, settings: &CallingSettings) -> bool {
    let Some(digits) = call.number.strip_prefix('+') else {
        return false;
    };
    let place = Place::of(digits);
    let matching: Vec<&CallingWindow> = settings
        .calling_windows
        .iter()
        .filter(|w| w.region.contains(digits, &place))
        .collect();
    let best = matching.iter().map(|w| w.region.specificity()).max();
    let applicable: Vec<&&CallingWindow> = matching
        .iter()
        .filter(|w| Some(w.region.specificity()) == best)
        .collect();
    let zones = time_zones(digits);
    !zones.is_empty()
        && zones.iter().all(|zone| {
            let Some(local) = call.zones.iter().find(|t| t.zone == *zone) else {
                return false;
            };
            let holiday = settings
                .calling_holidays
                .iter()
                .any(|h| h.date == local.date && h.region.contains(digits, &place));
            let weekday = local.date.weekday();
            !holiday
                && (applicable.is_empty()
                    || applicable.iter().any(|w| {
                        w.days.contains(&weekday) && w.from <= local.time && local.time < w.to
                    }))
        })
}

fn outside(verdict: &Verdict) -> Option<&Opening> {
    verdict.reasons.iter().find_map(|reason| match reason {
        Reason::OutsideHours(outside) => Some(&outside.opening),
        _ => None,
    })
}

/// Minutes from `from` to `to` in one zone's local time.
fn minutes_between(from: &ZoneTime, to: &ZoneTime) -> u32 {
    let mut days = 0;
    let mut date = from.date;
    while date < to.date {
        date = date.next();
        days += 1;
    }
    days * u32::from(MINUTES_PER_DAY) + u32::from(to.time.minutes())
        - u32::from(from.time.minutes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_verdict_keeps_its_promises(call in click(), settings in settings()) {
        let verdict = judge(&call, &settings);
        prop_assert_eq!(verdict.reasons.is_empty(), verdict.action == Action::Call);

        let hours_on = settings.calling_hours != Mode::Off;
        if hours_on {
            prop_assert_eq!(
                outside(&verdict).is_none()
                    && !verdict.reasons.iter().any(|r| matches!(r, Reason::LocalTimeUnknown { .. })),
                every_zone_inside(&call, &settings),
                "{:?}", verdict
            );
        } else {
            prop_assert!(outside(&verdict).is_none());
        }

        let dnc_block = call.do_not_call && settings.do_not_call == Mode::Block;
        if verdict.action == Action::Block {
            prop_assert!(dnc_block || settings.calling_hours == Mode::Block);
        }
        let unsure = verdict.reasons.iter().any(|r| matches!(r, Reason::LocalTimeUnknown { .. }))
            || matches!(outside(&verdict), Some(Opening::ZonesNeverAgree));
        if unsure && !dnc_block {
            prop_assert!(verdict.action <= Action::Warn);
        }

        if let Some(Opening::At { zones }) = outside(&verdict) {
            // Callable at the opening; not a minute before.
            let first = call.zones.iter().find(|t| Some(&t.zone) == zones.first().map(|z| &z.zone));
            let minutes = minutes_between(first.expect("the zone"), &zones[0]);
            prop_assert!(minutes >= 1);
            let at = |later: u32| CallFacts {
                zones: call.zones.iter().map(|zone| zone.after(later)).collect(),
                do_not_call: false,
                ..call.clone()
            };
            prop_assert_eq!(&at(minutes).zones, zones);
            prop_assert!(outside(&judge(&at(minutes), &settings)).is_none());
            prop_assert!(outside(&judge(&at(minutes - 1), &settings)).is_some());
        }

        // The verdict holds until `until`: the same answer at any minute before it.
        if let Some(first_until) = verdict.until.first() {
            let first = call.zones.iter().find(|t| t.zone == first_until.zone);
            let minutes = minutes_between(first.expect("the zone"), first_until);
            prop_assert!((1..=u32::from(MINUTES_PER_DAY)).contains(&minutes));
            let later = |by: u32| CallFacts {
                zones: call.zones.iter().map(|zone| zone.after(by)).collect(),
                ..call.clone()
            };
            prop_assert_eq!(&later(minutes).zones, &verdict.until);
            for by in [minutes / 2, minutes - 1] {
                let then = judge(&later(by), &settings);
                prop_assert_eq!(then.action, verdict.action);
                prop_assert_eq!(then.reasons.len(), verdict.reasons.len());
            }
        } else {
            let unknown = verdict.reasons.iter().any(|r| matches!(r, Reason::LocalTimeUnknown { .. }));
            prop_assert!(!hours_on || unknown);
        }
    }
}

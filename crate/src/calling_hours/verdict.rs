//! The answer for one click: call at once, warn, or block, and why.

use super::day::Day;
use super::facts::ZoneTime;
use super::holiday::Holiday;
use super::window::CallingWindow;
use serde::Serialize;

/// What a click does, from least to most restrictive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Dial at once.
    Call,
    /// Say why, with Cancel (the default) and Call anyway.
    Warn,
    /// Say why, and when calling hours open; no way to dial.
    Block,
}

/// The decision for one click: the most restrictive action any reason calls for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// What the click does.
    pub action: Action,
    /// Why; empty exactly when the action is [`Action::Call`].
    pub reasons: Vec<Reason>,
    /// Until when the verdict holds: one moment, as the local time in each zone of the
    /// callee (the next time one of them reaches the start or end of a window, or
    /// midnight), their UTC offsets taken as they were at the click. Empty when the verdict
    /// depends on no clock (calling hours off, or the local time unknown): it holds as long
    /// as the settings and the record.
    pub until: Vec<ZoneTime>,
}

impl Verdict {
    /// Dial at once.
    #[must_use]
    pub fn call() -> Verdict {
        Verdict {
            action: Action::Call,
            reasons: Vec::new(),
            until: Vec::new(),
        }
    }

    /// Adds a reason calling for `action`.
    pub fn add(&mut self, action: Action, reason: Reason) {
        self.action = self.action.max(action);
        self.reasons.push(reason);
    }
}

/// Why a click does not dial at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Reason {
    /// In at least one of the callee's possible time zones, the local time is outside every
    /// window that applies, or the local date is a holiday.
    OutsideHours(Outside),
    /// The callee's local time is unknown: no time zone is known for the number, or the
    /// browser gave no local time for some of its zones (listed). `block` warns instead.
    LocalTimeUnknown {
        /// The zones without a local time; empty when the number has no known zone.
        zones: Vec<String>,
    },
    /// The record's Do Not Call field is checked.
    DoNotCall {
        /// The field's API name.
        field: String,
    },
}

/// The callee's local times and the calling hours that applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outside {
    /// The windows that applied, all of one region: the most specific region with windows
    /// that matches the number. Empty when none matches (only holidays then apply).
    pub windows: Vec<CallingWindow>,
    /// Each possible zone of the callee, at the click.
    pub zones: Vec<ZoneReading>,
    /// When the callee may next be called.
    pub opening: Opening,
}

/// The callee's local time in one zone, at the click.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneReading {
    /// The zone, local date and time.
    #[serde(flatten)]
    pub local: ZoneTime,
    /// The local day of the week.
    pub weekday: Day,
    /// Whether the local time is inside calling hours.
    pub inside: bool,
    /// The holiday of the local date that applies, if any.
    pub holiday: Option<Holiday>,
}

/// When calling hours next open in every possible zone of the callee at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Opening {
    /// At these local times, one per zone (the same moment, the zones' UTC offsets taken
    /// as they were at the click).
    At {
        /// The local date and time in each zone.
        zones: Vec<ZoneTime>,
    },
    /// Not within the days searched (holidays close them all).
    NotWithin {
        /// The days searched after the click.
        days: u32,
    },
    /// The zones are too far apart for every one to be inside calling hours at once (a
    /// toll-free +1 number may be anywhere from Guam to Newfoundland): the local time is as
    /// good as unknown, and `block` warns instead.
    ZonesNeverAgree,
}

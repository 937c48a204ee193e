//! A calling window: hours on some days of the week, in the callee's local time, for
//! the callees of one scope.

use super::day::Day;
use super::scope::Scope;
use super::time_of_day::TimeOfDay;
use serde::Serialize;

/// `from` ≤ t < `to` on `days`, local time, for callees in `region`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CallingWindow {
    /// Where the window applies.
    pub region: Scope,
    /// The days it opens, as listed (at least one, no repeats).
    pub days: Vec<Day>,
    /// When it opens.
    pub from: TimeOfDay,
    /// When it closes, after `from` the same day (`24:00` at most).
    pub to: TimeOfDay,
}

impl CallingWindow {
    /// Whether a callee whose local time is `time` on `day` may be called.
    #[must_use]
    pub fn contains(&self, day: Day, time: TimeOfDay) -> bool {
        self.days.contains(&day) && self.from <= time && time < self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_include_their_start_and_exclude_their_end() {
        let window = CallingWindow {
            region: Scope::Everywhere,
            days: vec![Day::Mon, Day::Sat],
            from: TimeOfDay::hours(8),
            to: TimeOfDay::hours(21),
        };
        let at = |text: &str| TimeOfDay::parse(text).expect("a time");
        assert!(!window.contains(Day::Mon, at("07:59")));
        assert!(window.contains(Day::Mon, at("08:00")));
        assert!(window.contains(Day::Sat, at("20:59")));
        assert!(!window.contains(Day::Sat, at("21:00")));
        assert!(!window.contains(Day::Sun, at("12:00")));
        let late = CallingWindow {
            to: TimeOfDay::END_OF_DAY,
            ..window
        };
        assert!(late.contains(Day::Mon, at("23:59")));
    }
}

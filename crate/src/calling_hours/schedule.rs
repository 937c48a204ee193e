//! The calling hours of one callee: the windows of the most specific region that matches
//! the number, and the holidays of every region that matches it.

use super::calling_settings::CallingSettings;
use super::date::Date;
use super::holiday::Holiday;
use super::time_of_day::TimeOfDay;
use super::window::CallingWindow;
use crate::place::Place;

/// When one callee may be called, in their local time.
#[derive(Clone, Debug)]
pub(super) struct Schedule<'a> {
    windows: Vec<&'a CallingWindow>,
    holidays: Vec<&'a Holiday>,
}

impl<'a> Schedule<'a> {
    /// The schedule of the number with E.164 `digits` (no `+`) at `place`: all the windows
    /// of the most specific region that has windows and matches the number (a longer prefix,
    /// then any prefix, then the state or province, then the country, then `*`), and the
    /// holidays of every region that matches it.
    pub(super) fn of(settings: &'a CallingSettings, digits: &str, place: &Place) -> Self {
        let matching = || {
            settings
                .calling_windows
                .iter()
                .filter(|window| window.region.contains(digits, place))
        };
        let best = matching().max_by_key(|window| window.region.specificity());
        let windows = match best {
            Some(best) => matching()
                .filter(|window| window.region == best.region)
                .collect(),
            None => Vec::new(),
        };
        let holidays = settings
            .calling_holidays
            .iter()
            .filter(|holiday| holiday.region.contains(digits, place))
            .collect();
        Schedule { windows, holidays }
    }

    /// The same windows, without holidays.
    pub(super) fn without_holidays(&self) -> Self {
        Schedule {
            windows: self.windows.clone(),
            holidays: Vec::new(),
        }
    }

    /// The windows that apply.
    pub(super) fn windows(&self) -> impl Iterator<Item = &'a CallingWindow> + '_ {
        self.windows.iter().copied()
    }

    /// The holiday on the local `date`, if any.
    pub(super) fn holiday(&self, date: Date) -> Option<&'a Holiday> {
        self.holidays
            .iter()
            .copied()
            .find(|holiday| holiday.date == date)
    }

    /// Whether the callee may be called at `time` on the local `date`: not on a holiday,
    /// and inside a window (any time is, when no window applies).
    pub(super) fn is_open(&self, date: Date, time: TimeOfDay) -> bool {
        if self.holiday(date).is_some() {
            return false;
        }
        let day = date.weekday();
        self.windows.is_empty() || self.windows.iter().any(|w| w.contains(day, time))
    }

    /// Every time of day a window starts or ends, whatever its days: between two of them
    /// (and midnight), whether a callee is open does not change.
    pub(super) fn edges(&self) -> impl Iterator<Item = TimeOfDay> + '_ {
        self.windows
            .iter()
            .flat_map(|window| [window.from, window.to])
    }

    /// When windows open on the local `date`: none on a holiday, midnight when no window
    /// applies.
    pub(super) fn openings(&self, date: Date) -> Vec<TimeOfDay> {
        if self.holiday(date).is_some() {
            return Vec::new();
        }
        if self.windows.is_empty() {
            return vec![TimeOfDay::MIDNIGHT];
        }
        let day = date.weekday();
        self.windows
            .iter()
            .filter(|window| window.days.contains(&day))
            .map(|window| window.from)
            .collect()
    }
}

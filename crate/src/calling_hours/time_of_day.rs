//! Times of day to the minute, as the settings and the browser write them: `HH:MM`.

use super::error::CallingError;
use crate::error::Quoted;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// A time of day, `00:00` to `24:00` (the end of the day, which only ends a window).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `00:00`.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);

    /// `24:00`, the end of the day.
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(MINUTES_PER_DAY);

    /// Reads `HH:MM` with two digits each, `00:00` to `23:59`, or `24:00`.
    #[must_use]
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let &[h1, h2, b':', m1, m2] = text.as_bytes() else {
            return None;
        };
        if ![h1, h2, m1, m2].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let two = |a: u8, b: u8| u16::from(a - b'0') * 10 + u16::from(b - b'0');
        let (hours, minutes) = (two(h1, h2), two(m1, m2));
        if minutes > 59 {
            return None;
        }
        TimeOfDay::from_minutes(hours * 60 + minutes)
    }

    /// The time `minutes` after midnight, up to `24:00`.
    #[must_use]
    pub fn from_minutes(minutes: u16) -> Option<TimeOfDay> {
        (minutes <= MINUTES_PER_DAY).then_some(TimeOfDay(minutes))
    }

    /// Whole hours after midnight, for tables of constants (`hours <= 24`).
    pub(super) const fn hours(hours: u16) -> TimeOfDay {
        TimeOfDay(hours * 60)
    }

    /// Minutes after a midnight as whole days and the time of day.
    pub(super) fn split(minutes: u32) -> (u32, TimeOfDay) {
        let per_day = u32::from(MINUTES_PER_DAY);
        let time = u16::try_from(minutes % per_day).unwrap_or(0);
        (minutes / per_day, TimeOfDay(time))
    }

    /// Minutes after midnight.
    #[must_use]
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A clock reading, `00:00` to `23:59`: the browser's local time never says `24:00`.
impl TryFrom<String> for TimeOfDay {
    type Error = CallingError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        TimeOfDay::parse(&text)
            .filter(|time| *time < TimeOfDay::END_OF_DAY)
            .ok_or_else(|| CallingError::Time {
                value: Quoted::new(&text),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_strictly() {
        let cases: &[(&str, Option<u16>)] = &[
            ("00:00", Some(0)),
            ("08:00", Some(480)),
            ("09:30", Some(570)),
            ("21:00", Some(1260)),
            ("23:59", Some(1439)),
            ("24:00", Some(1440)),
            ("24:01", None),
            ("25:00", None),
            ("12:60", None),
            ("8:00", None),
            ("08:0", None),
            ("0800", None),
            ("08.00", None),
            ("08:00 ", None),
            (" 8:00", None),
            ("08:00:00", None),
            ("+8:00", None),
            ("０８:００", None),
            ("", None),
        ];
        for (text, minutes) in cases {
            let parsed = TimeOfDay::parse(text);
            assert_eq!(parsed.map(TimeOfDay::minutes), *minutes, "{text:?}");
            if let Some(time) = parsed {
                assert_eq!(time.to_string(), *text);
            }
        }
    }

    #[test]
    fn clock_readings_travel_as_strings() {
        let time: TimeOfDay = serde_json::from_str("\"07:12\"").expect("a time");
        assert_eq!(time.minutes(), 432);
        assert_eq!(
            serde_json::to_string(&time).expect("serializes"),
            "\"07:12\""
        );
        for bad in ["\"24:00\"", "\"7:12\"", "432"] {
            assert!(serde_json::from_str::<TimeOfDay>(bad).is_err(), "{bad}");
        }
    }
}

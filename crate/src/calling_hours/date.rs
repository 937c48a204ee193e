//! Calendar dates as the settings and the browser write them, `YYYY-MM-DD`, in the
//! Gregorian calendar.

use super::day::Day;
use super::error::CallingError;
use crate::error::Quoted;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the calendar (no time zone: a local date wherever it is read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD` (four, two and two ASCII digits), refusing days the calendar does
    /// not have, such as `2026-02-30`.
    pub fn parse(text: &str) -> Result<Date, CallingError> {
        let not_a_date = || CallingError::Date {
            value: Quoted::new(text),
        };
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit));
        if !shaped {
            return Err(not_a_date());
        }
        // Four, two and two ASCII digits: each fits its type.
        let number = |from: usize, to: usize| {
            bytes
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0'))
        };
        let year = number(0, 4);
        let month = u8::try_from(number(5, 7)).map_err(|_| not_a_date())?;
        let day = u8::try_from(number(8, 10)).map_err(|_| not_a_date())?;
        let Some(days) = days_in_month(year, month) else {
            return Err(CallingError::NoSuchMonth {
                value: Quoted::new(text),
                month,
            });
        };
        if !(1..=days).contains(&day) {
            let name = MONTHS.get(usize::from(month - 1)).copied().unwrap_or("");
            return Err(CallingError::NoSuchDay {
                value: Quoted::new(text),
                month: name,
                year,
                days,
            });
        }
        Ok(Date { year, month, day })
    }

    /// The day of the week.
    #[must_use]
    pub fn weekday(self) -> Day {
        // Sakamoto's method: 0 is Sunday.
        const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let year = u32::from(self.year) + 400 - u32::from(self.month < 3);
        let offset = OFFSETS
            .get(usize::from(self.month - 1))
            .copied()
            .unwrap_or(0);
        let sunday_based =
            (year + year / 4 - year / 100 + year / 400 + offset + u32::from(self.day)) % 7;
        let monday_based = (sunday_based + 6) % 7;
        Day::ALL
            .get(monday_based as usize)
            .copied()
            .unwrap_or(Day::Mon)
    }

    /// The next day.
    #[must_use]
    pub fn next(self) -> Date {
        let days = days_in_month(self.year, self.month).unwrap_or(31);
        if self.day < days {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year.saturating_add(1),
                month: 1,
                day: 1,
            }
        }
    }

    /// The day `count` days later.
    #[must_use]
    pub fn plus_days(self, count: u32) -> Date {
        (0..count).fold(self, |date, _| date.next())
    }
}

fn days_in_month(year: u16, month: u8) -> Option<u8> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl TryFrom<String> for Date {
    type Error = CallingError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Date::parse(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn dates_are_read_strictly() {
        for good in [
            "2026-03-08",
            "2024-02-29",
            "2000-02-29",
            "2026-12-31",
            "0001-01-01",
        ] {
            assert_eq!(date(good).to_string(), good);
        }
        let cases: &[(&str, &str)] = &[
            (
                "2026-02-30",
                "“2026-02-30” is not a day of the calendar: February 2026 has 28 days",
            ),
            (
                "2026-02-29",
                "“2026-02-29” is not a day of the calendar: February 2026 has 28 days",
            ),
            (
                "1900-02-29",
                "“1900-02-29” is not a day of the calendar: February 1900 has 28 days",
            ),
            (
                "2026-04-31",
                "“2026-04-31” is not a day of the calendar: April 2026 has 30 days",
            ),
            (
                "2026-01-00",
                "“2026-01-00” is not a day of the calendar: January 2026 has 31 days",
            ),
            (
                "2026-13-01",
                "“2026-13-01” is not a day of the calendar: there is no month 13",
            ),
            (
                "2026-00-10",
                "“2026-00-10” is not a day of the calendar: there is no month 0",
            ),
            (
                "2026-3-8",
                "“2026-3-8” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "26-03-08",
                "“26-03-08” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "2026/03/08",
                "“2026/03/08” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "2026-03-08T00:00",
                "“2026-03-08T00:00” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "+026-03-08",
                "“+026-03-08” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "２０２６-03-08",
                "“２０２６-03-08” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
            (
                "",
                "“” is not a date; write YYYY-MM-DD such as \"2026-12-25\"",
            ),
        ];
        for (text, message) in cases {
            let err = Date::parse(text).expect_err("refused");
            assert_eq!(err.to_string(), *message, "{text:?}");
        }
    }

    #[test]
    fn weekdays_and_following_days() {
        let cases: &[(&str, Day)] = &[
            ("1970-01-01", Day::Thu),
            ("2000-02-29", Day::Tue),
            ("2026-01-01", Day::Thu),
            ("2026-03-08", Day::Sun),
            ("2026-03-29", Day::Sun),
            ("2026-10-25", Day::Sun),
            ("2026-11-01", Day::Sun),
            ("2026-12-25", Day::Fri),
            ("2028-02-29", Day::Tue),
            ("2100-03-01", Day::Mon),
        ];
        for (text, day) in cases {
            assert_eq!(date(text).weekday(), *day, "{text}");
        }
        let steps: &[(&str, u32, &str)] = &[
            ("2026-03-08", 1, "2026-03-09"),
            ("2026-02-28", 1, "2026-03-01"),
            ("2024-02-28", 1, "2024-02-29"),
            ("2026-12-31", 1, "2027-01-01"),
            ("2026-12-28", 8, "2027-01-05"),
            ("2026-04-30", 0, "2026-04-30"),
        ];
        for (from, count, to) in steps {
            assert_eq!(date(from).plus_days(*count), date(to), "{from} + {count}");
        }
        // A week later is the same weekday, across months and years.
        let mut day = date("2026-12-20");
        for _ in 0..60 {
            assert_eq!(day.plus_days(7).weekday(), day.weekday(), "{day}");
            assert_eq!(day.next().weekday(), next_weekday(day.weekday()), "{day}");
            day = day.next();
        }
    }

    fn next_weekday(day: Day) -> Day {
        let at = Day::ALL.iter().position(|d| *d == day).expect("a day");
        Day::ALL[(at + 1) % 7]
    }

    #[test]
    fn dates_travel_as_strings() {
        let parsed: Date = serde_json::from_str("\"2026-12-25\"").expect("a date");
        assert_eq!(
            serde_json::to_string(&parsed).expect("serializes"),
            "\"2026-12-25\""
        );
        let err = serde_json::from_str::<Date>("\"2026-02-30\"").expect_err("refused");
        assert!(
            err.to_string().contains("February 2026 has 28 days"),
            "{err}"
        );
    }
}

//! Days of the week, as the settings write them: `mon` to `sun`.

use serde::Serialize;

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    /// Monday to Sunday.
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// The day as the settings write it: `mon`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Day::Mon => "mon",
            Day::Tue => "tue",
            Day::Wed => "wed",
            Day::Thu => "thu",
            Day::Fri => "fri",
            Day::Sat => "sat",
            Day::Sun => "sun",
        }
    }

    /// Reads `mon` to `sun`, exactly (lower-case, three letters).
    #[must_use]
    pub fn parse(text: &str) -> Option<Day> {
        Day::ALL.into_iter().find(|day| day.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_written() {
        for day in Day::ALL {
            assert_eq!(Day::parse(day.as_str()), Some(day));
            let json = serde_json::to_string(&day).expect("serializes");
            assert_eq!(json, format!("\"{}\"", day.as_str()));
        }
        for bad in ["", "Mon", "MON", "monday", "mo", " mon", "lun"] {
            assert_eq!(Day::parse(bad), None, "{bad:?}");
        }
    }
}

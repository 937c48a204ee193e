//! What is known at the click: the number, the callee's local time in each of its possible
//! time zones (read by the browser's `Intl.DateTimeFormat`), and the record's Do Not Call
//! checkbox.

use super::date::Date;
use super::time_of_day::TimeOfDay;
use serde::{Deserialize, Serialize};

/// The local date and time in one time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneTime {
    /// The IANA time zone, as [`time_zones`](crate::place::time_zones) names it.
    pub zone: String,
    /// The local date.
    pub date: Date,
    /// The local time, to the minute (`00:00` to `23:59`).
    pub time: TimeOfDay,
}

impl ZoneTime {
    /// The local date and time `minutes` later, assuming the zone's UTC offset does not
    /// change in between.
    #[must_use]
    pub fn later(&self, minutes: u32) -> (Date, TimeOfDay) {
        let (days, time) = TimeOfDay::split(u32::from(self.time.minutes()) + minutes);
        (self.date.plus_days(days), time)
    }

    /// The same zone `minutes` later (see [`ZoneTime::later`]).
    #[must_use]
    pub fn after(&self, minutes: u32) -> ZoneTime {
        let (date, time) = self.later(minutes);
        ZoneTime {
            zone: self.zone.clone(),
            date,
            time,
        }
    }
}

/// One click on a number.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CallFacts {
    /// The number to dial, E.164 (`+13125550100`).
    pub number: String,
    /// The local time at the click in the zones
    /// [`time_zones`](crate::place::time_zones) gives for the number; a zone the browser
    /// cannot read is left out (its local time is then unknown).
    pub zones: Vec<ZoneTime>,
    /// Whether the record's Do Not Call field is checked.
    pub do_not_call: bool,
}

//! What is known at the click: the number, the callee's local time in each of its possible
//! time zones (read by the browser's `Intl.DateTimeFormat`), and the record's Do Not Call
//! checkbox.
//!
//! The facts arrive as a stored value and are read by hand with [`StoredValue::entry`]: the
//! wasm already carries that reader, where deriving `Deserialize` cost 8 KB of serde code.

use super::date::Date;
use super::time_of_day::TimeOfDay;
use crate::settings::StoredValue;
use serde::{Deserialize, Serialize};

/// The local date and time in one time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// One click on a number, as the browser sends it:
/// `{number, zones: [{zone, date, time}], doNotCall}` and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "StoredValue")]
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

/// Why a value is not the facts of a click.
const NOT_FACTS: &str =
    "a click is {number, zones: [{zone, date: \"YYYY-MM-DD\", time: \"HH:MM\"}], doNotCall}";

/// The value of an object with exactly the keys `names`, each present.
fn exactly<'a, const N: usize>(
    value: &'a StoredValue,
    names: [&str; N],
) -> Result<[&'a StoredValue; N], &'static str> {
    match value.entry(names) {
        Some((found, others)) if others.is_empty() && found.iter().all(Option::is_some) => {
            Ok(found.map(|value| value.unwrap_or(&StoredValue::Null)))
        }
        _ => Err(NOT_FACTS),
    }
}

fn text(value: &StoredValue) -> Result<&str, &'static str> {
    match value {
        StoredValue::String(text) => Ok(text),
        _ => Err(NOT_FACTS),
    }
}

impl TryFrom<&StoredValue> for ZoneTime {
    type Error = &'static str;

    fn try_from(value: &StoredValue) -> Result<Self, Self::Error> {
        let [zone, date, time] = exactly(value, ["zone", "date", "time"])?;
        Ok(ZoneTime {
            zone: text(zone)?.to_owned(),
            date: Date::parse(text(date)?).map_err(|_| NOT_FACTS)?,
            time: TimeOfDay::try_from(text(time)?.to_owned()).map_err(|_| NOT_FACTS)?,
        })
    }
}

impl TryFrom<StoredValue> for CallFacts {
    type Error = &'static str;

    fn try_from(value: StoredValue) -> Result<Self, Self::Error> {
        let [number, zones, do_not_call] = exactly(&value, ["number", "zones", "doNotCall"])?;
        let (StoredValue::Array(zones), &StoredValue::Bool(do_not_call)) = (zones, do_not_call)
        else {
            return Err(NOT_FACTS);
        };
        Ok(CallFacts {
            number: text(number)?.to_owned(),
            zones: zones
                .iter()
                .map(ZoneTime::try_from)
                .collect::<Result<_, _>>()?,
            do_not_call,
        })
    }
}

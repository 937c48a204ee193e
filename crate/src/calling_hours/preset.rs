//! The preset "US federal and state hours": the table of calling hours published by the
//! sources below, as calling windows an administrator can load and edit.
//!
//! Only what the table states unambiguously is encoded. Each state's entries replace the
//! federal ones for its callees (the most specific region wins), so they keep within the
//! federal 8:00 to 21:00 and list the days the federal rule allows. Where sources disagree,
//! the stricter reading is taken and said. Holidays are not encoded: the sources name no
//! dates.

use super::day::Day;
use super::scope::Scope;
use super::time_of_day::TimeOfDay;
use super::window::CallingWindow;
use crate::region::Region;
use serde::Serialize;

/// When the sources were read (the preset is "as published" then).
pub const US_PUBLISHED: &str = "2025-11";

/// Where the table comes from.
pub const US_SOURCES: [&str; 6] = [
    "47 CFR 64.1200(c)(1): no telephone solicitation before 8 a.m. or after 9 p.m., local time at the called party's location",
    "dropcowboy.com/state-compliance (updated November 2025)",
    "dnc.com",
    "clickpoint.com",
    "flsenate.gov (Florida SB 1120, 2021)",
    "compliancepoint.com",
];

/// One window of the preset, with the rule it encodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PresetWindow {
    /// The window.
    #[serde(flatten)]
    pub window: CallingWindow,
    /// The rule, for a reader.
    pub source: &'static str,
}

const EVERY_DAY: &[Day] = &Day::ALL;
const MON_TO_SAT: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri, Day::Sat];
const WEEKDAYS: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

/// (region, days, from hour, to hour, rule)
type Row = (&'static str, &'static [Day], u16, u16, &'static str);

const US_TABLE: [Row; 16] = [
    ("US", EVERY_DAY, 8, 21, "47 CFR 64.1200(c)(1)"),
    // Florida, Oklahoma and Maryland also limit calls to 3 in 24 hours on one subject: not
    // a calling-hours rule.
    ("US-FL", EVERY_DAY, 8, 20, "Fla. Stat. 501.616(6)(a)"),
    (
        "US-OK",
        EVERY_DAY,
        8,
        20,
        "Oklahoma Telephone Solicitation Act (2022)",
    ),
    (
        "US-MD",
        EVERY_DAY,
        8,
        20,
        "Maryland Stop the Spam Calls Act (2024)",
    ),
    ("US-WA", EVERY_DAY, 8, 20, "Washington HB 1497"),
    (
        "US-MA",
        EVERY_DAY,
        8,
        20,
        "Massachusetts, per compliance vendors",
    ),
    // One vendor lists 9:00 to 21:00: the stricter 20:00 is taken.
    (
        "US-CT",
        EVERY_DAY,
        9,
        20,
        "Connecticut, per compliance vendors",
    ),
    ("US-NV", EVERY_DAY, 9, 20, "Nevada, per compliance vendors"),
    (
        "US-MI",
        EVERY_DAY,
        9,
        21,
        "Michigan, per compliance vendors",
    ),
    (
        "US-MN",
        EVERY_DAY,
        9,
        21,
        "Minnesota, per compliance vendors",
    ),
    (
        "US-NM",
        EVERY_DAY,
        9,
        21,
        "New Mexico, per compliance vendors",
    ),
    (
        "US-KY",
        EVERY_DAY,
        10,
        21,
        "Kentucky, per compliance vendors",
    ),
    // Vendors differ on Saturdays: none, the stricter, is taken. Its holidays are not
    // named by date.
    (
        "US-RI",
        WEEKDAYS,
        9,
        18,
        "Rhode Island, per compliance vendors",
    ),
    // No hours of their own: the federal hours, without Sundays. Alabama's and Louisiana's
    // "no legal holidays" name no dates.
    (
        "US-AL",
        MON_TO_SAT,
        8,
        21,
        "Alabama: no Sundays, per compliance vendors",
    ),
    (
        "US-LA",
        MON_TO_SAT,
        8,
        21,
        "Louisiana: no Sundays, per compliance vendors",
    ),
    (
        "US-MS",
        MON_TO_SAT,
        8,
        21,
        "Mississippi: no Sundays, per compliance vendors",
    ),
    // Utah's row names only holidays, with no dates: nothing to encode, the federal hours
    // apply. The US territories answer as their own countries (PR, GU, VI, AS, MP) in the
    // numbering plan, and the sources do not list them: not encoded either.
];

/// The preset's windows: the federal hours for the US, and each state's own.
#[must_use]
pub fn us_federal_and_state() -> Vec<PresetWindow> {
    US_TABLE
        .iter()
        .map(|&(region, days, from, to, source)| PresetWindow {
            window: CallingWindow {
                region: Scope::Region(if region.len() == 2 {
                    Region::Country(region.to_owned())
                } else {
                    Region::Subdivision(region.to_owned())
                }),
                days: days.to_vec(),
                from: TimeOfDay::hours(from),
                to: TimeOfDay::hours(to),
            },
            source,
        })
        .collect()
}

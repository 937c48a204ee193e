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
use crate::target::Target;
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
                region: Scope::Target(if region.len() == 2 {
                    Target::Country(region.to_owned())
                } else {
                    Target::Subdivision(region.to_owned())
                }),
                days: days.to_vec(),
                from: TimeOfDay::hours(from),
                to: TimeOfDay::hours(to),
            },
            source,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::calling_settings::CallingSettings;
    use super::super::check::check_calling_windows;
    use super::super::date::Date;
    use super::super::facts::{CallFacts, ZoneTime};
    use super::super::judge::judge;
    use super::super::verdict::Action;
    use super::*;
    use crate::place::time_zones;
    use crate::settings::StoredValue;

    fn windows() -> Vec<CallingWindow> {
        us_federal_and_state()
            .into_iter()
            .map(|preset| preset.window)
            .collect()
    }

    #[test]
    fn the_preset_is_valid_stored_settings() {
        let json = serde_json::to_string(&windows()).expect("serializes");
        let stored: StoredValue = serde_json::from_str(&json).expect("JSON");
        assert_eq!(check_calling_windows(&stored), Ok(windows()));
        let shown = serde_json::to_value(&us_federal_and_state()[1]).expect("serializes");
        assert_eq!(
            shown,
            serde_json::json!({
                "region": "US-FL",
                "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                "from": "08:00",
                "to": "20:00",
                "source": "Fla. Stat. 501.616(6)(a)"
            })
        );
    }

    #[test]
    fn states_keep_within_the_federal_hours_and_say_what_the_table_says() {
        let summary: Vec<String> = windows()
            .iter()
            .map(|w| {
                let days: Vec<&str> = w.days.iter().map(|d| d.as_str()).collect();
                format!("{} {}-{} {}", w.region.code(), w.from, w.to, days.join(","))
            })
            .collect();
        let all = "mon,tue,wed,thu,fri,sat,sun";
        let no_sunday = "mon,tue,wed,thu,fri,sat";
        assert_eq!(
            summary,
            [
                format!("US 08:00-21:00 {all}"),
                format!("US-FL 08:00-20:00 {all}"),
                format!("US-OK 08:00-20:00 {all}"),
                format!("US-MD 08:00-20:00 {all}"),
                format!("US-WA 08:00-20:00 {all}"),
                format!("US-MA 08:00-20:00 {all}"),
                format!("US-CT 09:00-20:00 {all}"),
                format!("US-NV 09:00-20:00 {all}"),
                format!("US-MI 09:00-21:00 {all}"),
                format!("US-MN 09:00-21:00 {all}"),
                format!("US-NM 09:00-21:00 {all}"),
                format!("US-KY 10:00-21:00 {all}"),
                "US-RI 09:00-18:00 mon,tue,wed,thu,fri".to_owned(),
                format!("US-AL 08:00-21:00 {no_sunday}"),
                format!("US-LA 08:00-21:00 {no_sunday}"),
                format!("US-MS 08:00-21:00 {no_sunday}"),
            ]
        );
        for window in windows() {
            assert!(window.from >= TimeOfDay::hours(8) && window.to <= TimeOfDay::hours(21));
            let code = window.region.code();
            assert_eq!(Scope::parse(&code), Ok(window.region), "{code}");
        }
        assert!(US_PUBLISHED.len() == 7 && US_SOURCES.iter().all(|s| !s.is_empty()));
    }

    #[test]
    fn the_preset_decides_by_state() {
        let settings = CallingSettings {
            calling_windows: windows(),
            ..CallingSettings::default()
        };
        // Florida, Texas (federal), Alabama on Sunday and Monday, Rhode Island on Saturday
        // and Friday, Kentucky, London (no window: the preset is the US's only).
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str, Action)] = &[
            ("+13055550100", "2026-03-10", "20:30", Action::Warn),
            ("+12145550100", "2026-03-10", "20:30", Action::Call),
            ("+12055550100", "2026-03-08", "12:00", Action::Warn),
            ("+12055550100", "2026-03-09", "12:00", Action::Call),
            ("+14015550100", "2026-03-14", "12:00", Action::Warn),
            ("+14015550100", "2026-03-13", "17:59", Action::Call),
            ("+15025550100", "2026-03-13", "09:59", Action::Warn),
            ("+442079460958", "2026-03-08", "07:00", Action::Call),
        ];
        for &(number, date, time, action) in cases {
            let zones = time_zones(number.trim_start_matches('+'));
            assert_eq!(zones.len(), 1, "{number}");
            let call = CallFacts {
                number: number.to_owned(),
                zones: vec![ZoneTime {
                    zone: zones[0].to_owned(),
                    date: Date::parse(date).expect("a date"),
                    time: TimeOfDay::parse(time).expect("a time"),
                }],
                do_not_call: false,
            };
            assert_eq!(
                judge(&call, &settings).action,
                action,
                "{number} {date} {time}"
            );
        }
    }
}

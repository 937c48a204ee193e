//! The five settings of calling hours and Do Not Call, their keys and defaults.

use super::day::Day;
use super::holiday::Holiday;
use super::mode::Mode;
use super::scope::Scope;
use super::time_of_day::TimeOfDay;
use super::window::CallingWindow;
use crate::error::SettingsError;
use crate::settings::{check, StoredValue};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Key of what a click outside the callee's calling hours does.
pub const CALLING_HOURS: &str = "callingHours";
/// Key of the calling windows.
pub const CALLING_WINDOWS: &str = "callingWindows";
/// Key of the holidays.
pub const CALLING_HOLIDAYS: &str = "callingHolidays";
/// Key of what a click on a number of a Do Not Call record does.
pub const DO_NOT_CALL: &str = "doNotCall";
/// Key of the record's Do Not Call checkbox field.
pub const DO_NOT_CALL_FIELD: &str = "doNotCallField";

/// The five keys, in the order the settings show them.
pub const KEYS: [&str; 5] = [
    CALLING_HOURS,
    CALLING_WINDOWS,
    CALLING_HOLIDAYS,
    DO_NOT_CALL,
    DO_NOT_CALL_FIELD,
];

/// Salesforce's standard checkbox on Contact and Lead.
pub const DEFAULT_DO_NOT_CALL_FIELD: &str = "DoNotCall";

/// Calling hours and Do Not Call, as in effect. Serializes to the stored shape (camelCase
/// keys); deserializes from any stored object through the strict checks, reading only these
/// five keys (the others belong to the rest of the settings) and defaulting missing ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "StoredValue")]
pub struct CallingSettings {
    /// What a click outside the callee's calling hours does.
    pub calling_hours: Mode,
    /// When callees may be called; the most specific region's entries apply.
    pub calling_windows: Vec<CallingWindow>,
    /// Local dates with no calls.
    pub calling_holidays: Vec<Holiday>,
    /// What a click on a number of a Do Not Call record does.
    pub do_not_call: Mode,
    /// The record's Do Not Call checkbox field (API name); empty for none.
    pub do_not_call_field: String,
}

impl Default for CallingSettings {
    /// Warn outside 8:00 to 21:00 every day (the US federal hours, 47 CFR 64.1200(c)(1))
    /// everywhere, no holidays, warn on Salesforce's `DoNotCall`.
    fn default() -> Self {
        CallingSettings {
            calling_hours: Mode::Warn,
            calling_windows: vec![CallingWindow {
                region: Scope::Everywhere,
                days: Day::ALL.to_vec(),
                from: TimeOfDay::hours(8),
                to: TimeOfDay::hours(21),
            }],
            calling_holidays: Vec::new(),
            do_not_call: Mode::Warn,
            do_not_call_field: DEFAULT_DO_NOT_CALL_FIELD.to_owned(),
        }
    }
}

impl CallingSettings {
    /// Reads the five keys of a stored settings object, strictly: every problem of every
    /// key, or the settings (defaults for missing keys; other keys are not looked at). The
    /// settings' own check ([`crate::settings::check`]) reads them, as for every other key.
    pub fn read(stored: &StoredValue) -> Result<CallingSettings, Vec<SettingsError>> {
        let checked = check(stored);
        let problems: Vec<SettingsError> = checked
            .findings
            .into_iter()
            .filter(|finding| finding.key.is_empty() || KEYS.contains(&finding.key.as_str()))
            .map(|finding| finding.error)
            .collect();
        if problems.is_empty() {
            Ok(checked.settings.calling)
        } else {
            Err(problems)
        }
    }
}

/// Every problem of a stored object, as serde reports a refused value.
#[derive(Debug)]
pub struct Problems(pub Vec<SettingsError>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&messages.join("; "))
    }
}

impl TryFrom<StoredValue> for CallingSettings {
    type Error = Problems;

    fn try_from(stored: StoredValue) -> Result<Self, Self::Error> {
        CallingSettings::read(&stored).map_err(Problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_the_documented_ones() {
        let json = serde_json::to_value(CallingSettings::default()).expect("serializes");
        assert_eq!(
            json,
            json!({
                "callingHours": "warn",
                "callingWindows": [{
                    "region": "*",
                    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                    "from": "08:00",
                    "to": "21:00"
                }],
                "callingHolidays": [],
                "doNotCall": "warn",
                "doNotCallField": "DoNotCall"
            })
        );
        let keys: Vec<&str> = json
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut sorted_keys = KEYS.to_vec();
        sorted_keys.sort_unstable();
        assert_eq!(keys, sorted_keys, "serde_json sorts keys");
    }

    #[test]
    fn stored_settings_round_trip_and_other_keys_are_left_alone() {
        let stored = json!({
            "enabled": true,
            "callingHours": "block",
            "callingWindows": [
                { "region": "US-FL", "days": ["mon", "fri"], "from": "08:00", "to": "20:00" }
            ],
            "callingHolidays": [{ "region": "US", "date": "2026-12-25" }],
            "doNotCall": "off",
            "doNotCallField": "Do_Not_Call__c"
        });
        let settings: CallingSettings = serde_json::from_value(stored.clone()).expect("valid");
        assert_eq!(settings.calling_hours, Mode::Block);
        assert_eq!(settings.do_not_call, Mode::Off);
        assert_eq!(settings.do_not_call_field, "Do_Not_Call__c");
        let mut expected = stored;
        expected.as_object_mut().map(|o| o.remove("enabled"));
        assert_eq!(
            serde_json::to_value(&settings).expect("serializes"),
            expected
        );

        let only_one: CallingSettings =
            serde_json::from_value(json!({ "doNotCall": "block" })).expect("valid");
        assert_eq!(
            only_one,
            CallingSettings {
                do_not_call: Mode::Block,
                ..CallingSettings::default()
            }
        );
    }

    #[test]
    fn every_problem_of_every_key_is_listed() {
        // In stored order (a JSON text, not a serde_json map, which sorts its keys).
        let stored: StoredValue = serde_json::from_str(
            r#"{
                "callingHours": "sometimes",
                "callingWindows": [{ "region": "*", "days": ["mon"], "from": "9", "to": "21:00" }],
                "callingHolidays": [{ "region": "US", "date": "2026-02-29" }],
                "doNotCall": "warn",
                "doNotCallField": "Do Not Call"
            }"#,
        )
        .expect("any JSON");
        let problems = CallingSettings::read(&stored).expect_err("refused");
        let fields: Vec<&str> = problems.iter().map(SettingsError::field).collect();
        assert_eq!(
            fields,
            [
                "callingHours",
                "callingWindows[0].from",
                "callingHolidays[0].date",
                "doNotCallField"
            ]
        );
        let err = serde_json::from_value::<CallingSettings>(
            json!({ "callingHours": 1, "doNotCall": "x" }),
        )
        .expect_err("refused");
        assert_eq!(
            err.to_string(),
            r#"callingHours: must be "off", "warn" or "block", not the number 1; doNotCall: “x” is not a mode; use "off", "warn" or "block""#
        );
        let not_an_object = CallingSettings::read(&StoredValue::Null).expect_err("refused");
        assert_eq!(
            not_an_object[0].to_string(),
            "settings must be an object of setting names and values, not null"
        );
    }
}

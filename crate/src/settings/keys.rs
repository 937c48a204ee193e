//! Every settings key, in one table ([`KEYS`]): the default a message names when a value is
//! not used, the type its value must have, and the check that reads a stored value of it into
//! [`Settings`]; and [`check`], which reads a stored object key by key.
//!
//! Adding a setting: its key below, its entry in [`KEYS`], its field with its default in
//! [`Settings`]; for JavaScript and administrators, its type in `wasm.rs`'s `Settings` and its
//! entry in `extension/managed_schema.json`. The five keys of calling hours and Do Not Call
//! are defined, defaulted and checked in [`crate::calling_hours`], and listed here.

use super::checked::{Checked, Fallback};
use super::fields::{
    caller_id_at, country_at, expect_array, expect_bool, expect_str, field_name_at,
    number_format_at, template_at,
};
use super::lists::{check_pool, check_rules};
use super::{Settings, StoredValue};
use crate::calling_hours::{
    check_calling_holidays, check_calling_hours, check_calling_windows, check_do_not_call,
    check_do_not_call_field, CALLING_HOLIDAYS, CALLING_HOURS, CALLING_WINDOWS, DO_NOT_CALL,
    DO_NOT_CALL_FIELD, FIELD_NAME, HOLIDAY_LIST, MODE, WINDOW_LIST,
};
use crate::error::SettingsError;

/// Key of the on/off switch.
pub const ENABLED: &str = "enabled";
/// Key of the country for numbers written without one.
pub const DEFAULT_COUNTRY: &str = "defaultCountry";
/// Key of the caller ID used when nothing more specific applies.
pub const DEFAULT_CALLER_ID: &str = "defaultCallerId";
/// Key of the pool of caller IDs shared with the user.
pub const CALLER_IDS: &str = "callerIds";
/// Key of the caller-ID rules by target.
pub const RULES: &str = "rules";
/// Key of the local-presence switch.
pub const LOCAL_PRESENCE: &str = "localPresence";
/// Key of the name of the record field that holds a caller ID.
pub const RECORD_CALLER_ID_FIELD: &str = "recordCallerIdField";
/// Key of the link template.
pub const LINK_TEMPLATE: &str = "linkTemplate";
/// Key of the way `{number}` is written.
pub const DIALED_NUMBER_FORMAT: &str = "dialedNumberFormat";

/// A setting's key and how a stored value of it is read.
pub struct Key {
    /// The key, the same in `chrome.storage.sync`, the policy and an imported file.
    pub name: &'static str,
    /// What its value must be, for the message about a value of another type.
    pub expected: &'static str,
    /// Its default, described for a message saying it is used instead.
    default: fn(Settings) -> String,
    /// Checks a stored value and sets it in `out.settings`, reporting in `out` what is worth
    /// knowing; an error (every problem of the value) leaves the settings as they were.
    check: fn(&Key, &StoredValue, &mut Checked) -> Result<(), Vec<SettingsError>>,
    /// Copies the key's value from one settings to another (the policy's over the user's).
    pub(super) copy: fn(&Settings, &mut Settings),
}

impl Key {
    fn boolean(&self, value: &StoredValue) -> Result<bool, SettingsError> {
        expect_bool(self.name, value, self.expected)
    }

    fn string<'a>(&self, value: &'a StoredValue) -> Result<&'a str, SettingsError> {
        expect_str(self.name, value, self.expected)
    }

    fn list<'a>(&self, value: &'a StoredValue) -> Result<&'a [StoredValue], SettingsError> {
        expect_array(self.name, value, self.expected)
    }
}

/// One problem as the problems of a value: most checks stop at the first.
impl From<SettingsError> for Vec<SettingsError> {
    fn from(problem: SettingsError) -> Self {
        vec![problem]
    }
}

/// Every setting, in the order settings are shown.
pub static KEYS: [Key; 14] = [
    Key {
        name: ENABLED,
        expected: "true or false",
        default: |d| d.enabled.to_string(),
        check: |key, value, out| {
            out.settings.enabled = key.boolean(value)?;
            Ok(())
        },
        copy: |from, to| to.enabled = from.enabled,
    },
    Key {
        name: DEFAULT_COUNTRY,
        expected: "a country code string such as \"US\"",
        default: |d| d.default_country,
        check: |key, value, out| {
            out.settings.default_country = country_at(key.name, key.string(value)?)?;
            Ok(())
        },
        copy: |from, to| to.default_country.clone_from(&from.default_country),
    },
    Key {
        name: DEFAULT_CALLER_ID,
        expected: "an E.164 string such as \"+18880001111\", or \"\"",
        default: |_| "no caller ID".to_owned(),
        check: |key, value, out| {
            let text = key.string(value)?;
            out.settings.default_caller_id = if text.is_empty() {
                String::new()
            } else {
                let id = caller_id_at(key.name, text)?;
                out.warn(key.name, key.name, &id);
                id.value
            };
            Ok(())
        },
        copy: |from, to| to.default_caller_id.clone_from(&from.default_caller_id),
    },
    Key {
        name: CALLER_IDS,
        expected: "a list of {\"number\", \"label\"} entries",
        default: |_| "no caller IDs".to_owned(),
        check: |key, value, out| {
            out.settings.caller_ids = check_pool(key.name, key.list(value)?, out);
            Ok(())
        },
        copy: |from, to| to.caller_ids.clone_from(&from.caller_ids),
    },
    Key {
        name: RULES,
        expected: "a list of {\"region\", \"callerId\"} entries",
        default: |_| "no rules".to_owned(),
        check: |key, value, out| {
            out.settings.rules = check_rules(key.name, key.list(value)?, out);
            Ok(())
        },
        copy: |from, to| to.rules.clone_from(&from.rules),
    },
    Key {
        name: LOCAL_PRESENCE,
        expected: "true or false",
        default: |d| d.local_presence.to_string(),
        check: |key, value, out| {
            out.settings.local_presence = key.boolean(value)?;
            Ok(())
        },
        copy: |from, to| to.local_presence = from.local_presence,
    },
    Key {
        name: RECORD_CALLER_ID_FIELD,
        expected: "a field API name string such as \"FromCallerID__c\", or \"\"",
        default: |d| d.record_caller_id_field,
        check: |key, value, out| {
            out.settings.record_caller_id_field = field_name_at(key.name, key.string(value)?)?;
            Ok(())
        },
        copy: |from, to| {
            to.record_caller_id_field
                .clone_from(&from.record_caller_id_field)
        },
    },
    Key {
        name: LINK_TEMPLATE,
        expected: "a link template string such as \"callto://{number}/{callerId}\"",
        default: |d| d.link_template,
        check: |key, value, out| {
            let template = template_at(key.name, key.string(value)?)?;
            out.settings.link_template = template.as_str().to_owned();
            Ok(())
        },
        copy: |from, to| to.link_template.clone_from(&from.link_template),
    },
    Key {
        name: DIALED_NUMBER_FORMAT,
        expected: "\"e164\" or \"national\"",
        default: |d| d.dialed_number_format.as_str().to_owned(),
        check: |key, value, out| {
            out.settings.dialed_number_format = number_format_at(key.name, key.string(value)?)?;
            Ok(())
        },
        copy: |from, to| to.dialed_number_format = from.dialed_number_format,
    },
    Key {
        name: CALLING_HOURS,
        expected: MODE,
        default: |d| d.calling.calling_hours.as_str().to_owned(),
        check: |_, value, out| {
            out.settings.calling.calling_hours = check_calling_hours(value)?;
            Ok(())
        },
        copy: |from, to| to.calling.calling_hours = from.calling.calling_hours,
    },
    Key {
        name: CALLING_WINDOWS,
        expected: WINDOW_LIST,
        default: |_| "08:00 to 21:00 every day, everywhere".to_owned(),
        check: |_, value, out| {
            out.settings.calling.calling_windows = check_calling_windows(value)?;
            Ok(())
        },
        copy: |from, to| {
            to.calling
                .calling_windows
                .clone_from(&from.calling.calling_windows);
        },
    },
    Key {
        name: CALLING_HOLIDAYS,
        expected: HOLIDAY_LIST,
        default: |_| "no holidays".to_owned(),
        check: |_, value, out| {
            out.settings.calling.calling_holidays = check_calling_holidays(value)?;
            Ok(())
        },
        copy: |from, to| {
            to.calling
                .calling_holidays
                .clone_from(&from.calling.calling_holidays);
        },
    },
    Key {
        name: DO_NOT_CALL,
        expected: MODE,
        default: |d| d.calling.do_not_call.as_str().to_owned(),
        check: |_, value, out| {
            out.settings.calling.do_not_call = check_do_not_call(value)?;
            Ok(())
        },
        copy: |from, to| to.calling.do_not_call = from.calling.do_not_call,
    },
    Key {
        name: DO_NOT_CALL_FIELD,
        expected: FIELD_NAME,
        default: |d| d.calling.do_not_call_field,
        check: |_, value, out| {
            out.settings.calling.do_not_call_field = check_do_not_call_field(value)?;
            Ok(())
        },
        copy: |from, to| {
            to.calling
                .do_not_call_field
                .clone_from(&from.calling.do_not_call_field);
        },
    },
];

/// The setting stored under `name`, if there is one.
pub fn key(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|key| key.name == name)
}

/// The default of the setting stored under `name`, for a message saying it is used instead.
pub fn describe_default(name: &str) -> String {
    key(name).map_or_else(
        || "nothing".to_owned(),
        |key| (key.default)(Settings::default()),
    )
}

/// Checks a stored settings object, key by key; never fails.
pub fn check(stored: &StoredValue) -> Checked {
    let mut out = Checked::default();
    let StoredValue::Object(pairs) = stored else {
        out.finding(
            "",
            SettingsError::NotAnObject {
                found: stored.describe(),
            },
            Fallback::Defaults,
        );
        return out;
    };
    for (name, value) in pairs {
        let Some(key) = key(name) else {
            out.finding(
                name,
                SettingsError::UnknownSetting {
                    field: name.clone(),
                },
                Fallback::Ignored,
            );
            continue;
        };
        match (key.check)(key, value, &mut out) {
            Ok(()) => out.set.push(key.name),
            Err(problems) => {
                for problem in problems {
                    out.finding(name, problem, Fallback::Key);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_values::*;
    use super::super::validate::{settings_problems, validate_settings};
    use super::super::FieldMessage;
    use super::*;

    #[test]
    fn defaults_have_every_key() {
        let json = serde_json::to_value(Settings::default()).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({
                "enabled": true,
                "defaultCountry": "US",
                "defaultCallerId": "",
                "callerIds": [],
                "rules": [],
                "localPresence": true,
                "recordCallerIdField": "FromCallerID__c",
                "linkTemplate": "callto://{number}/{callerId}",
                "dialedNumberFormat": "e164",
                "callingHours": "warn",
                "callingWindows": [{
                    "region": "*",
                    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                    "from": "08:00",
                    "to": "21:00"
                }],
                "callingHolidays": [],
                "doNotCall": "warn",
                "doNotCallField": "DoNotCall",
            })
        );
        let keys: Vec<String> = json
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let mut sorted_keys: Vec<String> = KEYS.iter().map(|key| key.name.to_owned()).collect();
        sorted_keys.sort();
        assert_eq!(keys, sorted_keys);
        let checked = check(&obj(&[]));
        assert_eq!(checked, Checked::default());
        assert_eq!(checked.settings, Settings::default());
    }

    #[test]
    fn each_key_copies_its_own_value_and_no_other() {
        let other = validate_settings(&obj(&[
            (ENABLED, StoredValue::Bool(false)),
            (DEFAULT_COUNTRY, s("GB")),
            (DEFAULT_CALLER_ID, s("+442079460001")),
            (CALLER_IDS, list(&[pool_entry("+13035550100", "Denver")])),
            (RULES, list(&[rule("US-CA", "+14155550100")])),
            (LOCAL_PRESENCE, StoredValue::Bool(false)),
            (RECORD_CALLER_ID_FIELD, s("Caller_ID__c")),
            (LINK_TEMPLATE, s("tel:{number}")),
            (DIALED_NUMBER_FORMAT, s("national")),
            (CALLING_HOURS, s("block")),
            (
                CALLING_WINDOWS,
                list(&[obj(&[
                    ("region", s("US-FL")),
                    ("days", list(&[s("mon")])),
                    ("from", s("08:00")),
                    ("to", s("20:00")),
                ])]),
            ),
            (
                CALLING_HOLIDAYS,
                list(&[obj(&[("region", s("US")), ("date", s("2026-12-25"))])]),
            ),
            (DO_NOT_CALL, s("off")),
            (DO_NOT_CALL_FIELD, s("Do_Not_Call__c")),
        ]))
        .expect("valid")
        .settings;
        let json = |settings: &Settings| serde_json::to_value(settings).expect("serializes");
        let (defaults, others) = (json(&Settings::default()), json(&other));
        for key in &KEYS {
            assert_ne!(defaults[key.name], others[key.name], "{}", key.name);
            let mut copied = Settings::default();
            (key.copy)(&other, &mut copied);
            let mut want = defaults.clone();
            want[key.name] = others[key.name].clone();
            assert_eq!(json(&copied), want, "{}", key.name);
        }
    }

    #[test]
    fn a_non_object_is_refused_as_a_whole() {
        let cases: Vec<(StoredValue, &str)> = vec![
            (
                s("x"),
                "settings must be an object of setting names and values, not the string “x”",
            ),
            (
                StoredValue::Null,
                "settings must be an object of setting names and values, not null",
            ),
            (
                list(&[]),
                "settings must be an object of setting names and values, not an array",
            ),
        ];
        for (candidate, message) in cases {
            assert_eq!(
                settings_problems(&candidate),
                vec![FieldMessage {
                    field: String::new(),
                    message: message.to_owned()
                }]
            );
            let checked = check(&candidate);
            assert_eq!(checked.settings, Settings::default());
            assert_eq!(
                checked.findings.first().map(|f| f.fallback),
                Some(Fallback::Defaults)
            );
        }
    }

    #[test]
    fn unlisted_caller_ids_are_accepted_with_a_warning() {
        let stored = obj(&[
            (DEFAULT_CALLER_ID, s("+18880001111")),
            (
                CALLER_IDS,
                list(&[
                    pool_entry("+14155551212", "SF"),
                    pool_entry("+18880001112", ""),
                ]),
            ),
            (RULES, list(&[rule("US", "+18880001113")])),
        ]);
        let validated = validate_settings(&stored).expect("valid");
        let warnings: Vec<(&str, &str)> = validated
            .warnings
            .iter()
            .map(|w| (w.field.as_str(), w.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                ("defaultCallerId", "defaultCallerId: +18880001111 is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console"),
                ("callerIds[1].number", "callerIds[1].number: +18880001112 is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console"),
                ("rules[0].callerId", "rules[0].callerId: +18880001113 is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console"),
            ]
        );
        // Entries left out carry no warning.
        let dropped = check(&obj(&[(
            CALLER_IDS,
            list(&[
                pool_entry("+18880001111", "a"),
                pool_entry("+18880001111", "b"),
            ]),
        )]));
        assert_eq!(dropped.warnings.len(), 1);
    }

    #[test]
    fn defaults_are_described_for_messages() {
        let cases: [(&str, &str); 15] = [
            (ENABLED, "true"),
            (DEFAULT_COUNTRY, "US"),
            (DEFAULT_CALLER_ID, "no caller ID"),
            (CALLER_IDS, "no caller IDs"),
            (RULES, "no rules"),
            (LOCAL_PRESENCE, "true"),
            (RECORD_CALLER_ID_FIELD, "FromCallerID__c"),
            (LINK_TEMPLATE, "callto://{number}/{callerId}"),
            (DIALED_NUMBER_FORMAT, "e164"),
            (CALLING_HOURS, "warn"),
            (CALLING_WINDOWS, "08:00 to 21:00 every day, everywhere"),
            (CALLING_HOLIDAYS, "no holidays"),
            (DO_NOT_CALL, "warn"),
            (DO_NOT_CALL_FIELD, "DoNotCall"),
            ("theme", "nothing"),
        ];
        for (key, want) in cases {
            assert_eq!(describe_default(key), want, "{key}");
        }
    }

    #[test]
    fn a_calling_hours_list_with_a_bad_entry_is_refused_whole_with_every_problem() {
        let window = |from: &str, to: &str| {
            obj(&[
                ("region", s("*")),
                ("days", list(&[s("mon")])),
                ("from", s(from)),
                ("to", s(to)),
            ])
        };
        let stored = obj(&[(
            CALLING_WINDOWS,
            list(&[
                window("09:00", "17:00"),
                window("9", "17:00"),
                window("18:00", "08:00"),
            ]),
        )]);
        let checked = check(&stored);
        assert_eq!(checked.settings, Settings::default(), "no window kept");
        let findings: Vec<(&str, &str, Fallback)> = checked
            .findings
            .iter()
            .map(|f| (f.key.as_str(), f.error.field(), f.fallback))
            .collect();
        assert_eq!(
            findings,
            [
                (CALLING_WINDOWS, "callingWindows[1].from", Fallback::Key),
                (CALLING_WINDOWS, "callingWindows[2].to", Fallback::Key),
            ]
        );
        let problems = settings_problems(&stored);
        assert_eq!(problems.len(), 2);
        let reading = super::super::read_settings(&stored, &StoredValue::Null);
        assert!(reading.problems.iter().all(|p| p
            .message
            .ends_with("; using the default, 08:00 to 21:00 every day, everywhere")));
    }
}

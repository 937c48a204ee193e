//! Checking one stored settings object: every value used or reported, never a failure.

use super::keys::{check_key, Settings, Value};
use super::{FieldMessage, StoredValue};
use crate::caller_id::CallerId;
use crate::error::SettingsError;

/// What became of a value that could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The stored object is not an object: every key takes its default.
    Defaults,
    /// The key's value is not used.
    Key,
    /// One entry of a list is left out; the others are kept.
    Entry,
    /// An unknown key, at the top level or in an entry, is ignored.
    Ignored,
}

/// A stored value that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The top-level key it concerns (empty for the whole object).
    pub key: String,
    /// What is wrong, naming the field.
    pub error: SettingsError,
    /// What became of it.
    pub fallback: Fallback,
}

/// A warning about an accepted value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The top-level key it concerns.
    pub key: &'static str,
    /// The field and message.
    pub note: FieldMessage,
}

/// Everything checking one stored object found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// The usable values, in stored order.
    pub values: Vec<Value>,
    /// The values not used, in stored order.
    pub findings: Vec<Finding>,
    /// Warnings about used values.
    pub warnings: Vec<Warning>,
}

impl Checked {
    /// The defaults with the usable values set.
    pub fn settings(&self) -> Settings {
        let mut settings = Settings::default();
        for value in &self.values {
            value.clone().apply(&mut settings);
        }
        settings
    }

    pub(super) fn finding(&mut self, key: &str, error: SettingsError, fallback: Fallback) {
        self.findings.push(Finding {
            key: key.to_owned(),
            error,
            fallback,
        });
    }

    pub(super) fn warn(&mut self, key: &'static str, field: &str, caller_id: &CallerId) {
        if let Some(message) = &caller_id.warning {
            self.warnings.push(Warning {
                key,
                note: FieldMessage {
                    field: field.to_owned(),
                    message: format!("{field}: {message}"),
                },
            });
        }
    }
}

/// Checks a stored settings object; never fails.
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
    for (key, value) in pairs {
        match check_key(key, value, &mut out) {
            Some(Ok(value)) => out.values.push(value),
            Some(Err(err)) => out.finding(key, err, Fallback::Key),
            None => out.finding(
                key,
                SettingsError::UnknownSetting { field: key.clone() },
                Fallback::Ignored,
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::keys::{CALLER_IDS, DEFAULT_CALLER_ID, RULES};
    use super::super::test_values::*;
    use super::super::validate::{settings_problems, validate_settings};
    use super::super::FieldMessage;
    use super::*;

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
            assert_eq!(checked.settings(), Settings::default());
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
}

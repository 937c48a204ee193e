//! The settings in effect: the user's (`chrome.storage.sync`) under the administrator's
//! policy (`chrome.storage.managed`, same keys).
//!
//! Both objects are checked by [`super::check`]. A usable policy value overrides
//! the user's and locks its key (the popup shows it read-only). A policy value that cannot be
//! used is reported with source `policy` and locks nothing: the user's value, or else the
//! default, applies. A policy list with some bad entries is a usable list of its good
//! entries, so it locks, and each bad entry is reported. What is wrong with the user's value
//! of a locked key is not reported: that value is not used anyway.

use super::{
    check, describe_default, user_settings, Checked, Fallback, FieldMessage, Finding, Settings,
    StoredValue, KEYS,
};
use serde::Serialize;
use std::cell::RefCell;

/// Where a stored value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The user's settings, `chrome.storage.sync`.
    Sync,
    /// The administrator's policy, `chrome.storage.managed`.
    Policy,
}

/// A stored value not used, and what is used instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The path of the value (`rules[2].region`; empty for the whole object).
    pub field: String,
    /// What was wrong, naming the field, and what is used instead.
    pub message: String,
    /// Which storage area holds it.
    pub source: Source,
}

/// What [`read_settings`] returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingsReading {
    /// The settings in effect.
    pub settings: Settings,
    /// Every stored value not used: the user's first, then the policy's, each in stored order.
    pub problems: Vec<Problem>,
    /// Caller IDs in effect that the numbering plan does not list.
    pub warnings: Vec<FieldMessage>,
    /// The keys the policy sets, in [`KEYS`] order.
    pub locked: Vec<&'static str>,
}

/// Merges the user's stored settings with the policy's; never fails. `Null` stands for
/// nothing stored.
pub fn read_settings(sync: &StoredValue, managed: &StoredValue) -> SettingsReading {
    let user = checked(sync);
    let policy = checked(managed);
    let locked: Vec<&'static str> = KEYS
        .iter()
        .map(|key| key.name)
        .filter(|name| policy.sets(name))
        .collect();
    let is_locked = |key: &str| locked.contains(&key);

    let mut settings = user.settings.clone();
    for key in KEYS.iter().filter(|key| is_locked(key.name)) {
        (key.copy)(&policy.settings, &mut settings);
    }

    let mut problems: Vec<Problem> = user
        .findings
        .iter()
        .filter(|f| !is_locked(&f.key))
        .map(|f| problem(f, Source::Sync, false))
        .collect();
    problems.extend(
        policy
            .findings
            .iter()
            .map(|f| problem(f, Source::Policy, user.sets(&f.key))),
    );

    let warnings = user
        .warnings
        .iter()
        .filter(|w| !is_locked(w.key))
        .chain(&policy.warnings)
        .map(|w| w.note.clone())
        .collect();

    SettingsReading {
        settings,
        problems,
        warnings,
        locked,
    }
}

/// [`read_settings`] of the user's settings as the storage areas hold them, whatever their
/// layout (`layout.rs`); a list that could not be read is reported first.
pub fn read_stored_settings(
    sync: &StoredValue,
    local: &StoredValue,
    managed: &StoredValue,
) -> SettingsReading {
    let user = user_settings(sync, local);
    let mut reading = read_settings(&user.values, managed);
    let unread = user.problems.into_iter().map(|p| Problem {
        field: p.field,
        message: p.message,
        source: Source::Sync,
    });
    reading.problems.splice(0..0, unread);
    reading
}

thread_local! {
    /// The last effective settings read by [`read_effective`], and what they were read from.
    static LAST_EFFECTIVE: RefCell<Option<(StoredValue, Settings)>> = const { RefCell::new(None) };
}

/// The settings in `stored`, the effective settings [`read_settings`] returned, checked again
/// (they come back from JavaScript); the last ones are kept, as every batch sends the same.
pub fn read_effective(stored: &StoredValue) -> Settings {
    LAST_EFFECTIVE.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((from, settings)) = last.as_ref() {
            if from == stored {
                return settings.clone();
            }
        }
        let settings = read_settings(stored, &StoredValue::Null).settings;
        *last = Some((stored.clone(), settings.clone()));
        settings
    })
}

fn checked(stored: &StoredValue) -> Checked {
    match stored {
        StoredValue::Null => Checked::default(),
        _ => check(stored),
    }
}

/// The finding as a problem, with what is used instead; `user_value` tells whether the user
/// has a usable value for the key a policy finding is about.
fn problem(finding: &Finding, source: Source, user_value: bool) -> Problem {
    let instead = match (finding.fallback, source) {
        (Fallback::Defaults, Source::Sync) => "using the defaults".to_owned(),
        (Fallback::Defaults, Source::Policy) => "the policy is ignored".to_owned(),
        (Fallback::Key, Source::Policy) if user_value => "using your own setting".to_owned(),
        (Fallback::Key, _) => format!("using the default, {}", describe_default(&finding.key)),
        (Fallback::Entry, _) => "entry left out".to_owned(),
        (Fallback::Tail, _) => "the entries past the limit are left out".to_owned(),
        (Fallback::Ignored, _) => "ignored".to_owned(),
    };
    Problem {
        field: finding.error.field().to_owned(),
        message: format!("{}; {instead}", finding.error),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_values::{obj, pool_entry, rule, s};
    use super::*;
    use crate::settings::{Rule, CALLER_IDS, DEFAULT_CALLER_ID, DEFAULT_COUNTRY, ENABLED, RULES};

    fn problems(reading: &SettingsReading) -> Vec<(&str, &str, Source)> {
        reading
            .problems
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str(), p.source))
            .collect()
    }

    #[test]
    fn nothing_stored_is_the_defaults() {
        for (sync, managed) in [
            (StoredValue::Null, StoredValue::Null),
            (obj(&[]), obj(&[])),
            (StoredValue::Null, obj(&[])),
        ] {
            let reading = read_settings(&sync, &managed);
            assert_eq!(reading.settings, Settings::default());
            assert!(reading.problems.is_empty());
            assert!(reading.warnings.is_empty());
            assert!(reading.locked.is_empty());
        }
    }

    #[test]
    fn user_values_apply_and_bad_ones_are_reported() {
        let sync = obj(&[
            (DEFAULT_COUNTRY, s("GB")),
            (ENABLED, s("yes")),
            (
                RULES,
                StoredValue::Array(vec![
                    rule("GB", "+442079460001"),
                    rule("XX", "+442079460001"),
                ]),
            ),
            ("theme", s("dark")),
        ]);
        let reading = read_settings(&sync, &StoredValue::Null);
        assert_eq!(reading.settings.default_country, "GB");
        assert!(reading.settings.enabled);
        assert_eq!(
            reading.settings.rules,
            [Rule {
                target: "GB".into(),
                caller_id: "+442079460001".into()
            }]
        );
        assert_eq!(
            problems(&reading),
            [
                ("enabled", "enabled: must be true or false, not the string “yes”; using the default, true", Source::Sync),
                ("rules[1].region", "rules[1].region: “XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212); entry left out", Source::Sync),
                ("theme", "theme: unknown setting; ignored", Source::Sync),
            ]
        );
        assert!(reading.locked.is_empty());
    }

    #[test]
    fn valid_policy_values_override_and_lock() {
        let sync = obj(&[
            (DEFAULT_COUNTRY, s("GB")),
            (DEFAULT_CALLER_ID, s("bad")),
            (ENABLED, StoredValue::Bool(false)),
        ]);
        let managed = obj(&[
            (DEFAULT_CALLER_ID, s("+18880001111")),
            (ENABLED, StoredValue::Bool(true)),
        ]);
        let reading = read_settings(&sync, &managed);
        assert_eq!(reading.settings.default_country, "GB");
        assert_eq!(reading.settings.default_caller_id, "+18880001111");
        assert!(reading.settings.enabled);
        // In KEYS order, whatever the policy's order.
        assert_eq!(reading.locked, [ENABLED, DEFAULT_CALLER_ID]);
        // The user's bad caller ID is not used anyway: not reported.
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
        // The policy's unlisted caller ID is.
        assert_eq!(
            reading.warnings,
            [FieldMessage {
                field: DEFAULT_CALLER_ID.into(),
                message: "defaultCallerId: +18880001111 is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console".into()
            }]
        );
    }

    #[test]
    fn invalid_policy_values_are_reported_and_do_not_lock() {
        // (user's stored pairs, policy pairs, effective default country, problems)
        type Case = (
            Vec<(&'static str, StoredValue)>,
            Vec<(&'static str, StoredValue)>,
            &'static str,
            Vec<(&'static str, &'static str, Source)>,
        );
        let cases: Vec<Case> = vec![
            (
                vec![(DEFAULT_COUNTRY, s("DE"))],
                vec![(DEFAULT_COUNTRY, s("Germany"))],
                "DE",
                vec![(DEFAULT_COUNTRY, "defaultCountry: “Germany” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using your own setting", Source::Policy)],
            ),
            (
                vec![],
                vec![(DEFAULT_COUNTRY, s("Germany"))],
                "US",
                vec![(DEFAULT_COUNTRY, "defaultCountry: “Germany” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using the default, US", Source::Policy)],
            ),
            (
                vec![(DEFAULT_COUNTRY, s("XX"))],
                vec![(DEFAULT_COUNTRY, StoredValue::Number(49.0))],
                "US",
                vec![
                    (DEFAULT_COUNTRY, "defaultCountry: “XX” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using the default, US", Source::Sync),
                    (DEFAULT_COUNTRY, "defaultCountry: must be a country code string such as \"US\", not the number 49; using the default, US", Source::Policy),
                ],
            ),
            (
                vec![(DEFAULT_COUNTRY, s("FR"))],
                vec![("colour", s("red"))],
                "FR",
                vec![("colour", "colour: unknown setting; ignored", Source::Policy)],
            ),
        ];
        for (sync, managed, country, want) in cases {
            let reading = read_settings(&obj(&sync), &obj(&managed));
            assert_eq!(reading.settings.default_country, country, "{managed:?}");
            assert!(reading.locked.is_empty(), "{managed:?}");
            assert_eq!(problems(&reading), want, "{managed:?}");
        }
    }

    #[test]
    fn a_policy_list_keeps_its_good_entries_and_locks() {
        let sync = obj(&[(RULES, StoredValue::Array(vec![rule("US", "+12125550100")]))]);
        let managed = obj(&[
            (
                RULES,
                StoredValue::Array(vec![
                    rule("GB", "+442079460001"),
                    rule("US-XX", "+12125550100"),
                ]),
            ),
            (CALLER_IDS, s("+18880001111")),
        ]);
        let reading = read_settings(&sync, &managed);
        assert_eq!(
            reading.settings.rules,
            [Rule {
                target: "GB".into(),
                caller_id: "+442079460001".into()
            }]
        );
        assert_eq!(reading.locked, [RULES]);
        assert_eq!(
            problems(&reading),
            [
                ("rules[1].region", "rules[1].region: “US-XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212); entry left out", Source::Policy),
                ("callerIds", "callerIds: must be a list of {\"number\", \"label\"} entries, not the string “+18880001111”; using the default, no caller IDs", Source::Policy),
            ]
        );
    }

    #[test]
    fn a_policy_of_real_size_is_used_whole() {
        let pool: Vec<StoredValue> = (0..1_000)
            .map(|i| pool_entry(&format!("+1303555{i:04}"), &format!("Office {i}")))
            .collect();
        let rules: Vec<StoredValue> = (0..500)
            .map(|i| rule(&format!("+1{}", 200_000 + i), "+13035550100"))
            .collect();
        let managed = obj(&[
            (CALLER_IDS, StoredValue::Array(pool)),
            (RULES, StoredValue::Array(rules)),
        ]);
        let reading = read_stored_settings(&StoredValue::Null, &StoredValue::Null, &managed);
        assert_eq!(reading.settings.caller_ids.len(), 1_000);
        assert_eq!(reading.settings.rules.len(), 500);
        assert_eq!(reading.locked, [CALLER_IDS, RULES]);
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    }

    #[test]
    fn non_objects_are_reported_whole() {
        let reading = read_settings(&s("x"), &StoredValue::Array(vec![]));
        assert_eq!(reading.settings, Settings::default());
        assert_eq!(
            problems(&reading),
            [
                ("", "settings must be an object of setting names and values, not the string “x”; using the defaults", Source::Sync),
                ("", "settings must be an object of setting names and values, not an array; the policy is ignored", Source::Policy),
            ]
        );
    }

    #[test]
    fn readings_serialize_in_the_js_shape() {
        let reading = read_settings(
            &obj(&[(ENABLED, s("no"))]),
            &obj(&[(DEFAULT_COUNTRY, s("CA"))]),
        );
        let json = serde_json::to_value(&reading).expect("serializes");
        assert_eq!(json["locked"], serde_json::json!(["defaultCountry"]));
        assert_eq!(json["settings"]["defaultCountry"], "CA");
        assert_eq!(
            json["problems"],
            serde_json::json!([{
                "field": "enabled",
                "message": "enabled: must be true or false, not the string “no”; using the default, true",
                "source": "sync",
            }])
        );
        assert_eq!(json["warnings"], serde_json::json!([]));
    }
}

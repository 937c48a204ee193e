//! The two lists, the pool of caller IDs and the rules: each entry checked on its own, the
//! bad ones left out and reported, the good ones kept.

use super::checked::{Checked, Fallback};
use super::fields::{caller_id_at, expect_str, label_at, required, target_at};
use super::{PoolNumber, Rule, StoredValue};
use crate::caller_id::CallerId;
use crate::error::SettingsError;
use std::collections::HashMap;

const CALLER_ID: &str = "an E.164 string such as \"+18880001111\"";
const LABEL: &str = "a string";
const TARGET: &str = "a string such as \"GB\", \"US-CA\" or \"+1212\"";

/// The most caller IDs the pool may hold: a local-presence pool has one per area code, and
/// the US and Canada have fewer than 500.
pub const MAX_CALLER_IDS: usize = 2_000;
/// The most rules there may be.
pub const MAX_RULES: usize = 1_000;

/// The keys an entry of a list has.
struct Shape {
    /// The keys, in the order the entry's reader takes their values.
    names: [&'static str; 2],
    /// The most entries the list may have, and what they are called in the message.
    max: (usize, &'static str),
    /// What an entry must be, for the message about an entry of another type.
    expected: &'static str,
    /// The keys, for the message about a key an entry does not have.
    known: &'static str,
}

const POOL_ENTRY: Shape = Shape {
    names: ["number", "label"],
    max: (MAX_CALLER_IDS, "caller IDs"),
    expected: "an object with number and label",
    known: "number and label",
};

const RULE_ENTRY: Shape = Shape {
    names: ["region", "callerId"],
    max: (MAX_RULES, "rules"),
    expected: "an object with region and callerId",
    known: "region and callerId",
};

/// One usable entry, as its reader gives it.
struct Entry<T> {
    /// What the list keeps.
    value: T,
    /// The field no later entry may repeat, and its value.
    unique: (String, String),
    /// The entry's caller ID and its field, to warn about when the plan does not list it.
    caller_id: (String, CallerId),
}

/// The good entries of the pool stored under `key`; each bad or repeated one is reported and
/// left out.
pub(super) fn check_pool(
    key: &'static str,
    items: &[StoredValue],
    out: &mut Checked,
) -> Vec<PoolNumber> {
    check_entries(key, items, &POOL_ENTRY, out, |path, [number, label]| {
        let number_field = format!("{path}.number");
        let label_field = format!("{path}.label");
        let number = required(&number_field, number)
            .and_then(|v| expect_str(&number_field, v, CALLER_ID))
            .and_then(|s| caller_id_at(&number_field, s));
        let label = match label {
            None => Ok(String::new()),
            Some(v) => expect_str(&label_field, v, LABEL).and_then(|s| label_at(&label_field, s)),
        };
        let (id, label) = both(number, label)?;
        Ok(Entry {
            value: PoolNumber {
                number: id.value.clone(),
                label,
            },
            unique: (number_field.clone(), id.value.clone()),
            caller_id: (number_field, id),
        })
    })
}

/// The good rules stored under `key`; each bad one, or one for a target an earlier rule has,
/// is reported and left out.
pub(super) fn check_rules(
    key: &'static str,
    items: &[StoredValue],
    out: &mut Checked,
) -> Vec<Rule> {
    check_entries(key, items, &RULE_ENTRY, out, |path, [target, caller_id]| {
        let target_field = format!("{path}.region");
        let caller_field = format!("{path}.callerId");
        let target = required(&target_field, target)
            .and_then(|v| expect_str(&target_field, v, TARGET))
            .and_then(|s| target_at(&target_field, s));
        let caller_id = required(&caller_field, caller_id)
            .and_then(|v| expect_str(&caller_field, v, CALLER_ID))
            .and_then(|s| caller_id_at(&caller_field, s));
        let (target, id) = both(target, caller_id)?;
        Ok(Entry {
            value: Rule {
                target: target.code(),
                caller_id: id.value.clone(),
            },
            unique: (target_field, target.code()),
            caller_id: (caller_field, id),
        })
    })
}

/// The good entries of the list stored under `key`, each read by `read` from its path and the
/// values of its keys; a bad entry, or one repeating an earlier entry's unique value, is
/// reported and left out, and a kept entry's unlisted caller ID is warned about. Entries past
/// the list's limit are reported once and left out.
fn check_entries<T>(
    key: &'static str,
    items: &[StoredValue],
    shape: &Shape,
    out: &mut Checked,
    read: impl Fn(&str, [Option<&StoredValue>; 2]) -> Result<Entry<T>, Vec<SettingsError>>,
) -> Vec<T> {
    let mut kept = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    let (max, what) = shape.max;
    if items.len() > max {
        out.finding(
            key,
            SettingsError::TooManyEntries {
                field: key.to_owned(),
                count: items.len(),
                max,
                what,
            },
            Fallback::Tail,
        );
    }
    for (index, item) in items.iter().take(max).enumerate() {
        let path = format!("{key}[{index}]");
        let Some(values) = entry_values(key, &path, item, shape, out) else {
            continue;
        };
        let entry = match read(&path, values) {
            Ok(entry) => entry,
            Err(errors) => {
                for err in errors {
                    out.finding(key, err, Fallback::Entry);
                }
                continue;
            }
        };
        let (field, unique) = entry.unique;
        if let Some(first) = first_at.get(&unique) {
            out.finding(
                key,
                SettingsError::Duplicate {
                    field,
                    value: unique,
                    first: format!("{key}[{first}]"),
                },
                Fallback::Entry,
            );
            continue;
        }
        first_at.insert(unique, index);
        let (field, id) = &entry.caller_id;
        out.warn(key, field, id);
        kept.push(entry.value);
    }
    kept
}

/// Both values, or every error of the two.
fn both<A, B>(
    a: Result<A, SettingsError>,
    b: Result<B, SettingsError>,
) -> Result<(A, B), Vec<SettingsError>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
    }
}

/// The values of an entry's keys (the last of repeated keys), reporting keys an entry does
/// not have; `None`, reported, when the entry is not an object.
fn entry_values<'a>(
    key: &'static str,
    path: &str,
    item: &'a StoredValue,
    shape: &Shape,
    out: &mut Checked,
) -> Option<[Option<&'a StoredValue>; 2]> {
    let Some((found, others)) = item.entry(shape.names) else {
        out.finding(
            key,
            SettingsError::WrongType {
                field: path.to_owned(),
                expected: shape.expected,
                found: item.describe(),
            },
            Fallback::Entry,
        );
        return None;
    };
    for name in others {
        out.finding(
            key,
            SettingsError::UnknownEntryKey {
                field: format!("{path}.{name}"),
                expected: shape.known,
            },
            Fallback::Ignored,
        );
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::super::keys::{check, CALLER_IDS, ENABLED, RULES};
    use super::super::test_values::*;
    use super::*;

    #[test]
    fn lists_keep_their_good_entries() {
        let stored = obj(&[
            (
                RULES,
                list(&[
                    rule("GB", "+442079460001"),
                    rule("US-XX", "+12125550100"),
                    rule("US-CA", "+14155550100"),
                    rule("GB", "+442079460002"),
                ]),
            ),
            (
                CALLER_IDS,
                list(&[
                    pool_entry("+13035550100", "Denver"),
                    obj(&[("number", s("+13035550101")), ("colour", s("red"))]),
                    pool_entry("303-555-0102", "Bad"),
                ]),
            ),
            (ENABLED, s("no")),
            ("theme", s("dark")),
        ]);
        let checked = check(&stored);
        let settings = &checked.settings;
        let targets: Vec<&str> = settings.rules.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["GB", "US-CA"]);
        assert_eq!(
            settings.rules.first().map(|r| r.caller_id.as_str()),
            Some("+442079460001")
        );
        let numbers: Vec<&str> = settings
            .caller_ids
            .iter()
            .map(|p| p.number.as_str())
            .collect();
        assert_eq!(numbers, ["+13035550100", "+13035550101"]);
        assert!(settings.enabled);
        let findings: Vec<(&str, &str, Fallback)> = checked
            .findings
            .iter()
            .map(|f| (f.key.as_str(), f.error.field(), f.fallback))
            .collect();
        assert_eq!(
            findings,
            [
                (RULES, "rules[1].region", Fallback::Entry),
                (RULES, "rules[3].region", Fallback::Entry),
                (CALLER_IDS, "callerIds[1].colour", Fallback::Ignored),
                (CALLER_IDS, "callerIds[2].number", Fallback::Entry),
                (ENABLED, "enabled", Fallback::Key),
                ("theme", "theme", Fallback::Ignored),
            ]
        );
    }

    #[test]
    fn lists_past_their_limit_keep_the_first_entries_and_say_so() {
        let pool: Vec<StoredValue> = (0..=MAX_CALLER_IDS)
            .map(|i| pool_entry(&format!("+1303555{i:04}"), ""))
            .collect();
        let rules: Vec<StoredValue> = (0..=MAX_RULES)
            .map(|i| rule(&format!("+1{:06}", 200_000 + i), "+13035550100"))
            .collect();
        let checked = check(&obj(&[(CALLER_IDS, list(&pool)), (RULES, list(&rules))]));
        assert_eq!(checked.settings.caller_ids.len(), MAX_CALLER_IDS);
        assert_eq!(checked.settings.rules.len(), MAX_RULES);
        let messages: Vec<String> = checked
            .findings
            .iter()
            .map(|f| f.error.to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "callerIds: 2,001 entries; at most 2,000 caller IDs are allowed",
                "rules: 1,001 entries; at most 1,000 rules are allowed",
            ]
        );
    }
}

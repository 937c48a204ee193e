//! The two lists, the pool of caller IDs and the rules: each entry checked on its own, the
//! bad ones left out and reported, the good ones kept.

use super::checked::{Checked, Fallback};
use super::fields::{caller_id_at, expect_str, label_at, required, target_at};
use super::{PoolNumber, Rule, StoredValue};
use crate::error::SettingsError;
use std::collections::HashMap;

const CALLER_ID: &str = "an E.164 string such as \"+18880001111\"";
const POOL_ENTRY: &str = "an object with number and label";
const POOL_KEYS: &str = "number and label";
const LABEL: &str = "a string";
const RULE_ENTRY: &str = "an object with region and callerId";
const RULE_KEYS: &str = "region and callerId";
const TARGET: &str = "a string such as \"GB\", \"US-CA\" or \"+1212\"";

/// The good entries of the pool stored under `key`; each bad or repeated one is reported and
/// left out.
pub(super) fn check_pool(
    key: &'static str,
    items: &[StoredValue],
    out: &mut Checked,
) -> Vec<PoolNumber> {
    let mut kept = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let path = format!("{key}[{index}]");
        let Some([number, label]) = entry_fields(
            key,
            &path,
            item,
            ["number", "label"],
            POOL_ENTRY,
            POOL_KEYS,
            out,
        ) else {
            continue;
        };
        let number_field = format!("{path}.number");
        let label_field = format!("{path}.label");
        let number = required(&number_field, number)
            .and_then(|v| expect_str(&number_field, v, CALLER_ID))
            .and_then(|s| caller_id_at(&number_field, s));
        let label = match label {
            None => Ok(String::new()),
            Some(v) => expect_str(&label_field, v, LABEL).and_then(|s| label_at(&label_field, s)),
        };
        let (id, label) = match (number, label) {
            (Ok(id), Ok(label)) => (id, label),
            (number, label) => {
                for err in [number.err(), label.err()].into_iter().flatten() {
                    out.finding(key, err, Fallback::Entry);
                }
                continue;
            }
        };
        if let Some(first) = first_at.get(&id.value) {
            out.finding(
                key,
                SettingsError::Duplicate {
                    field: number_field,
                    value: id.value,
                    first: format!("{key}[{first}]"),
                },
                Fallback::Entry,
            );
            continue;
        }
        first_at.insert(id.value.clone(), index);
        out.warn(key, &number_field, &id);
        kept.push(PoolNumber {
            number: id.value,
            label,
        });
    }
    kept
}

/// The good rules stored under `key`; each bad one, or one for a target an earlier rule has,
/// is reported and left out.
pub(super) fn check_rules(
    key: &'static str,
    items: &[StoredValue],
    out: &mut Checked,
) -> Vec<Rule> {
    let mut kept = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let path = format!("{key}[{index}]");
        let Some([target, caller_id]) = entry_fields(
            key,
            &path,
            item,
            ["region", "callerId"],
            RULE_ENTRY,
            RULE_KEYS,
            out,
        ) else {
            continue;
        };
        let target_field = format!("{path}.region");
        let caller_field = format!("{path}.callerId");
        let target = required(&target_field, target)
            .and_then(|v| expect_str(&target_field, v, TARGET))
            .and_then(|s| target_at(&target_field, s));
        let caller_id = required(&caller_field, caller_id)
            .and_then(|v| expect_str(&caller_field, v, CALLER_ID))
            .and_then(|s| caller_id_at(&caller_field, s));
        let (target, id) = match (target, caller_id) {
            (Ok(target), Ok(id)) => (target.code(), id),
            (target, caller_id) => {
                for err in [target.err(), caller_id.err()].into_iter().flatten() {
                    out.finding(key, err, Fallback::Entry);
                }
                continue;
            }
        };
        if let Some(first) = first_at.get(&target) {
            out.finding(
                key,
                SettingsError::Duplicate {
                    field: target_field,
                    value: target,
                    first: format!("{key}[{first}]"),
                },
                Fallback::Entry,
            );
            continue;
        }
        first_at.insert(target.clone(), index);
        out.warn(key, &caller_field, &id);
        kept.push(Rule {
            target,
            caller_id: id.value,
        });
    }
    kept
}

/// The values of an entry's `names` (the last of repeated keys), reporting keys an entry
/// does not have; `None`, reported, when the entry is not an object.
fn entry_fields<'a, const N: usize>(
    key: &'static str,
    path: &str,
    item: &'a StoredValue,
    names: [&str; N],
    expected: &'static str,
    known: &'static str,
    out: &mut Checked,
) -> Option<[Option<&'a StoredValue>; N]> {
    let StoredValue::Object(pairs) = item else {
        out.finding(
            key,
            SettingsError::WrongType {
                field: path.to_owned(),
                expected,
                found: item.describe(),
            },
            Fallback::Entry,
        );
        return None;
    };
    let mut found = [None; N];
    for (name, value) in pairs {
        match names.iter().position(|known| known == name) {
            Some(at) => {
                if let Some(slot) = found.get_mut(at) {
                    *slot = Some(value);
                }
            }
            None => out.finding(
                key,
                SettingsError::UnknownEntryKey {
                    field: format!("{path}.{name}"),
                    expected: known,
                },
                Fallback::Ignored,
            ),
        }
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
}

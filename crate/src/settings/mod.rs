//! Settings: what they are, their defaults, and the checks that turn stored values into them.
//!
//! The keys, the same in `chrome.storage.sync` and in the administrator's policy: `enabled`,
//! `defaultCountry`, `defaultCallerId`, `callerIds` (the pool, `[{number, label}]`), `rules`
//! (`[{region, callerId}]`), `localPresence`, `recordCallerIdField`, `linkTemplate` and
//! `dialedNumberFormat`.
//!
//! [`check`] never fails: every value is either used or reported as a [`Finding`] naming its
//! field (`rules[2].region`). A value that fails falls back to its default, except in the two
//! lists, where only the bad entries are left out (each reported) and the good ones kept, so
//! one mistyped rule does not lose the others. Unknown keys are reported and ignored, also
//! inside entries. Caller IDs the numbering plan does not list are used, with a warning.
//!
//! [`validate_settings`] is the strict form, for saving from the popup and importing a file:
//! any finding refuses the candidate, and [`settings_problems`] lists them all. Merging the
//! user's values with the policy's is [`read_settings`]'s.

use crate::caller_id::{check_caller_id, suggest_caller_id, CallerId};
use crate::error::{Quoted, SettingsError, ValueError};
use crate::link::{Template, DEFAULT_TEMPLATE};
use crate::numbering::metadata;
use crate::target::Target;
use serde::Serialize;
use std::collections::HashMap;

mod read;
mod stored;

pub use read::{read_settings, Problem, SettingsReading, Source};
pub use stored::StoredValue;

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

/// Every key, in the order settings are shown.
pub const KEYS: [&str; 9] = [
    ENABLED,
    DEFAULT_COUNTRY,
    DEFAULT_CALLER_ID,
    CALLER_IDS,
    RULES,
    LOCAL_PRESENCE,
    RECORD_CALLER_ID_FIELD,
    LINK_TEMPLATE,
    DIALED_NUMBER_FORMAT,
];

/// The record field 8x8's own Salesforce method uses.
pub const DEFAULT_RECORD_FIELD: &str = "FromCallerID__c";
/// Longest pool label, in characters.
pub const MAX_LABEL_CHARS: usize = 60;
/// Longest record field name, in characters (Salesforce's API names are shorter).
const MAX_FIELD_NAME_CHARS: usize = 80;

/// One number of the pool: a caller ID shared with the user in 8x8 Admin Console.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PoolNumber {
    /// The caller ID, E.164.
    pub number: String,
    /// A name for people (`Denver office`); may be empty.
    pub label: String,
}

/// A caller-ID rule: numbers of `target` are called from `caller_id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// A country (`GB`), a subdivision (`US-CA`), or an E.164 prefix (`+1212`): a
    /// [`Target`], stored under the key `region`.
    #[serde(rename = "region")]
    pub target: String,
    /// The caller ID, E.164.
    pub caller_id: String,
}

/// How `{number}` is written in the link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberFormat {
    /// `+14155551212`.
    #[default]
    E164,
    /// The digits a caller in the number's country dials (`4155551212`, `02079460958`).
    National,
}

impl NumberFormat {
    /// The stored value: `e164` or `national`.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberFormat::E164 => "e164",
            NumberFormat::National => "national",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        [NumberFormat::E164, NumberFormat::National]
            .into_iter()
            .find(|format| format.as_str() == value)
    }
}

/// The settings in effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Whether links are rewritten at all.
    pub enabled: bool,
    /// Country for numbers written without `+` (ISO 3166-1 alpha-2).
    pub default_country: String,
    /// Caller ID used when nothing more specific applies, E.164; empty for none.
    pub default_caller_id: String,
    /// The pool, in the order the user or administrator listed it.
    pub caller_ids: Vec<PoolNumber>,
    /// Caller-ID rules by target.
    pub rules: Vec<Rule>,
    /// Whether to choose from the pool by the callee's place when no rule applies.
    pub local_presence: bool,
    /// The record field whose value, when a valid caller ID, wins for the record's numbers;
    /// empty for none.
    pub record_caller_id_field: String,
    /// The link template.
    pub link_template: String,
    /// How `{number}` is written.
    pub dialed_number_format: NumberFormat,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            default_country: "US".to_owned(),
            default_caller_id: String::new(),
            caller_ids: Vec::new(),
            rules: Vec::new(),
            local_presence: true,
            record_caller_id_field: DEFAULT_RECORD_FIELD.to_owned(),
            link_template: DEFAULT_TEMPLATE.to_owned(),
            dialed_number_format: NumberFormat::E164,
        }
    }
}

/// A message about one field (`rules[2].region`; empty for the whole settings object).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldMessage {
    /// The path of the value.
    pub field: String,
    /// What is wrong, or worth knowing, naming the field.
    pub message: String,
}

impl From<&SettingsError> for FieldMessage {
    fn from(err: &SettingsError) -> Self {
        FieldMessage {
            field: err.field().to_owned(),
            message: err.to_string(),
        }
    }
}

/// What [`validate_settings`] returns: the settings and what is worth knowing about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Validated {
    /// The settings, with defaults for missing keys.
    pub settings: Settings,
    /// Caller IDs accepted though the numbering plan does not list them.
    pub warnings: Vec<FieldMessage>,
}

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

/// The checked value of one key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `enabled`.
    Enabled(bool),
    /// `defaultCountry`.
    DefaultCountry(String),
    /// `defaultCallerId`.
    DefaultCallerId(String),
    /// `callerIds`, good entries only.
    CallerIds(Vec<PoolNumber>),
    /// `rules`, good entries only.
    CountryPlan(Vec<Rule>),
    /// `localPresence`.
    LocalPresence(bool),
    /// `recordCallerIdField`.
    RecordCallerIdField(String),
    /// `linkTemplate`.
    LinkTemplate(String),
    /// `dialedNumberFormat`.
    DialedNumberFormat(NumberFormat),
}

impl Value {
    /// The key this is the value of.
    pub fn key(&self) -> &'static str {
        match self {
            Value::Enabled(_) => ENABLED,
            Value::DefaultCountry(_) => DEFAULT_COUNTRY,
            Value::DefaultCallerId(_) => DEFAULT_CALLER_ID,
            Value::CallerIds(_) => CALLER_IDS,
            Value::CountryPlan(_) => RULES,
            Value::LocalPresence(_) => LOCAL_PRESENCE,
            Value::RecordCallerIdField(_) => RECORD_CALLER_ID_FIELD,
            Value::LinkTemplate(_) => LINK_TEMPLATE,
            Value::DialedNumberFormat(_) => DIALED_NUMBER_FORMAT,
        }
    }

    /// Sets this value in `settings`.
    pub fn apply(self, settings: &mut Settings) {
        match self {
            Value::Enabled(v) => settings.enabled = v,
            Value::DefaultCountry(v) => settings.default_country = v,
            Value::DefaultCallerId(v) => settings.default_caller_id = v,
            Value::CallerIds(v) => settings.caller_ids = v,
            Value::CountryPlan(v) => settings.rules = v,
            Value::LocalPresence(v) => settings.local_presence = v,
            Value::RecordCallerIdField(v) => settings.record_caller_id_field = v,
            Value::LinkTemplate(v) => settings.link_template = v,
            Value::DialedNumberFormat(v) => settings.dialed_number_format = v,
        }
    }
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

    fn finding(&mut self, key: &str, error: SettingsError, fallback: Fallback) {
        self.findings.push(Finding {
            key: key.to_owned(),
            error,
            fallback,
        });
    }

    fn warn(&mut self, key: &'static str, field: &str, caller_id: &CallerId) {
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

/// The strict check for saving and import: the settings (defaults for missing keys), or the
/// first problem.
pub fn validate_settings(candidate: &StoredValue) -> Result<Validated, SettingsError> {
    let mut checked = check(candidate);
    if !checked.findings.is_empty() {
        return Err(checked.findings.swap_remove(0).error);
    }
    Ok(Validated {
        settings: checked.settings(),
        warnings: checked.warnings.into_iter().map(|w| w.note).collect(),
    })
}

/// Every problem [`validate_settings`] would refuse `candidate` for; empty when valid.
pub fn settings_problems(candidate: &StoredValue) -> Vec<FieldMessage> {
    check(candidate)
        .findings
        .iter()
        .map(|finding| FieldMessage::from(&finding.error))
        .collect()
}

/// The default of `key`, for a message saying it is used instead.
pub fn describe_default(key: &str) -> String {
    let d = Settings::default();
    match key {
        ENABLED => d.enabled.to_string(),
        DEFAULT_COUNTRY => d.default_country,
        DEFAULT_CALLER_ID => "no caller ID".to_owned(),
        CALLER_IDS => "no caller IDs".to_owned(),
        RULES => "no rules".to_owned(),
        LOCAL_PRESENCE => d.local_presence.to_string(),
        RECORD_CALLER_ID_FIELD => d.record_caller_id_field,
        LINK_TEMPLATE => d.link_template,
        DIALED_NUMBER_FORMAT => d.dialed_number_format.as_str().to_owned(),
        _ => "nothing".to_owned(),
    }
}

const BOOLEAN: &str = "true or false";
const COUNTRY: &str = "a country code string such as \"US\"";
const OPTIONAL_CALLER_ID: &str = "an E.164 string such as \"+18880001111\", or \"\"";
const CALLER_ID: &str = "an E.164 string such as \"+18880001111\"";
const POOL: &str = "a list of {\"number\", \"label\"} entries";
const POOL_ENTRY: &str = "an object with number and label";
const POOL_KEYS: &str = "number and label";
const LABEL: &str = "a string";
const RULE_LIST: &str = "a list of {\"region\", \"callerId\"} entries";
const RULE_ENTRY: &str = "an object with region and callerId";
const RULE_KEYS: &str = "region and callerId";
const TARGET: &str = "a string such as \"GB\", \"US-CA\" or \"+1212\"";
const FIELD_NAME: &str = "a field API name string such as \"FromCallerID__c\", or \"\"";
const TEMPLATE: &str = "a link template string such as \"callto://{number}/{callerId}\"";
const NUMBER_FORMAT: &str = "\"e164\" or \"national\"";

/// Checks the value of a known key; `None` for an unknown key.
fn check_key(
    key: &str,
    value: &StoredValue,
    out: &mut Checked,
) -> Option<Result<Value, SettingsError>> {
    let checked = match key {
        ENABLED => expect_bool(key, value).map(Value::Enabled),
        DEFAULT_COUNTRY => expect_str(key, value, COUNTRY)
            .and_then(|s| country_at(key, s))
            .map(Value::DefaultCountry),
        DEFAULT_CALLER_ID => expect_str(key, value, OPTIONAL_CALLER_ID).and_then(|s| {
            if s.is_empty() {
                return Ok(Value::DefaultCallerId(String::new()));
            }
            let id = caller_id_at(DEFAULT_CALLER_ID, s)?;
            out.warn(DEFAULT_CALLER_ID, DEFAULT_CALLER_ID, &id);
            Ok(Value::DefaultCallerId(id.value))
        }),
        CALLER_IDS => check_pool(value, out).map(Value::CallerIds),
        RULES => check_rules(value, out).map(Value::CountryPlan),
        LOCAL_PRESENCE => expect_bool(key, value).map(Value::LocalPresence),
        RECORD_CALLER_ID_FIELD => expect_str(key, value, FIELD_NAME)
            .and_then(|s| field_name_at(key, s))
            .map(Value::RecordCallerIdField),
        LINK_TEMPLATE => expect_str(key, value, TEMPLATE)
            .and_then(|s| template_at(key, s))
            .map(|t| Value::LinkTemplate(t.as_str().to_owned())),
        DIALED_NUMBER_FORMAT => expect_str(key, value, NUMBER_FORMAT).and_then(|s| {
            NumberFormat::parse(s)
                .map(Value::DialedNumberFormat)
                .ok_or_else(|| {
                    SettingsError::bad_value(
                        key,
                        ValueError::NumberFormat {
                            value: Quoted::new(s),
                        },
                    )
                })
        }),
        _ => return None,
    };
    Some(checked)
}

/// The pool's good entries; each bad or repeated one is reported and left out.
fn check_pool(value: &StoredValue, out: &mut Checked) -> Result<Vec<PoolNumber>, SettingsError> {
    let items = expect_array(CALLER_IDS, value, POOL)?;
    let mut kept = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let path = format!("{CALLER_IDS}[{index}]");
        let Some([number, label]) = entry_fields(
            CALLER_IDS,
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
                    out.finding(CALLER_IDS, err, Fallback::Entry);
                }
                continue;
            }
        };
        if let Some(first) = first_at.get(&id.value) {
            out.finding(
                CALLER_IDS,
                SettingsError::Duplicate {
                    field: number_field,
                    value: id.value,
                    first: format!("{CALLER_IDS}[{first}]"),
                },
                Fallback::Entry,
            );
            continue;
        }
        first_at.insert(id.value.clone(), index);
        out.warn(CALLER_IDS, &number_field, &id);
        kept.push(PoolNumber {
            number: id.value,
            label,
        });
    }
    Ok(kept)
}

/// The good rules; each bad one, or one for a target an earlier rule has, is reported and
/// left out.
fn check_rules(value: &StoredValue, out: &mut Checked) -> Result<Vec<Rule>, SettingsError> {
    let items = expect_array(RULES, value, RULE_LIST)?;
    let mut kept = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let path = format!("{RULES}[{index}]");
        let Some([target, caller_id]) = entry_fields(
            RULES,
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
                    out.finding(RULES, err, Fallback::Entry);
                }
                continue;
            }
        };
        if let Some(first) = first_at.get(&target) {
            out.finding(
                RULES,
                SettingsError::Duplicate {
                    field: target_field,
                    value: target,
                    first: format!("{RULES}[{first}]"),
                },
                Fallback::Entry,
            );
            continue;
        }
        first_at.insert(target.clone(), index);
        out.warn(RULES, &caller_field, &id);
        kept.push(Rule {
            target,
            caller_id: id.value,
        });
    }
    Ok(kept)
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

fn required<'a>(
    field: &str,
    value: Option<&'a StoredValue>,
) -> Result<&'a StoredValue, SettingsError> {
    value.ok_or_else(|| SettingsError::Missing {
        field: field.to_owned(),
    })
}

fn wrong_type(field: &str, expected: &'static str, value: &StoredValue) -> SettingsError {
    SettingsError::WrongType {
        field: field.to_owned(),
        expected,
        found: value.describe(),
    }
}

fn expect_bool(field: &str, value: &StoredValue) -> Result<bool, SettingsError> {
    match value {
        StoredValue::Bool(b) => Ok(*b),
        _ => Err(wrong_type(field, BOOLEAN, value)),
    }
}

fn expect_str<'a>(
    field: &str,
    value: &'a StoredValue,
    expected: &'static str,
) -> Result<&'a str, SettingsError> {
    match value {
        StoredValue::String(s) => Ok(s),
        _ => Err(wrong_type(field, expected, value)),
    }
}

fn expect_array<'a>(
    field: &str,
    value: &'a StoredValue,
    expected: &'static str,
) -> Result<&'a [StoredValue], SettingsError> {
    match value {
        StoredValue::Array(items) => Ok(items),
        _ => Err(wrong_type(field, expected, value)),
    }
}

/// A country the numbering plan knows, for the setting at `field`.
pub fn country_at(field: &str, value: &str) -> Result<String, SettingsError> {
    if metadata::is_known_country(value) {
        Ok(value.to_owned())
    } else {
        Err(SettingsError::bad_value(
            field,
            ValueError::UnknownCountry {
                value: Quoted::new(value),
            },
        ))
    }
}

/// An E.164 caller ID for the setting at `field`; the refusal suggests the E.164 form of a
/// pasted value.
pub fn caller_id_at(field: &str, value: &str) -> Result<CallerId, SettingsError> {
    check_caller_id(value).map_err(|err| {
        let hint = suggest_caller_id(value)
            .map(|e164| format!(" (did you mean {e164}?)"))
            .unwrap_or_default();
        SettingsError::BadValue {
            field: field.to_owned(),
            message: format!("{err}{hint}"),
        }
    })
}

/// A rule target for the setting at `field`.
pub fn target_at(field: &str, value: &str) -> Result<Target, SettingsError> {
    Target::parse(value).map_err(|err| SettingsError::bad_value(field, err))
}

/// A link template for the setting at `field`.
pub fn template_at(field: &str, value: &str) -> Result<Template, SettingsError> {
    Template::new(value).map_err(|err| SettingsError::bad_value(field, err))
}

fn label_at(field: &str, value: &str) -> Result<String, SettingsError> {
    if let Some(bad) = value.chars().find(|c| c.is_control()) {
        return Err(SettingsError::bad_value(
            field,
            ValueError::LabelControlCharacter {
                value: Quoted::new(value),
                found: format!("U+{:04X}", u32::from(bad)),
            },
        ));
    }
    let chars = value.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(SettingsError::bad_value(
            field,
            ValueError::LabelTooLong {
                value: Quoted::new(value),
                chars,
                max: MAX_LABEL_CHARS,
            },
        ));
    }
    Ok(value.to_owned())
}

fn field_name_at(field: &str, value: &str) -> Result<String, SettingsError> {
    let mut chars = value.chars();
    let shaped = match chars.next() {
        None => true,
        Some(first) => {
            first.is_ascii_alphabetic()
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
                && value.len() <= MAX_FIELD_NAME_CHARS
        }
    };
    if shaped {
        Ok(value.to_owned())
    } else {
        Err(SettingsError::bad_value(
            field,
            ValueError::FieldName {
                value: Quoted::new(value),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> StoredValue {
        StoredValue::string(v)
    }

    fn obj(pairs: &[(&str, StoredValue)]) -> StoredValue {
        StoredValue::object(pairs.iter().map(|(k, v)| (*k, v.clone())))
    }

    fn list(items: &[StoredValue]) -> StoredValue {
        StoredValue::Array(items.to_vec())
    }

    fn pool_entry(number: &str, label: &str) -> StoredValue {
        obj(&[("number", s(number)), ("label", s(label))])
    }

    fn rule(target: &str, caller_id: &str) -> StoredValue {
        obj(&[("region", s(target)), ("callerId", s(caller_id))])
    }

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
            })
        );
        let keys: Vec<String> = json
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let mut sorted_keys = KEYS.map(str::to_owned).to_vec();
        sorted_keys.sort();
        assert_eq!(keys, sorted_keys);
        let checked = check(&obj(&[]));
        assert_eq!(checked, Checked::default());
        assert_eq!(checked.settings(), Settings::default());
    }

    #[test]
    fn good_values_are_used() {
        let stored = obj(&[
            (ENABLED, StoredValue::Bool(false)),
            (DEFAULT_COUNTRY, s("GB")),
            (DEFAULT_CALLER_ID, s("+442079460001")),
            (
                CALLER_IDS,
                list(&[
                    pool_entry("+13035550100", "Denver"),
                    obj(&[("number", s("+12125550100"))]),
                ]),
            ),
            (
                RULES,
                list(&[rule("US-CA", "+14155550100"), rule("+1212", "+12125550100")]),
            ),
            (LOCAL_PRESENCE, StoredValue::Bool(false)),
            (RECORD_CALLER_ID_FIELD, s("Caller_ID__c")),
            (LINK_TEMPLATE, s("tel:{number}")),
            (DIALED_NUMBER_FORMAT, s("national")),
        ]);
        let validated = validate_settings(&stored).expect("valid");
        assert_eq!(
            validated.settings,
            Settings {
                enabled: false,
                default_country: "GB".into(),
                default_caller_id: "+442079460001".into(),
                caller_ids: vec![
                    PoolNumber {
                        number: "+13035550100".into(),
                        label: "Denver".into()
                    },
                    PoolNumber {
                        number: "+12125550100".into(),
                        label: String::new()
                    },
                ],
                rules: vec![
                    Rule {
                        target: "US-CA".into(),
                        caller_id: "+14155550100".into()
                    },
                    Rule {
                        target: "+1212".into(),
                        caller_id: "+12125550100".into()
                    },
                ],
                local_presence: false,
                record_caller_id_field: "Caller_ID__c".into(),
                link_template: "tel:{number}".into(),
                dialed_number_format: NumberFormat::National,
            }
        );
        assert_eq!(settings_problems(&stored), vec![]);
        // The empty record field turns the record step off.
        let off = validate_settings(&obj(&[(RECORD_CALLER_ID_FIELD, s(""))])).expect("valid");
        assert_eq!(off.settings.record_caller_id_field, "");
    }

    #[test]
    fn every_refusal_names_its_field() {
        let long_label = "L".repeat(61);
        // (key, stored value, [(field, message)])
        type Case<'a> = (&'a str, StoredValue, Vec<(&'a str, String)>);
        let cases: Vec<Case> = vec![
            (ENABLED, s("yes"), vec![("enabled", "enabled: must be true or false, not the string “yes”".into())]),
            (LOCAL_PRESENCE, StoredValue::Null, vec![("localPresence", "localPresence: must be true or false, not null".into())]),
            (DEFAULT_COUNTRY, s("XX"), vec![("defaultCountry", "defaultCountry: “XX” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US".into())]),
            (DEFAULT_COUNTRY, s("us"), vec![("defaultCountry", "defaultCountry: “us” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US".into())]),
            (DEFAULT_COUNTRY, StoredValue::Number(1.0), vec![("defaultCountry", "defaultCountry: must be a country code string such as \"US\", not the number 1".into())]),
            (DEFAULT_CALLER_ID, s("+1 (888) 000-1111"), vec![("defaultCallerId", "defaultCallerId: caller ID “+1 (888) 000-1111” contains a space; write it in E.164, like +18880001111 (only + and digits) (did you mean +18880001111?)".into())]),
            (DEFAULT_CALLER_ID, s("8880001111"), vec![("defaultCallerId", "defaultCallerId: caller ID “8880001111” must start with + and the country calling code; write it in E.164, like +18880001111".into())]),
            (DEFAULT_CALLER_ID, list(&[]), vec![("defaultCallerId", "defaultCallerId: must be an E.164 string such as \"+18880001111\", or \"\", not an array".into())]),
            (CALLER_IDS, s("+18880001111"), vec![("callerIds", "callerIds: must be a list of {\"number\", \"label\"} entries, not the string “+18880001111”".into())]),
            (CALLER_IDS, list(&[s("+18880001111")]), vec![("callerIds[0]", "callerIds[0]: must be an object with number and label, not the string “+18880001111”".into())]),
            (CALLER_IDS, list(&[obj(&[("label", s("Main"))])]), vec![("callerIds[0].number", "callerIds[0].number: missing".into())]),
            (CALLER_IDS, list(&[obj(&[("number", StoredValue::Number(5.0))])]), vec![("callerIds[0].number", "callerIds[0].number: must be an E.164 string such as \"+18880001111\", not the number 5".into())]),
            (CALLER_IDS, list(&[pool_entry("", "Main")]), vec![("callerIds[0].number", "callerIds[0].number: the caller ID is empty; write it in E.164, like +18880001111".into())]),
            (CALLER_IDS, list(&[pool_entry("+1888", "Main")]), vec![("callerIds[0].number", "callerIds[0].number: caller ID “+1888” is too short for country calling code +1: 3 digits after +1, expected 10 digits".into())]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", &long_label)]), vec![("callerIds[0].label", format!("callerIds[0].label: label {} has 61 characters; at most 60 are allowed", Quoted::new(&long_label)))]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", "Main\nline")]), vec![("callerIds[0].label", "callerIds[0].label: label “Main\\u{000A}line” contains the control character U+000A".into())]),
            (CALLER_IDS, list(&[obj(&[("number", s("+18880001111")), ("label", StoredValue::Bool(true))])]), vec![("callerIds[0].label", "callerIds[0].label: must be a string, not the boolean true".into())]),
            (CALLER_IDS, list(&[obj(&[("number", s("+1")), ("label", s("a\u{7}"))])]), vec![
                ("callerIds[0].number", "callerIds[0].number: caller ID “+1” is too short for country calling code +1: 0 digits after +1, expected 10 digits".into()),
                ("callerIds[0].label", "callerIds[0].label: label “a\\u{0007}” contains the control character U+0007".into()),
            ]),
            (CALLER_IDS, list(&[obj(&[("number", s("+18880001111")), ("colour", s("red"))])]), vec![("callerIds[0].colour", "callerIds[0].colour: unknown key; an entry has number and label".into())]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", "A"), pool_entry("+13035550100", "B"), pool_entry("+18880001111", "C")]), vec![("callerIds[2].number", "callerIds[2].number: +18880001111 is listed twice (first at callerIds[0])".into())]),
            (RULES, obj(&[]), vec![("rules", "rules: must be a list of {\"region\", \"callerId\"} entries, not an object".into())]),
            (RULES, list(&[StoredValue::Null]), vec![("rules[0]", "rules[0]: must be an object with region and callerId, not null".into())]),
            (RULES, list(&[obj(&[])]), vec![
                ("rules[0].region", "rules[0].region: missing".into()),
                ("rules[0].callerId", "rules[0].callerId: missing".into()),
            ]),
            (RULES, list(&[rule("GB", "+442079460001"), rule("CA-ON", "+14165550100"), rule("US-XX", "+12125550100")]), vec![("rules[2].region", "rules[2].region: “US-XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)".into())]),
            (RULES, list(&[rule("+1 212", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+1 212” is not an E.164 prefix: it contains a space (write + and digits only, like +1212)".into())]),
            (RULES, list(&[rule("+999", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+999” is not an E.164 prefix: it does not start with a known country calling code".into())]),
            (RULES, list(&[rule("+1", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+1” is not an E.164 prefix: it has 1 digits after +, expected 2 to 15".into())]),
            (RULES, list(&[obj(&[("region", StoredValue::Number(44.0)), ("callerId", s("+12125550100"))])]), vec![("rules[0].region", "rules[0].region: must be a string such as \"GB\", \"US-CA\" or \"+1212\", not the number 44".into())]),
            (RULES, list(&[rule("GB", "020 7946 0001")]), vec![("rules[0].callerId", "rules[0].callerId: caller ID “020 7946 0001” must start with + and the country calling code; write it in E.164, like +18880001111".into())]),
            (RULES, list(&[rule("US-CA", "+14155550100"), rule("US-CA", "+14155550101")]), vec![("rules[1].region", "rules[1].region: US-CA is listed twice (first at rules[0])".into())]),
            (RULES, list(&[obj(&[("region", s("GB")), ("callerId", s("+442079460001")), ("note", s("x"))])]), vec![("rules[0].note", "rules[0].note: unknown key; an entry has region and callerId".into())]),
            (RECORD_CALLER_ID_FIELD, s("From Caller ID"), vec![("recordCallerIdField", "recordCallerIdField: “From Caller ID” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor \"\" for none".into())]),
            (RECORD_CALLER_ID_FIELD, s("_x"), vec![("recordCallerIdField", "recordCallerIdField: “_x” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor \"\" for none".into())]),
            (RECORD_CALLER_ID_FIELD, StoredValue::Bool(false), vec![("recordCallerIdField", "recordCallerIdField: must be a field API name string such as \"FromCallerID__c\", or \"\", not the boolean false".into())]),
            (LINK_TEMPLATE, s("javascript:alert({number})"), vec![("linkTemplate", "linkTemplate: link template “javascript:alert({number})” uses the scheme javascript:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:".into())]),
            (LINK_TEMPLATE, s("https://dial.example/{number}"), vec![("linkTemplate", "linkTemplate: link template “https://dial.example/{number}” uses the scheme https:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:".into())]),
            (LINK_TEMPLATE, s("callto://{callerId}"), vec![("linkTemplate", "linkTemplate: link template “callto://{callerId}” has no {number} placeholder".into())]),
            (LINK_TEMPLATE, s("callto://{number}/{from}"), vec![("linkTemplate", "linkTemplate: link template “callto://{number}/{from}” has an unknown placeholder {from}".into())]),
            (LINK_TEMPLATE, StoredValue::Null, vec![("linkTemplate", "linkTemplate: must be a link template string such as \"callto://{number}/{callerId}\", not null".into())]),
            (DIALED_NUMBER_FORMAT, s("E164"), vec![("dialedNumberFormat", "dialedNumberFormat: “E164” is not a number format; use \"e164\" or \"national\"".into())]),
            (DIALED_NUMBER_FORMAT, StoredValue::Bool(true), vec![("dialedNumberFormat", "dialedNumberFormat: must be \"e164\" or \"national\", not the boolean true".into())]),
            ("theme", s("dark"), vec![("theme", "theme: unknown setting".into())]),
        ];
        for (key, value, want) in cases {
            let candidate = obj(&[(key, value.clone())]);
            let got = settings_problems(&candidate);
            let want: Vec<FieldMessage> = want
                .into_iter()
                .map(|(field, message)| FieldMessage {
                    field: field.to_owned(),
                    message,
                })
                .collect();
            assert_eq!(got, want, "{key} {value:?}");
            let first = validate_settings(&candidate).expect_err("refused");
            assert_eq!(Some(&FieldMessage::from(&first)), want.first());
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
            assert_eq!(checked.settings(), Settings::default());
            assert_eq!(
                checked.findings.first().map(|f| f.fallback),
                Some(Fallback::Defaults)
            );
        }
    }

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
        let settings = checked.settings();
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
        let cases: [(&str, &str); 10] = [
            (ENABLED, "true"),
            (DEFAULT_COUNTRY, "US"),
            (DEFAULT_CALLER_ID, "no caller ID"),
            (CALLER_IDS, "no caller IDs"),
            (RULES, "no rules"),
            (LOCAL_PRESENCE, "true"),
            (RECORD_CALLER_ID_FIELD, "FromCallerID__c"),
            (LINK_TEMPLATE, "callto://{number}/{callerId}"),
            (DIALED_NUMBER_FORMAT, "e164"),
            ("theme", "nothing"),
        ];
        for (key, want) in cases {
            assert_eq!(describe_default(key), want, "{key}");
        }
    }
}

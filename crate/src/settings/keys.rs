//! The settings keys, the `Settings` they fill, and the check of each key's stored value.

use super::check::Checked;
use super::fields::{
    caller_id_at, country_at, expect_bool, expect_str, field_name_at, template_at,
};
use super::lists::{check_pool, check_rules};
use super::StoredValue;
use crate::error::{Quoted, SettingsError, ValueError};
use crate::link::DEFAULT_TEMPLATE;
use serde::Serialize;

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

    pub(super) fn parse(value: &str) -> Option<Self> {
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
    Rules(Vec<Rule>),
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
            Value::Rules(_) => RULES,
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
            Value::Rules(v) => settings.rules = v,
            Value::LocalPresence(v) => settings.local_presence = v,
            Value::RecordCallerIdField(v) => settings.record_caller_id_field = v,
            Value::LinkTemplate(v) => settings.link_template = v,
            Value::DialedNumberFormat(v) => settings.dialed_number_format = v,
        }
    }
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

const COUNTRY: &str = "a country code string such as \"US\"";
const OPTIONAL_CALLER_ID: &str = "an E.164 string such as \"+18880001111\", or \"\"";
const FIELD_NAME: &str = "a field API name string such as \"FromCallerID__c\", or \"\"";
const TEMPLATE: &str = "a link template string such as \"callto://{number}/{callerId}\"";
const NUMBER_FORMAT: &str = "\"e164\" or \"national\"";

/// Checks the value of a known key; `None` for an unknown key.
pub(super) fn check_key(
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
        RULES => check_rules(value, out).map(Value::Rules),
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

#[cfg(test)]
mod tests {
    use super::super::check::check;
    use super::super::test_values::*;
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

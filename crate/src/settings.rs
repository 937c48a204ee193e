//! Settings as stored in `chrome.storage.sync`: read leniently, validated strictly.
//!
//! Keys: `enabled` (bool, default `true`), `defaultCountry` (ISO 3166-1 alpha-2 known to the
//! metadata, default `"US"`), `defaultCallerId` (E.164 or `""`, default `""`).
//! [`read_settings`] never fails: each bad value falls back to its default and is reported
//! as a [`Problem`], unknown keys are reported and ignored. [`validate_settings`] is the
//! strict check for saving and import: the first bad key is an error naming it. Both take a
//! [`Stored`] value, which deserializes from anything (JSON, or a JS value through
//! serde-wasm-bindgen) without failing.

use crate::caller_id::{check_caller_id, suggest_caller_id};
use crate::error::SettingsError;
use crate::metadata;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Storage key of the on/off switch.
pub const ENABLED: &str = "enabled";
/// Storage key of the default country.
pub const DEFAULT_COUNTRY: &str = "defaultCountry";
/// Storage key of the default caller ID.
pub const DEFAULT_CALLER_ID: &str = "defaultCallerId";

/// The effective settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Whether links are rewritten at all.
    pub enabled: bool,
    /// Country for numbers written without `+` (ISO 3166-1 alpha-2).
    pub default_country: String,
    /// Caller ID presented on every call, E.164; empty for none.
    pub default_caller_id: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            default_country: "US".to_owned(),
            default_caller_id: String::new(),
        }
    }
}

/// One stored value that could not be used, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The storage key (empty when the whole stored object is the problem).
    pub field: String,
    /// What was wrong and what is used instead, for a reader.
    pub message: String,
}

/// What [`read_settings`] returns: settings to use and the problems found on the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingsReading {
    /// The effective settings.
    pub settings: Settings,
    /// Every stored value that was ignored, in key order.
    pub problems: Vec<Problem>,
}

/// A stored value of any type, as far as settings care.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredValue {
    /// `null` or `undefined`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array (contents ignored).
    Array,
    /// An object (contents ignored).
    Object,
}

impl StoredValue {
    /// The JSON type name, for messages.
    fn kind(&self) -> String {
        match self {
            StoredValue::Null => "null".to_owned(),
            StoredValue::Bool(b) => format!("the boolean {b}"),
            StoredValue::Number(n) => format!("the number {n}"),
            StoredValue::String(s) => format!("the string “{s}”"),
            StoredValue::Array => "an array".to_owned(),
            StoredValue::Object => "an object".to_owned(),
        }
    }
}

/// Whatever was stored: an object of key/value pairs (in order), nothing, or something else.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Stored {
    /// Nothing stored yet (`undefined`, `null`).
    #[default]
    Missing,
    /// A key/value object.
    Object(Vec<(String, StoredValue)>),
    /// Not an object (a string, number, array, …), described for messages.
    NotAnObject(String),
}

impl Stored {
    /// Builds a stored object from pairs, for tests and native callers.
    pub fn from_pairs<I, K>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, StoredValue)>,
        K: Into<String>,
    {
        Stored::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = StoredValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<StoredValue, E> {
        Ok(StoredValue::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<StoredValue, E> {
        Ok(StoredValue::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<StoredValue, E> {
        Ok(StoredValue::String(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<StoredValue, E> {
        Ok(StoredValue::Array)
    }
    fn visit_unit<E: de::Error>(self) -> Result<StoredValue, E> {
        Ok(StoredValue::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<StoredValue, E> {
        Ok(StoredValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<StoredValue, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StoredValue, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(StoredValue::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoredValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(StoredValue::Object)
    }
}

impl<'de> Deserialize<'de> for StoredValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct StoredVisitor;

impl<'de> Visitor<'de> for StoredVisitor {
    type Value = Stored;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Stored, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<KeyText>()? {
            let value = map.next_value::<StoredValue>()?;
            pairs.push((key.0, value));
        }
        Ok(Stored::Object(pairs))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Stored, E> {
        Ok(Stored::Missing)
    }
    fn visit_none<E: de::Error>(self) -> Result<Stored, E> {
        Ok(Stored::Missing)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Stored, D::Error> {
        d.deserialize_any(StoredVisitor)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Stored, E> {
        Ok(Stored::NotAnObject(StoredValue::Bool(v).kind()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Stored, E> {
        ValueVisitor
            .visit_i64(v)
            .map(|v| Stored::NotAnObject(v.kind()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Stored, E> {
        ValueVisitor
            .visit_u64(v)
            .map(|v| Stored::NotAnObject(v.kind()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Stored, E> {
        Ok(Stored::NotAnObject(StoredValue::Number(v).kind()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Stored, E> {
        Ok(Stored::NotAnObject(
            StoredValue::String(v.to_owned()).kind(),
        ))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Stored, E> {
        Ok(Stored::NotAnObject(StoredValue::Array.kind()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Stored, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Stored::NotAnObject(StoredValue::Array.kind()))
    }
}

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StoredVisitor)
    }
}

/// A map key of any scalar type, as text (JS object keys are strings anyway).
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = match StoredValue::deserialize(d)? {
            StoredValue::String(s) => s,
            other => other.kind(),
        };
        Ok(KeyText(text))
    }
}

/// Reads stored settings; never fails. Bad values fall back to their defaults, and every
/// value not used is reported.
pub fn read_settings(stored: &Stored) -> SettingsReading {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let pairs = match stored {
        Stored::Missing => return SettingsReading { settings, problems },
        Stored::NotAnObject(found) => {
            problems.push(Problem {
                field: String::new(),
                message: format!(
                    "{}; using the defaults",
                    SettingsError::NotAnObject {
                        found: found.clone()
                    }
                ),
            });
            return SettingsReading { settings, problems };
        }
        Stored::Object(pairs) => pairs,
    };
    for (key, value) in pairs {
        match apply(&mut settings, key, value) {
            Ok(()) => {}
            Err(err) => {
                let fallback = match key.as_str() {
                    ENABLED => "; using true".to_owned(),
                    DEFAULT_COUNTRY => "; using US".to_owned(),
                    DEFAULT_CALLER_ID => "; using no caller ID".to_owned(),
                    _ => "; ignored".to_owned(),
                };
                problems.push(Problem {
                    field: key.clone(),
                    message: format!("{err}{fallback}"),
                });
            }
        }
    }
    SettingsReading { settings, problems }
}

/// The strict check for saving and import: every key must be known and every value usable.
/// Missing keys take their defaults.
pub fn validate_settings(candidate: &Stored) -> Result<Settings, SettingsError> {
    let mut settings = Settings::default();
    match candidate {
        Stored::Missing => Err(SettingsError::NotAnObject {
            found: "nothing".to_owned(),
        }),
        Stored::NotAnObject(found) => Err(SettingsError::NotAnObject {
            found: found.clone(),
        }),
        Stored::Object(pairs) => {
            for (key, value) in pairs {
                apply(&mut settings, key, value)?;
            }
            Ok(settings)
        }
    }
}

/// Checks one stored key/value and, when usable, sets it.
fn apply(settings: &mut Settings, key: &str, value: &StoredValue) -> Result<(), SettingsError> {
    let wrong_type = |expected: &'static str| SettingsError::WrongType {
        field: key.to_owned(),
        expected,
        found: value.kind(),
    };
    match key {
        ENABLED => match value {
            StoredValue::Bool(b) => {
                settings.enabled = *b;
                Ok(())
            }
            _ => Err(wrong_type("true or false")),
        },
        DEFAULT_COUNTRY => match value {
            StoredValue::String(s) => {
                settings.default_country = check_country(s)?;
                Ok(())
            }
            _ => Err(wrong_type("a country code string such as \"US\"")),
        },
        DEFAULT_CALLER_ID => match value {
            StoredValue::String(s) if s.is_empty() => {
                settings.default_caller_id = String::new();
                Ok(())
            }
            StoredValue::String(s) => match check_caller_id(s) {
                Ok(id) => {
                    settings.default_caller_id = id.value;
                    Ok(())
                }
                Err(err) => {
                    let hint = suggest_caller_id(s)
                        .map(|e164| format!(" (did you mean {e164}?)"))
                        .unwrap_or_default();
                    Err(SettingsError::BadValue {
                        field: key.to_owned(),
                        message: format!("{err}{hint}"),
                    })
                }
            },
            _ => Err(wrong_type(
                "an E.164 string such as \"+18880001111\", or \"\"",
            )),
        },
        _ => Err(SettingsError::UnknownField {
            field: key.to_owned(),
        }),
    }
}

fn check_country(value: &str) -> Result<String, SettingsError> {
    if metadata::is_known_country(value) {
        Ok(value.to_owned())
    } else {
        Err(SettingsError::BadValue {
            field: DEFAULT_COUNTRY.to_owned(),
            message: format!(
                "“{value}” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> StoredValue {
        StoredValue::String(v.to_owned())
    }

    #[test]
    fn missing_settings_are_the_defaults() {
        let reading = read_settings(&Stored::Missing);
        assert_eq!(reading.settings, Settings::default());
        assert!(reading.problems.is_empty());
        let reading = read_settings(&Stored::from_pairs(Vec::<(String, StoredValue)>::new()));
        assert_eq!(reading.settings, Settings::default());
        assert!(reading.problems.is_empty());
        assert_eq!(
            Settings::default(),
            Settings {
                enabled: true,
                default_country: "US".into(),
                default_caller_id: String::new()
            }
        );
    }

    #[test]
    fn good_values_are_used() {
        let reading = read_settings(&Stored::from_pairs([
            (ENABLED, StoredValue::Bool(false)),
            (DEFAULT_COUNTRY, s("GB")),
            (DEFAULT_CALLER_ID, s("+18880001111")),
        ]));
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
        assert_eq!(
            reading.settings,
            Settings {
                enabled: false,
                default_country: "GB".into(),
                default_caller_id: "+18880001111".into()
            }
        );
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        // (key, stored value, expected problem message); other keys keep their defaults.
        let cases: Vec<(&str, StoredValue, &str)> = vec![
            (
                ENABLED,
                s("yes"),
                "setting “enabled” must be true or false, not the string “yes”; using true",
            ),
            (
                ENABLED,
                StoredValue::Null,
                "setting “enabled” must be true or false, not null; using true",
            ),
            (
                DEFAULT_COUNTRY,
                s("XX"),
                "setting “defaultCountry”: “XX” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using US",
            ),
            (
                DEFAULT_COUNTRY,
                s("us"),
                "setting “defaultCountry”: “us” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using US",
            ),
            (
                DEFAULT_COUNTRY,
                s("001"),
                "setting “defaultCountry”: “001” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US; using US",
            ),
            (
                DEFAULT_COUNTRY,
                StoredValue::Number(1.0),
                "setting “defaultCountry” must be a country code string such as \"US\", not the number 1; using US",
            ),
            (
                DEFAULT_CALLER_ID,
                s("+1 (888) 000-1111"),
                "setting “defaultCallerId”: caller ID “+1 (888) 000-1111” contains a space; write it in E.164, like +18880001111 (only + and digits) (did you mean +18880001111?); using no caller ID",
            ),
            (
                DEFAULT_CALLER_ID,
                s("8880001111"),
                "setting “defaultCallerId”: caller ID “8880001111” must start with + and the country calling code; write it in E.164, like +18880001111; using no caller ID",
            ),
            (
                DEFAULT_CALLER_ID,
                StoredValue::Array,
                "setting “defaultCallerId” must be an E.164 string such as \"+18880001111\", or \"\", not an array; using no caller ID",
            ),
            (
                "theme",
                s("dark"),
                "unknown setting “theme”; ignored",
            ),
        ];
        for (key, value, message) in cases {
            let reading = read_settings(&Stored::from_pairs([
                (key, value.clone()),
                (ENABLED, StoredValue::Bool(true)),
            ]));
            assert_eq!(reading.settings, Settings::default(), "{key} {value:?}");
            assert_eq!(
                reading.problems,
                vec![Problem {
                    field: key.to_owned(),
                    message: message.to_owned()
                }],
                "{key} {value:?}"
            );
        }
    }

    #[test]
    fn unknown_keys_do_not_stop_the_rest() {
        let reading = read_settings(&Stored::from_pairs([
            ("legacy", StoredValue::Object),
            (DEFAULT_COUNTRY, s("DE")),
            (ENABLED, s("false")),
            (DEFAULT_CALLER_ID, s("+4915120484846")),
        ]));
        assert_eq!(reading.settings.default_country, "DE");
        assert!(reading.settings.enabled);
        assert_eq!(reading.settings.default_caller_id, "+4915120484846");
        let fields: Vec<&str> = reading.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["legacy", ENABLED]);
    }

    #[test]
    fn a_stored_non_object_is_reported() {
        let reading = read_settings(&Stored::NotAnObject("the string “x”".into()));
        assert_eq!(reading.settings, Settings::default());
        assert_eq!(reading.problems.len(), 1);
        assert_eq!(reading.problems[0].field, "");
        assert_eq!(
            reading.problems[0].message,
            "settings must be an object with enabled, defaultCountry and defaultCallerId, not the string “x”; using the defaults"
        );
    }

    #[test]
    fn strict_validation_names_the_field() {
        let ok = validate_settings(&Stored::from_pairs([
            (ENABLED, StoredValue::Bool(true)),
            (DEFAULT_COUNTRY, s("FR")),
            (DEFAULT_CALLER_ID, s("")),
        ]));
        assert_eq!(
            ok,
            Ok(Settings {
                enabled: true,
                default_country: "FR".into(),
                default_caller_id: String::new()
            })
        );
        assert_eq!(
            validate_settings(&Stored::from_pairs([(ENABLED, StoredValue::Bool(false))])),
            Ok(Settings {
                enabled: false,
                ..Settings::default()
            })
        );
        let cases: Vec<(Stored, &str)> = vec![
            (
                Stored::from_pairs([(ENABLED, StoredValue::Number(1.0))]),
                ENABLED,
            ),
            (
                Stored::from_pairs([(DEFAULT_COUNTRY, s("ZZ"))]),
                DEFAULT_COUNTRY,
            ),
            (
                Stored::from_pairs([(DEFAULT_CALLER_ID, s("+1"))]),
                DEFAULT_CALLER_ID,
            ),
            (Stored::from_pairs([("colour", s("red"))]), "colour"),
            (Stored::NotAnObject("an array".into()), ""),
            (Stored::Missing, ""),
        ];
        for (candidate, field) in cases {
            let err = validate_settings(&candidate).expect_err("must be refused");
            assert_eq!(err.field(), field, "{candidate:?}");
            if !field.is_empty() {
                assert!(err.to_string().contains(field), "{err}");
            }
        }
    }

    #[test]
    fn stored_values_deserialize_from_anything() {
        let cases: &[(&str, Stored)] = &[
            ("null", Stored::Missing),
            ("\"x\"", Stored::NotAnObject("the string “x”".into())),
            ("[1,2]", Stored::NotAnObject("an array".into())),
            ("3", Stored::NotAnObject("the number 3".into())),
            (
                r#"{"enabled":false,"defaultCountry":"GB","x":{"a":[1]},"y":null,"z":2.5}"#,
                Stored::from_pairs([
                    (ENABLED, StoredValue::Bool(false)),
                    (DEFAULT_COUNTRY, s("GB")),
                    ("x", StoredValue::Object),
                    ("y", StoredValue::Null),
                    ("z", StoredValue::Number(2.5)),
                ]),
            ),
        ];
        for (json, want) in cases {
            let got: Stored = serde_json::from_str(json).expect("any JSON deserializes");
            assert_eq!(&got, want, "{json}");
        }
    }
}

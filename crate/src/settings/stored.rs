//! Whatever a storage area holds, as a value the settings code can inspect without failing.
//!
//! `chrome.storage.sync`, `chrome.storage.managed` and an imported settings file may hold
//! anything: a [`StoredValue`] deserializes from any JSON or JS value (through
//! serde-wasm-bindgen), keeping objects' keys in order, so that every oddity becomes a
//! reported problem instead of a failed conversion.

use crate::error::Quoted;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stored value of any type.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredValue {
    /// `null` or `undefined`: nothing stored.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<StoredValue>),
    /// An object: its key/value pairs in order.
    Object(Vec<(String, StoredValue)>),
}

impl StoredValue {
    /// An object from pairs, for tests and native callers.
    pub fn object<I, K>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, StoredValue)>,
        K: Into<String>,
    {
        StoredValue::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A string value.
    pub fn string(value: &str) -> Self {
        StoredValue::String(value.to_owned())
    }

    /// An entry of a settings list read as an object: the values of `names` (the last of
    /// repeated keys), and the keys it has besides them, in order. `None` when it is not an
    /// object. The lists of the settings (the pool, the rules, calling windows and holidays)
    /// all read their entries with it, and each reports what it finds its own way.
    pub fn entry<const N: usize>(
        &self,
        names: [&str; N],
    ) -> Option<([Option<&StoredValue>; N], Vec<&str>)> {
        let StoredValue::Object(pairs) = self else {
            return None;
        };
        let mut found = [None; N];
        let mut others = Vec::new();
        for (name, value) in pairs {
            match names.iter().position(|known| known == name) {
                Some(at) => {
                    if let Some(slot) = found.get_mut(at) {
                        *slot = Some(value);
                    }
                }
                None => others.push(name.as_str()),
            }
        }
        Some((found, others))
    }

    /// The value described for a message: `the string “yes”`, `an array`, `null`.
    pub fn describe(&self) -> String {
        match self {
            StoredValue::Null => "null".to_owned(),
            StoredValue::Bool(b) => format!("the boolean {b}"),
            StoredValue::Number(n) => format!("the number {n}"),
            StoredValue::String(s) => format!("the string {}", Quoted::new(s)),
            StoredValue::Array(_) => "an array".to_owned(),
            StoredValue::Object(_) => "an object".to_owned(),
        }
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
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<StoredValue, E> {
        Ok(StoredValue::Array(
            v.iter()
                .map(|&b| StoredValue::Number(f64::from(b)))
                .collect(),
        ))
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
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<StoredValue>()? {
            items.push(item);
        }
        Ok(StoredValue::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoredValue, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<KeyText>()? {
            let value = map.next_value::<StoredValue>()?;
            pairs.push((key.0, value));
        }
        Ok(StoredValue::Object(pairs))
    }
}

impl<'de> Deserialize<'de> for StoredValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// As JSON writes it, keys in order; a whole number without a fraction (`2`, as JS writes it).
impl Serialize for StoredValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StoredValue::Null => s.serialize_unit(),
            StoredValue::Bool(b) => s.serialize_bool(*b),
            StoredValue::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => {
                s.serialize_i64(*n as i64)
            }
            StoredValue::Number(n) => s.serialize_f64(*n),
            StoredValue::String(text) => s.serialize_str(text),
            StoredValue::Array(items) => s.collect_seq(items),
            StoredValue::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (key, value) in pairs {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// A map key of any scalar type, as text (JS object keys are strings anyway).
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = match StoredValue::deserialize(d)? {
            StoredValue::String(s) => s,
            other => other.describe(),
        };
        Ok(KeyText(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_json_deserializes() {
        let s = StoredValue::string;
        let cases: Vec<(&str, StoredValue)> = vec![
            ("null", StoredValue::Null),
            ("\"x\"", s("x")),
            ("3", StoredValue::Number(3.0)),
            ("-2", StoredValue::Number(-2.0)),
            ("2.5", StoredValue::Number(2.5)),
            ("true", StoredValue::Bool(true)),
            (
                "[1,\"a\",[]]",
                StoredValue::Array(vec![
                    StoredValue::Number(1.0),
                    s("a"),
                    StoredValue::Array(vec![]),
                ]),
            ),
            (
                r#"{"enabled":false,"rules":[{"region":"GB"}],"y":null}"#,
                StoredValue::object([
                    ("enabled", StoredValue::Bool(false)),
                    (
                        "rules",
                        StoredValue::Array(vec![StoredValue::object([("region", s("GB"))])]),
                    ),
                    ("y", StoredValue::Null),
                ]),
            ),
        ];
        for (json, want) in cases {
            let got: StoredValue = serde_json::from_str(json).expect("any JSON deserializes");
            assert_eq!(got, want, "{json}");
        }
    }

    #[test]
    fn entries_give_their_known_keys_and_name_the_others() {
        let entry: StoredValue =
            serde_json::from_str(r#"{"b":1,"x":true,"a":"one","a":"two"}"#).expect("JSON");
        let (values, others) = entry.entry(["a", "b", "c"]).expect("an object");
        assert_eq!(
            values,
            [
                Some(&StoredValue::string("two")),
                Some(&StoredValue::Number(1.0)),
                None
            ]
        );
        assert_eq!(others, ["x"]);
        assert!(StoredValue::string("a").entry(["a"]).is_none());
        assert!(StoredValue::Array(vec![]).entry(["a"]).is_none());
    }

    #[test]
    fn values_are_described_for_messages() {
        let cases: Vec<(StoredValue, &str)> = vec![
            (StoredValue::Null, "null"),
            (StoredValue::Bool(true), "the boolean true"),
            (StoredValue::Number(1.0), "the number 1"),
            (StoredValue::Number(2.5), "the number 2.5"),
            (StoredValue::string("yes"), "the string “yes”"),
            (StoredValue::string("a\u{7}"), "the string “a\\u{0007}”"),
            (StoredValue::Array(vec![]), "an array"),
            (StoredValue::object(Vec::<(String, _)>::new()), "an object"),
        ];
        for (value, want) in cases {
            assert_eq!(value.describe(), want, "{value:?}");
        }
    }
}

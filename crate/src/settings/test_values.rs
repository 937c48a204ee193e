//! Stored values for the settings tests.

use super::StoredValue;

pub fn s(v: &str) -> StoredValue {
    StoredValue::string(v)
}

pub fn obj(pairs: &[(&str, StoredValue)]) -> StoredValue {
    StoredValue::object(pairs.iter().map(|(k, v)| (*k, v.clone())))
}

pub fn list(items: &[StoredValue]) -> StoredValue {
    StoredValue::Array(items.to_vec())
}

pub fn pool_entry(number: &str, label: &str) -> StoredValue {
    obj(&[("number", s(number)), ("label", s(label))])
}

pub fn rule(target: &str, caller_id: &str) -> StoredValue {
    obj(&[("region", s(target)), ("callerId", s(caller_id))])
}

//! The checks of one value for the setting at a field path (`rules[2].region`): its stored
//! type, then what it holds.

use super::{NumberFormat, StoredValue};
use crate::caller_id::{check_caller_id, suggest_caller_id, CallerId};
use crate::error::{Quoted, SettingsError, ValueError};
use crate::link::Template;
use crate::numbering::country_plan;
use crate::target::Target;

/// Longest pool label, in characters.
const MAX_LABEL_CHARS: usize = 60;
/// Longest record field name, in characters (Salesforce's API names are shorter).
const MAX_FIELD_NAME_CHARS: usize = 80;

pub(super) fn required<'a>(
    field: &str,
    value: Option<&'a StoredValue>,
) -> Result<&'a StoredValue, SettingsError> {
    value.ok_or_else(|| SettingsError::Missing {
        field: field.to_owned(),
    })
}

pub(super) fn wrong_type(
    field: &str,
    expected: &'static str,
    value: &StoredValue,
) -> SettingsError {
    SettingsError::WrongType {
        field: field.to_owned(),
        expected,
        found: value.describe(),
    }
}

pub(super) fn expect_bool(
    field: &str,
    value: &StoredValue,
    expected: &'static str,
) -> Result<bool, SettingsError> {
    match value {
        StoredValue::Bool(b) => Ok(*b),
        _ => Err(wrong_type(field, expected, value)),
    }
}

pub(super) fn expect_str<'a>(
    field: &str,
    value: &'a StoredValue,
    expected: &'static str,
) -> Result<&'a str, SettingsError> {
    match value {
        StoredValue::String(s) => Ok(s),
        _ => Err(wrong_type(field, expected, value)),
    }
}

pub(super) fn expect_array<'a>(
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
    if country_plan::is_known_country(value) {
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

pub(super) fn label_at(field: &str, value: &str) -> Result<String, SettingsError> {
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

/// A Salesforce field API name, or `""` for none, for the setting at `field`.
pub fn field_name_at(field: &str, value: &str) -> Result<String, SettingsError> {
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

/// A way of writing `{number}` for the setting at `field`.
pub(super) fn number_format_at(field: &str, value: &str) -> Result<NumberFormat, SettingsError> {
    NumberFormat::parse(value).ok_or_else(|| {
        SettingsError::bad_value(
            field,
            ValueError::NumberFormat {
                value: Quoted::new(value),
            },
        )
    })
}

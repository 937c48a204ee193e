//! A stored value with its path in the settings (`callingWindows[2].from`), so that every
//! check names the field it refuses. A field may be absent: reading it reports it missing.

use crate::error::SettingsError;
use crate::settings::StoredValue;
use std::fmt;

/// One value of a stored settings object, or its absence, at `path`.
pub(super) struct Field<'a> {
    path: String,
    value: Option<&'a StoredValue>,
}

impl<'a> Field<'a> {
    /// The value of a top-level key.
    pub(super) fn new(key: &str, value: &'a StoredValue) -> Self {
        Field {
            path: key.to_owned(),
            value: Some(value),
        }
    }

    /// Where the value is.
    pub(super) fn path(&self) -> &str {
        &self.path
    }

    /// The value, which must be a string.
    pub(super) fn string(&self, expected: &'static str) -> Result<&'a str, SettingsError> {
        match self.present()? {
            StoredValue::String(text) => Ok(text),
            other => Err(self.wrong_type(expected, other)),
        }
    }

    /// The items of the value, which must be a list.
    pub(super) fn list(&self, expected: &'static str) -> Result<Vec<Field<'a>>, SettingsError> {
        match self.present()? {
            StoredValue::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(index, item)| Field {
                    path: format!("{}[{index}]", self.path),
                    value: Some(item),
                })
                .collect()),
            other => Err(self.wrong_type(expected, other)),
        }
    }

    /// The entries `names` of the value, which must be an object (the last of repeated
    /// keys wins). Reports keys it should not have, and `None` when it is not an object.
    pub(super) fn entry<const N: usize>(
        &self,
        names: [&str; N],
        expected: &'static str,
        known: &'static str,
        problems: &mut Vec<SettingsError>,
    ) -> Option<[Field<'a>; N]> {
        let (found, others) = match self.present() {
            Ok(value) => match value.entry(names) {
                Some(read) => read,
                None => {
                    problems.push(self.wrong_type(expected, value));
                    return None;
                }
            },
            Err(missing) => {
                problems.push(missing);
                return None;
            }
        };
        for name in others {
            problems.push(SettingsError::UnknownEntryKey {
                field: format!("{}.{name}", self.path),
                expected: known,
            });
        }
        let mut names = names.into_iter();
        Some(found.map(|value| Field {
            path: format!("{}.{}", self.path, names.next().unwrap_or_default()),
            value,
        }))
    }

    /// A refusal of the value, for the reason `why`.
    pub(super) fn refuse(&self, why: impl fmt::Display) -> SettingsError {
        SettingsError::bad_value(&self.path, why)
    }

    fn present(&self) -> Result<&'a StoredValue, SettingsError> {
        self.value.ok_or_else(|| SettingsError::Missing {
            field: self.path.clone(),
        })
    }

    fn wrong_type(&self, expected: &'static str, found: &StoredValue) -> SettingsError {
        SettingsError::WrongType {
            field: self.path.clone(),
            expected,
            found: found.describe(),
        }
    }
}

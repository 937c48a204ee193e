//! What checking a stored settings object found: the settings it gives, the values it could
//! not use (each a [`Finding`]) and the warnings about values it used.

use super::{FieldMessage, Settings};
use crate::caller_id::CallerId;
use crate::error::SettingsError;

/// What became of a value that could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The stored object is not an object: every key takes its default.
    Defaults,
    /// The key's value is not used.
    Key,
    /// One entry of a list is left out; the others are kept.
    Entry,
    /// The entries past a list's limit are left out; the first ones are kept.
    Tail,
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

/// Everything checking one stored object found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// The defaults, with every usable value set.
    pub settings: Settings,
    /// The keys given a usable value, in stored order.
    pub set: Vec<&'static str>,
    /// The values not used, in stored order.
    pub findings: Vec<Finding>,
    /// Warnings about used values.
    pub warnings: Vec<Warning>,
}

impl Checked {
    /// Whether the object gives `key` a usable value.
    pub fn sets(&self, key: &str) -> bool {
        self.set.contains(&key)
    }

    pub(super) fn finding(&mut self, key: &str, error: SettingsError, fallback: Fallback) {
        self.findings.push(Finding {
            key: key.to_owned(),
            error,
            fallback,
        });
    }

    /// Warns about `caller_id` at `field`, when it has a warning.
    pub(super) fn warn(&mut self, key: &'static str, field: &str, caller_id: &CallerId) {
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

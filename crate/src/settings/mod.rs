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

mod check;
mod fields;
mod keys;
mod lists;
mod read;
mod stored;
#[cfg(test)]
mod test_values;
mod validate;

pub use check::{check, Checked, Fallback, Finding, Warning};
pub use fields::{caller_id_at, country_at, target_at, template_at, MAX_LABEL_CHARS};
pub use keys::{
    describe_default, NumberFormat, PoolNumber, Rule, Settings, Value, CALLER_IDS,
    DEFAULT_CALLER_ID, DEFAULT_COUNTRY, DEFAULT_RECORD_FIELD, DIALED_NUMBER_FORMAT, ENABLED, KEYS,
    LINK_TEMPLATE, LOCAL_PRESENCE, RECORD_CALLER_ID_FIELD, RULES,
};
pub use read::{read_settings, Problem, SettingsReading, Source};
pub use stored::StoredValue;
pub use validate::{settings_problems, validate_settings, Validated};

use crate::error::SettingsError;
use serde::Serialize;

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

//! Settings: what they are, their defaults, and the checks that turn stored values into them.
//!
//! Every path a setting takes is checked here, by the same code: the popup's editor and an
//! imported file with [`validate_settings`], the strict form (any problem refuses the
//! candidate; [`settings_problems`] lists them all), and every storage read with
//! [`read_settings`], the lenient form (the user's `chrome.storage.sync` under the
//! administrator's policy, `chrome.storage.managed`: what can be used is used, the rest
//! reported). Both read a stored object with [`check`], key by key as [`KEYS`] says.
//!
//! [`check`] never fails: every value is either used or reported as a [`Finding`] naming its
//! field (`rules[2].region`). A value that fails falls back to its default, except in the two
//! lists of caller IDs, where only the bad entries are left out (each reported) and the good
//! ones kept, so one mistyped rule does not lose the others. The calling-hours lists are the
//! exception to the exception: one bad window or holiday refuses the list
//! ([`crate::calling_hours`]), as leaving it out would widen the hours. Unknown keys are
//! reported and ignored, also inside entries. Caller IDs the numbering plan does not list are
//! used, with a warning.
//!
//! This file holds the settings themselves; `keys.rs` every key with its default, type and
//! check (adding a setting starts there); `checked.rs` what a check found; `fields.rs` the
//! checks of one value; `lists.rs` the pool and the rules, entry by entry; `validate.rs` and
//! `read.rs` the two entry points; `stored.rs` what a storage area may hold; `layout.rs` how
//! the user's settings are laid out in the storage areas.

mod checked;
mod fields;
mod keys;
mod layout;
mod lists;
mod read;
mod stored;
#[cfg(test)]
mod test_values;
mod validate;

pub use checked::{Checked, Fallback, Finding, Warning};
pub use fields::{caller_id_at, country_at, field_name_at, target_at, template_at};
pub use keys::{
    check, describe_default, Key, CALLER_IDS, DEFAULT_CALLER_ID, DEFAULT_COUNTRY,
    DIALED_NUMBER_FORMAT, ENABLED, KEYS, LINK_TEMPLATE, LOCAL_PRESENCE, RECORD_CALLER_ID_FIELD,
    RULES,
};
pub use layout::{
    item_size, storage_plan, user_settings, Area, Step, StoragePlan, UserSettings, LAYOUT_KEY,
    QUOTA_BYTES_PER_ITEM, SYNC_BUDGET,
};
pub use lists::{MAX_CALLER_IDS, MAX_RULES};
pub use read::{
    read_effective, read_settings, read_stored_settings, Problem, SettingsReading, Source,
};
pub use stored::StoredValue;
pub use validate::{settings_problems, validate_settings, Validated};

use crate::calling_hours::CallingSettings;
use crate::error::SettingsError;
use crate::link::DEFAULT_TEMPLATE;
use serde::Serialize;

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
    /// [`Target`](crate::target::Target), stored under the key `region`.
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

    /// The format stored as `value`.
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
    /// Calling hours and Do Not Call: five keys of their own, at the top level.
    #[serde(flatten)]
    pub calling: CallingSettings,
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
            calling: CallingSettings::default(),
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

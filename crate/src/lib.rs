//! The core of the Caller ID Dialer extension: reads Salesforce `tel:` values as phone
//! numbers, reads and checks settings (the user's under the administrator's policy), chooses
//! the caller ID for each number and builds the dialer's link.
//!
//! The path of a value, from the page to the link ([`dial()`]):
//! 1. cleaned: percent-encoding, a label, quotes, a phone extension and other scripts' digits
//!    dealt with ([`numbering::normalize`]);
//! 2. read with the plan: calling code, national prefix and validity by libphonenumber's rules,
//!    on Google's metadata embedded country by country ([`numbering::number`],
//!    [`numbering::country_plan`], [`numbering::plan`]);
//! 3. checked by the crate: the `phonenumber` crate must call exactly that number valid, or the
//!    value is left as it was ([`numbering::second_opinion`]);
//! 4. caller ID chosen: the agent's choice, the record's field, the most specific rule, local
//!    presence from the pool, the default ([`choice`], by the callee's [`place`] and each
//!    rule's [`target`]);
//! 5. link: the dialer's template filled ([`link`]).
//!
//! The settings that steer it are checked by [`settings`], the one place that validates them
//! for every path: the popup's editor, an imported file, every storage read and the policy.
//!
//! Everything is plain Rust, tested natively; [`wasm`] is the only module that knows
//! wasm-bindgen. This file only declares modules and re-exports their public API.

pub mod caller_id;
pub mod calling_hours;
pub mod choice;
pub mod dial;
pub mod error;
pub mod link;
pub mod numbering;
pub mod place;
pub mod settings;
pub mod target;
pub mod wasm;

pub use caller_id::{check_caller_id, suggest_caller_id, CallerId};
pub use choice::{Choice, Chooser, Reason};
pub use dial::{dial, dial_batch, Dial, DialRequest, Dialer};
pub use error::{
    CallerIdError, Quoted, ReadError, SettingsError, Skip, SkipCode, TargetError, TemplateError,
    ValueError,
};
pub use link::{Preset, Template, DEFAULT_TEMPLATE, PRESETS};
pub use numbering::normalize::{normalize, Cleaned};
pub use numbering::number::{parse, Number};
pub use numbering::plan::countries;
pub use place::{nanp_area, subdivisions, time_zone, Place};
pub use settings::{
    read_settings, settings_problems, validate_settings, FieldMessage, NumberFormat, PoolNumber,
    Problem, Rule, Settings, SettingsReading, Source, StoredValue, Validated,
};
pub use target::Target;

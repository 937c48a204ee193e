//! The core of the Caller ID Dialer extension: reads Salesforce `tel:` values as phone
//! numbers, reads and checks settings (the user's under the administrator's policy), chooses
//! the caller ID for each number and builds the dialer's link.
//!
//! Everything is plain Rust, tested natively; `wasm` is the only module that knows
//! wasm-bindgen. This file only declares modules and re-exports their public API.

pub mod caller_id;
pub mod calling_hours;
pub mod choice;
pub mod crosscheck;
pub mod dial;
pub mod error;
pub mod extension;
pub mod link;
pub mod metadata;
pub mod normalize;
pub mod number;
pub mod pattern;
pub mod place;
pub mod plan;
mod plan_index;
pub mod policy;
pub mod region;
pub mod settings;
pub mod stored;
pub mod wasm;

pub use caller_id::{check_caller_id, suggest_caller_id, CallerId};
pub use choice::{Choice, Chooser, Reason};
pub use dial::{dial, dial_batch, Dial, DialRequest, Dialer};
pub use error::{
    CallerIdError, Quoted, ReadError, RegionError, SettingsError, Skip, SkipCode, TemplateError,
    ValueError,
};
pub use link::{Preset, Template, DEFAULT_TEMPLATE, PRESETS};
pub use metadata::countries;
pub use normalize::{normalize, Cleaned};
pub use number::{parse, Number};
pub use place::{nanp_region, subdivisions, time_zone, Place};
pub use policy::{read_settings, Problem, SettingsReading, Source};
pub use region::Region;
pub use settings::{
    settings_problems, validate_settings, FieldMessage, NumberFormat, PoolNumber, Rule, Settings,
    Validated,
};
pub use stored::StoredValue;

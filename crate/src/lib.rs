//! The core of the Caller ID Dialer extension: reads Salesforce `tel:` values as phone
//! numbers, checks caller IDs, reads settings and builds 8x8 `callto://` links.
//!
//! Everything is plain Rust, tested natively; `wasm` is the only module that knows
//! wasm-bindgen. This file only declares modules and re-exports their public API.

pub mod caller_id;
pub mod crosscheck;
pub mod dial;
pub mod error;
pub mod link;
pub mod metadata;
pub mod normalize;
pub mod number;
pub mod place;
pub mod settings;
pub mod wasm;

pub use caller_id::{check_caller_id, suggest_caller_id, CallerId};
pub use dial::{dial, dial_with, CallerIdReason, Dial};
pub use error::{CallerIdError, Quoted, ReadError, SettingsError, Skip, SkipCode, TemplateError};
pub use link::{Template, DEFAULT_TEMPLATE};
pub use metadata::countries;
pub use normalize::{normalize, Cleaned};
pub use number::{parse, Number};
pub use place::{nanp_region, time_zone};
pub use settings::{
    read_settings, validate_settings, Problem, Settings, SettingsReading, Stored, StoredValue,
};

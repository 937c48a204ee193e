//! Calling hours and Do Not Call: whether a click on a number dials at once, warns or is
//! blocked.
//!
//! US law sets hours for telemarketing calls at the called party's location (8:00 to 21:00,
//! 47 CFR 64.1200(c)(1); narrower in several states, see [`us_federal_and_state`]), and
//! Salesforce records carry a Do Not Call checkbox. The decision is [`judge`]: a pure
//! function of one click's [`CallFacts`] (the number, the callee's local time in each of
//! its possible time zones, the record's checkbox) and the five settings
//! ([`CallingSettings`]), answering a [`Verdict`].
//!
//! The local times come from the browser (`Intl.DateTimeFormat`, which has the time-zone
//! database and keeps it current): a database in the wasm would cost 327 KB (jiff's bundle)
//! to 572 KB (chrono-tz cut to the zones of our data), and jiff with current rules only
//! (POSIX strings) 60 KB of code, against a budget of a few KB (wasm32, release profile).
//! The zones of a number come from [`time_zones`](crate::place::time_zones).
//!
//! The stored values are checked strictly, one function per key ([`check_calling_hours`]
//! and the others), each listing every problem with its field.

mod calling_settings;
mod check;
mod date;
mod day;
mod error;
mod facts;
mod field;
mod holiday;
mod judge;
mod mode;
mod opening;
mod preset;
mod schedule;
mod scope;
mod time_of_day;
mod verdict;
mod window;

pub use calling_settings::{
    CallingSettings, Problems, CALLING_HOLIDAYS, CALLING_HOURS, CALLING_WINDOWS,
    DEFAULT_DO_NOT_CALL_FIELD, DO_NOT_CALL, DO_NOT_CALL_FIELD, KEYS,
};
pub use check::{
    check_calling_holidays, check_calling_hours, check_calling_windows, check_do_not_call,
    check_do_not_call_field,
};
pub(crate) use check::{FIELD_NAME, HOLIDAY_LIST, MODE, WINDOW_LIST};
pub use date::Date;
pub use day::Day;
pub use error::CallingError;
pub use facts::{CallFacts, ZoneTime};
pub use holiday::Holiday;
pub use judge::judge;
pub use mode::Mode;
pub use opening::LOOKAHEAD_DAYS;
pub use preset::{us_federal_and_state, PresetWindow, US_PUBLISHED, US_SOURCES};
pub use scope::{Scope, EVERYWHERE};
pub use time_of_day::{TimeOfDay, MINUTES_PER_DAY};
pub use verdict::{Action, Opening, Outside, Reason, Verdict, ZoneReading};
pub use window::CallingWindow;

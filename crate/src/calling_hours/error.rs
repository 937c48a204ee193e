//! Why a calling-hours or Do Not Call value is unusable. Wrapped in
//! [`SettingsError::BadValue`](crate::error::SettingsError::BadValue), whose message starts
//! with the field (`callingWindows[2].from: …`).

use crate::error::Quoted;

/// Why a value of the right type is still unusable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallingError {
    /// Neither `off`, `warn` nor `block`.
    #[error("{value} is not a mode; use \"off\", \"warn\" or \"block\"")]
    Mode {
        /// The value given.
        value: Quoted,
    },

    /// Not a time of day written `HH:MM`.
    #[error("{value} is not a time; write HH:MM such as \"08:00\"")]
    Time {
        /// The value given.
        value: Quoted,
    },

    /// A window that does not end after it starts.
    #[error("{to} is not after from ({from}); a window starts and ends on the same day (write \"24:00\" to end it at midnight)")]
    EndNotAfterStart {
        /// The window's `from`, as given.
        from: Quoted,
        /// The window's `to`, as given.
        to: Quoted,
    },

    /// Not a day of the week as the settings write them.
    #[error("{value} is not a day; write mon, tue, wed, thu, fri, sat or sun")]
    Day {
        /// The value given.
        value: Quoted,
    },

    /// A window on no day at all.
    #[error("no day is listed; list at least one of mon, tue, wed, thu, fri, sat and sun")]
    NoDays,

    /// Not a date written `YYYY-MM-DD`.
    #[error("{value} is not a date; write YYYY-MM-DD such as \"2026-12-25\"")]
    Date {
        /// The value given.
        value: Quoted,
    },

    /// `YYYY-MM-DD` with a month that does not exist.
    #[error("{value} is not a day of the calendar: there is no month {month}")]
    NoSuchMonth {
        /// The value given.
        value: Quoted,
        /// The month written.
        month: u8,
    },

    /// `YYYY-MM-DD` with a day its month does not have.
    #[error("{value} is not a day of the calendar: {month} {year} has {days} days")]
    NoSuchDay {
        /// The value given.
        value: Quoted,
        /// The month's English name.
        month: &'static str,
        /// The year.
        year: u16,
        /// How many days that month has.
        days: u8,
    },
}

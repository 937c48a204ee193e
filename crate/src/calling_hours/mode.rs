//! What a click does when the callee is outside calling hours, or the record is Do Not
//! Call: nothing special, a warning, or no call.

use super::verdict::Action;
use serde::Serialize;

/// The setting of `callingHours` and of `doNotCall`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// No check.
    Off,
    /// A dialog says why, with Cancel (the default) and Call anyway.
    #[default]
    Warn,
    /// A dialog says why, and when calling hours open, with no way to dial.
    Block,
}

impl Mode {
    /// Every mode.
    pub const ALL: [Mode; 3] = [Mode::Off, Mode::Warn, Mode::Block];

    /// The stored value: `off`, `warn` or `block`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Off => "off",
            Mode::Warn => "warn",
            Mode::Block => "block",
        }
    }

    /// Reads a stored value, exactly.
    #[must_use]
    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.as_str() == text)
    }

    /// What a click the check catches does; `None` when the check is off.
    #[must_use]
    pub fn action(self) -> Option<Action> {
        match self {
            Mode::Off => None,
            Mode::Warn => Some(Action::Warn),
            Mode::Block => Some(Action::Block),
        }
    }
}

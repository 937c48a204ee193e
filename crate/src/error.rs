//! Every way the core can refuse a value, as `thiserror` enums whose messages name the value
//! and can be shown to an agent as they are.
//!
//! Reading a raw phone field fails with [`ReadError`]; [`dial`](crate::dial()) turns that (or a
//! settings problem) into a [`Skip`], the `{code, message}` pair the extension shows. Caller IDs
//! fail with [`CallerIdError`], stored or imported settings with [`SettingsError`], link
//! templates with [`TemplateError`].

use serde::Serialize;
use std::fmt;

/// Longest part of a raw value quoted back in a message; the rest is elided.
const QUOTE_LIMIT: usize = 48;

/// A raw value quoted for a message: “…” around it, control characters shown as `\u{…}`,
/// long values cut with an ellipsis, so a message stays one readable line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted(String);

impl Quoted {
    /// Quotes `raw` for use in a message.
    pub fn new(raw: &str) -> Self {
        let mut out = String::new();
        for (count, ch) in raw.chars().enumerate() {
            if count >= QUOTE_LIMIT {
                out.push('…');
                break;
            }
            if ch.is_control() || is_invisible(ch) {
                out.push_str(&format!("\\u{{{:04X}}}", u32::from(ch)));
            } else {
                out.push(ch);
            }
        }
        Quoted(out)
    }
}

impl fmt::Display for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}”", self.0)
    }
}

/// Characters that print as nothing; quoting them visibly keeps messages honest.
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Names a character for a message: printable ones quoted, spaces and invisible ones by name.
pub fn describe_char(ch: char) -> String {
    match ch {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_whitespace() => format!("a space character (U+{:04X})", u32::from(c)),
        c if c.is_control() || is_invisible(c) => format!("U+{:04X}", u32::from(c)),
        c => format!("“{c}”"),
    }
}

/// Why a raw phone field could not be read as a phone number with confidence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Nothing but spaces or invisible characters.
    #[error("the phone field is empty")]
    Empty,

    /// Longer than any phone number could be written.
    #[error("{value} is too long to be a phone number")]
    InputTooLong {
        /// The raw value.
        value: Quoted,
    },

    /// A `%` that does not start a valid percent-encoded UTF-8 sequence.
    #[error("{value} has broken percent-encoding")]
    BadPercentEncoding {
        /// The raw value.
        value: Quoted,
    },

    /// A character that has no place in a phone number.
    #[error("{value} contains {found}, which is not part of a phone number")]
    UnexpectedCharacter {
        /// The raw value.
        value: Quoted,
        /// The offending character, described for a reader.
        found: String,
    },

    /// Digits of a script the reference library does not read (Devanagari, Thai, …).
    #[error("{value} is written with digits such as {found} that are not read; write it with 0-9")]
    UnsupportedDigits {
        /// The raw value.
        value: Quoted,
        /// One such digit, described for a reader.
        found: String,
    },

    /// Letters that do not spell a keypad number such as 1-800-FLOWERS.
    #[error(
        "{value} contains letters; only numbers spelt on the keypad (like 1-800-FLOWERS) are read"
    )]
    StrayLetters {
        /// The raw value.
        value: Quoted,
    },

    /// A `tel:` parameter that cannot be read (a bad `phone-context` or `ext`).
    #[error("{value} has an RFC 3966 parameter that cannot be read: {detail}")]
    BadParameter {
        /// The raw value.
        value: Quoted,
        /// What is wrong with the parameter.
        detail: String,
    },

    /// Too few digits to be any phone number.
    #[error("{value} has too few digits to be a phone number")]
    TooFewDigits {
        /// The raw value.
        value: Quoted,
    },

    /// Starts with `+` (or an international prefix) followed by no known country calling code.
    #[error("{value} does not continue with a known country calling code after {prefix}")]
    UnknownCallingCode {
        /// The raw value.
        value: Quoted,
        /// The `+` or international dialling prefix that was read.
        prefix: String,
    },

    /// More digits than any national number has.
    #[error("{value} has too many digits to be a phone number")]
    TooManyDigits {
        /// The raw value.
        value: Quoted,
    },

    /// Read, but not a valid number in the numbering plan.
    #[error("{value} is not a valid phone number for {region}")]
    Invalid {
        /// The raw value.
        value: Quoted,
        /// The region whose numbering plan was used: the default country, or the one the
        /// country calling code belongs to.
        region: String,
    },

    /// The default country is not one the numbering plan metadata knows.
    #[error("the default country “{country}” is not in the phone number database")]
    UnknownDefaultCountry {
        /// The country code that was given.
        country: String,
    },

    /// Our reading and the `phonenumber` crate's disagree, so neither is trusted.
    #[error("{value} could not be read with confidence (it reads as {ours}, but the phone number library does not confirm it)")]
    Unconfirmed {
        /// The raw value.
        value: Quoted,
        /// The E.164 number our own reading produced.
        ours: String,
    },
}

impl ReadError {
    /// The short machine-readable reason, stable for the extension to branch on.
    pub fn code(&self) -> SkipCode {
        match self {
            ReadError::Empty => SkipCode::Empty,
            ReadError::InputTooLong { .. }
            | ReadError::BadPercentEncoding { .. }
            | ReadError::UnexpectedCharacter { .. }
            | ReadError::UnsupportedDigits { .. }
            | ReadError::StrayLetters { .. }
            | ReadError::BadParameter { .. } => SkipCode::Unreadable,
            ReadError::TooFewDigits { .. }
            | ReadError::TooManyDigits { .. }
            | ReadError::Invalid { .. } => SkipCode::Invalid,
            ReadError::UnknownCallingCode { .. } => SkipCode::UnknownCountry,
            ReadError::UnknownDefaultCountry { .. } => SkipCode::Settings,
            ReadError::Unconfirmed { .. } => SkipCode::Uncertain,
        }
    }
}

/// Why a caller ID is not usable as an E.164 number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallerIdError {
    /// No caller ID at all.
    #[error("the caller ID is empty; write it in E.164, like +18880001111")]
    Empty,

    /// No leading `+`.
    #[error("caller ID {value} must start with + and the country calling code; write it in E.164, like +18880001111")]
    MissingPlus {
        /// The value given.
        value: Quoted,
    },

    /// Spaces, punctuation, letters or other characters after the `+`.
    #[error("caller ID {value} contains {found}; write it in E.164, like +18880001111 (only + and digits)")]
    NotDigits {
        /// The value given.
        value: Quoted,
        /// The first offending character, described for a reader.
        found: String,
    },

    /// The digits after `+` start with no known country calling code.
    #[error("caller ID {value} does not start with a known country calling code after the +")]
    UnknownCallingCode {
        /// The value given.
        value: Quoted,
    },

    /// Fewer digits than any number under its country calling code.
    #[error("caller ID {value} is too short for country calling code +{code}: {digits} digits after +{code}, expected {expected}")]
    TooShort {
        /// The value given.
        value: Quoted,
        /// The country calling code read.
        code: u16,
        /// Digits found after the country calling code.
        digits: usize,
        /// The possible lengths, for a reader.
        expected: String,
    },

    /// More digits than any number under its country calling code.
    #[error("caller ID {value} is too long for country calling code +{code}: {digits} digits after +{code}, expected {expected}")]
    TooLong {
        /// The value given.
        value: Quoted,
        /// The country calling code read.
        code: u16,
        /// Digits found after the country calling code.
        digits: usize,
        /// The possible lengths, for a reader.
        expected: String,
    },

    /// A length only local numbers (without an area code) have.
    #[error("caller ID {value} has {digits} digits after +{code}, a local number without its area code (expected {expected})")]
    LocalOnly {
        /// The value given.
        value: Quoted,
        /// The country calling code read.
        code: u16,
        /// Digits found after the country calling code.
        digits: usize,
        /// The possible lengths, for a reader.
        expected: String,
    },

    /// A length between the shortest and longest, but not one the plan uses.
    #[error("caller ID {value} has {digits} digits after +{code}, which is not a possible length there (expected {expected})")]
    ImpossibleLength {
        /// The value given.
        value: Quoted,
        /// The country calling code read.
        code: u16,
        /// Digits found after the country calling code.
        digits: usize,
        /// The possible lengths, for a reader.
        expected: String,
    },
}

/// Why stored or imported settings are refused by the strict check.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// The settings are not a key/value object at all.
    #[error(
        "settings must be an object with enabled, defaultCountry and defaultCallerId, not {found}"
    )]
    NotAnObject {
        /// What was found instead.
        found: String,
    },

    /// A key this version does not know.
    #[error("unknown setting “{field}”")]
    UnknownField {
        /// The key.
        field: String,
    },

    /// A known key holding the wrong JSON type.
    #[error("setting “{field}” must be {expected}, not {found}")]
    WrongType {
        /// The key.
        field: String,
        /// The type expected, for a reader.
        expected: &'static str,
        /// What was found instead.
        found: String,
    },

    /// A known key holding a value of the right type that is still unusable.
    #[error("setting “{field}”: {message}")]
    BadValue {
        /// The key.
        field: String,
        /// Why the value is unusable.
        message: String,
    },
}

impl SettingsError {
    /// The settings key the error is about (empty when it is about the whole object).
    pub fn field(&self) -> &str {
        match self {
            SettingsError::NotAnObject { .. } => "",
            SettingsError::UnknownField { field }
            | SettingsError::WrongType { field, .. }
            | SettingsError::BadValue { field, .. } => field,
        }
    }
}

/// Why a link template is unusable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// The template has nowhere to put the number.
    #[error("link template {template} has no {{number}} placeholder")]
    MissingNumber {
        /// The template.
        template: Quoted,
    },

    /// A `{…}` placeholder other than `{number}` and `{callerId}`.
    #[error("link template {template} has an unknown placeholder {placeholder}")]
    UnknownPlaceholder {
        /// The template.
        template: Quoted,
        /// The placeholder found.
        placeholder: String,
    },
}

/// The machine-readable reason a link is left untouched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipCode {
    /// The dialer is turned off in settings.
    Disabled,
    /// The settings cannot be used (bad default country or caller ID).
    Settings,
    /// The phone field is empty.
    Empty,
    /// The value is not written like a phone number.
    Unreadable,
    /// The value reads as digits, but not as a valid number.
    Invalid,
    /// The country calling code is not known.
    UnknownCountry,
    /// The reading could not be confirmed, so it is refused rather than guessed.
    Uncertain,
}

impl SkipCode {
    /// The code as the extension sees it, e.g. `"invalid"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipCode::Disabled => "disabled",
            SkipCode::Settings => "settings",
            SkipCode::Empty => "empty",
            SkipCode::Unreadable => "unreadable",
            SkipCode::Invalid => "invalid",
            SkipCode::UnknownCountry => "unknown-country",
            SkipCode::Uncertain => "uncertain",
        }
    }
}

impl fmt::Display for SkipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A link left untouched: a stable code and a message naming the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Skip {
    /// Why, for the extension to branch on.
    pub code: SkipCode,
    /// Why, for the agent to read.
    pub message: String,
}

impl From<ReadError> for Skip {
    fn from(err: ReadError) -> Self {
        Skip {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_names_the_value_readably() {
        let cases: &[(&str, &str)] = &[
            ("555-12", "“555-12”"),
            ("a\u{200E}b", "“a\\u{200E}b”"),
            ("tab\there", "“tab\\u{0009}here”"),
        ];
        for (raw, want) in cases {
            assert_eq!(Quoted::new(raw).to_string(), *want, "{raw:?}");
        }
        let long = "9".repeat(200);
        let quoted = Quoted::new(&long).to_string();
        assert!(quoted.ends_with("…”"), "{quoted}");
        assert!(quoted.chars().count() < 60);
    }

    #[test]
    fn characters_are_described_for_people() {
        assert_eq!(describe_char(' '), "a space");
        assert_eq!(describe_char('!'), "“!”");
        assert_eq!(describe_char('\u{202F}'), "a space character (U+202F)");
        assert_eq!(describe_char('\u{200B}'), "U+200B");
    }

    #[test]
    fn read_errors_map_to_codes() {
        let value = Quoted::new("x");
        let cases = [
            (ReadError::Empty, "empty"),
            (
                ReadError::Invalid {
                    value: value.clone(),
                    region: "US".into(),
                },
                "invalid",
            ),
            (
                ReadError::UnknownCallingCode {
                    value: value.clone(),
                    prefix: "+".into(),
                },
                "unknown-country",
            ),
            (
                ReadError::Unconfirmed {
                    value,
                    ours: "+1".into(),
                },
                "uncertain",
            ),
        ];
        for (err, code) in cases {
            assert_eq!(Skip::from(err).code.as_str(), code);
        }
    }

    #[test]
    fn invalid_message_matches_the_product_wording() {
        let err = ReadError::Invalid {
            value: Quoted::new("555-12"),
            region: "US".into(),
        };
        assert_eq!(
            err.to_string(),
            "“555-12” is not a valid phone number for US"
        );
    }
}

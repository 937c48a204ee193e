//! Every way the core can refuse a value, as `thiserror` enums whose messages name the value
//! and can be shown to an agent as they are.
//!
//! Reading a raw phone field fails with [`ReadError`]; [`dial`](crate::dial()) turns that (or a
//! settings problem) into a [`Skip`], the `{code, message}` pair the extension shows. Caller IDs
//! fail with [`CallerIdError`], stored or imported settings with [`SettingsError`] (whose
//! messages come from [`CallerIdError`], [`TargetError`], [`TemplateError`] and
//! [`ValueError`]).

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
            if ch.is_control() || prints_nothing(ch) {
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

/// Bidirectional controls, zero-width characters, the word joiner, the byte order mark and the
/// soft hyphen: invisible, copied along with text from web pages and spreadsheets.
pub fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Characters that print as nothing: the invisible ones and the invisible operators
/// (U+2061 to U+2065); quoting them visibly keeps messages honest.
fn prints_nothing(ch: char) -> bool {
    is_invisible(ch) || matches!(ch, '\u{2061}'..='\u{2065}')
}

/// Names a character for a message: printable ones quoted, spaces and invisible ones by name.
pub fn describe_char(ch: char) -> String {
    match ch {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_whitespace() => format!("a space character (U+{:04X})", u32::from(c)),
        c if c.is_control() || prints_nothing(c) => format!("U+{:04X}", u32::from(c)),
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
    #[error("{value} is not a valid phone number for {country}")]
    Invalid {
        /// The raw value.
        value: Quoted,
        /// The country whose numbering plan was used: the default country, or the one the
        /// country calling code belongs to.
        country: String,
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

/// Why a settings value, or the whole settings object, cannot be used. Every message but
/// [`SettingsError::NotAnObject`]'s starts with the field it is about (`rules[2].region: …`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// The settings are not a key/value object at all.
    #[error("settings must be an object of setting names and values, not {found}")]
    NotAnObject {
        /// What was found instead.
        found: String,
    },

    /// A top-level key this version does not know.
    #[error("{field}: unknown setting")]
    UnknownSetting {
        /// The key.
        field: String,
    },

    /// A key inside a list entry that such entries do not have.
    #[error("{field}: unknown key; an entry has {expected}")]
    UnknownEntryKey {
        /// The path of the key, e.g. `callerIds[0].colour`.
        field: String,
        /// The keys an entry has, for a reader.
        expected: &'static str,
    },

    /// A key a list entry must have.
    #[error("{field}: missing")]
    Missing {
        /// The path of the key, e.g. `rules[1].callerId`.
        field: String,
    },

    /// A value of the wrong JSON type.
    #[error("{field}: must be {expected}, not {found}")]
    WrongType {
        /// The path of the value.
        field: String,
        /// The type expected, for a reader.
        expected: &'static str,
        /// What was found instead.
        found: String,
    },

    /// A value of the right type that is still unusable.
    #[error("{field}: {message}")]
    BadValue {
        /// The path of the value.
        field: String,
        /// Why the value is unusable.
        message: String,
    },

    /// A list longer than the extension keeps.
    #[error("{field}: {} entries; at most {} {what} are allowed", thousands(*count), thousands(*max))]
    TooManyEntries {
        /// The list's key.
        field: String,
        /// How many entries it has.
        count: usize,
        /// The most it may have.
        max: usize,
        /// What its entries are, for a reader: `caller IDs`, `rules`.
        what: &'static str,
    },

    /// A pool number or rule target that an earlier entry already has.
    #[error("{field}: {value} is listed twice (first at {first})")]
    Duplicate {
        /// The path of the later value.
        field: String,
        /// The value.
        value: String,
        /// The path of the entry that has it first, e.g. `callerIds[0]`.
        first: String,
    },
}

/// `2000` as `2,000`, as the messages write counts.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

impl SettingsError {
    /// The path of the value the error is about (empty when it is about the whole object).
    pub fn field(&self) -> &str {
        match self {
            SettingsError::NotAnObject { .. } => "",
            SettingsError::UnknownSetting { field }
            | SettingsError::UnknownEntryKey { field, .. }
            | SettingsError::Missing { field }
            | SettingsError::WrongType { field, .. }
            | SettingsError::BadValue { field, .. }
            | SettingsError::TooManyEntries { field, .. }
            | SettingsError::Duplicate { field, .. } => field,
        }
    }

    /// A [`SettingsError::BadValue`] for `field` with `err`'s message.
    pub fn bad_value(field: &str, err: impl fmt::Display) -> Self {
        SettingsError::BadValue {
            field: field.to_owned(),
            message: err.to_string(),
        }
    }
}

/// Why a settings value of the right type is unusable, for the values without an error type
/// of their own (caller IDs, rule targets and link templates have theirs).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// A country the numbering plan does not know.
    #[error("{value} is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US")]
    UnknownCountry {
        /// The value given.
        value: Quoted,
    },

    /// A pool label longer than the popup can show.
    #[error("label {value} has {chars} characters; at most {max} are allowed")]
    LabelTooLong {
        /// The label.
        value: Quoted,
        /// Its length in characters.
        chars: usize,
        /// The longest allowed.
        max: usize,
    },

    /// A pool label with a control character (a line break, a tab, …).
    #[error("label {value} contains the control character {found}")]
    LabelControlCharacter {
        /// The label.
        value: Quoted,
        /// The character's code point, `U+000A`.
        found: String,
    },

    /// Not the API name of a Salesforce field.
    #[error("{value} is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor \"\" for none")]
    FieldName {
        /// The value given.
        value: Quoted,
    },

    /// A dialled number format other than the two there are.
    #[error("{value} is not a number format; use \"e164\" or \"national\"")]
    NumberFormat {
        /// The value given.
        value: Quoted,
    },
}

/// Why a caller-ID rule's target is unusable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// Neither a known country nor a known state, province or territory.
    #[error("{value} is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)")]
    Unknown {
        /// The value given.
        value: Quoted,
    },

    /// A `+` prefix with something other than digits after it.
    #[error(
        "{value} is not an E.164 prefix: it contains {found} (write + and digits only, like +1212)"
    )]
    PrefixNotDigits {
        /// The value given.
        value: Quoted,
        /// The first offending character, described for a reader.
        found: String,
    },

    /// A `+` prefix too short or too long.
    #[error("{value} is not an E.164 prefix: it has {digits} digits after +, expected 2 to 15")]
    PrefixLength {
        /// The value given.
        value: Quoted,
        /// Digits after the `+`.
        digits: usize,
    },

    /// A `+` prefix whose digits start with no known country calling code.
    #[error("{value} is not an E.164 prefix: it does not start with a known country calling code")]
    PrefixCallingCode {
        /// The value given.
        value: Quoted,
    },
}

/// Why a link template is unusable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// A space or control character, which no link contains (and which browsers strip,
    /// turning `java\tscript:` into `javascript:`).
    #[error("link template {template} contains {found}, which a link cannot contain")]
    ForbiddenCharacter {
        /// The template.
        template: Quoted,
        /// The character, described for a reader.
        found: String,
    },

    /// No `scheme:` at the start.
    #[error("link template {template} must start with the dialer's scheme, such as callto: (a letter, then letters, digits, +, - or ., then :)")]
    NoScheme {
        /// The template.
        template: Quoted,
    },

    /// A scheme that opens web pages, files or browser pages, or runs code.
    #[error("link template {template} uses the scheme {scheme}:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:")]
    UnsafeScheme {
        /// The template.
        template: Quoted,
        /// The scheme, lower-case.
        scheme: String,
    },

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
    /// The settings cannot be used (a bad value in settings built natively).
    Settings,
    /// The caller ID the agent chose for this call is not usable.
    CallerId,
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
            SkipCode::CallerId => "caller-id",
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
            // An invisible operator: never trimmed from a number, but quoted visibly.
            ("a\u{2062}b", "“a\\u{2062}b”"),
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
                    country: "US".into(),
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
            country: "US".into(),
        };
        assert_eq!(
            err.to_string(),
            "“555-12” is not a valid phone number for US"
        );
    }
}

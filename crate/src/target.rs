//! A caller-ID rule's target, the numbers it applies to: an E.164 prefix (`+1212`, `+4420`),
//! a subdivision — a US state, DC, US territory or Canadian province or territory (`US-CA`,
//! `CA-ON`, ISO 3166-2) — or a country (`GB`, ISO 3166-1 alpha-2). Settings store it under
//! the key `region`.
//!
//! Codes are exact: upper-case, no spaces. A prefix is `+` and 2 to 15 digits starting with
//! a known country calling code.

use crate::error::{describe_char, Quoted, TargetError};
use crate::numbering::country_plan;
use crate::place::{canonical_area, is_known_subdivision, Place};

/// Fewest digits a prefix may have after `+`.
const MIN_PREFIX_DIGITS: usize = 2;
/// Most digits a prefix may have after `+` (a whole E.164 number).
const MAX_PREFIX_DIGITS: usize = 15;

/// A checked rule target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Numbers whose E.164 digits start with these digits (no `+`).
    Prefix(String),
    /// A subdivision as the picker lists it (`US-CA`, `US-PR`).
    Subdivision(String),
    /// A country the numbering plan knows.
    Country(String),
}

impl Target {
    /// Reads a rule's target (its stored `region`).
    pub fn parse(text: &str) -> Result<Target, TargetError> {
        let value = || Quoted::new(text);
        if let Some(digits) = text.strip_prefix('+') {
            if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
                return Err(TargetError::PrefixNotDigits {
                    value: value(),
                    found: describe_char(bad),
                });
            }
            if !(MIN_PREFIX_DIGITS..=MAX_PREFIX_DIGITS).contains(&digits.len()) {
                return Err(TargetError::PrefixLength {
                    value: value(),
                    digits: digits.len(),
                });
            }
            if country_plan::split_calling_code(digits).is_none() {
                return Err(TargetError::PrefixCallingCode { value: value() });
            }
            return Ok(Target::Prefix(digits.to_owned()));
        }
        if is_known_subdivision(text) {
            return Ok(Target::Subdivision(text.to_owned()));
        }
        if country_plan::is_known_country(text) {
            return Ok(Target::Country(text.to_owned()));
        }
        Err(TargetError::Unknown { value: value() })
    }

    /// The target as written in settings: `+1212`, `US-CA`, `GB`.
    pub fn code(&self) -> String {
        match self {
            Target::Prefix(digits) => format!("+{digits}"),
            Target::Subdivision(code) | Target::Country(code) => code.clone(),
        }
    }

    /// How specific the target is, for choosing among the rules a number matches: a longer
    /// prefix over a shorter one, any prefix over a subdivision, a subdivision over a
    /// country.
    pub fn specificity(&self) -> (u8, usize) {
        match self {
            Target::Prefix(digits) => (2, digits.len()),
            Target::Subdivision(_) => (1, 0),
            Target::Country(_) => (0, 0),
        }
    }

    /// Whether the number with E.164 `digits` (no `+`) at `place` is a number of this target.
    pub fn contains(&self, digits: &str, place: &Place) -> bool {
        match self {
            Target::Prefix(prefix) => digits.starts_with(prefix.as_str()),
            Target::Subdivision(code) => {
                place.nanp_area.is_some() && canonical_area(code) == place.nanp_area
            }
            Target::Country(code) => *code == place.country,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_read() {
        let cases: &[(&str, Target)] = &[
            ("+1212", Target::Prefix("1212".into())),
            ("+4420", Target::Prefix("4420".into())),
            ("+44", Target::Prefix("44".into())),
            ("+442079460958", Target::Prefix("442079460958".into())),
            ("US-CA", Target::Subdivision("US-CA".into())),
            ("CA-ON", Target::Subdivision("CA-ON".into())),
            ("US-PR", Target::Subdivision("US-PR".into())),
            ("GB", Target::Country("GB".into())),
            ("PR", Target::Country("PR".into())),
        ];
        for (text, want) in cases {
            let target = Target::parse(text).expect("valid");
            assert_eq!(&target, want, "{text}");
            assert_eq!(target.code(), *text);
        }
    }

    #[test]
    fn bad_targets_are_refused_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("US-XX", "“US-XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)"),
            ("us-ca", "“us-ca” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)"),
            ("XX", "“XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)"),
            ("001", "“001” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)"),
            ("", "“” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)"),
            ("+1 212", "“+1 212” is not an E.164 prefix: it contains a space (write + and digits only, like +1212)"),
            ("+1", "“+1” is not an E.164 prefix: it has 1 digits after +, expected 2 to 15"),
            ("+", "“+” is not an E.164 prefix: it has 0 digits after +, expected 2 to 15"),
            ("+1234567890123456", "“+1234567890123456” is not an E.164 prefix: it has 16 digits after +, expected 2 to 15"),
            ("+999", "“+999” is not an E.164 prefix: it does not start with a known country calling code"),
            ("+044", "“+044” is not an E.164 prefix: it does not start with a known country calling code"),
        ];
        for (text, message) in cases {
            let err = Target::parse(text).expect_err("refused");
            assert_eq!(err.to_string(), *message, "{text:?}");
        }
    }

    #[test]
    fn targets_contain_numbers() {
        // (target, E.164 digits, contained)
        let cases: &[(&str, &str, bool)] = &[
            ("+1212", "12125551234", true),
            ("+1212", "12135551234", false),
            ("+4420", "442079460958", true),
            ("US-CO", "13035551234", true),
            ("US-CO", "12125551234", false),
            ("US-PR", "17875551234", true),
            ("CA-ON", "14165551234", true),
            ("US", "13035551234", true),
            ("US", "14165551234", false),
            ("CA", "14165551234", true),
            ("GB", "442079460958", true),
            ("GB", "13035551234", false),
            ("US-CA", "442079460958", false),
        ];
        for (target, digits, want) in cases {
            let t = Target::parse(target).expect("valid");
            assert_eq!(
                t.contains(digits, &Place::of(digits)),
                *want,
                "{target} {digits}"
            );
        }
    }
}

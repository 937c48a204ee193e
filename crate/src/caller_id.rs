//! Caller ID validation: the number 8x8 presents to the person called.
//!
//! 8x8 wants caller IDs in E.164 and only presents numbers shared with the user in the 8x8
//! Admin Console, which may be numbers the public numbering plan does not list (the 8x8
//! article's own example, +18880001111, is one). So the *form* is checked strictly — `+`, a
//! known country calling code, a length the plan calls possible for that code — and an
//! unlisted number is accepted with a warning instead of refused.

use crate::error::{describe_char, CallerIdError, Quoted};
use crate::numbering::country_plan::{self, LengthCheck};
use crate::numbering::normalize::decimal_digit;
use crate::numbering::number::display;
use serde::Serialize;

/// A caller ID that passed the check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CallerId {
    /// The E.164 value, exactly as given.
    pub value: String,
    /// International display form, e.g. `+1 888-000-1111`.
    pub display: String,
    /// Set when the numbering plan does not list the number as assigned.
    pub warning: Option<String>,
}

/// Checks that `value` is a caller ID in E.164 form.
pub fn check_caller_id(value: &str) -> Result<CallerId, CallerIdError> {
    let quoted = || Quoted::new(value);
    if value.is_empty() {
        return Err(CallerIdError::Empty);
    }
    let Some(digits) = value.strip_prefix('+') else {
        return Err(CallerIdError::MissingPlus { value: quoted() });
    };
    if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(CallerIdError::NotDigits {
            value: quoted(),
            found: describe_char(bad),
        });
    }
    let (code, nsn) = country_plan::split_calling_code(digits)
        .ok_or(CallerIdError::UnknownCallingCode { value: quoted() })?;
    let country = country_plan::main_country(code)
        .ok_or(CallerIdError::UnknownCallingCode { value: quoted() })?;
    let expected = country.describe_lengths();
    let digits_after = nsn.len();
    match country.test_length(nsn) {
        LengthCheck::Possible => {}
        LengthCheck::LocalOnly => {
            return Err(CallerIdError::LocalOnly {
                value: quoted(),
                code,
                digits: digits_after,
                expected,
            })
        }
        LengthCheck::TooShort => {
            return Err(CallerIdError::TooShort {
                value: quoted(),
                code,
                digits: digits_after,
                expected,
            })
        }
        LengthCheck::TooLong => {
            return Err(CallerIdError::TooLong {
                value: quoted(),
                code,
                digits: digits_after,
                expected,
            })
        }
        LengthCheck::InvalidLength => {
            return Err(CallerIdError::ImpossibleLength {
                value: quoted(),
                code,
                digits: digits_after,
                expected,
            })
        }
    }
    let assigned = country_plan::country_of_number(code, nsn).is_some_and(|c| c.is_valid_nsn(nsn));
    let warning = (!assigned).then(|| {
        format!(
            "{value} is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console"
        )
    });
    Ok(CallerId {
        value: value.to_owned(),
        display: display(code, nsn),
        warning,
    })
}

/// For a pasted caller ID such as `+1 (888) 000-1111`, the E.164 form it most likely means
/// (`+18880001111`), so the popup can ask "did you mean …". `None` when `value` is already
/// E.164, when no `+` was written, or when the cleaned form would still not pass
/// [`check_caller_id`].
pub fn suggest_caller_id(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    for ch in value.trim().chars() {
        let ch = decimal_digit(ch).unwrap_or(ch);
        match ch {
            '+' | '\u{FF0B}' if out.is_empty() => out.push('+'),
            c if c.is_ascii_digit() && !out.is_empty() => out.push(c),
            c if c.is_whitespace()
                || matches!(
                    c,
                    '-' | '.' | '(' | ')' | '/' | '\u{2010}'..='\u{2015}' | '\u{2212}'
                )
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}') =>
                {}
            _ => return None,
        }
    }
    (out != value && check_caller_id(&out).is_ok()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_e164_with_a_warning_when_unassigned() {
        let id = check_caller_id("+18880001111").expect("the 8x8 article's example");
        assert_eq!(id.value, "+18880001111");
        assert_eq!(id.display, "+1 888-000-1111");
        assert_eq!(
            id.warning.as_deref(),
            Some("+18880001111 is not an assigned number in the numbering plan; check it is shared with you in 8x8 Admin Console")
        );

        let cases: &[(&str, &str)] = &[
            ("+14155551212", "+1 415-555-1212"),
            ("+442079460958", "+44 20 7946 0958"),
            ("+4915120484846", "+49 1512 0484846"),
            ("+80012345678", "+800 1234 5678"),
        ];
        for (value, shown) in cases {
            let id = check_caller_id(value).expect("valid");
            assert_eq!(id.display, *shown, "{value}");
            assert_eq!(id.warning, None, "{value}");
        }
    }

    #[test]
    fn every_refusal_has_a_clear_message() {
        let cases: &[(&str, &str)] = &[
            ("", "the caller ID is empty; write it in E.164, like +18880001111"),
            (
                "18880001111",
                "caller ID “18880001111” must start with + and the country calling code; write it in E.164, like +18880001111",
            ),
            (
                " +18880001111",
                "caller ID “ +18880001111” must start with + and the country calling code; write it in E.164, like +18880001111",
            ),
            (
                "+1 (888) 000-1111",
                "caller ID “+1 (888) 000-1111” contains a space; write it in E.164, like +18880001111 (only + and digits)",
            ),
            (
                "+1-888-000-1111",
                "caller ID “+1-888-000-1111” contains “-”; write it in E.164, like +18880001111 (only + and digits)",
            ),
            (
                "+1888FLOWERS",
                "caller ID “+1888FLOWERS” contains “F”; write it in E.164, like +18880001111 (only + and digits)",
            ),
            (
                "+999123456",
                "caller ID “+999123456” does not start with a known country calling code after the +",
            ),
            (
                "+0123456789",
                "caller ID “+0123456789” does not start with a known country calling code after the +",
            ),
            (
                "+",
                "caller ID “+” does not start with a known country calling code after the +",
            ),
            (
                "+1888000111",
                "caller ID “+1888000111” is too short for country calling code +1: 9 digits after +1, expected 10 digits",
            ),
            (
                "+18880001",
                "caller ID “+18880001” has 7 digits after +1, a local number without its area code (expected 10 digits)",
            ),
            (
                "+188800011112",
                "caller ID “+188800011112” is too long for country calling code +1: 11 digits after +1, expected 10 digits",
            ),
            (
                "+47123456",
                "caller ID “+47123456” has 6 digits after +47, which is not a possible length there (expected 5 or 8 digits)",
            ),
        ];
        for (value, message) in cases {
            match check_caller_id(value) {
                Ok(id) => panic!("{value:?} should be refused, got {id:?}"),
                Err(e) => assert_eq!(e.to_string(), *message, "{value:?}"),
            }
        }
    }

    #[test]
    fn suggests_the_e164_form_of_pasted_values() {
        let cases: &[(&str, Option<&str>)] = &[
            ("+1 (888) 000-1111", Some("+18880001111")),
            ("+1-888-000-1111", Some("+18880001111")),
            (" +44 20 7946 0958 ", Some("+442079460958")),
            ("＋１ ８８８ ０００ １１１１", Some("+18880001111")),
            ("+18880001111", None),
            ("(888) 000-1111", None),
            ("+1 888 000 111", None),
            ("+1 888 FLOWERS", None),
            ("", None),
        ];
        for (value, want) in cases {
            assert_eq!(suggest_caller_id(value).as_deref(), *want, "{value:?}");
        }
    }
}

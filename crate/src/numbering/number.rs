//! Parsing, validation and formatting of one cleaned number.
//!
//! The steps are those of Google's libphonenumber `parse` + `isValidNumber` (calling code from
//! `+`, from the default country's international prefix or from the digits themselves;
//! national prefix and carrier code stripped; full-match validation by number type), run on
//! each country's plan ([`super::country_plan`]). Input written with `+` never consults the
//! default country. Every accepted number must also be one `phonenumber::is_valid` calls
//! valid ([`super::second_opinion`]); when the two disagree the value is refused, not guessed.

use super::country_plan::{self, CountryPlan, LengthCheck};
use super::normalize::{normalize, Cleaned};
use super::plan::NON_GEOGRAPHIC;
use super::second_opinion::crate_confirms;
use crate::error::{Quoted, ReadError};
use std::sync::Arc;

/// Shortest national significant number libphonenumber accepts.
const MIN_NSN: usize = 2;
/// Longest national significant number libphonenumber accepts.
const MAX_NSN: usize = 17;

/// A phone number read with confidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// E.164, e.g. `+14155551212`; never carries the phone extension.
    pub e164: String,
    /// International display form, e.g. `+1 415-555-1212`.
    pub display: String,
    /// ISO 3166-1 alpha-2 country of the number (`001` for non-geographic numbers).
    pub country: String,
    /// The country calling code.
    pub calling_code: u16,
    /// The national significant number.
    pub national: String,
    /// The phone extension's digits, when one was written.
    pub phone_extension: Option<String>,
}

impl Number {
    /// The digits a caller in the number's country dials for it: its national form,
    /// national (trunk) prefix included, without punctuation (`02079460958` for
    /// +44 20 7946 0958, `4155551212` for +1 415-555-1212).
    pub fn national_digits(&self) -> String {
        match country_plan::main_country(self.calling_code) {
            Some(country) => country
                .format_national(&self.national)
                .chars()
                .filter(char::is_ascii_digit)
                .collect(),
            None => self.national.clone(),
        }
    }
}

/// Reads a raw phone field with `default_country` (ISO 3166-1 alpha-2) for numbers written
/// without `+`.
pub fn parse(raw: &str, default_country: &str) -> Result<Number, ReadError> {
    let cleaned = normalize(raw)?;
    parse_cleaned(raw, &cleaned, default_country)
}

/// Reads an already cleaned value; `raw` is only quoted in messages.
fn parse_cleaned(raw: &str, cleaned: &Cleaned, default_country: &str) -> Result<Number, ReadError> {
    let (code, nsn) = national_number(raw, cleaned, default_country)?;
    let e164 = format!("+{code}{nsn}");
    let invalid = || ReadError::Invalid {
        value: Quoted::new(raw),
        country: country_label(code, default_country),
    };
    let country = country_plan::country_of_number(code, &nsn).ok_or_else(invalid)?;
    if !country.is_valid_nsn(&nsn) {
        return Err(invalid());
    }
    if !crate_confirms(&country, &nsn) {
        return Err(ReadError::Unconfirmed {
            value: Quoted::new(raw),
            ours: e164,
        });
    }
    Ok(Number {
        display: display(code, &nsn),
        country: country.id().to_owned(),
        calling_code: code,
        national: nsn,
        phone_extension: cleaned.phone_extension.clone(),
        e164,
    })
}

/// The international display form of a calling code and national number, grouped by the
/// main country's formats (`+1 415-555-1212`).
pub fn display(code: u16, nsn: &str) -> String {
    match country_plan::main_country(code) {
        Some(country) => format!("+{code} {}", country.format_international(nsn)),
        None => format!("+{code} {nsn}"),
    }
}

/// "US", or "GB (+44)" when the calling code came from the number itself.
fn country_label(code: u16, default_country: &str) -> String {
    let default_code = country_plan::country(default_country).map(|c| c.code());
    if default_code == Some(code) {
        default_country.to_owned()
    } else {
        match country_plan::main_country(code) {
            Some(country) if country.id() != NON_GEOGRAPHIC => {
                format!("{} (+{code})", country.id())
            }
            _ => format!("+{code}"),
        }
    }
}

/// libphonenumber's `parseHelper` from country code extraction on: the calling code and the
/// national significant number.
fn national_number(
    raw: &str,
    cleaned: &Cleaned,
    default_country: &str,
) -> Result<(u16, String), ReadError> {
    let value = || Quoted::new(raw);
    let default = country_plan::country(default_country);
    let digits = cleaned.digits.as_str();

    // maybeExtractCountryCode
    let (code, national, country): (u16, String, Arc<CountryPlan>) = if cleaned.plus {
        extracted(raw, digits, "+")?
    } else {
        let default = default.ok_or_else(|| ReadError::UnknownDefaultCountry {
            country: default_country.to_owned(),
        })?;
        if let Some(rest) = default.strip_international_prefix(digits) {
            let prefix = digits.get(..digits.len() - rest.len()).unwrap_or_default();
            extracted(raw, rest, &format!("the international prefix {prefix}"))?
        } else {
            let code_text = default.code().to_string();
            let from_digits = digits.strip_prefix(code_text.as_str()).and_then(|rest| {
                let potential = default
                    .strip_national_prefix(rest)
                    .unwrap_or_else(|| rest.to_owned());
                let better = (!default.matches_general_pattern(digits)
                    && default.matches_general_pattern(&potential))
                    || default.test_length(digits) == LengthCheck::TooLong;
                better.then_some(potential)
            });
            match from_digits {
                Some(national) => {
                    // The calling code was read from the digits: libphonenumber then uses
                    // the main country of that code, which may not be the default country.
                    let country = if country_plan::main_country(default.code())
                        .is_some_and(|main| main.id() == default.id())
                    {
                        default
                    } else {
                        country_plan::main_country(default.code()).unwrap_or(default)
                    };
                    (country.code(), national, country)
                }
                None => (default.code(), digits.to_owned(), default),
            }
        }
    };

    if national.len() < MIN_NSN {
        return Err(ReadError::TooFewDigits { value: value() });
    }
    // Strip the national prefix when what is left still has a possible length.
    let national = match country.strip_national_prefix(&national) {
        Some(potential)
            if !matches!(
                country.test_length(&potential),
                LengthCheck::TooShort | LengthCheck::LocalOnly | LengthCheck::InvalidLength
            ) =>
        {
            potential
        }
        _ => national,
    };
    if national.len() < MIN_NSN {
        return Err(ReadError::TooFewDigits { value: value() });
    }
    if national.len() > MAX_NSN {
        return Err(ReadError::TooManyDigits { value: value() });
    }
    Ok((code, national))
}

/// The calling code at the start of `digits` (after `+` or an international prefix) and the
/// plan of its main country.
fn extracted(
    raw: &str,
    digits: &str,
    prefix: &str,
) -> Result<(u16, String, Arc<CountryPlan>), ReadError> {
    if digits.len() <= MIN_NSN {
        return Err(ReadError::TooFewDigits {
            value: Quoted::new(raw),
        });
    }
    let unknown = || ReadError::UnknownCallingCode {
        value: Quoted::new(raw),
        prefix: prefix.to_owned(),
    };
    let (code, rest) = country_plan::split_calling_code(digits).ok_or_else(unknown)?;
    let country = country_plan::main_country(code).ok_or_else(unknown)?;
    Ok((code, rest.to_owned(), country))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(raw: &str, country: &str) -> Result<String, String> {
        parse(raw, country)
            .map(|n| n.e164)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_numbers_like_libphonenumber() {
        // (raw, default country, E.164) — expected values are Google libphonenumber's.
        let cases: &[(&str, &str, &str)] = &[
            ("4155551212", "US", "+14155551212"),
            ("(415) 555-1212", "US", "+14155551212"),
            ("1 (415) 555-1212", "US", "+14155551212"),
            ("14155551212", "US", "+14155551212"),
            ("+1 415 555 1212", "US", "+14155551212"),
            ("011 44 20 7946 0958", "US", "+442079460958"),
            ("011 49 151 20484846", "US", "+4915120484846"),
            ("020 7946 0958", "GB", "+442079460958"),
            ("00 1 415 555 1212", "GB", "+14155551212"),
            ("+44 (0) 20 7946 0958", "US", "+442079460958"),
            ("06 69 82 00 00", "IT", "+390669820000"),
            ("+39 06 6982 0000", "US", "+390669820000"),
            ("(613) 555-0123", "CA", "+16135550123"),
            ("1-800-FLOWERS", "US", "+18003569377"),
            ("1-800-GO-FEDEX", "US", "+18004633339"),
            ("+800 1234 5678", "US", "+80012345678"),
            ("011 54 9 11 1234 5678", "US", "+5491112345678"),
            ("0 11 15 1234 5678", "AR", "+5491112345678"),
        ];
        for (raw, country, want) in cases {
            assert_eq!(
                e164(raw, country).as_deref(),
                Ok(*want),
                "{raw:?} in {country}"
            );
        }
    }

    #[test]
    fn plus_numbers_ignore_the_default_country() {
        // The phonenumber crate alone turns these into other, dialable numbers under US.
        let cases: &[(&str, &str)] = &[
            ("+49 151 20484846", "+4915120484846"),
            ("+353 1 222 0624", "+35312220624"),
            ("+33 1 42 68 53 00", "+33142685300"),
            ("+55 11 91234 5678", "+5511912345678"),
            ("+86 10 1234 5678", "+861012345678"),
            ("+44 20 7946 0958", "+442079460958"),
        ];
        for (raw, want) in cases {
            for country in ["US", "GB", "DE", "AR"] {
                assert_eq!(
                    e164(raw, country).as_deref(),
                    Ok(*want),
                    "{raw:?} in {country}"
                );
            }
        }
    }

    #[test]
    fn returns_country_display_and_phone_extension() {
        let n = parse("415.555.1212 x23", "US").expect("valid");
        assert_eq!(n.e164, "+14155551212");
        assert_eq!(n.display, "+1 415-555-1212");
        assert_eq!(n.country, "US");
        assert_eq!(n.phone_extension.as_deref(), Some("23"));
        let cases: &[(&str, &str, &str)] = &[
            ("+44 20 7946 0958", "+44 20 7946 0958", "GB"),
            ("+49 151 20484846", "+49 1512 0484846", "DE"),
            ("+353 1 222 0624", "+353 1 222 0624", "IE"),
            ("+39 06 6982 0000", "+39 06 6982 0000", "VA"),
            ("+1 613 555 0123", "+1 613-555-0123", "CA"),
            ("+55 11 91234 5678", "+55 11 91234-5678", "BR"),
            ("+800 1234 5678", "+800 1234 5678", "001"),
        ];
        for (raw, shown, country) in cases {
            let n = parse(raw, "US").expect("valid");
            assert_eq!(
                (n.display.as_str(), n.country.as_str()),
                (*shown, *country),
                "{raw:?}"
            );
            assert_eq!(n.phone_extension, None);
        }
    }

    #[test]
    fn national_digits_are_what_a_caller_in_the_country_dials() {
        let cases: &[(&str, &str, &str)] = &[
            ("+1 415 555 1212", "US", "4155551212"),
            ("(303) 555-1234 x9", "US", "3035551234"),
            ("+1 800 356 9377", "US", "8003569377"),
            ("+44 20 7946 0958", "GB", "02079460958"),
            ("07400 123456", "GB", "07400123456"),
            ("+49 30 123456", "DE", "030123456"),
            ("+49 151 20484846", "DE", "015120484846"),
            ("+39 06 6982 0000", "IT", "0669820000"),
            ("+7 812 123 45 67", "RU", "88121234567"),
        ];
        for (raw, country, want) in cases {
            let n = parse(raw, country).expect("valid");
            assert_eq!(n.national_digits(), *want, "{raw:?}");
        }
    }

    #[test]
    fn refuses_invalid_numbers_with_messages() {
        let cases: &[(&str, &str, &str)] = &[
            ("555-12", "US", "“555-12” is not a valid phone number for US"),
            ("555-1212", "US", "“555-1212” is not a valid phone number for US"),
            ("8880001111", "US", "“8880001111” is not a valid phone number for US"),
            ("415555121299", "US", "“415555121299” is not a valid phone number for US"),
            (
                "+44 20 7946",
                "US",
                "“+44 20 7946” is not a valid phone number for GB (+44)",
            ),
            (
                "+999 1234 5678",
                "US",
                "“+999 1234 5678” does not continue with a known country calling code after +",
            ),
            (
                "+0 415 555 1212",
                "US",
                "“+0 415 555 1212” does not continue with a known country calling code after +",
            ),
            (
                "011 999 1234",
                "US",
                "“011 999 1234” does not continue with a known country calling code after the international prefix 011",
            ),
            ("+1 2", "US", "“+1 2” has too few digits to be a phone number"),
            (
                "4155551212",
                "XX",
                "the default country “XX” is not in the phone number database",
            ),
        ];
        for (raw, country, message) in cases {
            assert_eq!(
                e164(raw, country).as_ref(),
                Err(&message.to_string()),
                "{raw:?}"
            );
        }
        // Letters, text and symbols are refused by the cleanup step, before parsing.
        for raw in ["hello", "N/A", "415-555-1212!", "call me"] {
            assert!(e164(raw, "US").is_err(), "{raw:?}");
        }
    }

    #[test]
    fn trunk_prefix_digits_in_the_national_number_are_kept() {
        // The phonenumber crate's parser strips these leading 8s as a trunk prefix.
        let cases: &[(&str, &str)] = &[
            ("+7 812 123 45 67", "+78121234567"),
            ("+7 800 123-45-67", "+78001234567"),
            ("8 (812) 123-45-67", "+78121234567"),
            ("+375 801 123 4567", "+3758011234567"),
        ];
        for (raw, want) in cases {
            let country = if raw.starts_with('8') { "RU" } else { "US" };
            assert_eq!(e164(raw, country).as_deref(), Ok(*want), "{raw:?}");
        }
    }
}

//! Input cleanup: from whatever a CRM user typed (or a browser percent-encoded) to a plain
//! string of ASCII digits, a flag for a leading `+`, and a phone extension split off.
//!
//! Steps: percent-decoding (`%20`, `%2B`); spaces and invisible characters (bidi controls,
//! zero-width characters, BOM) trimmed from both ends; a leading `'` or surrounding quotes, a
//! label such as `Tel:` or `Cell` and a `tel:` scheme removed; RFC 3966 parameters read
//! (`;ext=`, `;phone-context=`, others dropped); a phone extension split off (`x23`, `ext. 23`,
//! `#23`, `,,23`, …); keypad letters turned into digits (`1-800-FLOWERS`).
//!
//! Inside the number the character rules are those of Google's libphonenumber as the
//! differential test runs it (the JavaScript build): ASCII, full-width, Arabic-Indic and
//! Extended Arabic-Indic digits; its punctuation, spaces (space, no-break, ideographic) and
//! invisible separators (zero-width space, word joiner, soft hyphen). Where that library reads
//! nothing this module refuses with a reason rather than guess: other digit scripts
//! (Devanagari, Thai, …), other spaces (thin, narrow no-break, tab), bidi controls between
//! digits, text around the number, stray letters and unknown symbols.

use super::phone_extension;
use crate::error::{describe_char, is_invisible, Quoted, ReadError};
use std::borrow::Cow;

/// Longest raw value considered at all (libphonenumber's `MAX_INPUT_STRING_LENGTH`).
pub const MAX_INPUT_CHARS: usize = 250;

/// Longest phone extension kept from an RFC 3966 `;ext=` parameter or an explicit label.
const MAX_EXPLICIT_PHONE_EXTENSION: usize = 20;

/// A raw value cleaned for parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The number was written with a leading `+` (or an RFC 3966 global `phone-context`).
    pub plus: bool,
    /// The number's digits, ASCII only, keypad letters already turned into digits.
    pub digits: String,
    /// The phone extension's digits, when one was written.
    pub phone_extension: Option<String>,
    /// The number was spelt with keypad letters (1-800-FLOWERS).
    pub vanity: bool,
}

/// Cleans one raw phone field.
pub fn normalize(raw: &str) -> Result<Cleaned, ReadError> {
    let value = || Quoted::new(raw);
    if raw.chars().count() > MAX_INPUT_CHARS {
        return Err(ReadError::InputTooLong { value: value() });
    }
    let decoded =
        percent_decode(raw).ok_or_else(|| ReadError::BadPercentEncoding { value: value() })?;
    let text = unwrap_value(&decoded);
    if text.is_empty() {
        return Err(ReadError::Empty);
    }
    let mapped = map_characters(raw, text)?;

    let params = split_parameters(raw, &mapped)?;
    let mut body = params.number.trim().to_owned();
    let mut phone_extension = params.phone_extension;
    if let Some(context) = &params.global_context {
        if body.contains('+') {
            return Err(ReadError::BadParameter {
                value: value(),
                detail: "a global phone-context is given for a number that already has a +"
                    .to_owned(),
            });
        }
        body = format!("{context}{body}");
    }
    if phone_extension.is_none() {
        if let Some((number, ext)) = split_phone_extension(&body) {
            body = number;
            phone_extension = Some(ext);
        } else if let Some(number) = strip_unfilled_phone_extension(&body) {
            body = number;
        }
    }

    let (plus, digits, vanity) = read_number(raw, &body)?;
    Ok(Cleaned {
        plus,
        digits,
        phone_extension,
        vanity,
    })
}

/// Decodes `%XX` sequences (an `href` read from the page may be percent-encoded).
/// `None` for a `%` without two hex digits or bytes that are not UTF-8.
fn percent_decode(raw: &str) -> Option<Cow<'_, str>> {
    if !raw.contains('%') {
        return Some(Cow::Borrowed(raw));
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hi = hex_value(*bytes.get(i + 1)?)?;
            let lo = hex_value(*bytes.get(i + 2)?)?;
            out.push(hi * 16 + lo);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// First code point of each run of ten Unicode decimal digits (general category `Nd`, zero to
/// nine in order).
const DIGIT_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0,
    0x1E950, 0x1FBF0,
];

/// The digit scripts Google's reference library (the JavaScript build the differential test
/// runs) reads: ASCII, full-width, Arabic-Indic and Extended Arabic-Indic. Other scripts
/// (Devanagari, Bengali, Thai, …) are refused with a reason rather than read where the
/// reference reads nothing.
const READ_DIGIT_ZEROS: &[u32] = &[0x0030, 0xFF10, 0x0660, 0x06F0];

/// The ASCII digit for any Unicode decimal digit.
pub fn decimal_digit(ch: char) -> Option<char> {
    digit_in(DIGIT_ZEROS, ch)
}

fn digit_in(zeros: &[u32], ch: char) -> Option<char> {
    let cp = u32::from(ch);
    zeros.iter().find_map(|&zero| {
        let offset = cp.checked_sub(zero).filter(|&d| d < 10)?;
        char::from_digit(offset, 10)
    })
}

/// Labels a CRM user may type before a number ("Tel: …", "Cell …"), longest first so
/// "telephone" wins over "tel". One-letter labels only count when followed by `:` or `.`.
const LABELS: &[&str] = &[
    "téléphone",
    "telephone",
    "teléfono",
    "telefono",
    "telefone",
    "cellular",
    "telefon",
    "direct",
    "mobile",
    "office",
    "phone",
    "handy",
    "mobil",
    "work",
    "cell",
    "home",
    "main",
    "tel",
    "tél",
    "mob",
    "ph",
    "t",
    "m",
    "w",
    "o",
    "h",
    "p",
];

/// The value without what surrounds the number: invisible characters and spaces at either
/// end, quotes (a spreadsheet's leading `'`), a label such as `Tel:` and a `tel:` scheme.
fn unwrap_value(text: &str) -> &str {
    let mut text = trim(text);
    text = text.trim_start_matches(['\'', '"']);
    text = text.trim_end_matches('"');
    text = trim(text);
    if let Some(rest) = strip_label(text) {
        text = rest;
    }
    if let Some(rest) = strip_prefix_ignore_case(text, "tel:") {
        text = trim(rest);
    }
    text
}

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// `text` after a known label and its separator, when a number (or `tel:`) follows.
fn strip_label(text: &str) -> Option<&str> {
    // Every label is a word: a value starting otherwise (most do) has none.
    if !text.starts_with(char::is_alphabetic) {
        return None;
    }
    LABELS.iter().find_map(|label| {
        let rest = strip_prefix_ignore_case(text, label)?;
        let first = rest.chars().next()?;
        let separated = matches!(first, ':' | '.')
            || (label.chars().count() > 1 && (first.is_whitespace() || first == '-'));
        if !separated {
            return None;
        }
        let rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || is_invisible(c) || matches!(c, ':' | '.' | '-')
        });
        let next = rest.chars().next()?;
        let number_follows = next.is_ascii_digit()
            || matches!(next, '+' | '(' | '\u{FF0B}' | '\u{FF08}')
            || digit_in(READ_DIGIT_ZEROS, next).is_some()
            || strip_prefix_ignore_case(rest, "tel:").is_some();
        number_follows.then_some(rest)
    })
}

/// Maps the characters inside the number to plain ASCII, the way libphonenumber reads them:
/// the four digit scripts above, full-width `＋` and punctuation, libphonenumber's spaces
/// (space, no-break, ideographic) to a space, its dashes to `-`, its invisible separators
/// (zero-width space, word joiner, soft hyphen) to nothing. Anything else is kept, for
/// [`read_number`] to refuse with a reason; other digit scripts are refused here.
fn map_characters(raw: &str, text: &str) -> Result<String, ReadError> {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if let Some(d) = digit_in(READ_DIGIT_ZEROS, ch) {
            out.push(d);
            continue;
        }
        if decimal_digit(ch).is_some() {
            return Err(ReadError::UnsupportedDigits {
                value: Quoted::new(raw),
                found: describe_char(ch),
            });
        }
        match ch {
            '\u{00AD}' | '\u{200B}' | '\u{2060}' => {}
            '\u{00A0}' | '\u{3000}' => out.push(' '),
            '\u{FF0B}' => out.push('+'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}' => out.push('-'),
            '\u{FF08}' => out.push('('),
            '\u{FF09}' => out.push(')'),
            '\u{FF0E}' => out.push('.'),
            '\u{FF0F}' => out.push('/'),
            '\u{FF3B}' => out.push('['),
            '\u{FF3D}' => out.push(']'),
            // Swung dash and tilde operator are only punctuation; the tildes also mark a
            // phone extension, as for libphonenumber.
            '\u{2053}' | '\u{223C}' => out.push('-'),
            '\u{FF5E}' => out.push('~'),
            '\u{FF03}' => out.push('#'),
            other => out.push(other),
        }
    }
    Ok(out)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = text.char_indices();
    for want in prefix.chars() {
        let (_, got) = rest.next()?;
        if !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    let end = rest.next().map_or(text.len(), |(i, _)| i);
    text.get(end..)
}

/// The number part of an RFC 3966 value and what its parameters say.
struct Parameters {
    number: String,
    phone_extension: Option<String>,
    global_context: Option<String>,
}

/// Splits `number;param=value;…`: `ext=` gives the phone extension, a global
/// `phone-context=+CC` the country, a domain `phone-context`, `isub=` and unknown parameters
/// are dropped. A bare `;digits` at the end is the auto-dial phone extension form
/// libphonenumber also reads.
fn split_parameters(raw: &str, text: &str) -> Result<Parameters, ReadError> {
    let mut parts = text.split(';');
    let number = parts.next().unwrap_or_default().to_owned();
    let rest: Vec<&str> = parts.collect();
    let mut out = Parameters {
        number,
        phone_extension: None,
        global_context: None,
    };
    let bad = |detail: String| ReadError::BadParameter {
        value: Quoted::new(raw),
        detail,
    };
    let last = rest.len().saturating_sub(1);
    for (index, param) in rest.iter().enumerate() {
        let param = param.trim();
        if param.is_empty() {
            continue;
        }
        let Some((key, val)) = param.split_once('=') else {
            let digits = param.trim_start_matches([':', '.', ' ', '-']);
            let digits = digits.strip_suffix('#').unwrap_or(digits);
            if index == last
                && out.phone_extension.is_none()
                && !digits.is_empty()
                && digits.len() <= 15
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                out.phone_extension = Some(digits.to_owned());
                continue;
            }
            return Err(ReadError::UnexpectedCharacter {
                value: Quoted::new(raw),
                found: describe_char(';'),
            });
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "ext" => {
                let digits: String = val
                    .chars()
                    .filter(|c| !matches!(c, '-' | '.' | '(' | ')'))
                    .collect();
                if digits.is_empty()
                    || digits.len() > MAX_EXPLICIT_PHONE_EXTENSION
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                    || out.phone_extension.is_some()
                {
                    return Err(bad(format!("ext={val} is not an extension")));
                }
                out.phone_extension = Some(digits);
            }
            "phone-context" => {
                let val = val.trim();
                if let Some(global) = val.strip_prefix('+') {
                    let digits: String = global
                        .chars()
                        .filter(|c| !matches!(c, '-' | '.' | '(' | ')'))
                        .collect();
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(bad(format!("phone-context={val} is not +digits")));
                    }
                    out.global_context = Some(format!("+{digits}"));
                } else if val.is_empty()
                    || !val
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                {
                    return Err(bad(format!(
                        "phone-context={val} is not a domain or +digits"
                    )));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Splits a trailing phone extension off, when what stays in front still reads as a number.
fn split_phone_extension(text: &str) -> Option<(String, String)> {
    let (number, ext) = phone_extension::split_off(text)?;
    is_viable(number).then(|| (number.to_owned(), ext.to_owned()))
}

/// A number followed by a bare `x` (a phone extension never filled in): the number alone,
/// when it has no letters (with letters, libphonenumber counts the `x` as one more keypad
/// letter).
fn strip_unfilled_phone_extension(text: &str) -> Option<String> {
    let number = text.strip_suffix(['x', 'X'])?.trim_end_matches([' ', ',']);
    (!number.chars().any(|c| c.is_ascii_alphabetic()) && is_viable(number))
        .then(|| number.to_owned())
}

/// Punctuation a written phone number may contain between its digits.
fn is_punctuation(ch: char) -> bool {
    matches!(ch, ' ' | '-' | '.' | '(' | ')' | '/' | '[' | ']' | '~')
}

/// libphonenumber's `isViablePhoneNumber`, for the characters kept here: two digits alone,
/// or (after an optional `+`) three digits among punctuation before any letter, then digits,
/// letters and punctuation.
fn is_viable(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.len() == 2 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut digits = 0;
    for ch in trimmed.chars() {
        match ch {
            '+' if digits == 0 => {}
            c if c.is_ascii_digit() => digits += 1,
            c if is_punctuation(c) => {}
            c if c.is_ascii_alphabetic() && digits >= 3 => {}
            _ => return false,
        }
    }
    digits >= 3
}

/// Whether `text` holds `ext` at the start of a word (`ext`, `extn`, `extension`), as a
/// phone extension's label does; inside a word (`NEXT`) it may be a vanity number's letters.
fn has_phone_extension_label(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices("ext").any(|(at, _)| {
        at == 0
            || lower
                .as_bytes()
                .get(at - 1)
                .is_some_and(|before| !before.is_ascii_alphabetic())
    })
}

/// The telephone keypad letter mapping (ITU E.161).
fn keypad_digit(ch: char) -> Option<char> {
    Some(match ch.to_ascii_uppercase() {
        'A' | 'B' | 'C' => '2',
        'D' | 'E' | 'F' => '3',
        'G' | 'H' | 'I' => '4',
        'J' | 'K' | 'L' => '5',
        'M' | 'N' | 'O' => '6',
        'P' | 'Q' | 'R' | 'S' => '7',
        'T' | 'U' | 'V' => '8',
        'W' | 'X' | 'Y' | 'Z' => '9',
        _ => return None,
    })
}

/// Reads the number part: at most one `+`, before any digit; digits, punctuation and (for
/// keypad numbers) letters. Returns the plus flag, the digits and whether letters were read.
fn read_number(raw: &str, body: &str) -> Result<(bool, String, bool), ReadError> {
    let value = || Quoted::new(raw);
    let mut plus = false;
    let mut digits = String::with_capacity(body.len());
    let mut letters = 0usize;
    for ch in body.chars() {
        match ch {
            // libphonenumber reads any run of pluses before the digits as one.
            '+' if digits.is_empty() && letters == 0 => plus = true,
            c if c.is_ascii_digit() => digits.push(c),
            c if c.is_ascii_alphabetic() => {
                letters += 1;
                digits.push(keypad_digit(c).unwrap_or('0'));
            }
            c if is_punctuation(c) => {}
            other => {
                return Err(ReadError::UnexpectedCharacter {
                    value: value(),
                    found: describe_char(other),
                })
            }
        }
    }
    // libphonenumber reads letters as keypad digits only when there are at least three and
    // the number starts with three digits; fewer letters (or text first) are not a number.
    // A phone extension's label that `phone_extension` did not take (`1212extn415.`) is never
    // keypad letters: read as a vanity word it would dial a stranger.
    if letters > 0 && (letters < 3 || !is_viable(body) || has_phone_extension_label(body)) {
        return Err(ReadError::StrayLetters { value: value() });
    }
    if digits.len() < 2 || !is_viable(body) {
        return Err(ReadError::TooFewDigits { value: value() });
    }
    Ok((plus, digits, letters > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> Cleaned {
        match normalize(raw) {
            Ok(c) => c,
            Err(e) => panic!("{raw:?} should clean, got {e}"),
        }
    }

    #[test]
    fn an_unread_phone_extension_label_is_never_keypad_letters() {
        // Read as keypad letters, "extn" would make this +1 212-398-6415, a stranger.
        assert!(normalize("1212extn415.").is_err());
        // Inside a word, "ext" stays a vanity number's letters.
        assert_eq!(ok("1-800-NEXTDAY").digits, "18006398329");
    }

    #[test]
    fn cleans_what_crm_users_type() {
        // (raw, plus, digits, phone extension)
        let cases: &[(&str, bool, &str, Option<&str>)] = &[
            ("4155551212", false, "4155551212", None),
            ("(415) 555-1212", false, "4155551212", None),
            ("415.555.1212", false, "4155551212", None),
            ("+44 20 7946 0958", true, "442079460958", None),
            ("+49 151 20484846", true, "4915120484846", None),
            ("  +1 (415) 555-1212  ", true, "14155551212", None),
            ("(+44) 20 7946 0958", true, "442079460958", None),
            ("415 / 555 [1212]", false, "4155551212", None),
        ];
        for (raw, plus, digits, ext) in cases {
            let c = ok(raw);
            assert_eq!(c.plus, *plus, "{raw:?}");
            assert_eq!(c.digits, *digits, "{raw:?}");
            assert_eq!(c.phone_extension.as_deref(), *ext, "{raw:?}");
        }
    }

    #[test]
    fn maps_the_digits_and_spaces_libphonenumber_reads() {
        let cases: &[(&str, bool, &str)] = &[
            ("４１５５５５１２１２", false, "4155551212"),
            ("＋１ ４１５ ５５５ １２１２", true, "14155551212"),
            ("٤١٥٥٥٥١٢١٢", false, "4155551212"),
            ("۴۱۵۵۵۵۱۲۱۲", false, "4155551212"),
            ("+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", true, "989123456789"),
            ("415\u{00A0}555\u{00A0}1212", false, "4155551212"),
            ("415\u{3000}555\u{3000}1212", false, "4155551212"),
            ("415\u{2013}555\u{2014}1212", false, "4155551212"),
            ("+1\u{2011}415\u{2011}555\u{2011}1212", true, "14155551212"),
            ("415\u{2212}555\u{30FC}1212", false, "4155551212"),
            ("（415）５５５－1212", false, "4155551212"),
            ("415\u{2053}555\u{223C}1212", false, "4155551212"),
        ];
        for (raw, plus, digits) in cases {
            let c = ok(raw);
            assert_eq!((c.plus, c.digits.as_str()), (*plus, *digits), "{raw:?}");
        }
    }

    #[test]
    fn refuses_what_libphonenumber_does_not_read() {
        // Other digit scripts and other spaces inside the number: Google's reference library
        // reads nothing there, so neither does this one (never a number where it has none).
        let cases: &[(&str, &str)] = &[
            (
                "४१५५५५१२१२",
                "“४१५५५५१२१२” is written with digits such as “४” that are not read; write it with 0-9",
            ),
            (
                "৪১৫৫৫৫১২১২",
                "“৪১৫৫৫৫১২১২” is written with digits such as “৪” that are not read; write it with 0-9",
            ),
            (
                "๔๑๕๕๕๕๑๒๑๒",
                "“๔๑๕๕๕๕๑๒๑๒” is written with digits such as “๔” that are not read; write it with 0-9",
            ),
            (
                "415\u{202F}555\u{202F}1212",
                "“415\u{202F}555\u{202F}1212” contains a space character (U+202F), which is not part of a phone number",
            ),
            (
                "415\u{2009}555 1212",
                "“415\u{2009}555 1212” contains a space character (U+2009), which is not part of a phone number",
            ),
            (
                "415\t555 1212",
                "“415\\u{0009}555 1212” contains a tab, which is not part of a phone number",
            ),
        ];
        for (raw, message) in cases {
            match normalize(raw) {
                Ok(c) => panic!("{raw:?} should be refused, got {c:?}"),
                Err(e) => assert_eq!(e.to_string(), *message, "{raw:?}"),
            }
        }
    }

    #[test]
    fn strips_invisible_characters_around_the_number() {
        let cases = [
            "\u{200E}+1 415 555 1212",
            "\u{200E}+1 415 555 1212\u{200E}",
            "\u{200F}+1 415 555 1212",
            "\u{202A}+1 415 555 1212\u{202C}",
            "\u{202B}+1 415 555 1212\u{202C}",
            "\u{2066}+1 415 555 1212\u{2069}",
            "\u{FEFF}+1 415 555 1212",
            "+1 415 555 1212\u{200B}",
            "\t+1 415 555 1212\r\n",
            "  +1 415 555 1212  ",
            // Inside, only libphonenumber's own invisible separators are read.
            "+1\u{200B}415\u{200B}555\u{200B}1212",
            "+1 4\u{2060}15 555 1212",
            "+1 4\u{00AD}15 555 1212",
        ];
        for raw in cases {
            let c = ok(raw);
            assert!(c.plus, "{raw:?}");
            assert_eq!(c.digits, "14155551212", "{raw:?}");
        }
        for raw in [
            "\u{2062}+1 415 555 1212",
            "+1\u{200E}415 555 1212",
            "+1 4\u{200C}15 555 1212",
            "+1 415\u{FEFF}555 1212",
            "+1\u{202A}415 555 1212",
        ] {
            assert!(
                matches!(normalize(raw), Err(ReadError::UnexpectedCharacter { .. })),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn strips_labels_and_quotes_around_the_number() {
        let cases: &[(&str, bool, &str)] = &[
            ("Tel: 415-555-1212", false, "4155551212"),
            ("Phone: +44 20 7946 0958", true, "442079460958"),
            ("Mobile: tel:+4930123456", true, "4930123456"),
            ("Cell +39-02-1234-5698", true, "390212345698"),
            ("Ph. (11) 96123-5567", false, "11961235567"),
            ("Work - 00 41 840123456", false, "0041840123456"),
            ("T: +48-12-345-67-01", true, "48123456701"),
            ("Tél. +31 101234084", true, "31101234084"),
            ("Handy: 0151 20484846", false, "015120484846"),
            ("'+305005000123", true, "305005000123"),
            ("\"+46 20 12 34 56\"", true, "4620123456"),
            ("++49 151 20484846", true, "4915120484846"),
        ];
        for (raw, plus, digits) in cases {
            let c = ok(raw);
            assert_eq!((c.plus, c.digits.as_str()), (*plus, *digits), "{raw:?}");
        }
        // Not labels: text that is not a known label, or a label not followed by a number.
        for raw in [
            "Order 100234567",
            "INV-2024-00017",
            "VAT GB123456789",
            "Case 00012345",
            "T 415-555-1212",
            "Tel: call 415-555-1212",
            "Telefax: 415-555-1212",
            "call me at 415-555-1212",
        ] {
            assert!(normalize(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn splits_phone_extensions() {
        let cases: &[(&str, &str, &str)] = &[
            ("415.555.1212 x23", "4155551212", "23"),
            ("415-555-1212x23", "4155551212", "23"),
            ("415-555-1212 x.23", "4155551212", "23"),
            ("415-555-1212 X 23", "4155551212", "23"),
            ("415-555-1212 ext 23", "4155551212", "23"),
            ("415-555-1212 ext. 23", "4155551212", "23"),
            ("415-555-1212 Ext: 23", "4155551212", "23"),
            ("415-555-1212 extn 23", "4155551212", "23"),
            ("415-555-1212 extension 23", "4155551212", "23"),
            ("415-555-1212, ext. 23", "4155551212", "23"),
            ("415-555-1212 #23", "4155551212", "23"),
            ("415-555-1212 #23#", "4155551212", "23"),
            ("415-555-1212~23", "4155551212", "23"),
            ("415-555-1212 \u{FF5E}23", "4155551212", "23"),
            ("415-555-1212 int 23", "4155551212", "23"),
            ("415-555-1212,,23", "4155551212", "23"),
            ("415-555-1212,23", "4155551212", "23"),
            ("415-555-1212, 23", "4155551212", "23"),
            ("415-555-1212 (ext. 204)", "4155551212", "204"),
            ("415-555-1212 (x204)", "4155551212", "204"),
            ("415-555-1212 доб. 23", "4155551212", "23"),
            ("415-555-1212 ДОБ. 23", "4155551212", "23"),
            ("415-555-1212 EXT. 23", "4155551212", "23"),
            ("415-555-1212 Extensión 23", "4155551212", "23"),
            ("415-555-1212 INT 23", "4155551212", "23"),
            ("415-555-1212 anexo 23", "4155551212", "23"),
            ("415-555-1212;23", "4155551212", "23"),
            ("415-555-1212 - 503#", "4155551212", "503"),
            ("tel:+1-415-555-1212;ext=23", "14155551212", "23"),
            ("+1 415 555 1212 ;ext=0023", "14155551212", "0023"),
            ("1-800-FLOWERS x 7", "18003569377", "7"),
        ];
        for (raw, digits, ext) in cases {
            let c = ok(raw);
            assert_eq!(c.digits, *digits, "{raw:?}");
            assert_eq!(c.phone_extension.as_deref(), Some(*ext), "{raw:?}");
        }
    }

    #[test]
    fn does_not_misread_phone_extensions() {
        // A second number, a lone label or a hash without digits is not a phone extension: the
        // value is refused, or (three letters, like libphonenumber) read as keypad letters,
        // which the parser then finds too long.
        let not_extensions = [
            "415-555-1212 ext",
            "415-555-1212 #",
            "415-555-1212 x23 / x24",
            "415-555-1212,1234567",
            "1-800-FLOWERS x",
        ];
        for raw in not_extensions {
            if let Ok(c) = normalize(raw) {
                assert_eq!(c.phone_extension, None, "{raw:?}");
                assert_ne!(c.digits, "4155551212", "{raw:?}");
            }
        }
        // The digits of a plain number are never taken for a phone extension, and a bare `x`
        // (a phone extension never filled in) leaves the number alone.
        for raw in ["415 555 1212", "415-555-1212 x", "415-555-1212x"] {
            let c = ok(raw);
            assert_eq!(
                (c.digits.as_str(), c.phone_extension),
                ("4155551212", None),
                "{raw:?}"
            );
        }
        // A tilde before the last group marks a phone extension, as for libphonenumber, even
        // between groups: this is 415555 extension 1212, never +1 415-555-1212.
        let tilde = ok("415~555~1212");
        assert_eq!(
            (tilde.digits.as_str(), tilde.phone_extension.as_deref()),
            ("415555", Some("1212"))
        );
        // Too many digits after x: not a phone extension, and then not a number either.
        assert!(normalize("415-555-1212 x1234567890").is_err());
    }

    #[test]
    fn reads_rfc3966_values() {
        let cases: &[(&str, bool, &str)] = &[
            ("tel:4155551212", false, "4155551212"),
            ("TEL:+1-415-555-1212", true, "14155551212"),
            ("tel:415-555-1212;phone-context=+1", true, "14155551212"),
            ("tel:7946-0958;phone-context=+44-20", true, "442079460958"),
            (
                "tel:4155551212;phone-context=example.com",
                false,
                "4155551212",
            ),
            ("tel:+14155551212;isub=12345", true, "14155551212"),
            ("tel:+14155551212;foo=bar", true, "14155551212"),
        ];
        for (raw, plus, digits) in cases {
            let c = ok(raw);
            assert_eq!((c.plus, c.digits.as_str()), (*plus, *digits), "{raw:?}");
        }
        let refused = [
            "tel:+14155551212;phone-context=+1",
            "tel:4155551212;phone-context=",
            "tel:4155551212;phone-context=+",
            "tel:4155551212;ext=abc",
            "tel:4155551212;weird",
        ];
        for raw in refused {
            assert!(normalize(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn percent_decodes_hrefs() {
        let cases: &[(&str, bool, &str)] = &[
            ("415%20555%201212", false, "4155551212"),
            ("%2B1%20(415)%20555-1212", true, "14155551212"),
            ("tel:%2B44%2020%207946%200958", true, "442079460958"),
            ("%EF%BC%8B1%20415%20555%201212", true, "14155551212"),
        ];
        for (raw, plus, digits) in cases {
            let c = ok(raw);
            assert_eq!((c.plus, c.digits.as_str()), (*plus, *digits), "{raw:?}");
        }
        for raw in ["415%2", "415%zz5551212", "415%FF5551212"] {
            assert!(
                matches!(normalize(raw), Err(ReadError::BadPercentEncoding { .. })),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn reads_keypad_letters_only_in_phone_shaped_values() {
        let cases: &[(&str, &str)] = &[
            ("1-800-FLOWERS", "18003569377"),
            ("1-800-GO-FEDEX", "18004633339"),
            ("1 800 flowers", "18003569377"),
            ("+1-800-FLOWERS", "18003569377"),
        ];
        for (raw, digits) in cases {
            let c = ok(raw);
            assert_eq!(c.digits, *digits, "{raw:?}");
            assert!(c.vanity, "{raw:?}");
        }
        let refused = [
            "FLOWERS",
            "call 1-800-FLOWERS",
            "FLOWERS 1-800",
            "1-8-FLOWERS",
            "415-555-1212 a",
            "415-555-12AB",
            "hello world",
            "john@example.com",
            "１-８００-ＦＬＯＷＥＲＳ",
        ];
        for raw in refused {
            assert!(normalize(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("", "the phone field is empty"),
            ("   \u{200E} ", "the phone field is empty"),
            ("tel:", "the phone field is empty"),
            (
                "415-555-1212!",
                "“415-555-1212!” contains “!”, which is not part of a phone number",
            ),
            (
                "415*555*1212",
                "“415*555*1212” contains “*”, which is not part of a phone number",
            ),
            ("1", "“1” has too few digits to be a phone number"),
            (
                "+1 415 +555",
                "“+1 415 +555” contains “+”, which is not part of a phone number",
            ),
            (
                "N/A",
                "“N/A” contains letters; only numbers spelt on the keypad (like 1-800-FLOWERS) are read",
            ),
        ];
        for (raw, message) in cases {
            match normalize(raw) {
                Ok(c) => panic!("{raw:?} should be refused, got {c:?}"),
                Err(e) => assert_eq!(e.to_string(), *message, "{raw:?}"),
            }
        }
        let long = "1".repeat(MAX_INPUT_CHARS + 1);
        assert!(matches!(
            normalize(&long),
            Err(ReadError::InputTooLong { .. })
        ));
    }

    #[test]
    fn digit_table_covers_unicode_decimal_digits() {
        for &zero in DIGIT_ZEROS {
            for offset in 0..10u32 {
                let ch = char::from_u32(zero + offset).expect("a valid code point");
                assert!(ch.is_numeric(), "U+{:04X}", zero + offset);
                assert_eq!(decimal_digit(ch), char::from_digit(offset, 10));
            }
        }
        assert_eq!(decimal_digit('a'), None);
        assert_eq!(decimal_digit('½'), None);
    }
}

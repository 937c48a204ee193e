//! Each country's numbering plan ([`CountryPlan`]), compiled when a number first needs it:
//! Google's metadata, as the `phonenumber` crate holds it and [`super::plan`] embeds it, read
//! the way Google's own libphonenumber reads it.
//!
//! The crate's matching decides nothing alone (it is the second opinion,
//! [`super::second_opinion`]): it tests patterns with an unanchored search (so a 9-digit
//! number can "match" an 8-digit pattern) and keeps the raw XML's empty general
//! possible-length lists. Here every pattern is matched anchored the way libphonenumber uses
//! it (`matches()` or `lookingAt()`, [`super::pattern`]), and the general possible lengths are
//! the union of the number types', as Google's metadata build computes them. A country's plan
//! is decoded when a number first needs that country, each of its patterns compiled when
//! first tested, and all kept for the life of the process.
//!
//! A country here is what libphonenumber calls a region: an ISO 3166-1 alpha-2 code, or `001`
//! for a non-geographic entity such as +800.

use super::pattern::{Pattern, Replacement};
use super::plan::{self, Entry};
use phonenumber::metadata::loader::{Descriptor, Format, Metadata};
use std::sync::{Arc, OnceLock};

/// Outcome of libphonenumber's `testNumberLength` for the general description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthCheck {
    /// A length numbers in this plan have.
    Possible,
    /// A length only locally diallable numbers have (no area code).
    LocalOnly,
    /// Shorter than every number.
    TooShort,
    /// Between the shortest and longest, but not a length in use.
    InvalidLength,
    /// Longer than every number.
    TooLong,
}

/// One number type's description: full-match pattern and its possible lengths.
#[derive(Debug)]
struct Desc {
    pattern: Pattern,
    lengths: Vec<u16>,
}

impl Desc {
    /// libphonenumber's `isNumberMatchingDesc`: a listed length and a full pattern match.
    fn matches(&self, nsn: &str) -> bool {
        let len = u16::try_from(nsn.len()).unwrap_or(u16::MAX);
        (self.lengths.is_empty() || self.lengths.contains(&len)) && self.pattern.is_match(nsn)
    }
}

/// One formatting rule: when it applies and how it groups the digits.
#[derive(Debug)]
pub struct FormatRule {
    leading: Option<Pattern>,
    pattern: Pattern,
    replacement: Replacement,
}

/// The numbering plan of one country (or non-geographic entity), compiled for
/// libphonenumber's semantics.
#[derive(Debug)]
pub struct CountryPlan {
    entry: &'static Entry,
    international_prefix: Option<Pattern>,
    national_prefix_for_parsing: Option<Pattern>,
    national_prefix_transform: Option<Replacement>,
    general_pattern: Pattern,
    general_lengths: Vec<u16>,
    general_local_lengths: Vec<u16>,
    types: Vec<Desc>,
    leading_digits: Option<Pattern>,
    formats: Vec<FormatRule>,
    national_formats: Vec<FormatRule>,
}

impl CountryPlan {
    /// The ISO 3166-1 alpha-2 country code, or `001` for a non-geographic entity.
    pub fn id(&self) -> &'static str {
        self.entry.id
    }

    /// The country calling code.
    pub fn code(&self) -> u16 {
        self.entry.code
    }

    /// Where the country sits in the plan.
    pub fn entry(&self) -> &'static Entry {
        self.entry
    }

    /// libphonenumber's `parsePrefixAsIdd`: strips this country's international dialling
    /// prefix from `digits`, unless the digit after it is `0` (no calling code starts so).
    pub fn strip_international_prefix<'a>(&self, digits: &'a str) -> Option<&'a str> {
        let end = self.international_prefix.as_ref()?.match_end(digits)?;
        let rest = digits.get(end..)?;
        if rest.starts_with('0') {
            return None;
        }
        Some(rest)
    }

    /// Full match of the general pattern, lengths not checked (`matchNationalNumber`).
    pub fn matches_general_pattern(&self, nsn: &str) -> bool {
        self.general_pattern.is_match(nsn)
    }

    /// libphonenumber's `maybeStripNationalPrefixAndCarrierCode`: the national number with the
    /// national (trunk) prefix and carrier code removed or transformed, when that leaves a
    /// number the general pattern still accepts. `None` when nothing is stripped.
    pub fn strip_national_prefix(&self, digits: &str) -> Option<String> {
        let pattern = self.national_prefix_for_parsing.as_ref()?;
        if digits.is_empty() {
            return None;
        }
        let caps = pattern.captures(digits)?;
        let (_, end) = caps.get(0)?;
        let viable_before = self.matches_general_pattern(digits);
        // Java's `group(groupCount())`: the whole match when the pattern has no groups.
        let last_group_matched = caps.last_group().is_some();
        match &self.national_prefix_transform {
            Some(rule) if last_group_matched => {
                let mut transformed = caps.expand(digits, rule);
                transformed.push_str(digits.get(end..)?);
                if viable_before && !self.matches_general_pattern(&transformed) {
                    return None;
                }
                Some(transformed)
            }
            _ => {
                let rest = digits.get(end..)?;
                if viable_before && !self.matches_general_pattern(rest) {
                    return None;
                }
                Some(rest.to_owned())
            }
        }
    }

    /// libphonenumber's `testNumberLength` for the general description.
    pub fn test_length(&self, nsn: &str) -> LengthCheck {
        let len = u16::try_from(nsn.len()).unwrap_or(u16::MAX);
        let (Some(&min), Some(&max)) = (self.general_lengths.first(), self.general_lengths.last())
        else {
            return LengthCheck::InvalidLength;
        };
        if self.general_local_lengths.contains(&len) {
            LengthCheck::LocalOnly
        } else if len == min {
            LengthCheck::Possible
        } else if len < min {
            LengthCheck::TooShort
        } else if len > max {
            LengthCheck::TooLong
        } else if self.general_lengths.contains(&len) {
            LengthCheck::Possible
        } else {
            LengthCheck::InvalidLength
        }
    }

    /// The possible national lengths, for messages ("10" or "9 or 10").
    pub fn describe_lengths(&self) -> String {
        let parts: Vec<String> = self.general_lengths.iter().map(u16::to_string).collect();
        match parts.split_last() {
            None => "no length".to_owned(),
            Some((last, [])) => format!("{last} digits"),
            Some((last, rest)) => format!("{} or {last} digits", rest.join(", ")),
        }
    }

    /// Whether the number matches the general description and one number type, i.e. the
    /// number type is not `UNKNOWN` (libphonenumber's `getNumberTypeHelper`).
    pub fn is_valid_nsn(&self, nsn: &str) -> bool {
        let len = u16::try_from(nsn.len()).unwrap_or(u16::MAX);
        if !self.general_lengths.contains(&len) || !self.general_pattern.is_match(nsn) {
            return false;
        }
        self.types.iter().any(|desc| desc.matches(nsn))
    }

    /// Whether this country claims the number (libphonenumber's
    /// `getRegionCodeForNumberFromRegionList`): by its leading digits when it has them,
    /// otherwise by the number having a known type here.
    fn claims(&self, nsn: &str) -> bool {
        match &self.leading_digits {
            Some(re) => re.is_match(nsn),
            None => self.is_valid_nsn(nsn),
        }
    }

    /// The international grouping of a national significant number (`+CC` not included),
    /// as libphonenumber's `formatNsn` in `INTERNATIONAL` mode; the bare digits when no
    /// format applies.
    pub fn format_international(&self, nsn: &str) -> String {
        apply_format(&self.formats, nsn)
    }

    /// The national form of a national significant number, with the national (trunk) prefix
    /// where the country writes one, as libphonenumber's `formatNsn` in `NATIONAL` mode
    /// (`020 7946 0958`, `(415) 555-1212`); the bare digits when no format applies.
    pub fn format_national(&self, nsn: &str) -> String {
        apply_format(&self.national_formats, nsn)
    }
}

/// The first rule whose leading digits and pattern fit `nsn`, applied; `nsn` when none does.
fn apply_format(rules: &[FormatRule], nsn: &str) -> String {
    for rule in rules {
        if !rule.leading.as_ref().is_none_or(|p| p.is_match(nsn)) {
            continue;
        }
        // The pattern spans the whole number, so the match replaced is the number.
        if let Some(caps) = rule.pattern.captures(nsn) {
            return caps.expand(nsn, &rule.replacement);
        }
    }
    nsn.to_owned()
}

/// The countries of one calling code (main country first, as the crate's database orders
/// them), each decoded and compiled on first use: a +1 number usually needs only the US plan,
/// not all 25 NANP members'.
#[derive(Debug)]
pub struct CallingCode {
    entries: &'static [Entry],
    slots: Vec<OnceLock<Option<Arc<CountryPlan>>>>,
}

impl CallingCode {
    /// The plan of the country at `index`; `None` past the end or when its metadata does not
    /// compile (treated as unknown).
    fn get(&self, index: usize) -> Option<Arc<CountryPlan>> {
        self.slots
            .get(index)?
            .get_or_init(|| {
                let entry = self.entries.get(index)?;
                compile(entry, &entry.metadata()?).map(Arc::new)
            })
            .clone()
    }

    /// The main country's plan.
    pub fn main(&self) -> Option<Arc<CountryPlan>> {
        self.get(0)
    }

    /// The plan of country `id` under this code.
    pub fn country(&self, id: &str) -> Option<Arc<CountryPlan>> {
        let index = self.entries.iter().position(|entry| entry.id == id)?;
        self.get(index)
    }

    /// libphonenumber's `getRegionCodeForNumberFromRegionList`: the first country that claims
    /// the number, by its leading digits when it has them, otherwise by the number having a
    /// known type there. `None` when no country does, or one before it cannot be compiled.
    pub fn country_of_number(&self, nsn: &str) -> Option<Arc<CountryPlan>> {
        if self.entries.len() == 1 {
            return self.get(0);
        }
        for index in 0..self.entries.len() {
            let country = self.get(index)?;
            if country.claims(nsn) {
                return Some(country);
            }
        }
        None
    }
}

/// Calling codes have one to three digits.
const CODES: usize = 1000;

/// The countries sharing a calling code; `None` for an unknown code.
pub fn calling_code(code: u16) -> Option<&'static CallingCode> {
    // Indexed by code: asked several times for every number, so no lock and no hashing.
    static CALLING_CODES: [OnceLock<Option<CallingCode>>; CODES] =
        [const { OnceLock::new() }; CODES];
    CALLING_CODES
        .get(usize::from(code))?
        .get_or_init(|| {
            let entries = plan::countries_of_code(code);
            if entries.is_empty() {
                return None;
            }
            let slots = entries.iter().map(|_| OnceLock::new()).collect();
            Some(CallingCode { entries, slots })
        })
        .as_ref()
}

/// The plan of a calling code's main country (libphonenumber's
/// `getMetadataForRegionOrCallingCode`).
pub fn main_country(code: u16) -> Option<Arc<CountryPlan>> {
    calling_code(code)?.main()
}

/// The plan of a country by its ISO 3166-1 code (`None` for unknown codes and for `001`).
pub fn country(id: &str) -> Option<Arc<CountryPlan>> {
    calling_code(plan::country(id)?.code)?.country(id)
}

/// The country a valid national number belongs to under its calling code, if any.
pub fn country_of_number(code: u16, nsn: &str) -> Option<Arc<CountryPlan>> {
    calling_code(code)?.country_of_number(nsn)
}

/// Whether a calling code exists in the plan.
pub fn is_known_code(code: u16) -> bool {
    !plan::countries_of_code(code).is_empty()
}

/// libphonenumber's `extractCountryCode`: the calling code at the start of `digits` (one to
/// three digits, never starting with 0) and the rest.
pub fn split_calling_code(digits: &str) -> Option<(u16, &str)> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=3).find_map(|len| {
        let head = digits.get(..len)?;
        let rest = digits.get(len..)?;
        let code: u16 = head.parse().ok()?;
        is_known_code(code).then_some((code, rest))
    })
}

/// Whether `id` is a country code the plan knows (exact, upper-case; `001` is not).
pub fn is_known_country(id: &str) -> bool {
    plan::country(id).is_some()
}

fn type_descriptors(meta: &Metadata) -> impl Iterator<Item = &Descriptor> {
    [
        &meta.premium_rate,
        &meta.toll_free,
        &meta.shared_cost,
        &meta.voip,
        &meta.personal_number,
        &meta.pager,
        &meta.uan,
        &meta.voicemail,
        &meta.fixed_line,
        &meta.mobile,
    ]
    .into_iter()
    .flatten()
}

/// A pattern that may be absent, anchored at the start only.
fn optional(pattern: Option<&String>) -> Option<Pattern> {
    Pattern::new(pattern?, false)
}

fn compile(entry: &'static Entry, meta: &Metadata) -> Option<CountryPlan> {
    let mut lengths: Vec<u16> = Vec::new();
    let mut local: Vec<u16> = Vec::new();
    let mut types = Vec::new();
    for desc in type_descriptors(meta) {
        lengths.extend_from_slice(&desc.possible_length);
        local.extend_from_slice(&desc.possible_local_length);
        if let Some(pattern) = desc
            .national_number
            .as_deref()
            .and_then(|body| Pattern::new(body, true))
        {
            types.push(Desc {
                pattern,
                lengths: desc.possible_length.clone(),
            });
        }
    }
    lengths.sort_unstable();
    lengths.dedup();
    local.sort_unstable();
    local.dedup();
    local.retain(|len| !lengths.contains(len));

    let general_pattern = Pattern::new(meta.general.as_ref()?.national_number.as_deref()?, true)?;

    let national_prefix = meta.national_prefix.as_deref().unwrap_or_default();
    let national_prefix_for_parsing = match &meta.national_prefix_for_parsing {
        Some(body) => Pattern::new(body, false),
        // A national prefix is digits, which read as a pattern match themselves.
        None => Pattern::new(national_prefix, false),
    };
    let national_prefix_transform = meta
        .national_prefix_transform_rule
        .as_deref()
        .filter(|_| meta.national_prefix_for_parsing.is_some())
        .map(Replacement::new);

    let source = if meta.international_formats.is_empty() {
        &meta.formats
    } else {
        &meta.international_formats
    };
    let formats = source
        .iter()
        .map(|format| format_rule(format, format.format.clone()?))
        .collect::<Option<Vec<_>>>()?;
    let national_formats = meta
        .formats
        .iter()
        .map(|format| format_rule(format, national_pattern(format, national_prefix)?))
        .collect::<Option<Vec<_>>>()?;

    Some(CountryPlan {
        entry,
        international_prefix: optional(meta.international_prefix.as_ref()),
        national_prefix_for_parsing,
        national_prefix_transform,
        general_pattern,
        general_lengths: lengths,
        general_local_lengths: local,
        types,
        leading_digits: optional(meta.leading_digits.as_ref()),
        formats,
        national_formats,
    })
}

/// A compiled formatting rule that writes the digits as `pattern` (`$1 $2`) says.
fn format_rule(format: &Format, pattern: String) -> Option<FormatRule> {
    Some(FormatRule {
        leading: optional(format.leading_digits.last()),
        pattern: Pattern::new(format.pattern.as_deref()?, true)?,
        replacement: Replacement::new(&pattern),
    })
}

/// A format's national pattern: its first group written with the national prefix
/// formatting rule (`$NP$FG` with national prefix 0 turns `$1 $2` into `0$1 $2`), as
/// libphonenumber's metadata build and `formatNsnUsingPattern` do.
fn national_pattern(format: &Format, national_prefix: &str) -> Option<String> {
    let pattern = format.format.as_deref()?;
    let Some(rule) = format
        .national_prefix_formatting_rule
        .as_deref()
        .filter(|rule| !rule.is_empty())
    else {
        return Some(pattern.to_owned());
    };
    let first_group = pattern.match_indices('$').find_map(|(at, _)| {
        pattern
            .get(at..at + 2)
            .filter(|group| group.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    });
    let Some(first_group) = first_group else {
        return Some(pattern.to_owned());
    };
    let rule = rule
        .replacen("$NP", national_prefix, 1)
        .replacen("$FG", first_group, 1);
    Some(pattern.replacen(first_group, &rule, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let mut codes: Vec<u16> = plan::ENTRIES.iter().map(|e| e.code).collect();
        codes.dedup();
        assert!(codes.len() > 200);
        let mut patterns = 0;
        for code in codes {
            let entry = calling_code(code).expect("a code from the plan");
            for (index, Entry { id, .. }) in entry.entries.iter().enumerate() {
                let plan = entry.get(index).unwrap_or_else(|| panic!("+{code} {id}"));
                assert!(!plan.general_lengths.is_empty(), "+{code} {id}");
                let formats = plan.formats.iter().chain(&plan.national_formats);
                let all = [
                    &plan.international_prefix,
                    &plan.national_prefix_for_parsing,
                ]
                .into_iter()
                .chain([&plan.leading_digits])
                .flatten()
                .chain([&plan.general_pattern])
                .chain(plan.types.iter().map(|desc| &desc.pattern))
                .chain(formats.flat_map(|f| f.leading.iter().chain([&f.pattern])));
                for pattern in all {
                    assert!(pattern.compiles(), "+{code} {id}: {pattern:?}");
                    patterns += 1;
                }
            }
        }
        assert!(patterns > 4_000, "{patterns} patterns");
    }

    #[test]
    fn us_plan_follows_libphonenumber() {
        let us = country("US").expect("US is in the metadata");
        assert_eq!(us.code(), 1);
        assert_eq!(us.id(), "US");
        assert_eq!(us.test_length("4155551212"), LengthCheck::Possible);
        assert_eq!(us.test_length("5551212"), LengthCheck::LocalOnly);
        assert_eq!(us.test_length("55512"), LengthCheck::TooShort);
        assert_eq!(us.test_length("41555512123"), LengthCheck::TooLong);
        assert!(us.is_valid_nsn("4155551212"));
        assert!(!us.is_valid_nsn("8880001111"));
        // Anchored at both ends: the crate's unanchored search would accept a prefix.
        assert!(!us.is_valid_nsn("41555512120"));
        assert_eq!(
            us.strip_international_prefix("0114915120484846"),
            Some("4915120484846")
        );
        assert_eq!(us.strip_international_prefix("0110"), None);
        assert_eq!(
            us.strip_national_prefix("14155551212").as_deref(),
            Some("4155551212")
        );
        assert_eq!(us.format_international("4155551212"), "415-555-1212");
        assert_eq!(us.format_national("4155551212"), "(415) 555-1212");
    }

    #[test]
    fn national_formats_carry_the_trunk_prefix() {
        // (calling code, national number, national form); expected values are Google
        // libphonenumber's `format(NATIONAL)`.
        let cases: &[(u16, &str, &str)] = &[
            (1, "4155551212", "(415) 555-1212"),
            (44, "2079460958", "020 7946 0958"),
            (44, "7400123456", "07400 123456"),
            (49, "30123456", "030 123456"),
            (49, "15120484846", "01512 0484846"),
            (33, "142685300", "01 42 68 53 00"),
            (39, "0669820000", "06 6982 0000"),
            (7, "8121234567", "8 (812) 123-45-67"),
            (61, "291234567", "(02) 9123 4567"),
            (81, "312345678", "03-1234-5678"),
        ];
        for (code, nsn, want) in cases {
            let country = main_country(*code).expect("known code");
            assert_eq!(country.format_national(nsn), *want, "+{code} {nsn}");
        }
    }

    #[test]
    fn calling_codes_split_like_libphonenumber() {
        let cases = [
            ("14155551212", Some((1, "4155551212"))),
            ("4915120484846", Some((49, "15120484846"))),
            ("35312220624", Some((353, "12220624"))),
            ("80012345678", Some((800, "12345678"))),
            ("0123", None),
            ("999123", None),
        ];
        for (digits, want) in cases {
            assert_eq!(split_calling_code(digits), want, "{digits}");
        }
    }

    #[test]
    fn countries_are_found_for_shared_codes() {
        let ca = country_of_number(1, "6135550123").expect("a Canadian number");
        assert_eq!(ca.id(), "CA");
        let va = country_of_number(39, "0669820000").expect("a Vatican number");
        assert_eq!(va.id(), "VA");
        assert!(country_of_number(1, "8880001111").is_none());
    }

    #[test]
    fn country_list_is_sorted_and_geographic() {
        let list = plan::countries();
        assert!(list.len() > 200);
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.iter().any(|c| c == "US"));
        assert!(!list.iter().any(|c| c == plan::NON_GEOGRAPHIC));
        assert!(is_known_country("GB"));
        assert!(!is_known_country("gb"));
        assert!(!is_known_country("XX"));
        assert!(!is_known_country(plan::NON_GEOGRAPHIC));
    }
}

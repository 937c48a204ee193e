//! The `phonenumber` crate's second opinion on a number the core has read.
//!
//! The crate's own parser cannot be asked: given `+7 812 …` (St Petersburg) it strips the
//! Russian trunk prefix 8 from the national number, so every number whose national part
//! starts with its country's trunk prefix comes back as another number. Instead the crate's
//! `PhoneNumber` is built directly from the calling code and national number through its
//! serde form, and `phonenumber::is_valid_with` is asked about exactly that number, in the
//! country the core found for it. A number is only dialled when both readings call it valid.
//!
//! Each country gets its own crate `Database`, built on first use from the plan's metadata,
//! holding only what validity reads, and kept here for the life of the process. One database
//! for every country would share one 100-entry regex cache, which numbers from a dozen
//! countries thrash: each number would recompile patterns. A country's validity patterns fit
//! its own cache many times over.

use super::country_plan::CountryPlan;
use super::plan::{Entry, ENTRIES};
use phonenumber::metadata::loader::{Descriptor, Metadata};
use phonenumber::metadata::Database;
use phonenumber::PhoneNumber;
use serde::de::value::{Error as ValueError, SeqDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde::Deserialize;
use std::sync::OnceLock;

/// Bits of the crate's `NationalNumber` that hold the digits; the leading-zero count sits
/// above them.
const NATIONAL_BITS: u32 = 56;

/// Whether `phonenumber::is_valid_with` calls `+{code}{nsn}` a valid number of `country`
/// (and holds exactly those digits).
pub fn crate_confirms(country: &CountryPlan, nsn: &str) -> bool {
    let code = country.code();
    let (Some(number), Some(db)) = (crate_number(code, nsn), database(country.entry())) else {
        return false;
    };
    phonenumber::is_valid_with(db, &number)
        && number.code().value() == code
        && number.national().to_string() == nsn
}

/// The crate's database of one country, holding what validity reads: built when the
/// country's first number is asked about, then kept for the life of the process.
fn database(entry: &Entry) -> Option<&'static Database> {
    // Indexed by the country's place in the plan: asked once for every number, so no lock and
    // no hashing.
    static DATABASES: [OnceLock<Option<Database>>; ENTRIES.len()] =
        [const { OnceLock::new() }; ENTRIES.len()];
    DATABASES
        .get(entry.position()?)?
        .get_or_init(|| Database::from(vec![validity_metadata(entry.metadata()?)]).ok())
        .as_ref()
}

/// What `is_valid_with` reads of a country, rewritten in three ways that keep every answer
/// and cut the cost of building and running the crate's automata:
/// - `^(?:…)` around each pattern: the crate searches unanchored, then accepts only a match
///   at position 0, which is exactly a match of the anchored pattern;
/// - `\d` as `[0-9]`: the crate compiles in Unicode mode, where `\d` is a class of 680 digits,
///   and a national number has ASCII digits only, which both match alike;
/// - the number types merged into one description per set of possible lengths: the crate
///   calls a number valid when the general description and any one type's description match
///   it (each type checking its own lengths first), and a match of `^(?:a|b)` at position 0
///   is a match of `a` or of `b`. One lookup then does what ten did, and each lookup in the
///   crate's regex cache hashes the whole pattern text.
///
/// The country's identity stays; its leading digits are left out, because the crate reads them
/// only to choose among several countries, and this database holds one.
pub fn validity_metadata(meta: Metadata) -> Metadata {
    let anchored_ascii = |pattern: &str| format!("^(?:{})", pattern.replace("\\d", "[0-9]"));
    let types = [
        meta.premium_rate,
        meta.toll_free,
        meta.shared_cost,
        meta.voip,
        meta.personal_number,
        meta.pager,
        meta.uan,
        meta.voicemail,
        meta.fixed_line,
        meta.mobile,
    ];
    // (possible lengths, patterns), in the order the crate checks the types.
    let mut merged: Vec<(Vec<u16>, Vec<String>)> = Vec::new();
    for desc in types.into_iter().flatten() {
        let Some(pattern) = desc.national_number else {
            continue;
        };
        match merged
            .iter_mut()
            .find(|(lengths, _)| *lengths == desc.possible_length)
        {
            // Types often share a pattern (fixed line and mobile, in the US): once is enough.
            Some((_, patterns)) if patterns.contains(&pattern) => {}
            Some((_, patterns)) => patterns.push(pattern),
            None => merged.push((desc.possible_length, vec![pattern])),
        }
    }
    // Into the slots the crate checks first: a match in the fixed-line slot would make it
    // look at the mobile slot too.
    let mut slots = merged
        .into_iter()
        .map(|(possible_length, patterns)| Descriptor {
            national_number: Some(anchored_ascii(&patterns.join("|"))),
            possible_length,
            ..Descriptor::default()
        });
    Metadata {
        general: meta.general.map(|desc| Descriptor {
            national_number: desc.national_number.as_deref().map(anchored_ascii),
            ..desc
        }),
        premium_rate: slots.next(),
        toll_free: slots.next(),
        shared_cost: slots.next(),
        voip: slots.next(),
        personal_number: slots.next(),
        pager: slots.next(),
        uan: slots.next(),
        voicemail: slots.next(),
        fixed_line: slots.next(),
        mobile: slots.next(),
        id: meta.id,
        country_code: meta.country_code,
        main_country_for_code: meta.main_country_for_code,
        ..Metadata::default()
    }
}

/// The crate's `PhoneNumber` for a calling code and national significant number, with
/// libphonenumber's leading-zero rule (zeros kept apart, at least one digit left).
pub fn crate_number(code: u16, nsn: &str) -> Option<PhoneNumber> {
    if nsn.is_empty() || !nsn.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let zeros = nsn
        .bytes()
        .take(nsn.len() - 1)
        .take_while(|&b| b == b'0')
        .count();
    let value: u64 = nsn.get(zeros..)?.parse().ok()?;
    if value >= 1 << NATIONAL_BITS {
        return None;
    }
    let zeros = u64::try_from(zeros).ok().filter(|&z| z < 256)?;
    let national = (zeros << NATIONAL_BITS) | value;
    // PhoneNumber { code: Code { value, source }, national: NationalNumber { value },
    //               extension: None, carrier: None }, in the crate's derived serde order.
    let literal = Lit::Seq(vec![
        Lit::Seq(vec![Lit::U64(u64::from(code)), Lit::Str("plus")]),
        Lit::Seq(vec![Lit::U64(national)]),
        Lit::None,
        Lit::None,
    ]);
    PhoneNumber::deserialize(literal).ok()
}

/// A minimal self-describing value to feed the crate's derived `Deserialize`.
enum Lit {
    U64(u64),
    Str(&'static str),
    None,
    Seq(Vec<Lit>),
}

impl<'de> IntoDeserializer<'de, ValueError> for Lit {
    type Deserializer = Lit;

    fn into_deserializer(self) -> Lit {
        self
    }
}

impl<'de> Deserializer<'de> for Lit {
    type Error = ValueError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match self {
            Lit::U64(n) => visitor.visit_u64(n),
            Lit::Str(s) => visitor.visit_borrowed_str(s),
            Lit::None => visitor.visit_none(),
            Lit::Seq(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match self {
            Lit::None => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        match self {
            Lit::Str(s) => {
                StrDeserializer::<ValueError>::new(s).deserialize_enum(name, variants, visitor)
            }
            _ => Err(de::Error::custom("expected a unit variant name")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbering::country_plan::calling_code;

    fn confirms(code: u16, country: &str, nsn: &str) -> bool {
        let plan = calling_code(code)
            .and_then(|c| c.country(country))
            .expect("a country");
        crate_confirms(&plan, nsn)
    }

    #[test]
    fn builds_the_crates_number_exactly() {
        let cases: &[(u16, &str)] = &[
            (1, "4155551212"),
            (7, "8121234567"),
            (39, "0669820000"),
            (44, "2079460958"),
            (225, "0000000000"),
        ];
        for (code, nsn) in cases {
            let n = crate_number(*code, nsn).expect("builds");
            assert_eq!(n.code().value(), *code);
            assert_eq!(n.national().to_string(), *nsn);
        }
        assert!(crate_number(1, "").is_none());
        assert!(crate_number(1, "12a").is_none());
        assert!(crate_number(1, "999999999999999999").is_none());
    }

    #[test]
    fn confirms_valid_numbers_the_crates_parser_mangles() {
        // St Petersburg, Russian toll-free, Belarus: national numbers starting with the trunk
        // prefix, which the crate's parser strips.
        for (code, nsn) in [(7, "8121234567"), (7, "8001234567")] {
            assert!(confirms(code, "RU", nsn), "+{code}{nsn}");
        }
        assert!(confirms(375, "BY", "8011234567"));
        let cases = [
            (1, "US", "4155551212"),
            (44, "GB", "2079460958"),
            (39, "VA", "0669820000"),
            (39, "IT", "0236618300"),
        ];
        for (code, country, nsn) in cases {
            assert!(confirms(code, country, nsn), "+{code}{nsn}");
        }
        assert!(confirms(1, "CA", "6135550123"));
        assert!(confirms(800, "001", "12345678"));
        // Valid numbers, but not of the country asked about.
        assert!(!confirms(1, "US", "6135550123"));
        assert!(!confirms(44, "JE", "2079460958"));
        assert!(!confirms(1, "US", "8880001111"));
        assert!(!confirms(1, "US", "555"));
    }
}

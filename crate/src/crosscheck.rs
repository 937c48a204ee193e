//! The `phonenumber` crate's second opinion on a number this crate has read.
//!
//! The crate's own parser cannot be asked: given `+7 812 …` (St Petersburg) it strips the
//! Russian trunk prefix 8 from the national number, so every number whose national part
//! starts with its country's trunk prefix comes back as another number. Instead the crate's
//! `PhoneNumber` is built directly from the calling code and national number through its
//! serde form, and `phonenumber::is_valid` is asked about exactly that number. A number is
//! only dialled when both readings call it valid.

use crate::metadata;
use phonenumber::PhoneNumber;
use serde::de::value::{Error as ValueError, SeqDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde::Deserialize;

/// Bits of the crate's `NationalNumber` that hold the digits; the leading-zero count sits
/// above them.
const NATIONAL_BITS: u32 = 56;

/// Whether `phonenumber::is_valid` calls `+{code}{nsn}` valid (and formats it back the same).
pub fn crate_confirms(code: u16, nsn: &str) -> bool {
    let Some(number) = crate_number(code, nsn) else {
        return false;
    };
    let db = metadata::database();
    phonenumber::is_valid_with(db, &number)
        && number
            .format_with(db)
            .mode(phonenumber::Mode::E164)
            .to_string()
            == format!("+{code}{nsn}")
}

/// The crate's `PhoneNumber` for a calling code and national significant number, with
/// libphonenumber's leading-zero rule (zeros kept apart, at least one digit left).
fn crate_number(code: u16, nsn: &str) -> Option<PhoneNumber> {
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
        for (code, nsn) in [(7, "8121234567"), (7, "8001234567"), (375, "8011234567")] {
            assert!(crate_confirms(code, nsn), "+{code}{nsn}");
        }
        for (code, nsn) in [(1, "4155551212"), (44, "2079460958"), (39, "0669820000")] {
            assert!(crate_confirms(code, nsn), "+{code}{nsn}");
        }
        assert!(!crate_confirms(1, "8880001111"));
        assert!(!crate_confirms(1, "555"));
    }
}

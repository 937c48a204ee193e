//! The numbering plan as embedded: every country's metadata from the `phonenumber` crate, in
//! the crate's own loader form, stored country by country (`data/plan.bin`, indexed by
//! [`ENTRIES`]) and decoded only when a number needs that country.
//!
//! The crate's default database decodes all 254 countries (regions, as libphonenumber calls
//! them, non-geographic entities included) and checks every pattern at the first number;
//! here the first number costs its own country only.

mod index;

pub use index::ENTRIES;
use phonenumber::metadata::loader::Metadata;
use std::ops::Range;

static PLAN: &[u8] = include_bytes!("../../data/plan.bin");

/// The country code libphonenumber gives non-geographic entities such as +800.
pub const NON_GEOGRAPHIC: &str = "001";

/// One country (or non-geographic entity) of the plan.
#[derive(Debug)]
pub struct Entry {
    /// ISO 3166-1 alpha-2 code, or `001`.
    pub id: &'static str,
    /// Country calling code.
    pub code: u16,
    /// Where its metadata sits in the plan.
    pub bytes: Range<usize>,
}

impl Entry {
    /// The country's metadata, decoded. `None` only if the embedded plan were corrupt.
    pub fn metadata(&self) -> Option<Metadata> {
        postcard::from_bytes(PLAN.get(self.bytes.clone())?).ok()
    }

    /// Where the entry stands in [`ENTRIES`]: its index in tables kept beside the plan.
    pub fn position(&self) -> Option<usize> {
        let range = code_range(self.code);
        let offset = ENTRIES[range.clone()]
            .iter()
            .position(|entry| entry.id == self.id)?;
        Some(range.start + offset)
    }
}

/// Where the entries of a calling code stand in [`ENTRIES`].
fn code_range(code: u16) -> Range<usize> {
    let start = ENTRIES.partition_point(|entry| entry.code < code);
    let len = ENTRIES[start..].partition_point(|entry| entry.code == code);
    start..start + len
}

/// The countries of a calling code, main country first; empty for an unknown code.
pub fn countries_of_code(code: u16) -> &'static [Entry] {
    &ENTRIES[code_range(code)]
}

/// A country by its ISO 3166-1 code (exact, upper-case); `None` for `001`.
pub fn country(id: &str) -> Option<&'static Entry> {
    if id == NON_GEOGRAPHIC {
        return None;
    }
    ENTRIES.iter().find(|entry| entry.id == id)
}

/// Every country code but `001`, sorted.
pub fn countries() -> Vec<String> {
    let mut ids: Vec<String> = ENTRIES
        .iter()
        .filter(|entry| entry.id != NON_GEOGRAPHIC)
        .map(|entry| entry.id.to_owned())
        .collect();
    ids.sort_unstable();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_knows_its_position() {
        for (index, entry) in ENTRIES.iter().enumerate() {
            assert_eq!(
                entry.position(),
                Some(index),
                "{} +{}",
                entry.id,
                entry.code
            );
        }
    }
}

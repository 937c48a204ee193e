//! The embedded plan (`crate/data/plan.bin`) is the `phonenumber` crate's own metadata: every
//! country, in the crate's order, with the same patterns, lengths, prefixes and formats. Fails
//! after an upgrade of the crate until `cargo run -p dialer-core --example generate_plan` is
//! run again.

mod common;

use common::descriptors;
use dialer_core::numbering::plan;
use phonenumber::metadata::{Database, Descriptor, Format, Metadata, DATABASE};
use std::fmt::Write as _;

/// Everything the crate holds for a country except example numbers, patterns without the
/// whitespace the crate ignores.
fn fingerprint(meta: &Metadata) -> String {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let describe = |d: Option<&Descriptor>| {
        d.map(|d| {
            let pattern = squeeze(d.national_number().as_str());
            (
                pattern,
                d.possible_length().to_vec(),
                d.possible_local_length().to_vec(),
            )
        })
    };
    let format = |f: &Format| -> String {
        let leading: Vec<String> = f
            .leading_digits()
            .iter()
            .map(|r| squeeze(r.as_str()))
            .collect();
        let rule = (
            f.national_prefix(),
            f.is_national_prefix_optional(),
            f.domestic_carrier(),
        );
        format!(
            "{:?}",
            (squeeze(f.pattern().as_str()), f.format(), leading, rule)
        )
    };
    let mut out = String::new();
    write!(
        out,
        "{} +{} main={} portable={} ",
        meta.id(),
        meta.country_code(),
        meta.is_main_country_for_code(),
        meta.is_mobile_number_portable()
    )
    .unwrap();
    for desc in descriptors(meta) {
        write!(out, "{:?} ", describe(desc)).unwrap();
    }
    write!(
        out,
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} ",
        meta.international_prefix().map(|r| squeeze(r.as_str())),
        meta.preferred_international_prefix(),
        meta.national_prefix(),
        meta.preferred_extension_prefix(),
        meta.national_prefix_for_parsing()
            .map(|r| squeeze(r.as_str())),
        meta.national_prefix_transform_rule(),
        meta.leading_digits().map(|r| squeeze(r.as_str()))
    )
    .unwrap();
    let formats: Vec<_> = meta.formats().iter().map(format).collect();
    let international: Vec<_> = meta.international_formats().iter().map(format).collect();
    write!(out, "{formats:?} {international:?}").unwrap();
    out
}

#[test]
fn plan_matches_the_crate() {
    let mut codes: Vec<u16> = DATABASE.iter().map(Metadata::country_code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(codes.len() > 200);
    for code in codes {
        let theirs = DATABASE.by_code(&code).expect("a code of the database");
        let ours = plan::countries_of_code(code);
        let ids = |ids: Vec<&str>| ids.join(" ");
        assert_eq!(
            ids(ours.iter().map(|e| e.id).collect()),
            ids(theirs.iter().map(|m| m.id()).collect()),
            "countries of +{code}, in order"
        );
        for (entry, meta) in ours.iter().zip(theirs) {
            let decoded = entry.metadata().expect("the plan decodes");
            let rebuilt = Database::from(vec![decoded]).expect("the crate accepts it");
            let rebuilt = rebuilt.by_code(&code).expect("one country")[0];
            assert_eq!(
                fingerprint(rebuilt),
                fingerprint(meta),
                "+{code} {}",
                entry.id
            );
        }
    }
}

#[test]
fn countries_are_the_crates_geographic_regions() {
    let mut theirs: Vec<String> = DATABASE
        .iter()
        .map(|m| m.id().to_owned())
        .filter(|id| id != plan::NON_GEOGRAPHIC)
        .collect();
    theirs.sort();
    theirs.dedup();
    assert_eq!(plan::countries(), theirs);
    assert!(plan::country("US").is_some_and(|e| e.code == 1));
    assert!(plan::country("001").is_none());
    assert!(plan::countries_of_code(999).is_empty());
}

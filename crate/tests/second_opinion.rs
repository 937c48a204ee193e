//! The second opinion rewrites the crate's validity patterns (anchored, ASCII digits) to make
//! them cheap; the crate must still give exactly the answers it gives on its own metadata.
//! Checked for every country on the crate's example numbers and on near misses of them.

mod common;

use common::validity_descriptors;
use dialer_core::numbering::country_plan::calling_code;
use dialer_core::numbering::plan;
use dialer_core::numbering::second_opinion::crate_confirms;
use phonenumber::metadata::{Database, DATABASE};
use phonenumber::PhoneNumber;

/// Each example national number of the code's countries, and numbers one edit away from it.
fn candidates(code: u16) -> Vec<String> {
    let mut out = Vec::new();
    for meta in DATABASE.by_code(&code).unwrap_or_default() {
        for example in validity_descriptors(meta).filter_map(|desc| desc.example()) {
            let bump = |c: u8| char::from(b'0' + (c - b'0' + 1) % 10);
            let bytes = example.as_bytes();
            out.push(example.to_owned());
            out.push(format!("{example}0"));
            out.push(example[..example.len() - 1].to_owned());
            out.push(format!(
                "{}{}",
                &example[..example.len() - 1],
                bump(bytes[bytes.len() - 1])
            ));
            out.push(format!("{}{}", bump(bytes[0]), &example[1..]));
        }
    }
    out.retain(|nsn| !nsn.is_empty());
    out.sort();
    out.dedup();
    out
}

#[test]
fn rewritten_patterns_keep_the_crates_answers() {
    let mut codes: Vec<u16> = DATABASE.iter().map(|m| m.country_code()).collect();
    codes.sort_unstable();
    codes.dedup();
    let (mut checked, mut valid) = (0, 0);
    for code in codes {
        let numbers = candidates(code);
        for entry in plan::countries_of_code(code) {
            let country = calling_code(code)
                .and_then(|c| c.country(entry.id))
                .expect("compiles");
            let original = Database::from(vec![entry.metadata().expect("decodes")]).expect("loads");
            for nsn in &numbers {
                // Numbers the crate's parser reads back as other numbers (a national number
                // starting with the trunk prefix) cannot be put to it this way.
                let Some(number) = phonenumber::parse(None, format!("+{code}{nsn}"))
                    .ok()
                    .filter(|n: &PhoneNumber| n.national().to_string() == *nsn)
                else {
                    continue;
                };
                let theirs = phonenumber::is_valid_with(&original, &number);
                assert_eq!(
                    crate_confirms(&country, nsn),
                    theirs,
                    "+{code} {nsn} in {}",
                    entry.id
                );
                checked += 1;
                valid += usize::from(theirs);
            }
        }
    }
    assert!(
        checked > 10_000 && valid > 2_000,
        "{checked} checked, {valid} valid"
    );
}

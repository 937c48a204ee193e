//! The core's pattern matcher against the `regex` crate, on every pattern of the plan.
//!
//! `dialer_core::numbering::pattern` runs the metadata's regular expressions with its own
//! small backtracking matcher (the `regex` crate costs a hundred times more to build a
//! pattern). Here each pattern the `phonenumber` crate's metadata holds is also compiled with
//! `regex` (anchored the same way) and both must agree on every input: the
//! country's example numbers, each with one digit changed, dropped or added, their prefixes,
//! and seeded random digit strings. Whole-number patterns must agree on matching, prefix
//! patterns on where the match ends, and the patterns whose groups are used (formats and
//! national prefixes for parsing) on every group.

mod common;

use common::seeded::Seeded;
use common::validity_descriptors;
use dialer_core::numbering::pattern::Pattern;
use phonenumber::metadata::{Metadata, DATABASE};
use regex::{Regex, RegexBuilder};

/// How a pattern is used.
#[derive(Clone, Copy, Debug)]
enum Use {
    /// `matches()`: the whole input.
    Whole,
    /// `lookingAt()`: a prefix of the input.
    Prefix,
}

/// Every country of the plan (the non-geographic ones included: they share the id `001`).
fn countries() -> Vec<&'static Metadata> {
    (1..1000u16)
        .filter_map(|code| DATABASE.by_code(&code))
        .flatten()
        .collect()
}

fn squeeze(pattern: &str) -> String {
    pattern.chars().filter(|c| !c.is_whitespace()).collect()
}

/// (pattern, use, whether its groups matter) for each pattern of a country.
fn patterns(meta: &Metadata) -> Vec<(String, Use, bool)> {
    let mut out: Vec<(String, Use, bool)> = validity_descriptors(meta)
        .map(|desc| (squeeze(desc.national_number().as_str()), Use::Whole, false))
        .collect();
    for format in meta.formats().iter().chain(meta.international_formats()) {
        out.push((squeeze(format.pattern().as_str()), Use::Whole, true));
        for leading in format.leading_digits() {
            out.push((squeeze(leading.as_str()), Use::Prefix, false));
        }
    }
    if let Some(re) = meta.international_prefix() {
        out.push((squeeze(re.as_str()), Use::Prefix, false));
    }
    if let Some(re) = meta.national_prefix_for_parsing() {
        out.push((squeeze(re.as_str()), Use::Prefix, true));
    }
    if let Some(re) = meta.leading_digits() {
        out.push((squeeze(re.as_str()), Use::Prefix, false));
    }
    out
}

/// Inputs for a country: example numbers (with the national prefix and without), one-digit
/// changes, prefixes, random strings.
fn inputs(meta: &Metadata, rng: &mut Seeded) -> Vec<String> {
    let mut examples: Vec<String> = validity_descriptors(meta)
        .filter_map(|desc| desc.example().map(str::to_owned))
        .collect();
    if let Some(prefix) = meta.national_prefix() {
        let with_prefix: Vec<String> = examples.iter().map(|e| format!("{prefix}{e}")).collect();
        examples.extend(with_prefix);
    }
    let mut out = vec![String::new()];
    for example in &examples {
        out.push(example.clone());
        for at in 0..example.len() {
            let (head, tail) = example.split_at(at);
            out.push(head.to_owned());
            out.push(format!(
                "{head}{}{}",
                rng.digit(),
                tail.get(1..).unwrap_or("")
            ));
            out.push(format!("{head}{}", tail.get(1..).unwrap_or("")));
        }
        out.push(format!("{example}{}", rng.digit()));
    }
    for _ in 0..200 {
        let len = (rng.next() % 18) as usize;
        out.push((0..len).map(|_| rng.digit()).collect());
    }
    out.sort();
    out.dedup();
    out
}

fn oracle(pattern: &str, how: Use) -> Regex {
    let source = match how {
        Use::Whole => format!("^(?:{pattern})$"),
        Use::Prefix => format!("^(?:{pattern})"),
    };
    RegexBuilder::new(&source)
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("regex refuses {pattern:?}: {e}"))
}

#[test]
fn every_pattern_matches_as_the_regex_crate_does() {
    let mut rng = Seeded(0x0DD5_EED5);
    let mut checked = 0usize;
    for meta in countries() {
        let inputs = inputs(meta, &mut rng);
        for (pattern, how, groups) in patterns(meta) {
            let ours = Pattern::new(&pattern, matches!(how, Use::Whole))
                .filter(Pattern::compiles)
                .unwrap_or_else(|| panic!("{}: {pattern:?} does not compile", meta.id()));
            let theirs = oracle(&pattern, how);
            for input in &inputs {
                let want = theirs.captures(input);
                let got = ours.captures(input);
                assert_eq!(
                    got.as_ref().and_then(|c| c.get(0)),
                    want.as_ref()
                        .and_then(|c| c.get(0))
                        .map(|m| (m.start(), m.end())),
                    "{} {how:?} {pattern:?} on {input:?}",
                    meta.id()
                );
                assert_eq!(ours.is_match(input), want.is_some());
                if let (true, Some(got), Some(want)) = (groups, &got, &want) {
                    for group in 1..want.len() {
                        assert_eq!(
                            got.get(group),
                            want.get(group).map(|m| (m.start(), m.end())),
                            "{} group {group} of {pattern:?} on {input:?}",
                            meta.id()
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    println!("pattern oracle: {checked} (pattern, input) pairs agree");
    assert!(checked > 1_000_000, "only {checked} pairs checked");
}

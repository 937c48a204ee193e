//! Differential test against Google's libphonenumber.
//!
//! `tests/data/oracle.json` holds rows `{input, country, expected}` where `expected` is the
//! E.164 number Google's library reads (or `null` when it finds no valid number). Every row is
//! dialled with `defaultCountry = country`; a WRONG row (a number where Google has none, or a
//! different one) could dial a stranger and fails the test. Missed rows (refused where Google
//! reads a number) are listed but allowed. `DIALER_ORACLE=path` runs another file of the same
//! shape.

use dialer_core::{dial, Settings};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Row {
    input: String,
    country: String,
    expected: Option<String>,
}

fn oracle_path() -> PathBuf {
    std::env::var_os("DIALER_ORACLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/oracle.json"))
}

#[test]
fn agrees_with_libphonenumber_and_never_dials_a_wrong_number() {
    let path = oracle_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let rows: Vec<Row> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not an oracle file: {e}", path.display()));
    assert!(!rows.is_empty(), "{} has no rows", path.display());

    let mut agree = 0usize;
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    for row in &rows {
        let settings = Settings {
            default_country: row.country.clone(),
            ..Settings::default()
        };
        let ours = dial(&row.input, &settings).ok().map(|d| d.number);
        match (&ours, &row.expected) {
            (Some(a), Some(b)) if a == b => agree += 1,
            (None, None) => agree += 1,
            (Some(_), _) => wrong.push((row, ours.clone())),
            (None, Some(_)) => missed.push((row, ours.clone())),
        }
    }

    let total = rows.len();
    let percent = agree as f64 * 100.0 / total as f64;
    println!(
        "differential: {total} rows, {agree} agree ({percent:.1}%), {} wrong, {} missed",
        wrong.len(),
        missed.len()
    );
    for (label, list) in [("WRONG", &wrong), ("missed", &missed)] {
        for (row, ours) in list.iter() {
            println!(
                "  {label}: input {:?} country {} ours {} google {}",
                row.input,
                row.country,
                ours.as_deref().unwrap_or("null"),
                row.expected.as_deref().unwrap_or("null"),
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows dial a number Google does not read (see the list above)",
        wrong.len()
    );
}

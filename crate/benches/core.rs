//! Native benchmarks of the core's hot functions (`cargo bench -p dialer-core`).
//!
//! The inputs are phone fields as a CRM holds them: US numbers written nationally in the
//! usual ways, international numbers of several countries written with `+` or `011`,
//! phone extensions, and values that are not phone numbers. They are generated from a fixed seed,
//! so every run reads the same values. Only the public API whose names are stable is used
//! (`normalize`, `parse`, `dial`, `check_caller_id`, `Settings`, `Dialer`).
//!
//! The `choice` group dials the `us` set with a pool and rules of real size (1,000 caller
//! IDs, 500 rules) beside a small one (5 and 5): per number with the settings ready (`dial`),
//! in batches of 50 as pages send them (`batches`: the settings made ready by the first batch
//! serve the next ones), and the cost of getting them ready (`ready`: checking every caller ID
//! and rule), paid again when the settings change.
//!
//! Two sets: `mixed` (13 countries and some non-numbers, the browser benchmark's mix) and `us`
//! (North American numbers only). Each benchmark reports time per value (criterion's
//! `Throughput::Elements`) over one pass on a set. The first call's cost (loading the
//! numbering metadata into its statics) is paid once before measuring; the browser benchmark
//! (`node bench/run.mjs`) measures it.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dialer_core::{
    check_caller_id, dial, dial_batch, nanp_area, normalize, parse, DialRequest, Dialer,
    PoolNumber, Rule, Settings,
};
use std::hint::black_box;

/// The caller ID of 8x8's own example: accepted with a warning (not an assigned number).
const CALLER_ID: &str = "+18880001111";

#[path = "../tests/common/seeded.rs"]
mod seeded;
use seeded::Seeded;

const US_AREAS: &[&str] = &[
    "201", "212", "213", "303", "305", "312", "404", "415", "503", "512", "602", "617", "646",
    "650", "702", "713", "718", "773", "805", "818", "858", "917", "949", "972",
];

/// Number patterns by country, as a CRM user types them.
const PATTERNS: &[&str] = &[
    "+44 20 7### ####",
    "+44 7### ######",
    "+44 (0)161 ### ####",
    "+49 30 #######",
    "+49 151 ########",
    "+49 89 ########",
    "+33 1 ## ## ## ##",
    "+33 6 ## ## ## ##",
    "+61 2 N### ####",
    "+61 4## ### ###",
    "+81 3-N###-####",
    "+91 9#### #####",
    "+55 11 9####-####",
    "+52 55 N### ####",
    "+34 6## ### ###",
    "+39 06 N### ####",
    "+31 6 ########",
    "+353 1 N## ####",
    "011 44 20 7### ####",
];

/// Values that are not phone numbers, as found in phone fields.
const NOT_NUMBERS: &[&str] = &["555-12", "N/A", "TBD", "x23", "+", "call reception", "0000"];

/// `count` raw values; `international` decides whether numbers of other countries are mixed
/// in (about half) or every value is a North American number written nationally.
fn raw_values(count: usize, international: bool) -> Vec<String> {
    let mut rng = Seeded(0x5EED_0001);
    (0..count)
        .map(|i| {
            if international && i % 13 == 12 {
                return rng.pick(NOT_NUMBERS).to_owned();
            }
            if !international || rng.below(2) == 0 {
                let area = rng.pick(US_AREAS);
                let line = rng.fill("N##-####");
                let (exchange, subscriber) = line.split_at(3);
                let subscriber = &subscriber[1..];
                match rng.below(6) {
                    0 => format!("({area}) {exchange}-{subscriber}"),
                    1 => format!("{area}.{exchange}.{subscriber}"),
                    2 => format!("{area}-{exchange}-{subscriber} x{}", rng.below(900) + 10),
                    3 => format!("+1 {area} {exchange} {subscriber}"),
                    4 => format!("1-{area}-{exchange}-{subscriber}"),
                    _ => format!("{area}{exchange}{subscriber}"),
                }
            } else {
                let pattern = rng.pick(PATTERNS);
                rng.fill(pattern)
            }
        })
        .collect()
}

fn settings() -> Settings {
    Settings {
        default_country: "US".to_owned(),
        default_caller_id: CALLER_ID.to_owned(),
        ..Settings::default()
    }
}

/// Values per set: enough to cycle through every country many times, few enough that one
/// pass stays short while reading a value costs milliseconds.
const VALUES: usize = 300;

fn benches(c: &mut Criterion) {
    let settings = settings();
    let sets = [
        ("mixed", raw_values(VALUES, true)),
        ("us", raw_values(VALUES, false)),
    ];
    for (_, raws) in &sets {
        // Loads the metadata and compiles the patterns once, outside every measurement.
        let valid = raws
            .iter()
            .filter(|raw| dial(raw, &settings).is_ok())
            .count();
        assert!(
            valid > raws.len() / 2,
            "only {valid} of {} values read",
            raws.len()
        );
    }

    let mut group = c.benchmark_group("core");
    group.sample_size(10);
    for (name, raws) in &sets {
        group.throughput(Throughput::Elements(raws.len() as u64));
        group.bench_with_input(BenchmarkId::new("normalize", name), raws, |b, raws| {
            b.iter(|| {
                for raw in raws {
                    let _ = black_box(normalize(black_box(raw)));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("parse", name), raws, |b, raws| {
            b.iter(|| {
                for raw in raws {
                    let _ = black_box(parse(black_box(raw), "US"));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("dial", name), raws, |b, raws| {
            b.iter(|| {
                for raw in raws {
                    let _ = black_box(dial(black_box(raw), &settings));
                }
            })
        });
    }
    group.finish();

    let caller_ids = [
        "+18880001111",
        "+14155551212",
        "+442079460958",
        "+4915120484846",
    ];
    let mut group = c.benchmark_group("caller_id");
    group.throughput(Throughput::Elements(caller_ids.len() as u64));
    group.bench_function("check_caller_id", |b| {
        b.iter(|| {
            for id in &caller_ids {
                let _ = black_box(check_caller_id(black_box(id)));
            }
        })
    });
    group.finish();
}

/// Settings with a pool of `ids` numbers (one area code after another, then again with other
/// lines) and `rules` prefix rules, with local presence on.
fn sized_settings(ids: usize, rules: usize) -> Settings {
    let areas: Vec<u16> = (200..1000)
        .filter(|code| nanp_area(&code.to_string()).is_some())
        .collect();
    let caller_ids = (0..ids)
        .map(|i| PoolNumber {
            number: format!(
                "+1{}555{:04}",
                areas[i % areas.len()],
                100 + i / areas.len()
            ),
            label: format!("Office {i}"),
        })
        .collect();
    let rules = (0..rules)
        .map(|i| Rule {
            target: format!("+1{}{}", areas[i % areas.len()], 200 + i / areas.len()),
            caller_id: CALLER_ID.to_owned(),
        })
        .collect();
    Settings {
        caller_ids,
        rules,
        ..settings()
    }
}

/// Values per message a page sends to the background.
const BATCH: usize = 50;

fn choice_benches(c: &mut Criterion) {
    let requests: Vec<DialRequest> = raw_values(VALUES, false)
        .iter()
        .map(|raw| DialRequest::raw(raw))
        .collect();
    let sizes = [
        ("5 ids, 5 rules", 5, 5),
        ("1000 ids, 500 rules", 1_000, 500),
    ];
    let mut group = c.benchmark_group("choice");
    group.sample_size(10);
    for (name, ids, rules) in sizes {
        let settings = sized_settings(ids, rules);
        let dialer = Dialer::new(&settings).expect("usable settings");
        group.throughput(Throughput::Elements(requests.len() as u64));
        group.bench_with_input(BenchmarkId::new("dial", name), &requests, |b, requests| {
            b.iter(|| {
                for request in requests {
                    let _ = black_box(dialer.dial(black_box(request)));
                }
            })
        });
        group.bench_with_input(
            BenchmarkId::new("batches", name),
            &requests,
            |b, requests| {
                b.iter(|| {
                    for batch in requests.chunks(BATCH) {
                        let _ = black_box(dial_batch(black_box(batch), &settings));
                    }
                })
            },
        );
        group.throughput(Throughput::Elements(1));
        group.bench_with_input(BenchmarkId::new("ready", name), &settings, |b, settings| {
            b.iter(|| black_box(Dialer::new(black_box(settings))))
        });
    }
    group.finish();
}

criterion_group!(core, benches, choice_benches);
criterion_main!(core);

//! The crate floor's inputs for the benchmark's first call, written to the folder given as
//! the only argument: `us-metadata.bin`, the US's metadata as the core gives it to the
//! crate (`second_opinion::validity_metadata`), and `number.bin`, +1 415-555-1212 as the crate's
//! `PhoneNumber`; both in postcard, the form `is_valid` reads.

use dialer_core::numbering::second_opinion::{crate_number, validity_metadata};
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).expect("usage: inputs <folder>"));
    let us = dialer_core::numbering::plan::country("US")
        .and_then(|entry| entry.metadata())
        .expect("the plan holds the US");
    let number = crate_number(1, "4155551212").expect("a valid number");
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    write(
        "us-metadata.bin",
        postcard::to_allocvec(&validity_metadata(us)).expect("serializes"),
    );
    write(
        "number.bin",
        postcard::to_allocvec(&number).expect("serializes"),
    );
}

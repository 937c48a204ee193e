//! What several tests read of the `phonenumber` crate's metadata, and their seeded inputs.
//! (Each test file compiles this module on its own and uses part of it.)
#![allow(dead_code)]

pub mod seeded;

use phonenumber::metadata::{Descriptor, Metadata};

/// Every description a country may have: the general one and the number types' first (what
/// validity reads), then emergency, short code, standard rate, carrier, no international.
pub fn descriptors(meta: &Metadata) -> [Option<&Descriptor>; 16] {
    let d = meta.descriptors();
    [
        Some(d.general()),
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.personal_number(),
        d.voip(),
        d.pager(),
        d.uan(),
        d.voicemail(),
        d.emergency(),
        d.short_code(),
        d.standard_rate(),
        d.carrier(),
        d.no_international(),
    ]
}

/// The descriptions that say whether a number is valid: the general one and the number types'.
pub fn validity_descriptors(meta: &Metadata) -> impl Iterator<Item = &Descriptor> {
    descriptors(meta).into_iter().take(11).flatten()
}

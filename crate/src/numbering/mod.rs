//! The number reader: from a raw `tel:` value to a phone number read with confidence, or the
//! reason it is not one.
//!
//! [`number::parse`] takes a value through the steps: [`normalize`] cleans it (a phone
//! extension split off by [`phone_extension`]); the number is read with libphonenumber's rules
//! on its country's plan ([`country_plan`], compiled from the embedded [`plan`], its patterns run by
//! [`pattern`]); and the `phonenumber` crate must confirm it ([`second_opinion`]).

pub mod country_plan;
pub mod normalize;
pub mod number;
pub mod pattern;
pub mod phone_extension;
pub mod plan;
pub mod second_opinion;

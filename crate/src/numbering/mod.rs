//! The number reader: from a raw `tel:` value to a phone number read with confidence.

pub mod metadata;
pub mod normalize;
pub mod number;
pub mod pattern;
pub mod phone_extension;
pub mod plan;
pub mod second_opinion;

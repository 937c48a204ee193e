//! What any core keeping the `phonenumber` crate at run time must ship and run, whatever else
//! it does: a database built from one region's metadata (`Database::from`) and
//! `is_valid_with` on one number. Built by the benchmark with the core's release profile. Its
//! size, with no metadata and none of the core's own code, is the floor under the core's; its
//! first call, given the US metadata as the core gives it to the crate, is the floor under the
//! core's first call.

use phonenumber::metadata::{loader::Metadata, Database};
use phonenumber::PhoneNumber;

/// Whether the number (postcard form) is valid in the region (postcard metadata).
///
/// # Safety
///
/// Both pointers must point to that many readable bytes.
#[no_mangle]
pub unsafe extern "C" fn is_valid(
    metadata: *const u8,
    metadata_len: usize,
    number: *const u8,
    number_len: usize,
) -> bool {
    // SAFETY: the caller passes readable buffers of these lengths.
    let (metadata, number) = unsafe {
        (
            std::slice::from_raw_parts(metadata, metadata_len),
            std::slice::from_raw_parts(number, number_len),
        )
    };
    let (Ok(metadata), Ok(number)) = (
        postcard::from_bytes::<Metadata>(metadata),
        postcard::from_bytes::<PhoneNumber>(number),
    ) else {
        return false;
    };
    Database::from(vec![metadata]).is_ok_and(|db| phonenumber::is_valid_with(&db, &number))
}

/// Room for `len` bytes of input, which the caller fills and never gives back: the benchmark
/// makes one call.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Vec::<u8>::with_capacity(len).leak().as_mut_ptr()
}

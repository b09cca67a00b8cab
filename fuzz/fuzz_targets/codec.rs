#![no_main]
//! Any bytes decode to an error or a dataset, never a panic (a council's own data file is untrusted).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let bytes: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
    let _ = protocol_core::codec::decode(bytes);
});

#![no_main]
//! Any sequence of answers replays to a page or a clear error.
use libfuzzer_sys::fuzz_target;
use protocol_core::engine::replay;
use protocol_core::library::{load_library, Library};
use std::sync::OnceLock;

fuzz_target!(|answers: Vec<String>| {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    let library = LIBRARY.get_or_init(|| {
        load_library(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../protocols"))).expect("protocols load")
    });
    for loaded in &library.councils {
        match replay(&loaded.council, &answers) {
            Ok(walk) => assert_eq!(walk.steps.len(), answers.len()),
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
});

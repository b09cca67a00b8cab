#![no_main]
//! Any question typed into the ask box gets results, best first, without a panic.
use libfuzzer_sys::fuzz_target;
use protocol_core::library::load_library;
use protocol_core::search::SearchIndex;
use std::sync::OnceLock;

fuzz_target!(|query: &str| {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let library = load_library(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../protocols"))).expect("protocols load");
        let council = library.council("crawley").expect("crawley");
        SearchIndex::build(council, &library.topics, &library.search_words)
    });
    let answer = index.ask(query, 8);
    assert!(answer.hits.windows(2).all(|w| w[0].score >= w[1].score));
});

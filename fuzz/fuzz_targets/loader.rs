#![no_main]
//! Any council file, against the Model protocol's real source text, loads or gives diagnostics.
use libfuzzer_sys::fuzz_target;
use protocol_core::loader::{load_council, load_topics, Checks};
use std::sync::OnceLock;

const TOPICS: &str = include_str!("../../protocols/topics.toml");
const SOURCE: &str = include_str!("../../protocols/sources/model.txt");

fuzz_target!(|text: &str| {
    static TOPIC_LIST: OnceLock<Vec<protocol_core::model::Topic>> = OnceLock::new();
    let topics = TOPIC_LIST.get_or_init(|| load_topics("topics.toml", TOPICS).expect("the catalogue loads"));
    if let Err(diagnostics) = load_council("fuzz.toml", text, topics, Checks::ALL, |_| Ok(SOURCE.to_string())) {
        assert!(diagnostics.0.iter().all(|d| d.file == "fuzz.toml" && d.line >= 1));
    }
});

//! Shared helpers: paths into the repository and loading in-memory variants of files.
#![allow(dead_code)]

use protocol_core::diagnostic::Diagnostics;
use protocol_core::loader::{load_council, load_topics, Checks, LoadedCouncil};
use protocol_core::model::Topic;
use std::path::PathBuf;

/// The project's root, where the shipped protocols live.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// This crate's own test data.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read_own(relative: &str) -> String {
    std::fs::read_to_string(crate_dir().join(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

pub fn read(relative: &str) -> String {
    std::fs::read_to_string(repo().join(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

pub fn topics() -> Vec<Topic> {
    load_topics("protocols/topics.toml", &read("protocols/topics.toml")).expect("the topic catalogue is valid")
}

pub fn fixture_text() -> String {
    read_own("tests/fixtures/valid/fixture.toml")
}

pub fn fixture_source() -> String {
    read_own("tests/fixtures/valid/sources/fixture.txt")
}

/// Loads a council file's text against a given source text, as `protocols/broken.toml`.
pub fn load_with(toml_text: &str, source: &str) -> Result<LoadedCouncil, Diagnostics> {
    let source = source.to_string();
    load_council("protocols/broken.toml", toml_text, &topics(), Checks::ALL, move |_| Ok(source))
}

/// The fixture with one exact passage replaced; panics if the passage is not there, so a
/// test can never pass by editing nothing.
pub fn fixture_with(find: &str, replace: &str) -> String {
    let text = fixture_text();
    assert!(text.contains(find), "fixture has no passage {find:?}");
    text.replacen(find, replace, 1)
}

/// The single diagnostic message expected from a broken variant, as text.
pub fn errors_of(toml_text: &str) -> String {
    match load_with(toml_text, &fixture_source()) {
        Ok(_) => panic!("expected the broken file to be rejected"),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

/// 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    text[..at].matches('\n').count() + 1
}

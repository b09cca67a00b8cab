//! Loads and validates every council file, then bakes them into the wasm as compact bytes.
//! A broken file stops the build with the file, line and problem.

use protocol_core::codec::{encode, Dataset};
use protocol_core::library::load_library;
use protocol_core::loader::{load_council_file, refuse_drafts};
use std::path::{Path, PathBuf};

fn watch(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                watch(&path);
            } else {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=PROTOCOL_GUIDE_DATA");
    let dir = std::env::var_os("PROTOCOL_GUIDE_DATA").map(PathBuf::from).unwrap_or_else(|| manifest.join("protocols"));
    watch(&dir);
    let library = match load_library(&dir) {
        Ok(library) => library,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!(
                "error: the protocol files in {} have {} problem(s); see above",
                dir.display(),
                diagnostics.0.len()
            );
            std::process::exit(1);
        }
    };
    // Draft outcomes (`protocol-guide draft-guide`) are not reviewed: a release build refuses them
    // unless it is a preview for a clerk (PROTOCOL_GUIDE_PREVIEW=1).
    println!("cargo:rerun-if-env-changed=PROTOCOL_GUIDE_PREVIEW");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let preview = std::env::var("PROTOCOL_GUIDE_PREVIEW").is_ok_and(|value| value == "1");
    if release && !preview {
        let refused: Vec<_> =
            library.councils.iter().filter_map(|loaded| refuse_drafts(loaded).err()).flat_map(|d| d.0).collect();
        if !refused.is_empty() {
            eprintln!("{}", protocol_core::diagnostic::Diagnostics(refused.clone()));
            eprintln!(
                "error: {} draft outcome(s) in {}; review them, or build a preview with PROTOCOL_GUIDE_PREVIEW=1",
                refused.len(),
                dir.display()
            );
            std::process::exit(1);
        }
    }
    let mut dataset = Dataset::from_library(library).with_phrasings_in_index_form();

    // Test builds add a council full of hostile markup, and a deliberate panic export (cfg test_fixtures).
    println!("cargo::rustc-check-cfg=cfg(test_fixtures)");
    println!("cargo:rerun-if-env-changed=PROTOCOL_GUIDE_TEST_FIXTURES");
    if std::env::var("PROTOCOL_GUIDE_TEST_FIXTURES").is_ok_and(|value| value == "1") {
        println!("cargo:rustc-cfg=test_fixtures");
        let fixtures = manifest.join("tests/fixtures/hostile");
        watch(&fixtures);
        for entry in std::fs::read_dir(&fixtures).expect("tests/fixtures/hostile exists").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                match load_council_file(&path, &dataset.topics) {
                    Ok(loaded) => dataset.councils.push(loaded.council),
                    Err(diagnostics) => {
                        eprintln!("{diagnostics}");
                        std::process::exit(1);
                    }
                }
            }
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("protocol_data.bin");
    std::fs::write(&out, encode(&dataset)).expect("OUT_DIR is writable");
}

//! The councils and topics, validated at build time (see build.rs) and carried as compact bytes,
//! decoded once on first use.

use protocol_core::codec::{decode, Dataset};
use protocol_core::model::{Council, Text, Topic};
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/protocol_data.bin"));

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    // The build wrote these bytes from data it had just validated; failing here is a build fault.
    DATASET.get_or_init(|| match decode(BYTES) {
        Ok(dataset) => dataset,
        // Display, not Debug: Debug formatting would pull escaping code into the wasm.
        Err(error) => panic!("protocol data built by build.rs does not decode: {}", error.0),
    })
}

pub fn councils() -> &'static [Council] {
    &dataset().councils
}

pub fn topics() -> &'static [Topic] {
    &dataset().topics
}

pub fn synonyms() -> &'static [Vec<Text>] {
    &dataset().synonyms
}

pub fn council(id: &str) -> Option<&'static Council> {
    councils().iter().find(|council| council.id == id)
}

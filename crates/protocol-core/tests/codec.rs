//! The widget's binary data decodes to exactly the validated councils, and bad bytes are errors.

mod common;
use common::*;
use protocol_core::codec::{decode, encode, Dataset};
use protocol_core::library::load_library;

fn dataset() -> Dataset {
    let library = load_library(&repo().join("protocols")).expect("protocols load");
    Dataset {
        councils: library.councils.into_iter().map(|l| l.council).collect(),
        topics: library.topics,
        synonyms: library.synonyms.into_iter().map(|g| g.into_iter().map(Into::into).collect()).collect(),
    }
}

#[test]
fn round_trips_every_council() {
    let original = dataset();
    let bytes: &'static [u8] = Box::leak(encode(&original).into_boxed_slice());
    assert_eq!(decode(bytes).expect("decodes"), original);
}

#[test]
fn corrupt_bytes_are_errors_not_panics() {
    let bytes = encode(&dataset());
    for cut in [0, 3, 4, 10, bytes.len() / 2, bytes.len() - 1] {
        let truncated: &'static [u8] = Box::leak(bytes[..cut].to_vec().into_boxed_slice());
        assert!(decode(truncated).is_err(), "truncated at {cut}");
    }
    let mut flipped = bytes.clone();
    flipped[0] = b'X';
    assert!(decode(Box::leak(flipped.into_boxed_slice())).is_err());
}

//! The widget's binary data decodes to exactly the validated councils, and bad bytes are errors.

mod common;
use common::*;
use protocol_core::codec::{decode, encode, Dataset};
use protocol_core::library::load_library;

fn dataset() -> Dataset {
    Dataset::from_library(load_library(&repo().join("protocols")).expect("protocols load"))
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

#[test]
fn quotes_and_clause_ids_that_cannot_be_places_are_kept_as_text() {
    // Quotes normally travel as positions in their clause; one that differs in layout from the
    // clause (here, doubled spaces) must still come back exactly as written.
    let mut original = dataset();
    let council = &mut original.councils[0];
    let mut nodes = council.flow.nodes().to_vec();
    let outcome = nodes
        .iter_mut()
        .find_map(|node| match node {
            protocol_core::model::Node::Outcome(outcome) if !outcome.cites.is_empty() => Some(outcome),
            _ => None,
        })
        .expect("an outcome with a citation");
    // A guidance line resting on a clause id the council lacks travels as text, not as a place.
    outcome.guidance[0].clauses.push("Z.99".into());
    outcome.cites[0].quote = outcome.cites[0].quote.replace(' ', "  ").into();
    let changed = outcome.cites[0].quote.to_string();
    assert!(changed.contains("  "), "the quote must change for this test to mean anything");
    council.flow = protocol_core::model::Flow::new(council.flow.start.clone(), nodes);
    let bytes: &'static [u8] = Box::leak(encode(&original).into_boxed_slice());
    let decoded = decode(bytes).expect("decodes");
    assert_eq!(decoded, original);
    assert!(decoded.councils[0].flow.outcomes().any(|o| o.cites.iter().any(|c| c.quote == changed)));
    assert!(decoded.councils[0]
        .flow
        .outcomes()
        .any(|o| o.guidance.iter().any(|line| line.clauses.iter().any(|id| id == "Z.99"))));
}

#[test]
fn the_draft_flag_survives_the_round_trip() {
    // Previews bake draft outcomes; the page shows them with a banner, so the flag must arrive.
    let mut original = dataset();
    let council = &mut original.councils[0];
    let mut nodes = council.flow.nodes().to_vec();
    let outcome = nodes
        .iter_mut()
        .find_map(|node| match node {
            protocol_core::model::Node::Outcome(outcome) => Some(outcome),
            _ => None,
        })
        .expect("an outcome");
    assert!(!outcome.draft, "the shipped protocols have no drafts");
    outcome.draft = true;
    let id = outcome.id.to_string();
    council.flow = protocol_core::model::Flow::new(council.flow.start.clone(), nodes);
    let bytes: &'static [u8] = Box::leak(encode(&original).into_boxed_slice());
    let decoded = decode(bytes).expect("decodes");
    assert_eq!(decoded, original);
    let drafts: Vec<&str> = decoded.councils[0].flow.outcomes().filter(|o| o.draft).map(|o| o.id.as_ref()).collect();
    assert_eq!(drafts, [id.as_str()]);
}

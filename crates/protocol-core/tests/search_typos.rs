//! A misspelling in the shared phrasings must not stop the same misspelling, typed, from being
//! fixed towards the protocol's own word.

mod common;
use common::*;
use protocol_core::model::{SearchWords, Text};
use protocol_core::search::{HitKind, SearchIndex};

fn clause_hits(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, 20).into_iter().filter(|hit| hit.kind == HitKind::Clause).map(|hit| hit.id).collect()
}

#[test]
fn a_misspelling_the_phrasings_use_is_still_fixed_towards_the_protocols_word() {
    let council = load_with(&fixture_text(), &fixture_source()).expect("the fixture loads").council;
    let words = SearchWords::default();
    let plain = topics();
    // Typed alone, the misspelling is fixed: clause 2.1 speaks of interpretation.
    let before = SearchIndex::build(&council, &plain, &words);
    assert!(clause_hits(&before, "interpertation ").contains(&"2.1".to_string()));
    // A phrasing (of an unrelated situation) that spells it the same wrong way.
    let mut with_misspelling = plain.clone();
    let situation = &mut with_misspelling[0].situations[0];
    situation.phrasings.push(Text::from("interpertation rules"));
    let after = SearchIndex::build(&council, &with_misspelling, &words);
    let hits = after.search("interpertation ", 20);
    assert!(hits.iter().any(|hit| hit.kind == HitKind::Outcome), "the phrasing still matches as typed: {hits:?}");
    assert!(clause_hits(&after, "interpertation ").contains(&"2.1".to_string()), "{hits:?}");
}

//! The walk engine on real data: replaying answers, changing one, and comparing councils.

mod common;
use common::*;
use protocol_core::engine::{answers_to, change_answer, coverage_of, outcomes_under, replay, WalkError};
use protocol_core::library::load_library;
use protocol_core::model::CoverageLevel;

fn library() -> protocol_core::library::Library {
    load_library(&repo().join("protocols")).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn replay_rejects_answers_that_are_not_options_and_answers_past_an_outcome() {
    let library = library();
    let council = library.council("leighton-linslade").expect("council");
    match replay(council, &["complaints", "media.pre-election"]) {
        Err(WalkError::NotAnOption { position: 1, .. }) => {}
        other => panic!("expected NotAnOption at 1, got {other:?}"),
    }
    let to_outcome = answers_to(council, "complaints.about-town-clerk").expect("reachable");
    let mut too_many = to_outcome.clone();
    too_many.push("complaints".into());
    assert!(matches!(replay(council, &too_many), Err(WalkError::PastOutcome { .. })));
}

#[test]
fn changing_an_answer_keeps_only_later_answers_that_still_fit() {
    let library = library();
    let council = library.council("leighton-linslade").expect("council");
    let answers = answers_to(council, "complaints.about-town-clerk").expect("reachable");
    // Same topic again: everything after still fits.
    assert_eq!(change_answer(council, &answers, 0, "complaints"), answers);
    // Another topic: the later answers no longer fit and are dropped.
    assert_eq!(change_answer(council, &answers, 0, "media"), vec!["media".to_string()]);
    // Another branch of the same question: only that choice changes.
    let other = change_answer(council, &answers, 2, "complaints.about-other-officer");
    assert_eq!(other.last().map(String::as_str), Some("complaints.about-other-officer"));
    assert!(replay(council, &other).expect("valid").outcome().is_some());
}

#[test]
fn outcomes_under_a_situation_carry_the_labels_chosen_on_the_way() {
    let library = library();
    let council = library.council("leighton-linslade").expect("council");
    let under = outcomes_under(council, "complaints.councillor-about-officer");
    let ids: Vec<&str> = under.iter().map(|(_, o)| o.id.as_ref()).collect();
    assert_eq!(ids, ["complaints.about-town-clerk", "complaints.about-other-officer"]);
    assert_eq!(under[0].0, ["Yes, the Town Clerk"]);
    let outcome = council.flow.outcome("complaints.about-town-clerk").expect("outcome");
    assert_eq!(outcome.situation, "complaints.councillor-about-officer");
    assert_eq!(outcome.topic, "complaints");
}

#[test]
fn an_outcome_that_answers_a_situation_belongs_to_it_however_else_it_is_reached() {
    let library = library();
    let council = library.council("leighton-linslade").expect("council");
    // Also offered under "need to know", which comes first in the catalogue.
    assert!(outcomes_under(council, "information.need-to-know")
        .iter()
        .any(|(_, outcome)| outcome.id == "information.committee-papers"));
    let outcome = council.flow.outcome("information.committee-papers").expect("outcome");
    assert_eq!(outcome.situation, "information.committee-papers");
    for council in library.councils.iter().map(|loaded| &loaded.council) {
        for outcome in council.flow.outcomes() {
            if protocol_core::model::find_situation(&library.topics, &outcome.id).is_some() {
                assert_eq!(outcome.situation, outcome.id, "{}: {}", council.id, outcome.id);
            }
        }
    }
}

#[test]
fn coverage_of_a_situation_is_the_most_any_branch_covers() {
    let library = library();
    let model = library.council("model").expect("model");
    let crawley = library.council("crawley").expect("crawley");
    assert_eq!(
        coverage_of(model, "media.press-releases"),
        CoverageLevel::None,
        "the Model protocol has no media section"
    );
    assert_eq!(coverage_of(crawley, "media.press-releases"), CoverageLevel::Full);
}

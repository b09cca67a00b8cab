//! One topic across all five councils, so one council's route can never silently become another's:
//! a councillor unhappy with an officer.

mod common;
use common::*;
use protocol_core::engine::replay;
use protocol_core::library::{load_library, Library};
use protocol_core::model::Outcome;
use std::sync::OnceLock;

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| load_library(&repo().join("protocols")).unwrap_or_else(|d| panic!("{d}")))
}

fn outcome(council: &str, answers: &[&str]) -> &'static Outcome {
    let council = library().council(council).unwrap_or_else(|| panic!("no council {council}"));
    let walk = replay(council, answers).unwrap_or_else(|e| panic!("{}: {e}", council.id));
    walk.outcome().unwrap_or_else(|| panic!("{}: {:?} stops at a question", council.id, answers))
}

fn cited(outcome: &Outcome) -> Vec<&str> {
    let mut ids: Vec<&str> = outcome.cites.iter().map(|c| c.clause.as_ref()).collect();
    ids.dedup();
    ids
}

fn quotes(outcome: &Outcome) -> String {
    outcome.cites.iter().map(|c| c.quote.as_ref()).collect::<Vec<_>>().join(" | ")
}

const SITUATION: [&str; 2] = ["complaints", "complaints.councillor-about-officer"];

#[test]
fn leighton_linslade_sends_officers_to_the_town_clerk_and_the_town_clerk_to_the_town_mayor() {
    let other = outcome("leighton-linslade", &[SITUATION[0], SITUATION[1], "complaints.about-other-officer"]);
    assert_eq!(other.contact.as_ref().map(|c| c.role.as_ref()), Some("Town Clerk"));
    assert_eq!(cited(other), ["8.7"]);
    assert!(quotes(other).contains("the matter should be raised with the Town Clerk"));
    let clerk = outcome("leighton-linslade", &[SITUATION[0], SITUATION[1], "complaints.about-town-clerk"]);
    assert_eq!(clerk.contact.as_ref().map(|c| c.role.as_ref()), Some("Town Mayor"));
    assert!(quotes(clerk)
        .contains("Where the Officer concerned is the Town Clerk, the matter should be raised with the Town Mayor."));
}

#[test]
fn crawley_sends_heads_of_service_to_their_line_manager_in_writing() {
    let senior = outcome("crawley", &[SITUATION[0], SITUATION[1], "complaints.about-senior-officer"]);
    assert_eq!(senior.contact.as_ref().map(|c| c.role.as_ref()), Some("Line Manager"));
    assert!(cited(senior).contains(&"4.2"));
    assert!(quotes(senior).contains("Line Manager"));
    let officer = outcome("crawley", &[SITUATION[0], SITUATION[1], "complaints.about-officer"]);
    assert_eq!(officer.contact.as_ref().map(|c| c.role.as_ref()), Some("Head of Service"));
    assert!(quotes(officer).contains("put their complaint in writing to the appropriate"));
    let chief = outcome("crawley", &[SITUATION[0], SITUATION[1], "complaints.about-chief-executive"]);
    assert!(!chief.coverage.is_full(), "4.2 names no route for a complaint about the Chief Executive");
}

#[test]
fn guildford_goes_to_the_assistant_or_strategic_director() {
    let route = outcome("guildford", &SITUATION);
    assert!(route.coverage.is_full());
    assert!(cited(route).contains(&"10.3"));
    assert!(quotes(route).contains("Assistant Director or Strategic Director"));
}

#[test]
fn pitstone_reports_to_the_chair_then_the_officer() {
    let route = outcome("pitstone", &SITUATION);
    assert_eq!(route.contact.as_ref().map(|c| c.role.as_ref()), Some("Chair"));
    assert!(cited(route).contains(&"7.p5"));
    assert!(quotes(route)
        .contains("the matter should be reported to the chair and then raised with the officer in the first instance"));
}

#[test]
fn the_model_protocol_names_no_one_to_raise_a_concern_with() {
    let route = outcome("model", &SITUATION);
    // It has no complaints section: what it says bears on the situation, but names no route.
    match &route.coverage {
        protocol_core::model::Coverage::Partial { gap } => assert!(gap.contains("to whom"), "{gap}"),
        other => panic!("expected partial coverage, got {other:?}"),
    }
    assert!(route.contact.is_none());
}

#[test]
fn no_two_councils_share_a_route() {
    let routes: Vec<(&str, Option<String>)> = ["leighton-linslade", "crawley", "guildford", "pitstone"]
        .iter()
        .map(|id| {
            let council = library().council(id).expect("council");
            let walk = replay(council, &SITUATION).expect("walk");
            // The first outcome under the situation, whichever branch, names who to go to.
            let first = match walk.current {
                protocol_core::model::Node::Outcome(outcome) => outcome.contact.as_ref().map(|c| c.role.to_string()),
                protocol_core::model::Node::Question(question) => {
                    let last = question.options.last().expect("options");
                    let reached = replay(council, &[SITUATION[0], SITUATION[1], last.next.as_ref()]).expect("walk");
                    reached.outcome().and_then(|o| o.contact.as_ref().map(|c| c.role.to_string()))
                }
            };
            (*id, first)
        })
        .collect();
    assert_eq!(
        routes,
        vec![
            ("leighton-linslade", Some("Town Clerk".to_string())),
            ("crawley", Some("Head of Service".to_string())),
            ("guildford", Some("Assistant Director".to_string())),
            ("pitstone", Some("Chair".to_string())),
        ]
    );
}

//! The static site's pages: one per step of every guide, every outcome reached, and each page's
//! title and description taken from the model.

mod common;
use common::*;
use protocol_core::codec::Dataset;
use protocol_core::engine::replay;
use protocol_core::library::load_library;
use protocol_core::model::Node;
use protocol_core::route::Route;
use protocol_core::site::{page_meta, static_routes, GUIDE_TITLE};
use std::collections::HashSet;

fn dataset() -> Dataset {
    Dataset::from_library(load_library(&repo().join("protocols")).unwrap_or_else(|d| panic!("{d}")))
}

#[test]
fn every_outcome_and_question_has_exactly_one_page() {
    let library = dataset();
    let routes = static_routes(&library.councils, &library.topics);
    let paths: HashSet<String> = routes.iter().map(Route::to_path).collect();
    assert_eq!(paths.len(), routes.len(), "two routes share a path");
    for council in &library.councils {
        let mut outcomes_reached = HashSet::new();
        for route in &routes {
            if let Route::Guide { council: id, answers } = route {
                if *id == council.id.as_ref() {
                    let walk = replay(council, answers).expect("every static route replays");
                    if let Node::Outcome(outcome) = walk.current {
                        outcomes_reached.insert(outcome.id.to_string());
                    }
                }
            }
        }
        let outcomes: HashSet<String> = council.flow.outcomes().map(|o| o.id.to_string()).collect();
        assert_eq!(outcomes_reached, outcomes, "{}: an outcome has no page", council.id);
        assert!(routes.contains(&Route::Reader { council: council.id.to_string(), clause: None }));
    }
}

#[test]
fn titles_and_descriptions_come_from_the_pages_own_words() {
    let library = dataset();
    let crawley = library.councils.iter().find(|c| c.id == "crawley").expect("crawley ships");
    let routes = static_routes(&library.councils, &library.topics);
    let mut titles = HashSet::new();
    for route in routes.iter().filter(|route| matches!(route, Route::Guide { council, .. } if council == "crawley")) {
        let meta = page_meta(route, Some(crawley), &library.topics);
        assert!(meta.title.ends_with(GUIDE_TITLE) && meta.title.contains("Crawley"), "{}", meta.title);
        assert!(!meta.description.is_empty() && meta.description.chars().count() <= 160, "{}", meta.description);
        titles.insert(meta.title);
    }
    // An outcome's description is its first line of guidance.
    let Route::Guide { answers, .. } = routes
        .iter()
        .find(|route| {
            matches!(route, Route::Guide { council, answers } if council == "crawley"
            && replay(crawley, answers).is_ok_and(|w| w.outcome().is_some_and(|o| !o.guidance.is_empty())))
        })
        .expect("crawley has an outcome with guidance")
    else {
        unreachable!()
    };
    let outcome = replay(crawley, answers).unwrap().outcome().unwrap();
    let meta = page_meta(
        &Route::Guide { council: "crawley".into(), answers: answers.clone() },
        Some(crawley),
        &library.topics,
    );
    assert!(meta.title.starts_with(outcome.title.as_ref()), "{}", meta.title);
    let first_words: String = outcome.guidance[0].text.chars().take(40).collect();
    assert!(meta.description.starts_with(&first_words), "{} / {}", meta.description, first_words);
    assert_eq!(page_meta(&Route::Home, None, &library.topics).title, GUIDE_TITLE);
}

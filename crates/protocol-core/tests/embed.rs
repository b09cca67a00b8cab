//! Embedding attributes become a starting route; wrong ones fall back and say why.

mod common;
use common::*;
use protocol_core::embed::{start_route, EmbedAttributes};
use protocol_core::library::load_library;
use protocol_core::route::Route;

fn attrs(council: Option<&str>, topic: Option<&str>, view: Option<&str>, clause: Option<&str>) -> EmbedAttributes {
    EmbedAttributes {
        council: council.map(Into::into),
        topic: topic.map(Into::into),
        view: view.map(Into::into),
        clause: clause.map(Into::into),
        sync_url: false,
    }
}

#[test]
fn attributes_choose_the_starting_page() {
    let library = load_library(&repo().join("protocols")).expect("protocols load");
    let councils: Vec<_> = library.councils.iter().map(|l| l.council.clone()).collect();
    let start = |a: EmbedAttributes| start_route(&a, |id| councils.iter().find(|c| c.id == id), &library.topics);

    assert_eq!(start(attrs(None, None, None, None)), (Route::Home, vec![]));
    assert_eq!(
        start(attrs(Some("crawley"), None, None, None)).0,
        Route::Guide { council: "crawley".into(), answers: vec![] }
    );
    assert_eq!(
        start(attrs(Some("crawley"), Some("complaints"), None, None)).0,
        Route::Guide { council: "crawley".into(), answers: vec!["complaints".into()] }
    );
    assert_eq!(
        start(attrs(Some("crawley"), Some("complaints.councillor-about-officer"), None, None)).0,
        Route::Guide {
            council: "crawley".into(),
            answers: vec!["complaints".into(), "complaints.councillor-about-officer".into()]
        }
    );
    assert_eq!(
        start(attrs(Some("pitstone"), None, Some("reader"), None)).0,
        Route::Reader { council: "pitstone".into(), clause: None }
    );
    assert_eq!(start(attrs(Some("pitstone"), None, Some("ask"), None)).0, Route::Ask { council: "pitstone".into() });
    assert_eq!(
        start(attrs(Some("guildford"), None, None, Some("10.3"))).0,
        Route::Reader { council: "guildford".into(), clause: Some("10.3".into()) }
    );
}

#[test]
fn wrong_attributes_fall_back_with_a_note() {
    let library = load_library(&repo().join("protocols")).expect("protocols load");
    let councils: Vec<_> = library.councils.iter().map(|l| l.council.clone()).collect();
    let start = |a: EmbedAttributes| start_route(&a, |id| councils.iter().find(|c| c.id == id), &library.topics);

    let (route, notes) = start(attrs(Some("crawley"), Some("gardening"), Some("sideways"), Some("99.9")));
    assert_eq!(route, Route::Guide { council: "crawley".into(), answers: vec![] });
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].contains("clause \"99.9\""));
    assert!(notes[1].contains("view \"sideways\""));
    assert!(notes[2].contains("topic \"gardening\""));
    // An unknown council is explained by the guide itself, inside the element.
    assert_eq!(
        start(attrs(Some("atlantis"), None, None, None)).0,
        Route::Reader { council: "atlantis".into(), clause: None }
    );
    assert_eq!(start(attrs(Some("  "), None, None, None)).0, Route::Home);
}

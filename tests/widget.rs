//! Component tests in headless Chromium (wasm-bindgen-test). All tests share one page, so each
//! mounts its own root and queries only inside it.
#![cfg(target_arch = "wasm32")]

use protocol_guide_widget::data::councils;
use protocol_guide_widget::mount_app;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(60)).await;
}

/// Mounts a fresh guide at `hash` and waits for Yew to render.
async fn mount_at(hash: &str) -> web_sys::Element {
    web_sys::window().expect("window").location().set_hash(hash).expect("set hash");
    settle().await;
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    mount_app(root.clone());
    settle().await;
    root
}

async fn go(hash: &str) {
    web_sys::window().expect("window").location().set_hash(hash).expect("set hash");
    settle().await;
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector).expect("valid selector").unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("valid selector").length()
}

#[wasm_bindgen_test]
async fn a_clause_deep_link_shows_and_highlights_that_clause() {
    let root = mount_at("#/leighton-linslade/clause/8.7").await;
    let clause = find(&root, "[data-clause=\"8.7\"]");
    assert!(clause.class_list().contains("is-target"));
    assert!(text(&clause)
        .contains("Where the Officer concerned is the Town Clerk, the matter should be raised with the Town Mayor."));
    assert_eq!(count(&root, ".is-target"), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_reader_shows_every_clause_of_every_council() {
    for council in councils() {
        let root = mount_at(&format!("#/{}", council.id)).await;
        assert_eq!(count(&root, "article[data-clause]"), council.clauses.len() as u32, "{}", council.id);
        assert!(text(&root).contains(council.document.as_ref()));
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn an_unknown_council_gets_a_friendly_not_found_with_a_way_back() {
    let root = mount_at("#/atlantis").await;
    assert_eq!(text(&find(&root, "h1")), "Page not found");
    assert!(text(&root).contains("There is no council called \u{201C}atlantis\u{201D}"));
    assert_eq!(find(&root, ".pg-not-found a").get_attribute("href").as_deref(), Some("#/"));
    root.remove();
}

#[wasm_bindgen_test]
async fn mangled_links_land_on_not_found_never_an_empty_box() {
    for hash in [
        "#/crawley/clause/99.9",
        "#/crawley/guide/complaints/bogus",
        "#/%zz",
        "#/crawley/what/ever",
        "#/crawley/clause/<b>",
    ] {
        let root = mount_at(hash).await;
        assert_eq!(text(&find(&root, "h1")), "Page not found", "{hash}");
        assert!(count(&root, ".pg-not-found a[href]") == 1, "{hash}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn continuing_with_nothing_chosen_shows_an_announced_error() {
    let root = mount_at("#/crawley/guide").await;
    let button: web_sys::HtmlElement = find(&root, "button[type=submit]").dyn_into().expect("button");
    button.click();
    settle().await;
    let alert = find(&root, "[role=alert]");
    assert!(text(&alert).contains("There is a problem"));
    assert!(text(&root).contains("Error: Select an answer to continue"));
    let described = find(&root, "fieldset").get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("-error"), "{described}");
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_and_continuing_moves_to_the_next_question_and_back_keeps_the_answer() {
    let root = mount_at("#/crawley/guide").await;
    let complaints: web_sys::HtmlElement = find(&root, "input[value=\"complaints\"]").dyn_into().expect("radio");
    complaints.click();
    settle().await;
    let button: web_sys::HtmlElement = find(&root, "button[type=submit]").dyn_into().expect("button");
    button.click();
    settle().await;
    assert_eq!(web_sys::window().expect("window").location().hash().expect("hash"), "#/crawley/guide/complaints");
    assert!(text(&find(&root, "h1")).contains("Which of these is closest to your question?"));
    assert_eq!(find(&root, ".pg-back-link").get_attribute("href").as_deref(), Some("#/crawley/guide"));
    go("#/crawley/guide").await;
    let radio: web_sys::HtmlInputElement = find(&root, "input[value=\"complaints\"]").dyn_into().expect("radio");
    assert!(radio.checked(), "going back keeps the answer chosen");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_outcome_shows_guidance_the_quoted_clause_and_why_it_applies() {
    let root = mount_at(
        "#/leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk",
    )
    .await;
    assert!(text(&find(&root, "h1")).contains("Raise it with the Town Mayor"));
    let marks: Vec<String> = (0..count(&root, "mark.pg-quote"))
        .map(|i| {
            root.query_selector_all("mark.pg-quote")
                .expect("marks")
                .item(i)
                .and_then(|n| n.text_content())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        marks
            .iter()
            .any(|m| m
                == "Where the Officer concerned is the Town Clerk, the matter should be raised with the Town Mayor."),
        "{marks:?}"
    );
    assert!(text(&find(&root, ".pg-because"))
        .contains("Because you answered \u{201C}A councillor is unhappy with an officer\u{201D}"));
    assert!(text(&find(&root, ".pg-because")).contains("clause 8.7 applies"));
    let change = find(&root, ".pg-summary-action a");
    assert!(text(&change).contains("Change your answer to:"));
    assert_eq!(count(&root, "button.pg-leave.pg-if-js"), 1, "complaint topics offer Leave this page");
    // The link that stands in for it without script is only on static pages.
    assert_eq!(count(&root, "a.pg-leave"), 0, "a guide running script has no stand-in");
    root.remove();
}

#[wasm_bindgen_test]
async fn every_clause_offers_the_questions_that_rely_on_it() {
    let root = mount_at("#/leighton-linslade/clause/8.7").await;
    let relying = find(&root, "[data-clause=\"8.7\"] .pg-relying");
    let links = relying.query_selector_all("a").expect("links");
    let town_mayor = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|a| text(a) == "Raise it with the Town Mayor")
        .expect("the Town Mayor outcome relies on 8.7");
    let link = town_mayor.get_attribute("href").unwrap_or_default();
    assert!(link.starts_with("#/leighton-linslade/guide/complaints/"), "{link}");
    root.remove();
}

#[cfg(test_fixtures)]
#[wasm_bindgen_test]
async fn hostile_markup_in_data_renders_as_inert_text() {
    let title_before = document().title();
    for hash in ["#/hostile", "#/hostile/guide/asking-officers/asking-officers.instructing"] {
        let root = mount_at(hash).await;
        assert_eq!(count(&root, "script, img, b, i"), 0, "{hash}: markup became elements");
        assert!(text(&root).contains("<script>document.title="), "{hash}");
        root.remove();
    }
    assert_eq!(document().title(), title_before, "no injected script ran");
}

#[wasm_bindgen_test]
async fn a_choice_never_submitted_is_not_shown_when_the_step_comes_round_again() {
    let root = mount_at("#/crawley/guide").await;
    let submit = |root: &web_sys::Element| {
        let button: web_sys::HtmlElement = find(root, "button[type=submit]").dyn_into().expect("button");
        button.click();
    };
    let complaints: web_sys::HtmlElement = find(&root, "input[value=\"complaints\"]").dyn_into().expect("radio");
    complaints.click();
    settle().await;
    submit(&root);
    settle().await;
    // Pick a situation but go back instead of continuing.
    let situation: web_sys::HtmlInputElement = find(&root, "input[type=radio]").dyn_into().expect("radio");
    situation.click();
    settle().await;
    assert!(situation.checked());
    go("#/crawley/guide").await;
    submit(&root);
    settle().await;
    assert!(text(&find(&root, "h1")).contains("Which of these is closest to your question?"));
    assert_eq!(count(&root, "input[type=radio]:checked"), 0, "only submitted answers are remembered");
    root.remove();
}

#[wasm_bindgen_test]
async fn moving_between_outcomes_of_each_coverage_keeps_the_page_whole() {
    // A partial page, a page where the protocol is silent, then a full one, in one mounted guide:
    // each coverage note has its own shape, and Yew once failed to swap one for another.
    let root = mount_at("#/crawley/guide/information/information.personal-data").await;
    assert!(text(&root).contains("What this protocol does not say"));
    go("#/crawley/guide/information/information.declaring-interests").await;
    assert!(text(&root).contains("This protocol does not cover this."));
    assert!(text(&root).contains("Related parts of the protocol"));
    go("#/crawley/guide/media/media.spokespeople").await;
    assert_eq!(count(&root, "h1"), 1);
    assert!(!text(&root).contains("This protocol does not cover this."));
    root.remove();
}

//! The authoring page: a clerk's protocol text to a checked council file and a data file, in the
//! browser, through the same core the build runs. See docs/ARCHITECTURE.md.

mod app;
mod browser;
mod edit;
mod work;

fn main() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    // The guide's stylesheet shows what needs script only under html.pg-js (set here, not by an
    // inline script: the page's CSP allows none).
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("pg-js");
    }
    browser::refuse_edits();
    if let Some(root) = document.get_element_by_id("author") {
        yew::Renderer::<app::Author>::with_root(root).render();
    }
}

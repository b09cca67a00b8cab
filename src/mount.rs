//! Mounting, and what a person sees if the widget fails: a message and a way to the plain
//! protocol, never an empty box.

use crate::app::{App, AppProps, UrlMode};
use crate::data::{councils, topics};
use protocol_core::embed::{start_route, EmbedAttributes};
use protocol_core::route::Route;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

thread_local! {
    /// Every mounted guide's root, with the folder its plain-text protocols are served from.
    static MOUNTED_ROOTS: RefCell<Vec<(web_sys::Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Shown in place of the guide if anything panics. www/protocol-guide.js shows the same words
/// if the module cannot start at all.
pub const FAILURE_MESSAGE: &str = "Sorry, the protocol guide stopped working.";

/// Shows the failure message in every mounted widget once anything panics. Yew's own setter
/// is used so that rendering does not replace this hook with its console-only default.
pub fn install_panic_message() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("protocol guide: {info}").into());
        MOUNTED_ROOTS.with(|roots| {
            for (root, assets) in roots.borrow().iter() {
                show_failure(root, assets);
            }
        });
    }));
}

fn show_failure(root: &web_sys::Element, assets: &str) {
    let Some(document) = root.owner_document() else { return };
    root.set_text_content(None);
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_class_name("pg pg-failure");
    let _ = panel.set_attribute("role", "alert");
    if let Ok(message) = document.create_element("p") {
        message.set_text_content(Some(FAILURE_MESSAGE));
        let _ = panel.append_child(&message);
    }
    if let Ok(advice) = document.create_element("p") {
        advice.set_text_content(Some("Reload the page to try again, or read "));
        if let Ok(link) = document.create_element("a") {
            let _ = link.set_attribute("href", &format!("{assets}plain/index.html"));
            link.set_text_content(Some("the protocols in full"));
            let _ = advice.append_child(&link);
        }
        let _ = panel.append_child(&advice);
    }
    let _ = root.append_child(&panel);
}

fn remember_root(root: &web_sys::Element, assets: &str) {
    MOUNTED_ROOTS.with(|roots| roots.borrow_mut().push((root.clone(), assets.to_string())));
}

fn forget_root(root: &web_sys::Element) {
    MOUNTED_ROOTS.with(|roots| roots.borrow_mut().retain(|(r, _)| r != root));
}

/// Mounts the guide into `root`, following the page's URL hash (the standalone page and tests).
pub fn mount_app(root: web_sys::Element) {
    remember_root(&root, "");
    yew::Renderer::<App>::with_root_and_props(root, AppProps::default()).render();
}

/// Takes over a page of the static site: `page` holds the markup the build rendered for `route`
/// (its `#/…` form), and `site_root` is the site's root as an absolute URL ending in `/`. The
/// guide hydrates that markup in place, so nothing is replaced: no flash, focus and scroll stay,
/// and the largest paint stays the static page's (see docs/adr/0005-static-pages.md). From then on
/// the guide moves through the History API. Resolves once the page responds to the guide.
#[wasm_bindgen]
pub async fn mount_page(page: web_sys::Element, route: String, site_root: String) -> Result<(), JsValue> {
    install_panic_message();
    remember_root(&page, &site_root);
    let url = UrlMode::Path { root: site_root.clone().into() };
    let start = Route::parse(&route);
    let mut handle =
        yew::Renderer::<App>::with_root_and_props(page, AppProps { url: url.clone(), start: start.clone() }).hydrate();
    // An address that means another route (an old `#/…` link): on there once hydrated.
    let here = crate::navigation::route_in_path(&site_root);
    if here != start {
        handle.update(AppProps { url, start: here });
    }
    // Yew hydrates in a microtask; by the next task the page is the guide's.
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
    // The page lives as long as the document: the handle is not needed to destroy it.
    std::mem::forget(handle);
    Ok(())
}

/// The attributes of an element as the embedding script passes them: an object of name → value.
fn read_attributes(attributes: &JsValue) -> EmbedAttributes {
    EmbedAttributes::from_lookup(|name| {
        js_sys::Reflect::get(attributes, &JsValue::from_str(name)).ok().and_then(|value| value.as_string())
    })
}

/// One `<protocol-guide>` element's guide. Created by `mount_guide`; the element's script calls
/// `update` when an attribute changes and `destroy` when the element leaves the page.
#[wasm_bindgen]
pub struct GuideElement {
    root: web_sys::Element,
    handle: Option<AppHandle<App>>,
    sync_url: bool,
}

fn props_for(sync_url: bool, attributes: &EmbedAttributes) -> AppProps {
    let url = if sync_url { UrlMode::Hash } else { UrlMode::Memory };
    let (start, notes) = start_route(attributes, crate::data::council, topics());
    for note in notes {
        web_sys::console::warn_1(&format!("<protocol-guide>: {note}").into());
    }
    AppProps { url, start }
}

/// Mounts a guide for an embedding element. `attributes` holds the element's attributes by name;
/// `assets` is the folder the script was loaded from, for the failure message's link.
#[wasm_bindgen]
pub fn mount_guide(root: web_sys::Element, attributes: JsValue, assets: String) -> GuideElement {
    install_panic_message();
    remember_root(&root, &assets);
    let attributes = read_attributes(&attributes);
    let props = props_for(attributes.sync_url, &attributes);
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    GuideElement { root, handle: Some(handle), sync_url: attributes.sync_url }
}

#[wasm_bindgen]
impl GuideElement {
    /// Re-renders for new attribute values, starting again where they point. Whether the URL is
    /// kept in step is fixed when the guide mounts.
    pub fn update(&mut self, attributes: JsValue) {
        if let Some(handle) = &mut self.handle {
            handle.update(props_for(self.sync_url, &read_attributes(&attributes)));
        }
    }

    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        forget_root(&self.root);
    }
}

/// Adds a council from its own data file (the `council-src` attribute); returns its id, or a
/// message for the page.
#[wasm_bindgen]
pub fn add_council(bytes: Vec<u8>) -> Result<String, JsValue> {
    crate::data::add_council(bytes).map(str::to_string).map_err(|message| JsValue::from_str(&message))
}

/// The councils this build carries, for the embedding script's error messages.
#[wasm_bindgen]
pub fn council_ids() -> Vec<String> {
    councils().iter().map(|council| council.id.to_string()).collect()
}

/// A deliberate panic, only in the test build, for the failure-message test.
#[cfg(test_fixtures)]
#[wasm_bindgen]
pub fn panic_for_tests() {
    panic!("deliberate panic for the failure-message test");
}

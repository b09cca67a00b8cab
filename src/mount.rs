//! Mounting, and what a person sees if the widget fails: a message and a way to the plain
//! protocol, never an empty box.

use crate::components::app::{App, AppProps};
use crate::data::{councils, topics};
use protocol_core::embed::{start_route, EmbedAttributes};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

thread_local! {
    /// Every mounted guide's root, with the folder its plain-text protocols are served from.
    static MOUNTED_ROOTS: RefCell<Vec<(web_sys::Element, String)>> = const { RefCell::new(Vec::new()) };
}

const FAILURE_MESSAGE: &str = "Sorry, the protocol guide stopped working.";

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

fn attributes(council: Option<String>, topic: Option<String>, view: Option<String>, clause: Option<String>) -> EmbedAttributes {
    EmbedAttributes { council, topic, view, clause }
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
    let (start, notes) = start_route(attributes, councils(), topics());
    for note in notes {
        web_sys::console::warn_1(&format!("<protocol-guide>: {note}").into());
    }
    AppProps { sync_url, start }
}

/// Mounts a guide for an embedding element. `assets` is the folder the script was loaded from,
/// for the failure message's link to the plain protocols.
#[wasm_bindgen]
pub fn mount_guide(
    root: web_sys::Element,
    council: Option<String>,
    topic: Option<String>,
    view: Option<String>,
    clause: Option<String>,
    sync_url: bool,
    assets: String,
) -> GuideElement {
    install_panic_message();
    remember_root(&root, &assets);
    let props = props_for(sync_url, &attributes(council, topic, view, clause));
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    GuideElement { root, handle: Some(handle), sync_url }
}

#[wasm_bindgen]
impl GuideElement {
    /// Re-renders for new attribute values, starting again where they point.
    pub fn update(&mut self, council: Option<String>, topic: Option<String>, view: Option<String>, clause: Option<String>) {
        if let Some(handle) = &mut self.handle {
            handle.update(props_for(self.sync_url, &attributes(council, topic, view, clause)));
        }
    }

    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        forget_root(&self.root);
    }
}

/// The councils this build carries, for the embedding script's error messages.
#[wasm_bindgen]
pub fn council_ids() -> Vec<String> {
    councils().iter().map(|council| council.id.to_string()).collect()
}

/// The size of the wasm linear memory, for the benchmark's memory figure.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

//! Mounting, and what a person sees if the widget fails: a message and a way to the plain
//! protocol, never an empty box.

use crate::components::app::App;
use std::cell::RefCell;

thread_local! {
    static MOUNTED_ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

const FAILURE_MESSAGE: &str = "Sorry, the protocol guide stopped working.";

/// Shows the failure message in every mounted widget once anything panics. Yew's own setter
/// is used so that rendering does not replace this hook with its console-only default.
pub fn install_panic_message() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("protocol guide: {info}").into());
        MOUNTED_ROOTS.with(|roots| {
            for root in roots.borrow().iter() {
                show_failure(root);
            }
        });
    }));
}

fn show_failure(root: &web_sys::Element) {
    let Some(document) = root.owner_document() else { return };
    root.set_text_content(None);
    let Ok(box_) = document.create_element("div") else { return };
    box_.set_class_name("pg pg-failure");
    let _ = box_.set_attribute("role", "alert");
    if let Ok(message) = document.create_element("p") {
        message.set_text_content(Some(FAILURE_MESSAGE));
        let _ = box_.append_child(&message);
    }
    if let Ok(advice) = document.create_element("p") {
        advice.set_text_content(Some("Reload the page to try again, or read the protocols as plain text: "));
        if let Ok(link) = document.create_element("a") {
            let _ = link.set_attribute("href", "plain/index.html");
            link.set_text_content(Some("the full protocols"));
            let _ = advice.append_child(&link);
        }
        let _ = box_.append_child(&advice);
    }
    let _ = root.append_child(&box_);
}

/// Mounts the guide into `root`.
pub fn mount_app(root: web_sys::Element) {
    MOUNTED_ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
    yew::Renderer::<App>::with_root(root).render();
}

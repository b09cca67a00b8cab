//! The only place that touches the URL: reading the hash, setting it, and listening for changes.

use protocol_core::route::Route;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn current_hash() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Writes the route into the page's URL hash (standalone page, or an embed with `sync-url`),
/// unless the hash already says the same: an echo would add a second history entry. Returns
/// whether it wrote, since the browser will then announce the change as a `hashchange`.
pub fn show_in_url(route: &Route) -> bool {
    if matches!(route, Route::NotFound { .. }) || Route::parse(&current_hash()) == *route {
        return false;
    }
    web_sys::window().is_some_and(|window| window.location().set_hash(&route.to_hash()).is_ok())
}

/// The page's own address with the route in its hash: what "Copy link" copies.
pub fn page_url_with_hash(route: &Route) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}{}", route.to_hash())
}

/// Calls `on_change` on every hash change until the returned guard is dropped.
pub struct HashListener {
    closure: Closure<dyn FnMut()>,
}

impl HashListener {
    pub fn new(mut on_change: impl FnMut(Route) + 'static) -> Self {
        let closure = Closure::<dyn FnMut()>::new(move || on_change(Route::parse(&current_hash())));
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
        }
        HashListener { closure }
    }
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("hashchange", self.closure.as_ref().unchecked_ref());
        }
    }
}

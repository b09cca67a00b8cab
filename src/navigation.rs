//! The only place that touches the URL: reading it, writing it, and listening for changes.
//! The standalone static site keeps the route in the path (`crawley/guide/…/`) through the
//! History API; an embed with `sync-url` keeps it in the `#/…` hash.

use protocol_core::route::Route;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn current_hash() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Writes the route into the page's URL hash (an embed with `sync-url`), unless the hash
/// already says the same: an echo would add a second history entry. Returns whether it wrote,
/// since the browser will then announce the change as a `hashchange`.
pub fn show_in_url(route: &Route) -> bool {
    if matches!(route, Route::NotFound { .. }) || Route::parse(&current_hash()) == *route {
        return false;
    }
    web_sys::window().is_some_and(|window| window.location().set_hash(&route.to_hash()).is_ok())
}

/// The page's own address with the route in its hash: what "Copy link" copies from an embed.
pub fn page_url_with_hash(route: &Route) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}{}", route.to_hash())
}

fn current_href() -> String {
    web_sys::window().and_then(|window| window.location().href().ok()).unwrap_or_default()
}

/// The route an address below the static site's `root` (an absolute URL ending in `/`) points
/// at, or `None` for an address outside the guide (another site, the plain-text protocols).
/// Only a guide's own link counts: one that its route writes back exactly.
pub fn route_at(root: &str, href: &str) -> Option<Route> {
    let rest = href.strip_prefix(root)?;
    let (path, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let route = Route::from_path(path, fragment);
    // A host may drop the final '/' of a folder's address; it is the same page.
    let same_page =
        path.trim_end_matches("index.html").trim_end_matches('/') == route.page_path().trim_end_matches('/');
    (fragment.starts_with('/') || same_page).then_some(route)
}

/// Whether `href` is exactly the address the guide writes for a route: a link to intercept.
pub fn is_guide_link(root: &str, href: &str) -> Option<Route> {
    let route = route_at(root, href)?;
    (href.strip_prefix(root) == Some(route.to_path().as_str())).then_some(route)
}

/// The route the address bar shows on the static site: its path, or an old `#/…` link.
pub fn route_in_path(root: &str) -> Route {
    route_at(root, &current_href())
        .unwrap_or_else(|| Route::NotFound { reason: "The link does not point to a page of this guide.".into() })
}

/// Puts the route's own address in the address bar: a new history entry when the route moved,
/// or a replacement when the bar already meant this route in another form (an old `#/…` link).
pub fn show_in_path(root: &str, route: &Route, title: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Some(document) = window.document() {
        document.set_title(title);
    }
    if matches!(route, Route::NotFound { .. }) {
        return;
    }
    let address = format!("{root}{}", route.to_path());
    if current_href() == address {
        return;
    }
    let Ok(history) = window.history() else { return };
    let _ = if route_in_path(root) == *route {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&address))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&address))
    };
}

/// The current address, for "Copy link" on the static site, where it is the page's own.
pub fn page_url() -> String {
    current_href()
}

/// Calls `on_change` on each of `events` at the window (`hashchange`, `popstate`) until the
/// returned guard is dropped.
pub struct UrlListener {
    events: &'static [&'static str],
    closure: Closure<dyn FnMut()>,
}

impl UrlListener {
    pub fn new(events: &'static [&'static str], on_change: impl FnMut() + 'static) -> Self {
        let closure = Closure::<dyn FnMut()>::new(on_change);
        if let Some(window) = web_sys::window() {
            for event in events {
                let _ = window.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            }
        }
        UrlListener { events, closure }
    }
}

impl Drop for UrlListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for event in self.events {
                let _ = window.remove_event_listener_with_callback(event, self.closure.as_ref().unchecked_ref());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "https://example.org/guide/";

    #[test]
    fn addresses_below_the_root_read_as_routes() {
        let walk = Route::Guide { council: "crawley".into(), answers: vec!["complaints".into()] };
        assert_eq!(route_at(ROOT, "https://example.org/guide/crawley/guide/complaints/"), Some(walk.clone()));
        // A host that drops the final '/', an index.html, and an old #/ link all mean the same page.
        assert_eq!(route_at(ROOT, "https://example.org/guide/crawley/guide/complaints"), Some(walk.clone()));
        assert_eq!(route_at(ROOT, "https://example.org/guide/crawley/guide/complaints/index.html"), Some(walk.clone()));
        assert_eq!(route_at(ROOT, "https://example.org/guide/index.html#/crawley/guide/complaints"), Some(walk));
        assert_eq!(route_at(ROOT, "https://example.org/guide/"), Some(Route::Home));
        assert_eq!(
            route_at(ROOT, "https://example.org/guide/crawley/#clause-8.7"),
            Some(Route::Reader { council: "crawley".into(), clause: Some("8.7".into()) })
        );
        assert_eq!(route_at(ROOT, "https://elsewhere.example/guide/crawley/"), None);
    }

    #[test]
    fn only_the_guides_own_links_are_intercepted() {
        assert!(is_guide_link(ROOT, "https://example.org/guide/crawley/guide/").is_some());
        assert!(is_guide_link(ROOT, "https://example.org/guide/crawley/#clause-8.7").is_some());
        // The plain-text protocols and in-page anchors are left to the browser.
        assert_eq!(is_guide_link(ROOT, "https://example.org/guide/plain/index.html"), None);
        assert_eq!(is_guide_link(ROOT, "https://example.org/guide/crawley/guide/#pg-q-0"), None);
        assert_eq!(is_guide_link(ROOT, "https://www.bbc.co.uk/weather"), None);
    }
}

//! The browser features an outcome page offers: printing, copying a link, leaving quickly.

pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Where "Leave this page" goes: a page that gives nothing away.
pub const LEAVE_TO: &str = "https://www.bbc.co.uk/weather";

/// Quick exit for people reading about complaints where someone may be watching.
pub fn leave_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(LEAVE_TO);
    }
}

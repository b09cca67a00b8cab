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

/// Quick exit for people reading about complaints where someone may be watching.
pub fn leave_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("https://www.bbc.co.uk/weather");
    }
}

//! The few things the page asks of the browser: downloads, a textarea's caret and selection, and
//! a chosen file's text. Nothing here sends anything anywhere.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlTextAreaElement};

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}

fn textarea(id: &str) -> Option<HtmlTextAreaElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Offers `bytes` as a download named `name`, from a Blob URL: the file never leaves the browser.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let document = document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Moves the caret of textarea `id` to select line `line` (1-based) of `text`, and scrolls to it.
pub fn select_line(id: &str, text: &str, line: u32) {
    let Some(area) = textarea(id) else { return };
    let (start, end) = crate::edit::line_range_utf16(text, line);
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
    let lines = text.split('\n').count().max(1) as f64;
    let per_line = f64::from(area.scroll_height()) / lines;
    let top = (f64::from(line.saturating_sub(1)) * per_line - f64::from(area.client_height()) / 3.0).max(0.0);
    area.set_scroll_top(top as i32);
}

/// The words selected in textarea `id` (read-only clause text), if any.
pub fn selected_words(id: &str) -> Option<String> {
    let area = textarea(id)?;
    let (start, end) = (area.selection_start().ok()??, area.selection_end().ok()??);
    let units: Vec<u16> = area.value().encode_utf16().collect();
    let picked = units.get(start as usize..end as usize)?;
    let words = String::from_utf16_lossy(picked);
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    (!words.is_empty()).then_some(words)
}

/// Moves focus to element `id` (a heading with tabindex -1, or a message), once it is drawn.
pub fn focus_soon(id: &'static str) {
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    })
    .forget();
}

/// Reads a chosen file's text.
pub async fn file_text(file: web_sys::File) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the file could not be read as text".to_string())
}

/// Refuses every edit to a clause's text (class `author-clause-text`), which is there to select
/// words from: one listener for the page, before the browser changes anything.
pub fn refuse_edits() {
    use wasm_bindgen::closure::Closure;
    let Some(document) = document() else { return };
    let refuse = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let target: Option<web_sys::Element> = event.target().and_then(|t| t.dyn_into().ok());
        if target.is_some_and(|t| t.class_list().contains("author-clause-text")) {
            event.prevent_default();
        }
    });
    let _ = document.add_event_listener_with_callback("beforeinput", refuse.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    refuse.forget();
}

//! The standalone page built by Trunk: mounts the guide on `#protocol-guide`.

fn main() {
    protocol_guide_widget::install_panic_message();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("protocol-guide"));
    match root {
        Some(root) => protocol_guide_widget::mount_app(root),
        None => web_sys::console::error_1(&"protocol guide: no element with id \"protocol-guide\" to mount on".into()),
    }
}

//! Trunk's entry point. The page itself mounts guides through `<protocol-guide>` elements (see
//! www/protocol-guide.js), so starting the module only installs the failure message.

fn main() {
    protocol_guide_widget::install_panic_message();
}

//! Council Protocol Guide widget: a thin Yew layer over `protocol-core`.

pub mod components;
pub mod data;
pub mod mount;
pub mod navigation;
pub mod state;

pub use mount::{install_panic_message, mount_app, mount_guide, GuideElement};

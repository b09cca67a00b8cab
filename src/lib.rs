//! Council Protocol Guide widget: a thin Yew layer over `protocol-core`.
//!
//! `app` holds the state and picks the page for the route; `pages/` has one component per
//! route; `components/` holds the parts pages share. See docs/ARCHITECTURE.md.

pub mod app;
pub mod browser;
pub mod components;
pub mod data;
pub mod metrics;
pub mod mount;
pub mod navigation;
pub mod pages;
pub mod state;

pub use mount::{install_panic_message, mount_app, mount_guide, GuideElement};

//! Council Protocol Guide core: the clause model, the flow engine, routing and search.
//! Nothing here touches the browser, so all of it runs under native `cargo test`.

pub mod codec;
pub mod diagnostic;
pub mod embed;
pub mod engine;
pub mod flow;
pub mod model;
pub mod revision;
pub mod route;
pub mod search;
pub mod site;
pub mod text;

#[cfg(feature = "loader")]
pub mod draft;
#[cfg(feature = "loader")]
pub mod import;
#[cfg(feature = "loader")]
pub mod library;
#[cfg(feature = "loader")]
pub mod loader;
#[cfg(feature = "loader")]
pub mod outcome_table;

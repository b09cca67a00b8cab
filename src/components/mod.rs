//! The parts pages share, one component per file, each with its props struct first.

pub mod answers_summary;
pub mod ask_box;
pub mod back_link;
pub mod clause_card;
pub mod clause_link;
pub mod clause_text;
pub mod contact;
pub mod coverage;
pub mod page_heading;
pub mod quote;

use crate::state::{Action, GuideState};
use std::ops::Deref;
use yew::UseReducerDispatcher;

/// A reference into the data baked into the wasm. Props compare it by address: the data never
/// changes, so comparing whole councils on every render would be wasted work.
pub struct DataRef<T: 'static>(pub &'static T);

impl<T> Clone for DataRef<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DataRef<T> {}

impl<T> PartialEq for DataRef<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for DataRef<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// How any page hands the reducer an `Action`.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub UseReducerDispatcher<GuideState>);

impl Dispatch {
    pub fn send(&self, action: Action) {
        self.0.dispatch(action);
    }

    /// A click handler for a link that also has an `href` (for a new tab): the action instead of
    /// following the link.
    pub fn on_click(&self, action: Action) -> yew::Callback<web_sys::MouseEvent> {
        let dispatch = self.clone();
        yew::Callback::from(move |event: web_sys::MouseEvent| {
            if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            event.prevent_default();
            dispatch.send(action.clone());
        })
    }
}

/// Whether page headings should take focus: only after the person has navigated.
#[derive(Clone, Copy, PartialEq)]
pub struct FocusOnNavigate(pub bool);

/// How the guide writes its links: `#/…` in the page's hash (or in memory, for embeds), or, on
/// the static site, a path relative to the page being shown, `depth` folders below the root.
#[derive(Clone, Copy, PartialEq, Default, Debug)]
pub enum Links {
    #[default]
    Hash,
    Path {
        depth: usize,
    },
}

impl Links {
    /// The static site's links for a page at `route`.
    pub fn on_page(route: &protocol_core::route::Route) -> Links {
        Links::Path { depth: route.depth() }
    }

    pub fn href(&self, route: &protocol_core::route::Route) -> String {
        match self {
            Links::Hash => route.to_hash(),
            Links::Path { depth } => format!("{}{}", protocol_core::route::root_prefix_at(*depth), route.to_path()),
        }
    }
}

/// The links of the guide this component is in.
#[yew::hook]
pub fn use_links() -> Links {
    yew::use_context::<Links>().unwrap_or_default()
}

/// Whether pages carry the links that stand in for controls that need script (answers as links,
/// "Leave this page" as a link). Only a static page's first render does: it must match the HTML
/// built for people without JavaScript. Once the guide moves, or inside an embed, script runs.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct ScriptFreeParts(pub bool);

#[yew::hook]
pub fn use_script_free_parts() -> bool {
    yew::use_context::<ScriptFreeParts>().is_some_and(|parts| parts.0)
}

use crate::components::page_heading::PageHeading;
use crate::components::use_links;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub reason: AttrValue,
    /// Where "back" goes: a council's protocol if the link named a known council, else the start.
    #[prop_or(Route::Home)]
    pub back_to: Route,
    #[prop_or_else(|| AttrValue::from("Go back to the start"))]
    pub back_label: AttrValue,
}

/// A friendly dead end for mangled or stale links: what went wrong and a way back.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    let links = use_links();
    html! {
        <div class="pg-page pg-not-found">
            <PageHeading text="Page not found" />
            <p class="pg-body">{ props.reason.clone() }</p>
            <p class="pg-body">{ "The link may be mistyped or out of date." }</p>
            <p class="pg-body">
                <a class="pg-link" href={links.href(&props.back_to)}>{ props.back_label.clone() }</a>
            </p>
        </div>
    }
}

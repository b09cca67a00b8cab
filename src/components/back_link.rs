use super::use_links;
use super::Dispatch;
use crate::state::Action;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    /// Where the link points, for a new tab or a copied link.
    pub to: Route,
    pub label: AttrValue,
    /// What a click does instead, when the way back is a step of the walk.
    #[prop_or_default]
    pub action: Option<Action>,
}

/// The link at the top of a page that goes one step back.
#[function_component(BackLink)]
pub fn back_link(props: &BackLinkProps) -> Html {
    let links = use_links();
    let dispatch = use_context::<Dispatch>();
    let onclick = props.action.clone().zip(dispatch).map(|(action, dispatch)| dispatch.on_click(action));
    html! { <a class="pg-back-link" href={links.href(&props.to)} {onclick}>{ props.label.clone() }</a> }
}

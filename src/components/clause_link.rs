use super::use_links;
use super::DataRef;
use protocol_core::model::Council;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClauseLinkProps {
    pub council: DataRef<Council>,
    pub clause: AttrValue,
    #[prop_or_default]
    pub onclick: Option<Callback<MouseEvent>>,
}

/// A clause named by its label ("Clause 8.7", "Appendix A, Common Law, paragraph 2"), linking to
/// it in the protocol.
#[function_component(ClauseLink)]
pub fn clause_link(props: &ClauseLinkProps) -> Html {
    let links = use_links();
    let council = props.council.0;
    let label =
        council.clause(&props.clause).map_or_else(|| props.clause.to_string(), |clause| clause.label.to_string());
    let route = Route::Reader { council: council.id.to_string(), clause: Some(props.clause.to_string()) };
    html! { <a class="pg-link" href={links.href(&route)} onclick={props.onclick.clone()}>{ label }</a> }
}

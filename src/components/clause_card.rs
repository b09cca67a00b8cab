use super::clause_text::ClauseText;
use super::use_links;
use super::DataRef;
use protocol_core::engine::{answers_to, outcomes_citing};
use protocol_core::model::{Clause, Council};
use protocol_core::route::clause_anchor;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClauseCardProps {
    pub council: DataRef<Council>,
    pub clause: DataRef<Clause>,
    pub is_target: bool,
}

/// One clause in the reader, with its link and the guide's outcomes that rely on it.
#[function_component(ClauseCard)]
pub fn clause_card(props: &ClauseCardProps) -> Html {
    let links = use_links();
    let council = props.council.0;
    let clause = props.clause.0;
    let relying = outcomes_citing(council, &clause.id);
    let class = classes!("pg-clause", props.is_target.then_some("is-target"));
    let subheading = clause.headings.get(1).map(|h| h.to_string());
    let link = Route::Reader { council: council.id.to_string(), clause: Some(clause.id.to_string()) };
    html! {
        <article class={class} id={clause_anchor(&clause.id)} data-clause={clause.id.to_string()} tabindex="-1" aria-labelledby={format!("pg-clause-{}", clause.id)}>
            if let Some(subheading) = subheading {
                <p class="pg-clause-context">{ subheading }</p>
            }
            <h3 class="pg-clause-label" id={format!("pg-clause-{}", clause.id)}>
                { clause.label.to_string() }
                if let Some(title) = &clause.title {
                    { ": " }{ title.to_string() }
                }
            </h3>
            <ClauseText clause={props.clause} />
            <p class="pg-clause-actions">
                <a class="pg-link" href={links.href(&link)}>
                    { "Link to this clause" }<span class="pg-visually-hidden">{ format!(" ({})", clause.label) }</span>
                </a>
            </p>
            if !relying.is_empty() {
                <details class="pg-relying">
                    <summary>{ format!("Questions that rely on this clause ({})", relying.len()) }</summary>
                    <ul class="pg-list">
                        { for relying.iter().map(|outcome| {
                            let answers = answers_to(council, &outcome.id).unwrap_or_default();
                            let route = Route::Guide { council: council.id.to_string(), answers };
                            html! { <li><a class="pg-link" href={links.href(&route)}>{ outcome.title.to_string() }</a></li> }
                        }) }
                    </ul>
                </details>
            }
        </article>
    }
}

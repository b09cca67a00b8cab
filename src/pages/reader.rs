use crate::components::clause_card::ClauseCard;
use crate::components::page_heading::PageHeading;
use crate::components::use_links;
use crate::components::DataRef;
use protocol_core::model::{Clause, Council};
use protocol_core::route::Route;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub council: DataRef<Council>,
    /// The clause a deep link points at: scrolled to and highlighted.
    #[prop_or_default]
    pub target: Option<AttrValue>,
}

/// The whole protocol with a table of contents; every clause has a shareable link.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let links = use_links();
    let council = props.council.0;
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(props.target.clone(), move |target| {
            if let (Some(target), Some(root)) = (target, root.cast::<web_sys::Element>()) {
                let selector = format!("[data-clause=\"{}\"]", target);
                if let Ok(Some(element)) = root.query_selector(&selector) {
                    element.scroll_into_view_with_bool(true);
                    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                        let _ = element.focus();
                    }
                }
            }
        });
    }
    let sections = group_by_section(&council.clauses);
    let guide = Route::Guide { council: council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-reader" ref={root}>
            <PageHeading text={council.document.to_string()} caption={Some(AttrValue::from(council.name.to_string()))} />
            <p class="pg-meta">
                { council.council_type.to_string() }
                if let Some(adopted) = &council.adopted {
                    { " \u{b7} " }{ adopted.to_string() }
                }
            </p>
            <p><a class="pg-button pg-button-secondary" href={links.href(&guide)}>{ "Ask the guide a question" }</a></p>
            <nav class="pg-toc" aria-label="Contents">
                <h2 class="pg-subheading">{ "Contents" }</h2>
                <ol class="pg-toc-list">
                    { for sections.iter().map(|(heading, clauses)| html! {
                        <li>
                            <a class="pg-link" href={links.href(&clause_route(council, clauses[0]))}>{ heading.clone() }</a>
                            <span class="pg-toc-clauses">
                                { for clauses.iter().map(|clause| html! {
                                    <a class="pg-link pg-toc-clause" href={links.href(&clause_route(council, clause))}>
                                        { clause.short_label.to_string() }<span class="pg-visually-hidden">{ format!(": {}", clause.label) }</span>
                                    </a>
                                }) }
                            </span>
                        </li>
                    }) }
                </ol>
            </nav>
            { for sections.iter().map(|(heading, clauses)| html! {
                <section class="pg-section">
                    <h2 class="pg-subheading">{ heading.clone() }</h2>
                    { for clauses.iter().map(|clause| html! {
                        <ClauseCard council={DataRef(council)} clause={DataRef(*clause)}
                            is_target={props.target.as_deref() == Some(clause.id.as_ref())} />
                    }) }
                </section>
            }) }
        </div>
    }
}

fn clause_route(council: &Council, clause: &Clause) -> Route {
    Route::Reader { council: council.id.to_string(), clause: Some(clause.id.to_string()) }
}

fn group_by_section(clauses: &'static [Clause]) -> Vec<(String, Vec<&'static Clause>)> {
    let mut sections: Vec<(String, Vec<&'static Clause>)> = Vec::new();
    for clause in clauses {
        let heading = clause.headings.first().map(|h| h.to_string()).unwrap_or_default();
        match sections.last_mut() {
            Some((last, members)) if *last == heading => members.push(clause),
            _ => sections.push((heading, vec![clause])),
        }
    }
    sections
}

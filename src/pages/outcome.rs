use crate::browser::{copy_to_clipboard, leave_page, print_page, LEAVE_TO};
use crate::components::answers_summary::AnswersSummary;
use crate::components::back_link::BackLink;
use crate::components::clause_link::ClauseLink;
use crate::components::clause_text::ClauseText;
use crate::components::contact::Contact;
use crate::components::coverage::{coverage_label, CoverageNote};
use crate::components::page_heading::PageHeading;
use crate::components::{use_links, use_script_free_parts, Links};
use crate::components::{DataRef, Dispatch};
use crate::data::topics;
use crate::navigation::{page_url, page_url_with_hash};
use crate::state::{back_route, Action};
use protocol_core::model::{Clause, Council, Outcome};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomePageProps {
    pub council: DataRef<Council>,
    pub outcome: DataRef<Outcome>,
    pub steps: Vec<(AttrValue, AttrValue)>,
    pub answers: Vec<String>,
}

/// The guidance, how much of the situation the protocol covers, the clauses word for word, and
/// why they apply.
#[function_component(OutcomePage)]
pub fn outcome_page(props: &OutcomePageProps) -> Html {
    let links = use_links();
    let script_free = use_script_free_parts();
    let council = props.council.0;
    let outcome = props.outcome.0;
    let copied = use_state(|| false);
    let dispatch = use_context::<Dispatch>();
    let route = Route::Guide { council: council.id.to_string(), answers: props.answers.clone() };
    let back = back_route(&route).unwrap_or(Route::Home);
    let restart = Route::Guide { council: council.id.to_string(), answers: vec![] };
    let cited = cited_clauses(council, outcome);
    let offer_leave = topics().iter().any(|topic| topic.id == outcome.topic && topic.offer_leave);
    let on_copy = {
        let copied = copied.clone();
        let route = route.clone();
        Callback::from(move |_: MouseEvent| {
            // Read when clicked: the address is the browser's, which the static render never has.
            let url = match links {
                Links::Path { .. } => page_url(),
                Links::Hash => page_url_with_hash(&route),
            };
            copy_to_clipboard(&url);
            copied.set(true);
        })
    };
    let compare = Route::Compare { council: council.id.to_string(), situation: outcome.situation.to_string() };
    html! {
        <div class={classes!("pg-page", "pg-outcome", format!("pg-outcome-{}", outcome.coverage.as_str()))}>
            <div class="pg-outcome-bar">
                <BackLink to={back} label="Back to the previous question" action={Some(Action::Back)} />
                if offer_leave {
                    if script_free {
                        <a class="pg-button pg-button-warning pg-leave pg-if-no-js" href={LEAVE_TO} rel="noreferrer">{ "Leave this page" }</a>
                    }
                    <button type="button" class="pg-button pg-button-warning pg-leave pg-if-js" onclick={Callback::from(|_: MouseEvent| leave_page())}>
                        { "Leave this page" }
                    </button>
                }
            </div>
            <PageHeading text={outcome.title.to_string()} caption={Some(AttrValue::from(council.name.to_string()))} />
            if outcome.draft {
                <div class="pg-draft-banner" role="note"><strong>{ "Draft, not reviewed" }</strong></div>
            }
            <p class="pg-print-only pg-meta">
                { format!("{}: {}", council.name, council.document) }
                if let Some(adopted) = &council.adopted { { format!(" ({adopted})") } }
            </p>
            if !outcome.coverage.is_full() {
                <p class="pg-coverage-status"><strong>{ coverage_label(outcome.coverage.level()) }</strong></p>
            }
            if let Some(contact) = &outcome.contact {
                <Contact role={contact.role.to_string()} />
            }
            if !outcome.guidance.is_empty() {
                <ul class="pg-guidance">
                    { for outcome.guidance.iter().map(|line| html! {
                        <li class="pg-guidance-line">
                            { line.text.to_string() }{ " " }
                            <span class="pg-cite-refs">
                                { "(" }
                                { for line.clauses.iter().enumerate().map(|(index, id)| html! { <>
                                    if index > 0 { { ", " } }
                                    <ClauseLink council={props.council} clause={id.to_string()} onclick={Some(scroll_to_cited(id.to_string()))} />
                                </> }) }
                                { ")" }
                            </span>
                        </li>
                    }) }
                </ul>
            }
            <CoverageNote council={props.council} coverage={DataRef(&outcome.coverage)} />
            if !cited.is_empty() {
                <p class="pg-because">{ because_line(&props.steps, &cited) }</p>
                <section class="pg-cited" aria-labelledby="pg-cited-title">
                    <h2 class="pg-subheading" id="pg-cited-title">{ if cited.len() == 1 { "The clause, word for word" } else { "The clauses, word for word" } }</h2>
                    { for cited.iter().map(|clause| cited_clause(links, council, outcome, clause)) }
                </section>
            }
            <p class="pg-body">
                <a class="pg-link" href={links.href(&compare)}>{ "How do other councils handle this?" }</a>
            </p>
            <AnswersSummary council={props.council} steps={props.steps.clone()} answers={props.answers.clone()} />
            <div class="pg-actions">
                <a class="pg-button pg-button-secondary" href={links.href(&restart)}
                    onclick={dispatch.as_ref().map(|d| d.on_click(Action::StartAgain))}>{ "Start again" }</a>
                <button type="button" class="pg-button pg-button-secondary pg-if-js" onclick={on_copy}>{ "Copy link" }</button>
                <button type="button" class="pg-button pg-button-secondary pg-if-js" onclick={Callback::from(|_: MouseEvent| print_page())}>{ "Print" }</button>
            </div>
            <p class="pg-status" role="status">{ if *copied { "Link copied" } else { "" } }</p>
        </div>
    }
}

fn cited_clause(links: Links, council: &'static Council, outcome: &'static Outcome, clause: &'static Clause) -> Html {
    let quotes: Vec<AttrValue> =
        outcome.cites.iter().filter(|c| c.clause == clause.id).map(|c| AttrValue::from(c.quote.to_string())).collect();
    let reader = Route::Reader { council: council.id.to_string(), clause: Some(clause.id.to_string()) };
    html! {
        <article class="pg-clause pg-cited-clause" data-cited={clause.id.to_string()} tabindex="-1">
            <h3 class="pg-clause-label">{ clause.label.to_string() }</h3>
            if let Some(context) = clause.headings.last() {
                <p class="pg-clause-context">{ context.to_string() }</p>
            }
            <ClauseText clause={DataRef(clause)} quotes={quotes} />
            <p class="pg-clause-actions">
                <a class="pg-link" href={links.href(&reader)}>
                    { "Read in the protocol" }<span class="pg-visually-hidden">{ format!(" ({})", clause.label) }</span>
                </a>
            </p>
        </article>
    }
}

/// The distinct clauses an outcome cites, in the order it cites them.
fn cited_clauses(council: &'static Council, outcome: &Outcome) -> Vec<&'static Clause> {
    let mut clauses: Vec<&'static Clause> = Vec::new();
    for cite in outcome.cites.iter() {
        if let Some(clause) = council.clause(&cite.clause) {
            if !clauses.iter().any(|c| c.id == clause.id) {
                clauses.push(clause);
            }
        }
    }
    clauses
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Because you answered “…” and “…”, clause 8.7 applies."
fn because_line(steps: &[(AttrValue, AttrValue)], cited: &[&Clause]) -> String {
    // The first answer only picks a topic; the situation and later answers carry the meaning.
    let answers: Vec<String> = steps.iter().skip(1).map(|(_, answer)| format!("\u{201C}{answer}\u{201D}")).collect();
    // Numbered clauses read as "clauses 4.1 and 4.2"; others keep their own labels.
    let numbers: Vec<String> = cited.iter().filter_map(|c| c.number.as_ref().map(|n| n.to_string())).collect();
    let mut labels: Vec<String> = match numbers.len() {
        0 => Vec::new(),
        1 => vec![format!("clause {}", numbers[0])],
        _ => vec![format!("clauses {}", join_and(&numbers))],
    };
    labels.extend(cited.iter().filter(|c| c.number.is_none()).map(|c| c.label.to_string()));
    let verb = if cited.len() == 1 { "applies" } else { "apply" };
    format!("Because you answered {}, {} {verb}.", join_and(&answers), join_and(&labels))
}

fn scroll_to_cited(id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let root = event.target_dyn_into::<web_sys::Element>().and_then(|e| e.closest(".pg-outcome").ok().flatten());
        if let Some(target) =
            root.and_then(|root| root.query_selector(&format!("[data-cited=\"{id}\"]")).ok().flatten())
        {
            target.scroll_into_view_with_bool(true);
            if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
                let _ = target.focus();
            }
        }
    })
}

use super::answers_summary::AnswersSummary;
use super::clause_text::ClauseText;
use super::page_heading::PageHeading;
use super::{StartAgain, Static};
use crate::navigation::{copy_to_clipboard, leave_page, page_url_with_hash, print_page};
use protocol_core::engine::situation_of;
use protocol_core::model::{Clause, Council, Outcome};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomePageProps {
    pub council: Static<Council>,
    pub outcome: Static<Outcome>,
    pub steps: Vec<(AttrValue, AttrValue)>,
    pub answers: Vec<String>,
}

/// The guidance, the clauses it rests on word for word, and why they apply.
#[function_component(OutcomePage)]
pub fn outcome_page(props: &OutcomePageProps) -> Html {
    let council = props.council.0;
    let outcome = props.outcome.0;
    let copied = use_state(|| false);
    let start_again = use_context::<StartAgain>().map(|StartAgain(callback)| callback);
    let on_start_again = Callback::from(move |_: MouseEvent| {
        if let Some(callback) = &start_again {
            callback.emit(());
        }
    });
    let route = Route::Guide { council: council.id.to_string(), answers: props.answers.clone() };
    let back = Route::Guide { council: council.id.to_string(), answers: props.answers[..props.answers.len().saturating_sub(1)].to_vec() };
    let restart = Route::Guide { council: council.id.to_string(), answers: vec![] };
    let cited = cited_clauses(council, outcome);
    let on_copy = {
        let copied = copied.clone();
        let url = page_url_with_hash(&route);
        Callback::from(move |_: MouseEvent| {
            copy_to_clipboard(&url);
            copied.set(true);
        })
    };
    html! {
        <div class="pg-page pg-outcome">
            <div class="pg-outcome-bar">
                <a class="pg-back-link" href={back.to_hash()}>{ "Back to the previous question" }</a>
                if outcome.topic == "complaints" {
                    <button type="button" class="pg-button pg-button-warning pg-leave" onclick={Callback::from(|_: MouseEvent| leave_page())}>
                        { "Leave this page" }
                    </button>
                }
            </div>
            <PageHeading text={outcome.title.to_string()} caption={Some(AttrValue::from(council.name.to_string()))} />
            <p class="pg-print-only pg-meta">
                { format!("{}: {}", council.name, council.document) }
                if let Some(adopted) = &council.adopted { { format!(" ({adopted})") } }
            </p>
            if !outcome.covered {
                <div class="pg-inset pg-not-covered">
                    <p class="pg-body"><strong>{ "This protocol does not cover this." }</strong>
                    { format!(" {}\u{2019}s protocol says nothing on this question, so this guide does not answer it.", council.short_name) }</p>
                </div>
            }
            if let Some(contact) = &outcome.contact {
                <p class="pg-contact"><span class="pg-contact-label">{ "Who to go to: " }</span><strong>{ contact.to_string() }</strong></p>
            }
            <ul class="pg-guidance">
                { for outcome.guidance.iter().filter(|line| !line.clauses.is_empty() || outcome.covered).map(|line| html! {
                    <li class="pg-guidance-line">
                        { line.text.to_string() }{ " " }
                        <span class="pg-cite-refs">
                            { "(" }
                            { for line.clauses.iter().enumerate().map(|(index, id)| {
                                let label = council.clause(id).map_or_else(|| id.to_string(), |clause| clause.label.to_string());
                                html! { <>
                                    if index > 0 { { ", " } }
                                    <a class="pg-link" href={Route::Reader { council: council.id.to_string(), clause: Some(id.to_string()) }.to_hash()}
                                        onclick={scroll_to_cited(id.to_string())}>{ label }</a>
                                </> }
                            }) }
                            { ")" }
                        </span>
                    </li>
                }) }
            </ul>
            if !cited.is_empty() {
                <p class="pg-because">{ because_line(&props.steps, &cited) }</p>
                <section class="pg-cited" aria-labelledby="pg-cited-title">
                    <h2 class="pg-subheading" id="pg-cited-title">{ if cited.len() == 1 { "The clause, word for word" } else { "The clauses, word for word" } }</h2>
                    { for cited.iter().map(|clause| {
                        let quotes: Vec<AttrValue> = outcome.cites.iter().filter(|c| c.clause == clause.id).map(|c| AttrValue::from(c.quote.to_string())).collect();
                        let reader = Route::Reader { council: council.id.to_string(), clause: Some(clause.id.to_string()) };
                        html! {
                            <article class="pg-clause pg-cited-clause" data-cited={clause.id.to_string()} tabindex="-1">
                                <h3 class="pg-clause-label">{ clause.label.to_string() }</h3>
                                if let Some(context) = clause.headings.last() {
                                    <p class="pg-clause-context">{ context.to_string() }</p>
                                }
                                <ClauseText clause={Static(*clause)} quotes={quotes} />
                                <p class="pg-clause-actions">
                                    <a class="pg-link" href={reader.to_hash()}>
                                        { "Read in the protocol" }<span class="pg-visually-hidden">{ format!(" ({})", clause.label) }</span>
                                    </a>
                                </p>
                            </article>
                        }
                    }) }
                </section>
            }
            if let Some(situation) = situation_of(council, &outcome.id) {
                <p class="pg-body">
                    <a class="pg-link" href={Route::Compare { council: council.id.to_string(), situation }.to_hash()}>
                        { "How do other councils handle this?" }
                    </a>
                </p>
            }
            <AnswersSummary council={props.council} steps={props.steps.clone()} answers={props.answers.clone()} />
            <div class="pg-actions">
                <a class="pg-button pg-button-secondary" href={restart.to_hash()} onclick={on_start_again}>{ "Start again" }</a>
                <button type="button" class="pg-button pg-button-secondary" onclick={on_copy}>{ "Copy link" }</button>
                <button type="button" class="pg-button pg-button-secondary" onclick={Callback::from(|_: MouseEvent| print_page())}>{ "Print" }</button>
            </div>
            <p class="pg-status" role="status">{ if *copied { "Link copied" } else { "" } }</p>
        </div>
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
    let numbers: Vec<String> = cited.iter().filter_map(|c| c.label.strip_prefix("Clause ").map(str::to_string)).collect();
    let mut labels: Vec<String> = match numbers.len() {
        0 => Vec::new(),
        1 => vec![format!("clause {}", numbers[0])],
        _ => vec![format!("clauses {}", join_and(&numbers))],
    };
    labels.extend(cited.iter().filter(|c| !c.label.starts_with("Clause ")).map(|c| c.label.to_string()));
    let verb = if cited.len() == 1 { "applies" } else { "apply" };
    format!("Because you answered {}, {} {verb}.", join_and(&answers), join_and(&labels))
}

fn scroll_to_cited(id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let root = event.target_dyn_into::<web_sys::Element>().and_then(|e| e.closest(".pg-outcome").ok().flatten());
        if let Some(target) = root.and_then(|root| root.query_selector(&format!("[data-cited=\"{id}\"]")).ok().flatten()) {
            target.scroll_into_view_with_bool(true);
            if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
                let _ = target.focus();
            }
        }
    })
}

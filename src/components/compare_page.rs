use super::page_heading::PageHeading;
use super::Static;
use crate::data::{councils, topics};
use protocol_core::engine::{answers_to, covers, outcomes_under};
use protocol_core::model::{Council, Outcome, Situation, Topic};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The council the person came from: shown first.
    pub council: Static<Council>,
    pub topic: Static<Topic>,
    pub situation: Static<Situation>,
}

/// One situation across every council: route, who to go to, and the clauses quoted.
#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    let situation_id = props.topic.situation_node_id(&props.situation);
    // The council the person came from first, the rest in their usual order.
    let (mut councils, others): (Vec<&'static Council>, Vec<&'static Council>) = councils().iter().partition(|c| c.id == props.council.id);
    councils.extend(others);
    let covering: Vec<&str> = councils.iter().filter(|c| covers(c, &situation_id)).map(|c| c.short_name.as_ref()).collect();
    let silent: Vec<&str> = councils.iter().filter(|c| !covers(c, &situation_id)).map(|c| c.short_name.as_ref()).collect();
    let summary = difference_summary(councils.len(), &covering, &silent);
    let back = Route::Guide { council: props.council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-compare">
            <a class="pg-back-link" href={back.to_hash()}>{ format!("Back to {}\u{2019}s guide", props.council.short_name) }</a>
            <PageHeading text={props.situation.label.to_string()} caption={Some(AttrValue::from(format!("How councils handle: {}", props.topic.title)))} />
            <p class="pg-lead pg-compare-summary">{ summary }</p>
            <div class="pg-compare-grid">
                { for councils.iter().map(|council| council_column(council, &situation_id)) }
            </div>
        </div>
    }
}

/// "the Model protocol", "Crawley’s protocol".
fn protocol_name(short_name: &str) -> String {
    if short_name.to_ascii_lowercase().ends_with("protocol") {
        format!("the {short_name}")
    } else {
        format!("{short_name}\u{2019}s protocol")
    }
}

fn difference_summary(total: usize, covering: &[&str], silent: &[&str]) -> String {
    let names = |list: &[&str]| {
        let named: Vec<String> = list.iter().map(|name| protocol_name(name)).collect();
        match named.as_slice() {
            [] => String::new(),
            [one] => format!("{one} does not"),
            [rest @ .., last] => format!("{} and {last} do not", rest.join(", ")),
        }
    };
    match (covering.len(), silent.len()) {
        (0, _) => format!("None of the {total} protocols covers this."),
        (n, 0) => format!("All {n} protocols cover this."),
        (n, _) => format!("{n} of {total} protocols cover this; {}.", names(silent)),
    }
}

fn council_column(council: &'static Council, situation_id: &str) -> Html {
    let outcomes = outcomes_under(council, situation_id);
    let covered = covers(council, situation_id);
    html! {
        <section class="pg-compare-column" aria-labelledby={format!("pg-compare-{}", council.id)}>
            <h2 class="pg-subheading" id={format!("pg-compare-{}", council.id)}>{ council.name.to_string() }</h2>
            if !covered {
                <p class="pg-tag pg-tag-muted">{ "Not covered" }</p>
            }
            { for outcomes.iter().map(|(labels, outcome)| outcome_card(council, labels, outcome)) }
        </section>
    }
}

fn outcome_card(council: &'static Council, labels: &[&str], outcome: &'static Outcome) -> Html {
    let route = Route::Guide { council: council.id.to_string(), answers: answers_to(council, &outcome.id).unwrap_or_default() };
    html! {
        <article class="pg-compare-card">
            if !labels.is_empty() {
                <p class="pg-clause-context">{ format!("If: {}", labels.join(" \u{2192} ")) }</p>
            }
            <h3 class="pg-clause-label"><a class="pg-link" href={route.to_hash()}>{ outcome.title.to_string() }</a></h3>
            if let Some(contact) = &outcome.contact {
                <p class="pg-contact"><span class="pg-contact-label">{ "Who to go to: " }</span><strong>{ contact.to_string() }</strong></p>
            }
            <ul class="pg-list">
                { for outcome.guidance.iter().map(|line| html! { <li>{ line.text.to_string() }</li> }) }
            </ul>
            { for outcome.cites.iter().map(|cite| {
                let label = council.clause(&cite.clause).map_or_else(|| cite.clause.to_string(), |c| c.label.to_string());
                let reader = Route::Reader { council: council.id.to_string(), clause: Some(cite.clause.to_string()) };
                html! {
                    <figure class="pg-quote-block">
                        <blockquote><mark class="pg-quote">{ cite.quote.to_string() }</mark></blockquote>
                        <figcaption><a class="pg-link" href={reader.to_hash()}>{ label }</a></figcaption>
                    </figure>
                }
            }) }
        </article>
    }
}

/// Finds a situation by its node id, `<topic>.<situation>`.
pub fn find_situation(id: &str) -> Option<(&'static Topic, &'static Situation)> {
    topics().iter().find_map(|topic| topic.situations.iter().find(|s| topic.situation_node_id(s) == id).map(|s| (topic, s)))
}

use crate::components::back_link::BackLink;
use crate::components::contact::Contact;
use crate::components::coverage::CoverageTag;
use crate::components::page_heading::PageHeading;
use crate::components::quote::Quote;
use crate::components::DataRef;
use crate::components::{use_links, Links};
use crate::data::councils;
use protocol_core::engine::{answers_to, coverage_of, outcomes_under};
use protocol_core::model::{Council, Coverage, CoverageLevel, Outcome, Situation, Topic};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The council the person came from: shown first.
    pub council: DataRef<Council>,
    pub topic: DataRef<Topic>,
    pub situation: DataRef<Situation>,
}

/// One situation across every council: how much each covers, who to go to, the clauses quoted.
#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    let links = use_links();
    let situation_id = props.situation.id.as_ref();
    // The council the person came from first, the rest in their usual order.
    let (mut councils, others): (Vec<&'static Council>, Vec<&'static Council>) =
        councils().iter().partition(|c| c.id == props.council.id);
    councils.extend(others);
    let levels: Vec<CoverageLevel> = councils.iter().map(|council| coverage_of(council, situation_id)).collect();
    let summary = coverage_summary(&levels);
    let back = Route::Guide { council: props.council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-compare">
            <BackLink to={back} label={format!("Back to {}", props.council.guide_name())} />
            <PageHeading text={props.situation.label.to_string()} caption={Some(AttrValue::from(format!("How councils handle: {}", props.topic.title)))} />
            <p class="pg-lead pg-compare-summary">{ summary }</p>
            <div class="pg-compare-grid">
                { for councils.iter().zip(&levels).map(|(council, level)| council_column(links, council, situation_id, *level)) }
            </div>
        </div>
    }
}

/// "3 protocols cover this, 1 partly, 1 not at all." Each column names its own state.
fn coverage_summary(levels: &[CoverageLevel]) -> String {
    let count = |wanted: CoverageLevel| levels.iter().filter(|level| **level == wanted).count();
    let (full, partly, none) = (count(CoverageLevel::Full), count(CoverageLevel::Partial), count(CoverageLevel::None));
    if full == 0 && partly == 0 {
        return format!("None of the {none} protocols covers this.");
    }
    let mut parts = vec![format!("{full} {} this", if full == 1 { "protocol covers" } else { "protocols cover" })];
    if partly > 0 {
        parts.push(format!("{partly} partly"));
    }
    if none > 0 {
        parts.push(format!("{none} not at all"));
    }
    format!("{}.", parts.join(", "))
}

fn council_column(links: Links, council: &'static Council, situation_id: &str, level: CoverageLevel) -> Html {
    let outcomes = outcomes_under(council, situation_id);
    html! {
        <section class="pg-compare-column" aria-labelledby={format!("pg-compare-{}", council.id)}>
            <h2 class="pg-subheading" id={format!("pg-compare-{}", council.id)}>{ council.name.to_string() }</h2>
            <p><CoverageTag level={level} /></p>
            { for outcomes.iter().map(|(labels, outcome)| outcome_card(links, council, labels, outcome)) }
        </section>
    }
}

fn outcome_card(links: Links, council: &'static Council, labels: &[&str], outcome: &'static Outcome) -> Html {
    let route =
        Route::Guide { council: council.id.to_string(), answers: answers_to(council, &outcome.id).unwrap_or_default() };
    html! {
        <article class="pg-compare-card">
            if !labels.is_empty() {
                <p class="pg-clause-context">{ format!("If: {}", labels.join(" \u{2192} ")) }</p>
            }
            <h3 class="pg-clause-label"><a class="pg-link" href={links.href(&route)}>{ outcome.title.to_string() }</a></h3>
            if !labels.is_empty() && !outcome.coverage.is_full() {
                <p><CoverageTag level={outcome.coverage.level()} /></p>
            }
            if let Some(contact) = &outcome.contact {
                <Contact role={contact.role.to_string()} />
            }
            <ul class="pg-list">
                { for outcome.guidance.iter().map(|line| html! { <li>{ line.text.to_string() }</li> }) }
            </ul>
            if let Coverage::Partial { gap } = &outcome.coverage {
                <p class="pg-body pg-gap"><strong>{ "What this protocol does not say: " }</strong>{ gap.to_string() }</p>
            }
            { for outcome.cites.iter().map(|cite| html! { <Quote council={DataRef(council)} cite={DataRef(cite)} /> }) }
        </article>
    }
}

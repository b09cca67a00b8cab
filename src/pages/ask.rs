use crate::components::back_link::BackLink;
use crate::components::coverage::CoverageTag;
use crate::components::page_heading::PageHeading;
use crate::components::DataRef;
#[cfg(feature = "search")]
use crate::data::{synonyms, topics};
use protocol_core::engine::answers_to;
use protocol_core::model::Council;
use protocol_core::route::Route;
#[cfg(feature = "search")]
use protocol_core::search::SearchIndex;
use protocol_core::search::{Hit, HitKind};
#[cfg(feature = "search")]
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AskPageProps {
    pub council: DataRef<Council>,
}

const EXAMPLES: [&str; 3] =
    ["can I get the clerk to write to the developer", "officer was rude to me", "my wife works for the council"];

/// Search in your own words; results update on every keystroke and lead straight to guidance.
#[function_component(AskPage)]
pub fn ask_page(props: &AskPageProps) -> Html {
    let council = props.council.0;
    let query = use_state(String::new);
    let results = use_results(council, &query);
    let on_input = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let on_submit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let status = match (query.trim().is_empty(), results.len()) {
        (true, _) => String::new(),
        (false, 0) => "No matches. Try other words, or browse the questions.".to_string(),
        (false, 1) => "1 result".to_string(),
        (false, n) => format!("{n} results"),
    };
    let guide = Route::Guide { council: council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-ask">
            <BackLink to={guide} label="Back to the questions" />
            <PageHeading text="Ask in your own words" caption={Some(AttrValue::from(council.short_name.to_string()))} />
            <form class="pg-form" role="search" onsubmit={on_submit}>
                <label class="pg-label" for="pg-ask-input">{ "Describe your situation" }</label>
                <p class="pg-hint" id="pg-ask-hint">{ format!("For example: \u{201C}{}\u{201D}", EXAMPLES.join("\u{201D}, \u{201C}")) }</p>
                <input class="pg-input" id="pg-ask-input" type="search" autocomplete="off" spellcheck="true"
                    aria-describedby="pg-ask-hint" aria-controls="pg-ask-results" value={(*query).clone()} oninput={on_input} />
            </form>
            <p class="pg-status" role="status" aria-live="polite">{ status }</p>
            <ol class="pg-results" id="pg-ask-results">
                { for results.iter().map(|hit| result_item(council, hit)) }
            </ol>
            <p class="pg-body">{ "Nothing you type leaves this page." }</p>
        </div>
    }
}

fn result_item(council: &'static Council, hit: &Hit) -> Html {
    let (route, kind) = match hit.kind {
        HitKind::Outcome => {
            let answers = answers_to(council, &hit.id).unwrap_or_default();
            (Route::Guide { council: council.id.to_string(), answers }, "Guidance")
        }
        HitKind::Clause => (Route::Reader { council: council.id.to_string(), clause: Some(hit.id.clone()) }, "Clause"),
    };
    let cites: Vec<String> =
        hit.cites.iter().map(|id| council.clause(id).map_or_else(|| id.clone(), |c| c.label.to_string())).collect();
    let outcome_coverage = (hit.kind == HitKind::Outcome).then_some(hit.coverage);
    html! {
        <li class="pg-result" key={format!("{}-{}", kind, hit.id)}>
            <span class="pg-tag">{ kind }</span>
            if let Some(level) = outcome_coverage {
                <CoverageTag level={level} />
            }
            <a class="pg-link pg-result-title" href={route.to_hash()}>{ hit.title.clone() }</a>
            if hit.kind == HitKind::Outcome && !cites.is_empty() {
                <span class="pg-result-cites">{ format!("Cites {}", cites.join(", ")) }</span>
            }
        </li>
    }
}

/// Built on first use rather than at start-up: most visits never search.
#[cfg(feature = "search")]
#[hook]
fn use_results(council: &'static Council, query: &str) -> Vec<Hit> {
    let index = use_memo(council.id.clone(), |_| Rc::new(SearchIndex::build(council, topics(), synonyms())));
    if query.trim().is_empty() {
        Vec::new()
    } else {
        index.search(query, 8)
    }
}

#[cfg(not(feature = "search"))]
#[hook]
fn use_results(_council: &'static Council, _query: &str) -> Vec<Hit> {
    Vec::new()
}

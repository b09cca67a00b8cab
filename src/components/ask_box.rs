use super::coverage::{sentence_start, CoverageTag};
use super::DataRef;
use super::{use_links, Links};
use crate::data;
use protocol_core::engine::answers_to;
use protocol_core::model::Council;
use protocol_core::route::Route;
use protocol_core::search::{Hit, HitKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AskBoxProps {
    pub council: DataRef<Council>,
    /// The label over the box: the ask page's main question, or a prompt on the start page.
    pub label: AttrValue,
    /// Where the topics are, for "no close match": on the start page, just below.
    pub browse: Route,
}

const EXAMPLES: [&str; 3] =
    ["can I get the clerk to write to the developer", "officer was rude to me", "my wife works for the council"];

/// Search in your own words. Results update on every keystroke, say which words they matched,
/// and lead straight to guidance. What is typed stays in this component: never in the URL.
#[function_component(AskBox)]
pub fn ask_box(props: &AskBoxProps) -> Html {
    let links = use_links();
    let council = props.council.0;
    let query = use_state(String::new);
    // Build the index while the person reads the page, so the first keystroke does not wait.
    use_effect_with(council.id.clone(), move |_| {
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::from_millis(400)).await;
            data::prepare_search(council);
        });
    });
    let answer = (!query.trim().is_empty()).then(|| data::ask(council, &query, 8));
    let on_input = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let on_submit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let status = match &answer {
        None => String::new(),
        Some(answer) if answer.hits.is_empty() => "No matches. Try other words, or browse the topics.".to_string(),
        Some(answer) if answer.no_close_match => format!("No close match. {} weak results.", answer.hits.len()),
        Some(answer) if answer.hits.len() == 1 => "1 result".to_string(),
        Some(answer) => format!("{} results", answer.hits.len()),
    };
    html! {
        <div class="pg-ask-box">
            <form class="pg-form" role="search" onsubmit={on_submit}>
                <label class="pg-label" for="pg-ask-input">{ props.label.clone() }</label>
                <p class="pg-hint" id="pg-ask-hint">{ format!("For example: \u{201C}{}\u{201D}. Nothing you type leaves this page.", EXAMPLES.join("\u{201D}, \u{201C}")) }</p>
                <input class="pg-input" id="pg-ask-input" type="search" autocomplete="off" spellcheck="true" maxlength={protocol_core::search::MAX_QUERY_LEN.to_string()}
                    aria-describedby="pg-ask-hint" aria-controls="pg-ask-results" value={(*query).clone()} oninput={on_input} />
            </form>
            <p class="pg-status" role="status" aria-live="polite">{ status }</p>
            if let Some(answer) = answer.as_ref().filter(|answer| answer.no_close_match) {
                <div class="pg-inset pg-no-match">
                    <p class="pg-body"><strong>{ "No close match in this protocol." }</strong>
                    { format!(" {} may not cover this. ", sentence_start(&council.protocol_name())) }
                    <a class="pg-link" href={links.href(&props.browse)}>{ "Browse the topics" }</a>
                    { " or " }
                    <a class="pg-link" href={links.href(&Route::Reader { council: council.id.to_string(), clause: None })}>{ "read the protocol" }</a>{ "." }</p>
                    if !answer.hits.is_empty() {
                        <p class="pg-hint">{ "These results are weak matches:" }</p>
                    }
                </div>
            }
            <ol class="pg-results" id="pg-ask-results">
                { for answer.iter().flat_map(|answer| answer.hits.iter()).map(|hit| result_item(links, council, hit)) }
            </ol>
        </div>
    }
}

fn result_item(links: Links, council: &'static Council, hit: &Hit) -> Html {
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
            <a class="pg-link pg-result-title" href={links.href(&route)}>{ hit.title.clone() }</a>
            // Partly covered: say where the protocol stops, for someone who reads only this line.
            if let Some(gap) = &hit.gap {
                <span class="pg-result-gap">{ gap.clone() }</span>
            }
            if hit.kind == HitKind::Outcome && !cites.is_empty() {
                <span class="pg-result-cites">{ format!("Cites {}", cites.join(", ")) }</span>
            }
            if !hit.matched.is_empty() {
                <span class="pg-result-why">{ format!("Matched: {}", hit.matched.join(", ")) }</span>
            }
        </li>
    }
}

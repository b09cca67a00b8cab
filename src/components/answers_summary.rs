use super::use_links;
use super::{DataRef, Dispatch};
use crate::state::Action;
use protocol_core::engine::Step;
use protocol_core::model::Council;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswersSummaryProps {
    pub council: DataRef<Council>,
    /// (question text, answer label) for each step, in order.
    pub steps: Vec<(AttrValue, AttrValue)>,
    pub answers: Vec<String>,
}

/// "Your answers", each with a Change link that says what it changes.
#[function_component(AnswersSummary)]
pub fn answers_summary(props: &AnswersSummaryProps) -> Html {
    let links = use_links();
    let dispatch = use_context::<Dispatch>();
    html! {
        <section class="pg-answers" aria-labelledby="pg-answers-title">
            <h2 class="pg-subheading" id="pg-answers-title">{ "Your answers" }</h2>
            <dl class="pg-summary-list">
                { for props.steps.iter().enumerate().map(|(index, (question, answer))| {
                    let route = Route::Guide { council: props.council.id.to_string(), answers: props.answers[..index].to_vec() };
                    html! {
                        <div class="pg-summary-row">
                            <dt class="pg-summary-key">{ question.clone() }</dt>
                            <dd class="pg-summary-value">{ answer.clone() }</dd>
                            <dd class="pg-summary-action">
                                <a class="pg-link" href={links.href(&route)} onclick={dispatch.as_ref().map(|d| d.on_click(Action::ChangeAnswer(index)))}>
                                    { "Change" }<span class="pg-visually-hidden">{ format!(" your answer to: {question}") }</span>
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </section>
    }
}

/// Pairs of question and answer text for a walk's steps.
pub fn step_texts(steps: &[Step<'static>]) -> Vec<(AttrValue, AttrValue)> {
    steps
        .iter()
        .map(|step| (AttrValue::from(step.question.text.to_string()), AttrValue::from(step.choice.label.to_string())))
        .collect()
}

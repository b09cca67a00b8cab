use super::page_heading::PageHeading;
use super::Static;
use crate::navigation::Navigator;
use protocol_core::engine::change_answer;
use protocol_core::model::{Council, Question};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub council: Static<Council>,
    pub question: Static<Question>,
    /// The answers that led here.
    pub answers: Vec<String>,
    /// Answers given earlier in this walk, including ones after this step.
    pub remembered: Vec<String>,
}

/// One question per screen: radios, Continue, and an announced error if nothing is chosen.
#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let step = props.answers.len();
    // A choice not yet submitted, and the error, belong to one step: arriving at another step
    // (or back at this one) starts from what was answered before. Held in a ref and reset here,
    // during render, so a new step costs one render, not two.
    let step_key = format!("{}/{step}", props.question.0.id);
    let this_step = use_mut_ref(StepState::default);
    let rerender = use_force_update();
    if this_step.borrow().key != step_key {
        *this_step.borrow_mut() = StepState { key: step_key.clone(), picked: None, show_error: false };
    }
    let chosen: Option<String> = this_step.borrow().picked.clone().or_else(|| props.remembered.get(step).cloned());
    let show_error = this_step.borrow().show_error;
    let question = props.question.0;
    let council = props.council.0;
    let field_id = format!("pg-q-{}", question.id.replace('.', "-"));
    let error_id = format!("{field_id}-error");
    let hint_id = format!("{field_id}-hint");

    let navigator = use_context::<Navigator>();
    let on_submit = {
        let chosen = chosen.clone();
        let this_step = this_step.clone();
        let rerender = rerender.clone();
        let remembered = props.remembered.clone();
        let answers = props.answers.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The form is the source of truth: state may not have re-rendered yet if Continue
            // follows the choice very quickly.
            let answer = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|form| form.query_selector("input[type=radio]:checked").ok().flatten())
                .and_then(|input| input.get_attribute("value"))
                .or_else(|| chosen.clone());
            match answer {
                Some(answer) => {
                    let base = if remembered.starts_with(&answers) { &remembered } else { &answers };
                    let next = change_answer(council, base, step, &answer);
                    if let Some(navigator) = &navigator {
                        navigator.go(Route::Guide { council: council.id.to_string(), answers: next });
                    }
                }
                None => {
                    this_step.borrow_mut().show_error = true;
                    rerender.force_update();
                }
            }
        })
    };
    let back = if step == 0 {
        Route::Reader { council: council.id.to_string(), clause: None }
    } else {
        Route::Guide { council: council.id.to_string(), answers: props.answers[..step - 1].to_vec() }
    };
    let back_label = if step == 0 { "Back to the protocol" } else { "Back to the previous question" };
    let described_by = [question.hint.as_ref().map(|_| hint_id.clone()), show_error.then(|| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");

    html! {
        <div class="pg-page pg-question">
            <a class="pg-back-link" href={back.to_hash()}>{ back_label }</a>
            <div class="pg-error-region" role="alert">
                if show_error {
                    <div class="pg-error-summary">
                        <h2 class="pg-error-summary-title">{ "There is a problem" }</h2>
                        <a class="pg-link" href={format!("#{field_id}-0")} onclick={focus_first_option(field_id.clone())}>{ "Select an answer to continue" }</a>
                    </div>
                }
            </div>
            if step == 0 {
                <p class="pg-body pg-ask-link">
                    <a class="pg-link" href={Route::Ask { council: council.id.to_string() }.to_hash()}>{ "Not sure which to pick? Describe it in your own words" }</a>
                </p>
            }
            <form class="pg-form" novalidate=true onsubmit={on_submit}>
                <div class={classes!("pg-form-group", show_error.then_some("pg-form-group-error"))}>
                    <fieldset class="pg-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}>
                        <legend class="pg-legend">
                            <PageHeading text={question.text.to_string()} caption={Some(AttrValue::from(council.short_name.to_string()))} />
                        </legend>
                        if let Some(hint) = &question.hint {
                            <p class="pg-hint" id={hint_id.clone()}>{ hint.to_string() }</p>
                        }
                        if show_error {
                            <p class="pg-error-message" id={error_id.clone()}>
                                <span class="pg-visually-hidden">{ "Error: " }</span>{ "Select an answer to continue" }
                            </p>
                        }
                        <div class="pg-radios">
                            { for question.options.iter().enumerate().map(|(index, option)| {
                                let id = format!("{field_id}-{index}");
                                let value = option.next.to_string();
                                let checked = chosen.as_deref() == Some(value.as_str());
                                let onchange = {
                                    let this_step = this_step.clone();
                                    let rerender = rerender.clone();
                                    let value = value.clone();
                                    Callback::from(move |_: Event| {
                                        let mut state = this_step.borrow_mut();
                                        state.picked = Some(value.clone());
                                        state.show_error = false;
                                        drop(state);
                                        rerender.force_update();
                                    })
                                };
                                html! {
                                    <div class="pg-radio" key={value.clone()}>
                                        <input class="pg-radio-input" type="radio" id={id.clone()} name={field_id.clone()}
                                            value={value} checked={checked} onchange={onchange} />
                                        <label class="pg-radio-label" for={id}>{ option.label.to_string() }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class="pg-button">{ "Continue" }</button>
            </form>
        </div>
    }
}

/// What the person has done on the step they are on, before submitting it.
#[derive(Default)]
struct StepState {
    key: String,
    picked: Option<String>,
    show_error: bool,
}

/// The error summary's link moves focus to the first radio instead of changing the URL hash.
fn focus_first_option(field_id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let target = event.target_dyn_into::<web_sys::Element>();
        let root = target.and_then(|element| element.closest(".pg-question").ok().flatten());
        if let Some(input) = root.and_then(|root| root.query_selector(&format!("#{field_id}-0")).ok().flatten()) {
            if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                let _ = input.focus();
            }
        }
    })
}

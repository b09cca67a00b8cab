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
    // Choices and errors belong to one step: a new question (or a Change) starts from what was
    // answered before. Keying them by step, rather than resetting in an effect, saves a render.
    let step_key = format!("{}/{step}", props.question.0.id);
    let picked = use_state(|| None::<(String, String)>);
    let error_shown_for = use_state(|| None::<String>);
    let chosen: Option<String> = match &*picked {
        Some((key, value)) if *key == step_key => Some(value.clone()),
        _ => props.remembered.get(step).cloned(),
    };
    let show_error = error_shown_for.as_deref() == Some(step_key.as_str());
    let question = props.question.0;
    let council = props.council.0;
    let field_id = format!("pg-q-{}", question.id.replace('.', "-"));
    let error_id = format!("{field_id}-error");
    let hint_id = format!("{field_id}-hint");

    let navigator = use_context::<Navigator>();
    let on_submit = {
        let chosen = chosen.clone();
        let error_shown_for = error_shown_for.clone();
        let step_key = step_key.clone();
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
                None => error_shown_for.set(Some(step_key.clone())),
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
                                    let picked = picked.clone();
                                    let error_shown_for = error_shown_for.clone();
                                    let choice = (step_key.clone(), value.clone());
                                    Callback::from(move |_: Event| {
                                        picked.set(Some(choice.clone()));
                                        error_shown_for.set(None);
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

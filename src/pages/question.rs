use crate::components::ask_box::AskBox;
use crate::components::back_link::BackLink;
use crate::components::page_heading::PageHeading;
use crate::components::{use_links, use_script_free_parts, DataRef, Dispatch};
use crate::state::{back_route, Action};
use protocol_core::model::{Council, Question};
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub council: DataRef<Council>,
    pub question: DataRef<Question>,
    /// The answers that led here.
    pub answers: Vec<String>,
    /// The option to show selected: picked now, or answered before.
    pub selected: Option<AttrValue>,
    /// Continue was pressed with nothing picked.
    pub show_error: bool,
}

/// One question per screen: radios, Continue, and an announced error if nothing is chosen.
/// Every change goes to the reducer; the page only shows what it is given.
#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let links = use_links();
    let script_free = use_script_free_parts();
    let dispatch = use_context::<Dispatch>();
    let send = move |action: Action| {
        if let Some(dispatch) = &dispatch {
            dispatch.send(action);
        }
    };
    let step = props.answers.len();
    // The first question of the guide, with search beside it.
    let first = step == 0 && cfg!(feature = "search");
    let question = props.question.0;
    let council = props.council.0;
    let show_error = props.show_error;
    let field_id = format!("pg-q-{}", question.id.replace('.', "-"));
    let error_id = format!("{field_id}-error");
    let hint_id = format!("{field_id}-hint");
    let on_submit = {
        let send = send.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            send(Action::Continue);
        })
    };
    let here = Route::Guide { council: council.id.to_string(), answers: props.answers.clone() };
    let back = back_route(&here).unwrap_or(Route::Home);
    let back_label = if step == 0 { "Back to the protocol" } else { "Back to the previous question" };
    let described_by = [question.hint.as_ref().map(|_| hint_id.clone()), show_error.then(|| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");

    html! {
        <div class="pg-page pg-question">
            <BackLink to={back} label={back_label} action={Some(Action::Back)} />
            <div class="pg-error-region" role="alert">
                if show_error {
                    <div class="pg-error-summary">
                        <h2 class="pg-error-summary-title">{ "There is a problem" }</h2>
                        <a class="pg-link" href={format!("#{field_id}-0")} onclick={focus_first_option(field_id.clone())}>{ "Select an answer to continue" }</a>
                    </div>
                }
            </div>
            // The first page starts with the ask box, where a hurried person starts: the question
            // becomes its heading, and the topics follow as the other way in.
            if first {
                <PageHeading text={question.text.to_string()} caption={Some(AttrValue::from(council.short_name.to_string()))} />
                <section class="pg-ask-first pg-if-js" aria-label="Ask in your own words">
                    <AskBox council={props.council} label="Describe it in your own words" browse={here.clone()} />
                </section>
            }
            <form class="pg-form" novalidate=true onsubmit={on_submit}>
                <div class={classes!("pg-form-group", show_error.then_some("pg-form-group-error"))}>
                    <fieldset class="pg-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}>
                        <legend class={classes!("pg-legend", first.then_some("pg-legend-secondary"))}>
                            if first {
                                <h2 class="pg-subheading">{ "Or choose a topic" }</h2>
                            } else {
                                <PageHeading text={question.text.to_string()} caption={Some(AttrValue::from(council.short_name.to_string()))} />
                            }
                        </legend>
                        if let Some(hint) = &question.hint {
                            <p class="pg-hint" id={hint_id.clone()}>{ hint.to_string() }</p>
                        }
                        if show_error {
                            <p class="pg-error-message" id={error_id.clone()}>
                                <span class="pg-visually-hidden">{ "Error: " }</span>{ "Select an answer to continue" }
                            </p>
                        }
                        <div class="pg-radios pg-if-js">
                            { for question.options.iter().enumerate().map(|(index, option)| {
                                let id = format!("{field_id}-{index}");
                                let option_hint_id = format!("{id}-hint");
                                let value = option.next.to_string();
                                let checked = props.selected.as_deref() == Some(value.as_str());
                                let onchange = {
                                    let send = send.clone();
                                    let value = value.clone();
                                    Callback::from(move |_: Event| send(Action::Choose(value.clone())))
                                };
                                html! {
                                    <div class="pg-radio" key={value.clone()}>
                                        <input class="pg-radio-input" type="radio" id={id.clone()} name={field_id.clone()}
                                            value={value} checked={checked} onchange={onchange}
                                            aria-describedby={option.hint.as_ref().map(|_| option_hint_id.clone())} />
                                        <label class="pg-radio-label" for={id}>{ option.label.to_string() }</label>
                                        if let Some(hint) = &option.hint {
                                            <p class="pg-hint pg-radio-hint" id={option_hint_id}>{ hint.to_string() }</p>
                                        }
                                    </div>
                                }
                            }) }
                        </div>
                        // Without script each answer is a link to the page it leads to.
                        if script_free {
                            <ul class="pg-choices pg-if-no-js">
                                { for question.options.iter().map(|option| {
                                    let mut answers = props.answers.clone();
                                    answers.push(option.next.to_string());
                                    let next = Route::Guide { council: council.id.to_string(), answers };
                                    html! {
                                        <li class="pg-choice" key={option.next.to_string()}>
                                            <a class="pg-link pg-choice-link" href={links.href(&next)}>{ option.label.to_string() }</a>
                                            if let Some(hint) = &option.hint {
                                                <p class="pg-hint pg-choice-hint">{ hint.to_string() }</p>
                                            }
                                        </li>
                                    }
                                }) }
                            </ul>
                        }
                    </fieldset>
                </div>
                <button type="submit" class="pg-button pg-if-js">{ "Continue" }</button>
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

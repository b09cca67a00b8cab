use super::answers_summary::step_texts;
use super::ask_page::AskPage;
use super::compare_page::{find_situation, ComparePage};
use super::council_picker::CouncilPicker;
use super::not_found::NotFound;
use super::outcome_page::OutcomePage;
use super::question_page::QuestionPage;
use super::reader::Reader;
use super::{FocusOnNavigate, StartAgain, Static};
use crate::data;
use crate::navigation::{current_hash, set_hash, HashListener, Navigator};
use crate::state::{Action, GuideState};
use protocol_core::engine::replay;
use protocol_core::model::Node;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Keep the route in the page's URL hash. Off for embeds, so several guides can share a page.
    #[prop_or(true)]
    pub sync_url: bool,
    /// Where an embedded guide starts; changing it (an attribute changed) restarts the guide there.
    #[prop_or(Route::Home)]
    pub start: Route,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { sync_url: true, start: Route::Home }
    }
}

/// The widget's root: holds the route (from the URL hash, or in memory) and shows its page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let sync_url = props.sync_url;
    let state = {
        let start = props.start.clone();
        use_reducer(move || GuideState::new(if sync_url { Route::parse(&current_hash()) } else { start }))
    };
    {
        let state = state.clone();
        use_effect_with(sync_url, move |sync_url| {
            let listener = sync_url.then(|| HashListener::new(move |route| state.dispatch(Action::RouteChanged(route))));
            move || drop(listener)
        });
    }
    {
        // New attributes on an embed: start again where they point.
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(props.start.clone(), move |start| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) && !sync_url {
                dispatcher.dispatch(Action::StartAgain);
                dispatcher.dispatch(Action::RouteChanged(start.clone()));
            }
        });
    }
    let navigator = {
        let dispatcher = state.dispatcher();
        Navigator(Callback::from(move |route: Route| {
            // Render at once rather than a task later when the hash change arrives; that event
            // then finds the guide already there.
            if sync_url {
                set_hash(&route);
            }
            dispatcher.dispatch(Action::RouteChanged(route));
        }))
    };
    // In memory mode, the guide's own "#/…" links move the guide instead of the host page.
    let on_click = {
        let navigator = navigator.clone();
        Callback::from(move |event: MouseEvent| {
            if sync_url || event.default_prevented() || event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            let anchor = event.target_dyn_into::<web_sys::Element>().and_then(|target| target.closest("a[href^='#/']").ok().flatten());
            if let Some(href) = anchor.and_then(|a| a.get_attribute("href")) {
                event.prevent_default();
                navigator.go(Route::parse(&href));
            }
        })
    };
    let start_again = {
        let dispatcher = state.dispatcher();
        StartAgain(Callback::from(move |_| dispatcher.dispatch(Action::StartAgain)))
    };
    html! {
        <ContextProvider<Navigator> context={navigator}>
        <ContextProvider<StartAgain> context={start_again}>
        <ContextProvider<FocusOnNavigate> context={FocusOnNavigate(state.has_navigated)}>
            <div class="pg" onclick={on_click}>{ view(&state) }</div>
        </ContextProvider<FocusOnNavigate>>
        </ContextProvider<StartAgain>>
        </ContextProvider<Navigator>>
    }
}

fn unknown_council(id: &str) -> Html {
    let known: Vec<&str> = data::councils().iter().map(|c| c.name.as_ref()).collect();
    let reason = format!("There is no council called \u{201C}{id}\u{201D} in this guide. It covers: {}.", known.join(", "));
    html! { <NotFound reason={reason} back_label="See the councils this guide covers" /> }
}

fn view(state: &GuideState) -> Html {
    #[cfg(test_fixtures)]
    if matches!(&state.route, Route::Reader { council, .. } if council == "panic-trigger") {
        panic!("deliberate panic for the failure-message test");
    }
    match &state.route {
        Route::Home => html! { <CouncilPicker /> },
        Route::NotFound { reason } => html! { <NotFound reason={reason.clone()} /> },
        Route::Reader { council, clause } => {
            let Some(council) = data::council(council) else { return unknown_council(council) };
            if let Some(clause) = clause {
                if council.clause(clause).is_none() {
                    let reason = format!("{}\u{2019}s protocol has no clause \u{201C}{clause}\u{201D}.", council.short_name);
                    let back_to = Route::Reader { council: council.id.to_string(), clause: None };
                    return html! { <NotFound reason={reason} back_to={back_to} back_label={format!("Read {}\u{2019}s protocol", council.short_name)} /> };
                }
            }
            html! { <Reader council={Static(council)} target={clause.clone().map(AttrValue::from)} /> }
        }
        Route::Ask { council } => {
            let Some(council) = data::council(council) else { return unknown_council(council) };
            html! { <AskPage council={Static(council)} /> }
        }
        Route::Compare { council, situation } => {
            let Some(council) = data::council(council) else { return unknown_council(council) };
            match find_situation(situation) {
                Some((topic, found)) => html! { <ComparePage council={Static(council)} topic={Static(topic)} situation={Static(found)} /> },
                None => {
                    let back_to = Route::Guide { council: council.id.to_string(), answers: vec![] };
                    let reason = format!("The guide has no question \u{201C}{situation}\u{201D} to compare.");
                    html! { <NotFound reason={reason} back_to={back_to} back_label="Go to the guide" /> }
                }
            }
        }
        Route::Guide { council, answers } => {
            let Some(council) = data::council(council) else { return unknown_council(council) };
            match replay(council, answers) {
                Err(error) => {
                    let back_to = Route::Guide { council: council.id.to_string(), answers: vec![] };
                    let reason = format!("This link to {}\u{2019}s guide does not fit its questions: {error}.", council.short_name);
                    html! { <NotFound reason={reason} back_to={back_to} back_label="Start the guide again" /> }
                }
                Ok(walk) => match walk.current {
                    Node::Question(question) => html! {
                        <QuestionPage council={Static(council)} question={Static(question)}
                            answers={answers.clone()} remembered={state.remembered_answers.clone()} />
                    },
                    Node::Outcome(outcome) => html! {
                        <OutcomePage council={Static(council)} outcome={Static(outcome)}
                            steps={step_texts(&walk.steps)} answers={answers.clone()} />
                    },
                },
            }
        }
    }
}

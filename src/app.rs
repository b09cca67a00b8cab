//! The widget's root: holds the state (from the URL hash, or in memory for embeds), hands pages
//! the reducer's dispatcher, and shows the page for the route.

use crate::components::answers_summary::step_texts;
use crate::components::coverage::sentence_start;
use crate::components::{DataRef, Dispatch, FocusOnNavigate, Links, ScriptFreeParts};
use crate::data;
use crate::navigation::{current_hash, is_guide_link, route_in_path, show_in_path, show_in_url, UrlListener};
use crate::pages::ask::AskPage;
use crate::pages::compare::ComparePage;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::outcome::OutcomePage;
use crate::pages::question::QuestionPage;
use crate::pages::reader::Reader;
use crate::state::{Action, GuideState};
use protocol_core::engine::replay;
use protocol_core::model::{find_situation, Node};
use protocol_core::route::Route;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the guide keeps its route.
#[derive(Clone, PartialEq, Debug)]
pub enum UrlMode {
    /// In memory: an embed, so several guides can share a page.
    Memory,
    /// In the page's `#/…` hash: an embed with `sync-url`.
    Hash,
    /// In the path, below `root` (an absolute URL ending in `/`): the static site, where every
    /// route is a page of its own and the guide takes over the page it finds.
    Path { root: AttrValue },
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub url: UrlMode,
    /// Where the guide starts (in memory, or the static page's own route); changing it (an
    /// embed's attribute changed) restarts the guide there.
    pub start: Route,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { url: UrlMode::Hash, start: Route::Home }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let url = props.url.clone();
    let state = {
        let start = props.start.clone();
        let url = url.clone();
        use_reducer(move || {
            GuideState::new(match url {
                UrlMode::Hash => Route::parse(&current_hash()),
                UrlMode::Memory | UrlMode::Path { .. } => start,
            })
        })
    };
    // The routes the guide has written into the URL hash and the browser has not yet announced.
    // Each write brings one `hashchange` later; on a slow device several can be pending, and one
    // that arrives after a later action (a quick Start again) must not undo it.
    let pending = use_mut_ref(PendingWrites::default);
    {
        let dispatcher = state.dispatcher();
        let pending = pending.clone();
        use_effect_with(url.clone(), move |url| {
            let listener = match url.clone() {
                UrlMode::Memory => None,
                UrlMode::Hash => Some(UrlListener::new(&["hashchange"], move || {
                    let route = Route::parse(&current_hash());
                    if !pending.borrow_mut().is_echo(&route) {
                        dispatcher.dispatch(Action::Go(route));
                    }
                })),
                // The page's own route is its address; an address that means another route (an
                // old `#/…` link) is followed once the guide is on the page (`mount::mount_page`).
                UrlMode::Path { root } => Some(UrlListener::new(&["popstate", "hashchange"], move || {
                    dispatcher.dispatch(Action::Go(route_in_path(&root)));
                })),
            };
            move || drop(listener)
        });
    }
    {
        // The URL follows the state, so every action that moves the guide updates it in one place.
        // A static page's first render is already at its address.
        let url = url.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.route.clone(), move |route| match &url {
            UrlMode::Path { .. } if std::mem::replace(&mut *first.borrow_mut(), false) => {}
            UrlMode::Hash => {
                if show_in_url(route) {
                    pending.borrow_mut().wrote(route.clone());
                }
            }
            UrlMode::Path { root } => show_in_path(root, route, &data::page_meta(route).title),
            UrlMode::Memory => {}
        });
    }
    {
        // New attributes on an embed, or a static page's address meaning another route: go there.
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        let follows_start = url != UrlMode::Hash;
        use_effect_with(props.start.clone(), move |start| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) && follows_start {
                dispatcher.dispatch(Action::Go(start.clone()));
            }
        });
    }
    let dispatch = Dispatch(state.dispatcher());
    // The guide's own links move the guide instead of loading a page: in memory, its "#/…"
    // links; on the static site, links to its own pages (each also a real page without script).
    let on_click = {
        let dispatch = dispatch.clone();
        let url = url.clone();
        Callback::from(move |event: MouseEvent| {
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let anchor =
                event.target_dyn_into::<web_sys::Element>().and_then(|target| target.closest("a[href]").ok().flatten());
            let Some(anchor) = anchor else { return };
            let route = match &url {
                UrlMode::Hash => None,
                UrlMode::Memory => {
                    anchor.get_attribute("href").filter(|href| href.starts_with("#/")).map(|href| Route::parse(&href))
                }
                UrlMode::Path { root } => anchor
                    .dyn_into::<web_sys::HtmlAnchorElement>()
                    .ok()
                    .and_then(|anchor| is_guide_link(root, &anchor.href()))
                    .filter(|route| route.council().is_none_or(|id| data::council(id).is_some())),
            };
            if let Some(route) = route {
                event.prevent_default();
                dispatch.send(Action::Go(route));
            }
        })
    };
    let (links, script_free) = match url {
        UrlMode::Path { .. } => (Links::on_page(&state.route), ScriptFreeParts(!state.has_navigated)),
        UrlMode::Memory | UrlMode::Hash => (Links::Hash, ScriptFreeParts(false)),
    };
    html! {
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Links> context={links}>
        <ContextProvider<FocusOnNavigate> context={FocusOnNavigate(state.has_navigated)}>
        <ContextProvider<ScriptFreeParts> context={script_free}>
            <div class="pg" onclick={on_click}>{ page(&state) }</div>
        </ContextProvider<ScriptFreeParts>>
        </ContextProvider<FocusOnNavigate>>
        </ContextProvider<Links>>
        </ContextProvider<Dispatch>>
    }
}

/// The guide's own writes to the URL hash that the browser has yet to announce.
#[derive(Default)]
struct PendingWrites {
    count: usize,
    last: Option<Route>,
}

impl PendingWrites {
    fn wrote(&mut self, route: Route) {
        self.count += 1;
        self.last = Some(route);
    }

    /// Whether a `hashchange` that finds `route` in the URL is the browser announcing one of the
    /// guide's own writes. The URL always holds the latest write, so while writes are pending an
    /// announcement of it changes nothing; anything else (Back, Forward, an edited URL) is real.
    fn is_echo(&mut self, route: &Route) -> bool {
        if self.count == 0 {
            return false;
        }
        self.count -= 1;
        self.last.as_ref() == Some(route)
    }
}

fn unknown_council(id: &str) -> Html {
    let known: Vec<&str> = data::councils().iter().map(|c| c.name.as_ref()).collect();
    // A pasted or typed id can be anything: show enough of it to recognise.
    let shown: String = id.chars().take(40).collect();
    let more = if id.chars().count() > 40 { "\u{2026}" } else { "" };
    let reason = format!(
        "There is no council called \u{201C}{shown}{more}\u{201D} in this guide. It covers: {}.",
        known.join(", ")
    );
    html! { <NotFound reason={reason} back_label="See the councils this guide covers" /> }
}

/// The page for the state's route.
fn page(state: &GuideState) -> Html {
    let council_of = |id: &str| data::council(id).ok_or_else(|| unknown_council(id));
    let page = match &state.route {
        Route::Home => Ok(html! { <Home /> }),
        Route::NotFound { reason } => Ok(html! { <NotFound reason={reason.clone()} /> }),
        Route::Reader { council, clause } => council_of(council).map(|council| match clause {
            Some(clause) if council.clause(clause).is_none() => {
                let reason = format!("{} has no clause \u{201C}{clause}\u{201D}.", sentence_start(&council.protocol_name()));
                let back_to = Route::Reader { council: council.id.to_string(), clause: None };
                html! { <NotFound reason={reason} back_to={back_to} back_label={format!("Read {}", council.protocol_name())} /> }
            }
            _ => html! { <Reader council={DataRef(council)} target={clause.clone().map(AttrValue::from)} /> },
        }),
        Route::Ask { council } => council_of(council).map(|council| html! { <AskPage council={DataRef(council)} /> }),
        Route::Compare { council, situation } => council_of(council).map(|council| match find_situation(data::topics(), situation) {
            Some((topic, found)) => html! { <ComparePage council={DataRef(council)} topic={DataRef(topic)} situation={DataRef(found)} /> },
            None => {
                let back_to = Route::Guide { council: council.id.to_string(), answers: vec![] };
                let reason = format!("The guide has no question \u{201C}{situation}\u{201D} to compare.");
                html! { <NotFound reason={reason} back_to={back_to} back_label="Go to the guide" /> }
            }
        }),
        Route::Guide { council, answers } => council_of(council).map(|council| match replay(council, answers) {
            Err(error) => {
                let back_to = Route::Guide { council: council.id.to_string(), answers: vec![] };
                let reason = format!("This link to {} does not fit its questions: {error}.", council.guide_name());
                html! { <NotFound reason={reason} back_to={back_to} back_label="Start the guide again" /> }
            }
            Ok(walk) => match walk.current {
                // Keyed by step, so each step is a new page to Yew and keeps nothing of the last.
                Node::Question(question) => html! {
                    <QuestionPage key={format!("{}/{}", answers.len(), question.id)} council={DataRef(council)} question={DataRef(question)}
                        answers={answers.clone()} selected={state.selected().map(|s| AttrValue::from(s.to_string()))}
                        show_error={state.show_error} />
                },
                Node::Outcome(outcome) => html! {
                    <OutcomePage key={outcome.id.to_string()} council={DataRef(council)} outcome={DataRef(outcome)}
                        steps={step_texts(&walk.steps)} answers={answers.clone()} />
                },
            },
        }),
    };
    page.unwrap_or_else(|not_found| not_found)
}

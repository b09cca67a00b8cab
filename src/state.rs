//! Reducer-style state. The route (from the URL hash) is the whole state; answers beyond the
//! current step are remembered so that Back and Change keep earlier choices selected.

use protocol_core::route::Route;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct GuideState {
    pub route: Route,
    /// The longest run of answers given in this walk; the current answers are a prefix of it.
    pub remembered_answers: Vec<String>,
    /// False until the first navigation: the first render must not steal focus from the host page.
    pub has_navigated: bool,
}

pub enum Action {
    RouteChanged(Route),
    /// Forget earlier answers, so a new walk does not skip ahead to an old outcome.
    StartAgain,
}

impl GuideState {
    pub fn new(route: Route) -> Self {
        let remembered_answers = match &route {
            Route::Guide { answers, .. } => answers.clone(),
            _ => Vec::new(),
        };
        GuideState { route, remembered_answers, has_navigated: false }
    }

    /// The answer previously given at step `index` of the current walk, if any.
    pub fn remembered_answer(&self, index: usize) -> Option<&str> {
        self.remembered_answers.get(index).map(String::as_str)
    }
}

impl Reducible for GuideState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::StartAgain => Rc::new(GuideState { remembered_answers: Vec::new(), ..(*self).clone() }),
            // Already there (the hash change that follows a navigation the guide made itself):
            // the same state, so nothing renders twice.
            Action::RouteChanged(route) if self.has_navigated && route == self.route => self,
            Action::RouteChanged(route) => {
                let remembered_answers = match (&route, &self.route) {
                    (Route::Guide { council, answers }, Route::Guide { council: previous, .. }) if council == previous => {
                        if self.remembered_answers.starts_with(answers) {
                            self.remembered_answers.clone()
                        } else {
                            answers.clone()
                        }
                    }
                    (Route::Guide { answers, .. }, _) => answers.clone(),
                    _ => Vec::new(),
                };
                Rc::new(GuideState { route, remembered_answers, has_navigated: true })
            }
        }
    }
}

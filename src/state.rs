//! The reducer: every transition a person makes is an `Action` handled here, in the manner of
//! Yew's `function_todomvc`. The route is the whole state a link can carry; the rest (answers
//! remembered past the current step, a choice not yet submitted) lives only in this walk.

use crate::data;
use protocol_core::engine::change_answer;
use protocol_core::route::Route;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct GuideState {
    pub route: Route,
    /// The longest run of answers given in this walk; the current answers are a prefix of it,
    /// so Back and Change keep later choices selected.
    pub remembered_answers: Vec<String>,
    /// The option picked on the current question and not yet submitted.
    pub choice: Option<String>,
    /// Continue was pressed with nothing picked.
    pub show_error: bool,
    /// False until the first navigation: the first render must not steal focus from the host page.
    pub has_navigated: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A link, the address bar, the browser's Back button, or new embed attributes.
    Go(Route),
    /// An option picked on the current question.
    Choose(String),
    /// Continue on the current question: on to the next step, or an error if nothing is picked.
    Continue,
    /// Back to the previous question (from the first one, to the protocol).
    Back,
    /// Back to the question at `step`, keeping the later answers that still fit.
    ChangeAnswer(usize),
    /// Forget every answer and start the guide from its first question.
    StartAgain,
}

impl GuideState {
    pub fn new(route: Route) -> Self {
        let remembered_answers = match &route {
            Route::Guide { answers, .. } => answers.clone(),
            _ => Vec::new(),
        };
        GuideState { route, remembered_answers, choice: None, show_error: false, has_navigated: false }
    }

    /// The option to show selected on the current question: picked now, or answered before.
    pub fn selected(&self) -> Option<&str> {
        let Route::Guide { answers, .. } = &self.route else { return None };
        self.choice.as_deref().or_else(|| self.remembered_answers.get(answers.len()).map(String::as_str))
    }

    fn go(&self, route: Route) -> GuideState {
        let remembered_answers = match (&route, &self.route) {
            (Route::Guide { council, answers }, Route::Guide { council: previous, .. })
                if council == previous && self.remembered_answers.starts_with(answers) =>
            {
                self.remembered_answers.clone()
            }
            (Route::Guide { answers, .. }, _) => answers.clone(),
            _ => Vec::new(),
        };
        GuideState { route, remembered_answers, choice: None, show_error: false, has_navigated: true }
    }

    fn next(&self) -> Option<GuideState> {
        let Route::Guide { council: id, answers } = &self.route else { return None };
        let Some(answer) = self.selected() else {
            return Some(GuideState { show_error: true, ..self.clone() });
        };
        let council = data::council(id)?;
        let base = if self.remembered_answers.starts_with(answers) { &self.remembered_answers } else { answers };
        // A changed answer keeps only the later answers that still fit; `go` then remembers them.
        let next = change_answer(council, base, answers.len(), answer);
        Some(self.go(Route::Guide { council: id.clone(), answers: next }))
    }
}

/// Where "Back" goes from a route of the guide.
pub fn back_route(route: &Route) -> Option<Route> {
    match route {
        Route::Guide { council, answers } if answers.is_empty() => {
            Some(Route::Reader { council: council.clone(), clause: None })
        }
        Route::Guide { council, answers } => {
            Some(Route::Guide { council: council.clone(), answers: answers[..answers.len() - 1].to_vec() })
        }
        _ => None,
    }
}

impl Reducible for GuideState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            // Already there (the hash change that echoes a step the guide made itself): the
            // same state, so nothing renders twice.
            Action::Go(route) if self.has_navigated && route == self.route => return self,
            Action::Go(route) => Some(self.go(route)),
            Action::Choose(answer) => Some(GuideState { choice: Some(answer), show_error: false, ..(*self).clone() }),
            Action::Continue => self.next(),
            Action::Back => back_route(&self.route).map(|route| self.go(route)),
            Action::ChangeAnswer(step) => match &self.route {
                Route::Guide { council, answers } if step < answers.len() => {
                    Some(self.go(Route::Guide { council: council.clone(), answers: answers[..step].to_vec() }))
                }
                _ => None,
            },
            Action::StartAgain => match &self.route {
                Route::Guide { council, .. }
                | Route::Reader { council, .. }
                | Route::Ask { council }
                | Route::Compare { council, .. } => {
                    let mut state = self.go(Route::Guide { council: council.clone(), answers: Vec::new() });
                    state.remembered_answers.clear();
                    Some(state)
                }
                _ => None,
            },
        };
        next.map_or(self, Rc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(answers: &[&str]) -> Route {
        Route::Guide { council: "crawley".into(), answers: answers.iter().map(|a| a.to_string()).collect() }
    }

    fn at(route: Route) -> Rc<GuideState> {
        Rc::new(GuideState::new(Route::Home)).reduce(Action::Go(route))
    }

    #[test]
    fn arriving_where_the_guide_already_is_keeps_the_same_state() {
        let state = at(walk(&["complaints"]));
        // The hash change that echoes the guide's own step must not render the page again.
        let again = state.clone().reduce(Action::Go(walk(&["complaints"])));
        assert!(Rc::ptr_eq(&state, &again));
        let next = state.clone().reduce(Action::Go(walk(&["complaints", "x"])));
        assert!(!Rc::ptr_eq(&state, &next));
        assert_eq!(next.remembered_answers, ["complaints", "x"]);
        let back = next.reduce(Action::Go(walk(&["complaints"])));
        assert_eq!(back.remembered_answers, ["complaints", "x"], "a step back remembers the later answer");
    }

    #[test]
    fn continuing_with_nothing_chosen_shows_the_error_and_stays() {
        let state = at(walk(&[])).reduce(Action::Continue);
        assert!(state.show_error);
        assert_eq!(state.route, walk(&[]));
        let chosen = state.reduce(Action::Choose("complaints".into()));
        assert!(!chosen.show_error, "choosing clears the error");
    }

    #[test]
    fn choosing_then_continuing_moves_on_and_back_keeps_the_choice() {
        let state = at(walk(&[])).reduce(Action::Choose("complaints".into())).reduce(Action::Continue);
        assert_eq!(state.route, walk(&["complaints"]));
        assert_eq!(state.choice, None, "a new step starts with nothing picked");
        let back = state.reduce(Action::Back);
        assert_eq!(back.route, walk(&[]));
        assert_eq!(back.selected(), Some("complaints"));
        let reader = back.reduce(Action::Back);
        assert_eq!(reader.route, Route::Reader { council: "crawley".into(), clause: None });
    }

    #[test]
    fn changing_an_answer_keeps_later_answers_that_still_fit_and_drops_the_rest() {
        let full = ["complaints", "complaints.councillor-about-officer"];
        let state = at(walk(&full)).reduce(Action::ChangeAnswer(0));
        assert_eq!(state.route, walk(&[]));
        assert_eq!(state.selected(), Some("complaints"));
        // The same topic again: the later answers still fit, so the walk returns to where it was.
        let same = state.clone().reduce(Action::Continue);
        assert_eq!(same.route, walk(&full));
        // Another topic: the old situation no longer fits and is forgotten.
        let other = state.reduce(Action::Choose("media".into())).reduce(Action::Continue);
        assert_eq!(other.route, walk(&["media"]));
        assert_eq!(other.remembered_answers, ["media"]);
        assert_eq!(other.selected(), None);
    }

    #[test]
    fn a_choice_never_submitted_is_not_kept() {
        let state =
            at(walk(&["complaints"])).reduce(Action::Choose("complaints.public-criticism".into())).reduce(Action::Back);
        let again = state.reduce(Action::Continue);
        assert_eq!(again.route, walk(&["complaints"]));
        assert_eq!(again.selected(), None);
    }

    #[test]
    fn starting_again_forgets_every_answer() {
        let state = at(walk(&["complaints", "complaints.councillor-about-officer"])).reduce(Action::StartAgain);
        assert_eq!(state.route, walk(&[]));
        assert!(state.remembered_answers.is_empty());
        assert_eq!(state.selected(), None);
    }

    #[test]
    fn actions_that_do_not_apply_change_nothing() {
        let home = Rc::new(GuideState::new(Route::Home));
        for action in [Action::Continue, Action::Back, Action::ChangeAnswer(3), Action::StartAgain] {
            assert!(Rc::ptr_eq(&home, &home.clone().reduce(action.clone())), "{action:?}");
        }
    }
}

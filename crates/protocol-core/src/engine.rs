//! The walk: answers are replayed from the start to derive where a person is, so that a URL
//! holding the answers is the whole state.

use crate::model::{Choice, Council, Coverage, CoverageLevel, Node, Outcome, Question};
use std::collections::{HashMap, VecDeque};

/// One answered question.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'c> {
    pub question: &'c Question,
    pub choice: &'c Choice,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Walk<'c> {
    pub steps: Vec<Step<'c>>,
    pub current: &'c Node,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WalkError {
    /// An answer that is not an option of the question it answers (a mangled or stale link).
    NotAnOption { position: usize, answer: String, question: String },
    /// More answers than questions: the walk had already reached an outcome.
    PastOutcome { position: usize, outcome: String },
    /// The flow itself is broken; validated data never produces this.
    MissingNode(String),
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkError::NotAnOption { position, answer, question } => {
                write!(f, "answer {} (\"{answer}\") is not an option of question \"{question}\"", position + 1)
            }
            WalkError::PastOutcome { position, outcome } => {
                write!(f, "answer {} comes after the guide already reached \"{outcome}\"", position + 1)
            }
            WalkError::MissingNode(id) => write!(f, "the guide has no step \"{id}\""),
        }
    }
}

impl<'c> Walk<'c> {
    pub fn question(&self) -> Option<&'c Question> {
        match self.current {
            Node::Question(question) => Some(question),
            Node::Outcome(_) => None,
        }
    }

    pub fn outcome(&self) -> Option<&'c Outcome> {
        match self.current {
            Node::Outcome(outcome) => Some(outcome),
            Node::Question(_) => None,
        }
    }

    pub fn answers(&self) -> Vec<&'c str> {
        self.steps.iter().map(|step| step.choice.next.as_ref()).collect()
    }
}

/// Replays `answers` (each the id of the node the chosen option leads to) from the start.
pub fn replay<'c, S: AsRef<str>>(council: &'c Council, answers: &[S]) -> Result<Walk<'c>, WalkError> {
    let flow = &council.flow;
    let mut current = flow.node(&flow.start).ok_or_else(|| WalkError::MissingNode(flow.start.to_string()))?;
    let mut steps = Vec::with_capacity(answers.len());
    for (position, answer) in answers.iter().enumerate() {
        let answer = answer.as_ref();
        let question = match current {
            Node::Question(question) => question,
            Node::Outcome(outcome) => return Err(WalkError::PastOutcome { position, outcome: outcome.id.to_string() }),
        };
        let choice = question.options.iter().find(|choice| choice.next == answer).ok_or_else(|| {
            WalkError::NotAnOption { position, answer: answer.to_string(), question: question.text.to_string() }
        })?;
        current = flow.node(&choice.next).ok_or_else(|| WalkError::MissingNode(choice.next.to_string()))?;
        steps.push(Step { question, choice });
    }
    Ok(Walk { steps, current })
}

/// Changes the answer at `index` and keeps the later answers that still fit, so the guide asks
/// only the questions the change makes relevant.
pub fn change_answer<S: AsRef<str>>(council: &Council, answers: &[S], index: usize, new_answer: &str) -> Vec<String> {
    let mut kept: Vec<String> = answers.iter().take(index).map(|a| a.as_ref().to_string()).collect();
    kept.push(new_answer.to_string());
    for later in answers.iter().skip(index + 1) {
        let mut candidate = kept.clone();
        candidate.push(later.as_ref().to_string());
        if replay(council, &candidate).is_ok() {
            kept = candidate;
        } else {
            break;
        }
    }
    kept
}

/// The shortest list of answers that reaches `node_id`, for links straight to an outcome.
pub fn answers_to(council: &Council, node_id: &str) -> Option<Vec<String>> {
    let flow = &council.flow;
    let mut came_from: HashMap<&str, &str> = HashMap::new();
    let mut queue = VecDeque::from([flow.start.as_ref()]);
    while let Some(id) = queue.pop_front() {
        if id == node_id {
            let mut path = Vec::new();
            let mut at = id;
            while at != flow.start.as_ref() {
                path.push(at.to_string());
                at = came_from[at];
            }
            path.reverse();
            return Some(path);
        }
        if let Some(Node::Question(question)) = flow.node(id) {
            for choice in question.options.iter() {
                if !came_from.contains_key(choice.next.as_ref()) && choice.next != flow.start {
                    came_from.insert(&choice.next, id);
                    queue.push_back(&choice.next);
                }
            }
        }
    }
    None
}

/// The questions that lead to each outcome citing a clause, for "Questions that rely on this clause".
pub fn outcomes_citing<'c>(council: &'c Council, clause_id: &str) -> Vec<&'c Outcome> {
    council.flow.outcomes().filter(|outcome| outcome.cites.iter().any(|cite| cite.clause == clause_id)).collect()
}

/// Every outcome reachable from a node, each with the option labels chosen on the way.
pub fn outcomes_under<'c>(council: &'c Council, node_id: &str) -> Vec<(Vec<&'c str>, &'c Outcome)> {
    let mut found = Vec::new();
    let mut stack: Vec<(Vec<&'c str>, &'c Node)> =
        council.flow.node(node_id).map(|node| (Vec::new(), node)).into_iter().collect();
    while let Some((labels, node)) = stack.pop() {
        match node {
            Node::Outcome(outcome) => found.push((labels, outcome)),
            Node::Question(question) => {
                for choice in question.options.iter().rev() {
                    if let Some(next) = council.flow.node(&choice.next) {
                        let mut path = labels.clone();
                        path.push(choice.label.as_ref());
                        stack.push((path, next));
                    }
                }
            }
        }
    }
    found
}

/// How much the council's protocol says about a situation: the most that any branch under it covers.
pub fn coverage_of(council: &Council, situation_node: &str) -> CoverageLevel {
    Coverage::best(outcomes_under(council, situation_node).iter().map(|(_, outcome)| &outcome.coverage))
}

//! Builds a council's full flow from the shared topic catalogue and the council's own nodes,
//! works out each outcome's topic and situation, and checks the guide's structure and grounding.
//! Pure: the loader maps the problems back to file positions.

use crate::model::{Choice, Council, Coverage, Flow, Node, Outcome, Question, Topic};
use crate::text::contains_words;
use std::collections::{HashMap, HashSet};

pub const START: &str = "start";

/// Phrases that narrate coverage in a guidance line. Coverage is stated by the `coverage` field
/// and its `gap`, never in guidance prose, so a page can never say "says nothing" while quoting.
pub const COVERAGE_NARRATION: &[&str] = &[
    "says only",
    "says nothing",
    "say nothing",
    "does not cover",
    "doesn't cover",
    "not covered",
    "the nearest it comes",
    "the nearest the protocol comes",
    "nearest thing",
    "is silent",
    "are silent",
    "does not say",
    "doesn't say",
    "does not address",
];

/// The narration phrase a guidance line uses, if any.
pub fn narrates_coverage(line: &str) -> Option<&'static str> {
    let lower = line.to_ascii_lowercase().replace('\u{2019}', "'");
    COVERAGE_NARRATION.iter().copied().find(|phrase| lower.contains(phrase))
}

/// The two generated layers every council shares: topics, then situations.
pub fn catalogue_nodes(topics: &[Topic]) -> Vec<Node> {
    let label_of: HashMap<&str, &str> =
        topics.iter().flat_map(|topic| topic.situations.iter()).map(|s| (s.id.as_ref(), s.label.as_ref())).collect();
    let mut nodes = vec![Node::Question(Question {
        id: START.into(),
        text: "What is your question about?".into(),
        hint: None,
        options: topics
            .iter()
            .map(|topic| Choice {
                label: topic.title.clone(),
                hint: Some(topic.summary.clone()),
                next: topic.id.clone(),
            })
            .collect(),
    })];
    nodes.extend(topics.iter().map(|topic| {
        let own = topic.situations.iter().map(|situation| Choice {
            label: situation.label.clone(),
            hint: None,
            next: situation.id.clone(),
        });
        let borrowed = topic.see_also.iter().map(|id| Choice {
            label: label_of.get(id.as_ref()).copied().unwrap_or(id.as_ref()).to_string().into(),
            hint: None,
            next: id.clone(),
        });
        Node::Question(Question {
            id: topic.id.clone(),
            text: "Which of these is closest to your question?".into(),
            hint: Some(topic.summary.clone()),
            options: own.chain(borrowed).collect(),
        })
    }));
    nodes
}

/// Sets each outcome's topic and situation: the first of the catalogue's situations, in order,
/// whose branch reaches it without passing through another situation's own node. An outcome or
/// question that answers a situation directly stays that situation's even when another
/// situation's question also leads to it (Leighton-Linslade's committee papers, offered again
/// under "need to know").
pub fn place_outcomes(nodes: &mut [Node], topics: &[Topic]) {
    let index: HashMap<String, usize> =
        nodes.iter().enumerate().map(|(at, node)| (node.id().to_string(), at)).collect();
    let situation_nodes: HashSet<&str> =
        topics.iter().flat_map(|topic| topic.situations.iter().map(|situation| situation.id.as_ref())).collect();
    let mut placed: HashMap<usize, (String, String)> = HashMap::new();
    for topic in topics {
        for situation in &topic.situations {
            let mut stack = vec![situation.id.to_string()];
            let mut seen = HashSet::new();
            while let Some(id) = stack.pop() {
                let Some(&at) = index.get(&id) else { continue };
                if !seen.insert(at) {
                    continue;
                }
                placed.entry(at).or_insert_with(|| (topic.id.to_string(), situation.id.to_string()));
                if let Node::Question(question) = &nodes[at] {
                    let onward = question.options.iter().map(|choice| choice.next.to_string());
                    stack.extend(onward.filter(|next| !situation_nodes.contains(next.as_str())));
                }
            }
        }
    }
    for (at, (topic, situation)) in placed {
        if let Node::Outcome(outcome) = &mut nodes[at] {
            outcome.topic = topic.into();
            outcome.situation = situation.into();
        }
    }
}

/// A structural problem with one node of a flow.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowProblem {
    pub node: String,
    pub message: String,
}

fn problem(node: &str, message: String) -> FlowProblem {
    FlowProblem { node: node.to_string(), message }
}

/// Every check the build makes on a council's guide.
pub fn check_flow(council: &Council, topics: &[Topic]) -> Vec<FlowProblem> {
    let flow = &council.flow;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for node in flow.nodes().iter() {
        if !seen.insert(node.id()) {
            problems.push(problem(node.id(), format!("node id `{}` is used more than once", node.id())));
        }
    }
    let situation_ids: HashSet<&str> = topics.iter().flat_map(|t| t.situations.iter()).map(|s| s.id.as_ref()).collect();
    for topic in topics {
        let missing: Vec<&str> = topic
            .situations
            .iter()
            .map(|situation| situation.id.as_ref())
            .filter(|id| flow.node(id).is_none())
            .collect();
        if !missing.is_empty() {
            problems.push(problem(
                missing[0],
                format!(
                    "topic `{}` has situations with no node: {} (give each a question or an outcome, with `coverage = \"none\"` where the protocol is silent)",
                    topic.id,
                    missing.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    for question in flow.questions() {
        if question.options.len() < 2 {
            problems.push(problem(&question.id, format!("question `{}` needs at least two options", question.id)));
        }
        let mut targets = HashSet::new();
        for choice in question.options.iter() {
            // A missing situation node is reported once, with its topic, above.
            if flow.node(&choice.next).is_none() && !situation_ids.contains(choice.next.as_ref()) {
                problems.push(problem(
                    &question.id,
                    format!(
                        "option \"{}\" of question `{}` leads nowhere: no node `{}`",
                        choice.label, question.id, choice.next
                    ),
                ));
            }
            if !targets.insert(choice.next.as_ref()) {
                problems.push(problem(
                    &question.id,
                    format!("two options of question `{}` lead to the same node `{}`", question.id, choice.next),
                ));
            }
        }
    }
    problems.extend(check_reachability_and_cycles(flow));
    for outcome in flow.outcomes() {
        problems.extend(check_outcome(council, outcome));
    }
    problems
}

/// Coverage, contact, quotes and the link between guidance lines and cites, for one outcome.
fn check_outcome(council: &Council, outcome: &Outcome) -> Vec<FlowProblem> {
    let mut problems = Vec::new();
    let mut say = |message: String| problems.push(problem(&outcome.id, format!("outcome `{}`: {message}", outcome.id)));
    match &outcome.coverage {
        Coverage::Full | Coverage::Partial { .. } => {
            if outcome.cites.is_empty() {
                say(format!("coverage is \"{}\" but it cites no clause", outcome.coverage.as_str()));
            }
            if outcome.guidance.is_empty() {
                say(format!("coverage is \"{}\" but it has no guidance", outcome.coverage.as_str()));
            }
        }
        Coverage::None { related } => {
            if !outcome.guidance.is_empty() || !outcome.cites.is_empty() {
                say("coverage is \"none\", so it has no guidance or cites; list clauses that bear on it as `related`, or make it \"partial\" with a `gap`".into());
            }
            for clause in related {
                if council.clause(clause).is_none() {
                    say(format!("related clause {clause} does not exist"));
                }
            }
        }
    }
    if let Some(contact) = &outcome.contact {
        if !council.roles.contains(&contact.role) {
            say(format!("contact \"{}\" is not one of the council's roles", contact.role));
        }
        let sends_there = outcome.cites.iter().any(|cite| {
            cite.clause == contact.clause && contains_words(&cite.quote.to_lowercase(), &contact.role.to_lowercase())
        });
        if !sends_there {
            say(format!(
                "contact \"{}\" must rest on a quote from clause {} that names that role; none of this outcome's quotes from clause {} does",
                contact.role, contact.clause, contact.clause
            ));
        }
    }
    for cite in outcome.cites.iter() {
        match council.clause(&cite.clause) {
            None => say(format!("cites clause {}, which does not exist", cite.clause)),
            Some(clause) if !contains_words(&clause.plain_text(), &cite.quote) => {
                say(format!("quote is not in clause {}: \"{}\"", cite.clause, cite.quote))
            }
            // The guide highlights a quote inside one paragraph or list item.
            Some(clause) if !clause.pieces().any(|piece| contains_words(piece, &cite.quote)) => say(format!(
                "quote from clause {} runs across paragraphs or list items; quote within one: \"{}\"",
                cite.clause, cite.quote
            )),
            Some(_) => {}
        }
    }
    for line in outcome.guidance.iter() {
        for clause in line.clauses.iter() {
            if !outcome.cites.iter().any(|cite| &cite.clause == clause) {
                say(format!("guidance cites [{clause}] but no quote from clause {clause} is given"));
            }
        }
    }
    for cite in outcome.cites.iter() {
        if !outcome.guidance.iter().any(|line| line.clauses.contains(&cite.clause)) {
            say(format!("clause {} is quoted but no guidance line rests on it", cite.clause));
        }
    }
    problems
}

/// Clauses that no outcome cites, the interpreter's aside, and that are not marked background.
pub fn uncited_clauses(council: &Council) -> Vec<&str> {
    let cited: HashSet<&str> = council
        .flow
        .outcomes()
        .flat_map(|outcome| outcome.cites.iter().map(|cite| cite.clause.as_ref()))
        .chain(council.interpreter.as_ref().map(|i| i.cite.clause.as_ref()))
        .collect();
    council
        .clauses
        .iter()
        .filter(|clause| !clause.background && !cited.contains(clause.id.as_ref()))
        .map(|c| c.id.as_ref())
        .collect()
}

fn check_reachability_and_cycles(flow: &Flow) -> Vec<FlowProblem> {
    let mut problems = Vec::new();
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    // Iterative depth-first search: an edge back to a node still being visited is a cycle.
    let mut stack: Vec<(&str, usize)> = vec![(flow.start.as_ref(), 0)];
    marks.insert(&flow.start, Mark::Visiting);
    while let Some((id, next_option)) = stack.pop() {
        let options: &[Choice] = match flow.node(id) {
            Some(Node::Question(question)) => &question.options,
            _ => &[],
        };
        if let Some(choice) = options.get(next_option) {
            stack.push((id, next_option + 1));
            let target = choice.next.as_ref();
            match marks.get(target) {
                Some(Mark::Visiting) => problems.push(problem(id, format!("cycle: `{id}` leads back to `{target}`"))),
                Some(Mark::Done) => {}
                None if flow.node(target).is_some() => {
                    marks.insert(target, Mark::Visiting);
                    stack.push((target, 0));
                }
                None => {}
            }
        } else {
            marks.insert(id, Mark::Done);
        }
    }
    for node in flow.nodes().iter() {
        if !marks.contains_key(node.id()) {
            problems.push(problem(node.id(), format!("node `{}` cannot be reached from the start", node.id())));
        }
    }
    problems
}

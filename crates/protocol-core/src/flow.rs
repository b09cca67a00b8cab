//! Builds a council's full flow from the shared topic catalogue and the council's own nodes,
//! and checks its structure. Pure: the loader maps the problems back to file positions.

use crate::model::{Choice, Council, Flow, Node, Question, Topic};
use crate::text::contains_words;
use std::collections::{HashMap, HashSet};

pub const START: &str = "start";

/// The two generated layers every council shares: topics, then situations.
pub fn catalogue_nodes(topics: &[Topic]) -> Vec<Node> {
    let mut nodes = vec![Node::Question(Question {
        id: START.into(),
        text: "What is your question about?".into(),
        hint: None,
        options: topics
            .iter()
            .map(|topic| Choice { label: topic.title.clone(), next: topic.id.clone() })
            .collect::<Vec<_>>()
            .into(),
    })];
    nodes.extend(topics.iter().map(|topic| {
        Node::Question(Question {
            id: topic.id.clone(),
            text: "Which of these is closest to your question?".into(),
            hint: Some(topic.summary.clone()),
            options: topic
                .situations
                .iter()
                .map(|situation| Choice { label: situation.label.clone(), next: topic.situation_node_id(situation).into() })
                .collect::<Vec<_>>()
                .into(),
        })
    }));
    nodes
}

/// For each node, the topic whose situations first reach it (catalogue order).
pub fn topic_of_nodes(nodes: &[Node], topics: &[Topic]) -> HashMap<String, String> {
    let by_id: HashMap<&str, &Node> = nodes.iter().map(|node| (node.id(), node)).collect();
    let mut topic_of = HashMap::new();
    for topic in topics {
        let mut stack: Vec<String> = topic.situations.iter().map(|s| topic.situation_node_id(s)).collect();
        while let Some(id) = stack.pop() {
            if topic_of.contains_key(&id) {
                continue;
            }
            topic_of.insert(id.clone(), topic.id.to_string());
            if let Some(Node::Question(question)) = by_id.get(id.as_str()) {
                stack.extend(question.options.iter().map(|choice| choice.next.to_string()));
            }
        }
    }
    topic_of
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
    for node in flow.nodes.iter() {
        if !seen.insert(node.id()) {
            problems.push(problem(node.id(), format!("node id `{}` is used more than once", node.id())));
        }
    }
    for topic in topics {
        let missing: Vec<String> = topic
            .situations
            .iter()
            .map(|situation| topic.situation_node_id(situation))
            .filter(|id| flow.node(id).is_none())
            .collect();
        if !missing.is_empty() {
            problems.push(problem(
                &missing[0],
                format!(
                    "topic `{}` is neither answered nor marked not covered: no node for {}",
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
            let is_situation = topics.iter().any(|t| t.situations.iter().any(|s| t.situation_node_id(s) == choice.next.as_ref()));
            if flow.node(&choice.next).is_none() && !is_situation {
                problems.push(problem(
                    &question.id,
                    format!("option \"{}\" of question `{}` leads nowhere: no node `{}`", choice.label, question.id, choice.next),
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
        if outcome.covered && outcome.cites.is_empty() {
            problems.push(problem(&outcome.id, format!("outcome `{}` is covered but cites no clause", outcome.id)));
        }
        if let Some(contact) = &outcome.contact {
            if !council.roles.iter().any(|role| role == contact) {
                problems.push(problem(
                    &outcome.id,
                    format!("outcome `{}`: contact \"{contact}\" is not one of the council's roles", outcome.id),
                ));
            }
        }
        for cite in outcome.cites.iter() {
            match council.clause(&cite.clause) {
                None => problems.push(problem(
                    &outcome.id,
                    format!("outcome `{}` cites clause {}, which does not exist", outcome.id, cite.clause),
                )),
                Some(clause) if !contains_words(&clause.plain_text(), &cite.quote) => problems.push(problem(
                    &outcome.id,
                    format!("outcome `{}`: quote is not in clause {}: \"{}\"", outcome.id, cite.clause, cite.quote),
                )),
                // The guide highlights a quote inside one paragraph or list item.
                Some(clause) if !clause.pieces().any(|piece| contains_words(piece, &cite.quote)) => problems.push(problem(
                    &outcome.id,
                    format!("outcome `{}`: quote from clause {} runs across paragraphs or list items; quote within one: \"{}\"", outcome.id, cite.clause, cite.quote),
                )),
                Some(_) => {}
            }
        }
        for line in outcome.guidance.iter() {
            for clause in line.clauses.iter() {
                if !outcome.cites.iter().any(|cite| &cite.clause == clause) {
                    problems.push(problem(
                        &outcome.id,
                        format!("outcome `{}`: guidance cites [{clause}] but no quote from clause {clause} is given", outcome.id),
                    ));
                }
            }
        }
        for cite in outcome.cites.iter() {
            if !outcome.guidance.iter().any(|line| line.clauses.contains(&cite.clause)) {
                problems.push(problem(
                    &outcome.id,
                    format!("outcome `{}`: clause {} is quoted but no guidance line rests on it", outcome.id, cite.clause),
                ));
            }
        }
    }
    problems
}

fn check_reachability_and_cycles(flow: &Flow) -> Vec<FlowProblem> {
    let mut problems = Vec::new();
    let index: HashMap<&str, &Node> = flow.nodes.iter().map(|node| (node.id(), node)).collect();
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
        let options: &[Choice] = match index.get(id) {
            Some(Node::Question(question)) => &question.options,
            _ => &[],
        };
        if let Some(choice) = options.get(next_option) {
            stack.push((id, next_option + 1));
            let target = choice.next.as_ref();
            match marks.get(target) {
                Some(Mark::Visiting) => problems.push(problem(id, format!("cycle: `{id}` leads back to `{target}`"))),
                Some(Mark::Done) => {}
                None if index.contains_key(target) => {
                    marks.insert(target, Mark::Visiting);
                    stack.push((target, 0));
                }
                None => {}
            }
        } else {
            marks.insert(id, Mark::Done);
        }
    }
    for node in flow.nodes.iter() {
        if !marks.contains_key(node.id()) {
            problems.push(problem(node.id(), format!("node `{}` cannot be reached from the start", node.id())));
        }
    }
    problems
}


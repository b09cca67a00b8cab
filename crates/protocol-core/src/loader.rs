//! Reads council files and the topic catalogue, and checks them against their source texts.
//! Every problem becomes a `Diagnostic` naming the file, line and column.

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex};
use crate::flow::{catalogue_nodes, check_flow, narrates_coverage, place_outcomes, uncited_clauses};
use crate::model::{
    find_situation, Block, Choice, Cite, Clause, Contact, Council, Coverage, Flow, GuidanceLine, Interpreter, Node,
    Outcome, Question, Situation, Text, Topic,
};
use crate::text::{is_counted_word, is_numbering_token, normalize_words, parse_blocks, SourceText};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use toml::Spanned;

/// The largest council file or source text the loader reads (the largest shipped is about 90 KB).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The share of a source's words (headings, page numbers and `not_clauses` aside) that clauses must hold.
pub const REQUIRED_COVERAGE: f64 = 0.98;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    council: RawCouncil,
    #[serde(default)]
    section: Vec<RawSection>,
    #[serde(default)]
    question: Vec<RawQuestion>,
    #[serde(default)]
    outcome: Vec<RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCouncil {
    id: Spanned<String>,
    name: String,
    short_name: Option<String>,
    document: String,
    council_type: String,
    adopted: Option<String>,
    source: Spanned<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    not_clauses: Vec<Spanned<String>>,
    interpreter: Option<RawInterpreter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInterpreter {
    role: Spanned<String>,
    clause: Spanned<String>,
    quote: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    heading: Spanned<String>,
    #[serde(default)]
    clause: Vec<RawClause>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClause {
    id: Spanned<String>,
    label: Option<String>,
    subheading: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    text: Spanned<String>,
    #[serde(default)]
    background: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: String,
    hint: Option<String>,
    options: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    label: String,
    hint: Option<String>,
    next: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    id: Spanned<String>,
    title: Option<String>,
    contact: Option<Spanned<RawContact>>,
    /// `full` (the default), `partial` or `none`.
    coverage: Option<Spanned<String>>,
    gap: Option<Spanned<String>>,
    #[serde(default)]
    related: Vec<String>,
    /// The old yes/no flag, refused with a pointer to `coverage`.
    covered: Option<Spanned<bool>>,
    #[serde(default)]
    guidance: Vec<Spanned<String>>,
    #[serde(default)]
    cites: Vec<RawCite>,
    /// Drafted by `protocol-guide draft-guide`, not yet reviewed: refused by release builds.
    draft: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    role: String,
    clause: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCite {
    clause: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopics {
    topic: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Spanned<String>,
    title: String,
    summary: String,
    #[serde(default)]
    offer_leave: bool,
    situation: Vec<RawSituation>,
    /// Situations of other topics listed here too, as `<topic>.<situation>`.
    #[serde(default)]
    see_also: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSituation {
    id: Spanned<String>,
    label: String,
    #[serde(default)]
    keywords: Vec<String>,
}

/// Collects diagnostics for one file.
struct Reporter<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    found: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        Reporter { file, text, lines: LineIndex::new(text), found: Vec::new() }
    }

    fn at(&mut self, offset: usize, message: impl Into<String>, notes: Vec<String>) {
        let (line, column) = self.lines.position(self.text, offset);
        self.found.push(Diagnostic { file: self.file.to_string(), line, column, message: message.into(), notes });
    }

    fn finish<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.found.is_empty() {
            Ok(value)
        } else {
            Err(Diagnostics(self.found))
        }
    }
}

fn parse_toml<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, Diagnostics> {
    toml::from_str(text).map_err(|error| {
        let mut reporter = Reporter::new(file, text);
        let offset = error.span().map_or(0, |span| span.start);
        reporter.at(offset, error.message().trim().to_string(), Vec::new());
        Diagnostics(reporter.found)
    })
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

pub fn load_topics(file: &str, text: &str) -> Result<Vec<Topic>, Diagnostics> {
    let raw: RawTopics = parse_toml(file, text)?;
    let mut reporter = Reporter::new(file, text);
    let mut seen = HashSet::new();
    for topic in &raw.topic {
        if !is_slug(topic.id.get_ref()) || topic.id.get_ref().contains('.') || !seen.insert(topic.id.get_ref().clone())
        {
            reporter.at(
                topic.id.span().start,
                format!("topic id `{}` must be unique, lower case, without dots", topic.id.get_ref()),
                vec![],
            );
        }
        let mut situations = HashSet::new();
        for situation in &topic.situation {
            if !is_slug(situation.id.get_ref()) || !situations.insert(situation.id.get_ref().clone()) {
                reporter.at(
                    situation.id.span().start,
                    format!("situation id `{}` must be unique within its topic", situation.id.get_ref()),
                    vec![],
                );
            }
        }
    }
    let see_also: Vec<Vec<Spanned<String>>> = raw.topic.iter().map(|topic| topic.see_also.clone()).collect();
    let topics: Vec<Topic> = raw
        .topic
        .into_iter()
        .map(|topic| {
            let topic_id = topic.id.into_inner();
            Topic {
                situations: topic
                    .situation
                    .into_iter()
                    .map(|s| Situation {
                        id: format!("{topic_id}.{}", s.id.get_ref()).into(),
                        label: s.label.into(),
                        phrasings: s.keywords.into_iter().map(Text::from).collect(),
                    })
                    .collect(),
                id: topic_id.into(),
                title: topic.title.into(),
                summary: topic.summary.into(),
                offer_leave: topic.offer_leave,
                see_also: topic.see_also.iter().map(|id| Text::from(id.get_ref().clone())).collect(),
            }
        })
        .collect();
    for (topic, listed) in topics.iter().zip(&see_also) {
        for id in listed {
            match find_situation(&topics, id.get_ref()) {
                None => reporter.at(
                    id.span().start,
                    format!("see_also: no situation `{}` (write it as `<topic>.<situation>`)", id.get_ref()),
                    vec![],
                ),
                Some((home, _)) if home.id == topic.id => reporter.at(
                    id.span().start,
                    format!("see_also: `{}` is already one of this topic's situations", id.get_ref()),
                    vec![],
                ),
                Some(_) => {}
            }
        }
    }
    reporter.finish(topics)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrasings {
    #[serde(default)]
    situation: Vec<RawSituationPhrasings>,
    outside: Option<RawOutside>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutside {
    phrasings: Vec<Spanned<String>>,
}

/// The questions about other council business in phrasings.toml's `[outside]` table.
pub fn outside_phrasings(file: &str, text: &str) -> Result<Vec<Text>, Diagnostics> {
    let raw: RawPhrasings = parse_toml(file, text)?;
    let mut reporter = Reporter::new(file, text);
    let mut outside: Vec<Text> = Vec::new();
    add_checked_phrasings(&mut reporter, raw.outside.map(|o| o.phrasings).unwrap_or_default(), &mut outside);
    reporter.finish(outside)
}

/// Adds each phrasing that has words and is no longer than a searched question, once.
fn add_checked_phrasings(reporter: &mut Reporter, phrasings: Vec<Spanned<String>>, into: &mut Vec<Text>) {
    for phrasing in phrasings {
        let words = phrasing.get_ref().trim();
        if words.is_empty() || words.len() > crate::search::MAX_QUERY_LEN {
            let limit = crate::search::MAX_QUERY_LEN;
            let message =
                format!("a phrasing must have words, and at most {limit} bytes, the longest question searched");
            reporter.at(phrasing.span().start, message, vec![]);
        } else if !into.iter().any(|known| known.eq_ignore_ascii_case(words)) {
            into.push(words.to_string().into());
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSituationPhrasings {
    id: Spanned<String>,
    phrasings: Vec<Spanned<String>>,
}

/// Adds the shared corpus of everyday phrasings (phrasings.toml) to the situations it names.
pub fn add_phrasings(file: &str, text: &str, topics: &mut [Topic]) -> Result<(), Diagnostics> {
    let raw: RawPhrasings = parse_toml(file, text)?;
    let mut reporter = Reporter::new(file, text);
    let mut seen = HashSet::new();
    for entry in raw.situation {
        let id = entry.id.get_ref();
        if !seen.insert(id.clone()) {
            reporter.at(entry.id.span().start, format!("situation `{id}` is listed twice"), vec![]);
        }
        let Some(situation) = topics.iter_mut().flat_map(|topic| topic.situations.iter_mut()).find(|s| s.id == *id)
        else {
            reporter.at(
                entry.id.span().start,
                format!("no situation `{id}` in topics.toml (write it as `<topic>.<situation>`)"),
                vec![],
            );
            continue;
        };
        add_checked_phrasings(&mut reporter, entry.phrasings, &mut situation.phrasings);
    }
    reporter.finish(())
}

/// Which of the checks that a finished file must pass to apply. A file being written may skip
/// the check that every clause is cited, so `protocol-guide coverage` can list what is left.
/// A file whose guide has draft outcomes skips it too: only a reviewed guide can pass it, and
/// release builds refuse drafts anyway (`refuse_drafts`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checks {
    pub every_clause_cited: bool,
    /// Read the council's own questions and outcomes. Without them the council has its clauses
    /// and the shared topic questions only, and no guide check applies: what
    /// `protocol-guide draft-guide` starts from.
    pub guide: bool,
}

impl Checks {
    pub const ALL: Checks = Checks { every_clause_cited: true, guide: true };
    /// The clauses alone, checked word for word against the source; any guide is ignored.
    pub const CLAUSES_ONLY: Checks = Checks { every_clause_cited: false, guide: false };
}

/// Loads a council file from disk; its source text is found relative to the file.
pub fn load_council_file(path: &Path, topics: &[Topic]) -> Result<LoadedCouncil, Diagnostics> {
    load_council_file_with(path, topics, Checks::ALL)
}

pub fn load_council_file_with(path: &Path, topics: &[Topic], checks: Checks) -> Result<LoadedCouncil, Diagnostics> {
    let file = path.display().to_string();
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.len() > MAX_FILE_BYTES as u64 {
            return Err(Diagnostics(vec![Diagnostic {
                file,
                line: 1,
                column: 1,
                message: format!(
                    "file is {} bytes; a protocol file may be at most {MAX_FILE_BYTES} bytes",
                    metadata.len()
                ),
                notes: vec![],
            }]));
        }
    }
    let text = std::fs::read_to_string(path).map_err(|error| {
        Diagnostics(vec![Diagnostic {
            file: file.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read file: {error}"),
            notes: vec![],
        }])
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    load_council(&file, &text, topics, checks, |source| {
        let source_path = base.join(source);
        std::fs::read_to_string(&source_path)
            .map_err(|error| format!("cannot read source {}: {error}", source_path.display()))
    })
}

/// A council that passed every check, with the share of its source's words its clauses hold.
#[derive(Debug, Clone)]
pub struct LoadedCouncil {
    pub council: Council,
    pub coverage: f64,
    /// The source text the clauses were checked against, for comparing a revision with it.
    pub source_text: String,
    /// The file as named to the loader, for diagnostics after loading.
    pub file: String,
    /// Where each draft outcome's `draft = true` stands in the file, for `refuse_drafts`.
    pub drafts: Vec<DraftAt>,
}

/// A draft outcome and the place in its file that marks it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftAt {
    pub outcome: String,
    pub line: u32,
    pub column: u32,
}

/// Refuses a council with draft outcomes, one diagnostic per outcome at its `draft = true`: what
/// release builds (`build.rs` under the release profile), `validate --release` and `compile`
/// without `--preview` all call, so the three refuse alike.
pub fn refuse_drafts(loaded: &LoadedCouncil) -> Result<(), Diagnostics> {
    let found: Vec<Diagnostic> = loaded
        .drafts
        .iter()
        .map(|at| Diagnostic {
            file: loaded.file.clone(),
            line: at.line,
            column: at.column,
            message: format!(
                "outcome `{}` is a draft (`draft = true`): review it and remove the flag before a release build",
                at.outcome
            ),
            notes: vec![
                "drafts are allowed in previews only (PROTOCOL_GUIDE_PREVIEW=1, or `compile --preview`)".to_string()
            ],
        })
        .collect();
    if found.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(found))
    }
}

/// Loads and checks one council file. `read_source` fetches the text named by `council.source`.
pub fn load_council(
    file: &str,
    text: &str,
    topics: &[Topic],
    checks: Checks,
    read_source: impl FnOnce(&str) -> Result<String, String>,
) -> Result<LoadedCouncil, Diagnostics> {
    if text.len() > MAX_FILE_BYTES {
        let mut reporter = Reporter::new(file, text);
        reporter.at(
            0,
            format!("file is {} bytes; a protocol file may be at most {MAX_FILE_BYTES} bytes", text.len()),
            vec![],
        );
        return Err(Diagnostics(reporter.found));
    }
    let raw: RawFile = parse_toml(file, text)?;
    let mut reporter = Reporter::new(file, text);
    let council_id = raw.council.id.get_ref().clone();
    if !is_slug(&council_id) || council_id.contains('.') {
        reporter.at(
            raw.council.id.span().start,
            format!("council id `{council_id}` must be lower case letters, digits and hyphens"),
            vec![],
        );
    }
    let source_text = match read_source(raw.council.source.get_ref()) {
        Ok(source_text) if source_text.len() > MAX_FILE_BYTES => {
            let message =
                format!("source text is {} bytes; it may be at most {MAX_FILE_BYTES} bytes", source_text.len());
            reporter.at(raw.council.source.span().start, message, vec![]);
            return Err(Diagnostics(reporter.found));
        }
        Ok(source_text) => source_text,
        Err(message) => {
            reporter.at(raw.council.source.span().start, message, vec![]);
            return Err(Diagnostics(reporter.found));
        }
    };
    let source_name = raw.council.source.get_ref().clone();
    let source = SourceText::parse(&source_text);
    let (clauses, clause_offsets, coverage) = check_clauses(&mut reporter, &raw, &source, &source_name);
    let clause_index: HashMap<&str, &Clause> = clauses.iter().map(|clause| (clause.id.as_ref(), clause)).collect();

    let interpreter = raw.council.interpreter.as_ref().map(|raw_interpreter| {
        let cite = Cite {
            clause: raw_interpreter.clause.get_ref().clone().into(),
            quote: raw_interpreter.quote.get_ref().clone().into(),
        };
        match clause_index.get(cite.clause.as_ref()) {
            None => reporter.at(
                raw_interpreter.clause.span().start,
                format!("interpreter: clause {} does not exist", cite.clause),
                vec![],
            ),
            Some(clause) if !crate::text::contains_words(&clause.plain_text(), &cite.quote) => reporter.at(
                raw_interpreter.quote.span().start,
                format!("interpreter: quote is not in clause {}", cite.clause),
                vec![],
            ),
            Some(_) => {}
        }
        if !raw.council.roles.contains(raw_interpreter.role.get_ref()) {
            reporter.at(
                raw_interpreter.role.span().start,
                format!("interpreter role \"{}\" is not in roles", raw_interpreter.role.get_ref()),
                vec![],
            );
        }
        Interpreter { role: raw_interpreter.role.get_ref().clone().into(), cite }
    });

    let mut node_offsets: HashMap<String, usize> = HashMap::new();
    let mut council_nodes: Vec<Node> = Vec::new();
    let reserved: HashSet<&str> = topics.iter().map(|topic| topic.id.as_ref()).chain([crate::flow::START]).collect();
    let no_questions = Vec::new();
    let no_outcomes = Vec::new();
    let (raw_questions, raw_outcomes) =
        if checks.guide { (&raw.question, &raw.outcome) } else { (&no_questions, &no_outcomes) };
    for question in raw_questions {
        let id = question.id.get_ref();
        check_node_id(&mut reporter, &question.id, &reserved);
        node_offsets.entry(id.clone()).or_insert(question.id.span().start);
        council_nodes.push(Node::Question(Question {
            id: id.clone().into(),
            text: question.text.clone().into(),
            hint: question.hint.clone().map(Into::into),
            options: question
                .options
                .iter()
                .map(|option| Choice {
                    label: option.label.clone().into(),
                    hint: option.hint.clone().map(Into::into),
                    next: option.next.clone().into(),
                })
                .collect(),
        }));
    }
    let mut drafts = Vec::new();
    for outcome in raw_outcomes {
        if let Some(flag) = outcome.draft.as_ref().filter(|flag| *flag.get_ref()) {
            let (line, column) = reporter.lines.position(reporter.text, flag.span().start);
            drafts.push(DraftAt { outcome: outcome.id.get_ref().clone(), line, column });
        }
        check_node_id(&mut reporter, &outcome.id, &reserved);
        node_offsets.entry(outcome.id.get_ref().clone()).or_insert(outcome.id.span().start);
        council_nodes.push(Node::Outcome(build_outcome(&mut reporter, outcome)));
    }

    let mut nodes = catalogue_nodes(topics);
    nodes.extend(council_nodes);
    place_outcomes(&mut nodes, topics);
    // An outcome where the protocol is silent, or a draft, may leave out its title: it is the
    // situation's.
    for node in &mut nodes {
        if let Node::Outcome(outcome) = node {
            if outcome.title.is_empty() {
                if let Some((_, situation)) = find_situation(topics, &outcome.situation) {
                    outcome.title = situation.label.clone();
                }
            }
        }
    }

    let council = Council {
        id: council_id.into(),
        name: raw.council.name.clone().into(),
        short_name: raw.council.short_name.clone().unwrap_or_else(|| raw.council.name.clone()).into(),
        document: raw.council.document.clone().into(),
        council_type: raw.council.council_type.clone().into(),
        adopted: raw.council.adopted.clone().map(Into::into),
        roles: raw.council.roles.iter().cloned().map(Text::from).collect(),
        interpreter,
        clauses,
        flow: Flow::new(crate::flow::START.into(), nodes),
    };
    let flow_problems = if checks.guide { check_flow(&council, topics) } else { Vec::new() };
    for flow_problem in flow_problems {
        // Problems with generated nodes (a missing situation) point at the start of the guide.
        let offset = node_offsets
            .get(&flow_problem.node)
            .copied()
            .or_else(|| raw_questions.first().map(|q| q.id.span().start))
            .or_else(|| raw_outcomes.first().map(|o| o.id.span().start))
            .unwrap_or(0);
        reporter.at(offset, format!("node `{}`: {}", flow_problem.node, flow_problem.message), vec![]);
    }
    if reporter.found.is_empty() && checks.every_clause_cited && drafts.is_empty() {
        for id in uncited_clauses(&council) {
            reporter.at(
                clause_offsets.get(id).copied().unwrap_or(0),
                format!("clause {id} is cited by no outcome: cite it where it answers a situation, or mark it `background = true`"),
                vec![],
            );
        }
    }
    reporter.finish(LoadedCouncil { council, coverage, source_text, file: file.to_string(), drafts })
}

fn check_node_id(reporter: &mut Reporter, id: &Spanned<String>, reserved: &HashSet<&str>) {
    if !is_slug(id.get_ref()) {
        reporter.at(
            id.span().start,
            format!("node id `{}` must be lower case letters, digits, dots and hyphens", id.get_ref()),
            vec![],
        );
    }
    if reserved.contains(id.get_ref().as_str()) {
        reporter.at(
            id.span().start,
            format!("node id `{}` is reserved for the guide's own topic questions", id.get_ref()),
            vec![],
        );
    }
}

/// Splits "Do this. [8.7, 8.2]" into its text and clause ids.
pub fn split_guidance_line(line: &str) -> Option<(String, Vec<String>)> {
    let line = line.trim();
    let body = line.strip_suffix(']')?;
    let open = body.rfind('[')?;
    let ids: Vec<String> = body[open + 1..].split(',').map(|id| id.trim().to_string()).collect();
    if ids.iter().any(String::is_empty) {
        return None;
    }
    Some((body[..open].trim_end().to_string(), ids))
}

fn build_outcome(reporter: &mut Reporter, raw: &RawOutcome) -> Outcome {
    let id = raw.id.get_ref();
    let at = raw.id.span().start;
    // A draft has only the protocol's own words: it may leave the clerk's prose (a title, a
    // `gap`) to the review. Quotes are still checked word for word.
    let draft = raw.draft.as_ref().is_some_and(|flag| *flag.get_ref());
    if let Some(covered) = &raw.covered {
        reporter.at(covered.span().start, format!("outcome `{id}`: `covered` is replaced by `coverage = \"full\"`, `\"partial\"` (with a `gap`) or `\"none\"`"), vec![]);
    }
    let mut guidance: Vec<GuidanceLine> = Vec::new();
    for line in &raw.guidance {
        match split_guidance_line(line.get_ref()) {
            Some((text, clauses)) if !text.is_empty() => {
                if let Some(phrase) = narrates_coverage(&text) {
                    reporter.at(
                        line.span().start,
                        format!("outcome `{id}`: guidance says \"{phrase}\": state coverage with `coverage` and `gap`, not in guidance"),
                        vec![format!("line: {}", line.get_ref())],
                    );
                }
                guidance
                    .push(GuidanceLine { text: text.into(), clauses: clauses.into_iter().map(Text::from).collect() })
            }
            _ => reporter.at(
                line.span().start,
                format!("outcome `{id}`: guidance line must end with the clause ids it rests on, like [8.7]"),
                vec![format!("line: {}", line.get_ref())],
            ),
        }
    }
    let coverage = match raw.coverage.as_ref().map(|c| (c.get_ref().as_str(), c.span().start)) {
        None | Some(("full", _)) => Coverage::Full,
        Some(("partial", coverage_at)) => match raw.gap.as_ref().map(|gap| gap.get_ref().trim()) {
            Some(gap) if !gap.is_empty() => Coverage::Partial { gap: gap.to_string().into() },
            _ if draft => Coverage::Partial { gap: Text::Borrowed("") },
            _ => {
                reporter.at(coverage_at, format!("outcome `{id}`: coverage \"partial\" needs a `gap`: one plain sentence of what the protocol does not say"), vec![]);
                Coverage::Partial { gap: Text::Borrowed("") }
            }
        },
        Some(("none", _)) => Coverage::None { related: raw.related.iter().cloned().map(Text::from).collect() },
        Some((other, coverage_at)) => {
            reporter.at(
                coverage_at,
                format!("outcome `{id}`: coverage \"{other}\" is not one of \"full\", \"partial\", \"none\""),
                vec![],
            );
            Coverage::Full
        }
    };
    if let Some(gap) = &raw.gap {
        if !matches!(coverage, Coverage::Partial { .. }) {
            reporter.at(
                gap.span().start,
                format!("outcome `{id}`: `gap` belongs only to coverage \"partial\""),
                vec![],
            );
        }
    }
    if !raw.related.is_empty() && !coverage.is_none() {
        reporter.at(
            at,
            format!("outcome `{id}`: `related` belongs only to coverage \"none\"; cite the clauses instead"),
            vec![],
        );
    }
    if let Some(phrase) = raw.title.as_deref().and_then(narrates_coverage) {
        reporter.at(at, format!("outcome `{id}`: title says \"{phrase}\": the page states coverage itself"), vec![]);
    }
    let title = match &raw.title {
        Some(title) => title.clone(),
        None if coverage.is_none() || draft => String::new(),
        None => {
            reporter.at(at, format!("outcome `{id}` needs a title"), vec![]);
            String::new()
        }
    };
    Outcome {
        id: id.clone().into(),
        topic: Text::Borrowed(""),
        situation: Text::Borrowed(""),
        title: title.into(),
        contact: raw.contact.as_ref().map(|contact| Contact {
            role: contact.get_ref().role.clone().into(),
            clause: contact.get_ref().clause.clone().into(),
        }),
        coverage,
        guidance,
        cites: raw
            .cites
            .iter()
            .map(|cite| Cite { clause: cite.clause.clone().into(), quote: cite.quote.clone().into() })
            .collect(),
        draft,
    }
}

/// The numbering schemes the shared README allows.
#[derive(Debug, Clone, PartialEq)]
enum ClauseNumber {
    Numbered(Vec<u32>),
    /// `intro.pN`, `S.pN`, `A.group.N` or `A.foi`: a counter within a group.
    Counted {
        group: String,
        count: u32,
    },
}

fn parse_clause_number(id: &str) -> Option<ClauseNumber> {
    let numbers = |s: &str| {
        s.split('.')
            .map(|part| if part.starts_with('0') { None } else { part.parse::<u32>().ok() })
            .collect::<Option<Vec<u32>>>()
    };
    if let Some(parts) = numbers(id) {
        return Some(ClauseNumber::Numbered(parts));
    }
    if let Some((group, count)) = id.rsplit_once(".p") {
        let group_ok = group == "intro" || numbers(group).is_some_and(|n| n.len() == 1);
        let count = count.parse::<u32>().ok().filter(|&c| c > 0 && !count.starts_with('0'))?;
        return group_ok.then(|| ClauseNumber::Counted { group: format!("{group}.p"), count });
    }
    let rest = id.strip_prefix("A.")?;
    let valid_name = |name: &str| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    match rest.rsplit_once('.') {
        Some((name, count)) if valid_name(name) => {
            let count = count.parse::<u32>().ok().filter(|&c| c > 0)?;
            Some(ClauseNumber::Counted { group: format!("A.{name}"), count })
        }
        None if valid_name(rest) => Some(ClauseNumber::Counted { group: format!("A.{rest}"), count: 0 }),
        _ => None,
    }
}

/// Walks the clauses in order against the source: text found word for word, in order, numbered
/// as printed; then checks how much of the source the clauses cover.
fn check_clauses(
    reporter: &mut Reporter,
    raw: &RawFile,
    source: &SourceText,
    source_name: &str,
) -> (Vec<Clause>, HashMap<String, usize>, f64) {
    let text_len = source.normalized.len();
    let mut covered = vec![false; text_len];
    let mut heading_bytes = vec![false; text_len];
    let mark = |flags: &mut Vec<bool>, at: usize, len: usize| flags[at..at + len].iter_mut().for_each(|f| *f = true);
    let mut cursor = 0usize;
    // Where the previous clause's text ended: the printed number of the next clause lies after it.
    let mut previous_clause_end = 0usize;
    let mut clauses = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut last_numbered: Option<(Vec<u32>, String)> = None;
    let mut counters: HashMap<String, u32> = HashMap::new();

    let not_found = |reporter: &mut Reporter, offset: usize, what: String, passage: &str, cursor: usize| {
        let mut notes = Vec::new();
        if let Some(at) = source.find_from(passage, 0) {
            if at < cursor {
                notes.push(format!(
                    "it is in the source at line {}, but before the clause that comes ahead of it in this file",
                    source.line_of(at)
                ));
            }
        } else if let Some(nearest) = source.nearest(passage) {
            notes.push(format!(
                "nearest passage (source line {}): the first {} of {} words match, “…{}”; the source goes on “{}…” but the file has “{}…”",
                nearest.line, nearest.matched_words, nearest.total_words, nearest.matched_tail, nearest.source_continues, nearest.file_continues
            ));
        } else {
            notes.push("no passage of the source begins like it".to_string());
        }
        reporter.at(offset, format!("{what}: text not found in {source_name}"), notes);
    };
    // A heading, subheading or title: found after the cursor, marked as not clause text and
    // stepped over, or reported where the file has it.
    let find_heading = |reporter: &mut Reporter,
                        headings: &mut Vec<bool>,
                        cursor: &mut usize,
                        text: &str,
                        offset: usize,
                        what: String| {
        match source.find_from(text, *cursor) {
            Some(at) => {
                mark(headings, at, text.len());
                *cursor = at + text.len();
            }
            None => not_found(reporter, offset, what, text, *cursor),
        }
    };

    for section in &raw.section {
        let heading = normalize_words(section.heading.get_ref());
        let section_number = heading.split(['.', ' ']).next().unwrap_or("").to_string();
        let offset = section.heading.span().start;
        find_heading(
            reporter,
            &mut heading_bytes,
            &mut cursor,
            &heading,
            offset,
            format!("section heading \"{heading}\""),
        );
        let mut current_subheading: Option<String> = None;
        for raw_clause in &section.clause {
            let id = raw_clause.id.get_ref().clone();
            let id_offset = raw_clause.id.span().start;
            if let Some(first) = seen_ids.insert(id.clone(), id_offset) {
                let (line, _) = reporter.lines.position(reporter.text, first);
                reporter.at(id_offset, format!("duplicate clause id {id} (first used on line {line})"), vec![]);
            }
            let number = parse_clause_number(&id);
            match &number {
                None => reporter.at(
                    id_offset,
                    format!("clause id `{id}` does not follow the document's numbering (see protocols/README.md)"),
                    vec![],
                ),
                Some(ClauseNumber::Numbered(parts)) => {
                    if let Some((previous, previous_id)) = &last_numbered {
                        if parts <= previous {
                            reporter.at(id_offset, format!("clause {id} comes after clause {previous_id}: ids must follow the document's order"), vec![]);
                        }
                    }
                    last_numbered = Some((parts.clone(), id.clone()));
                }
                Some(ClauseNumber::Counted { group, count }) => {
                    if group.ends_with(".p") && group != "intro.p" && group.trim_end_matches(".p") != section_number {
                        reporter.at(
                            id_offset,
                            format!(
                                "clause {id} is in section \"{}\", whose number is {section_number}",
                                section.heading.get_ref()
                            ),
                            vec![],
                        );
                    }
                    let expected = counters.get(group).map_or(if *count == 0 { 0 } else { 1 }, |last| last + 1);
                    if *count != expected {
                        reporter.at(
                            id_offset,
                            format!("clause {id} is out of sequence: expected {}", expected_id(&id, expected)),
                            vec![],
                        );
                    }
                    counters.insert(group.clone(), *count);
                }
            }
            if raw_clause.label.is_none() && !matches!(number, Some(ClauseNumber::Numbered(_))) {
                reporter.at(
                    id_offset,
                    format!(
                        "clause {id} needs a `label` (how people see it, e.g. \"Appendix A, Common Law, paragraph 2\")"
                    ),
                    vec![],
                );
            }

            let subheading = raw_clause.subheading.as_ref().map(|s| normalize_words(s.get_ref()));
            if subheading.is_some() && subheading != current_subheading {
                let sub = subheading.clone().unwrap_or_default();
                let offset = raw_clause.subheading.as_ref().map_or(id_offset, |s| s.span().start);
                find_heading(
                    reporter,
                    &mut heading_bytes,
                    &mut cursor,
                    &sub,
                    offset,
                    format!("clause {id}: subheading \"{sub}\""),
                );
            }
            current_subheading = subheading;
            if let Some(title) = &raw_clause.title {
                let title_text = normalize_words(title.get_ref());
                let what = format!("clause {id}: title \"{title_text}\"");
                find_heading(reporter, &mut heading_bytes, &mut cursor, &title_text, title.span().start, what);
            }

            let parsed = parse_blocks(raw_clause.text.get_ref());
            if parsed.is_empty() {
                reporter.at(raw_clause.text.span().start, format!("clause {id} has no text"), vec![]);
            }
            let mut first_block_at = None;
            for (block_index, block) in parsed.iter().enumerate() {
                for passage in block.passages() {
                    let normalized = normalize_words(passage);
                    match source.find_from(&normalized, cursor) {
                        Some(at) => {
                            first_block_at.get_or_insert(at);
                            mark(&mut covered, at, normalized.len());
                            cursor = at + normalized.len();
                        }
                        None => {
                            let offset = locate_in_value(reporter.text, raw_clause.text.span(), passage);
                            not_found(
                                reporter,
                                offset,
                                format!("clause {id} (paragraph {})", block_index + 1),
                                &normalized,
                                cursor,
                            );
                        }
                    }
                }
            }
            if let (Some(ClauseNumber::Numbered(_)), Some(first_at)) = (&number, first_block_at) {
                let before = &source.normalized[previous_clause_end.min(first_at)..first_at];
                let printed = before.split(' ').any(|token| token.trim_end_matches('.') == id);
                if !printed {
                    reporter.at(
                        id_offset,
                        format!(
                            "clause {id}: the source does not print the number {id} before this text (source line {})",
                            source.line_of(first_at)
                        ),
                        vec![format!("text before it in the source: “{}”", before.trim())],
                    );
                }
            }
            previous_clause_end = cursor;
            let printed_number = matches!(number, Some(ClauseNumber::Numbered(_)));
            clauses.push(Clause {
                id: id.clone().into(),
                number: printed_number.then(|| id.clone().into()),
                label: raw_clause.label.clone().unwrap_or_else(|| format!("Clause {id}")).into(),
                short_label: id.strip_prefix("A.").map_or_else(|| id.clone(), |rest| format!("A {rest}")).into(),
                background: raw_clause.background,
                headings: std::iter::once(section.heading.get_ref().trim().to_string())
                    .chain(raw_clause.subheading.as_ref().map(|s| s.get_ref().trim().to_string()))
                    .map(Text::from)
                    .collect(),
                title: raw_clause.title.as_ref().map(|t| t.get_ref().trim().to_string().into()),
                blocks: parsed.into_iter().map(|block| block.into_block()).collect::<Vec<Block>>(),
            });
        }
    }

    for passage in &raw.council.not_clauses {
        let needle = normalize_words(passage.get_ref());
        let mut from = 0;
        let mut any = false;
        while let Some(at) = source.find_from(&needle, from) {
            mark(&mut heading_bytes, at, needle.len());
            from = at + needle.len();
            any = true;
        }
        if !any {
            not_found(reporter, passage.span().start, "not_clauses entry".to_string(), &needle, 0);
        }
    }

    let share = if reporter.found.is_empty() {
        check_coverage(reporter, source, source_name, &covered, &heading_bytes)
    } else {
        0.0
    };
    (clauses, seen_ids, share)
}

fn expected_id(id: &str, expected: u32) -> String {
    match id.rsplit_once(if id.contains(".p") { ".p" } else { "." }) {
        Some((group, _)) if id.contains(".p") => format!("{group}.p{expected}"),
        Some((group, _)) => format!("{group}.{expected}"),
        None => expected.to_string(),
    }
}

/// Finds where a passage sits inside a multi-line string, to point the error at its line.
fn locate_in_value(file_text: &str, span: std::ops::Range<usize>, passage: &str) -> usize {
    let probe: String = passage.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let value = file_text.get(span.clone()).unwrap_or("");
    let flattened: String = value.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    // Position mapping holds because whitespace replacement keeps byte lengths for ASCII white space.
    flattened.find(&probe).map_or(span.start, |at| span.start + at)
}

fn check_coverage(
    reporter: &mut Reporter,
    source: &SourceText,
    source_name: &str,
    covered: &[bool],
    heading: &[bool],
) -> f64 {
    let mut total = 0usize;
    let mut held = 0usize;
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0usize;
    for word in source.normalized.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        if !is_counted_word(word) || heading[at] {
            continue;
        }
        if covered[at] {
            total += 1;
            held += 1;
            continue;
        }
        if is_numbering_token(word) {
            continue;
        }
        total += 1;
        match gaps.last_mut() {
            Some((_, end)) if source.normalized[*end..at].split(' ').filter(|w| is_counted_word(w)).count() <= 1 => {
                *end = at + word.len()
            }
            _ => gaps.push((at, at + word.len())),
        }
    }
    let share = if total == 0 { 1.0 } else { held as f64 / total as f64 };
    if share < REQUIRED_COVERAGE {
        let notes = gaps
            .iter()
            .take(8)
            .map(|&(start, end)| {
                let passage: String = source.normalized[start..end].chars().take(100).collect();
                format!("not in any clause (source line {}): “{passage}”", source.line_of(start))
            })
            .collect();
        reporter.at(
            0,
            format!(
                "clauses cover {:.1}% of the words of {source_name}; at least {:.0}% is required",
                share * 100.0,
                REQUIRED_COVERAGE * 100.0
            ),
            notes,
        );
    }
    share
}

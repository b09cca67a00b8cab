//! Search quality on question sets (recall@1, recall@3), and search speed and memory.
//!
//! Two kinds of question are understood. The older sets name acceptable results by id
//! (`expect = ["complaints.about-officer", "clause:8.7"]`). The independent set names what a right
//! answer is about, so it survives changes to a council's outcome ids: `situations` and `clauses`
//! for questions the protocol answers, and `answered = false` for questions it does not, where only
//! an honest "not covered" counts as right: an outcome of the situation asked about that says the
//! protocol does not cover it (coverage none, or partial with the gap shown beside the result), or
//! no close match. The `strict` figures leave out the partial outcome, as issue 12 first counted;
//! see `docs/adr/0006-a-stated-gap-is-an-honest-answer.md`.

use protocol_core::library::Library;
use protocol_core::model::{Council, CoverageLevel};
use protocol_core::search::{Answer, CloseMatch, Hit, HitKind, SearchIndex, SharedWords};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionSet {
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    council: String,
    persona: String,
    text: String,
    /// Outcome ids, or `clause:<id>`; any one of them in the results is a hit.
    #[serde(default)]
    expect: Vec<String>,
    /// Whether the council's protocol addresses the question at all.
    answered: Option<bool>,
    /// Situations (`<topic>.<situation>`) whose outcomes answer it.
    #[serde(default)]
    situations: Vec<String>,
    /// Clauses that answer it.
    #[serde(default)]
    clauses: Vec<String>,
}

/// What counts as an honest answer to a question the protocol does not answer.
#[derive(Clone, Copy, PartialEq)]
enum Honest {
    /// A none outcome of the situation asked about, or a partial one, whose result states its gap.
    StatedGap,
    /// Only a none outcome of that situation (or no close match).
    Strict,
}

impl Question {
    /// Whether one result answers the question rightly.
    fn accepts(&self, council: &Council, hit: &Hit, honest: Honest) -> bool {
        if !self.expect.is_empty() {
            let key = match hit.kind {
                HitKind::Clause => format!("clause:{}", hit.id),
                HitKind::Outcome => hit.id.clone(),
            };
            return self.expect.contains(&key);
        }
        let situation = || council.flow.outcome(&hit.id).map(|outcome| outcome.situation.to_string());
        let in_situation = || situation().is_some_and(|s| self.situations.contains(&s));
        match (self.answered.unwrap_or(true), hit.kind) {
            (true, HitKind::Clause) => self.clauses.contains(&hit.id),
            (true, HitKind::Outcome) => hit.coverage != CoverageLevel::None && in_situation(),
            (false, HitKind::Clause) => false,
            // Silence is only honest about the situation asked after.
            (false, HitKind::Outcome) => {
                let says_not_covered = match hit.coverage {
                    CoverageLevel::None => true,
                    CoverageLevel::Partial => honest == Honest::StatedGap && hit.gap.is_some(),
                    CoverageLevel::Full => false,
                };
                says_not_covered && in_situation()
            }
        }
    }

    /// The rank (0-based) of the first right result, where "no close match" counts as right,
    /// first, for a question the protocol does not answer.
    fn rank(&self, council: &Council, answer: &Answer, honest: Honest) -> Option<usize> {
        if self.answered == Some(false) && answer.no_close_match {
            return Some(0);
        }
        answer.hits.iter().position(|hit| self.accepts(council, hit, honest))
    }

    fn unanswered(&self) -> bool {
        self.answered == Some(false)
    }
}

/// The files of a set: one TOML file, or every TOML file in a folder.
fn set_files(set: &Path) -> Result<Vec<PathBuf>, String> {
    if !set.is_dir() {
        return Ok(vec![set.to_path_buf()]);
    }
    let entries = std::fs::read_dir(set).map_err(|e| format!("cannot read {}: {e}", set.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn load_set(set: &Path) -> Result<Vec<Question>, String> {
    let mut questions = Vec::new();
    for file in set_files(set)? {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let parsed: QuestionSet = toml::from_str(&text).map_err(|e| format!("{}: {}", file.display(), e.message()))?;
        questions.extend(parsed.question);
    }
    Ok(questions)
}

#[derive(Default)]
struct Tally {
    total: usize,
    at_1: usize,
    at_3: usize,
}

impl Tally {
    fn add(&mut self, rank: Option<usize>) {
        self.total += 1;
        self.at_1 += usize::from(rank == Some(0));
        self.at_3 += usize::from(rank.is_some_and(|r| r < 3));
    }

    fn json(&self) -> Value {
        let share = |n: usize| (n as f64 / self.total.max(1) as f64 * 1000.0).round() / 1000.0;
        // The counts too: a goal is checked on them, not on shares rounded to three places.
        json!({
            "questions": self.total, "right_at_1": self.at_1, "right_at_3": self.at_3,
            "recall_at_1": share(self.at_1), "recall_at_3": share(self.at_3),
        })
    }
}

/// The same questions counted by both rules for an honest "not covered".
#[derive(Default)]
struct Tallies {
    stated_gap: Tally,
    strict: Tally,
}

impl Tallies {
    fn add(&mut self, rank: Option<usize>, strict_rank: Option<usize>) {
        self.stated_gap.add(rank);
        self.strict.add(strict_rank);
    }

    /// The figures, with the strict ones (as issue 12 first counted) under `strict`.
    fn json(&self) -> Value {
        let mut figures = self.stated_gap.json();
        figures["strict"] = self.strict.json();
        figures
    }
}

/// Recall on one set, overall, per council, and for answered and unanswered questions apart;
/// `misses` lists the questions without a right answer in the top three.
fn measure(
    library: &Library,
    indexes: &mut Indexes,
    name: &str,
    questions: &[Question],
    with_misses: bool,
    close: CloseMatch,
) -> Result<Value, String> {
    let (mut all, mut answered, mut unanswered) = (Tallies::default(), Tally::default(), Tallies::default());
    let mut by_council: std::collections::BTreeMap<String, Tallies> = Default::default();
    let (mut false_alarms, mut answerable) = (0usize, 0usize);
    let mut misses = Vec::new();
    for question in questions {
        let council = library
            .council(&question.council)
            .ok_or_else(|| format!("unknown council `{}` in {name}", question.council))?;
        let index = indexes.of(library, council);
        let answer = index.ask_with(&question.text, 3, close);
        let rank = question.rank(council, &answer, Honest::StatedGap);
        let strict_rank = question.rank(council, &answer, Honest::Strict);
        all.add(rank, strict_rank);
        by_council.entry(question.council.clone()).or_default().add(rank, strict_rank);
        if question.unanswered() {
            unanswered.add(rank, strict_rank);
        } else {
            // The two rules differ only for questions the protocol does not answer.
            answered.add(rank);
            answerable += 1;
            false_alarms += usize::from(answer.no_close_match);
        }
        if with_misses && (rank.is_none_or(|r| r > 0) || strict_rank.is_none_or(|r| r > 0)) {
            let got: Vec<Value> = answer
                .hits
                .iter()
                .map(|h| json!(format!("{}:{} ({})", h.kind.as_str(), h.id, h.coverage.as_str())))
                .collect();
            misses.push(json!({
                "council": question.council, "persona": question.persona, "text": question.text,
                "rank": rank.map(|r| r + 1), "strict_rank": strict_rank.map(|r| r + 1),
                "expect": question.expect, "answered": question.answered,
                "situations": question.situations, "clauses": question.clauses,
                "no_close_match": answer.no_close_match, "got": got,
            }));
        }
    }
    let mut report = all.json();
    report["set"] = json!(name);
    report["answered"] = answered.json();
    report["unanswered"] = unanswered.stated_gap.json();
    report["strict"]["unanswered"] = unanswered.strict.json();
    report["by_council"] = by_council.iter().map(|(id, tallies)| (id.clone(), tallies.json())).collect();
    // How often a question the protocol does answer is met with "no close match".
    report["no_close_match_false_alarms"] = json!({ "count": false_alarms, "of": answerable });
    if with_misses {
        report["misses"] = Value::Array(misses);
    }
    Ok(report)
}

/// Each council's search index, built once for every set a run measures.
struct Indexes {
    shared: Arc<SharedWords>,
    by_council: HashMap<String, SearchIndex>,
}

impl Indexes {
    fn new(library: &Library) -> Self {
        Indexes {
            shared: Arc::new(SharedWords::build(&library.topics, &library.search_words)),
            by_council: HashMap::new(),
        }
    }

    fn of(&mut self, library: &Library, council: &Council) -> &SearchIndex {
        let shared = &self.shared;
        self.by_council
            .entry(council.id.to_string())
            .or_insert_with(|| SearchIndex::with_shared(council, &library.topics, shared.clone()))
    }
}

/// One report per set and, with `pooled`, one more over all their questions together: frozen sets
/// measured at the same code are a larger sample together than apart.
pub fn run(
    library: &Library,
    sets: &[PathBuf],
    pooled: bool,
    with_misses: bool,
    close: CloseMatch,
) -> Result<ExitCode, String> {
    if pooled {
        // A question counted twice would weigh twice.
        if let Some(twice) = sets.iter().enumerate().find(|(i, set)| sets[..*i].contains(set)) {
            return Err(format!("--pooled: the set {} is given twice", twice.1.display()));
        }
    }
    let loaded =
        sets.iter().map(|set| Ok((set.display().to_string(), load_set(set)?))).collect::<Result<Vec<_>, String>>()?;
    let mut indexes = Indexes::new(library);
    let mut reports = loaded
        .iter()
        .map(|(name, questions)| measure(library, &mut indexes, name, questions, with_misses, close))
        .collect::<Result<Vec<_>, _>>()?;
    if pooled {
        let name = format!("pooled: {}", loaded.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(" + "));
        let all: Vec<Question> = loaded.into_iter().flat_map(|(_, questions)| questions).collect();
        // Its misses are the sets' misses, listed above already.
        reports.push(measure(library, &mut indexes, &name, &all, false, close)?);
    }
    let output =
        if reports.len() == 1 { reports.into_iter().next().unwrap_or_default() } else { json!({ "sets": reports }) };
    out!("{}", serde_json::to_string_pretty(&output).expect("JSON"));
    Ok(ExitCode::SUCCESS)
}

const BENCH_QUERIES: &[&str] = &[
    "can I get the clerk to write to the developer",
    "officer was rude to me",
    "my wife works for the council",
    "who do I complian to about the monitering officer",
    "press release before the election",
    "can I see the exempt papers for planning committee",
    "bcc",
    "c",
    "party group briefing",
    "how fast should officers reply to my emails",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub fn bench(library: &Library, only: Option<&str>) -> Result<ExitCode, String> {
    let councils: Vec<_> =
        library.councils.iter().map(|l| &l.council).filter(|c| only.is_none_or(|id| c.id == id)).collect();
    if councils.is_empty() {
        return Err(format!("unknown council `{}`", only.unwrap_or_default()));
    }
    // The shared words (phrasings, synonyms) are built once for every council's index.
    let started = Instant::now();
    let shared = Arc::new(SharedWords::build(&library.topics, &library.search_words));
    out!(
        "shared words: built in {:.2} ms, {:.1} KiB",
        started.elapsed().as_secs_f64() * 1000.0,
        shared.heap_bytes() as f64 / 1024.0
    );
    out!("{:<20} {:>6} {:>10} {:>12} {:>10} {:>10}", "council", "docs", "build ms", "index KiB", "p50 µs", "p99 µs");
    for council in councils {
        let started = Instant::now();
        let index = SearchIndex::with_shared(council, &library.topics, shared.clone());
        let build_ms = started.elapsed().as_secs_f64() * 1000.0;
        // Every prefix of every query, as typed one keystroke at a time.
        let mut timings = Vec::new();
        for _ in 0..20 {
            for query in BENCH_QUERIES {
                for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
                    let started = Instant::now();
                    std::hint::black_box(index.ask(&query[..end], 8));
                    timings.push(started.elapsed().as_secs_f64() * 1e6);
                }
            }
        }
        timings.sort_by(f64::total_cmp);
        out!(
            "{:<20} {:>6} {:>10.2} {:>12.1} {:>10.1} {:>10.1}",
            council.id,
            index.document_count(),
            build_ms,
            index.heap_bytes() as f64 / 1024.0,
            percentile(&timings, 0.5),
            percentile(&timings, 0.99)
        );
    }
    Ok(ExitCode::SUCCESS)
}

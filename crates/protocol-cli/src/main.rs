//! `protocol-guide`: the core's command-line face, for councils and for tests and benchmarks.

use protocol_core::engine::answers_to;
use protocol_core::flow::uncited_clauses;
use protocol_core::import::draft_council_file;
use protocol_core::library::{load_library, load_topics_in, Library};
use protocol_core::loader::{load_council_file, load_council_file_with, refuse_drafts, Checks};
use protocol_core::model::{Block, Clause, Council, Coverage, CoverageLevel, Node, Outcome, SearchWords};
use protocol_core::search::{Hit, SearchIndex};

/// `println!` for results: a reader that stops early (`protocol-guide export … | head`) ends the
/// program quietly instead of with a panic.
macro_rules! out {
    ($($arg:tt)*) => { $crate::write_line(format_args!($($arg)*)) };
}

mod evaluate;
mod plain;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: protocol-guide [--dir DIR] <command>
commands:
  list                          the councils, as JSON
  validate [--release] FILE...  check council files; exit 1 on any problem. Draft outcomes are a
                                warning, and a problem with --release
  export --council ID           a council's clauses and guide, as JSON
  coverage --council ID          clauses that no outcome cites and that are not marked background (exit 1 if any)
  compile FILE.toml -o FILE.pgd [--preview]
                                one council as the compact data file <protocol-guide council-src> loads;
                                draft outcomes are refused unless --preview
  draft-guide --council ID|PATH [-o OUT.toml]
                                draft a guide from a council's clauses alone: for every situation the
                                best clauses, their quotes and a suggested coverage, each outcome
                                marked draft = true (printed, or written to OUT.toml)
  eval-draft [--json]           leave-one-out: draft each council's guide from its clauses and compare
                                it with the reviewed guide (cited clauses in the top 3, coverage)
  diff --council ID NEW.txt [--json]
                                what a revised source text changes: clauses reworded, removed, renumbered,
                                text added, and the outcomes to look at again (a checklist)
  import --id ID --name NAME SOURCE.txt
                                draft a council file from a protocol's text (printed)
  ask --council ID QUESTION     search a council's guide and clauses, best first, as JSON
  eval-search [--set FILE|DIR]... [--pooled] [--misses]
                                recall@1 and recall@3 on question sets (default: the three development
                                sets, the held-out set and the three independent sets, all in
                                crates/protocol-cli/tests/search/); --pooled adds one report over
                                all the given sets' questions together
  bench-search [--council ID]   search latency (p50, p99) and index memory, per council
  html --out DIR                write every protocol as a plain HTML page (for readers without JavaScript)
options:
  --dir DIR                     the protocols folder (default: the project's protocols/)";

/// A usage mistake: one line on stderr, exit code 2.
struct UsageError(String);

fn default_dir() -> PathBuf {
    std::env::var_os("PROTOCOL_GUIDE_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../protocols");
        dir.canonicalize().unwrap_or(dir)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(args) {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("protocol-guide: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(mut args: Vec<String>) -> Result<ExitCode, UsageError> {
    let mut dir = default_dir();
    if let Some(at) = args.iter().position(|a| a == "--dir") {
        let value = args.get(at + 1).cloned().ok_or_else(|| UsageError("--dir needs a folder".into()))?;
        dir = PathBuf::from(value);
        args.drain(at..at + 2);
    }
    // `protocol-guide export --help` and the like: help wherever it is asked for.
    if args.iter().any(|a| a == "--help" || a == "-h") {
        out!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let Some(command) = args.first().cloned() else {
        return Err(UsageError("no command given (try --help)".into()));
    };
    let rest = &args[1..];
    match command.as_str() {
        "help" => {
            out!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "list" => {
            no_flags(rest)?;
            let library = load_or_report(&dir)?;
            let councils: Vec<Value> = library.councils.iter().map(|l| council_summary(&l.council)).collect();
            print_json(&json!({ "councils": councils }));
            Ok(ExitCode::SUCCESS)
        }
        "validate" => validate(&dir, rest),
        "export" => {
            let id = single_flag(rest, "--council")?;
            let library = load_or_report(&dir)?;
            let council = library.council(&id).ok_or_else(|| unknown_council(&library, &id))?;
            print_json(&export(council));
            Ok(ExitCode::SUCCESS)
        }
        "import" => import(rest),
        "coverage" => clause_coverage(&dir, rest),
        "diff" => revision(&dir, rest),
        "compile" => compile(&dir, rest),
        "draft-guide" => draft_guide(&dir, rest),
        "eval-draft" => eval_draft(&dir, rest),
        "ask" => {
            let flags = parse_flags(rest, &["--council", "--limit"])?;
            let id = flags.value("--council").ok_or_else(|| UsageError("--council is required".into()))?;
            let limit = match flags.value("--limit") {
                Some(value) => {
                    value.parse().map_err(|_| UsageError(format!("--limit takes a number, not `{value}`")))?
                }
                None => 10,
            };
            let query = flags.positional.join(" ");
            if query.trim().is_empty() {
                return Err(UsageError("ask needs a question".into()));
            }
            let library = load_or_report(&dir)?;
            let council = library.council(&id).ok_or_else(|| unknown_council(&library, &id))?;
            let index = SearchIndex::build(council, &library.topics, &library.search_words);
            let answer = index.ask(&query, limit);
            let results: Vec<Value> = answer.hits.into_iter().map(hit_json).collect();
            // Results may follow "no close match": they are then weak, and the guide says so.
            print_json(
                &json!({ "council": id, "query": query, "no_close_match": answer.no_close_match, "results": results }),
            );
            Ok(ExitCode::SUCCESS)
        }
        "eval-search" => {
            let with_misses = rest.iter().any(|a| a == "--misses");
            let pooled = rest.iter().any(|a| a == "--pooled");
            let rest: Vec<String> = rest.iter().filter(|a| *a != "--misses" && *a != "--pooled").cloned().collect();
            let flags = parse_flags(&rest, &["--set", "--close-match"])?;
            no_flags(&flags.positional)?;
            // `--close-match SHARE,MARGIN` tries other thresholds, to calibrate them on a development set.
            let close = match flags.value("--close-match") {
                None => protocol_core::search::CloseMatch::CALIBRATED,
                Some(value) => {
                    let numbers: Vec<f32> = value.split(',').filter_map(|n| n.parse().ok()).collect();
                    let [min_share, outside_margin] = numbers[..] else {
                        return Err(UsageError(format!("--close-match takes SHARE,MARGIN, not `{value}`")));
                    };
                    protocol_core::search::CloseMatch { min_share, outside_margin }
                }
            };
            let mut sets: Vec<PathBuf> = flags.values("--set").into_iter().map(PathBuf::from).collect();
            if sets.is_empty() && pooled {
                // The default sets mix tuned-on and held-out questions: their pool measures nothing.
                return Err(UsageError("--pooled needs the sets to pool, each given with --set".to_string()));
            }
            if sets.is_empty() {
                let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search");
                sets = [
                    "development.toml",
                    "development-unanswered.toml",
                    "development-2.toml",
                    "holdout.toml",
                    "independent",
                    "independent-2",
                    "independent-3",
                ]
                .iter()
                .map(|set| own.join(set))
                .collect();
            }
            let library = load_or_report(&dir)?;
            evaluate::run(&library, &sets, pooled, with_misses, close).map_err(UsageError)
        }
        "html" => {
            let out = single_flag(rest, "--out")?;
            let library = load_or_report(&dir)?;
            let written = plain::write_all(&library, Path::new(&out)).map_err(UsageError)?;
            eprintln!("wrote {written} pages to {out}");
            Ok(ExitCode::SUCCESS)
        }
        "bench-search" => {
            let flags = parse_flags(rest, &["--council"])?;
            no_flags(&flags.positional)?;
            let library = load_or_report(&dir)?;
            evaluate::bench(&library, flags.value("--council").as_deref()).map_err(UsageError)
        }
        other => Err(UsageError(format!("unknown command `{other}` (try --help)"))),
    }
}

fn no_flags(rest: &[String]) -> Result<(), UsageError> {
    match rest.first() {
        Some(extra) => Err(UsageError(format!("unexpected argument `{extra}`"))),
        None => Ok(()),
    }
}

/// Parses exactly `--name VALUE` (or `--name=VALUE`) and nothing else.
fn single_flag(rest: &[String], name: &str) -> Result<String, UsageError> {
    let flags = parse_flags(rest, &[name])?;
    if let Some(positional) = flags.positional.first() {
        return Err(UsageError(format!("unexpected argument `{positional}`")));
    }
    flags.value(name).ok_or_else(|| UsageError(format!("{name} is required")))
}

struct Flags {
    values: Vec<(String, String)>,
    positional: Vec<String>,
}

impl Flags {
    fn value(&self, name: &str) -> Option<String> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    fn values(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }
}

fn parse_flags(rest: &[String], known: &[&str]) -> Result<Flags, UsageError> {
    let mut flags = Flags { values: Vec::new(), positional: Vec::new() };
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        if let Some(flag) = arg.strip_prefix("--") {
            let (name, inline) = match flag.split_once('=') {
                Some((name, value)) => (format!("--{name}"), Some(value.to_string())),
                None => (arg.clone(), None),
            };
            if !known.contains(&name.as_str()) {
                return Err(UsageError(format!("unknown flag `{name}`")));
            }
            let value = match inline {
                Some(value) => value,
                None => iter.next().cloned().ok_or_else(|| UsageError(format!("{name} needs a value")))?,
            };
            flags.values.push((name, value));
        } else {
            flags.positional.push(arg.clone());
        }
    }
    Ok(flags)
}

fn load_or_report(dir: &Path) -> Result<Library, UsageError> {
    load_library(dir).map_err(|diagnostics| {
        eprintln!("{diagnostics}");
        UsageError(format!("the protocol files in {} have {} problem(s)", dir.display(), diagnostics.0.len()))
    })
}

fn unknown_council(library: &Library, id: &str) -> UsageError {
    let known: Vec<&str> = library.councils.iter().map(|l| l.council.id.as_ref()).collect();
    UsageError(format!("unknown council `{id}` (known: {})", known.join(", ")))
}

fn validate(dir: &Path, files: &[String]) -> Result<ExitCode, UsageError> {
    // `--release` refuses draft outcomes, as a release build of the widget does.
    let release = files.iter().any(|f| f == "--release");
    let files: Vec<String> = files.iter().filter(|f| *f != "--release").cloned().collect();
    if files.is_empty() {
        return Err(UsageError("validate needs at least one file".into()));
    }
    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
        return Err(UsageError(format!("unknown flag `{flag}`")));
    }
    let topics = load_topics_in(dir).map_err(|d| {
        eprintln!("{d}");
        UsageError("the topic catalogue has problems".into())
    })?;
    let mut failed = false;
    for file in &files {
        // The shared catalogue files sit beside the councils; check each as what it is.
        let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or_default();
        use protocol_core::library::{PHRASINGS_FILE, SYNONYMS_FILE, TOPICS_FILE};
        if [TOPICS_FILE, SYNONYMS_FILE, PHRASINGS_FILE].contains(&name) {
            let folder = Path::new(file).parent().unwrap_or(Path::new("."));
            let checked = match name {
                TOPICS_FILE => load_topics_in(folder).map(|topics| format!("{} topics", topics.len())),
                SYNONYMS_FILE => protocol_core::library::load_synonyms_in(folder)
                    .map(|groups| format!("{} synonym groups", groups.len())),
                _ => load_topics_in(folder).and_then(|topics| {
                    let phrasings: usize =
                        topics.iter().flat_map(|t| t.situations.iter()).map(|s| s.phrasings.len()).sum();
                    let outside = protocol_core::library::load_outside_in(folder)?;
                    Ok(format!("{phrasings} phrasings of situations, {} of other council business", outside.len()))
                }),
            };
            match checked {
                Ok(summary) => out!("{file}: valid: {summary}"),
                Err(diagnostics) => {
                    failed = true;
                    eprintln!("{diagnostics}");
                }
            }
            continue;
        }
        match load_council_file(Path::new(file), &topics) {
            Ok(loaded) => {
                let council = &loaded.council;
                if !loaded.drafts.is_empty() {
                    if release {
                        if let Err(diagnostics) = refuse_drafts(&loaded) {
                            eprintln!("{diagnostics}");
                            eprintln!("{file}: {} draft outcome(s) refused for a release", diagnostics.0.len());
                        }
                        failed = true;
                        continue;
                    }
                    eprintln!(
                        "{file}: warning: {} draft outcome(s), not yet reviewed (a release build refuses them; first at line {})",
                        loaded.drafts.len(),
                        loaded.drafts[0].line
                    );
                }
                let outcomes: Vec<_> = council.flow.outcomes().collect();
                let count = |level: CoverageLevel| outcomes.iter().filter(|o| o.coverage.level() == level).count();
                let drafts = match loaded.drafts.len() {
                    0 => String::new(),
                    n => format!(", {n} draft"),
                };
                out!(
                    "{file}: valid: {} clauses, {:.1}% of the source's words; {} outcomes ({} full, {} partial, {} none{drafts})",
                    council.clauses.len(),
                    loaded.coverage * 100.0,
                    outcomes.len(),
                    count(CoverageLevel::Full),
                    count(CoverageLevel::Partial),
                    count(CoverageLevel::None)
                );
            }
            Err(diagnostics) => {
                failed = true;
                eprintln!("{diagnostics}");
                eprintln!("{file}: {} problem(s)", diagnostics.0.len());
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Which outcomes cite each clause; clauses cited by none and not marked background fail.
fn clause_coverage(dir: &Path, rest: &[String]) -> Result<ExitCode, UsageError> {
    let id = single_flag(rest, "--council")?;
    let topics = load_topics_in(dir).map_err(|d| {
        eprintln!("{d}");
        UsageError("the topic catalogue has problems".into())
    })?;
    let path = dir.join(format!("{id}.toml"));
    if !path.exists() {
        let known: Vec<String> = protocol_core::library::council_files(dir)
            .map(|files| files.iter().filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().to_string())).collect())
            .unwrap_or_default();
        return Err(UsageError(format!("unknown council `{id}` (known: {})", known.join(", "))));
    }
    let loaded =
        load_council_file_with(&path, &topics, Checks { every_clause_cited: false, guide: true }).map_err(|d| {
            eprintln!("{d}");
            UsageError(format!("{} has {} problem(s) besides uncited clauses", path.display(), d.0.len()))
        })?;
    let council = &loaded.council;
    let uncited = uncited_clauses(council);
    let cited: std::collections::HashSet<&str> =
        council.flow.outcomes().flat_map(|o| o.cites.iter().map(|c| c.clause.as_ref())).collect();
    let background = council.clauses.iter().filter(|c| c.background && !cited.contains(c.id.as_ref())).count();
    for id in &uncited {
        out!("{}: clause {id} is cited by no outcome and not marked background", path.display());
    }
    out!(
        "{}: {} clauses: {} cited by an outcome, {} background, {} neither",
        path.display(),
        council.clauses.len(),
        council.clauses.iter().filter(|c| cited.contains(c.id.as_ref())).count(),
        background,
        uncited.len()
    );
    Ok(if uncited.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Writes one checked council, with the topics it was checked against, as the compact bytes the
/// widget reads (`<protocol-guide council-src="…">`).
fn compile(dir: &Path, rest: &[String]) -> Result<ExitCode, UsageError> {
    // Draft outcomes only with `--preview`, for a clerk to look at them in the widget.
    let preview = rest.iter().any(|a| a == "--preview");
    let rest: Vec<String> = rest
        .iter()
        .filter(|a| *a != "--preview")
        .map(|a| if a == "-o" { "--out".to_string() } else { a.clone() })
        .collect();
    let flags = parse_flags(&rest, &["--out"])?;
    let out = flags.value("--out").ok_or_else(|| UsageError("compile needs -o FILE.pgd".into()))?;
    let [file] = flags.positional.as_slice() else {
        return Err(UsageError("compile needs exactly one council file".into()));
    };
    let library = load_or_report(dir)?;
    let loaded = load_council_file(Path::new(file), &library.topics).map_err(|d| {
        eprintln!("{d}");
        UsageError(format!("{file} has {} problem(s)", d.0.len()))
    })?;
    if !preview {
        refuse_drafts(&loaded).map_err(|d| {
            eprintln!("{d}");
            UsageError(format!("{file} has {} draft outcome(s); compile it with --preview to look at them", d.0.len()))
        })?;
    }
    // The widget has its own phrasings and synonyms; the file carries the council and the topics
    // its guide was checked against.
    let mut topics = library.topics;
    topics.iter_mut().flat_map(|topic| topic.situations.iter_mut()).for_each(|situation| situation.phrasings.clear());
    let dataset =
        protocol_core::codec::Dataset { councils: vec![loaded.council], topics, search_words: Default::default() };
    let bytes = protocol_core::codec::encode(&dataset);
    std::fs::write(&out, &bytes).map_err(|e| UsageError(format!("cannot write {out}: {e}")))?;
    eprintln!("wrote {} bytes to {out}", bytes.len());
    Ok(ExitCode::SUCCESS)
}

/// A checklist of what a revised source text changes, as text or JSON. Exits 1 if anything did.
fn revision(dir: &Path, rest: &[String]) -> Result<ExitCode, UsageError> {
    use protocol_core::revision::{compare, ClauseChange, WordChange};
    let json_out = rest.iter().any(|a| a == "--json");
    let rest: Vec<String> = rest.iter().filter(|a| *a != "--json").cloned().collect();
    let flags = parse_flags(&rest, &["--council"])?;
    let id = flags.value("--council").ok_or_else(|| UsageError("--council is required".into()))?;
    let [revised] = flags.positional.as_slice() else {
        return Err(UsageError("diff needs exactly one revised source text".into()));
    };
    let text = std::fs::read_to_string(revised).map_err(|e| UsageError(format!("cannot read {revised}: {e}")))?;
    let library = load_or_report(dir)?;
    let loaded = library.councils.iter().find(|l| l.council.id == id).ok_or_else(|| unknown_council(&library, &id))?;
    let council = &loaded.council;
    let result = compare(council, &loaded.source_text, &text);
    // Word by word, with unchanged runs cut to the six words either side of a change.
    let words = |changes: &[WordChange]| -> String {
        let last = changes.len().saturating_sub(1);
        changes
            .iter()
            .enumerate()
            .map(|(at, change)| match change {
                WordChange::Same(run) => {
                    let w: Vec<&str> = run.split(' ').collect();
                    let (head, tail) = (if at == 0 { 0 } else { 6 }, if at == last { 0 } else { 6 });
                    if w.len() <= head + tail + 1 {
                        run.clone()
                    } else {
                        let before = w[..head].join(" ");
                        let after = w[w.len() - tail..].join(" ");
                        format!("{before} \u{2026} {after}").trim().to_string()
                    }
                }
                WordChange::Removed(run) => format!("[-{run}-]"),
                WordChange::Added(run) => format!("{{+{run}+}}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    if json_out {
        let changes: Vec<Value> = result
            .changes
            .iter()
            .map(|change| match change {
                ClauseChange::Reworded { clause, line, old, new, words: changes } => {
                    json!({"kind": "reworded", "clause": clause, "line": line, "old": old, "new": new, "words": words(changes)})
                }
                ClauseChange::Removed { clause, old } => json!({"kind": "removed", "clause": clause, "old": old}),
                ClauseChange::Renumbered { clause, line, printed } => {
                    json!({"kind": "renumbered", "clause": clause, "line": line, "printed": printed})
                }
            })
            .collect();
        print_json(&json!({
            "council": id,
            "unchanged": result.unchanged,
            "changes": changes,
            "added": result.added.iter().map(|a| json!({"line": a.line, "text": a.text})).collect::<Vec<_>>(),
            "outcomes": result.outcomes.iter().map(|o| json!({"outcome": o.outcome, "clause": o.clause, "reason": o.reason})).collect::<Vec<_>>(),
        }));
    } else {
        out!(
            "{revised} against {}: {} clauses unchanged, {} changed, {} passages added, {} outcomes to look at again",
            council.name,
            result.unchanged,
            result.changes.len(),
            result.added.len(),
            result.outcomes.len()
        );
        for change in &result.changes {
            match change {
                ClauseChange::Reworded { clause, line, words: changes, .. } => {
                    out!("[ ] clause {clause} is reworded (new text at line {line}): {}", words(changes))
                }
                ClauseChange::Removed { clause, old } => out!("[ ] clause {clause} is removed: \u{201C}{old}\u{201D}"),
                ClauseChange::Renumbered { clause, line, printed } => {
                    out!("[ ] clause {clause} is now printed as {printed} (line {line})")
                }
            }
        }
        for added in &result.added {
            out!(
                "[ ] new text at line {}: \u{201C}{}\u{201D} (add a clause for it, or a not_clauses entry)",
                added.line,
                added.text
            );
        }
        for check in &result.outcomes {
            out!("[ ] outcome {} {}", check.outcome, check.reason);
        }
    }
    let changed = !result.changes.is_empty() || !result.added.is_empty();
    Ok(if changed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The council file named by `--council`: a path to a file, or the id of one in the folder.
fn council_path(dir: &Path, value: &str) -> Result<PathBuf, UsageError> {
    let as_path = Path::new(value);
    if value.ends_with(".toml") || as_path.components().count() > 1 {
        return if as_path.is_file() { Ok(as_path.to_path_buf()) } else { Err(UsageError(format!("no file {value}"))) };
    }
    let path = dir.join(format!("{value}.toml"));
    if path.is_file() {
        return Ok(path);
    }
    let known: Vec<String> = protocol_core::library::council_files(dir)
        .map(|files| files.iter().filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().to_string())).collect())
        .unwrap_or_default();
    Err(UsageError(format!("unknown council `{value}` (known: {})", known.join(", "))))
}

/// The topics with their phrasings, and the synonyms and out-of-scope questions, without loading
/// any council.
fn shared_words(dir: &Path) -> Result<(Vec<protocol_core::model::Topic>, SearchWords), UsageError> {
    let report = |d: protocol_core::diagnostic::Diagnostics| {
        eprintln!("{d}");
        UsageError(format!("the shared files in {} have {} problem(s)", dir.display(), d.0.len()))
    };
    let topics = load_topics_in(dir).map_err(report)?;
    let synonyms = protocol_core::library::load_synonyms_in(dir).map_err(report)?;
    let outside = protocol_core::library::load_outside_in(dir).map_err(report)?;
    let synonyms = synonyms.into_iter().map(|group| group.into_iter().map(Into::into).collect()).collect();
    Ok((topics, SearchWords { synonyms, outside }))
}

/// Drafts a guide from a council's clauses: the file's council and clauses as written, then one
/// draft outcome per situation. Any guide in the file is left out and never read.
fn draft_guide(dir: &Path, rest: &[String]) -> Result<ExitCode, UsageError> {
    let rest: Vec<String> = rest.iter().map(|a| if a == "-o" { "--out".to_string() } else { a.clone() }).collect();
    let flags = parse_flags(&rest, &["--council", "--out"])?;
    no_flags(&flags.positional)?;
    let council = flags.value("--council").ok_or_else(|| UsageError("--council is required".into()))?;
    let path = council_path(dir, &council)?;
    let (topics, words) = shared_words(dir)?;
    let loaded = load_council_file_with(&path, &topics, Checks::CLAUSES_ONLY).map_err(|d| {
        eprintln!("{d}");
        UsageError(format!("the clauses of {} have {} problem(s)", path.display(), d.0.len()))
    })?;
    let text =
        std::fs::read_to_string(&path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))?;
    // The other councils' reviewed guides are precedents. One that does not load is left out and
    // named, not fatal: the draft is still a draft, only ranked with less help.
    let mut others = Vec::new();
    for file in protocol_core::library::council_files(dir).map_err(|d| UsageError(d.to_string()))? {
        if same_file(&file, &path) {
            continue;
        }
        match load_council_file(&file, &topics) {
            Ok(other) if other.council.id != loaded.council.id => others.push(other.council),
            Ok(_) => {}
            Err(d) => eprintln!("note: {} is not used as a precedent: {} problem(s)", file.display(), d.0.len()),
        }
    }
    let precedents = protocol_core::draft::Precedents::from_councils(&others);
    let draft = protocol_core::draft::draft_guide(&loaded.council.clauses, &topics, &words, &precedents);
    let file = protocol_core::draft::draft_file(&text, &draft);
    match flags.value("--out") {
        Some(out) => {
            std::fs::write(&out, &file).map_err(|e| UsageError(format!("cannot write {out}: {e}")))?;
            let count = |level: CoverageLevel| draft.situations.iter().filter(|s| s.coverage == level).count();
            eprintln!(
                "wrote {out}: {} draft outcomes ({} full, {} partial, {} none suggested)",
                draft.situations.len(),
                count(CoverageLevel::Full),
                count(CoverageLevel::Partial),
                count(CoverageLevel::None)
            );
        }
        None => out!("{}", file.trim_end()),
    }
    Ok(ExitCode::SUCCESS)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Leave-one-out: each council's guide drafted from its clauses and the other councils' reviewed
/// guides, against its own reviewed guide.
fn eval_draft(dir: &Path, rest: &[String]) -> Result<ExitCode, UsageError> {
    use protocol_core::draft::{
        coverage_samples, draft_guide, fit_thresholds, score_against, suggest_coverage_with, DraftScore, Precedents,
        FULL_FROM, PARTIAL_FROM,
    };
    let json_out = rest.iter().any(|a| a == "--json");
    no_flags(&rest.iter().filter(|a| *a != "--json").cloned().collect::<Vec<_>>())?;
    let library = load_or_report(dir)?;
    let mut rows: Vec<(String, DraftScore)> = Vec::new();
    let mut samples = Vec::new();
    let mut overall = DraftScore::default();
    for loaded in &library.councils {
        // The council's clauses and the other four reviewed guides go in: the drafter never sees
        // this council's outcomes, and the shared words (topics, phrasings, synonyms) hold no
        // council's outcome text.
        let precedents = Precedents::from_councils(
            library.councils.iter().filter(|other| other.council.id != loaded.council.id).map(|other| &other.council),
        );
        let draft = draft_guide(&loaded.council.clauses, &library.topics, &library.search_words, &precedents);
        let score = score_against(&loaded.council, &draft);
        samples.push(coverage_samples(&loaded.council, &draft));
        overall.add(&score);
        rows.push((loaded.council.id.to_string(), score));
    }
    rows.push(("overall".to_string(), overall));
    // The coverage thresholds are fitted on all five councils; fitted instead on the other four,
    // this is how often each council's coverage is suggested rightly.
    let mut held_out: Vec<(usize, usize)> = samples
        .iter()
        .enumerate()
        .map(|(at, own)| {
            let others: Vec<_> =
                samples.iter().enumerate().filter(|(i, _)| *i != at).flat_map(|(_, s)| s.clone()).collect();
            let (partial_from, full_from) = fit_thresholds(&others);
            let right =
                own.iter().filter(|(s, level)| suggest_coverage_with(*s, partial_from, full_from) == *level).count();
            (right, own.len())
        })
        .collect();
    held_out.push(held_out.iter().fold((0, 0), |sum, (right, all)| (sum.0 + right, sum.1 + all)));
    let held_out: Vec<f32> = held_out.iter().map(|(right, all)| *right as f32 / (*all).max(1) as f32).collect();
    let all_five: Vec<_> = samples.iter().flatten().cloned().collect();
    let (fitted_partial, fitted_full) = fit_thresholds(&all_five);
    let round = |x: f32| (f64::from(x) * 1000.0).round() / 1000.0;
    if json_out {
        let councils: Vec<Value> = rows
            .iter()
            .zip(&held_out)
            .map(|((id, s), held_out)| {
                json!({
                    "council": id,
                    "outcomes": s.outcomes,
                    "cited_outcomes": s.cited_outcomes,
                    "any_cited_in_top3": round(s.top3_rate()),
                    "cited_share_in_top3": round(s.cited_share_rate()),
                    "none_outcomes": s.none_outcomes,
                    "none_suggested_none": s.none_matched,
                    "coverage_match": round(s.coverage_rate()),
                    "coverage_match_thresholds_held_out": round(*held_out),
                    "coverage_confusion": {
                        "rows": "reviewed none, partial, full",
                        "columns": "suggested none, partial, full",
                        "counts": s.confusion,
                    },
                })
            })
            .collect();
        print_json(&json!({
            "councils": councils,
            "goals": { "any_cited_in_top3": 0.9, "coverage_match": 0.8 },
            "thresholds": {
                "shipped": { "partial_from": round(PARTIAL_FROM), "full_from": round(FULL_FROM) },
                "fitted_on_all": { "partial_from": round(fitted_partial), "full_from": round(fitted_full) },
            },
        }));
    } else {
        out!(
            "{:<18} {:>8} {:>6} {:>10} {:>11} {:>10} {:>9} {:>10}",
            "council",
            "outcomes",
            "cited",
            "any@top3",
            "share@top3",
            "none hit",
            "coverage",
            "cov(held)"
        );
        for ((id, s), held_out) in rows.iter().zip(&held_out) {
            out!(
                "{:<18} {:>8} {:>6} {:>10.3} {:>11.3} {:>10} {:>9.3} {:>10.3}",
                id,
                s.outcomes,
                s.cited_outcomes,
                s.top3_rate(),
                s.cited_share_rate(),
                format!("{}/{}", s.none_matched, s.none_outcomes),
                s.coverage_rate(),
                held_out
            );
        }
        out!("any@top3: reviewed outcomes citing clauses with at least one of them among the draft's top 3");
        out!("share@top3: mean share of each such outcome's cited clauses (up to 3) among the top 3");
        out!("none hit: reviewed `none` outcomes the draft also suggests none for; coverage: all outcomes,");
        out!("with the shipped thresholds (fitted on all five); cov(held): thresholds fitted on the other four");
        out!(
            "strength thresholds: shipped partial from {PARTIAL_FROM:.3}, full from {FULL_FROM:.3}; fitted on all five: {fitted_partial:.3}, {fitted_full:.3}"
        );
        out!("goals: any@top3 >= 0.90, coverage >= 0.80");
    }
    Ok(ExitCode::SUCCESS)
}

fn import(rest: &[String]) -> Result<ExitCode, UsageError> {
    let flags = parse_flags(rest, &["--id", "--name"])?;
    let id = flags.value("--id").ok_or_else(|| UsageError("--id is required".into()))?;
    let name = flags.value("--name").ok_or_else(|| UsageError("--name is required".into()))?;
    let [source] = flags.positional.as_slice() else {
        return Err(UsageError("import needs exactly one source text file".into()));
    };
    let text = std::fs::read_to_string(source).map_err(|e| UsageError(format!("cannot read {source}: {e}")))?;
    let file_name = Path::new(source).file_name().map_or(source.clone(), |n| n.to_string_lossy().to_string());
    let draft = draft_council_file(&id, &name, &format!("sources/{file_name}"), &text);
    out!("{}", draft.strip_suffix('\n').unwrap_or(&draft));
    Ok(ExitCode::SUCCESS)
}

fn print_json(value: &Value) {
    out!("{}", serde_json::to_string_pretty(value).expect("JSON values always serialise"));
}

fn write_line(line: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_fmt(line).and_then(|()| stdout.write_all(b"\n")).and_then(|()| stdout.flush()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("protocol-guide: cannot write the output: {error}");
            std::process::exit(1);
        }
        std::process::exit(0);
    }
}

fn council_summary(council: &Council) -> Value {
    json!({
        "id": council.id,
        "name": council.name,
        "short_name": council.short_name,
        "document": council.document,
        "council_type": council.council_type,
        "adopted": council.adopted,
        "clauses": council.clauses.len(),
        "outcomes": council.flow.outcomes().count(),
    })
}

/// Clause text in the same form a council file uses: blank lines between blocks, `- ` items.
fn clause_text(clause: &Clause) -> String {
    clause
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => text.to_string(),
            Block::List(items) => items.iter().map(|item| format!("- {item}")).collect::<Vec<_>>().join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn export(council: &Council) -> Value {
    let clauses: Vec<Value> = council
        .clauses
        .iter()
        .map(|clause| {
            json!({
                "id": clause.id,
                "number": clause.number,
                "label": clause.label,
                "background": clause.background,
                "heading": clause.headings,
                "title": clause.title,
                "text": clause_text(clause),
            })
        })
        .collect();
    let nodes: Vec<Value> = council
        .flow
        .nodes()
        .iter()
        .map(|node| match node {
            Node::Question(question) => json!({
                "id": question.id,
                "kind": "question",
                "text": question.text,
                "hint": question.hint,
                "options": question.options.iter().map(|c| json!({"label": c.label, "next": c.next})).collect::<Vec<_>>(),
            }),
            Node::Outcome(outcome) => outcome_json(council, outcome),
        })
        .collect();
    json!({
        "council": {
            "id": council.id,
            "name": council.name,
            "short_name": council.short_name,
            "document": council.document,
            "council_type": council.council_type,
            "adopted": council.adopted,
            "roles": council.roles,
            "interpreter": council.interpreter.as_ref().map(|i| json!({"role": i.role, "clause": i.cite.clause, "quote": i.cite.quote})),
        },
        "clauses": clauses,
        "flow": { "start": council.flow.start, "nodes": nodes },
    })
}

fn outcome_json(council: &Council, outcome: &Outcome) -> Value {
    let mut value = json!({
        "id": outcome.id,
        "kind": "outcome",
        "topic": outcome.topic,
        "situation": outcome.situation,
        "title": outcome.title,
        "coverage": outcome.coverage.as_str(),
        "covered": outcome.coverage.is_full(),
        "guidance": outcome.guidance.iter().map(|line| line.text.as_ref()).collect::<Vec<_>>().join("\n"),
        "points": outcome.guidance.iter().map(|line| json!({"text": line.text, "cites": line.clauses})).collect::<Vec<_>>(),
        "contact": outcome.contact.as_ref().map(|contact| json!({"role": contact.role, "clause": contact.clause})),
        "cites": outcome.cites.iter().map(|c| json!({"clause": c.clause, "quote": c.quote})).collect::<Vec<_>>(),
        "answers": answers_to(council, &outcome.id),
        "draft": outcome.draft,
    });
    match &outcome.coverage {
        Coverage::Full => {}
        Coverage::Partial { gap } => value["gap"] = json!(gap),
        Coverage::None { related } => {
            value["related"] = related.iter().map(|clause| json!({"clause": clause})).collect()
        }
    }
    value
}

fn hit_json(hit: Hit) -> Value {
    json!({
        "kind": hit.kind.as_str(),
        "id": hit.id,
        "title": hit.title,
        "score": (f64::from(hit.score) * 1000.0).round() / 1000.0,
        "coverage": hit.coverage.as_str(),
        "gap": hit.gap,
        "cites": hit.cites,
        "matched": hit.matched,
    })
}

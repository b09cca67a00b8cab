//! Search quality on a question set (recall@1, recall@3) and search speed and memory.

use protocol_core::library::Library;
use protocol_core::search::SearchIndex;
use serde::Deserialize;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;
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
    expect: Vec<String>,
}

fn result_key(kind: &str, id: &str) -> String {
    if kind == "clause" {
        format!("clause:{id}")
    } else {
        id.to_string()
    }
}

pub fn run(library: &Library, set: &Path) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(set).map_err(|e| format!("cannot read {}: {e}", set.display()))?;
    let questions: QuestionSet = toml::from_str(&text).map_err(|e| format!("{}: {}", set.display(), e.message()))?;
    let mut indexes = std::collections::HashMap::new();
    let (mut at_1, mut at_3) = (0usize, 0usize);
    let mut misses = Vec::new();
    for question in &questions.question {
        let council = library
            .council(&question.council)
            .ok_or_else(|| format!("unknown council `{}` in the set", question.council))?;
        let index = indexes
            .entry(question.council.clone())
            .or_insert_with(|| SearchIndex::build(council, &library.topics, &library.synonyms));
        let hits = index.search(&question.text, 3);
        let keys: Vec<String> = hits.iter().map(|h| result_key(h.kind.as_str(), &h.id)).collect();
        let rank = keys.iter().position(|k| question.expect.contains(k));
        if rank == Some(0) {
            at_1 += 1;
        }
        if rank.is_some() {
            at_3 += 1;
        } else {
            misses.push(json!({"council": question.council, "persona": question.persona, "text": question.text, "expect": question.expect, "got": keys}));
        }
    }
    let total = questions.question.len().max(1) as f64;
    out!(
        "{}",
        serde_json::to_string_pretty(&json!({
            "questions": questions.question.len(),
            "recall_at_1": (at_1 as f64 / total * 1000.0).round() / 1000.0,
            "recall_at_3": (at_3 as f64 / total * 1000.0).round() / 1000.0,
            "misses": misses,
        }))
        .expect("JSON")
    );
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
    out!("{:<20} {:>6} {:>10} {:>12} {:>10} {:>10}", "council", "docs", "build ms", "index KiB", "p50 µs", "p99 µs");
    for council in councils {
        let started = Instant::now();
        let index = SearchIndex::build(council, &library.topics, &library.synonyms);
        let build_ms = started.elapsed().as_secs_f64() * 1000.0;
        // Every prefix of every query, as typed one keystroke at a time.
        let mut timings = Vec::new();
        for _ in 0..20 {
            for query in BENCH_QUERIES {
                for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
                    let started = Instant::now();
                    std::hint::black_box(index.search(&query[..end], 8));
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

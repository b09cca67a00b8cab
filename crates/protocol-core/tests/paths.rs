//! Node-by-node flow tests: each council's path table replays answers through the real data and
//! pins the outcome reached, its coverage and the exact clauses it cites.

mod common;
use common::*;
use protocol_core::engine::replay;
use protocol_core::library::{council_files, load_topics_in};
use protocol_core::loader::load_council_file;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathTable {
    path: Vec<PathRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathRow {
    answers: Vec<String>,
    outcome: String,
    coverage: String,
    cites: Vec<String>,
}

#[test]
fn every_council_has_a_path_table_covering_every_outcome() {
    // Each council on its own, so one broken file never hides another's results.
    let dir = repo().join("protocols");
    let topics = load_topics_in(&dir).unwrap_or_else(|d| panic!("the topic catalogue must load:\n{d}"));
    let files = council_files(&dir).expect("protocols folder");
    assert_eq!(files.len(), 5, "five councils ship");
    let mut failures = Vec::new();
    for file in &files {
        let loaded = match load_council_file(file, &topics) {
            Ok(loaded) => loaded,
            Err(diagnostics) => {
                failures.push(format!("{} does not load:\n{diagnostics}", file.display()));
                continue;
            }
        };
        let council = &loaded.council;
        let table_path = format!("tests/paths/{}.toml", council.id);
        let table: PathTable = toml::from_str(&read_own(&table_path)).unwrap_or_else(|e| panic!("{table_path}: {e}"));
        let mut reached = BTreeSet::new();
        for (row_index, row) in table.path.iter().enumerate() {
            let place = format!("{table_path} row {} ({})", row_index + 1, row.outcome);
            match replay(council, &row.answers) {
                Err(error) => failures.push(format!("{place}: {error}")),
                Ok(walk) => match walk.outcome() {
                    None => {
                        failures.push(format!("{place}: stops at question `{}`, not an outcome", walk.current.id()))
                    }
                    Some(outcome) => {
                        if outcome.id != row.outcome {
                            failures.push(format!("{place}: reaches `{}` instead", outcome.id));
                        }
                        let cited: BTreeSet<&str> = outcome.cites.iter().map(|c| c.clause.as_ref()).collect();
                        let expected: BTreeSet<&str> = row.cites.iter().map(String::as_str).collect();
                        if cited != expected {
                            failures.push(format!("{place}: cites {cited:?}, table expects {expected:?}"));
                        }
                        if outcome.coverage.as_str() != row.coverage {
                            failures.push(format!(
                                "{place}: coverage is \"{}\", table expects \"{}\"",
                                outcome.coverage.as_str(),
                                row.coverage
                            ));
                        }
                        reached.insert(outcome.id.to_string());
                    }
                },
            }
        }
        for outcome in council.flow.outcomes() {
            if !reached.contains(outcome.id.as_ref()) {
                failures.push(format!("{table_path}: no row reaches outcome `{}`", outcome.id));
            }
        }
    }
    assert!(failures.is_empty(), "{} path problem(s):\n{}", failures.len(), failures.join("\n"));
}

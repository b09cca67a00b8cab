//! Node-by-node flow tests: each council's path table replays answers through the real data and
//! pins the outcome reached and the exact clauses it cites.

mod common;
use common::*;
use protocol_core::engine::replay;
use protocol_core::library::load_library;
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
    cites: Vec<String>,
}

#[test]
fn every_council_has_a_path_table_covering_every_outcome() {
    let library = load_library(&repo().join("protocols")).unwrap_or_else(|d| panic!("protocols must load:\n{d}"));
    assert_eq!(library.councils.len(), 5, "five councils ship");
    let mut failures = Vec::new();
    for loaded in &library.councils {
        let council = &loaded.council;
        let table_path = format!("tests/paths/{}.toml", council.id);
        let table: PathTable = toml::from_str(&read(&table_path)).unwrap_or_else(|e| panic!("{table_path}: {e}"));
        let mut reached = BTreeSet::new();
        for (row_index, row) in table.path.iter().enumerate() {
            let place = format!("{table_path} row {} ({})", row_index + 1, row.outcome);
            match replay(council, &row.answers) {
                Err(error) => failures.push(format!("{place}: {error}")),
                Ok(walk) => match walk.outcome() {
                    None => failures.push(format!("{place}: stops at question `{}`, not an outcome", walk.current.id())),
                    Some(outcome) => {
                        if outcome.id != row.outcome {
                            failures.push(format!("{place}: reaches `{}` instead", outcome.id));
                        }
                        let cited: BTreeSet<&str> = outcome.cites.iter().map(|c| c.clause.as_ref()).collect();
                        let expected: BTreeSet<&str> = row.cites.iter().map(String::as_str).collect();
                        if cited != expected {
                            failures.push(format!("{place}: cites {cited:?}, table expects {expected:?}"));
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

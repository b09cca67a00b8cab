//! The command line as councils and scripts use it: output shape, exit codes, one-line errors.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protocol-guide")).args(args).current_dir(repo()).output().expect("runs")
}

fn stdout_json(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn list_prints_the_five_councils() {
    let json = stdout_json(&run(&["list"]));
    let ids: Vec<&str> =
        json["councils"].as_array().expect("array").iter().map(|c| c["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["crawley", "guildford", "leighton-linslade", "model", "pitstone"]);
    assert_eq!(json["councils"][2]["name"], "Leighton-Linslade Town Council");
}

#[test]
fn export_has_the_stable_shape_and_every_clause() {
    let json = stdout_json(&run(&["export", "--council", "leighton-linslade"]));
    for key in ["id", "name", "document", "adopted"] {
        assert!(json["council"].get(key).is_some(), "council.{key}");
    }
    let clauses = json["clauses"].as_array().expect("clauses");
    let ids: Vec<&str> = clauses.iter().map(|c| c["id"].as_str().expect("id")).collect();
    assert_eq!(ids.first(), Some(&"1.1"));
    assert!(ids.contains(&"8.7") && ids.contains(&"A.common-law.2") && ids.contains(&"A.foi"));
    let clause = clauses.iter().find(|c| c["id"] == "8.7").expect("8.7");
    assert_eq!(clause["label"], "Clause 8.7");
    assert_eq!(clause["heading"][0], "8.  The Management of Officers");
    assert!(clause["text"].as_str().expect("text").contains("the matter should be raised with the Town Mayor"));
    let appendix = clauses.iter().find(|c| c["id"] == "A.common-law.2").expect("appendix clause");
    assert_eq!(appendix["label"], "Appendix A, Common Law, paragraph 2");
}

#[test]
fn export_flow_nodes_follow_the_documented_shape() {
    let json = stdout_json(&run(&["export", "--council", "crawley"]));
    let flow = &json["flow"];
    assert_eq!(flow["start"], "start");
    let nodes = flow["nodes"].as_array().expect("nodes");
    let question = nodes.iter().find(|n| n["kind"] == "question").expect("a question");
    for key in ["id", "text", "options"] {
        assert!(question.get(key).is_some(), "question.{key}");
    }
    assert!(question["options"][0].get("label").is_some() && question["options"][0].get("next").is_some());
    let outcome = nodes.iter().find(|n| n["id"] == "complaints.about-officer").expect("outcome");
    for key in ["id", "kind", "topic", "situation", "title", "guidance", "coverage", "covered", "cites"] {
        assert!(outcome.get(key).is_some(), "outcome.{key}");
    }
    assert_eq!(outcome["topic"], "complaints");
    assert_eq!(outcome["situation"], "complaints.councillor-about-officer");
    assert_eq!(outcome["coverage"], "full");
    assert_eq!(outcome["covered"], true);
    // Each coverage state carries its own detail, and `covered` is true only for full.
    let outcomes: Vec<&Value> = nodes.iter().filter(|n| n["kind"] == "outcome").collect();
    let partial = outcomes.iter().find(|n| n["coverage"] == "partial").expect("a partial outcome");
    assert!(partial["gap"].as_str().is_some_and(|gap| !gap.is_empty()), "{partial}");
    assert_eq!(partial["covered"], false);
    let none = outcomes.iter().find(|n| n["coverage"] == "none").expect("an outcome where the protocol is silent");
    assert!(
        none["related"].is_array() && none["guidance"] == "" && none["cites"].as_array().is_some_and(Vec::is_empty),
        "{none}"
    );
    assert!(outcomes
        .iter()
        .all(|n| n["contact"].is_null() || (n["contact"]["role"].is_string() && n["contact"]["clause"].is_string())));
    let background = json["clauses"]
        .as_array()
        .expect("clauses")
        .iter()
        .find(|c| c["background"] == true)
        .expect("a background clause");
    assert_eq!(background["id"], "1.1");
    assert!(outcome["cites"].as_array().expect("cites").iter().any(|c| c["clause"] == "4.2" && c["quote"].is_string()));
}

#[test]
fn coverage_lists_clauses_no_outcome_cites_and_fails_on_them() {
    let clean = run(&["coverage", "--council", "crawley"]);
    assert!(clean.status.success(), "{}", String::from_utf8_lossy(&clean.stderr));
    assert!(String::from_utf8_lossy(&clean.stdout).contains("0 neither"));
    // A copy of Crawley with clause 1.1 no longer marked background: it is cited by nothing.
    let dir = tempdir("coverage");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    for file in ["topics.toml", "sources/crawley.txt"] {
        std::fs::copy(repo().join("protocols").join(file), dir.join(file)).expect("copy");
    }
    let text = std::fs::read_to_string(repo().join("protocols/crawley.toml")).expect("crawley");
    assert!(text.contains("background = true"), "the test needs a background clause to unmark");
    std::fs::write(dir.join("crawley.toml"), text.replacen("background = true", "", 1)).expect("write");
    let output = run(&["--dir", dir.to_str().expect("utf-8"), "coverage", "--council", "crawley"]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("clause 1.1 is cited by no outcome and not marked background"), "{report}");
    assert!(report.contains("1 neither"), "{report}");
    let unknown = run(&["coverage", "--council", "atlantis"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn export_lists_every_clause_for_all_five_councils() {
    let expected = [("crawley", 45), ("guildford", 91), ("leighton-linslade", 71), ("model", 16), ("pitstone", 123)];
    for (id, count) in expected {
        let json = stdout_json(&run(&["export", "--council", id]));
        assert_eq!(json["clauses"].as_array().expect("clauses").len(), count, "{id}");
    }
}

fn assert_usage_error(output: &Output, fragment: &str) {
    assert_eq!(output.status.code(), Some(2), "exit code");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(fragment), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn unknown_council_is_one_line_and_exit_2() {
    assert_usage_error(&run(&["export", "--council", "atlantis"]), "unknown council `atlantis`");
}

#[test]
fn unknown_flag_is_one_line_and_exit_2() {
    assert_usage_error(&run(&["export", "--councl", "crawley"]), "unknown flag `--councl`");
    assert_usage_error(&run(&["list", "--json"]), "unexpected argument `--json`");
    assert_usage_error(&run(&["frobnicate"]), "unknown command `frobnicate`");
}

#[test]
fn validate_passes_good_files_and_fails_broken_ones() {
    let good = run(&["validate", "protocols/crawley.toml", "protocols/model.toml"]);
    assert!(good.status.success(), "{}", String::from_utf8_lossy(&good.stderr));
    let report = String::from_utf8_lossy(&good.stdout);
    assert!(report.contains("protocols/crawley.toml: valid: 45 clauses, 100.0% of the source's words"), "{report}");

    let dir = tempdir("broken");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    std::fs::copy(
        repo().join("crates/protocol-core/tests/fixtures/valid/sources/fixture.txt"),
        dir.join("sources/fixture.txt"),
    )
    .expect("copy");
    let broken = std::fs::read_to_string(repo().join("crates/protocol-core/tests/fixtures/valid/fixture.toml"))
        .expect("fixture")
        .replace("id = \"1.2\"", "id = \"1.1\"");
    let file = dir.join("fixture.toml");
    std::fs::write(&file, broken).expect("write");
    let output = run(&["validate", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("fixture.toml:") && stderr.contains("duplicate clause id 1.1"), "{stderr}");
}

#[test]
fn import_drafts_a_file_that_passes_the_clause_checks() {
    // Crawley is fully numbered, so the importer's draft should already hold every word verbatim.
    let draft = run(&["import", "--id", "crawley-draft", "--name", "Crawley draft", "protocols/sources/crawley.txt"]);
    assert!(draft.status.success());
    let dir = tempdir("import");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    std::fs::copy(repo().join("protocols/sources/crawley.txt"), dir.join("sources/crawley.txt")).expect("copy");
    let file = dir.join("crawley-draft.toml");
    std::fs::write(&file, &draft.stdout).expect("write");
    let output = run(&["validate", file.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Only the guide is missing from a draft: no clause, numbering or coverage problem.
    assert!(
        !stderr.contains("text not found") && !stderr.contains("clauses cover") && !stderr.contains("clause id"),
        "{stderr}"
    );
    assert!(stderr.contains("has situations with no node"), "{stderr}");
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("protocol-guide-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn validate_accepts_the_shared_catalogue_files_too() {
    let output = run(&[
        "validate",
        "protocols/topics.toml",
        "protocols/synonyms.toml",
        "protocols/phrasings.toml",
        "protocols/model.toml",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("protocols/topics.toml: valid: 12 topics"), "{report}");
    assert!(report.contains("synonym groups"), "{report}");
    assert!(report.contains("phrasings of situations") && report.contains("of other council business"), "{report}");
}

#[test]
fn ask_prints_ranked_results_in_the_documented_shape() {
    let json =
        stdout_json(&run(&["ask", "--council", "leighton-linslade", "who do I complain to about the town clerk"]));
    let results = json["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        for key in ["kind", "id", "title", "score", "coverage", "cites"] {
            assert!(result.get(key).is_some(), "result.{key}");
        }
        assert!(result["kind"] == "outcome" || result["kind"] == "clause");
        assert!(["full", "partial", "none"].contains(&result["coverage"].as_str().expect("coverage")), "{result}");
    }
    let scores: Vec<f64> = results.iter().map(|r| r["score"].as_f64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
    assert_eq!(results[0]["id"], "complaints.about-town-clerk");
    assert_eq!(results[0]["cites"][0], "8.7");
}

#[test]
fn ask_ranks_the_not_covered_outcome_first_when_the_protocol_is_silent() {
    // The Model protocol says nothing about the press.
    let json = stdout_json(&run(&["ask", "--council", "model", "can I talk to a journalist from the local newspaper"]));
    let first = &json["results"][0];
    assert_eq!(first["kind"], "outcome");
    assert_eq!(first["coverage"], "none", "{first}");
    assert!(first["id"].as_str().expect("id").starts_with("media."), "{first}");
}

#[test]
fn ask_tolerates_typos() {
    let json =
        stdout_json(&run(&["ask", "--council", "crawley", "complian to the monitering officer about a councillor"]));
    let ids: Vec<&str> =
        json["results"].as_array().expect("results").iter().take(3).map(|r| r["id"].as_str().expect("id")).collect();
    assert!(ids.iter().any(|id| id.starts_with("complaints.")), "{ids:?}");
}

#[test]
fn ask_without_a_question_or_council_is_a_usage_error() {
    assert_usage_error(&run(&["ask", "--council", "crawley"]), "ask needs a question");
    assert_usage_error(&run(&["ask", "--council", "atlantis", "hello"]), "unknown council `atlantis`");
}

/// The recall each set must keep, as (recall@1, recall@3): first counting a partly covered outcome
/// of the situation asked about, whose result states its gap, as an honest answer to a question the
/// protocol does not answer (ADR 0006); then strictly, as issue 12 first counted (only a none outcome
/// or "no close match"), so that the first rule cannot hide a loss. The independent sets are never tuned on: the first
/// was frozen before any ranking change, the second and third after the last one. Their floors sit at
/// or just under what the search reaches today, so any change that loses ground there fails.
struct Floors {
    set: &'static str,
    stated_gap: (f64, f64),
    strict: (f64, f64),
}

const RECALL_FLOORS: [Floors; 7] = [
    Floors { set: "development.toml", stated_gap: (0.88, 0.98), strict: (0.88, 0.98) },
    Floors { set: "development-unanswered.toml", stated_gap: (0.93, 0.97), strict: (0.88, 0.90) },
    Floors { set: "development-2.toml", stated_gap: (0.83, 0.92), strict: (0.79, 0.87) },
    Floors { set: "holdout.toml", stated_gap: (0.80, 0.95), strict: (0.80, 0.95) },
    // Issue 12's goal, as floor: counting stated gaps, the independent set meets it exactly.
    Floors { set: "independent", stated_gap: (0.85, 0.95), strict: (0.82, 0.89) },
    // Written and frozen after the last ranking change, and measured once: short of the goal at 3.
    Floors { set: "independent-2", stated_gap: (0.86, 0.93), strict: (0.78, 0.83) },
    // Frozen after the second was measured, with no change to search since, and measured once.
    Floors { set: "independent-3", stated_gap: (0.89, 0.96), strict: (0.80, 0.87) },
];

#[test]
fn search_recall_on_every_question_set_keeps_its_floor() {
    let json = stdout_json(&run(&["eval-search"]));
    let sets = json["sets"].as_array().expect("sets");
    assert_eq!(sets.len(), RECALL_FLOORS.len());
    for (set, floors) in sets.iter().zip(&RECALL_FLOORS) {
        let (name, path) = (floors.set, set["set"].as_str().expect("set path"));
        assert!(path.ends_with(name), "{path}");
        for (figures, (at_1, at_3), rule) in
            [(set, floors.stated_gap, "stated gaps"), (&set["strict"], floors.strict, "strict")]
        {
            let (got_1, got_3) =
                (figures["recall_at_1"].as_f64().expect("r@1"), figures["recall_at_3"].as_f64().expect("r@3"));
            assert!(
                got_1 >= at_1 && got_3 >= at_3,
                "{name} ({rule}): recall@1 {got_1} (floor {at_1}), recall@3 {got_3} (floor {at_3})"
            );
        }
    }
    for independent in &sets[4..] {
        assert!(independent["questions"].as_u64().expect("count") >= 300);
        let unanswered = independent["unanswered"]["questions"].as_u64().expect("count");
        assert!(unanswered * 100 >= independent["questions"].as_u64().expect("count") * 15, "at least 15% unanswered");
        for council in ["crawley", "guildford", "leighton-linslade", "model", "pitstone"] {
            assert!(independent["by_council"][council]["questions"].as_u64().expect("count") >= 50, "{council}");
        }
    }
}

/// Issue 12's goal, counting stated gaps, on the two sets frozen after the last ranking change taken
/// together (ADR 8): each alone is a sample of about 300, and they straddle the goal at 3. Checked on
/// the counts, so a share rounded up to 0.95 does not pass.
#[test]
fn the_frozen_sets_pooled_keep_issue_12s_goal() {
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/");
    let (second, third) = (format!("{own}independent-2"), format!("{own}independent-3"));
    let apart = stdout_json(&run(&["eval-search", "--set", &second, "--set", &third]));
    let json = stdout_json(&run(&["eval-search", "--set", &second, "--set", &third, "--pooled"]));
    let sets = json["sets"].as_array().expect("sets");
    let [second, third, pooled] = &sets[..] else { panic!("two sets and the pooled one: {json}") };
    // Pooling adds a report and leaves each set's own as it was.
    assert_eq!(&sets[..2], apart["sets"].as_array().expect("sets").as_slice());
    assert!(pooled["set"].as_str().expect("name").starts_with("pooled: "));
    let count = |set: &Value, key: &str| set[key].as_u64().expect(key);
    for key in ["questions", "right_at_1", "right_at_3"] {
        assert_eq!(count(pooled, key), count(second, key) + count(third, key), "{key}");
    }
    let (questions, at_1, at_3) =
        (count(pooled, "questions"), count(pooled, "right_at_1"), count(pooled, "right_at_3"));
    assert!(at_1 * 100 >= 85 * questions && at_3 * 100 >= 95 * questions, "{at_1} and {at_3} of {questions}");
}

#[test]
fn a_partly_covered_outcome_of_the_situation_asked_is_honest_only_where_its_gap_is_shown() {
    // Guildford's pre-election outcome is partial (it sets no rules for publicity before an
    // election); its instructing outcome is full, so it can never stand for "not covered"; and a
    // gap answers only for its own situation.
    let dir = tempdir("stated-gap");
    let set = dir.join("set.toml");
    std::fs::write(
        &set,
        r#"
[[question]]
council = "guildford"
persona = "councillor"
text = "publicity before the election"
answered = false
situations = ["media.pre-election"]

[[question]]
council = "guildford"
persona = "councillor"
text = "can a councillor instruct an officer"
answered = false
situations = ["asking-officers.instructing"]

[[question]]
council = "guildford"
persona = "councillor"
text = "publicity before the election"
answered = false
situations = ["media.social-media"]
"#,
    )
    .expect("write set");
    let json = stdout_json(&run(&["eval-search", "--set", set.to_str().expect("utf-8")]));
    // Only the first counts: the second's outcome is full, the third's gap is another situation's.
    assert_eq!(json["unanswered"]["recall_at_1"], 0.333, "{json}");
    assert_eq!(json["strict"]["unanswered"]["recall_at_1"], 0.0, "{json}");
    let asked = stdout_json(&run(&["ask", "--council", "guildford", "publicity before the election"]));
    assert_eq!(asked["results"][0]["id"], "media.pre-election", "{asked}");
    assert_eq!(asked["results"][0]["gap"], "It does not set rules for publicity in the period before an election.");
    let results = asked["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["coverage"] != "partial"), "{asked}");
    for result in results.iter().filter(|r| r["coverage"] != "partial") {
        assert!(result["gap"].is_null(), "only a partly covered result has a gap: {result}");
    }
}

#[test]
fn pooling_needs_distinct_sets_given_by_name() {
    assert_usage_error(&run(&["eval-search", "--pooled"]), "--pooled needs the sets to pool");
    let set = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/holdout.toml");
    assert_usage_error(&run(&["eval-search", "--set", set, "--set", set, "--pooled"]), "is given twice");
}

#[test]
fn ask_says_when_nothing_is_a_close_match() {
    // Other council business: the search must not offer a confident, unrelated answer.
    let json = stdout_json(&run(&["ask", "--council", "crawley", "when are the bins collected on my street"]));
    assert_eq!(json["no_close_match"], true, "{json}");
    let json = stdout_json(&run(&["ask", "--council", "crawley", "officer was rude to me"]));
    assert_eq!(json["no_close_match"], false, "{json}");
    assert!(json["results"][0]["matched"].as_array().is_some_and(|m| !m.is_empty()), "results say why they matched");
}

#[test]
fn help_is_printed_wherever_it_is_asked_for() {
    for args in [&["--help"][..], &["export", "--help"], &["ask", "-h"]] {
        let output = run(args);
        assert!(output.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stdout).starts_with("usage: protocol-guide"), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // As `protocol-guide export … | head -c 100` does: read a little, then close the pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_protocol-guide"))
        .args(["export", "--council", "pitstone"])
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 100];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    let output = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(output.status.success(), "status {:?}, stderr: {stderr}", output.status);
}

#[test]
fn validate_on_a_mangled_file_exits_1_with_positions_never_a_crash() {
    let dir = tempdir("mangled");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    for file in ["topics.toml", "sources/model.txt"] {
        std::fs::copy(repo().join("protocols").join(file), dir.join(file)).expect("copy");
    }
    let text = std::fs::read_to_string(repo().join("protocols/model.toml")).expect("model");
    // Cuts through every part of the file, and stray characters a bad paste leaves behind.
    let mut variants: Vec<String> =
        (1..16).map(|k| text[..text.floor_char_boundary(text.len() * k / 16)].to_string()).collect();
    for junk in ["\"", "[[outcome]]\n", "\u{feff}", "= =", "é\u{301}"] {
        let at = text.floor_char_boundary(text.len() / 3);
        variants.push(format!("{}{junk}{}", &text[..at], &text[at..]));
    }
    for (index, variant) in variants.iter().enumerate() {
        let file = dir.join("model.toml");
        std::fs::write(&file, variant).expect("write");
        let output = run(&["validate", file.to_str().expect("utf-8")]);
        let code = output.status.code();
        assert!(code == Some(0) || code == Some(1), "variant {index}: exit {code:?}");
        if code == Some(1) {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let position = format!("{}:", file.display());
            assert!(
                stderr.lines().any(|l| l.starts_with(&position)
                    && l[position.len()..].split(':').next().is_some_and(|n| n.parse::<u32>().is_ok())),
                "variant {index}: {stderr}"
            );
        }
    }
}

#[test]
fn diff_reports_a_reworded_a_removed_and_an_added_clause_and_the_outcomes_they_touch() {
    let source = std::fs::read_to_string(repo().join("protocols/sources/crawley.txt")).expect("source");
    // 7.1 loses "reasonably"; 9.2 is struck out; a new 9.3 follows 9.1.
    let reworded = "information and advice as they may reasonably need";
    let removed = "9.2. All press releases, including comments, during the Pre-Election Period (period of \nheightened sensitivity), will be from a Council spokesperson.";
    assert!(source.contains(reworded) && source.contains(removed), "the test needs these passages");
    let revised = source
        .replace(reworded, "information and advice as they may need")
        .replace(removed, "9.3. Councillors will read this protocol again each May.");
    let dir = tempdir("diff");
    let file = dir.join("revised.txt");
    std::fs::write(&file, revised).expect("write");
    let output = run(&["diff", "--council", "crawley", file.to_str().expect("utf-8"), "--json"]);
    assert_eq!(output.status.code(), Some(1), "a revision with changes exits 1");
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let changes = json["changes"].as_array().expect("changes");
    let kinds: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c["kind"].as_str().unwrap().to_string(), c["clause"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        kinds,
        [("reworded".to_string(), "7.1".to_string()), ("removed".to_string(), "9.2".to_string())],
        "{json}"
    );
    assert!(changes[0]["words"].as_str().unwrap().contains("[-reasonably-]"), "{json}");
    let added = json["added"].as_array().expect("added");
    assert_eq!(added.len(), 1, "{json}");
    assert!(added[0]["text"].as_str().unwrap().contains("Councillors will read this protocol again each May."));
    assert_eq!(json["unchanged"], 43);
    // Every outcome citing 9.2 is listed, and 7.1's quotes are checked word for word.
    let outcomes = json["outcomes"].as_array().expect("outcomes");
    assert!(outcomes.iter().any(|o| o["outcome"] == "media.pre-election" && o["clause"] == "9.2"), "{json}");
    assert!(outcomes.iter().filter(|o| o["clause"] == "7.1").all(|o| o["reason"].as_str().unwrap().contains("quote")));
    assert!(
        outcomes.iter().any(|o| o["clause"] == "7.1" && o["reason"].as_str().unwrap().contains("no longer holds")),
        "{json}"
    );
    // The source the file was checked against: nothing to do.
    let same = run(&["diff", "--council", "crawley", "protocols/sources/crawley.txt"]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stdout));
}

#[test]
fn compile_writes_one_council_that_decodes_to_the_checked_data() {
    let dir = tempdir("compile");
    let out = dir.join("pitstone.pgd");
    let output = run(&["compile", "protocols/pitstone.toml", "-o", out.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let bytes: &'static [u8] = Box::leak(std::fs::read(&out).expect("written").into_boxed_slice());
    let dataset = protocol_core::codec::decode(bytes).expect("the widget's decoder reads it");
    assert_eq!(dataset.councils.len(), 1);
    assert_eq!(dataset.councils[0].id, "pitstone");
    assert_eq!(dataset.councils[0].clauses.len(), 123);
    // The widget has its own phrasings: the file carries only what the council needs.
    assert!(dataset.topics.iter().flat_map(|t| t.situations.iter()).all(|s| s.phrasings.is_empty()));
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    let broken = run(&["compile", "protocols/topics.toml", "-o", out.to_str().expect("utf-8")]);
    assert_eq!(broken.status.code(), Some(2));
}

/// A folder holding a drafted council file beside a copy of the sources, as a clerk would keep it.
fn drafted(name: &str, council: &str) -> (PathBuf, PathBuf) {
    let dir = tempdir(name);
    let sources = dir.join("sources");
    std::fs::create_dir_all(&sources).expect("sources folder");
    for entry in std::fs::read_dir(repo().join("protocols/sources")).expect("sources").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), sources.join(entry.file_name())).expect("copy a source");
        }
    }
    let file = dir.join(format!("{council}.toml"));
    let output = run(&["draft-guide", "--council", council, "-o", file.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (dir, file)
}

#[test]
fn draft_guide_writes_a_file_the_loader_reads_with_every_outcome_a_draft() {
    let (_dir, file) = drafted("draft-guide", "model");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("# Candidates (clause, score, best sentence):"), "the candidates are shown to the clerk");
    let topics = protocol_core::library::load_topics_in(&repo().join("protocols")).expect("topics");
    let loaded = protocol_core::loader::load_council_file(&file, &topics).unwrap_or_else(|d| panic!("{d}"));
    let reviewed = stdout_json(&run(&["export", "--council", "model"]));
    assert_eq!(loaded.council.clauses.len(), reviewed["clauses"].as_array().expect("clauses").len());
    let situations: usize = topics.iter().map(|t| t.situations.len()).sum();
    let outcomes: Vec<_> = loaded.council.flow.outcomes().collect();
    assert_eq!(outcomes.len(), situations);
    assert!(outcomes.iter().all(|o| o.draft));
    assert!(outcomes.iter().any(|o| !o.cites.is_empty()), "some situation is answered");
    // A path works as well as an id, and the guide in the file is ignored, not drafted from.
    let again = run(&["draft-guide", "--council", file.to_str().expect("utf-8")]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(String::from_utf8_lossy(&again.stdout).trim_end(), text.trim_end());
}

#[test]
fn drafts_are_a_warning_for_validate_and_refused_for_a_release_or_a_compile() {
    let (dir, file) = drafted("draft-refusals", "model");
    let path = file.to_str().expect("utf-8");
    let validated = run(&["validate", path]);
    assert!(validated.status.success(), "{}", String::from_utf8_lossy(&validated.stderr));
    assert!(String::from_utf8_lossy(&validated.stderr).contains("52 draft outcome(s), not yet reviewed"));
    let release = run(&["validate", "--release", path]);
    assert_eq!(release.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&release.stderr);
    let text = std::fs::read_to_string(&file).expect("written");
    let line = text.lines().position(|l| l == "draft = true").expect("a draft") + 1;
    assert!(stderr.starts_with(&format!("{path}:{line}:")), "{stderr}");
    assert!(stderr.contains("is a draft (`draft = true`)"), "{stderr}");
    let out = dir.join("model.pgd");
    let compiled = run(&["compile", path, "-o", out.to_str().expect("utf-8")]);
    assert_eq!(compiled.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&compiled.stderr).contains("compile it with --preview"));
    assert!(!out.exists());
    let preview = run(&["compile", "--preview", path, "-o", out.to_str().expect("utf-8")]);
    assert!(preview.status.success(), "{}", String::from_utf8_lossy(&preview.stderr));
    let bytes: &'static [u8] = Box::leak(std::fs::read(&out).expect("written").into_boxed_slice());
    let dataset = protocol_core::codec::decode(bytes).expect("decodes");
    assert!(dataset.councils[0].flow.outcomes().all(|o| o.draft));
    // The reviewed councils have no drafts, and their export says so.
    let export = stdout_json(&run(&["export", "--council", "model"]));
    let nodes = export["flow"]["nodes"].as_array().expect("nodes");
    assert!(nodes.iter().filter(|n| n["kind"] == "outcome").all(|n| n["draft"] == false));
    assert!(run(&["validate", "--release", "protocols/model.toml"]).status.success());
}

/// Floors a little under the measured leave-one-out figures (any@top3 0.891, share 0.602,
/// coverage 0.582, coverage with held-out thresholds 0.534): a change to drafting that ranks the
/// reviewed clauses lower, or suggests coverage worse, fails here. The goals (0.90 and 0.80) are
/// not yet met; raise these floors as the figures rise.
#[test]
fn leave_one_out_drafting_keeps_its_floor() {
    let json = stdout_json(&run(&["eval-draft", "--json"]));
    let rows = json["councils"].as_array().expect("rows");
    assert_eq!(rows.len(), 6, "five councils and overall");
    let overall = rows.iter().find(|r| r["council"] == "overall").expect("overall");
    let figure = |key: &str| overall[key].as_f64().expect(key);
    assert!(figure("any_cited_in_top3") >= 0.90, "{overall}");
    assert!(figure("cited_share_in_top3") >= 0.62, "{overall}");
    assert!(figure("coverage_match") >= 0.54, "{overall}");
    assert!(figure("coverage_match_thresholds_held_out") >= 0.46, "{overall}");
    assert_eq!(overall["outcomes"], 294);
    for row in rows {
        assert!(row["any_cited_in_top3"].as_f64().expect("figure") >= 0.8, "{row}");
    }
}

//! Broken council files are rejected with the file, the line and what is wrong.

mod common;
use common::*;

#[test]
fn the_fixture_itself_is_valid() {
    let loaded = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    assert_eq!(loaded.council.clauses.len(), 3);
    assert!((loaded.coverage - 1.0).abs() < 1e-9);
}

#[test]
fn unknown_field_names_file_line_and_field() {
    let broken = fixture_with("short_name = \"Fixture\"", "short_name = \"Fixture\"\nmotto = \"Serve\"");
    let errors = errors_of(&broken);
    let line = line_of(&broken, "motto");
    assert!(errors.starts_with(&format!("protocols/broken.toml:{line}:")), "{errors}");
    assert!(errors.contains("unknown field `motto`"), "{errors}");
}

#[test]
fn toml_syntax_error_names_the_line() {
    let broken = fixture_with("council_type = \"parish council\"", "council_type = \"parish council");
    let errors = errors_of(&broken);
    let line = line_of(&broken, "council_type");
    assert!(errors.contains(&format!("protocols/broken.toml:{line}:")), "{errors}");
}

#[test]
fn duplicate_clause_id_is_rejected_with_both_lines() {
    let broken = fixture_with("id = \"1.2\"", "id = \"1.1\"");
    let errors = errors_of(&broken);
    let first = line_of(&broken, "id = \"1.1\"");
    assert!(errors.contains(&format!("duplicate clause id 1.1 (first used on line {first})")), "{errors}");
}

#[test]
fn changed_word_is_not_found_and_the_nearest_passage_is_shown() {
    let broken = fixture_with(
        "the matter should be raised with the Chair.\n-",
        "the matter should be reported to the Chair.\n-",
    );
    let errors = errors_of(&broken);
    let line = line_of(&broken, "Where the concern is about the Clerk, the matter should be reported");
    assert!(errors.contains(&format!("protocols/broken.toml:{line}:")), "{errors}");
    assert!(errors.contains("clause 1.2 (paragraph 1): text not found in sources/fixture.txt"), "{errors}");
    assert!(errors.contains("nearest passage (source line 12)"), "{errors}");
    assert!(errors.contains("the source goes on \u{201C}raised with the Chair."), "{errors}");
    assert!(errors.contains("the file has \u{201C}reported to the Chair."), "{errors}");
}

#[test]
fn clauses_out_of_order_are_rejected() {
    let text = fixture_text();
    let swapped = text
        .replacen("id = \"1.1\"", "id = \"TMP\"", 1)
        .replacen("id = \"1.2\"", "id = \"1.1\"", 1)
        .replacen("id = \"TMP\"", "id = \"1.2\"", 1);
    let errors = errors_of(&swapped);
    assert!(errors.contains("clause 1.1 comes after clause 1.2"), "{errors}");
}

#[test]
fn a_number_the_source_does_not_print_is_rejected() {
    let broken = fixture_with("id = \"2.1\"", "id = \"2.2\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("clause 2.2: the source does not print the number 2.2 before this text"), "{errors}");
}

#[test]
fn an_id_outside_the_numbering_schemes_is_rejected() {
    let broken = fixture_with("id = \"2.1\"", "id = \"two-one\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("clause id `two-one` does not follow the document's numbering"), "{errors}");
}

#[test]
fn missing_text_lowers_coverage_below_the_bar() {
    // Dropping a sentence keeps every remaining passage verbatim, so only coverage can catch it.
    let broken = fixture_with("A councillor who is unhappy with an officer should raise it with the\nClerk. Criticism should be made in private.", "Criticism should be made in private.");
    let errors = errors_of(&broken);
    assert!(errors.contains("clauses cover"), "{errors}");
    assert!(errors.contains("at least 98% is required"), "{errors}");
    assert!(errors.contains("not in any clause (source line 8): \u{201C}A councillor who is unhappy"), "{errors}");
}

#[test]
fn heading_not_in_source_is_rejected() {
    let broken = fixture_with("heading = \"2. Interpretation\"", "heading = \"2. Interpreting\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("section heading \"2. Interpreting\": text not found"), "{errors}");
}

#[test]
fn all_problems_are_reported_in_one_pass() {
    let broken = fixture_with("id = \"1.2\"", "id = \"1.1\"").replacen("id = \"2.1\"", "id = \"bad id\"", 1);
    let errors = errors_of(&broken);
    assert!(errors.contains("duplicate clause id"), "{errors}");
    assert!(errors.contains("clause id `bad id`"), "{errors}");
}

#[test]
fn missing_source_file_is_reported_at_the_source_field() {
    let text = fixture_text();
    let result = protocol_core::loader::load_council(
        "protocols/broken.toml",
        &text,
        &topics(),
        protocol_core::loader::Checks::ALL,
        |_| Err("cannot read source sources/fixture.txt: No such file".into()),
    );
    let errors = result.expect_err("must fail").to_string();
    let line = line_of(&text, "source = ");
    assert!(errors.starts_with(&format!("protocols/broken.toml:{line}:")), "{errors}");
    assert!(errors.contains("cannot read source"), "{errors}");
}

/// The fixture with the Chair outcome turned into a draft: no title, coverage partial without a
/// gap, and guidance that is only the quote.
fn fixture_with_draft() -> String {
    fixture_with(
        "id = \"complaints.about-clerk\"\ntitle = \"Raise it with the Chair\"\ncontact = { role = \"Chair\", clause = \"1.2\" }\nguidance = [\n  \"Raise your concern about the Clerk with the Chair. [1.2]\",\n  \"Keep it constructive, and never criticise in public. [1.2]\",\n]",
        "id = \"complaints.about-clerk\"\ndraft = true\ncoverage = \"partial\"\nguidance = [\n  \"Where the concern is about the Clerk, the matter should be raised with the Chair. [1.2]\",\n]",
    )
}

#[test]
fn a_draft_outcome_loads_without_the_reviewed_prose() {
    let text = fixture_with_draft();
    let loaded = load_with(&text, &fixture_source()).expect("a draft loads");
    let outcome = loaded.council.flow.outcome("complaints.about-clerk").expect("the draft outcome");
    assert!(outcome.draft);
    assert_eq!(outcome.coverage.as_str(), "partial");
    // The title is the situation's, as for an outcome where the protocol is silent.
    let topics = topics();
    let (_, situation) = protocol_core::model::find_situation(&topics, &outcome.situation).expect("placed");
    assert_eq!(outcome.title, situation.label);
    assert_eq!(loaded.drafts.len(), 1);
    assert_eq!(loaded.drafts[0].line as usize, line_of(&text, "draft = true"));
    let reviewed = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    assert!(reviewed.council.flow.outcomes().all(|o| !o.draft) && reviewed.drafts.is_empty());
}

#[test]
fn a_draft_quote_must_still_be_word_for_word() {
    let broken = fixture_with_draft().replacen(
        "the matter should be raised with the Chair.\" },",
        "the matter should go to the Chair.\" },",
        1,
    );
    assert!(broken.contains("should go to the Chair"), "the quote must change for this test to mean anything");
    let errors = errors_of(&broken);
    assert!(errors.contains("quote is not in clause 1.2"), "{errors}");
}

#[test]
fn a_reviewed_partial_outcome_still_needs_its_gap_and_title() {
    let reviewed = fixture_with_draft().replacen("draft = true\n", "", 1);
    let errors = errors_of(&reviewed);
    assert!(errors.contains("coverage \"partial\" needs a `gap`"), "{errors}");
    assert!(errors.contains("needs a title"), "{errors}");
}

#[test]
fn release_refusal_names_the_file_and_the_line_of_each_draft() {
    let text = fixture_with_draft();
    let loaded = load_with(&text, &fixture_source()).expect("a draft loads");
    let refused = protocol_core::loader::refuse_drafts(&loaded).expect_err("a draft is refused").to_string();
    let line = line_of(&text, "draft = true");
    assert!(refused.starts_with(&format!("protocols/broken.toml:{line}:")), "{refused}");
    assert!(refused.contains("outcome `complaints.about-clerk` is a draft"), "{refused}");
    let reviewed = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    assert!(protocol_core::loader::refuse_drafts(&reviewed).is_ok());
}

#[test]
fn clauses_only_ignores_the_guide() {
    // A guide that would fail every check is not read at all.
    let broken = fixture_with("title = \"Raise it with the Chair\"", "title = \"Raise it with the Chair\"\nbogus = 1");
    let source = fixture_source();
    let loaded = protocol_core::loader::load_council(
        "protocols/broken.toml",
        &broken,
        &topics(),
        protocol_core::loader::Checks::CLAUSES_ONLY,
        move |_| Ok(source),
    );
    // Unknown fields are a format error, not a guide check: still refused.
    assert!(loaded.is_err());
    let without_outcomes =
        fixture_text().replacen("quote = \"should raise it with the Clerk\"", "quote = \"not in any clause\"", 1);
    let source = fixture_source();
    let loaded = protocol_core::loader::load_council(
        "protocols/broken.toml",
        &without_outcomes,
        &topics(),
        protocol_core::loader::Checks::CLAUSES_ONLY,
        move |_| Ok(source),
    )
    .expect("the clauses load though the guide is wrong");
    assert_eq!(loaded.council.clauses.len(), 3);
    assert_eq!(loaded.council.flow.outcomes().count(), 0);
}

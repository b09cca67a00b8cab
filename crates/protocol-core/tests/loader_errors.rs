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

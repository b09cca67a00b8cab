//! The guide's structure and grounding are checked at build time, naming the file and node.

mod common;
use common::*;
use protocol_core::model::Coverage;

#[test]
fn citing_a_clause_that_does_not_exist() {
    let broken = fixture_with("cites = [{ clause = \"2.1\"", "cites = [{ clause = \"2.9\"");
    let errors = errors_of(&broken.replace("[2.1]", "[2.9]"));
    assert!(errors.contains("node `the-protocol.interpretation`: outcome `the-protocol.interpretation`: cites clause 2.9, which does not exist"), "{errors}");
    assert!(
        errors
            .contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "id = \"the-protocol.interpretation\""))),
        "{errors}"
    );
}

#[test]
fn a_quote_that_is_not_in_its_clause() {
    let broken =
        fixture_with("quote = \"will be determined by the Chair\"", "quote = \"will be decided by the Chair\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("quote is not in clause 2.1: \"will be decided by the Chair\""), "{errors}");
}

#[test]
fn a_quote_from_another_clause() {
    let broken =
        fixture_with("quote = \"will be determined by the Chair\"", "quote = \"Criticism should be made in private.\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("quote is not in clause 2.1"), "{errors}");
}

#[test]
fn an_option_that_leads_nowhere() {
    let broken = fixture_with("next = \"complaints.about-clerk\"", "next = \"complaints.about-the-clerk\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("option \"Yes, the Clerk\" of question `complaints.councillor-about-officer` leads nowhere: no node `complaints.about-the-clerk`"), "{errors}");
    assert!(errors.contains("node `complaints.about-clerk` cannot be reached from the start"), "{errors}");
}

#[test]
fn a_node_no_path_reaches() {
    let broken = format!("{}\n[[outcome]]\nid = \"orphan\"\ncoverage = \"none\"\n", fixture_text());
    let errors = errors_of(&broken);
    assert!(errors.contains("node `orphan` cannot be reached from the start"), "{errors}");
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "id = \"orphan\""))), "{errors}");
}

#[test]
fn a_cycle() {
    let extra = "\n[[question]]\nid = \"loop-a\"\ntext = \"A?\"\noptions = [{ label = \"On\", next = \"loop-b\" }, { label = \"Out\", next = \"complaints.about-clerk\" }]\n\
                 \n[[question]]\nid = \"loop-b\"\ntext = \"B?\"\noptions = [{ label = \"Back\", next = \"loop-a\" }, { label = \"Out\", next = \"complaints.about-other-officer\" }]\n";
    let broken = fixture_with(
        "{ label = \"Yes, the Clerk\", next = \"complaints.about-clerk\" }",
        "{ label = \"Yes, the Clerk\", next = \"loop-a\" }",
    ) + extra;
    let errors = errors_of(&broken);
    assert!(errors.contains("cycle: `loop-b` leads back to `loop-a`"), "{errors}");
}

#[test]
fn a_covered_outcome_with_no_citation() {
    let broken = fixture_with(
        "guidance = [\"Ask the Chair: questions on the protocol's interpretation are theirs to decide. [2.1]\"]\ncites = [{ clause = \"2.1\", quote = \"will be determined by the Chair\" }]",
        "guidance = []",
    );
    let errors = errors_of(&broken);
    assert!(
        errors.contains("outcome `the-protocol.interpretation`: coverage is \"full\" but it cites no clause"),
        "{errors}"
    );
    assert!(
        errors.contains("outcome `the-protocol.interpretation`: coverage is \"full\" but it has no guidance"),
        "{errors}"
    );
}

#[test]
fn a_guidance_line_without_its_clause_ids() {
    let broken = fixture_with(
        "\"Raise your concern with the Clerk, in private. [1.1]\"",
        "\"Raise your concern with the Clerk, in private.\"",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("guidance line must end with the clause ids it rests on"), "{errors}");
}

#[test]
fn a_guidance_line_resting_on_an_unquoted_clause() {
    let broken = fixture_with(
        "\"Raise your concern with the Clerk, in private. [1.1]\"",
        "\"Raise your concern with the Clerk, in private. [1.1, 1.2]\"",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("guidance cites [1.2] but no quote from clause 1.2 is given"), "{errors}");
}

#[test]
fn a_situation_with_no_node() {
    let broken = fixture_with("[[outcome]]\nid = \"media.pre-election\"\ncoverage = \"none\"\n", "");
    let errors = errors_of(&broken);
    assert!(errors.contains("topic `media` has situations with no node: `media.pre-election`"), "{errors}");
}

#[test]
fn a_contact_that_is_not_a_role() {
    let broken = fixture_with(
        "contact = { role = \"Clerk\", clause = \"1.1\" }",
        "contact = { role = \"Chief Executive\", clause = \"1.1\" }",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("contact \"Chief Executive\" is not one of the council's roles"), "{errors}");
}

#[test]
fn two_options_to_the_same_node() {
    let broken = fixture_with("next = \"complaints.about-other-officer\" }", "next = \"complaints.about-clerk\" }");
    let errors = errors_of(&broken);
    assert!(errors.contains("two options of question `complaints.councillor-about-officer` lead to the same node `complaints.about-clerk`"), "{errors}");
}

#[test]
fn an_outcome_where_the_protocol_is_silent_carries_no_sentence_of_its_own() {
    let loaded = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    let outcome = loaded.council.flow.outcome("media.pre-election").expect("outcome");
    assert_eq!(outcome.coverage, Coverage::None { related: vec![] });
    // Untitled, it takes the situation's label; coverage is a value for the view, not guidance.
    assert_eq!(outcome.title, "Publicity before an election");
    assert!(outcome.guidance.is_empty() && outcome.cites.is_empty());
    assert_eq!((outcome.topic.as_ref(), outcome.situation.as_ref()), ("media", "media.pre-election"));
}

#[test]
fn outcomes_know_their_topic_and_situation_through_council_questions() {
    let loaded = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    let outcome = loaded.council.flow.outcome("complaints.about-clerk").expect("outcome");
    assert_eq!(
        (outcome.topic.as_ref(), outcome.situation.as_ref()),
        ("complaints", "complaints.councillor-about-officer")
    );
}

#[test]
fn outcomes_under_another_situations_question_stay_that_situations() {
    // "Instructing" comes first in the catalogue, and its question also offers the complaints
    // situation's own question.
    let text = fixture_with(
        "[[outcome]]\nid = \"asking-officers.instructing\"\ncoverage = \"none\"",
        "[[question]]\nid = \"asking-officers.instructing\"\ntext = \"Is it a complaint?\"\noptions = [\n  \
         { label = \"Yes\", next = \"complaints.councillor-about-officer\" },\n  \
         { label = \"No\", next = \"asking-officers.instructing-only\" },\n]\n\n\
         [[outcome]]\nid = \"asking-officers.instructing-only\"\ncoverage = \"none\"",
    );
    let loaded = load_with(&text, &fixture_source()).unwrap_or_else(|d| panic!("{d}"));
    let situation_of = |id: &str| loaded.council.flow.outcome(id).expect("outcome").situation.to_string();
    assert_eq!(situation_of("complaints.about-clerk"), "complaints.councillor-about-officer");
    assert_eq!(situation_of("asking-officers.instructing-only"), "asking-officers.instructing");
}

#[test]
fn guidance_that_narrates_coverage_is_refused_at_its_line() {
    let line = "\"The protocol says nothing more, so raise it with the Clerk. [1.1]\"";
    let broken = fixture_with("\"Raise your concern with the Clerk, in private. [1.1]\"", line);
    let errors = errors_of(&broken);
    assert!(errors.contains("outcome `complaints.about-other-officer`: guidance says \"says nothing\""), "{errors}");
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, line))), "{errors}");
}

#[test]
fn a_title_that_narrates_coverage_is_refused() {
    let broken = fixture_with("title = \"Raise it with the Clerk\"", "title = \"Not covered: raising it\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("outcome `complaints.about-other-officer`: title says \"not covered\""), "{errors}");
}

#[test]
fn partial_coverage_needs_a_gap() {
    let broken = fixture_with(
        "title = \"Raise it with the Clerk\"",
        "title = \"Raise it with the Clerk\"\ncoverage = \"partial\"",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("coverage \"partial\" needs a `gap`"), "{errors}");
    assert!(
        errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "coverage = \"partial\""))),
        "{errors}"
    );
    let with_gap = broken.replace(
        "coverage = \"partial\"",
        "coverage = \"partial\"\ngap = \"It does not say how quickly the Clerk acts.\"",
    );
    let loaded = load_with(&with_gap, &fixture_source()).expect("a partial outcome with a gap loads");
    let outcome = loaded.council.flow.outcome("complaints.about-other-officer").expect("outcome");
    assert_eq!(outcome.coverage, Coverage::Partial { gap: "It does not say how quickly the Clerk acts.".into() });
}

#[test]
fn no_coverage_means_no_guidance() {
    let broken = fixture_with(
        "id = \"media.pre-election\"\ncoverage = \"none\"\n",
        "id = \"media.pre-election\"\ncoverage = \"none\"\nguidance = [\"Ask the Chair. [2.1]\"]\ncites = [{ clause = \"2.1\", quote = \"determined by the Chair\" }]\n",
    );
    let errors = errors_of(&broken);
    assert!(
        errors.contains("outcome `media.pre-election`: coverage is \"none\", so it has no guidance or cites"),
        "{errors}"
    );
    assert!(
        errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "id = \"media.pre-election\""))),
        "{errors}"
    );
}

#[test]
fn related_clauses_must_exist_and_belong_to_silent_outcomes() {
    let broken = fixture_with(
        "id = \"media.pre-election\"\ncoverage = \"none\"\n",
        "id = \"media.pre-election\"\ncoverage = \"none\"\nrelated = [\"9.9\"]\n",
    );
    assert!(errors_of(&broken).contains("outcome `media.pre-election`: related clause 9.9 does not exist"));
    let broken =
        fixture_with("title = \"Raise it with the Clerk\"", "title = \"Raise it with the Clerk\"\nrelated = [\"1.2\"]");
    assert!(errors_of(&broken).contains("`related` belongs only to coverage \"none\""));
}

#[test]
fn a_contact_no_cited_quote_sends_people_to() {
    // 1.1's quotes name the Clerk, not the Chair: the Chair is a role, but not this page's next step.
    let broken = fixture_with(
        "contact = { role = \"Clerk\", clause = \"1.1\" }",
        "contact = { role = \"Chair\", clause = \"1.1\" }",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("outcome `complaints.about-other-officer`: contact \"Chair\" must rest on a quote from clause 1.1 that names that role"), "{errors}");
    assert!(
        errors.contains(&format!(
            "protocols/broken.toml:{}:",
            line_of(&broken, "id = \"complaints.about-other-officer\"")
        )),
        "{errors}"
    );
}

#[test]
fn the_old_covered_flag_points_to_coverage() {
    let broken = fixture_with(
        "id = \"media.pre-election\"\ncoverage = \"none\"\n",
        "id = \"media.pre-election\"\ncovered = false\n",
    );
    let errors = errors_of(&broken);
    assert!(errors.contains("`covered` is replaced by `coverage"), "{errors}");
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "covered = false"))), "{errors}");
}

#[test]
fn a_clause_no_outcome_cites_must_be_marked_background() {
    // Without its only citation, clause 1.2 could never be shown by a walk.
    let silent = fixture_with(
        "title = \"Raise it with the Chair\"\ncontact = { role = \"Chair\", clause = \"1.2\" }\nguidance = [\n  \"Raise your concern about the Clerk with the Chair. [1.2]\",\n  \"Keep it constructive, and never criticise in public. [1.2]\",\n]\ncites = [\n  { clause = \"1.2\", quote = \"Where the concern is about the Clerk, the matter should be raised with the Chair.\" },\n]",
        "coverage = \"none\"",
    );
    let errors = errors_of(&silent);
    assert!(
        errors.contains(
            "clause 1.2 is cited by no outcome: cite it where it answers a situation, or mark it `background = true`"
        ),
        "{errors}"
    );
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&silent, "id = \"1.2\""))), "{errors}");
    let marked = silent.replace("id = \"1.2\"\n", "id = \"1.2\"\nbackground = true\n");
    let loaded = load_with(&marked, &fixture_source()).expect("a background clause needs no citation");
    assert!(loaded.council.clause("1.2").expect("clause").background);
}

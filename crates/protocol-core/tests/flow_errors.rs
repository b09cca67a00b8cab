//! The guide's structure and grounding are checked at build time, naming the file and node.

mod common;
use common::*;

#[test]
fn citing_a_clause_that_does_not_exist() {
    let broken = fixture_with("cites = [{ clause = \"2.1\"", "cites = [{ clause = \"2.9\"");
    let errors = errors_of(&broken.replace("[2.1]", "[2.9]"));
    assert!(errors.contains("node `the-protocol.interpretation`: outcome `the-protocol.interpretation` cites clause 2.9, which does not exist"), "{errors}");
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "id = \"the-protocol.interpretation\""))), "{errors}");
}

#[test]
fn a_quote_that_is_not_in_its_clause() {
    let broken = fixture_with("quote = \"will be determined by the Chair\"", "quote = \"will be decided by the Chair\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("quote is not in clause 2.1: \"will be decided by the Chair\""), "{errors}");
}

#[test]
fn a_quote_from_another_clause() {
    let broken = fixture_with("quote = \"will be determined by the Chair\"", "quote = \"Criticism should be made in private.\"");
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
    let broken = format!("{}\n[[outcome]]\nid = \"orphan\"\ncovered = false\n", fixture_text());
    let errors = errors_of(&broken);
    assert!(errors.contains("node `orphan` cannot be reached from the start"), "{errors}");
    assert!(errors.contains(&format!("protocols/broken.toml:{}:", line_of(&broken, "id = \"orphan\""))), "{errors}");
}

#[test]
fn a_cycle() {
    let extra = "\n[[question]]\nid = \"loop-a\"\ntext = \"A?\"\noptions = [{ label = \"On\", next = \"loop-b\" }, { label = \"Out\", next = \"complaints.about-clerk\" }]\n\
                 \n[[question]]\nid = \"loop-b\"\ntext = \"B?\"\noptions = [{ label = \"Back\", next = \"loop-a\" }, { label = \"Out\", next = \"complaints.about-other-officer\" }]\n";
    let broken = fixture_with("{ label = \"Yes, the Clerk\", next = \"complaints.about-clerk\" }", "{ label = \"Yes, the Clerk\", next = \"loop-a\" }") + extra;
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
    assert!(errors.contains("outcome `the-protocol.interpretation` is covered but cites no clause"), "{errors}");
}

#[test]
fn a_guidance_line_without_its_clause_ids() {
    let broken = fixture_with("\"Raise your concern with the Clerk, in private. [1.1]\"", "\"Raise your concern with the Clerk, in private.\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("guidance line must end with the clause ids it rests on"), "{errors}");
}

#[test]
fn a_guidance_line_resting_on_an_unquoted_clause() {
    let broken = fixture_with("\"Raise your concern with the Clerk, in private. [1.1]\"", "\"Raise your concern with the Clerk, in private. [1.1, 1.2]\"");
    let errors = errors_of(&broken);
    assert!(errors.contains("guidance cites [1.2] but no quote from clause 1.2 is given"), "{errors}");
}

#[test]
fn a_topic_neither_answered_nor_marked_not_covered() {
    let broken = fixture_with("[[outcome]]\nid = \"media.pre-election\"\ncovered = false\n", "");
    let errors = errors_of(&broken);
    assert!(errors.contains("topic `media` is neither answered nor marked not covered: no node for `media.pre-election`"), "{errors}");
}

#[test]
fn a_contact_that_is_not_a_role() {
    let broken = fixture_with("contact = \"Clerk\"", "contact = \"Chief Executive\"");
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
fn not_covered_outcomes_name_the_interpreter() {
    let loaded = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    let outcome = loaded.council.flow.outcomes().find(|o| o.id == "media.pre-election").expect("outcome");
    assert!(!outcome.covered);
    assert_eq!(outcome.title, "This protocol does not cover this");
    assert_eq!(outcome.guidance[0].text, "This protocol does not cover this.");
    assert!(outcome.guidance[1].text.contains("go to the Chair"));
    assert_eq!(outcome.cites[0].clause, "2.1");
}

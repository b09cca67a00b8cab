//! Drafting a guide from clauses alone: ranking, quotes, suggested coverage, the written file and
//! the measure against a reviewed guide.

mod common;
use common::*;
use protocol_core::draft::{
    draft_file, draft_guide, fit_thresholds, score_against, sentences_of, suggest_coverage, without_guide, GuideDraft,
    Precedents, CANDIDATES, FULL_FROM, MAX_CITED, PARTIAL_FROM,
};
use protocol_core::library::{load_outside_in, load_synonyms_in, load_topics_in};
use protocol_core::loader::{load_council, Checks, LoadedCouncil};
use protocol_core::model::{Coverage, CoverageLevel, SearchWords, Topic};
use protocol_core::search::SearchIndex;
use protocol_core::text::contains_words;

/// The shared catalogue with its phrasings, and the synonyms.
fn shared() -> (Vec<Topic>, SearchWords) {
    let dir = repo().join("protocols");
    let topics = load_topics_in(&dir).expect("topics load");
    let synonyms = load_synonyms_in(&dir)
        .expect("synonyms load")
        .into_iter()
        .map(|group| group.into_iter().map(Into::into).collect())
        .collect();
    let outside = load_outside_in(&dir).expect("phrasings load");
    (topics, SearchWords { synonyms, outside })
}

/// The fixture council's clauses alone: what the drafter is given.
fn fixture_clauses(topics: &[Topic]) -> LoadedCouncil {
    let source = fixture_source();
    load_council("fixture.toml", &fixture_text(), topics, Checks::CLAUSES_ONLY, move |_| Ok(source))
        .expect("the fixture's clauses load")
}

fn fixture_draft() -> (Vec<Topic>, GuideDraft) {
    let (topics, words) = shared();
    let loaded = fixture_clauses(&topics);
    assert_eq!(loaded.council.flow.outcomes().count(), 0, "the guide is not read");
    let draft = draft_guide(&loaded.council.clauses, &topics, &words, &Precedents::default());
    (topics, draft)
}

#[test]
fn every_situation_gets_one_draft_in_catalogue_order() {
    let (topics, draft) = fixture_draft();
    let ids: Vec<&str> = topics.iter().flat_map(|t| t.situations.iter().map(|s| s.id.as_ref())).collect();
    let drafted: Vec<&str> = draft.situations.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(drafted, ids);
    for situation in &draft.situations {
        assert!(situation.candidates.len() <= CANDIDATES);
        assert!(situation.candidates.windows(2).all(|pair| pair[0].score >= pair[1].score), "{situation:?}");
        assert!(situation.cited <= MAX_CITED.min(situation.candidates.len()));
        assert_eq!(situation.coverage, suggest_coverage(situation.strength));
        assert_eq!(situation.cited == 0, situation.coverage == CoverageLevel::None || situation.candidates.is_empty());
    }
}

#[test]
fn the_clause_that_answers_a_situation_ranks_first() {
    let (_, draft) = fixture_draft();
    let first = |id: &str| {
        let situation = draft.situations.iter().find(|s| s.id == id).expect("drafted");
        situation.candidates.first().map(|c| c.clause.clone()).unwrap_or_default()
    };
    // "Who decides what the protocol means": only 2.1 speaks of interpretation.
    assert_eq!(first("the-protocol.interpretation"), "2.1");
    // "Criticising officers in public": 1.2 says never criticise in public; 1.1, in private.
    assert!(["1.2", "1.1"].contains(&first("complaints.public-criticism").as_str()));
    assert!(["1.1", "1.2"].contains(&first("complaints.councillor-about-officer").as_str()));
}

#[test]
fn each_quote_is_a_sentence_word_for_word_inside_one_piece_of_its_clause() {
    let (topics, draft) = fixture_draft();
    let loaded = fixture_clauses(&topics);
    let mut quotes = 0;
    for candidate in draft.situations.iter().flat_map(|s| s.candidates.iter()) {
        let clause = loaded.council.clause(&candidate.clause).expect("a real clause");
        assert!(clause.pieces().any(|piece| contains_words(piece, &candidate.quote)), "{candidate:?}");
        quotes += 1;
    }
    assert!(quotes > 0, "some situation must have candidates for this test to mean anything");
}

#[test]
fn sentences_split_at_stops_but_not_inside_abbreviations() {
    assert_eq!(
        sentences_of("Officers advise, e.g. on law and policy. Councillors decide the policy; officers carry it out."),
        ["Officers advise, e.g. on law and policy.", "Councillors decide the policy;", "officers carry it out."]
    );
    // Too short to quote alone: the whole item is kept instead.
    assert_eq!(sentences_of("leadership and direction."), ["leadership and direction."]);
    // A sentence that reads as narrating coverage would be refused as a guidance line.
    assert!(sentences_of("The protocol does not cover the press at all.").is_empty());
}

#[test]
fn coverage_follows_the_thresholds() {
    assert_eq!(suggest_coverage(FULL_FROM), CoverageLevel::Full);
    assert_eq!(suggest_coverage(PARTIAL_FROM), CoverageLevel::Partial);
    assert_eq!(suggest_coverage(PARTIAL_FROM - 0.01), CoverageLevel::None);
    let samples = [
        (0.1, CoverageLevel::None),
        (0.2, CoverageLevel::None),
        (0.4, CoverageLevel::Partial),
        (0.5, CoverageLevel::Partial),
        (0.7, CoverageLevel::Full),
        (0.9, CoverageLevel::Full),
    ];
    let (partial_from, full_from) = fit_thresholds(&samples);
    assert!(partial_from > 0.2 && partial_from <= 0.4, "{partial_from}");
    assert!(full_from > 0.5 && full_from <= 0.7, "{full_from}");
}

#[test]
fn the_drafted_file_loads_with_its_outcomes_marked_draft() {
    let (topics, draft) = fixture_draft();
    let text = draft_file(&fixture_text(), &draft);
    let guide = without_guide(&fixture_text());
    assert!(!guide.contains("[[outcome]]") && !guide.contains("[[question]]"), "{guide}");
    assert!(guide.contains("[council.interpreter]") && guide.contains("[[section.clause]]"));
    let source = fixture_source();
    let loaded =
        load_council("draft.toml", &text, &topics, Checks::ALL, move |_| Ok(source)).unwrap_or_else(|d| panic!("{d}"));
    let outcomes: Vec<_> = loaded.council.flow.outcomes().collect();
    assert_eq!(outcomes.len(), draft.situations.len());
    assert!(outcomes.iter().all(|o| o.draft));
    assert_eq!(loaded.drafts.len(), outcomes.len());
    for (outcome, situation) in outcomes.iter().zip(&draft.situations) {
        assert_eq!(outcome.id, situation.id);
        assert_eq!(outcome.coverage.level(), situation.coverage);
        // Guidance is the quotes themselves, nothing else.
        let quotes: Vec<String> = outcome.cites.iter().map(|c| format!("{} [{}]", c.quote, c.clause)).collect();
        let lines: Vec<String> =
            outcome.guidance.iter().map(|l| format!("{} [{}]", l.text, l.clauses.join(", "))).collect();
        assert_eq!(lines, quotes);
    }
    assert!(protocol_core::loader::refuse_drafts(&loaded).is_err());
    // A drafted partial outcome has no gap written yet, so its search result shows none.
    let index = SearchIndex::build(&loaded.council, &topics, &SearchWords::default());
    let mut partial_hits = 0;
    for outcome in outcomes.iter().filter(|o| matches!(&o.coverage, Coverage::Partial { gap } if gap.is_empty())) {
        for cite in &outcome.cites {
            for hit in index.search(&format!("{} ", cite.quote), 10).into_iter().filter(|h| h.id == outcome.id) {
                assert_eq!(hit.gap, None, "{}", outcome.id);
                partial_hits += 1;
            }
        }
    }
    assert!(partial_hits > 0, "no drafted partial outcome was found by its own quotes");
}

#[test]
fn the_measure_compares_each_reviewed_outcome_with_its_situation() {
    let (topics, draft) = fixture_draft();
    let loaded = load_with(&fixture_text(), &fixture_source()).expect("fixture loads");
    let score = score_against(&loaded.council, &draft);
    assert_eq!(score.outcomes, loaded.council.flow.outcomes().count());
    let none = loaded.council.flow.outcomes().filter(|o| o.coverage.is_none()).count();
    assert_eq!(score.none_outcomes, none);
    assert_eq!(score.cited_outcomes + score.none_outcomes, score.outcomes);
    assert!(score.any_in_top3 <= score.cited_outcomes && score.coverage_matched <= score.outcomes);
    assert_eq!(score.confusion.iter().flatten().sum::<usize>(), score.outcomes);
    // The interpretation outcome cites 2.1, which the draft ranks first.
    assert!(score.any_in_top3 >= 1, "{score:?}");
    let _ = topics;
}

#[test]
fn another_councils_quote_lifts_the_clause_that_repeats_it_and_nothing_else() {
    let (topics, words) = shared();
    let loaded = fixture_clauses(&topics);
    let clauses = &loaded.council.clauses;
    let alone = draft_guide(clauses, &topics, &words, &Precedents::default());
    // A situation, and a clause its draft does not put in the top three.
    let (situation, clause) = alone
        .situations
        .iter()
        .find_map(|s| {
            let top3: Vec<&str> = s.candidates.iter().take(3).map(|c| c.clause.as_str()).collect();
            let outside = clauses.iter().find(|c| !top3.contains(&c.id.as_ref()) && c.pieces().count() == 1)?;
            Some((s.id.clone(), outside))
        })
        .expect("some clause is outside some situation's top three");
    let quote = clause.pieces().next().expect("one piece").to_string();
    let with = |quote: &str| {
        let mut precedents = Precedents::default();
        precedents.add("elsewhere", &situation, CoverageLevel::Full, vec![quote.to_string()]);
        draft_guide(clauses, &topics, &words, &precedents)
    };
    let lifted = with(&quote);
    let drafted = lifted.situations.iter().find(|s| s.id == situation).expect("drafted");
    assert!(drafted.candidates.iter().take(3).any(|c| c.clause == clause.id.as_ref()), "{drafted:?}");
    assert_eq!(drafted.echoes.len(), 1);
    assert!(drafted.echoes[0].share.is_some_and(|share| share > 0.9), "{:?}", drafted.echoes);
    // Coverage is the situation's own judgment: a precedent does not change it.
    let before = alone.situations.iter().find(|s| s.id == situation).expect("drafted");
    assert_eq!((drafted.coverage, drafted.strength), (before.coverage, before.strength));
    // Words this protocol does not repeat change no ranking.
    let unrelated = with("zebra crossings painted purple beside the aquarium");
    for (a, b) in unrelated.situations.iter().zip(&alone.situations) {
        let ids = |s: &protocol_core::draft::SituationDraft| {
            s.candidates.iter().map(|c| c.clause.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(a), ids(b), "{}", a.id);
    }
    // Every other situation is drafted as before.
    for (a, b) in lifted.situations.iter().zip(&alone.situations).filter(|(a, _)| a.id != situation) {
        assert_eq!(a.candidates, b.candidates, "{}", a.id);
    }
}

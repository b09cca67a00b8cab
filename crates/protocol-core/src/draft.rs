//! Drafting a guide from a council's clauses (`protocol-guide draft-guide`): for every situation of
//! the shared catalogue, the clauses that best answer it, each with the sentence that answers it
//! best as its quote, and a suggested coverage with its reason. A draft says nothing in its own
//! words: its guidance is the quotes themselves, and every outcome is marked `draft = true` until
//! a clerk has reviewed it.
//!
//! Ranking uses the search index over the clauses (BM25, Snowball stems, word pairs, synonyms).
//! The situation is the question: its label, every everyday phrasing of it (topics.toml and
//! phrasings.toml) and its topic, each asked on its own and the scores fused; and the words other
//! councils' reviewed guides quote for it (`Precedents`), which find the clause a borrowed protocol
//! words the same way. Never this council's own outcomes, so a reviewed guide can be measured
//! against the draft of its clauses (`score_against`, `protocol-guide eval-draft`). Pure: the CLI
//! reads and writes the files.

use crate::flow::narrates_coverage;
use crate::model::{Block, Clause, Council, CoverageLevel, Flow, SearchWords, Situation, Topic};
use crate::outcome_table::OutcomeTable;
use crate::search::{terms, SearchIndex};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Candidates kept visible to the clerk for each situation.
pub const CANDIDATES: usize = 5;
/// The most candidates a draft outcome cites.
pub const MAX_CITED: usize = 3;
/// A candidate after the first is cited when it scores at least this share of the first.
pub const CITE_SHARE: f32 = 0.8;

/// How much each kind of query counts in a situation's fused score: the label, all the everyday
/// phrasings together (shared equally between them, however many a situation has), and the topic's
/// title and summary. Set on the leave-one-out measure (`protocol-guide eval-draft`).
const LABEL_WEIGHT: f32 = 2.0;
const PHRASINGS_WEIGHT: f32 = 16.0;
const TOPIC_WEIGHT: f32 = 2.0;
/// All the quotes of other councils' reviewed guides for the situation together.
const PRECEDENTS_WEIGHT: f32 = 16.0;
/// A borrowed quote counts only where a piece holds at least this share of its words.
const BORROWED_FROM: f32 = 0.5;

/// Thresholds on the best candidate's strength (the share of the words of the situation's queries
/// it matches, on average) for the suggested coverage. Fitted on the five reviewed councils by
/// `eval-draft`, which also reports them fitted without the council measured.
pub const FULL_FROM: f32 = 0.502;
pub const PARTIAL_FROM: f32 = 0.391;

/// One clause that may answer a situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub clause: String,
    /// The fused score the candidates are ranked by.
    pub score: f32,
    /// The sentence of the clause that best answers the situation, word for word within one
    /// paragraph or list item.
    pub quote: String,
}

/// The draft for one situation.
#[derive(Debug, Clone, PartialEq)]
pub struct SituationDraft {
    /// The situation's node id, `<topic>.<situation>`: the draft outcome's id.
    pub id: String,
    pub label: String,
    /// Best first, at most `CANDIDATES`.
    pub candidates: Vec<Candidate>,
    /// How many of the first candidates the outcome cites (none when coverage is none).
    pub cited: usize,
    pub coverage: CoverageLevel,
    /// How well the best candidate answers: the share of the situation's phrasings whose words it
    /// matches, on average.
    pub strength: f32,
    /// Why this coverage is suggested, for the clerk.
    pub reason: String,
    /// How much of each precedent's quotes this protocol repeats.
    pub echoes: Vec<Echo>,
}

/// How closely a protocol repeats what another council quoted for a situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Echo {
    pub council: String,
    pub level: CoverageLevel,
    /// The share of the quotes' words found in one piece of this protocol, averaged over quotes;
    /// none when the precedent quotes nothing (a `none` outcome).
    pub share: Option<f32>,
}

/// A drafted guide: one entry per situation of the catalogue, in catalogue order.
#[derive(Debug, Clone, PartialEq)]
pub struct GuideDraft {
    pub situations: Vec<SituationDraft>,
}

/// What other councils' reviewed guides found for one situation: the coverage, and the words of
/// their own protocols they quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Precedent {
    pub council: String,
    pub level: CoverageLevel,
    pub quotes: Vec<String>,
}

/// The reviewed guides a draft learns from, by situation id. Protocols borrow from one another, so
/// the words another council quoted for a situation find the clause that answers it in a new
/// protocol. They only rank this council's own clauses: nothing of theirs is written into a draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Precedents {
    by_situation: HashMap<String, Vec<Precedent>>,
}

impl Precedents {
    /// The reviewed (not draft) outcomes of these councils.
    pub fn from_councils<'c>(councils: impl IntoIterator<Item = &'c Council>) -> Self {
        let mut precedents = Precedents::default();
        for council in councils {
            for outcome in council.flow.outcomes().filter(|outcome| !outcome.draft) {
                let mut quotes: Vec<String> = Vec::new();
                for cite in &outcome.cites {
                    if !quotes.iter().any(|q| q == cite.quote.as_ref()) {
                        quotes.push(cite.quote.to_string());
                    }
                }
                precedents.add(&council.id, &outcome.situation, outcome.coverage.level(), quotes);
            }
        }
        precedents
    }

    /// What one council's reviewed guide found for a situation.
    pub fn add(&mut self, council: &str, situation: &str, level: CoverageLevel, quotes: Vec<String>) {
        let precedent = Precedent { council: council.to_string(), level, quotes };
        self.by_situation.entry(situation.to_string()).or_default().push(precedent);
    }

    pub fn of(&self, situation: &str) -> &[Precedent] {
        self.by_situation.get(situation).map_or(&[], Vec::as_slice)
    }
}

/// Whether a query speaks for the situation itself or is words another council quoted for it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum QueryKind {
    Own,
    /// A quote of the situation's precedent at this place.
    Borrowed(usize),
}

/// The queries that stand for a situation, each with its weight.
fn situation_queries(topic: &Topic, situation: &Situation, precedents: &[Precedent]) -> Vec<(String, f32, QueryKind)> {
    let mut queries = vec![(situation.label.to_string(), LABEL_WEIGHT, QueryKind::Own)];
    let each = PHRASINGS_WEIGHT / situation.phrasings.len().max(1) as f32;
    queries.extend(situation.phrasings.iter().map(|phrasing| (phrasing.to_string(), each, QueryKind::Own)));
    queries.push((format!("{} {}", topic.title, topic.summary), TOPIC_WEIGHT, QueryKind::Own));
    // Each council that quoted something counts alike, however many quotes it has.
    let councils =
        precedents.iter().filter(|p| !p.quotes.is_empty()).map(|p| p.council.as_str()).collect::<HashSet<_>>().len();
    for (at, precedent) in precedents.iter().enumerate() {
        let of_council =
            precedents.iter().filter(|p| p.council == precedent.council).map(|p| p.quotes.len()).sum::<usize>();
        let each = PRECEDENTS_WEIGHT / (councils * of_council).max(1) as f32;
        queries.extend(precedent.quotes.iter().map(|quote| (quote.clone(), each, QueryKind::Borrowed(at))));
    }
    queries
}

/// Drafts the guide for a council's clauses. Only the clauses are read, and other councils'
/// reviewed guides as precedents: never this council's guide.
pub fn draft_guide(clauses: &[Clause], topics: &[Topic], words: &SearchWords, precedents: &Precedents) -> GuideDraft {
    // Each paragraph or list item is searched on its own, with its clause's title and headings: a
    // long clause answers a situation where one of its paragraphs does, not by its length.
    let mut pieces: Vec<Clause> = Vec::new();
    // For each piece, its clause's place; and the piece's place by its id in the index.
    let mut clause_of: Vec<usize> = Vec::new();
    let mut piece_at: HashMap<String, usize> = HashMap::new();
    for (at, clause) in clauses.iter().enumerate() {
        for (n, piece) in clause.pieces().enumerate() {
            let mut doc = clause.clone();
            doc.id = format!("{}#{n}", clause.id).into();
            doc.blocks = vec![Block::Paragraph(piece.to_string().into())];
            piece_at.insert(doc.id.to_string(), pieces.len());
            clause_of.push(at);
            pieces.push(doc);
        }
    }
    let sentences: Vec<Vec<String>> = pieces.iter().map(piece_sentences).collect();
    let sentence_idf = idf_of(sentences.iter().flatten().map(String::as_str));
    let index = SearchIndex::build(&clauses_only(pieces), topics, words);

    let mut situations = Vec::new();
    for topic in topics {
        for situation in &topic.situations {
            let of_situation = precedents.of(&situation.id);
            let queries = situation_queries(topic, situation, of_situation);
            let total: f32 = queries.iter().map(|(_, weight, _)| weight).sum();
            let own_total: f32 =
                queries.iter().filter(|(_, _, kind)| *kind == QueryKind::Own).map(|(_, weight, _)| weight).sum();
            // The fused score, and the share of the query's words matched, per clause.
            let mut scores = vec![0f32; clauses.len()];
            let mut strength = vec![0f32; clauses.len()];
            let mut piece_scores = vec![0f32; clause_of.len()];
            // For each precedent, the share of its quotes' words this protocol repeats, summed.
            let mut echo_sums = vec![0f32; of_situation.len()];
            for (query, weight, kind) in &queries {
                // A trailing space: the query is whole, not a last word still being typed.
                let hits = index.search(&format!("{query} "), index.document_count());
                let Some(best) = hits.first().map(|hit| hit.score) else { continue };
                let typed = terms(query).len().max(1) as f32;
                if let QueryKind::Borrowed(at) = kind {
                    let repeated = hits.iter().map(|hit| hit.matched.len() as f32 / typed).fold(0f32, f32::max);
                    echo_sums[*at] += repeated.min(1.0);
                }
                let mut seen = vec![false; clauses.len()];
                for hit in hits {
                    let Some(&piece) = piece_at.get(hit.id.as_str()) else { continue };
                    // An own query's scores are scaled to its best, so long and short queries weigh
                    // alike; a borrowed quote counts by how much of it this piece repeats, so a
                    // protocol that shares nothing with the quoting council is not led by it.
                    let share = (hit.matched.len() as f32 / typed).min(1.0);
                    let value = match kind {
                        QueryKind::Own => hit.score / best,
                        QueryKind::Borrowed(_) if share >= BORROWED_FROM => share * hit.score / best,
                        QueryKind::Borrowed(_) => 0.0,
                    };
                    piece_scores[piece] += weight * value;
                    let at = clause_of[piece];
                    // A clause counts by its best paragraph (hits come best first).
                    if std::mem::replace(&mut seen[at], true) {
                        continue;
                    }
                    scores[at] += weight * value;
                    if *kind == QueryKind::Own {
                        strength[at] += weight * share;
                    }
                }
            }
            let mut ranked: Vec<(usize, f32)> = scores
                .iter()
                .enumerate()
                .map(|(at, score)| (at, score / total))
                .filter(|(_, score)| *score > 0.0)
                .collect();
            ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(CANDIDATES);
            let query_terms = query_weights(&queries);
            let candidates: Vec<Candidate> = ranked
                .iter()
                .filter_map(|&(at, score)| {
                    // The quote comes from the clause's paragraph or item that answers best; a
                    // lead-in ("Officers can expect:") only if the clause has nothing else.
                    let lead_in = |piece: usize| sentences[piece].iter().all(|s| s.ends_with(':'));
                    let piece = (0..clause_of.len())
                        .filter(|&piece| clause_of[piece] == at && !sentences[piece].is_empty())
                        .max_by(|a, b| {
                            lead_in(*b)
                                .cmp(&lead_in(*a))
                                .then(piece_scores[*a].total_cmp(&piece_scores[*b]))
                                .then(b.cmp(a))
                        })?;
                    let quote = best_sentence(&sentences[piece], &query_terms, &sentence_idf)?;
                    Some(Candidate { clause: clauses[at].id.to_string(), score, quote })
                })
                .collect();
            let best_strength = ranked.first().map_or(0.0, |&(at, _)| strength[at] / own_total);
            let echoes: Vec<Echo> = of_situation
                .iter()
                .zip(&echo_sums)
                .map(|(precedent, sum)| Echo {
                    council: precedent.council.clone(),
                    level: precedent.level,
                    share: (!precedent.quotes.is_empty()).then(|| sum / precedent.quotes.len() as f32),
                })
                .collect();
            let coverage = suggest_coverage(best_strength);
            let cited = match coverage {
                CoverageLevel::None => 0,
                _ => {
                    let top = candidates.first().map_or(0.0, |c| c.score);
                    candidates.iter().take(MAX_CITED).take_while(|c| c.score >= top * CITE_SHARE).count().max(1)
                }
            };
            let reason = format!(
                "the best candidate matches {:.0}% of the words of the situation's queries on average (full from {:.1}%, partial from {:.1}%)",
                best_strength * 100.0,
                FULL_FROM * 100.0,
                PARTIAL_FROM * 100.0
            );
            situations.push(SituationDraft {
                id: situation.id.to_string(),
                label: situation.label.to_string(),
                cited: cited.min(candidates.len()),
                candidates,
                coverage,
                strength: best_strength,
                reason,
                echoes,
            });
        }
    }
    GuideDraft { situations }
}

/// The coverage a best candidate's strength suggests.
pub fn suggest_coverage(strength: f32) -> CoverageLevel {
    suggest_coverage_with(strength, PARTIAL_FROM, FULL_FROM)
}

/// The coverage a strength suggests under other thresholds.
pub fn suggest_coverage_with(strength: f32, partial_from: f32, full_from: f32) -> CoverageLevel {
    if strength >= full_from {
        CoverageLevel::Full
    } else if strength >= partial_from {
        CoverageLevel::Partial
    } else {
        CoverageLevel::None
    }
}

/// Each reviewed outcome's coverage beside the strength of the draft for its situation.
pub fn coverage_samples(reviewed: &Council, draft: &GuideDraft) -> Vec<(f32, CoverageLevel)> {
    let by_id: HashMap<&str, &SituationDraft> = draft.situations.iter().map(|s| (s.id.as_str(), s)).collect();
    reviewed
        .flow
        .outcomes()
        .filter_map(|outcome| by_id.get(outcome.situation.as_ref()).map(|s| (s.strength, outcome.coverage.level())))
        .collect()
}

/// The thresholds (partial from, full from) under which the most samples get their coverage:
/// how `PARTIAL_FROM` and `FULL_FROM` were set, and how `eval-draft` sets them without the
/// council it measures.
pub fn fit_thresholds(samples: &[(f32, CoverageLevel)]) -> (f32, f32) {
    let mut cuts: Vec<f32> = samples.iter().map(|(strength, _)| *strength).collect();
    cuts.push(f32::INFINITY);
    cuts.sort_unstable_by(f32::total_cmp);
    cuts.dedup();
    let mut best = (0usize, (PARTIAL_FROM, FULL_FROM));
    for (at, &partial_from) in cuts.iter().enumerate() {
        for &full_from in &cuts[at..] {
            let right = samples
                .iter()
                .filter(|(strength, level)| suggest_coverage_with(*strength, partial_from, full_from) == *level)
                .count();
            if right > best.0 {
                best = (right, (partial_from, full_from));
            }
        }
    }
    best.1
}

/// A council with the clauses and no guide, for the search index.
fn clauses_only(clauses: Vec<Clause>) -> Council {
    Council {
        id: "draft".into(),
        name: "".into(),
        short_name: "".into(),
        document: "".into(),
        council_type: "".into(),
        adopted: None,
        roles: Vec::new(),
        interpreter: None,
        clauses,
        flow: Flow::new(crate::flow::START.into(), Vec::new()),
    }
}

/// How much each index term of the queries counts: its weight summed over the queries that use it.
fn query_weights(queries: &[(String, f32, QueryKind)]) -> HashMap<String, f32> {
    let mut weights: HashMap<String, f32> = HashMap::new();
    for (query, weight, _) in queries {
        let distinct: HashSet<String> = terms(query).into_iter().collect();
        for term in distinct {
            *weights.entry(term).or_default() += weight;
        }
    }
    weights
}

/// Inverse document frequency of each term over some texts.
fn idf_of<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, f32> {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut total = 0f32;
    for text in texts {
        total += 1.0;
        for term in terms(text).into_iter().collect::<HashSet<_>>() {
            *counts.entry(term).or_default() += 1.0;
        }
    }
    counts.into_iter().map(|(term, count)| (term, (1.0 + (total - count + 0.5) / (count + 0.5)).ln())).collect()
}

/// The sentence that best answers the queries: the most query weight times rarity per word.
fn best_sentence(sentences: &[String], query: &HashMap<String, f32>, idf: &HashMap<String, f32>) -> Option<String> {
    let score = |sentence: &str| -> f32 {
        let distinct: HashSet<String> = terms(sentence).into_iter().collect();
        let sum: f32 =
            distinct.iter().map(|t| query.get(t).copied().unwrap_or(0.0) * idf.get(t).copied().unwrap_or(0.0)).sum();
        // Long sentences hold more words by chance: a gentle length normalisation.
        sum / (distinct.len().max(1) as f32).sqrt()
    };
    let mut best: Option<(&String, f32)> = None;
    for sentence in sentences {
        let s = score(sentence);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((sentence, s));
        }
    }
    best.map(|(sentence, _)| sentence.clone())
}

/// The sentences of a one-paragraph piece of a clause, word for word, leaving out any that would
/// read as narrating coverage in a guidance line.
fn piece_sentences(piece: &Clause) -> Vec<String> {
    piece.pieces().flat_map(sentences_of).collect()
}

/// The sentences of a paragraph or list item worth quoting: four words or more (or the whole
/// item), and none that would read as narrating coverage in a guidance line.
pub fn sentences_of(piece: &str) -> Vec<String> {
    let mut found: Vec<&str> =
        split_sentences(piece).into_iter().filter(|s| s.split_whitespace().count() >= 4).collect();
    if found.is_empty() && !piece.trim().is_empty() {
        found.push(piece.trim());
    }
    found.into_iter().filter(|s| narrates_coverage(s).is_none()).map(str::to_string).collect()
}

/// Splits a paragraph after `.`, `!`, `?` or `;` followed by white space; after a full stop only
/// where the next word starts with a capital, a digit or a quote, so "e.g. the" stays together.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | ';') {
            continue;
        }
        let Some(&(_, after)) = chars.get(i + 1) else { continue };
        if !after.is_whitespace() {
            continue;
        }
        let next = chars[i + 1..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
        let breaks = c != '.'
            || next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"'\u{201C}\u{2018}(".contains(n));
        if breaks {
            let end = at + c.len_utf8();
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A comment line's text: one line, whatever the quote holds.
fn comment_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The draft outcomes as council-file TOML: for each situation, the candidates as comments, then
/// an outcome marked `draft = true` whose guidance is the cited quotes, word for word.
pub fn outcomes_toml(draft: &GuideDraft) -> String {
    let mut out = String::new();
    for situation in &draft.situations {
        let _ = writeln!(out, "# {} ({})", comment_text(&situation.label), situation.id);
        let _ = writeln!(out, "# Suggested coverage: {}: {}.", situation.coverage.as_str(), situation.reason);
        if !situation.echoes.is_empty() {
            // What other reviewed guides found helps judge coverage; it is never this council's rule.
            let found: Vec<String> = situation
                .echoes
                .iter()
                .map(|echo| match echo.share {
                    Some(share) => format!(
                        "{} {} ({:.0}% of its quoted words are here)",
                        echo.council,
                        echo.level.as_str(),
                        share * 100.0
                    ),
                    None => format!("{} {} (it quotes nothing)", echo.council, echo.level.as_str()),
                })
                .collect();
            let _ = writeln!(out, "# Other councils' reviewed guides: {}.", found.join("; "));
        }
        if situation.candidates.is_empty() {
            let _ = writeln!(out, "# No clause shares words with this situation.");
        } else {
            let _ = writeln!(out, "# Candidates (clause, score, best sentence):");
        }
        for (rank, candidate) in situation.candidates.iter().enumerate() {
            let _ = writeln!(
                out,
                "#   {}. {} ({:.3}){} \u{201C}{}\u{201D}",
                rank + 1,
                candidate.clause,
                candidate.score,
                if rank < situation.cited { ", cited:" } else { ":" },
                comment_text(&candidate.quote)
            );
        }
        let cited = &situation.candidates[..situation.cited];
        let mut table = OutcomeTable {
            id: situation.id.clone(),
            draft: true,
            coverage: Some(situation.coverage.as_str().to_string()),
            ..OutcomeTable::default()
        };
        if situation.coverage == CoverageLevel::None {
            table.related = situation.candidates.iter().take(MAX_CITED).map(|c| c.clause.clone()).collect();
        } else {
            // The guidance is the quotes themselves, each resting on its clause.
            for candidate in cited {
                table.cite(&candidate.clause, &candidate.quote);
            }
        }
        out.push_str(&table.to_toml());
        out.push('\n');
    }
    out
}

/// A council file's text without its guide: every `[[question]]` and `[[outcome]]` table left
/// out, with the comments and blank lines just before each (its heading, or an earlier draft's
/// candidates), and the council and its clauses kept as written.
pub fn without_guide(file_text: &str) -> String {
    let mut out = String::with_capacity(file_text.len());
    // Comments and blank lines, kept only if what follows them is kept.
    let mut pending = String::new();
    let mut skipping = false;
    let mut in_multiline = false;
    for line in file_text.split_inclusive('\n') {
        let trimmed = line.trim();
        let starts_in_string = in_multiline;
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_multiline = !in_multiline;
        }
        if !starts_in_string && (trimmed.is_empty() || trimmed.starts_with('#')) {
            if !skipping {
                pending.push_str(line);
            }
            continue;
        }
        if !starts_in_string && trimmed.starts_with('[') {
            let header = trimmed.split('#').next().unwrap_or("").trim();
            let name = header.trim_start_matches('[').trim_end_matches(']').trim();
            skipping = matches!(name.split('.').next(), Some("question" | "outcome"));
        }
        if skipping {
            pending.clear();
        } else {
            out.push_str(&pending);
            pending.clear();
            out.push_str(line);
        }
    }
    out.push_str(&pending);
    out
}

/// The whole draft file: the council and its clauses as written, then the drafted guide.
pub fn draft_file(file_text: &str, draft: &GuideDraft) -> String {
    let mut out = without_guide(file_text).trim_end().to_string();
    out.push_str("\n\n# ---------------------------------------------------------------------------\n");
    out.push_str("# DRAFT guide made by `protocol-guide draft-guide` from the clauses alone. Every outcome\n");
    out.push_str("# is `draft = true`: check each against the protocol, write a title (and a `gap` where\n");
    out.push_str("# coverage is partial), then remove the flag. Release builds refuse drafts.\n");
    out.push_str("# ---------------------------------------------------------------------------\n\n");
    out.push_str(&outcomes_toml(draft));
    out
}

/// How a drafted guide compares with a reviewed one, per reviewed outcome.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftScore {
    /// Reviewed outcomes that cite clauses (coverage full or partial).
    pub cited_outcomes: usize,
    /// Of those, how many have at least one cited clause among the draft's first three candidates.
    pub any_in_top3: usize,
    /// Summed over those outcomes: the share of their cited clauses (up to three of them) among
    /// the first three candidates.
    pub cited_share_in_top3: f32,
    /// Reviewed outcomes with coverage none (no cites to find).
    pub none_outcomes: usize,
    /// Of those, how many the draft also suggests none for.
    pub none_matched: usize,
    /// Every reviewed outcome.
    pub outcomes: usize,
    /// Reviewed outcomes whose coverage the draft suggests for their situation.
    pub coverage_matched: usize,
    /// Counts of (reviewed, suggested) coverage, rows and columns none, partial, full.
    pub confusion: [[usize; 3]; 3],
}

impl DraftScore {
    pub fn add(&mut self, other: &DraftScore) {
        self.cited_outcomes += other.cited_outcomes;
        self.any_in_top3 += other.any_in_top3;
        self.cited_share_in_top3 += other.cited_share_in_top3;
        self.none_outcomes += other.none_outcomes;
        self.none_matched += other.none_matched;
        self.outcomes += other.outcomes;
        self.coverage_matched += other.coverage_matched;
        for (row, other_row) in self.confusion.iter_mut().zip(other.confusion) {
            for (cell, other_cell) in row.iter_mut().zip(other_row) {
                *cell += other_cell;
            }
        }
    }

    /// The share of cited reviewed outcomes with a cited clause in the draft's top three.
    pub fn top3_rate(&self) -> f32 {
        ratio(self.any_in_top3 as f32, self.cited_outcomes)
    }

    /// The mean share of each cited reviewed outcome's clauses (up to three) in the top three.
    pub fn cited_share_rate(&self) -> f32 {
        ratio(self.cited_share_in_top3, self.cited_outcomes)
    }

    /// The share of reviewed outcomes whose coverage the draft suggests.
    pub fn coverage_rate(&self) -> f32 {
        ratio(self.coverage_matched as f32, self.outcomes)
    }
}

fn ratio(part: f32, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part / whole as f32
    }
}

/// Compares a draft with a reviewed council's guide: each reviewed outcome against the draft of
/// the situation it sits under.
pub fn score_against(reviewed: &Council, draft: &GuideDraft) -> DraftScore {
    let by_id: HashMap<&str, &SituationDraft> = draft.situations.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut score = DraftScore::default();
    for outcome in reviewed.flow.outcomes() {
        let Some(situation) = by_id.get(outcome.situation.as_ref()) else { continue };
        let level = outcome.coverage.level();
        score.outcomes += 1;
        score.confusion[level as usize][situation.coverage as usize] += 1;
        if situation.coverage == level {
            score.coverage_matched += 1;
        }
        if level == CoverageLevel::None {
            score.none_outcomes += 1;
            if situation.coverage == CoverageLevel::None {
                score.none_matched += 1;
            }
            continue;
        }
        let mut cited: Vec<&str> = Vec::new();
        for cite in outcome.cites.iter() {
            if !cited.contains(&cite.clause.as_ref()) {
                cited.push(&cite.clause);
            }
        }
        if cited.is_empty() {
            continue;
        }
        let top3: Vec<&str> = situation.candidates.iter().take(3).map(|c| c.clause.as_str()).collect();
        let found = cited.iter().filter(|id| top3.contains(id)).count();
        score.cited_outcomes += 1;
        if found > 0 {
            score.any_in_top3 += 1;
        }
        score.cited_share_in_top3 += found as f32 / cited.len().min(3) as f32;
    }
    score
}

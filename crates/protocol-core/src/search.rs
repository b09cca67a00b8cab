//! "Ask in your own words": BM25 over a council's outcomes and clauses, with English stemming,
//! a synonym list for this field, and tolerance for typos and half-typed words.

use crate::engine::{answers_to, coverage_of, replay};
use crate::model::{Council, Coverage, CoverageLevel, SearchWords, Topic};
use crate::text::is_word_char;
use std::collections::HashMap;
use std::sync::Arc;

/// Words too common to tell documents apart.
const STOPWORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
    "does", "for", "from", "get", "got", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me",
    "my", "of", "on", "or", "our", "so", "should", "that", "the", "their", "them", "there", "they", "this", "to",
    "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you",
    "your", "s", "t", "im", "ive", "allowed", "want", "need", "really", "actually", "just", "like", "someone",
    "anyone", "one", "thing", "things", "able", "feel", "still", "also", "lot", "bit", "please", "ok", "okay", "here",
    "going", "know", "think", "now", "dont", "cant", "hasnt", "isnt", "wont", "didnt", "any", "all", "some", "very",
    "much", "way", "being", "us", "he", "she", "his", "her",
    // Every protocol is about its own council: these say nothing about which part applies.
    "parish", "town", "borough", "council", "councils",
];

/// Stopwords that still tell a pair apart: "town clerk" is not any clerk.
const PLACE_WORDS: &[&str] = &["parish", "town", "borough", "council", "councils"];

/// The pairs of neighbouring words in a text, as index terms: function words break a pair, but
/// place words join one.
fn pair_terms(text: &str) -> Vec<String> {
    let mut pairs = Vec::new();
    let mut previous: Option<String> = None;
    for word in words(text) {
        let place = PLACE_WORDS.contains(&word.as_str());
        if STOPWORDS.contains(&word.as_str()) && !place {
            previous = None;
            continue;
        }
        let term = term_of(&word);
        if let Some(previous) = previous.replace(term.clone()) {
            pairs.push(pair_term(&previous, &term));
        }
    }
    pairs
}

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Outcomes answer a question; a clause is evidence. Ties go to the answer.
const OUTCOME_BOOST: f32 = 1.6;
const SYNONYM_WEIGHT: f32 = 0.5;
const SIBLING_PENALTY: f32 = 0.85;
/// When the typed word is nowhere in the protocol, its synonyms are the only bridge.
const BRIDGE_WEIGHT: f32 = 0.85;
const TYPO_WEIGHT: f32 = 0.7;
const QUESTION_WEIGHT: f32 = 1.0;
const ANSWER_WEIGHT: f32 = 2.5;
/// Two neighbouring words, counted again as a pair.
const PAIR_WEIGHT: f32 = 0.5;
/// How much a question's closeness to a situation's everyday phrasings adds to its outcomes.
const PHRASING_WEIGHT: f32 = 1.33;
/// How many of a situation's closest phrasings add up to its closeness: one close phrasing may
/// share words with the question by chance, several close ones speak for the situation.
const CLOSEST_PHRASINGS: usize = 3;
/// Each further close phrasing counts for less, so a situation with many near-identical
/// phrasings ("monitoring officer", "the monitoring officer's role") does not outweigh one
/// whose single phrasing says what the question says.
const CLOSEST_DECAY: [f32; CLOSEST_PHRASINGS] = [1.0, 0.75, 0.5];
const PREFIX_WEIGHT: f32 = 0.6;
/// How much the situation the phrasings name adds to its outcomes, as a share of the best
/// score: a sure situation's outcomes gain as much as the best match scored, an unsure one's
/// hardly anything. Chosen on the development sets, where 0.5 to 1.0 ranked alike.
const SITUATION_WEIGHT: f32 = 1.0;
/// Laplace smoothing for the situation model: a word a situation's phrasings never use still
/// leaves it possible.
const SMOOTHING: f32 = 1.0;

/// Lower-case words with apostrophes folded, split on anything that is not a letter or digit.
/// ASCII case folding only: the protocols are English, and Unicode case tables cost wasm bytes.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(is_word_char(c) || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '\u{2019}').to_ascii_lowercase().replace(['\'', '\u{2019}'], ""))
        .filter(|w| !w.is_empty())
}

/// The index terms of a text: stemmed words, stopwords dropped.
pub fn terms(text: &str) -> Vec<String> {
    words(text).filter(|w| !STOPWORDS.contains(&w.as_str())).map(|w| term_of(&w)).collect()
}

/// English (Snowball) stem of a lower-case word. A maintained stemmer rather than our own: on the
/// development sets it ranked as well as the hand-written Porter stemmer it replaced (recall@1
/// 0.840 against 0.830), for 1.4 KB brotli more wasm.
fn stem(word: &str) -> String {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)).stem(word).into_owned()
}

/// Stems a word, except where stemming would merge words this field keeps apart.
fn term_of(word: &str) -> String {
    match word {
        // The stemmer makes both "offic"; an officer is a person, an office a place.
        "officer" | "officers" => "officer".to_string(),
        "office" | "offices" => "office".to_string(),
        _ => stem(word),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Outcome,
    Clause,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Outcome => "outcome",
            HitKind::Clause => "clause",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: String,
    pub title: String,
    pub score: f32,
    /// For an outcome, how much of its situation the protocol covers; a clause is the protocol's own words.
    pub coverage: CoverageLevel,
    /// For a partly covered outcome, what the protocol does not say: shown with the result, so
    /// a first answer that only bears on the question says where it stops.
    pub gap: Option<String>,
    pub cites: Vec<String>,
    /// The words of the question this result matched, as typed: why it is here.
    pub matched: Vec<String>,
}

/// When the best result is too weak to offer as an answer: fewer than `min_share` of the
/// question's words matched, or the question is closer to other council business.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CloseMatch {
    pub min_share: f32,
    /// A question is outside when its closest out-of-scope phrasing beats its closest situation
    /// phrasing by this factor.
    pub outside_margin: f32,
}

/// The closest phrasing's score, among the situations' and among other council business.
#[derive(Debug, Clone, Copy, Default)]
struct Scope {
    inside: f32,
    outside: f32,
}

/// The longest question searched, in bytes: beyond it words are ignored, which keeps every
/// keystroke fast (the ask box stops at the same length).
pub const MAX_QUERY_LEN: usize = 500;

fn within_limit(query: &str) -> &str {
    if query.len() <= MAX_QUERY_LEN {
        return query;
    }
    let mut end = MAX_QUERY_LEN;
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    &query[..end]
}

/// Marks a phrasing that belongs to no situation: other council business.
const OUTSIDE: u16 = u16::MAX;

/// A phrasing's class in the situation model: its situation's place, or for other council
/// business (`OUTSIDE`) the last class, after the `situations` situations.
fn class_of(situation: u16, situations: usize) -> usize {
    usize::from(situation).min(situations)
}

impl CloseMatch {
    /// Calibrated on the three development sets (`eval-search --close-match SHARE,MARGIN`): the
    /// best recall@1 on their unanswered questions with under 5% false alarms on answered ones.
    pub const CALIBRATED: CloseMatch = CloseMatch { min_share: 0.5, outside_margin: 1.0 };
}

/// The results for a question, and whether none of them is a close match.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// Nothing scored well enough to offer as an answer: the results that follow are weak.
    pub no_close_match: bool,
}

struct Doc {
    /// A not-covered branch beside covered ones: ranked a little lower unless asked for by name.
    behind_covered_sibling: bool,
    kind: HitKind,
    id: String,
    title: String,
    coverage: CoverageLevel,
    gap: Option<String>,
    cites: Vec<String>,
}

/// Groups of words and phrases people use for the same thing, each stored as stemmed terms.
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
}

impl Synonyms {
    pub fn new<G: AsRef<[S]>, S: AsRef<str>>(groups: &[G]) -> Self {
        Synonyms {
            groups: groups
                .iter()
                .map(|group| {
                    group.as_ref().iter().map(|phrase| terms(phrase.as_ref())).filter(|t| !t.is_empty()).collect()
                })
                .collect(),
        }
    }

    /// True if the term is part of any group: a real word of this field, not a typo.
    fn knows(&self, term: &str) -> bool {
        self.groups.iter().flatten().flatten().any(|t| t == term)
    }
}

/// Term postings for a set of documents, for BM25.
#[derive(Default)]
struct Corpus {
    postings: HashMap<String, Vec<(u32, f32)>>,
    lengths: Vec<f32>,
    average_length: f32,
}

impl Corpus {
    fn new(doc_terms: &[DocTerms]) -> Self {
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(doc_terms.len());
        for (index, fields) in doc_terms.iter().enumerate() {
            lengths.push(fields.0.values().sum());
            for (term, weight) in &fields.0 {
                postings.entry(term.clone()).or_default().push((index as u32, *weight));
            }
        }
        let average_length = lengths.iter().sum::<f32>() / lengths.len().max(1) as f32;
        Corpus { postings, lengths, average_length }
    }

    fn heap_bytes(&self) -> usize {
        let postings: usize = self
            .postings
            .iter()
            .map(|(t, list)| t.capacity() + std::mem::size_of::<String>() + list.capacity() * 8 + 8)
            .sum();
        postings + self.lengths.capacity() * 4
    }

    fn idf(&self, term: &str) -> Option<f32> {
        let count = self.lengths.len() as f32;
        self.postings.get(term).map(|list| (1.0 + (count - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln())
    }

    /// BM25 of every document for the question's concepts, each concept counted once by its best
    /// term, and which concepts each document matched.
    fn score(&self, concepts: &[Concept]) -> (Vec<f32>, Vec<Vec<u16>>) {
        let mut scores = vec![0f32; self.lengths.len()];
        let mut matched: Vec<Vec<u16>> = vec![Vec::new(); self.lengths.len()];
        let mut best = vec![0f32; self.lengths.len()];
        for (concept_index, concept) in concepts.iter().enumerate() {
            // A synonym is never more telling than the word typed: cap it at that word's idf.
            let anchor_idf = concept.anchors.iter().filter_map(|t| self.idf(t)).reduce(f32::max);
            best.iter_mut().for_each(|b| *b = 0.0);
            for (term, query_weight) in &concept.terms {
                let (Some(list), Some(own_idf)) = (self.postings.get(term), self.idf(term)) else { continue };
                let idf = match anchor_idf {
                    Some(anchor) if !concept.anchors.contains(term) => own_idf.min(anchor),
                    _ => own_idf,
                };
                for &(doc, tf) in list {
                    let length = self.lengths[doc as usize];
                    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / self.average_length));
                    let slot = &mut best[doc as usize];
                    *slot = slot.max(query_weight * idf * norm);
                }
            }
            for (doc, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    scores[doc] += b;
                    matched[doc].push(concept_index as u16);
                }
            }
        }
        (scores, matched)
    }
}

/// What every council's index shares: the everyday phrasings of the situations and of other
/// council business, and the synonyms. Built once and shared, since it is most of the memory.
pub struct SharedWords {
    /// Each phrasing a small document of its own.
    phrasings: Corpus,
    /// For each phrasing, the situation (its place in `situations`) it phrases, or `OUTSIDE`.
    phrasing_situation: Vec<u16>,
    situations: Vec<String>,
    /// For each situation, and last for other council business, the total weight of its
    /// phrasings' terms: with the postings, a naive Bayes model of which situation a question is
    /// about.
    situation_lengths: Vec<f32>,
    vocabulary: Vec<(String, String)>,
    synonyms: Synonyms,
}

pub struct SearchIndex {
    docs: Vec<Doc>,
    corpus: Corpus,
    /// For each document, the situation (its place in `situations`) of its outcome.
    doc_situation: Vec<Option<u16>>,
    /// Words as written in the protocol, sorted, each with its index term: typos and half-typed
    /// words are matched against what people would have typed, not against stems.
    vocabulary: Vec<(String, String)>,
    shared: Arc<SharedWords>,
}

/// The sorted, distinct words of some documents, each with its index term.
fn vocabulary_of(doc_terms: &[DocTerms]) -> Vec<(String, String)> {
    let mut vocabulary: Vec<(String, String)> =
        doc_terms.iter().flat_map(|fields| fields.1.iter()).map(|word| (word.clone(), term_of(word))).collect();
    // Unstable sorts throughout: the keys are total orders, and one sort routine keeps the wasm smaller.
    vocabulary.sort_unstable();
    vocabulary.dedup();
    vocabulary
}

impl SharedWords {
    pub fn build(topics: &[Topic], words: &SearchWords) -> Self {
        // Each phrasing matched on its own, so one close phrasing counts for its situation
        // however many others it has.
        let mut phrasing_terms = Vec::new();
        let mut phrasing_situation = Vec::new();
        let situations: Vec<String> =
            topics.iter().flat_map(|t| t.situations.iter().map(|s| s.id.to_string())).collect();
        for (place, situation) in topics.iter().flat_map(|t| t.situations.iter()).enumerate() {
            for phrasing in situation.phrasings.iter().map(AsRef::as_ref).chain([situation.label.as_ref()]) {
                let mut fields = DocTerms::default();
                fields.add(phrasing, 1.0);
                phrasing_terms.push(fields);
                phrasing_situation.push(place as u16);
            }
        }
        // Questions about other council business: a question closest to one of these is outside
        // every protocol, however many of its words a protocol happens to use.
        for phrasing in &words.outside {
            let mut fields = DocTerms::default();
            fields.add(phrasing, 1.0);
            phrasing_terms.push(fields);
            phrasing_situation.push(OUTSIDE);
        }
        let phrasings = Corpus::new(&phrasing_terms);
        let mut situation_lengths = vec![0f32; situations.len() + 1];
        for (length, situation) in phrasings.lengths.iter().zip(&phrasing_situation) {
            situation_lengths[class_of(*situation, situations.len())] += length;
        }
        SharedWords {
            situation_lengths,
            vocabulary: vocabulary_of(&phrasing_terms),
            phrasings,
            phrasing_situation,
            situations,
            synonyms: Synonyms::new(&words.synonyms),
        }
    }

    /// How likely the question is to be about each situation (and, last, other council business),
    /// by multinomial naive Bayes over the phrasings with equal priors: the phrasings are examples
    /// to learn from, not only documents to match. Hand-written because it is a few lines over the
    /// postings already held; a library would bring its own copy of the counts and a matrix crate.
    fn situation_chances(&self, query_terms: &[String]) -> Vec<f32> {
        let classes = self.situation_lengths.len();
        let vocabulary = self.phrasings.postings.len() as f32;
        let mut log_likelihood = vec![0f32; classes];
        let mut counts = vec![0f32; classes];
        for term in query_terms {
            let Some(list) = self.phrasings.postings.get(term) else { continue };
            counts.iter_mut().for_each(|c| *c = 0.0);
            for &(phrasing, weight) in list {
                counts[class_of(self.phrasing_situation[phrasing as usize], classes - 1)] += weight;
            }
            for ((log, count), length) in log_likelihood.iter_mut().zip(&counts).zip(&self.situation_lengths) {
                *log += ((count + SMOOTHING) / (length + SMOOTHING * vocabulary)).ln();
            }
        }
        // Softmax, shifted by the largest: a long question's log-likelihoods are all far below
        // zero, and unshifted every exponent would underflow to 0 and the shares to NaN.
        let largest = log_likelihood.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut chances: Vec<f32> = log_likelihood.iter().map(|log| (log - largest).exp()).collect();
        let total: f32 = chances.iter().sum();
        chances.iter_mut().for_each(|c| *c /= total);
        chances
    }

    /// Approximate heap bytes, for the benchmark.
    pub fn heap_bytes(&self) -> usize {
        let strings = |s: &String| s.capacity() + std::mem::size_of::<String>();
        self.situation_lengths.capacity() * 4
            + self.phrasings.heap_bytes()
            + self.phrasing_situation.capacity() * 2
            + self.situations.iter().map(strings).sum::<usize>()
            + self.vocabulary.iter().map(|(word, term)| strings(word) + strings(term)).sum::<usize>()
            + self.synonyms.groups.iter().flatten().flatten().map(strings).sum::<usize>()
    }
}

/// Collects weighted term counts for one document, and the words seen.
#[derive(Default)]
struct DocTerms(HashMap<String, f32>, Vec<String>);

impl DocTerms {
    fn add(&mut self, text: &str, weight: f32) {
        for word in words(text).filter(|w| !STOPWORDS.contains(&w.as_str())) {
            let term = term_of(&word);
            *self.0.entry(term).or_default() += weight;
            self.1.push(word);
        }
        // Neighbouring words as a pair too, so "town clerk" tells the Town Clerk from a clerk.
        for pair in pair_terms(text) {
            *self.0.entry(pair).or_default() += weight * PAIR_WEIGHT;
        }
    }
}

/// A phrasing as the index reads it: the same words in order, with each run of the words it skips
/// (stopwords that are not place words) cut to one "a", which still breaks a pair. The widget
/// carries its phrasings in this form: they are never shown, only matched, and it is shorter.
pub fn index_form(text: &str) -> String {
    let mut out = String::new();
    let mut skipped = false;
    for word in words(text) {
        if STOPWORDS.contains(&word.as_str()) && !PLACE_WORDS.contains(&word.as_str()) {
            skipped = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if skipped { " a " } else { " " });
        }
        skipped = false;
        out.push_str(&word);
    }
    out
}

/// The index term for two neighbouring words.
fn pair_term(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// The questions and chosen answers on the way to an outcome, each with its weight: the outcome
/// in the asker's words. A question is shared by all its branches, so the answer chosen weighs more.
fn path_texts<'c>(council: &'c Council, answers: &[String]) -> Vec<(&'c str, f32)> {
    let Ok(walk) = replay(council, answers) else { return Vec::new() };
    walk.steps
        .iter()
        .flat_map(|step| {
            let asked =
                (step.question.id != council.flow.start).then_some((step.question.text.as_ref(), QUESTION_WEIGHT));
            asked.into_iter().chain([(step.choice.label.as_ref(), ANSWER_WEIGHT)])
        })
        .collect()
}

impl SearchIndex {
    /// An index with its own copy of the shared words; `with_shared` shares one between councils.
    pub fn build(council: &Council, topics: &[Topic], words: &SearchWords) -> Self {
        Self::with_shared(council, topics, Arc::new(SharedWords::build(topics, words)))
    }

    pub fn with_shared(council: &Council, topics: &[Topic], shared: Arc<SharedWords>) -> Self {
        let situation_place = |id: &str| shared.situations.iter().position(|s| s == id).map(|p| p as u16);
        let mut docs = Vec::new();
        let mut doc_terms: Vec<DocTerms> = Vec::new();
        let mut doc_situation = Vec::new();
        for outcome in council.flow.outcomes() {
            let mut fields = DocTerms::default();
            fields.add(&outcome.title, 2.0);
            // The questions and choices on the way: the outcome in the asker's words.
            let answers = answers_to(council, &outcome.id).unwrap_or_default();
            for (text, weight) in path_texts(council, &answers) {
                fields.add(text, weight);
            }
            // The topic's summary is shared by all its outcomes: a hint of subject, not an answer.
            if let Some(topic) = topics.iter().find(|t| t.id == outcome.topic) {
                fields.add(&topic.summary, 0.5);
            }
            for line in outcome.guidance.iter() {
                fields.add(&line.text, 1.5);
            }
            for cite in outcome.cites.iter() {
                fields.add(&cite.quote, 1.0);
            }
            if let Some(contact) = &outcome.contact {
                fields.add(&contact.role, 1.5);
            }
            let mut cites: Vec<String> = outcome.cites.iter().map(|c| c.clause.to_string()).collect();
            cites.dedup();
            let coverage = outcome.coverage.level();
            let behind_covered_sibling =
                coverage < CoverageLevel::Full && coverage_of(council, &outcome.situation) > coverage;
            docs.push(Doc {
                behind_covered_sibling,
                kind: HitKind::Outcome,
                id: outcome.id.to_string(),
                title: outcome.title.to_string(),
                coverage,
                // A draft may leave its gap unwritten: then there is nothing to show.
                gap: match &outcome.coverage {
                    Coverage::Partial { gap } if !gap.is_empty() => Some(gap.to_string()),
                    Coverage::Full | Coverage::Partial { .. } | Coverage::None { .. } => None,
                },
                cites,
            });
            doc_terms.push(fields);
            doc_situation.push(situation_place(&outcome.situation));
        }
        for clause in council.clauses.iter() {
            let mut fields = DocTerms::default();
            fields.add(&clause.plain_text(), 1.0);
            for heading in clause.headings.iter() {
                fields.add(heading, 0.5);
            }
            if let Some(title) = &clause.title {
                fields.add(title, 1.5);
            }
            let title = match &clause.title {
                Some(title) => format!("{}: {}", clause.label, title),
                None => clause.label.to_string(),
            };
            docs.push(Doc {
                behind_covered_sibling: false,
                kind: HitKind::Clause,
                id: clause.id.to_string(),
                title,
                coverage: CoverageLevel::Full,
                gap: None,
                cites: vec![clause.id.to_string()],
            });
            doc_terms.push(fields);
            doc_situation.push(None);
        }
        SearchIndex {
            docs,
            vocabulary: vocabulary_of(&doc_terms),
            corpus: Corpus::new(&doc_terms),
            doc_situation,
            shared,
        }
    }

    /// Whether any document or phrasing holds the term.
    fn indexes(&self, term: &str) -> bool {
        self.corpus.postings.contains_key(term) || self.shared.phrasings.postings.contains_key(term)
    }

    /// The query as concepts: each typed word (or phrase of a synonym group) with the terms that
    /// may stand for it and their weights. A document scores a concept once, by its best term, so
    /// a large synonym group cannot outweigh the words the person actually typed.
    fn concepts(&self, query: &str) -> Vec<Concept> {
        let raw: Vec<String> = words(query).collect();
        let query_terms: Vec<String> =
            raw.iter().filter(|w| !STOPWORDS.contains(&w.as_str())).map(|w| term_of(w)).collect();
        // Only a last word that is still being typed, and is not a stopword, is completed.
        let typing_last_word =
            !query.ends_with(char::is_whitespace) && raw.last().is_some_and(|w| !STOPWORDS.contains(&w.as_str()));
        let mut concepts: Vec<Concept> = Vec::new();
        let mut fired = vec![false; self.shared.synonyms.groups.len()];
        let query_words: Vec<&String> = raw.iter().filter(|w| !STOPWORDS.contains(&w.as_str())).collect();
        for (position, term) in query_terms.iter().enumerate() {
            let mut concept: Vec<(String, f32)> = Vec::new();
            let mut sure_terms = vec![term.clone()];
            if self.corpus.postings.contains_key(term) || self.shared.synonyms.knows(term) {
                add_term(&mut concept, term.clone(), 1.0);
            } else {
                // A word only the shared phrasings use may be one of their misspellings
                // ("monitering"): it matches them as typed, and is still fixed towards the words
                // the protocol uses.
                if self.shared.phrasings.postings.contains_key(term) {
                    add_term(&mut concept, term.clone(), 1.0);
                }
                for fixed in self.near_terms(query_words[position]).into_iter().filter(|fixed| fixed != term) {
                    add_term(&mut concept, fixed.clone(), TYPO_WEIGHT);
                    sure_terms.push(fixed);
                }
            }
            if typing_last_word && position + 1 == query_terms.len() && term.len() >= 3 {
                let last_word = raw.last().map(String::as_str).unwrap_or(term);
                for completion in self.completions(last_word).into_iter().take(6) {
                    add_term(&mut concept, completion, PREFIX_WEIGHT);
                }
            }
            // A word the protocol never uses, and that is no typo of one, reaches it only through synonyms.
            let weight = if self.indexes(term) || sure_terms.len() > 1 { SYNONYM_WEIGHT } else { BRIDGE_WEIGHT };
            for (index, group) in self.shared.synonyms.groups.iter().enumerate() {
                if group.iter().any(|phrase| phrase.len() == 1 && sure_terms.contains(&phrase[0])) {
                    fired[index] = true;
                    add_group(&mut concept, group, weight);
                }
            }
            if !concept.is_empty() {
                let anchors = sure_terms.into_iter().filter(|t| self.indexes(t)).collect();
                concepts.push(Concept { terms: concept, anchors, typed: query_words[position].clone() });
            }
        }
        // Neighbouring words typed together count again as a pair where the text has them together.
        for term in pair_terms(query) {
            if self.indexes(&term) {
                concepts.push(Concept { terms: vec![(term.clone(), 1.0)], anchors: vec![term], typed: String::new() });
            }
        }
        // Phrases ("social media", "monitoring officer") name a concept of their own.
        for (index, group) in self.shared.synonyms.groups.iter().enumerate() {
            if !fired[index] && group.iter().any(|phrase| phrase.len() > 1 && contains_run(&query_terms, phrase)) {
                let mut concept = Vec::new();
                add_group(&mut concept, group, BRIDGE_WEIGHT);
                let typed = group
                    .iter()
                    .find(|phrase| phrase.len() > 1 && contains_run(&query_terms, phrase))
                    .map(|p| p.join(" "))
                    .unwrap_or_default();
                concepts.push(Concept { terms: concept, anchors: Vec::new(), typed });
            }
        }
        concepts
    }

    /// Index terms of the protocol's words that begin with a half-typed word.
    fn completions(&self, prefix: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for vocabulary in [&self.vocabulary, &self.shared.vocabulary] {
            let start = vocabulary.partition_point(|(word, _)| word.as_str() < prefix);
            for (word, term) in vocabulary[start..].iter().take_while(|(word, _)| word.starts_with(prefix)) {
                if word != prefix && !found.contains(term) {
                    found.push(term.clone());
                }
            }
        }
        found
    }

    /// Index terms of the protocol's words within one edit (two for long words) of a typed word.
    fn near_terms(&self, typed: &str) -> Vec<String> {
        let length = typed.chars().count();
        // Words of three letters are too often real words that merely sit near another ("bin",
        // "pin"). A four-letter word is fixed only for a dropped letter ("clrk") or two swapped
        // ones ("giev"): a changed letter too often makes another real word ("mile", "mild").
        if length < 4 {
            return Vec::new();
        }
        let limit = if length >= 8 { 2 } else { 1 };
        let mut best: Vec<(usize, &String)> = self
            .vocabulary
            .iter()
            .chain(self.shared.vocabulary.iter())
            .filter(|(word, _)| word != typed && word.len().abs_diff(typed.len()) <= limit)
            .filter(|(word, _)| length > 4 || word.len() > typed.len() || same_letters(word, typed))
            .filter_map(|(word, stem)| edit_distance_within(typed, word, limit).map(|d| (d, stem)))
            .collect();
        best.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let closest = best.first().map(|(d, _)| *d);
        let mut fixes: Vec<String> = Vec::new();
        for (_, stem) in best.into_iter().take_while(|(d, _)| Some(*d) == closest) {
            if !fixes.contains(stem) && fixes.len() < 3 {
                fixes.push(stem.clone());
            }
        }
        fixes
    }

    /// The best results for a question, best first, and whether any is a close match.
    pub fn ask(&self, query: &str, limit: usize) -> Answer {
        self.ask_with(query, limit, CloseMatch::CALIBRATED)
    }

    /// `ask` with other thresholds for "no close match", for calibrating them.
    pub fn ask_with(&self, query: &str, limit: usize, close: CloseMatch) -> Answer {
        let concepts = self.concepts(within_limit(query));
        let (hits, scope) = self.rank(&concepts, limit);
        let no_close_match = match hits.first() {
            None => true,
            // Closer to other council business than to any situation the protocols share.
            Some(_) if scope.outside > scope.inside * close.outside_margin => true,
            Some(top) => {
                // Pairs only strengthen words already counted: the share is of the words typed.
                let words = concepts.iter().filter(|c| !c.typed.is_empty()).count();
                let matched = top.matched.iter().filter(|w| !w.is_empty()).count();
                let share = matched as f32 / words.max(1) as f32;
                share < close.min_share
            }
        };
        Answer { hits, no_close_match }
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.rank(&self.concepts(within_limit(query)), limit).0
    }

    /// The best results, and how closely the question matches the closest in-scope and
    /// out-of-scope phrasings.
    fn rank(&self, concepts: &[Concept], limit: usize) -> (Vec<Hit>, Scope) {
        if concepts.is_empty() {
            return (Vec::new(), Scope::default());
        }
        let (mut scores, mut matched) = self.corpus.score(concepts);
        // How closely the question matches each situation's closest phrasings, shared by its outcomes.
        let (phrasing_scores, phrasing_matched) = self.shared.phrasings.score(concepts);
        // Each situation's closest phrasings' scores, best first, and which phrasing is closest.
        let mut by_situation: Vec<([f32; CLOSEST_PHRASINGS], usize)> =
            vec![([0.0; CLOSEST_PHRASINGS], usize::MAX); self.shared.situations.len()];
        let mut outside = 0f32;
        for (phrasing, score) in phrasing_scores.iter().enumerate() {
            match self.shared.phrasing_situation[phrasing] {
                OUTSIDE => outside = outside.max(*score),
                place => {
                    let (closest, best) = &mut by_situation[place as usize];
                    if *score > closest[0] {
                        *best = phrasing;
                    }
                    let mut carried = *score;
                    for kept in closest.iter_mut() {
                        if carried > *kept {
                            std::mem::swap(kept, &mut carried);
                        }
                    }
                }
            }
        }
        let inside = by_situation.iter().map(|(closest, _)| closest[0]).fold(0.0, f32::max);
        for (doc, situation) in self.doc_situation.iter().enumerate() {
            let Some((closest, phrasing)) = situation.map(|s| by_situation[s as usize]) else { continue };
            let score: f32 = closest.iter().zip(CLOSEST_DECAY).map(|(score, decay)| score * decay).sum();
            if score > 0.0 {
                scores[doc] += PHRASING_WEIGHT * score;
                for concept in &phrasing_matched[phrasing] {
                    if !matched[doc].contains(concept) {
                        matched[doc].push(*concept);
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .into_iter()
            .enumerate()
            .filter(|(_, s)| *s > 0.0)
            .map(|(i, s)| {
                let doc = &self.docs[i];
                let boost = match doc.kind {
                    HitKind::Outcome if doc.behind_covered_sibling => OUTCOME_BOOST * SIBLING_PENALTY,
                    HitKind::Outcome => OUTCOME_BOOST,
                    HitKind::Clause => 1.0,
                };
                (i, s * boost)
            })
            .collect();
        // Which situation the question is about, learnt from the phrasings as a whole: lifts the
        // outcomes of a likely situation that the words alone ranked a little lower.
        let best = ranked.iter().map(|(_, score)| *score).fold(0.0, f32::max);
        // Each word by the term it was taken for (as typed, or its typo fix), and each pair.
        let question_terms: Vec<String> = concepts.iter().filter_map(|c| c.anchors.first().cloned()).collect();
        let chances = self.shared.situation_chances(&question_terms);
        for (doc, score) in ranked.iter_mut() {
            if let (HitKind::Outcome, Some(situation)) = (self.docs[*doc].kind, self.doc_situation[*doc]) {
                *score += SITUATION_WEIGHT * best * chances[usize::from(situation)];
            }
        }
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let hits = ranked
            .into_iter()
            .take(limit)
            .map(|(i, score)| {
                let doc = &self.docs[i];
                let mut words: Vec<u16> = matched[i].clone();
                words.sort_unstable();
                Hit {
                    kind: doc.kind,
                    id: doc.id.clone(),
                    title: doc.title.clone(),
                    score,
                    coverage: doc.coverage,
                    gap: doc.gap.clone(),
                    cites: doc.cites.clone(),
                    matched: words
                        .iter()
                        .map(|&c| concepts[c as usize].typed.clone())
                        .filter(|typed| !typed.is_empty())
                        .collect(),
                }
            })
            .collect();
        (hits, Scope { inside, outside })
    }

    /// Approximate heap bytes held by this council's own part of the index, for the benchmark
    /// (the shared words are counted once, by `SharedWords::heap_bytes`).
    pub fn heap_bytes(&self) -> usize {
        let strings = |s: &String| s.capacity() + std::mem::size_of::<String>();
        let docs: usize = self
            .docs
            .iter()
            .map(|d| {
                std::mem::size_of::<Doc>()
                    + d.id.capacity()
                    + d.title.capacity()
                    + d.cites.iter().map(strings).sum::<usize>()
            })
            .sum();
        let vocabulary: usize = self.vocabulary.iter().map(|(word, term)| strings(word) + strings(term)).sum();
        docs + self.corpus.heap_bytes() + vocabulary + self.doc_situation.capacity() * 4
    }

    pub fn document_count(&self) -> usize {
        self.docs.len()
    }
}

/// One thing the person asked about: the terms that may stand for it, with weights, and the
/// terms they actually typed (or meant, through a typo).
struct Concept {
    terms: Vec<(String, f32)>,
    anchors: Vec<String>,
    /// The words typed for it, to show why a result matched.
    typed: String,
}

fn add_term(concept: &mut Vec<(String, f32)>, term: String, weight: f32) {
    match concept.iter_mut().find(|(t, _)| *t == term) {
        Some((_, existing)) => *existing = existing.max(weight),
        None => concept.push((term, weight)),
    }
}

/// Every term of every phrase in a group, a phrase's weight shared among its words.
fn add_group(concept: &mut Vec<(String, f32)>, group: &[Vec<String>], weight: f32) {
    for phrase in group {
        for term in phrase {
            add_term(concept, term.clone(), weight / phrase.len() as f32);
        }
    }
}

/// Whether two words are made of the same letters: one is the other with two letters swapped.
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |w: &str| {
        let mut letters: Vec<char> = w.chars().collect();
        letters.sort_unstable();
        letters
    };
    sorted(a) == sorted(b)
}

fn contains_run(haystack: &[String], run: &[String]) -> bool {
    !run.is_empty() && haystack.windows(run.len()).any(|window| window == run)
}

/// Optimal-string-alignment distance (a swap of two letters counts once), or None past `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before_previous = vec![0usize; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before_previous[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance_within("complian", "complain", 2), Some(1));
        assert_eq!(edit_distance_within("moniter", "monitor", 1), Some(1));
        assert_eq!(edit_distance_within("clerk", "chair", 1), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_its_index_form_index_alike(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "Town", "clerk", "can't", "I", "council's", "officer", "?", "of", "parish", "reply",
                    "won\u{2019}t", "Cllr", ",", "planning", "a", "councils", "complaint", "x1",
                ]),
                0..12,
            ),
            separators in proptest::collection::vec(proptest::sample::select(vec![" ", "  ", "-", "/", "'"]), 12),
        ) {
            let text: String = words.iter().zip(&separators).map(|(w, s)| format!("{w}{s}")).collect();
            let form = index_form(&text);
            let (mut original, mut compact) = (DocTerms::default(), DocTerms::default());
            original.add(&text, 1.0);
            compact.add(&form, 1.0);
            let sorted = |d: &DocTerms| {
                let mut terms: Vec<(String, u32)> = d.0.iter().map(|(t, w)| (t.clone(), (w * 100.0) as u32)).collect();
                terms.sort();
                terms
            };
            proptest::prop_assert_eq!(sorted(&original), sorted(&compact));
            proptest::prop_assert_eq!(&original.1, &compact.1);
        }
    }

    #[test]
    fn the_index_form_of_a_phrasing_indexes_alike() {
        let texts = [
            "Can I tell the clerk what to do?",
            "the Town Clerk's report, and the parish council's clerk",
            "who is the proper officer at the parish council",
            "im the RFO and cllrs wont listen to the council's advice",
            "",
            "the a of",
        ];
        for text in texts {
            let form = index_form(text);
            let (mut original, mut compact) = (DocTerms::default(), DocTerms::default());
            original.add(text, 1.0);
            compact.add(&form, 1.0);
            let sorted = |d: &DocTerms| {
                let mut terms: Vec<(String, u32)> = d.0.iter().map(|(t, w)| (t.clone(), (w * 100.0) as u32)).collect();
                terms.sort();
                terms
            };
            assert_eq!(sorted(&original), sorted(&compact), "{text:?} as {form:?}");
            assert_eq!(original.1, compact.1, "{text:?}: the same words seen, for typo fixes");
            assert_eq!(index_form(&form), form, "already in index form");
        }
        assert_eq!(index_form("Can I tell the clerk what to do?"), "tell a clerk");
        assert_eq!(index_form("the town clerk"), "town clerk");
    }

    /// Shared words for two situations with the given phrasings, and other council business.
    fn shared_words(first: &[&str], second: &[&str], outside: &[&str]) -> SharedWords {
        let situation = |id: &str, phrasings: &[&str]| crate::model::Situation {
            id: id.to_string().into(),
            label: "".into(),
            phrasings: phrasings.iter().map(|p| p.to_string().into()).collect(),
        };
        let topic = Topic {
            id: "t".into(),
            title: "".into(),
            summary: "".into(),
            offer_leave: false,
            situations: vec![situation("t.first", first), situation("t.second", second)],
            see_also: Vec::new(),
        };
        let words =
            SearchWords { synonyms: Vec::new(), outside: outside.iter().map(|p| p.to_string().into()).collect() };
        SharedWords::build(&[topic], &words)
    }

    #[test]
    fn the_situation_model_weighs_every_phrasing_not_only_the_closest() {
        // One phrasing of the first situation holds both words; the second situation's
        // phrasings use them again and again, each with others.
        let shared = shared_words(
            &["grant application", "budget report", "annual accounts"],
            &["grant from the fund", "a grant for the hall", "application forms", "my application"],
            &["bins collection"],
        );
        // As `rank` asks it: each word, and the pair.
        let question: Vec<String> =
            terms("grant application").into_iter().chain(pair_terms("grant application")).collect();
        assert_eq!(question.len(), 3, "{question:?}");
        let chances = shared.situation_chances(&question);
        assert_eq!(chances.len(), 3, "two situations and other council business");
        assert!(chances[1] > chances[0] && chances[1] > 0.5, "{chances:?}");
        let sum: f32 = chances.iter().sum();
        assert!((sum - 1.0).abs() < 1e-4, "{chances:?}");
        // Other council business is a class of its own.
        let outside = shared.situation_chances(&terms("bins collection"));
        assert!(outside[2] > 0.5 && outside[2] > outside[0] + outside[1], "{outside:?}");
    }

    #[test]
    fn words_no_phrasing_uses_leave_the_situations_equally_likely() {
        let shared = shared_words(&["grant application"], &["budget report"], &[]);
        for question in [vec![], terms("zebra crossing")] {
            let chances = shared.situation_chances(&question);
            assert!(chances.iter().all(|c| (c - 1.0 / 3.0).abs() < 1e-4), "{question:?}: {chances:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn situation_chances_are_a_distribution_for_any_question(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["grant", "application", "budget", "report", "bins", "zebra", "the", "a"]),
                0..60,
            ),
        ) {
            let shared = shared_words(&["grant application", "grant"], &["budget report"], &["bins"]);
            let question = words.join(" ");
            let question_terms: Vec<String> = terms(&question).into_iter().chain(pair_terms(&question)).collect();
            let chances = shared.situation_chances(&question_terms);
            proptest::prop_assert!(chances.iter().all(|c| c.is_finite() && *c >= 0.0), "{:?}", chances);
            proptest::prop_assert!((chances.iter().sum::<f32>() - 1.0).abs() < 1e-3, "{:?}", chances);
        }
    }

    #[test]
    fn terms_are_stemmed_without_stopwords() {
        assert_eq!(terms("Who do I complain to about the Clerk's complaints?"), vec!["complain", "clerk", "complaint"]);
    }
}

//! "Ask in your own words": BM25 over a council's outcomes and clauses, with English stemming,
//! a synonym list for this field, and tolerance for typos and half-typed words.

use crate::engine::{answers_to, coverage_of, replay};
use crate::model::{find_situation, Council, CoverageLevel, Topic};
use crate::stem::stem;
use crate::text::is_word_char;
use std::collections::HashMap;

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

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Outcomes answer a question; a clause is evidence. Ties go to the answer.
const OUTCOME_BOOST: f32 = 1.6;
const SYNONYM_WEIGHT: f32 = 0.5;
const SIBLING_PENALTY: f32 = 0.85;
/// When the typed word is nowhere in the protocol, its synonyms are the only bridge.
const BRIDGE_WEIGHT: f32 = 0.85;
const TYPO_WEIGHT: f32 = 0.7;
const PREFIX_WEIGHT: f32 = 0.6;

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

/// Stems a word, except where stemming would merge words this field keeps apart.
fn term_of(word: &str) -> String {
    match word {
        // Porter makes both "offic"; an officer is a person, an office a place.
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
    pub cites: Vec<String>,
    /// The words of the question this result matched, as typed: why it is here.
    pub matched: Vec<String>,
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
    cites: Vec<String>,
    length: f32,
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
}

impl Synonyms {
    /// True if the term is part of any group: a real word of this field, not a typo.
    fn knows(&self, term: &str) -> bool {
        self.groups.iter().flatten().flatten().any(|t| t == term)
    }
}

pub struct SearchIndex {
    docs: Vec<Doc>,
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// Words as written in the protocol, sorted, each with its index term: typos and half-typed
    /// words are matched against what people would have typed, not against stems.
    vocabulary: Vec<(String, String)>,
    average_length: f32,
    synonyms: Synonyms,
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
    }
}

/// The question texts and chosen labels on the way to an outcome: the outcome in the asker's words.
fn path_texts<'c>(council: &'c Council, answers: &[String]) -> Vec<&'c str> {
    let Ok(walk) = replay(council, answers) else { return Vec::new() };
    walk.steps
        .iter()
        .flat_map(|step| {
            let asked = (step.question.id != council.flow.start).then_some(step.question.text.as_ref());
            asked.into_iter().chain([step.choice.label.as_ref()])
        })
        .collect()
}

impl SearchIndex {
    pub fn build<G: AsRef<[S]>, S: AsRef<str>>(council: &Council, topics: &[Topic], synonym_groups: &[G]) -> Self {
        let mut docs = Vec::new();
        let mut doc_terms: Vec<DocTerms> = Vec::new();
        for outcome in council.flow.outcomes() {
            let mut fields = DocTerms::default();
            fields.add(&outcome.title, 3.0);
            // One search of the flow per outcome: the path, and the situation it passes through.
            let answers = answers_to(council, &outcome.id).unwrap_or_default();
            for text in path_texts(council, &answers) {
                fields.add(text, 2.0);
            }
            // Everyday phrasings of the situation this outcome answers, shared by every council.
            if let Some((_, situation)) = find_situation(topics, &outcome.situation) {
                for keyword in &situation.keywords {
                    fields.add(keyword, 3.0);
                }
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
                cites,
                length: 0.0,
            });
            doc_terms.push(fields);
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
                cites: vec![clause.id.to_string()],
                length: 0.0,
            });
            doc_terms.push(fields);
        }
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let mut vocabulary: Vec<(String, String)> = Vec::new();
        for (index, fields) in doc_terms.into_iter().enumerate() {
            docs[index].length = fields.0.values().sum();
            for (term, weight) in fields.0 {
                postings.entry(term).or_default().push((index as u32, weight));
            }
            vocabulary.extend(fields.1.into_iter().map(|word| {
                let term = term_of(&word);
                (word, term)
            }));
        }
        // Unstable sorts throughout: the keys are total orders, and one sort routine keeps the wasm smaller.
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let average_length = docs.iter().map(|d| d.length).sum::<f32>() / docs.len().max(1) as f32;
        SearchIndex { docs, postings, vocabulary, average_length, synonyms: Synonyms::new(synonym_groups) }
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
        let mut fired = vec![false; self.synonyms.groups.len()];
        let query_words: Vec<&String> = raw.iter().filter(|w| !STOPWORDS.contains(&w.as_str())).collect();
        for (position, term) in query_terms.iter().enumerate() {
            let mut concept: Vec<(String, f32)> = Vec::new();
            let mut sure_terms = vec![term.clone()];
            if self.postings.contains_key(term) || self.synonyms.knows(term) {
                add_term(&mut concept, term.clone(), 1.0);
            } else {
                for fixed in self.near_terms(query_words[position]) {
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
            let weight =
                if self.postings.contains_key(term) || sure_terms.len() > 1 { SYNONYM_WEIGHT } else { BRIDGE_WEIGHT };
            for (index, group) in self.synonyms.groups.iter().enumerate() {
                if group.iter().any(|phrase| phrase.len() == 1 && sure_terms.contains(&phrase[0])) {
                    fired[index] = true;
                    add_group(&mut concept, group, weight);
                }
            }
            if !concept.is_empty() {
                let anchors = sure_terms.into_iter().filter(|t| self.postings.contains_key(t)).collect();
                concepts.push(Concept { terms: concept, anchors, typed: query_words[position].clone() });
            }
        }
        // Phrases ("social media", "monitoring officer") name a concept of their own.
        for (index, group) in self.synonyms.groups.iter().enumerate() {
            if !fired[index] && group.iter().any(|phrase| phrase.len() > 1 && contains_run(&query_terms, phrase)) {
                let mut concept = Vec::new();
                add_group(&mut concept, group, BRIDGE_WEIGHT);
                let typed = group.iter().find(|phrase| phrase.len() > 1 && contains_run(&query_terms, phrase)).map(|p| p.join(" ")).unwrap_or_default();
                concepts.push(Concept { terms: concept, anchors: Vec::new(), typed });
            }
        }
        concepts
    }

    /// Index terms of the protocol's words that begin with a half-typed word.
    fn completions(&self, prefix: &str) -> Vec<String> {
        let start = self.vocabulary.partition_point(|(word, _)| word.as_str() < prefix);
        let mut found: Vec<String> = Vec::new();
        for (word, term) in self.vocabulary[start..].iter().take_while(|(word, _)| word.starts_with(prefix)) {
            if word != prefix && !found.contains(term) {
                found.push(term.clone());
            }
        }
        found
    }

    /// Index terms of the protocol's words within one edit (two for long words) of a typed word.
    fn near_terms(&self, typed: &str) -> Vec<String> {
        let term = typed;
        let length = term.chars().count();
        // Short words are too often real words that merely sit near another ("rude", "rule").
        if length < 5 {
            return Vec::new();
        }
        let limit = if length >= 8 { 2 } else { 1 };
        let mut best: Vec<(usize, &String)> = self
            .vocabulary
            .iter()
            .filter(|(word, _)| word.len().abs_diff(term.len()) <= limit)
            .filter_map(|(word, stem)| edit_distance_within(term, word, limit).map(|d| (d, stem)))
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
        let hits = self.search(query, limit);
        let no_close_match = hits.is_empty();
        Answer { hits, no_close_match }
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let concepts = self.concepts(query);
        if concepts.is_empty() {
            return Vec::new();
        }
        let mut matched: Vec<Vec<u16>> = vec![Vec::new(); self.docs.len()];
        let count = self.docs.len() as f32;
        let mut scores = vec![0f32; self.docs.len()];
        let mut best = vec![0f32; self.docs.len()];
        let idf_of =
            |list: &Vec<(u32, f32)>| (1.0 + (count - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
        for (concept_index, concept) in concepts.iter().enumerate() {
            // A synonym is never more telling than the word typed: cap it at that word's idf.
            let anchor_idf = concept.anchors.iter().filter_map(|t| self.postings.get(t)).map(idf_of).reduce(f32::max);
            best.iter_mut().for_each(|b| *b = 0.0);
            for (term, query_weight) in &concept.terms {
                let Some(list) = self.postings.get(term) else { continue };
                let own_idf = idf_of(list);
                let idf = match anchor_idf {
                    Some(anchor) if !concept.anchors.contains(term) => own_idf.min(anchor),
                    _ => own_idf,
                };
                for &(doc, tf) in list {
                    let length = self.docs[doc as usize].length;
                    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / self.average_length));
                    let value = query_weight * idf * norm;
                    let slot = &mut best[doc as usize];
                    *slot = slot.max(value);
                }
            }
            for (doc, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    scores[doc] += b;
                    matched[doc].push(concept_index as u16);
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
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(i, score)| {
                let doc = &self.docs[i];
                Hit {
                    kind: doc.kind,
                    id: doc.id.clone(),
                    title: doc.title.clone(),
                    score,
                    coverage: doc.coverage,
                    cites: doc.cites.clone(),
                    matched: matched[i].iter().map(|&c| concepts[c as usize].typed.clone()).collect(),
                }
            })
            .collect()
    }

    /// Approximate heap bytes held by the index, for the benchmark.
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
        let postings: usize = self.postings.iter().map(|(t, list)| strings(t) + list.capacity() * 8 + 8).sum();
        let vocabulary: usize = self.vocabulary.iter().map(|(word, term)| strings(word) + strings(term)).sum();
        let synonyms: usize = self.synonyms.groups.iter().flatten().flatten().map(strings).sum();
        docs + postings + vocabulary + synonyms
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

    #[test]
    fn terms_are_stemmed_without_stopwords() {
        assert_eq!(terms("Who do I complain to about the Clerk's complaints?"), vec!["complain", "clerk", "complaint"]);
    }
}

//! What changed between the source text a council's file was checked against and a revised text:
//! clauses reworded (word by word), removed or renumbered, passages added, and the outcomes that
//! need a look because a clause they cite changed or a quote no longer holds. A clerk works
//! through the result as a checklist (`protocol-guide diff`).

use crate::model::{Clause, Council};
use crate::text::{contains_words, is_counted_word, is_numbering_token, normalize_words, SourceText};

#[derive(Debug, Clone, PartialEq)]
pub enum ClauseChange {
    /// The clause's words changed; `words` marks what was taken out and put in.
    Reworded { clause: String, line: u32, old: String, new: String, words: Vec<WordChange> },
    /// No passage of the revised text is recognisably this clause.
    Removed { clause: String, old: String },
    /// The same words now follow another printed number.
    Renumbered { clause: String, line: u32, printed: String },
}

/// One run of a word-level comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum WordChange {
    Same(String),
    Removed(String),
    Added(String),
}

/// Text of the revised source that no clause of the file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedPassage {
    pub line: u32,
    pub text: String,
}

/// An outcome to look at again, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeCheck {
    pub outcome: String,
    pub clause: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub unchanged: usize,
    pub changes: Vec<ClauseChange>,
    pub added: Vec<AddedPassage>,
    pub outcomes: Vec<OutcomeCheck>,
}

/// Where one clause sits in the revised text, if it is there word for word.
struct Anchor {
    start: usize,
    end: usize,
}

/// A share of words two texts have in common, below which a passage is not the same clause.
const SAME_CLAUSE: f64 = 0.5;

/// Compares `revised` with `original`, the source text the council's clauses were checked against.
pub fn compare(council: &Council, original: &str, revised: &str) -> Revision {
    let source = SourceText::parse(revised);
    let text = &source.normalized;
    // First pass: every clause whose pieces are all still there, in order, anchors the text.
    let mut anchors: Vec<Option<Anchor>> = Vec::with_capacity(council.clauses.len());
    let mut cursor = 0;
    for clause in &council.clauses {
        let anchor = find_clause(&source, clause, cursor).or_else(|| find_clause(&source, clause, 0));
        if let Some(found) = &anchor {
            cursor = cursor.max(found.end);
        }
        anchors.push(anchor);
    }
    let mut covered = vec![false; text.len() + 1];
    for anchor in anchors.iter().flatten() {
        covered[anchor.start..anchor.end].iter_mut().for_each(|c| *c = true);
    }
    for clause in &council.clauses {
        for heading in clause.headings.iter().chain(&clause.title) {
            mark_all(&source, &normalize_words(heading), &mut covered);
        }
    }

    let mut changes = Vec::new();
    let mut unchanged = 0;
    for (place, clause) in council.clauses.iter().enumerate() {
        match &anchors[place] {
            Some(anchor) => match renumbered(&source, clause, anchor, previous_end(&anchors, place)) {
                Some(printed) => changes.push(ClauseChange::Renumbered {
                    clause: clause.id.to_string(),
                    line: source.line_of(anchor.start),
                    printed,
                }),
                None => unchanged += 1,
            },
            None => {
                // The clause's slot: between the clauses either side that are still there.
                let start = previous_end(&anchors, place);
                let end = anchors[place + 1..].iter().flatten().map(|a| a.start).next().unwrap_or(text.len());
                let end = next_number_at(text, council.clauses.get(place + 1), start, end.max(start));
                let old = normalize_words(&clause.plain_text());
                let end = end.max(start);
                let slot = unclaimed(text, &covered, start, end);
                match slot.filter(|(_, new)| overlap(&old, new) >= SAME_CLAUSE) {
                    Some((at, new)) => {
                        // The slot is this clause's now, so none of it counts as added.
                        covered[start..end].iter_mut().for_each(|c| *c = true);
                        let words = word_changes(&old, &new);
                        changes.push(ClauseChange::Reworded {
                            clause: clause.id.to_string(),
                            line: source.line_of(at),
                            old,
                            new,
                            words,
                        });
                    }
                    None => changes.push(ClauseChange::Removed { clause: clause.id.to_string(), old }),
                }
            }
        }
    }
    // Titles, footers and the like were in the original too: only new words count as added.
    let original = SourceText::parse(original);
    let added =
        added_passages(&source, &covered).into_iter().filter(|p| original.find_from(&p.text, 0).is_none()).collect();
    let outcomes = outcome_checks(council, &changes);
    Revision { unchanged, changes, added, outcomes }
}

fn find_clause(source: &SourceText, clause: &Clause, from: usize) -> Option<Anchor> {
    let mut cursor = from;
    let mut start = None;
    for piece in clause.pieces() {
        let piece = normalize_words(piece);
        let at = source.find_from(&piece, cursor)?;
        start.get_or_insert(at);
        cursor = at + piece.len();
    }
    Some(Anchor { start: start?, end: cursor })
}

fn previous_end(anchors: &[Option<Anchor>], place: usize) -> usize {
    anchors[..place].iter().rev().flatten().map(|a| a.end).next().unwrap_or(0)
}

/// For a numbered clause whose words are all still there, the number now printed before them,
/// if it is another one.
fn renumbered(source: &SourceText, clause: &Clause, anchor: &Anchor, previous_end: usize) -> Option<String> {
    let number = clause.number.as_deref()?;
    let before = source.normalized.get(previous_end.min(anchor.start)..anchor.start)?;
    let printed: Vec<&str> = before
        .split(' ')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| is_numbering_token(t) && t.contains('.'))
        .collect();
    match printed.last() {
        Some(last) if *last != number && !printed.contains(&number) => Some(last.to_string()),
        _ => None,
    }
}

fn mark_all(source: &SourceText, needle: &str, covered: &mut [bool]) {
    let mut from = 0;
    while let Some(at) = source.find_from(needle, from) {
        covered[at..at + needle.len()].iter_mut().for_each(|c| *c = true);
        from = at + needle.len();
    }
}

/// The words from `start` to `end` that no clause holds (printed numbers left out), with where
/// the first of them begins.
fn unclaimed(text: &str, covered: &[bool], start: usize, end: usize) -> Option<(usize, String)> {
    let mut words: Vec<&str> = Vec::new();
    let mut first = None;
    let mut offset = 0;
    for word in text.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        if at < start || at >= end || covered[at] || is_numbering_token(word) {
            continue;
        }
        first.get_or_insert(at);
        words.push(word);
    }
    Some((first?, words.join(" ")))
}

/// Where the next clause's printed number stands between `start` and `end`, if it does: a
/// changed clause's slot ends there.
fn next_number_at(text: &str, next: Option<&Clause>, start: usize, end: usize) -> usize {
    let Some(number) = next.and_then(|clause| clause.number.as_deref()) else { return end };
    let mut offset = 0;
    for word in text.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        if at > start && at < end && word.trim_end_matches('.') == number {
            return at;
        }
    }
    end
}

/// The share of the old text's words that the new text also has.
fn overlap(old: &str, new: &str) -> f64 {
    let new_words: std::collections::HashSet<&str> = new.split(' ').collect();
    let old_words: Vec<&str> = old.split(' ').collect();
    let kept = old_words.iter().filter(|w| new_words.contains(*w)).count();
    kept as f64 / old_words.len().max(1) as f64
}

/// A word-level comparison (longest common subsequence), runs of the same kind joined.
pub fn word_changes(old: &str, new: &str) -> Vec<WordChange> {
    let a: Vec<&str> = old.split(' ').filter(|w| !w.is_empty()).collect();
    let b: Vec<&str> = new.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut out: Vec<WordChange> = Vec::new();
    let push = |out: &mut Vec<WordChange>, change: WordChange| {
        let joined = match (out.last_mut(), &change) {
            (Some(WordChange::Same(run)), WordChange::Same(w))
            | (Some(WordChange::Removed(run)), WordChange::Removed(w))
            | (Some(WordChange::Added(run)), WordChange::Added(w)) => {
                run.push(' ');
                run.push_str(w);
                true
            }
            _ => false,
        };
        if !joined {
            out.push(change);
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(&mut out, WordChange::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            push(&mut out, WordChange::Added(b[j].to_string()));
            j += 1;
        } else {
            push(&mut out, WordChange::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

/// Runs of text that no clause, heading or title holds: what the revision added.
fn added_passages(source: &SourceText, covered: &[bool]) -> Vec<AddedPassage> {
    let text = &source.normalized;
    let mut passages: Vec<AddedPassage> = Vec::new();
    // The run being read: where it starts, where its last word ends, and whether it has a word
    // that counts (not only numbering or punctuation).
    let mut run: Option<(usize, usize, bool)> = None;
    let mut close = |run: &mut Option<(usize, usize, bool)>| {
        if let Some((start, end, true)) = run.take() {
            passages.push(AddedPassage { line: source.line_of(start), text: text[start..end].to_string() });
        }
    };
    let mut offset = 0;
    for word in text.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        if covered[at] {
            close(&mut run);
            continue;
        }
        let counts = is_counted_word(word) && !is_numbering_token(word);
        let entry = run.get_or_insert((at, at, false));
        entry.1 = at + word.len();
        entry.2 |= counts;
    }
    close(&mut run);
    passages
}

fn outcome_checks(council: &Council, changes: &[ClauseChange]) -> Vec<OutcomeCheck> {
    let mut checks = Vec::new();
    for outcome in council.flow.outcomes() {
        for cite in &outcome.cites {
            let reason = changes.iter().find_map(|change| match change {
                ClauseChange::Removed { clause, .. } if *clause == cite.clause => {
                    Some(format!("cites clause {clause}, which is removed"))
                }
                ClauseChange::Renumbered { clause, printed, .. } if *clause == cite.clause => {
                    Some(format!("cites clause {clause}, now printed as {printed}"))
                }
                ClauseChange::Reworded { clause, new, .. } if *clause == cite.clause => {
                    Some(if contains_words(new, &cite.quote) {
                        format!("cites clause {clause}, which is reworded; its quote still holds")
                    } else {
                        format!(
                            "cites clause {clause}, which is reworded; its quote no longer holds: \u{201C}{}\u{201D}",
                            cite.quote
                        )
                    })
                }
                _ => None,
            });
            if let Some(reason) = reason {
                let check = OutcomeCheck { outcome: outcome.id.to_string(), clause: cite.clause.to_string(), reason };
                if !checks.contains(&check) {
                    checks.push(check);
                }
            }
        }
    }
    checks
}

//! Text normalisation shared by the verbatim checks, clause parsing and search.
//!
//! PDF extractions differ from the clause files only in layout: line wraps, page numbers,
//! bullet glyphs and quote styles. Both sides are normalised the same way before comparing,
//! so a passing check still means the words are the same, in the same order.

use crate::model::Block;

/// Maps curly quotes to straight ones and folds white space, so that only words are compared.
pub fn normalize_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(&mut out, text, |_, _| {});
    out.trim_end().to_string()
}

/// A letter or digit of a word. ASCII and the Latin letter blocks cover English protocols
/// (names like "Zoë" included) without pulling Unicode's tables into the wasm.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{c0}'..='\u{24f}') && c != '\u{d7}' && c != '\u{f7}'
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        c => c,
    }
}

pub(crate) fn is_bullet_glyph(c: char) -> bool {
    // Private-use code points are what PDF extraction leaves of Symbol-font bullets.
    matches!(c, '•' | '▪' | '●' | '◦') || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Appends `text` to `out` with quotes folded and white space collapsed; `on_char` is told, for
/// each char pushed, where it came from in `text` and its byte length, so callers can keep a
/// position map.
fn push_normalized(out: &mut String, text: &str, mut on_char: impl FnMut(usize, usize)) {
    for (at, c) in text.char_indices() {
        let c = fold_char(c);
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
                on_char(at, 1);
            }
        } else {
            out.push(c);
            on_char(at, c.len_utf8());
        }
    }
}

/// The text of a bulleted line of extracted text (after a glyph, or a dash and a space), or None
/// if the line has no bullet. The validator and the importer both read bullets through this.
pub(crate) fn bullet_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let mut chars = trimmed.chars();
    match chars.next()? {
        c if is_bullet_glyph(c) => Some(strip_bullet(chars.as_str())),
        '-' if chars.as_str().starts_with(char::is_whitespace) => Some(chars.as_str().trim_start()),
        _ => None,
    }
}

/// Drops leading bullets from a line of extracted text.
fn strip_bullet(line: &str) -> &str {
    bullet_item(line).unwrap_or_else(|| line.trim_start())
}

pub(crate) fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// A line broken after a hyphen inside a word ("co-" / "opted") joins without a space.
fn ends_with_word_hyphen(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| is_word_char(c) && !c.is_ascii_digit())
}

/// Joins wrapped lines into running text, applying the hyphen rule.
fn join_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !ends_with_word_hyphen(&out) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// A source text as running words, with a map back to the lines they came from.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub normalized: String,
    line_at: Vec<u32>,
}

impl SourceText {
    pub fn parse(raw: &str) -> Self {
        let mut normalized = String::with_capacity(raw.len());
        let mut line_at: Vec<u32> = Vec::with_capacity(raw.len());
        for (index, line) in raw.lines().enumerate() {
            let line_number = (index + 1) as u32;
            if is_page_number(line) {
                continue;
            }
            let body: String = strip_bullet(line).chars().map(|c| if is_bullet_glyph(c) { ' ' } else { c }).collect();
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            if !normalized.is_empty() && !ends_with_word_hyphen(&normalized) && !normalized.ends_with(' ') {
                normalized.push(' ');
                line_at.push(line_number);
            }
            push_normalized(&mut normalized, body, |_, len| {
                line_at.extend(std::iter::repeat_n(line_number, len));
            });
            let trimmed_len = normalized.trim_end().len();
            normalized.truncate(trimmed_len);
            line_at.truncate(trimmed_len);
        }
        SourceText { normalized, line_at }
    }

    /// The 1-based source line that the byte at `offset` of the normalised text came from.
    pub fn line_of(&self, offset: usize) -> u32 {
        self.line_at.get(offset).or(self.line_at.last()).copied().unwrap_or(1)
    }

    /// Finds `needle` (already normalised) at or after `from`, on word boundaries.
    pub fn find_from(&self, needle: &str, from: usize) -> Option<usize> {
        find_on_word_boundary(&self.normalized, needle, from)
    }

    /// The longest run of leading words of `needle` found in the text, for "nearest passage" hints.
    pub fn nearest(&self, needle: &str) -> Option<Nearest> {
        let words: Vec<&str> = needle.split(' ').collect();
        let found = |count: usize| self.find_from(&words[..count].join(" "), 0);
        if words.is_empty() || found(1).is_none() {
            return None;
        }
        let (mut good, mut bad) = (1usize, words.len() + 1);
        while bad - good > 1 {
            let mid = (good + bad) / 2;
            if found(mid).is_some() {
                good = mid;
            } else {
                bad = mid;
            }
        }
        let prefix = words[..good].join(" ");
        let offset = found(good)?;
        let end = offset + prefix.len();
        Some(Nearest {
            line: self.line_of(offset),
            matched_words: good,
            total_words: words.len(),
            source_continues: snippet_after(&self.normalized, end, 60),
            file_continues: words[good..].join(" ").chars().take(60).collect(),
            matched_tail: snippet_before(&prefix, 50),
        })
    }
}

/// Where a passage stops matching its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearest {
    pub line: u32,
    pub matched_words: usize,
    pub total_words: usize,
    pub matched_tail: String,
    pub source_continues: String,
    pub file_continues: String,
}

fn snippet_after(text: &str, from: usize, max_chars: usize) -> String {
    text.get(from..).unwrap_or("").trim_start().chars().take(max_chars).collect()
}

fn snippet_before(text: &str, max_chars: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(max_chars)).collect()
}

pub fn find_on_word_boundary(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut start = from;
    while let Some(found) = haystack.get(start..)?.find(needle) {
        let at = start + found;
        let end = at + needle.len();
        let boundary_before = at == 0 || !is_word_char_before(haystack, at) || !needle.starts_with(is_word_char);
        let boundary_after =
            end == haystack.len() || !is_word_char_at(haystack, end) || !needle.ends_with(is_word_char);
        if boundary_before && boundary_after {
            return Some(at);
        }
        start = at + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn is_word_char_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char)
}

fn is_word_char_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

/// Parses a clause's `text` field: blank lines separate blocks, `- ` starts a list item, and
/// other lines continue the current paragraph or item.
pub fn parse_blocks(text: &str) -> Vec<ParsedBlock> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut items: Vec<Vec<&str>> = Vec::new();
    let flush = |blocks: &mut Vec<ParsedBlock>, lines: &mut Vec<&str>, items: &mut Vec<Vec<&str>>| {
        if !lines.is_empty() {
            blocks.push(ParsedBlock::Paragraph(join_lines(lines.drain(..))));
        }
        if !items.is_empty() {
            blocks.push(ParsedBlock::List(items.drain(..).map(|item| join_lines(item.into_iter())).collect()));
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut blocks, &mut lines, &mut items);
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            if !lines.is_empty() {
                flush(&mut blocks, &mut lines, &mut items);
            }
            items.push(vec![item]);
        } else if let Some(item) = items.last_mut() {
            item.push(trimmed);
        } else {
            lines.push(trimmed);
        }
    }
    flush(&mut blocks, &mut lines, &mut items);
    blocks
}

/// A block as written in a file, before it becomes part of the model.
#[derive(Debug, Clone, PartialEq)]
pub enum ParsedBlock {
    Paragraph(String),
    List(Vec<String>),
}

impl ParsedBlock {
    pub fn into_block(self) -> Block {
        match self {
            ParsedBlock::Paragraph(text) => Block::Paragraph(text.into()),
            ParsedBlock::List(items) => Block::List(items.into_iter().map(Into::into).collect()),
        }
    }

    /// Each paragraph or item as it must appear in the source.
    pub fn passages(&self) -> Vec<&str> {
        match self {
            ParsedBlock::Paragraph(text) => vec![text.as_str()],
            ParsedBlock::List(items) => items.iter().map(String::as_str).collect(),
        }
    }
}

/// Byte ranges of `text` where `quote` appears, layout and quote style aside: what to highlight.
pub fn quote_ranges(text: &str, quote: &str) -> Vec<std::ops::Range<usize>> {
    let quote = normalize_words(quote);
    if quote.is_empty() {
        return Vec::new();
    }
    // normalized byte -> original byte, so matches map back onto the text as written.
    let mut normalized = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    push_normalized(&mut normalized, text, |at, len| origin.extend(std::iter::repeat_n(at, len)));
    origin.push(text.len());
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(at) = find_on_word_boundary(&normalized, &quote, from) {
        let end = at + quote.len();
        let last_char_start = origin[end - 1];
        let last_len = text[last_char_start..].chars().next().map_or(0, char::len_utf8);
        ranges.push(origin[at]..last_char_start + last_len);
        from = end;
    }
    ranges
}

/// True if `quote` appears word for word in `text`, layout aside.
pub fn contains_words(text: &str, quote: &str) -> bool {
    let quote = normalize_words(quote);
    !quote.is_empty() && find_on_word_boundary(&normalize_words(text), &quote, 0).is_some()
}

/// Tokens such as `8.7`, `1.1.`, `a)` or `(b)`: paragraph numbering, not words.
pub fn is_numbering_token(word: &str) -> bool {
    let digits_and_dots = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && word.chars().next().is_some_and(|c| c.is_ascii_digit());
    let letter_item = {
        let inner = word.trim_start_matches('(');
        inner.len() == 2 && inner.ends_with(')') && inner.chars().next().is_some_and(|c| c.is_ascii_lowercase())
    };
    digits_and_dots || letter_item
}

/// A word for counting purposes: it has at least one letter or digit.
pub fn is_counted_word(word: &str) -> bool {
    word.chars().any(is_word_char)
}

/// Text made safe inside HTML, in an element or a double-quoted attribute.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Text as a TOML basic string, quoted and escaped: how drafted council files write every value.
pub fn toml_string(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "loader")]
    #[test]
    fn toml_strings_read_back_as_written() {
        for text in [
            "plain",
            "a \"quote\" and a \\ back",
            "two\nlines\tand a tab",
            "bell \u{7} and \u{1F600}",
            "’curly’ “quotes”",
        ] {
            let read: std::collections::BTreeMap<String, String> =
                toml::from_str(&format!("value = {}", super::toml_string(text))).expect("valid TOML");
            assert_eq!(read["value"], text);
        }
    }

    use super::*;

    #[test]
    fn source_joins_wraps_drops_page_numbers_and_bullets() {
        let raw = "1.1 The term \u{2018}officer\u{2019} applies to all elected and co-\n\nopted councillors \n 3 \n\u{F0B7} Politically impartial\n- Another item\nCode -\nnext";
        let source = SourceText::parse(raw);
        assert_eq!(
            source.normalized,
            "1.1 The term 'officer' applies to all elected and co-opted councillors Politically impartial Another item Code - next"
        );
        let at = source.find_from("Politically impartial", 0).unwrap();
        assert_eq!(source.line_of(at), 5);
        assert_eq!(source.line_of(source.find_from("opted", 0).unwrap()), 3);
    }

    #[test]
    fn word_boundaries_are_respected() {
        assert_eq!(find_on_word_boundary("the officers act", "officer", 0), None);
        assert_eq!(find_on_word_boundary("the officer acts", "officer", 0), Some(4));
        assert_eq!(find_on_word_boundary("a (b) c", "(b)", 0), Some(2));
    }

    #[test]
    fn blocks_split_on_blank_lines_and_dashes() {
        let blocks = parse_blocks(
            "Councillors should:\n- Be aware of\n  how they speak;\n- Avoid attacks\n\nLast para\nwraps here.",
        );
        assert_eq!(
            blocks,
            vec![
                ParsedBlock::Paragraph("Councillors should:".into()),
                ParsedBlock::List(vec!["Be aware of how they speak;".into(), "Avoid attacks".into()]),
                ParsedBlock::Paragraph("Last para wraps here.".into()),
            ]
        );
    }

    #[test]
    fn nearest_reports_where_the_words_diverge() {
        let source = SourceText::parse("alpha beta gamma delta\nepsilon zeta");
        let nearest = source.nearest("beta gamma delta omega").unwrap();
        assert_eq!(nearest.matched_words, 3);
        assert_eq!(nearest.source_continues, "epsilon zeta");
        assert_eq!(nearest.file_continues, "omega");
        assert!(source.nearest("nothing like it").is_none());
    }

    #[test]
    fn quotes_match_across_styles() {
        assert!(contains_words("the Council\u{2019}s \u{201C}need to know\u{201D}", "Council's \"need to know\""));
        assert!(!contains_words("the Council's need", "Council need"));
    }

    #[test]
    fn quote_ranges_map_back_to_the_text_as_written() {
        let text = "the  Council\u{2019}s \u{201C}need to know\u{201D} rule";
        let ranges = quote_ranges(text, "Council's \"need to know\"");
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "Council\u{2019}s \u{201C}need to know\u{201D}");
        assert!(quote_ranges(text, "needs").is_empty());
    }

    #[test]
    fn numbering_tokens() {
        for token in ["8.7", "1.1.", "18.", "a)", "(b)"] {
            assert!(is_numbering_token(token), "{token}");
        }
        for token in ["a", "officer", "(e.g.", "2020s"] {
            assert!(!is_numbering_token(token), "{token}");
        }
    }
}

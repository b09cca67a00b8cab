//! Editing a council file's text one outcome at a time. The file stays the source of truth: the
//! situation form reads one `[[outcome]]` table out of it, and writes that table back in place,
//! leaving every other line as the clerk wrote it. Whether the result is right is for the loader.
//! Pure, so it is tested natively.

pub use protocol_core::text::toml_string;

use serde::Deserialize;
use std::fmt::Write;

/// One outcome as the form edits it: every field a council file's outcome may have.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct OutcomeForm {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub coverage: Option<String>,
    #[serde(default)]
    pub gap: Option<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub guidance: Vec<String>,
    #[serde(default)]
    pub cites: Vec<Cite>,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Contact {
    pub role: String,
    pub clause: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Cite {
    pub clause: String,
    pub quote: String,
}

#[derive(Deserialize)]
struct Outcomes {
    #[serde(default)]
    outcome: Vec<OutcomeForm>,
}

/// Where one `[[outcome]]` table stands in a file: bytes `start..end`, lines `first..=last`
/// (1-based). Comments and blank lines after its last value belong to what follows.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeBlock {
    pub id: Option<String>,
    pub start: usize,
    pub end: usize,
    pub first: u32,
    pub last: u32,
}

/// The `[[outcome]]` tables of a file, in order. A table whose text does not parse on its own
/// has no id (the loader reports why).
pub fn outcome_blocks(text: &str) -> Vec<OutcomeBlock> {
    let mut blocks = Vec::new();
    // The block being read: its start, first line, and the end and last line of its last value.
    let mut open: Option<(usize, u32, usize, u32)> = None;
    let mut in_multiline = false;
    let mut offset = 0;
    let close = |open: Option<(usize, u32, usize, u32)>, blocks: &mut Vec<OutcomeBlock>| {
        if let Some((start, first, end, last)) = open {
            let id = read_table(&text[start..end]).and_then(|mut found| found.pop()).map(|form| form.id);
            blocks.push(OutcomeBlock { id, start, end, first, last });
        }
    };
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index as u32 + 1;
        let starts_in_string = in_multiline;
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_multiline = !in_multiline;
        }
        let trimmed = line.trim();
        let end = offset + line.len();
        if !starts_in_string && trimmed.starts_with('[') {
            close(open.take(), &mut blocks);
            let header = trimmed.split('#').next().unwrap_or("").trim();
            if header == "[[outcome]]" {
                open = Some((offset, number, end, number));
            }
        } else if let Some(block) = open.as_mut() {
            if starts_in_string || !(trimmed.is_empty() || trimmed.starts_with('#')) {
                block.2 = end;
                block.3 = number;
            }
        }
        offset = end;
    }
    close(open, &mut blocks);
    blocks
}

fn read_table(text: &str) -> Option<Vec<OutcomeForm>> {
    toml::from_str::<Outcomes>(text).ok().map(|outcomes| outcomes.outcome)
}

/// The outcome `id` as the form shows it, or why it cannot be read from the file.
pub fn read_outcome(text: &str, id: &str) -> Result<OutcomeForm, String> {
    let blocks = outcome_blocks(text);
    let block = blocks
        .iter()
        .find(|block| block.id.as_deref() == Some(id))
        .ok_or_else(|| format!("the file has no readable [[outcome]] with id \u{201C}{id}\u{201D}"))?;
    match toml::from_str::<Outcomes>(&text[block.start..block.end]) {
        Ok(mut outcomes) if outcomes.outcome.len() == 1 => Ok(outcomes.outcome.remove(0)),
        Ok(_) => Err("the outcome's table could not be read on its own".to_string()),
        Err(error) => Err(error.message().to_string()),
    }
}

/// The file with outcome `form.id` written from the form, in place; added at the end if the file
/// has none by that id.
pub fn replace_outcome(text: &str, form: &OutcomeForm) -> String {
    let table = form.to_toml();
    match outcome_blocks(text).into_iter().find(|block| block.id.as_deref() == Some(form.id.as_str())) {
        Some(block) => {
            let mut out = String::with_capacity(text.len() + table.len());
            out.push_str(&text[..block.start]);
            out.push_str(&table);
            out.push_str(&text[block.end..]);
            out
        }
        None => {
            let mut out = text.trim_end().to_string();
            out.push_str("\n\n");
            out.push_str(&table);
            out
        }
    }
}

impl OutcomeForm {
    /// The outcome as a council file's `[[outcome]]` table, ending with a newline.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "[[outcome]]\nid = {}", toml_string(&self.id));
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            let _ = writeln!(out, "title = {}", toml_string(title.trim()));
        }
        if self.draft {
            let _ = writeln!(out, "draft = true");
        }
        if let Some(coverage) = &self.coverage {
            let _ = writeln!(out, "coverage = {}", toml_string(coverage));
        }
        if let Some(gap) = self.gap.as_deref().filter(|g| !g.trim().is_empty()) {
            let _ = writeln!(out, "gap = {}", toml_string(gap.trim()));
        }
        if let Some(contact) = &self.contact {
            let _ = writeln!(
                out,
                "contact = {{ role = {}, clause = {} }}",
                toml_string(&contact.role),
                toml_string(&contact.clause)
            );
        }
        if !self.related.is_empty() {
            let related: Vec<String> = self.related.iter().map(|r| toml_string(r)).collect();
            let _ = writeln!(out, "related = [{}]", related.join(", "));
        }
        if !self.guidance.is_empty() {
            let _ = writeln!(out, "guidance = [");
            for line in &self.guidance {
                let _ = writeln!(out, "  {},", toml_string(line));
            }
            let _ = writeln!(out, "]");
        }
        if !self.cites.is_empty() {
            let _ = writeln!(out, "cites = [");
            for cite in &self.cites {
                let _ = writeln!(
                    out,
                    "  {{ clause = {}, quote = {} }},",
                    toml_string(&cite.clause),
                    toml_string(&cite.quote)
                );
            }
            let _ = writeln!(out, "]");
        }
        out
    }

    pub fn cites_clause(&self, clause: &str) -> bool {
        self.cites.iter().any(|cite| cite.clause == clause)
    }

    /// Cites `clause` with `quote`, and adds the quote as a guidance line resting on it (a
    /// draft's guidance is the protocol's own words) unless a line already names the clause.
    pub fn cite(&mut self, clause: &str, quote: &str) {
        if !self.cites_clause(clause) {
            self.cites.push(Cite { clause: clause.to_string(), quote: quote.to_string() });
        }
        if !self.guidance.iter().any(|line| line_clauses(line).iter().any(|c| c == clause)) {
            self.guidance.push(format!("{quote} [{clause}]"));
        }
        self.related.retain(|related| related != clause);
    }

    /// Stops citing `clause`: its cites go, and the guidance lines that rest on it alone.
    pub fn uncite(&mut self, clause: &str) {
        self.cites.retain(|cite| cite.clause != clause);
        self.guidance.retain(|line| line_clauses(line) != [clause.to_string()]);
        if self.contact.as_ref().is_some_and(|contact| contact.clause == clause) {
            self.contact = None;
        }
    }

    /// Quotes `quote` from `clause` instead of what was quoted before: the cite (added if there
    /// was none) and a guidance line that was the old quote word for word.
    pub fn set_quote(&mut self, clause: &str, quote: &str) {
        let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(cite) = self.cites.iter_mut().find(|cite| cite.clause == clause) {
            let old = format!("{} [{clause}]", cite.quote);
            for line in self.guidance.iter_mut().filter(|line| **line == old) {
                *line = format!("{quote} [{clause}]");
            }
            cite.quote = quote.clone();
        }
        self.cite(clause, &quote);
    }

    /// The coverage the form shows: the file's word, `full` when the file leaves it out.
    pub fn coverage_word(&self) -> &str {
        self.coverage.as_deref().unwrap_or("full")
    }
}

/// The clauses a guidance line names at its end (`… [8.7, 8.8]`), as the loader reads them.
pub fn line_clauses(line: &str) -> Vec<String> {
    protocol_core::loader::split_guidance_line(line).map(|(_, clauses)| clauses).unwrap_or_default()
}

/// Where line `line` (1-based) starts and ends, in UTF-16 code units as a textarea counts them.
pub fn line_range_utf16(text: &str, line: u32) -> (u32, u32) {
    let mut start = 0u32;
    for (index, content) in text.split('\n').enumerate() {
        let length = content.encode_utf16().count() as u32;
        if index as u32 + 1 == line {
            return (start, start + length);
        }
        start += length + 1;
    }
    (start.saturating_sub(1), start.saturating_sub(1))
}

/// Line `line` (1-based) of `text`, without its newline.
pub fn line_text(text: &str, line: u32) -> &str {
    text.split('\n').nth(line.saturating_sub(1) as usize).unwrap_or("").trim_end_matches('\r')
}

/// A fresh clause draft with the council's type and document title written in (the importer
/// leaves them empty for a clerk to fill).
pub fn fill_council(file: &str, council_type: &str, document: &str) -> String {
    let mut out = String::with_capacity(file.len() + council_type.len() + document.len());
    let (mut typed, mut titled) = (false, false);
    for line in file.split_inclusive('\n') {
        if !typed && line.trim() == "council_type = \"\"" {
            typed = true;
            let _ = writeln!(out, "council_type = {}", toml_string(council_type.trim()));
        } else if !titled && line.trim() == "document = \"\"" {
            titled = true;
            let _ = writeln!(out, "document = {}", toml_string(document.trim()));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Whether the file has a guide yet: any question or outcome table.
pub fn has_guide(text: &str) -> bool {
    text.lines().any(|line| {
        let header = line.trim();
        header.starts_with("[[outcome]]") || header.starts_with("[[question]]")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[council]
id = "x"
text = """
[[outcome]] inside a string
"""

# First (a.one)
[[outcome]]
id = "a.one"
draft = true
coverage = "full"
guidance = [
  "Words here. [1.1]",
]
cites = [
  { clause = "1.1", quote = "Words here." },
]

# Second (a.two)
[[outcome]]
id = "a.two"
draft = true
coverage = "none"
related = ["1.2"]
"#;

    #[test]
    fn finds_each_outcome_table_without_its_trailing_comments() {
        let blocks = outcome_blocks(FILE);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].id.as_deref(), Some("a.one"));
        assert_eq!((blocks[0].first, blocks[0].last), (8, 17));
        assert!(FILE[blocks[0].start..blocks[0].end].ends_with("]\n"));
        assert_eq!(blocks[1].id.as_deref(), Some("a.two"));
        assert_eq!((blocks[1].first, blocks[1].last), (20, 24));
    }

    #[test]
    fn reads_and_writes_an_outcome_in_place() {
        let mut form = read_outcome(FILE, "a.one").unwrap();
        assert!(form.draft);
        assert_eq!(form.cites, vec![Cite { clause: "1.1".into(), quote: "Words here.".into() }]);
        form.draft = false;
        form.title = Some("A title".into());
        let edited = replace_outcome(FILE, &form);
        assert!(edited.contains("id = \"a.one\"\ntitle = \"A title\"\ncoverage = \"full\""));
        assert!(edited.contains("# Second (a.two)"));
        assert_eq!(read_outcome(&edited, "a.one").unwrap(), form);
        // Unchanged, a table written back is the same text.
        let same = replace_outcome(FILE, &read_outcome(FILE, "a.one").unwrap());
        assert_eq!(same, FILE);
    }

    #[test]
    fn quoting_selected_words_changes_the_cite_and_the_draft_line() {
        let mut form = read_outcome(FILE, "a.one").unwrap();
        form.set_quote("1.1", "  Words\n here ");
        assert_eq!(form.cites[0].quote, "Words here");
        assert_eq!(form.guidance, vec!["Words here [1.1]".to_string()]);
        form.set_quote("1.3", "Other words");
        assert_eq!(form.cites.len(), 2);
        assert_eq!(form.guidance[1], "Other words [1.3]");
        form.uncite("1.1");
        assert_eq!(form.guidance, vec!["Other words [1.3]".to_string()]);
        let mut none = read_outcome(FILE, "a.two").unwrap();
        none.cite("1.2", "Quoted.");
        assert!(none.related.is_empty());
    }

    #[test]
    fn lines_in_utf16_and_council_fields() {
        let text = "a\n\u{2019}bc\nd";
        assert_eq!(line_range_utf16(text, 2), (2, 5));
        assert_eq!(line_text(text, 3), "d");
        let filled = fill_council("document = \"\"\ncouncil_type = \"\"\n", "parish council", "Protocol");
        assert_eq!(filled, "document = \"Protocol\"\ncouncil_type = \"parish council\"\n");
        assert!(has_guide(FILE));
        assert!(!has_guide("[council]\n"));
    }
}

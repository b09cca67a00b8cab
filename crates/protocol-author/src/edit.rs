//! Editing a council file's text one outcome at a time. The file stays the source of truth: the
//! situation form reads one `[[outcome]]` table out of it, and writes that table back in place,
//! leaving every other line as the clerk wrote it. Whether the result is right is for the loader.
//! Pure, so it is tested natively.

pub use protocol_core::outcome_table::OutcomeTable;
pub use protocol_core::text::toml_string;

use serde::Deserialize;
use std::fmt::Write;

#[derive(Deserialize)]
struct Outcomes {
    #[serde(default)]
    outcome: Vec<OutcomeTable>,
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

fn read_table(text: &str) -> Option<Vec<OutcomeTable>> {
    toml::from_str::<Outcomes>(text).ok().map(|outcomes| outcomes.outcome)
}

/// The outcome `id` as the form shows it, or why it cannot be read from the file.
pub fn read_outcome(text: &str, id: &str) -> Result<OutcomeTable, String> {
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
pub fn replace_outcome(text: &str, form: &OutcomeTable) -> String {
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
    use protocol_core::outcome_table::Cite;

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

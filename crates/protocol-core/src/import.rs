//! Drafts a council file from a protocol's extracted text. The draft is a starting point for a
//! clerk: numbered paragraphs become clauses, bullets become list items, and the validator then
//! points at whatever the heuristics got wrong.

use crate::text::is_page_number;
use crate::text::toml_string;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub struct DraftSection {
    pub heading: String,
    pub clauses: Vec<DraftClause>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftClause {
    pub id: String,
    /// Paragraphs; a paragraph of `- ` lines is a list.
    pub paragraphs: Vec<Vec<String>>,
}

/// A bulleted line's text, read as the validator reads sources.
fn bullet_text(line: &str) -> Option<&str> {
    crate::text::bullet_item(line).map(str::trim)
}

/// `8.7 Text…` or `1.1. Text…` → ("8.7", "Text…"). A bare `8.` is a section number.
fn leading_number(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let number = t[..end].trim_end_matches('.');
    if number.is_empty() || !number.chars().next()?.is_ascii_digit() || number.contains("..") {
        return None;
    }
    let rest = &t[end..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((number.to_string(), rest.trim()))
}

fn looks_like_heading(rest: &str) -> bool {
    let words = rest.split_whitespace().count();
    words > 0
        && words <= 12
        && !rest.ends_with('.')
        && !rest.ends_with(',')
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A drafted file: title lines before the first section, then the sections.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub not_clauses: Vec<String>,
    pub sections: Vec<DraftSection>,
}

/// Splits extracted text into sections and numbered clauses.
pub fn draft_sections(source: &str) -> Draft {
    let mut not_clauses: Vec<String> = Vec::new();
    let mut sections: Vec<DraftSection> = Vec::new();
    let mut section_number = String::new();
    let mut previous_blank = false;
    let mut previous_line_ends_sentence = true;
    for raw_line in source.lines() {
        if is_page_number(raw_line) {
            continue;
        }
        let line = raw_line.trim();
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut previous_blank, false);
        if let Some((number, rest)) = leading_number(line) {
            if !number.contains('.') && looks_like_heading(rest) {
                section_number = number;
                sections.push(DraftSection { heading: line.to_string(), clauses: Vec::new() });
                previous_line_ends_sentence = true;
                continue;
            }
            if number.contains('.') {
                let section = current_section(&mut sections);
                section.clauses.push(DraftClause { id: number, paragraphs: vec![vec![rest.to_string()]] });
                previous_line_ends_sentence = ends_sentence(rest);
                continue;
            }
        }
        if sections.is_empty() && looks_like_heading(line) {
            // Titles before the first section: a heading-like line is kept aside until text shows
            // whether it heads an unnumbered introduction.
            not_clauses.push(line.to_string());
            continue;
        }
        if sections.is_empty() {
            let heading = not_clauses.pop().unwrap_or_else(|| "Introduction".to_string());
            sections.push(DraftSection { heading, clauses: Vec::new() });
        }
        let section = current_section(&mut sections);
        if section.clauses.is_empty() {
            let id = if section_number.is_empty() { "intro.p1".to_string() } else { section_number.clone() };
            section.clauses.push(DraftClause { id, paragraphs: Vec::new() });
        }
        let clause = section.clauses.last_mut().expect("a clause was just ensured");
        if let Some(item) = bullet_text(line) {
            match clause.paragraphs.last_mut() {
                Some(paragraph) if paragraph.first().is_some_and(|l| l.starts_with("- ")) => {
                    paragraph.push(format!("- {item}"))
                }
                _ => clause.paragraphs.push(vec![format!("- {item}")]),
            }
        } else {
            let starts_new = blank_before && previous_line_ends_sentence && line.starts_with(char::is_uppercase);
            match clause.paragraphs.last_mut() {
                Some(paragraph) if !starts_new => paragraph.push(line.to_string()),
                _ => clause.paragraphs.push(vec![line.to_string()]),
            }
        }
        previous_line_ends_sentence = ends_sentence(line);
    }
    Draft { not_clauses, sections }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', ':', ';', '"', '\u{201D}'])
}

fn current_section(sections: &mut Vec<DraftSection>) -> &mut DraftSection {
    if sections.is_empty() {
        sections.push(DraftSection { heading: "Introduction".to_string(), clauses: Vec::new() });
    }
    sections.last_mut().expect("just ensured")
}

/// A complete draft council file.
pub fn draft_council_file(id: &str, name: &str, source_path: &str, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# DRAFT made by `protocol-guide import`: check every clause against the source before use.");
    let _ = writeln!(
        out,
        "[council]\nid = {}\nname = {}\nshort_name = {}",
        toml_string(id),
        toml_string(name),
        toml_string(name)
    );
    let draft = draft_sections(source);
    let not_clauses = draft.not_clauses.iter().map(|line| toml_string(line)).collect::<Vec<_>>().join(", ");
    let _ = writeln!(
        out,
        "document = \"\"\ncouncil_type = \"\"\nsource = {}\nroles = []\nnot_clauses = [{not_clauses}]\n",
        toml_string(source_path)
    );
    for section in draft.sections {
        let _ = writeln!(out, "[[section]]\nheading = {}\n", toml_string(&section.heading));
        for clause in section.clauses {
            let _ = writeln!(out, "[[section.clause]]\nid = {}", toml_string(&clause.id));
            if !clause.id.chars().next().is_some_and(|c| c.is_ascii_digit()) || clause.id.contains(".p") {
                let _ = writeln!(out, "label = {}", toml_string(&format!("Paragraph {}", clause.id)));
            }
            let body = clause.paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
            let _ = writeln!(
                out,
                "text = \"\"\"\n{}\n\"\"\"\n",
                body.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_paragraphs_bullets_and_section_leads() {
        let source = "1. INTRODUCTION\n\n1.1. First paragraph\nwraps here.\n\n 3 \n2. Rules\nLead in:\n\u{F0B7} One\n\u{F0B7} Two\n2.1 Numbered.\n";
        let sections = draft_sections(source).sections;
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].clauses[0].id, "1.1");
        assert_eq!(
            sections[0].clauses[0].paragraphs,
            vec![vec!["First paragraph".to_string(), "wraps here.".to_string()]]
        );
        assert_eq!(sections[1].clauses[0].id, "2");
        assert_eq!(sections[1].clauses[0].paragraphs[1], vec!["- One".to_string(), "- Two".to_string()]);
        assert_eq!(sections[1].clauses[1].id, "2.1");
    }
}

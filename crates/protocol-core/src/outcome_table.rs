//! One `[[outcome]]` table of a council file, as text is written from it: the drafter writes each
//! drafted outcome through it, and the authoring page reads a table into it, edits it and writes
//! it back. The loader, not this, says whether an outcome is right.

use crate::text::toml_string;
use serde::Deserialize;
use std::fmt::Write;

/// One outcome as a council file writes it: every field an outcome may have.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct OutcomeTable {
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

impl OutcomeTable {
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
    crate::loader::split_guidance_line(line).map(|(_, clauses)| clauses).unwrap_or_default()
}

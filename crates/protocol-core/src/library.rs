//! Loading a whole folder of council files, as the CLI and the widget's build both do.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::loader::{load_council_file, load_topics, LoadedCouncil};
use crate::model::{Council, SearchWords, Text, Topic};
use std::path::{Path, PathBuf};

pub const TOPICS_FILE: &str = "topics.toml";
pub const SYNONYMS_FILE: &str = "synonyms.toml";
pub const PHRASINGS_FILE: &str = "phrasings.toml";

pub struct Library {
    pub topics: Vec<Topic>,
    pub councils: Vec<LoadedCouncil>,
    /// Synonyms and out-of-scope questions, for search.
    pub search_words: SearchWords,
}

impl Library {
    pub fn council(&self, id: &str) -> Option<&Council> {
        self.councils.iter().map(|loaded| &loaded.council).find(|council| council.id == id)
    }
}

/// The council files in `dir`, sorted by name, leaving out the topic catalogue.
pub fn council_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let entries = std::fs::read_dir(dir).map_err(|error| single(dir, format!("cannot read folder: {error}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "toml")
                && path
                    .file_name()
                    .is_some_and(|name| ![TOPICS_FILE, SYNONYMS_FILE, PHRASINGS_FILE].iter().any(|f| name == *f))
        })
        .collect();
    files.sort();
    Ok(files)
}

pub fn load_topics_in(dir: &Path) -> Result<Vec<Topic>, Diagnostics> {
    let path = dir.join(TOPICS_FILE);
    let text = std::fs::read_to_string(&path)
        .map_err(|error| single(&path, format!("cannot read topic catalogue: {error}")))?;
    let mut topics = load_topics(&path.display().to_string(), &text)?;
    // The shared corpus of phrasings is optional: a folder without it searches on keywords alone.
    let phrasings = dir.join(PHRASINGS_FILE);
    if let Ok(text) = std::fs::read_to_string(&phrasings) {
        crate::loader::add_phrasings(&phrasings.display().to_string(), &text, &mut topics)?;
    }
    Ok(topics)
}

/// Loads every council in `dir`; all problems from all files are reported together.
pub fn load_library(dir: &Path) -> Result<Library, Diagnostics> {
    let topics = load_topics_in(dir)?;
    let mut councils = Vec::new();
    let mut problems = Vec::new();
    for path in council_files(dir)? {
        match load_council_file(&path, &topics) {
            Ok(loaded) => councils.push(loaded),
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    let mut ids = std::collections::HashSet::new();
    for loaded in &councils {
        if !ids.insert(loaded.council.id.clone()) {
            problems.push(Diagnostic {
                file: dir.display().to_string(),
                line: 1,
                column: 1,
                message: format!("two files declare council id `{}`", loaded.council.id),
                notes: vec![],
            });
        }
    }
    let synonyms = match load_synonyms_in(dir) {
        Ok(synonyms) => synonyms.into_iter().map(|group| group.into_iter().map(Text::from).collect()).collect(),
        Err(Diagnostics(found)) => {
            problems.extend(found);
            Vec::new()
        }
    };
    let outside = match load_outside_in(dir) {
        Ok(outside) => outside,
        Err(Diagnostics(found)) => {
            problems.extend(found);
            Vec::new()
        }
    };
    if problems.is_empty() {
        Ok(Library { topics, councils, search_words: SearchWords { synonyms, outside } })
    } else {
        Err(Diagnostics(problems))
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonyms {
    group: Vec<RawSynonymGroup>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonymGroup {
    terms: Vec<String>,
}

/// The out-of-scope questions in the folder's phrasings.toml, if it has them.
pub fn load_outside_in(dir: &Path) -> Result<Vec<Text>, Diagnostics> {
    let path = dir.join(PHRASINGS_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Vec::new()) };
    crate::loader::outside_phrasings(&path.display().to_string(), &text)
}

/// The synonym list, if the folder has one.
pub fn load_synonyms_in(dir: &Path) -> Result<Vec<Vec<String>>, Diagnostics> {
    let path = dir.join(SYNONYMS_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Vec::new()) };
    parse_synonyms(&path.display().to_string(), &text)
}

/// The synonym groups of a `synonyms.toml` already read (the authoring page embeds it).
pub fn parse_synonyms(file: &str, text: &str) -> Result<Vec<Vec<String>>, Diagnostics> {
    let raw: RawSynonyms = toml::from_str(text).map_err(|error| {
        let (line, column) =
            crate::diagnostic::LineIndex::new(text).position(text, error.span().map_or(0, |s| s.start));
        Diagnostics(vec![Diagnostic {
            file: file.to_string(),
            line,
            column,
            message: error.message().to_string(),
            notes: vec![],
        }])
    })?;
    Ok(raw.group.into_iter().map(|g| g.terms).filter(|terms| terms.len() > 1).collect())
}

fn single(path: &Path, message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic { file: path.display().to_string(), line: 1, column: 1, message, notes: vec![] }])
}

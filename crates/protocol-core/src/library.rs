//! Loading a whole folder of council files, as the CLI and the widget's build both do.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::loader::{load_council_file, load_topics, LoadedCouncil};
use crate::model::{Council, Topic};
use std::path::{Path, PathBuf};

pub const TOPICS_FILE: &str = "topics.toml";

pub struct Library {
    pub topics: Vec<Topic>,
    pub councils: Vec<LoadedCouncil>,
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
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.file_name().is_some_and(|name| name != TOPICS_FILE))
        .collect();
    files.sort();
    Ok(files)
}

pub fn load_topics_in(dir: &Path) -> Result<Vec<Topic>, Diagnostics> {
    let path = dir.join(TOPICS_FILE);
    let text = std::fs::read_to_string(&path).map_err(|error| single(&path, format!("cannot read topic catalogue: {error}")))?;
    load_topics(&path.display().to_string(), &text)
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
    if problems.is_empty() {
        Ok(Library { topics, councils })
    } else {
        Err(Diagnostics(problems))
    }
}

fn single(path: &Path, message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic { file: path.display().to_string(), line: 1, column: 1, message, notes: vec![] }])
}

//! What the page does with a clerk's text, through the same core functions the CLI and the build
//! call: the clause draft (`import`), the checks (`loader`), the drafted guide (`draft`) and the
//! data file (`codec`). Pure, so it is tested natively.

use protocol_core::codec::{encode, Dataset};
use protocol_core::diagnostic::Diagnostics;
use protocol_core::draft::{draft_file, draft_guide, GuideDraft, Precedents};
use protocol_core::import::draft_council_file;
use protocol_core::loader::{add_phrasings, load_council, load_topics, outside_phrasings, Checks, LoadedCouncil};
use protocol_core::model::{SearchWords, Text, Topic};

// The project's shared files, as the build reads them: every council's guide answers the same
// situations, and drafting searches with the same phrasings and synonyms as the CLI.
const TOPICS: &str = include_str!("../../../protocols/topics.toml");
const PHRASINGS: &str = include_str!("../../../protocols/phrasings.toml");
const SYNONYMS: &str = include_str!("../../../protocols/synonyms.toml");

/// The topics (with their phrasings) and the search words, read once.
pub struct Shared {
    pub topics: Vec<Topic>,
    pub words: SearchWords,
}

impl Shared {
    pub fn load() -> Shared {
        // The widget's build checked these same files; a problem here is a build fault.
        let fail = |d: Diagnostics| -> ! { panic!("the shared protocol files do not load: {d}") };
        let mut topics = load_topics("topics.toml", TOPICS).unwrap_or_else(|d| fail(d));
        add_phrasings("phrasings.toml", PHRASINGS, &mut topics).unwrap_or_else(|d| fail(d));
        let outside = outside_phrasings("phrasings.toml", PHRASINGS).unwrap_or_else(|d| fail(d));
        let synonyms = protocol_core::library::parse_synonyms("synonyms.toml", SYNONYMS)
            .unwrap_or_else(|d| fail(d))
            .into_iter()
            .map(|group| group.into_iter().map(Text::from).collect())
            .collect();
        Shared { topics, words: SearchWords { synonyms, outside } }
    }
}

/// The file name the page gives a council's file, in diagnostics and downloads.
pub fn file_name(id: &str) -> String {
    format!("{}.toml", if id.trim().is_empty() { "council" } else { id.trim() })
}

/// Where the file's `source` points, as `protocol-guide import` writes it: beside the project's
/// other sources.
pub fn source_path(id: &str) -> String {
    format!("sources/{}.txt", id.trim())
}

/// The clause draft of a protocol's text, as `protocol-guide import` makes it.
pub fn clause_draft(id: &str, name: &str, source: &str) -> String {
    draft_council_file(id.trim(), name.trim(), &source_path(id), source)
}

/// Checks a file as the build does, against the pasted source text (whatever path its `source`
/// names). A file without a guide yet has its clauses checked alone, as `draft-guide` does.
pub fn check(file: &str, text: &str, source: &str, topics: &[Topic]) -> Result<LoadedCouncil, Diagnostics> {
    let checks = if crate::edit::has_guide(text) { Checks::ALL } else { Checks::CLAUSES_ONLY };
    load_council(file, text, topics, checks, |_| Ok(source.to_string()))
}

/// Drafts the guide from the file's clauses, with the built-in councils' reviewed guides as
/// precedents; returns the whole file with the drafted outcomes, as `protocol-guide draft-guide`
/// writes it, and the candidates.
pub fn draft(file: &str, text: &str, source: &str, shared: &Shared) -> Result<(String, GuideDraft), Diagnostics> {
    let loaded = load_council(file, text, &shared.topics, Checks::CLAUSES_ONLY, |_| Ok(source.to_string()))?;
    let precedents = Precedents::from_councils(
        protocol_guide_widget::data::councils().iter().filter(|other| other.id != loaded.council.id),
    );
    let guide = draft_guide(&loaded.council.clauses, &shared.topics, &shared.words, &precedents);
    Ok((draft_file(text, &guide), guide))
}

/// One council as the compact data file `<protocol-guide council-src>` loads, made as
/// `protocol-guide compile` makes it: the topics without their phrasings, no search words.
pub fn data_file(loaded: &LoadedCouncil, topics: &[Topic]) -> Vec<u8> {
    let mut topics = topics.to_vec();
    topics.iter_mut().flat_map(|topic| topic.situations.iter_mut()).for_each(|situation| situation.phrasings.clear());
    encode(&Dataset { councils: vec![loaded.council.clone()], topics, search_words: SearchWords::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{read_outcome, replace_outcome};

    const SOURCE: &str = include_str!("../../../protocols/sources/model.txt");

    #[test]
    fn paste_check_draft_review_and_encode_like_the_cli() {
        let shared = Shared::load();
        let file = clause_draft("testshire", "Testshire Parish Council", SOURCE);
        let clauses = check("testshire.toml", &file, SOURCE, &shared.topics).expect("the clause draft checks");
        assert!(clauses.council.clauses.len() > 10);

        // A clause that is not word for word in the source is refused at its line.
        let broken = file.replacen("Mutual trust", "Mutual distrust", 1);
        let problems = check("testshire.toml", &broken, SOURCE, &shared.topics).unwrap_err();
        let line = broken.lines().position(|l| l.contains("Mutual distrust")).unwrap() as u32 + 1;
        assert!(problems.0.iter().any(|d| d.line <= line), "{problems}");

        let (drafted, guide) = draft("testshire.toml", &file, SOURCE, &shared).unwrap();
        assert_eq!(guide.situations.len(), shared.topics.iter().map(|t| t.situations.len()).sum::<usize>());
        // The built-in councils' reviewed guides are the precedents, as for `draft-guide`.
        let echoed: Vec<&str> =
            guide.situations.iter().flat_map(|s| s.echoes.iter().map(|e| e.council.as_str())).collect();
        assert!(echoed.contains(&"model") && echoed.contains(&"crawley"), "{echoed:?}");
        assert!(!echoed.contains(&"testshire"));
        let loaded = check("testshire.toml", &drafted, SOURCE, &shared.topics).expect("the drafted guide checks");
        assert_eq!(loaded.drafts.len(), guide.situations.len());
        assert!(protocol_core::loader::refuse_drafts(&loaded).is_err());

        // Reviewing one outcome through the form: a title, no draft flag; still checks.
        let first = &guide.situations.iter().find(|s| s.cited > 0).unwrap().id;
        let mut form = read_outcome(&drafted, first).unwrap();
        form.draft = false;
        form.title = Some("What the protocol says".into());
        let reviewed = replace_outcome(&drafted, &form);
        let loaded = check("testshire.toml", &reviewed, SOURCE, &shared.topics).expect("the reviewed outcome checks");
        assert_eq!(loaded.drafts.len(), guide.situations.len() - 1);

        let bytes = data_file(&loaded, &shared.topics);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let decoded = protocol_core::codec::decode(bytes).unwrap();
        assert_eq!(decoded.councils[0].id, "testshire");
    }
}

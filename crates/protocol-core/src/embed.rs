//! Turning an embedding page's attributes into where the guide starts. Wrong or missing
//! attributes never fail: they fall back to something sensible and say what was ignored.

use crate::model::{find_situation, Council, Topic};
use crate::route::Route;

/// The `<protocol-guide>` element's attributes, as the page gave them. Adding one is a field
/// here, a line in `from_lookup`, and a line in the README.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmbedAttributes {
    pub council: Option<String>,
    /// A topic id (`complaints`) or a situation (`complaints.councillor-about-officer`).
    pub topic: Option<String>,
    /// `guide` (the default), `reader` or `ask`.
    pub view: Option<String>,
    /// A clause to open in the reader.
    pub clause: Option<String>,
    /// `sync-url`: keep the guide's page in the address bar's hash. Read when the guide mounts.
    pub sync_url: bool,
}

impl EmbedAttributes {
    /// Reads the attributes by name from the element (`get` returns an attribute's value).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        EmbedAttributes {
            council: get("council"),
            topic: get("topic"),
            view: get("view"),
            clause: get("clause"),
            sync_url: get("sync-url").is_some(),
        }
    }
}

/// Where to start, and a note for each attribute that could not be used.
/// `council` finds a council by id: the built-in ones, and any a page added from its own file.
pub fn start_route<'c>(
    attributes: &EmbedAttributes,
    council: impl Fn(&str) -> Option<&'c Council>,
    topics: &[Topic],
) -> (Route, Vec<String>) {
    let mut notes = Vec::new();
    let council_id = attributes.council.as_deref().map(str::trim).filter(|id| !id.is_empty());
    let Some(council_id) = council_id else {
        return (Route::Home, notes);
    };
    let Some(council) = council(council_id) else {
        // The guide itself explains the unknown council, inside the element.
        return (Route::Reader { council: council_id.to_string(), clause: None }, notes);
    };
    let id = council.id.to_string();
    if let Some(clause) = attributes.clause.as_deref() {
        if council.clause(clause).is_some() {
            return (Route::Reader { council: id, clause: Some(clause.to_string()) }, notes);
        }
        notes.push(format!("clause \"{clause}\" is not in {}'s protocol; ignored", council.short_name));
    }
    match attributes.view.as_deref().map(str::trim) {
        None | Some("") | Some("guide") => {}
        Some("reader") => return (Route::Reader { council: id, clause: None }, notes),
        Some("ask") => return (Route::Ask { council: id }, notes),
        Some(other) => notes.push(format!("view \"{other}\" is not one of guide, reader, ask; showing the guide")),
    }
    let answers = match attributes.topic.as_deref().map(str::trim) {
        None | Some("") => Vec::new(),
        Some(topic) => match topics.iter().find(|t| t.id == topic) {
            Some(found) => vec![found.id.to_string()],
            None => match find_situation(topics, topic) {
                Some((home, _)) => vec![home.id.to_string(), topic.to_string()],
                None => {
                    notes.push(format!(
                        "topic \"{topic}\" is not a topic of this guide; starting at the first question"
                    ));
                    Vec::new()
                }
            },
        },
    };
    (Route::Guide { council: id, answers }, notes)
}

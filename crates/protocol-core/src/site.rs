//! The static site: which routes have a page of their own, and each page's title and description
//! (the words a search engine shows), taken from the model. The widget's renderer writes the pages;
//! the browser reads the same titles as the guide moves.

use crate::engine::replay;
use crate::model::{find_situation, Council, Coverage, Node, Topic};
use crate::route::Route;

/// The name of the whole guide, at the end of every page title.
pub const GUIDE_TITLE: &str = "Council Protocol Guide";

/// Search engines show about this many characters of a description.
const DESCRIPTION_CHARS: usize = 160;

#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
}

/// Every route that is a page of the static site: the council list, and for each council its
/// protocol, its search page, every step of its guide that any choice reaches, and the
/// comparison of each situation it answers. A clause is an anchor on its protocol's page.
pub fn static_routes(councils: &[Council], topics: &[Topic]) -> Vec<Route> {
    let mut routes = vec![Route::Home];
    for council in councils {
        let id = council.id.to_string();
        routes.push(Route::Reader { council: id.clone(), clause: None });
        routes.push(Route::Ask { council: id.clone() });
        let mut pending = vec![Vec::<String>::new()];
        while let Some(answers) = pending.pop() {
            if let Ok(walk) = replay(council, &answers) {
                if let Node::Question(question) = walk.current {
                    for choice in question.options.iter().rev() {
                        let mut next = answers.clone();
                        next.push(choice.next.to_string());
                        pending.push(next);
                    }
                }
            }
            routes.push(Route::Guide { council: id.clone(), answers });
        }
        for topic in topics {
            for situation in &topic.situations {
                if council.flow.outcomes().any(|outcome| outcome.situation == situation.id) {
                    routes.push(Route::Compare { council: id.clone(), situation: situation.id.to_string() });
                }
            }
        }
    }
    routes
}

/// The page's title and description. Unknown councils and broken walks get the guide's own name.
pub fn page_meta(route: &Route, council: Option<&Council>, topics: &[Topic]) -> PageMeta {
    let meta = |title: String, description: String| PageMeta {
        title: format!("{title} \u{2013} {GUIDE_TITLE}"),
        description: shorten(&description),
    };
    let fallback = || PageMeta {
        title: GUIDE_TITLE.to_string(),
        description: "What each council\u{2019}s councillor and officer protocol says, with the exact clause to hand."
            .to_string(),
    };
    let Some(council) = council else { return fallback() };
    match route {
        Route::Home | Route::NotFound { .. } => fallback(),
        Route::Reader { .. } => meta(
            format!("{}: {}", council.name, council.document),
            format!("The full text of {}, clause by clause.", council.protocol_name()),
        ),
        Route::Ask { .. } => meta(
            format!("Ask in your own words \u{2013} {}", council.name),
            format!("Search {} in your own words.", council.protocol_name()),
        ),
        Route::Compare { situation, .. } => match find_situation(topics, situation) {
            Some((topic, situation)) => meta(
                format!("{}: how councils compare", situation.label),
                format!("What each council\u{2019}s protocol says about this, under {}.", topic.title),
            ),
            None => fallback(),
        },
        Route::Guide { answers, .. } => match replay(council, answers).map(|walk| walk.current) {
            Ok(Node::Question(question)) => meta(
                format!("{} \u{2013} {}", question.text, council.name),
                match &question.hint {
                    Some(hint) => format!("{} {}", question.text, hint),
                    None => format!("{} A guide to {}.", question.text, council.protocol_name()),
                },
            ),
            Ok(Node::Outcome(outcome)) => {
                let description = match (&outcome.coverage, outcome.guidance.first()) {
                    (Coverage::None { .. }, _) | (_, None) => {
                        format!("{}: not covered by {}.", outcome.title, council.protocol_name())
                    }
                    (_, Some(line)) => line.text.to_string(),
                };
                meta(format!("{} \u{2013} {}", outcome.title, council.name), description)
            }
            Err(_) => fallback(),
        },
    }
}

/// Cuts a description at a word boundary, so a search engine shows whole words.
fn shorten(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':']);
    format!("{cut}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_descriptions_end_on_a_whole_word() {
        let long = "word ".repeat(60);
        let short = shorten(&long);
        assert!(short.chars().count() <= 160, "{short}");
        assert!(short.ends_with("word\u{2026}"), "{short}");
        assert_eq!(shorten("Short enough."), "Short enough.");
    }
}

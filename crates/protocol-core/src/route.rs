//! The URL hash is the widget's whole state. Parsing is strict: anything unexpected becomes
//! `Route::NotFound` with a reason, never a panic.

#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// Pick a council.
    Home,
    /// Read a council's protocol, optionally at one clause.
    Reader {
        council: String,
        clause: Option<String>,
    },
    /// The guided walk; `answers` are node ids, replayed from the start.
    Guide {
        council: String,
        answers: Vec<String>,
    },
    /// Search in your own words. The words typed stay out of the URL, and so out of history.
    Ask {
        council: String,
    },
    /// Every council's answer to one situation (`<topic>.<situation>`), side by side.
    Compare {
        council: String,
        situation: String,
    },
    NotFound {
        reason: String,
    },
}

fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 120 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// The longest link the guide reads. Its own links are far shorter (a walk is a handful of ids).
pub const MAX_HASH_LEN: usize = 2048;

impl Route {
    pub fn parse(hash: &str) -> Route {
        if hash.len() > MAX_HASH_LEN {
            return Route::NotFound { reason: "The link is too long to be a page of this guide.".into() };
        }
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        if path.is_empty() {
            return Route::Home;
        }
        let segments: Option<Vec<String>> = path.split('/').map(decode).collect();
        let Some(segments) = segments else {
            return Route::NotFound {
                reason: "The link is damaged: it contains characters that cannot be read.".into(),
            };
        };
        if let Some(bad) = segments.iter().find(|s| !is_plain_id(s)) {
            return Route::NotFound {
                reason: format!(
                    "The link has a part that is not recognised: \u{201C}{}\u{201D}.",
                    bad.chars().take(40).collect::<String>()
                ),
            };
        }
        let council = segments[0].clone();
        match segments.get(1).map(String::as_str) {
            None => Route::Reader { council, clause: None },
            Some("clause") if segments.len() == 3 => Route::Reader { council, clause: Some(segments[2].clone()) },
            Some("guide") => Route::Guide { council, answers: segments[2..].to_vec() },
            Some("ask") if segments.len() == 2 => Route::Ask { council },
            Some("compare") if segments.len() == 3 => Route::Compare { council, situation: segments[2].clone() },
            _ => Route::NotFound { reason: "The link does not point to a page of this guide.".into() },
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Home | Route::NotFound { .. } => "#/".to_string(),
            Route::Reader { council, clause: None } => format!("#/{}", encode(council)),
            Route::Reader { council, clause: Some(clause) } => {
                format!("#/{}/clause/{}", encode(council), encode(clause))
            }
            Route::Ask { council } => format!("#/{}/ask", encode(council)),
            Route::Compare { council, situation } => format!("#/{}/compare/{}", encode(council), encode(situation)),
            Route::Guide { council, answers } => {
                let mut hash = format!("#/{}/guide", encode(council));
                for answer in answers {
                    hash.push('/');
                    hash.push_str(&encode(answer));
                }
                hash
            }
        }
    }
}

/// The relative link to the site's root from a page `depth` folders below it (`./` at the root).
pub fn root_prefix_at(depth: usize) -> String {
    match depth {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}

/// The element id of a clause in the reader: what a path link's `#fragment` names.
pub fn clause_anchor(clause: &str) -> String {
    format!("clause-{clause}")
}

impl Route {
    /// The council the route is about, if any.
    pub fn council(&self) -> Option<&str> {
        match self {
            Route::Home | Route::NotFound { .. } => None,
            Route::Reader { council, .. }
            | Route::Guide { council, .. }
            | Route::Ask { council }
            | Route::Compare { council, .. } => Some(council),
        }
    }

    /// The route as a path below the site's root, for the static site: a folder per page
    /// (`crawley/guide/complaints/`), and a clause as an anchor on its protocol's page
    /// (`crawley/#clause-8.7`), since the reader is one page. Home is the empty path.
    pub fn to_path(&self) -> String {
        match self {
            Route::Reader { clause: Some(clause), .. } => {
                format!("{}#{}", self.page_path(), encode(&clause_anchor(clause)))
            }
            _ => self.page_path(),
        }
    }

    /// The folder of the route's page below the site's root, without any `#fragment`: where the
    /// static site writes its `index.html`. A clause's page is its protocol's.
    pub fn page_path(&self) -> String {
        let page = match self {
            Route::Reader { council, clause: Some(_) } => Route::Reader { council: council.clone(), clause: None },
            _ => self.clone(),
        };
        let mut path = page.to_hash().trim_start_matches("#/").to_string();
        if !path.is_empty() {
            path.push('/');
        }
        path
    }

    /// How many folders below the site's root the route's page is: the number of `../` that
    /// lead from it back to the root.
    pub fn depth(&self) -> usize {
        self.page_path().matches('/').count()
    }

    /// The relative link from this route's page to the site's root.
    pub fn root_prefix(&self) -> String {
        root_prefix_at(self.depth())
    }

    /// Reads a path below the site's root, with the `#fragment` that may follow it. A fragment
    /// naming a clause opens the reader there; an old `#/…` link means the route it names.
    pub fn from_path(path: &str, fragment: &str) -> Route {
        let fragment = fragment.trim_start_matches('#');
        if fragment.starts_with('/') {
            return Route::parse(fragment);
        }
        let route = Route::parse(path.trim_end_matches("index.html"));
        match route {
            Route::Reader { council, clause: None } => {
                let clause = decode(fragment)
                    .and_then(|fragment| fragment.strip_prefix("clause-").map(str::to_string))
                    .filter(|clause| is_plain_id(clause));
                Route::Reader { council, clause }
            }
            route => route,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for route in [
            Route::Home,
            Route::Reader { council: "crawley".into(), clause: None },
            Route::Reader { council: "leighton-linslade".into(), clause: Some("A.common-law.2".into()) },
            Route::Guide {
                council: "pitstone".into(),
                answers: vec!["complaints".into(), "complaints.code-of-conduct".into()],
            },
            Route::Guide { council: "model".into(), answers: vec![] },
            Route::Ask { council: "crawley".into() },
            Route::Compare { council: "guildford".into(), situation: "complaints.councillor-about-officer".into() },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn mangled_links_are_not_found_not_panics() {
        for hash in [
            "#/crawley/clause",
            "#/crawley/clause/1/2",
            "#/crawley/bogus",
            "#/%zz",
            "#/%FF%FE",
            "#/crawley/clause/<script>",
            "#/a b",
            "#/crawley/ask/more",
            "#/crawley/compare",
        ] {
            assert!(matches!(Route::parse(hash), Route::NotFound { .. }), "{hash}");
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
    }

    #[test]
    fn paths_round_trip_and_know_their_depth() {
        for (route, path, depth) in [
            (Route::Home, "", 0),
            (Route::Reader { council: "crawley".into(), clause: None }, "crawley/", 1),
            (Route::Reader { council: "crawley".into(), clause: Some("8.7".into()) }, "crawley/#clause-8.7", 1),
            (Route::Guide { council: "model".into(), answers: vec![] }, "model/guide/", 2),
            (
                Route::Guide { council: "pitstone".into(), answers: vec!["complaints".into(), "complaints.x".into()] },
                "pitstone/guide/complaints/complaints.x/",
                4,
            ),
            (Route::Ask { council: "crawley".into() }, "crawley/ask/", 2),
            (Route::Compare { council: "guildford".into(), situation: "a.b".into() }, "guildford/compare/a.b/", 3),
        ] {
            assert_eq!(route.to_path(), path);
            assert_eq!(route.depth(), depth, "{path}");
            let (folders, fragment) = path.split_once('#').unwrap_or((path, ""));
            assert_eq!(Route::from_path(folders, fragment), route, "{path}");
        }
        assert_eq!(Route::Home.root_prefix(), "./");
        assert_eq!(Route::Ask { council: "crawley".into() }.root_prefix(), "../../");
    }

    #[test]
    fn old_hash_links_and_odd_fragments_read_from_a_path() {
        let walk = Route::Guide { council: "crawley".into(), answers: vec!["complaints".into()] };
        assert_eq!(Route::from_path("", "#/crawley/guide/complaints"), walk);
        assert_eq!(Route::from_path("crawley/guide/complaints/index.html", ""), walk);
        // A fragment that is not a clause leaves the reader at its top.
        assert_eq!(Route::from_path("crawley/", "#top"), Route::Reader { council: "crawley".into(), clause: None });
        assert_eq!(
            Route::from_path("crawley/", "#clause-%zz"),
            Route::Reader { council: "crawley".into(), clause: None }
        );
        assert!(matches!(Route::from_path("crawley/nope/", ""), Route::NotFound { .. }));
    }
}

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
}

//! Property tests for everything the guide reads from outside: links, embed attributes, protocol
//! files, the compact bytes, questions typed into the ask box, and answers replayed from a link.
//! Each runs `PROPTEST_CASES` cases (256 by default); run many more locally with, for example,
//! `PROPTEST_CASES=100000 cargo test -p protocol-core --test properties --release`.
//! Inputs that once failed are kept as regression cases in `properties.proptest-regressions`.

mod common;
use common::*;
use proptest::prelude::*;
use protocol_core::codec::{decode, encode, Dataset};
use protocol_core::embed::{start_route, EmbedAttributes};
use protocol_core::engine::{answers_to, replay};
use protocol_core::library::{load_library, Library};
use protocol_core::model::*;
use protocol_core::route::{Route, MAX_HASH_LEN};
use protocol_core::search::{HitKind, SearchIndex, MAX_QUERY_LEN};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| load_library(&repo().join("protocols")).unwrap_or_else(|d| panic!("{d}")))
}

fn real_bytes() -> &'static [u8] {
    static BYTES: OnceLock<&'static [u8]> = OnceLock::new();
    BYTES.get_or_init(|| {
        let library = load_library(&repo().join("protocols")).expect("protocols load");
        Box::leak(encode(&Dataset::from_library(library)).into_boxed_slice())
    })
}

fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

// ---------------------------------------------------------------- routes

/// A hash a person might paste: mostly the guide's own shape, with anything mixed in.
fn hash_like() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        Just("crawley".to_string()),
        Just("guide".to_string()),
        Just("clause".to_string()),
        Just("compare".to_string()),
        Just("ask".to_string()),
        Just("complaints".to_string()),
        "[a-z0-9.%_-]{0,12}",
        any::<String>(),
    ];
    (any::<bool>(), prop::collection::vec(segment, 0..8)).prop_map(|(hashed, parts)| {
        let path = parts.join("/");
        if hashed {
            format!("#/{path}")
        } else {
            path
        }
    })
}

/// Every page the guide itself can link to.
fn guide_route() -> impl Strategy<Value = Route> {
    let library = library();
    let councils: Vec<&'static Council> = library.councils.iter().map(|l| &l.council).collect();
    (0..councils.len(), any::<prop::sample::Index>(), 0..5usize).prop_map(move |(c, pick, kind)| {
        let council = councils[c];
        let id = council.id.to_string();
        match kind {
            0 => Route::Reader { council: id, clause: Some(pick.get(&council.clauses).id.to_string()) },
            1 => Route::Reader { council: id, clause: None },
            2 => Route::Ask { council: id },
            3 => {
                let outcomes: Vec<&Outcome> = council.flow.outcomes().collect();
                Route::Compare { council: id, situation: pick.get(&outcomes).situation.to_string() }
            }
            _ => {
                let outcomes: Vec<&Outcome> = council.flow.outcomes().collect();
                let answers = answers_to(council, &pick.get(&outcomes).id).expect("every outcome is reachable");
                Route::Guide { council: id, answers }
            }
        }
    })
}

proptest! {
    #[test]
    fn any_hash_parses_to_a_route_or_not_found(hash in hash_like()) {
        let route = Route::parse(&hash);
        // A page of the guide formats back to a hash that means the same page.
        if !matches!(route, Route::NotFound { .. }) {
            prop_assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn any_string_at_all_parses_without_panic(hash in any::<String>()) {
        let _ = Route::parse(&hash);
    }

    #[test]
    fn every_route_the_guide_makes_round_trips(route in guide_route()) {
        prop_assert_eq!(Route::parse(&route.to_hash()), route);
    }

    #[test]
    fn embed_attributes_never_fail(
        council in prop_oneof![Just(Some("crawley".to_string())), any::<Option<String>>()],
        topic in any::<Option<String>>(),
        view in prop_oneof![Just(Some("ask".to_string())), any::<Option<String>>()],
        clause in any::<Option<String>>(),
    ) {
        let library = library();
        let councils: Vec<Council> = library.councils.iter().map(|l| l.council.clone()).collect();
        let attributes = EmbedAttributes { council, topic, view, clause, sync_url: false };
        let (route, _notes) = start_route(&attributes, |id| councils.iter().find(|c| c.id == id), &library.topics);
        // Whatever the page typed, the guide starts somewhere a link could also reach.
        let _ = Route::parse(&route.to_hash());
    }
}

#[test]
fn an_overlong_link_is_not_found_not_slow() {
    let hash = format!("#/crawley/guide/{}", "complaints/".repeat(MAX_HASH_LEN));
    assert!(matches!(Route::parse(&hash), Route::NotFound { .. }));
}

// ---------------------------------------------------------------- the compact bytes

fn text() -> impl Strategy<Value = Text> {
    "[^\u{0}]{0,24}".prop_map(Text::from)
}

fn small<T: std::fmt::Debug>(item: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(item, 0..4)
}

fn clause() -> impl Strategy<Value = Clause> {
    let block = prop_oneof![text().prop_map(Block::Paragraph), small(text()).prop_map(Block::List)];
    (
        text(),
        any::<Option<bool>>(),
        text(),
        text(),
        small(text()),
        prop::option::of(text()),
        small(block),
        any::<bool>(),
    )
        .prop_map(|(id, numbered, label, short_label, headings, title, blocks, background)| Clause {
            number: numbered.map(|_| id.clone()),
            id,
            label,
            short_label,
            headings,
            title,
            blocks,
            background,
        })
}

/// Outcomes whose cites and clause references may or may not name real clauses, and whose quotes
/// may or may not be words of them: the codec must carry every case exactly.
fn node(clause_ids: Vec<Text>, pieces: Vec<Text>) -> impl Strategy<Value = Node> {
    let id_like = {
        let ids = clause_ids.clone();
        prop_oneof![
            text(),
            any::<prop::sample::Index>().prop_map(move |i| if ids.is_empty() {
                Text::from("")
            } else {
                i.get(&ids).clone()
            })
        ]
    };
    let quote = {
        let pieces = pieces.clone();
        prop_oneof![
            text(),
            (any::<prop::sample::Index>(), any::<prop::sample::Index>()).prop_map(move |(p, at)| {
                let Some(piece) = (!pieces.is_empty()).then(|| p.get(&pieces)) else { return Text::from("") };
                let boundaries: Vec<usize> = (0..=piece.len()).filter(|&b| piece.is_char_boundary(b)).collect();
                let start = *at.get(&boundaries);
                Text::from(piece[start..].to_string())
            }),
        ]
    };
    let cite = (id_like.clone(), quote).prop_map(|(clause, quote)| Cite { clause, quote });
    let coverage = prop_oneof![
        Just(Coverage::Full),
        text().prop_map(|gap| Coverage::Partial { gap }),
        small(id_like.clone()).prop_map(|related| Coverage::None { related }),
    ];
    let outcome = (
        text(),
        text(),
        text(),
        text(),
        prop::option::of((text(), id_like.clone())),
        coverage,
        small((text(), small(id_like))),
        small(cite),
        any::<bool>(),
    )
        .prop_map(|(id, topic, situation, title, contact, coverage, guidance, cites, draft)| {
            Node::Outcome(Outcome {
                id,
                topic,
                situation,
                title,
                contact: contact.map(|(role, clause)| Contact { role, clause }),
                coverage,
                guidance: guidance.into_iter().map(|(text, clauses)| GuidanceLine { text, clauses }).collect(),
                cites,
                draft,
            })
        });
    let question = (text(), text(), prop::option::of(text()), small((text(), prop::option::of(text()), text())))
        .prop_map(|(id, text, hint, options)| {
            Node::Question(Question {
                id,
                text,
                hint,
                options: options.into_iter().map(|(label, hint, next)| Choice { label, hint, next }).collect(),
            })
        });
    prop_oneof![outcome, question]
}

fn council() -> impl Strategy<Value = Council> {
    prop::collection::vec(clause(), 0..5).prop_flat_map(|clauses| {
        let ids: Vec<Text> = clauses.iter().map(|c| c.id.clone()).collect();
        let pieces: Vec<Text> = clauses.iter().flat_map(|c| c.piece_texts().cloned().collect::<Vec<_>>()).collect();
        (
            (text(), text(), text(), text(), text(), prop::option::of(text()), small(text())),
            prop::option::of((text(), text(), text())),
            prop::collection::vec(node(ids, pieces), 0..6),
            Just(clauses),
        )
            .prop_map(
                |((id, name, short_name, document, council_type, adopted, roles), interpreter, nodes, clauses)| {
                    Council {
                        id,
                        name,
                        short_name,
                        document,
                        council_type,
                        adopted,
                        roles,
                        interpreter: interpreter
                            .map(|(role, clause, quote)| Interpreter { role, cite: Cite { clause, quote } }),
                        clauses,
                        flow: Flow::new("start".into(), nodes),
                    }
                },
            )
    })
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let situation =
        (text(), text(), small(text())).prop_map(|(id, label, phrasings)| Situation { id, label, phrasings });
    let topic = (text(), text(), text(), any::<bool>(), small(situation), small(text())).prop_map(
        |(id, title, summary, offer_leave, situations, see_also)| Topic {
            id,
            title,
            summary,
            offer_leave,
            situations,
            see_also,
        },
    );
    (prop::collection::vec(council(), 0..3), small(topic), small(small(text())), small(text())).prop_map(
        |(councils, topics, synonyms, outside)| Dataset {
            councils,
            topics,
            search_words: SearchWords { synonyms, outside },
        },
    )
}

proptest! {
    #[test]
    fn encoding_then_decoding_is_the_identity(data in dataset()) {
        let bytes = leak(encode(&data));
        prop_assert_eq!(decode(bytes).expect("what was encoded decodes"), data);
    }

    #[test]
    fn any_bytes_decode_to_an_error_or_a_dataset(mut bytes in prop::collection::vec(any::<u8>(), 0..512), magic in any::<bool>()) {
        if magic {
            bytes.splice(0..0, *b"PGD4");
        }
        let _ = decode(leak(bytes));
    }

    #[test]
    fn a_damaged_copy_of_the_real_data_never_panics(at in any::<prop::sample::Index>(), value in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let real = real_bytes();
        let mut changed = real.to_vec();
        let place = at.index(changed.len());
        changed[place] = value;
        let _ = decode(leak(changed));
        let _ = decode(leak(real[..cut.index(real.len())].to_vec()));
    }
}

#[test]
fn every_truncation_of_the_real_data_is_an_error() {
    let real = real_bytes();
    // Every cut through the header and the start of the body, then a sample through the rest.
    let cuts = (0..real.len().min(4096)).chain((4096..real.len()).step_by(97));
    for cut in cuts {
        assert!(decode(leak(real[..cut].to_vec())).is_err(), "truncated at {cut} of {}", real.len());
    }
}

#[test]
fn a_length_that_claims_more_than_the_data_holds_is_refused_without_reserving_it() {
    // The magic, an empty string table, then a topic list claiming 2^62 items.
    let mut bytes = b"PGD4".to_vec();
    bytes.push(0);
    bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f]);
    assert!(decode(leak(bytes)).is_err());
}

// ---------------------------------------------------------------- protocol files

/// A change a clerk's editor (or a bad merge) could make to a file.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    DeleteLine(prop::sample::Index),
    DuplicateLine(prop::sample::Index),
    Insert(prop::sample::Index, String),
    ReplaceWord(prop::sample::Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let junk = prop_oneof![
        Just("\"".to_string()),
        Just("[[outcome]]".to_string()),
        Just("coverage = \"partial\"".to_string()),
        Just("clause = \"99.9\"".to_string()),
        Just("unknown_field = 1".to_string()),
        Just("id = 7".to_string()),
        Just("[3.1]".to_string()),
        Just("\u{feff}".to_string()),
        Just("é\u{301}".to_string()),
        Just("9".repeat(40)),
        any::<String>(),
    ];
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        any::<prop::sample::Index>().prop_map(Mutation::DeleteLine),
        any::<prop::sample::Index>().prop_map(Mutation::DuplicateLine),
        (any::<prop::sample::Index>(), junk.clone()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<prop::sample::Index>(), junk).prop_map(|(at, s)| Mutation::ReplaceWord(at, s)),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let boundary = |at: &prop::sample::Index| {
        let spots: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        *at.get(&spots)
    };
    let mut lines: Vec<&str> = text.lines().collect();
    match mutation {
        Mutation::Truncate(at) => text[..boundary(at)].to_string(),
        Mutation::DeleteLine(at) => {
            let line = at.index(lines.len());
            lines.remove(line);
            lines.join("\n")
        }
        Mutation::DuplicateLine(at) => {
            let line = at.index(lines.len());
            lines.insert(line, lines[line]);
            lines.join("\n")
        }
        Mutation::Insert(at, junk) => {
            let at = boundary(at);
            format!("{}{junk}{}", &text[..at], &text[at..])
        }
        Mutation::ReplaceWord(at, junk) => {
            let words: Vec<(usize, &str)> = text.match_indices(|c: char| c.is_alphanumeric()).collect();
            let (start, _) = *at.get(&words);
            let end = text[start..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |e| start + e);
            format!("{}{junk}{}", &text[..start], &text[end..])
        }
    }
}

fn council_text(id: &str) -> (String, String) {
    (read(&format!("protocols/{id}.toml")), read(&format!("protocols/sources/{id}.txt")))
}

proptest! {
    // Each case loads a whole council: fewer by default, as many as PROPTEST_CASES asks for.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96)))]

    #[test]
    fn a_mangled_protocol_file_gives_diagnostics_with_file_and_line(
        council in prop::sample::select(vec!["crawley", "guildford", "leighton-linslade", "model", "pitstone"]),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (text, source) = council_text(council);
        let mangled = mutations.iter().fold(text, |text, m| apply(&text, m));
        let lines = mangled.lines().count().max(1);
        match load_with(&mangled, &source) {
            Ok(_) => {}
            Err(diagnostics) => {
                prop_assert!(!diagnostics.0.is_empty());
                for diagnostic in &diagnostics.0 {
                    prop_assert_eq!(&diagnostic.file, "protocols/broken.toml");
                    prop_assert!(diagnostic.line >= 1 && diagnostic.line as usize <= lines + 1, "line {} of {}", diagnostic.line, lines);
                    prop_assert!(!diagnostic.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn comparing_a_council_with_any_revision_of_its_text_never_panics(
        council in prop::sample::select(vec!["crawley", "pitstone", "model"]),
        mutations in prop::collection::vec(mutation(), 0..4),
    ) {
        let (_, source) = council_text(council);
        let revised = mutations.iter().fold(source.clone(), |text, m| apply(&text, m));
        let loaded = library().councils.iter().find(|l| l.council.id == council).expect("council");
        let revision = protocol_core::revision::compare(&loaded.council, &source, &revised);
        if mutations.is_empty() {
            prop_assert!(revision.changes.is_empty() && revision.added.is_empty());
        }
        prop_assert_eq!(revision.unchanged + revision.changes.len(), loaded.council.clauses.len());
    }

    #[test]
    fn a_mangled_source_text_gives_diagnostics_not_a_panic(
        council in prop::sample::select(vec!["crawley", "model"]),
        mutation in mutation(),
    ) {
        let (text, source) = council_text(council);
        let _ = load_with(&text, &apply(&source, &mutation));
    }
}

#[test]
fn a_file_past_the_size_limit_is_refused_with_its_size() {
    let (text, source) = council_text("model");
    let huge = format!("{text}\n# {}\n", "x".repeat(protocol_core::loader::MAX_FILE_BYTES));
    let errors = match load_with(&huge, &source) {
        Ok(_) => panic!("an oversized file must be refused"),
        Err(diagnostics) => diagnostics.to_string(),
    };
    assert!(errors.contains("a protocol file may be at most"), "{errors}");
}

// ---------------------------------------------------------------- search and the walk

fn index(council: &str) -> &'static SearchIndex {
    static INDEXES: OnceLock<Vec<(String, SearchIndex)>> = OnceLock::new();
    let indexes = INDEXES.get_or_init(|| {
        let library = library();
        library
            .councils
            .iter()
            .map(|l| (l.council.id.to_string(), SearchIndex::build(&l.council, &library.topics, &library.search_words)))
            .collect()
    });
    &indexes.iter().find(|(id, _)| id == council).expect("council").1
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,200}",
        "[\u{0590}-\u{05ff}\u{0600}-\u{06ff} ]{0,80}",
        "[\u{1f300}-\u{1faff} ]{0,40}",
        "[!-/:-@\\[-`{-~ ]{0,60}",
        "(clerk |complain |councillor |officer |bcc |purdah |monitering ){0,30}",
    ]
}

proptest! {
    #[test]
    fn any_question_gets_results_without_panic(q in query()) {
        let answer = index("crawley").ask(&q, 8);
        prop_assert!(answer.hits.len() <= 8);
        prop_assert!(answer.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn any_answers_replay_to_a_page_or_an_error(answers in prop::collection::vec(prop_oneof![
        "[a-z.-]{0,30}",
        Just("complaints".to_string()),
        Just("complaints.councillor-about-officer".to_string()),
        Just("media".to_string()),
    ], 0..8)) {
        for loaded in &library().councils {
            match replay(&loaded.council, &answers) {
                Ok(walk) => prop_assert_eq!(walk.steps.len(), answers.len()),
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
    }
}

#[test]
fn a_very_long_question_is_cut_to_the_limit_and_stays_fast() {
    let index = index("pitstone");
    let long = "councillor complaint monitering officer purdah confidentail ".repeat(2000);
    assert!(long.len() > 100 * 1024);
    let started = Instant::now();
    let answer = index.ask(&long, 8);
    // Cut at MAX_QUERY_LEN bytes, so it costs what a long sentence costs. The bound is generous
    // for a debug build on a loaded machine; the benchmark reports the real figures.
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    assert!(!answer.hits.is_empty());
    assert_eq!(index.ask(&long[..MAX_QUERY_LEN], 8), answer);
}

#[test]
fn a_partly_covered_result_carries_its_outcomes_gap_and_no_other_result_has_one() {
    let mut partial_hits = 0;
    for loaded in &library().councils {
        let council = &loaded.council;
        for outcome in council.flow.outcomes() {
            for hit in index(&council.id).search(&outcome.title, 5) {
                let expected = match council.flow.outcome(&hit.id).map(|o| &o.coverage) {
                    Some(Coverage::Partial { gap }) if hit.kind == HitKind::Outcome && !gap.is_empty() => {
                        Some(gap.to_string())
                    }
                    _ => None,
                };
                partial_hits += usize::from(expected.is_some());
                assert_eq!(hit.gap, expected, "{}: {} for {:?}", council.id, hit.id, outcome.title);
            }
        }
    }
    assert!(partial_hits > 20, "only {partial_hits} partly covered results");
}

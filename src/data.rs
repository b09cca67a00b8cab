//! The councils and topics, validated at build time (see build.rs) and carried as compact bytes,
//! decoded once on first use.

use protocol_core::codec::{decode, Dataset};
use protocol_core::model::{Council, SearchWords, Topic};
use protocol_core::route::Route;
use protocol_core::site::PageMeta;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/protocol_data.bin"));

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    // The build wrote these bytes from data it had just validated; failing here is a build fault.
    DATASET.get_or_init(|| match decode(BYTES) {
        Ok(dataset) => dataset,
        // Display, not Debug: Debug formatting would pull escaping code into the wasm.
        Err(error) => panic!("protocol data built by build.rs does not decode: {}", error.0),
    })
}

pub fn councils() -> &'static [Council] {
    &dataset().councils
}

pub fn topics() -> &'static [Topic] {
    &dataset().topics
}

pub fn search_words() -> &'static SearchWords {
    &dataset().search_words
}

thread_local! {
    /// Councils a page added at run time from their own data files (`council-src`).
    static ADDED: std::cell::RefCell<Vec<&'static Council>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub fn council(id: &str) -> Option<&'static Council> {
    councils()
        .iter()
        .find(|council| council.id == id)
        .or_else(|| ADDED.with(|added| added.borrow().iter().copied().find(|council| council.id == id)))
}

/// A page's title and description, from the councils and topics this build carries.
pub fn page_meta(route: &Route) -> PageMeta {
    protocol_core::site::page_meta(route, route.council().and_then(council), topics())
}

/// Reads a council's own data file (`protocol-guide compile`), checks it, and adds its council;
/// returns the council's id, or what is wrong with the file in words a web team can act on.
pub fn add_council(bytes: Vec<u8>) -> Result<&'static str, String> {
    // The guide keeps every council for the life of the page, so the bytes may live as long.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let dataset =
        decode(bytes).map_err(|error| format!("it is not a council data file this guide can read ({error})"))?;
    let same_topics = |a: &[Topic], b: &[Topic]| {
        let ids = |topics: &[Topic]| -> Vec<String> {
            topics.iter().flat_map(|t| t.situations.iter().map(|s| s.id.to_string())).collect()
        };
        ids(a) == ids(b)
    };
    if !same_topics(&dataset.topics, topics()) {
        return Err("it was made for another version of the guide's questions; compile it again".into());
    }
    let mut councils_in_file = dataset.councils.into_iter();
    let (Some(council), None) = (councils_in_file.next(), councils_in_file.next()) else {
        return Err("a council data file holds exactly one council".into());
    };
    if council.flow.node(&council.flow.start).is_none() {
        return Err("its guide has no first question".into());
    }
    if self::council(&council.id).is_some() {
        return Err(format!("this guide already has a council \u{201C}{}\u{201D}", council.id));
    }
    let council: &'static Council = Box::leak(Box::new(council));
    ADDED.with(|added| added.borrow_mut().push(council));
    Ok(council.id.as_ref())
}

/// One council's search index, built on first use, not at start-up: most visits never search.
#[cfg(feature = "search")]
fn search_index(council: &'static Council) -> std::rc::Rc<protocol_core::search::SearchIndex> {
    use protocol_core::search::{SearchIndex, SharedWords};
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        // A handful of councils at most: a list is smaller in the wasm than a map.
        static INDEXES: RefCell<Vec<(&'static str, Rc<SearchIndex>)>> = const { RefCell::new(Vec::new()) };
        // The phrasings and synonyms every council's index shares, built once.
        static SHARED: std::sync::Arc<SharedWords> = std::sync::Arc::new(SharedWords::build(topics(), search_words()));
    }
    INDEXES.with(|indexes| {
        let mut indexes = indexes.borrow_mut();
        if let Some((_, index)) = indexes.iter().find(|(id, _)| *id == council.id.as_ref()) {
            return index.clone();
        }
        let index = Rc::new(SearchIndex::with_shared(council, topics(), SHARED.with(|shared| shared.clone())));
        indexes.push((council.id.as_ref(), index.clone()));
        index
    })
}

/// Answers a question in the person's own words against one council.
#[cfg(feature = "search")]
pub fn ask(council: &'static Council, query: &str, limit: usize) -> protocol_core::search::Answer {
    search_index(council).ask(query, limit)
}

/// Builds a council's index ahead of the first keystroke, once the page is up.
#[cfg(feature = "search")]
pub fn prepare_search(council: &'static Council) {
    search_index(council);
}

#[cfg(not(feature = "search"))]
pub fn prepare_search(_council: &'static Council) {}

/// Without the search feature (only to measure what search adds), nothing is found.
#[cfg(not(feature = "search"))]
pub fn ask(_council: &'static Council, _query: &str, _limit: usize) -> protocol_core::search::Answer {
    protocol_core::search::Answer { hits: Vec::new(), no_close_match: true }
}

/// Adds a council as `add_council` does, first taking out one added earlier with the same id: the
/// authoring page (crates/protocol-author) adds the council being written each time a clerk
/// previews it. A council this build carries is never replaced. (Last in the file, so the lines of
/// the code above, which the guide's wasm holds in panic locations, stay as they were.)
pub fn replace_council(bytes: Vec<u8>) -> Result<&'static str, String> {
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    if let Some(id) = decode(bytes).ok().and_then(|dataset| dataset.councils.first().map(|c| c.id.to_string())) {
        ADDED.with(|added| added.borrow_mut().retain(|council| council.id.as_ref() != id.as_str()));
    }
    add_council(bytes.to_vec())
}

//! A compact binary form of the validated data, for the widget. Strings live once in a table
//! (so brotli sees the texts together) and everything else is small varints; decoding borrows
//! every string from the static bytes, so nothing is copied.
//!
//! Each model type writes and reads itself through `Packed`, the two halves side by side, so a
//! new field is one edit in one place. The round trip is tested on the real data.

use crate::model::*;
use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"PGD4";

/// The most items a list reserves room for before they are read.
const PREALLOCATE: usize = 256;

/// Everything the widget carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub councils: Vec<Council>,
    pub topics: Vec<Topic>,
    pub search_words: SearchWords,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError(pub &'static str);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A type that writes itself to, and reads itself from, the compact form.
trait Packed: Sized {
    fn write(&self, w: &mut Writer);
    fn read(r: &mut Reader) -> Result<Self, DecodeError>;
}

pub struct Writer {
    strings: Vec<String>,
    index: HashMap<String, u32>,
    body: Vec<u8>,
    /// The clauses of the council being written: clause ids and quotes are stored as places in them.
    clauses: Vec<Clause>,
}

pub struct Reader {
    bytes: &'static [u8],
    at: usize,
    strings: Vec<&'static str>,
    /// How many strings the body has introduced so far.
    next_new: usize,
    clauses: Vec<Clause>,
}

impl Writer {
    fn uint(&mut self, mut value: u64) {
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.body.push(byte);
                return;
            }
            self.body.push(byte | 0x80);
        }
    }

    /// A string's first use writes 0 ("the next string in the table", which is kept in order of
    /// first use); later uses write its index plus one. Most strings are used once, so the body
    /// is mostly zeros, which brotli all but erases.
    fn text(&mut self, text: &str) {
        match self.index.get(text) {
            Some(&id) => self.uint(u64::from(id) + 1),
            None => {
                assert!(
                    !text.contains('\0'),
                    "protocol data cannot hold a NUL character: {:?}",
                    text.chars().take(60).collect::<String>()
                );
                self.index.insert(text.to_string(), self.strings.len() as u32);
                self.strings.push(text.to_string());
                self.uint(0);
            }
        }
    }

    /// A clause id as the clause's place in its council (one small number), or as text if the
    /// council has no such clause. Returns the clause's place, if any.
    fn clause_ref(&mut self, id: &str) -> Option<usize> {
        match self.clauses.iter().position(|clause| clause.id == id) {
            Some(place) => {
                self.uint(place as u64 + 1);
                Some(place)
            }
            None => {
                self.uint(0);
                self.text(id);
                None
            }
        }
    }
}

impl Reader {
    fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.at).ok_or(DecodeError("data ends early"))?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err(DecodeError("number too long"));
            }
        }
    }

    fn len(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        // No list can hold more items than bytes remain: guards against corrupt lengths.
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(DecodeError("length out of range"));
        }
        Ok(n as usize)
    }

    /// A place inside a string (never larger than the data itself).
    fn offset(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        if n > self.bytes.len() as u64 {
            return Err(DecodeError("offset out of range"));
        }
        Ok(n as usize)
    }

    fn flag(&mut self) -> Result<bool, DecodeError> {
        match self.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(DecodeError("flag is neither 0 nor 1")),
        }
    }

    fn text(&mut self) -> Result<Text, DecodeError> {
        let id = match self.uint()? {
            0 => {
                self.next_new += 1;
                self.next_new - 1
            }
            code if code <= self.next_new as u64 => code as usize - 1,
            _ => return Err(DecodeError("string used before it is introduced")),
        };
        self.strings.get(id).map(|s| Cow::Borrowed(*s)).ok_or(DecodeError("string index out of range"))
    }

    /// A clause id written by `Writer::clause_ref`, with the clause's place, if any.
    fn clause_ref(&mut self) -> Result<(Text, Option<usize>), DecodeError> {
        match self.uint()? {
            0 => Ok((self.text()?, None)),
            place => {
                let place = (place - 1) as usize;
                let clause = self.clauses.get(place).ok_or(DecodeError("clause reference out of range"))?;
                Ok((clause.id.clone(), Some(place)))
            }
        }
    }
}

impl Packed for Text {
    fn write(&self, w: &mut Writer) {
        w.text(self);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        r.text()
    }
}

impl Packed for bool {
    fn write(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        r.flag()
    }
}

impl<T: Packed> Packed for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(value) => {
                w.uint(1);
                value.write(w);
            }
        }
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(if r.flag()? { Some(T::read(r)?) } else { None })
    }
}

fn write_slice<T: Packed>(items: &[T], w: &mut Writer) {
    w.uint(items.len() as u64);
    for item in items {
        item.write(w);
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn write(&self, w: &mut Writer) {
        write_slice(self, w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        let n = r.len()?;
        // Capacity grows with what is read, not with what a damaged length claims.
        let mut out = Vec::with_capacity(n.min(PREALLOCATE));
        for _ in 0..n {
            out.push(T::read(r)?);
        }
        Ok(out)
    }
}

/// A clause id inside a council, stored as the clause's place.
struct ClauseId(Text);

impl Packed for ClauseId {
    fn write(&self, w: &mut Writer) {
        w.clause_ref(&self.0);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(ClauseId(r.clause_ref()?.0))
    }
}

fn write_clause_ids(ids: &[Text], w: &mut Writer) {
    w.uint(ids.len() as u64);
    for id in ids {
        w.clause_ref(id);
    }
}

fn read_clause_ids(r: &mut Reader) -> Result<Vec<Text>, DecodeError> {
    Ok(Vec::<ClauseId>::read(r)?.into_iter().map(|id| id.0).collect())
}

impl Packed for Topic {
    fn write(&self, w: &mut Writer) {
        self.id.write(w);
        self.title.write(w);
        self.summary.write(w);
        self.offer_leave.write(w);
        self.situations.write(w);
        self.see_also.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Topic {
            id: Packed::read(r)?,
            title: Packed::read(r)?,
            summary: Packed::read(r)?,
            offer_leave: Packed::read(r)?,
            situations: Packed::read(r)?,
            see_also: Packed::read(r)?,
        })
    }
}

impl Packed for Situation {
    fn write(&self, w: &mut Writer) {
        self.id.write(w);
        self.label.write(w);
        self.phrasings.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Situation { id: Packed::read(r)?, label: Packed::read(r)?, phrasings: Packed::read(r)? })
    }
}

impl Packed for Council {
    fn write(&self, w: &mut Writer) {
        for text in [&self.id, &self.name, &self.short_name, &self.document, &self.council_type] {
            text.write(w);
        }
        self.adopted.write(w);
        self.roles.write(w);
        // Clauses before everything that refers to them by place.
        w.uint(self.clauses.len() as u64);
        let mut previous_headings: &[Text] = &[];
        for clause in &self.clauses {
            // Clauses of one section share their headings: 0 means "as the clause before".
            if clause.headings == previous_headings {
                w.uint(0);
            } else {
                w.uint(clause.headings.len() as u64 + 1);
                for heading in &clause.headings {
                    heading.write(w);
                }
            }
            previous_headings = &clause.headings;
            clause.write(w);
        }
        w.clauses = self.clauses.clone();
        self.interpreter.write(w);
        self.flow.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        let (id, name, short_name, document, council_type) = (r.text()?, r.text()?, r.text()?, r.text()?, r.text()?);
        let adopted = Packed::read(r)?;
        let roles = Packed::read(r)?;
        let count = r.len()?;
        let mut clauses: Vec<Clause> = Vec::with_capacity(count.min(PREALLOCATE));
        for _ in 0..count {
            let headings = match r.len()? {
                0 => clauses.last().map(|previous| previous.headings.clone()).unwrap_or_default(),
                n => (1..n).map(|_| r.text()).collect::<Result<Vec<_>, _>>()?,
            };
            clauses.push(Clause { headings, ..Clause::read(r)? });
        }
        // The flow's clause references and quotes are read against these clauses: lent to the
        // reader rather than copied, and taken back.
        r.clauses = clauses;
        let interpreter = Packed::read(r)?;
        let flow = Packed::read(r)?;
        let clauses = std::mem::take(&mut r.clauses);
        Ok(Council { id, name, short_name, document, council_type, adopted, roles, interpreter, clauses, flow })
    }
}

/// Headings are written by the council, which shares them between neighbouring clauses.
impl Packed for Clause {
    fn write(&self, w: &mut Writer) {
        self.id.write(w);
        self.number.write(w);
        self.label.write(w);
        self.short_label.write(w);
        self.title.write(w);
        self.blocks.write(w);
        self.background.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Clause {
            id: Packed::read(r)?,
            number: Packed::read(r)?,
            label: Packed::read(r)?,
            short_label: Packed::read(r)?,
            headings: Vec::new(),
            title: Packed::read(r)?,
            blocks: Packed::read(r)?,
            background: Packed::read(r)?,
        })
    }
}

impl Packed for Block {
    fn write(&self, w: &mut Writer) {
        match self {
            Block::Paragraph(text) => {
                w.uint(0);
                text.write(w);
            }
            Block::List(items) => {
                w.uint(1);
                items.write(w);
            }
        }
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        match r.uint()? {
            0 => Ok(Block::Paragraph(Packed::read(r)?)),
            1 => Ok(Block::List(Packed::read(r)?)),
            _ => Err(DecodeError("unknown block kind")),
        }
    }
}

impl Packed for Interpreter {
    fn write(&self, w: &mut Writer) {
        self.role.write(w);
        self.cite.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Interpreter { role: Packed::read(r)?, cite: Packed::read(r)? })
    }
}

/// A quote is nearly always a run of its clause's own words: stored as where it sits in the
/// clause (piece, start, and how much of the piece follows) rather than as a second copy.
impl Packed for Cite {
    fn write(&self, w: &mut Writer) {
        let place = w.clause_ref(&self.clause);
        let span = place.and_then(|place| {
            w.clauses[place]
                .pieces()
                .enumerate()
                .find_map(|(piece, text)| text.find(self.quote.as_ref()).map(|start| (piece, start, text.len())))
        });
        match span {
            // Where the quote starts and how much of the piece follows it: both are often 0.
            Some((piece, start, piece_len)) => {
                w.uint(1);
                w.uint(piece as u64);
                w.uint(start as u64);
                w.uint((piece_len - start - self.quote.len()) as u64);
            }
            None => {
                w.uint(0);
                self.quote.write(w);
            }
        }
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        let (clause, place) = r.clause_ref()?;
        if !r.flag()? {
            return Ok(Cite { clause, quote: r.text()? });
        }
        let (piece, start, after) = (r.offset()?, r.offset()?, r.offset()?);
        let outside = DecodeError("quote points outside its clause");
        // Decoded pieces always borrow the static bytes, so the quote can too.
        let text = match place.and_then(|place| r.clauses[place].piece_texts().nth(piece)) {
            Some(Cow::Borrowed(text)) => *text,
            _ => return Err(outside),
        };
        let end = text.len().checked_sub(after).ok_or(outside.clone())?;
        let quote = text.get(start..end).ok_or(outside)?;
        Ok(Cite { clause, quote: Cow::Borrowed(quote) })
    }
}

impl Packed for Flow {
    fn write(&self, w: &mut Writer) {
        self.start.write(w);
        write_slice(self.nodes(), w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Flow::new(Packed::read(r)?, Packed::read(r)?))
    }
}

impl Packed for Node {
    fn write(&self, w: &mut Writer) {
        match self {
            Node::Question(question) => {
                w.uint(0);
                question.write(w);
            }
            Node::Outcome(outcome) => {
                w.uint(1);
                outcome.write(w);
            }
        }
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        match r.uint()? {
            0 => Ok(Node::Question(Packed::read(r)?)),
            1 => Ok(Node::Outcome(Packed::read(r)?)),
            _ => Err(DecodeError("unknown node kind")),
        }
    }
}

impl Packed for Question {
    fn write(&self, w: &mut Writer) {
        self.id.write(w);
        self.text.write(w);
        self.hint.write(w);
        self.options.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Question { id: Packed::read(r)?, text: Packed::read(r)?, hint: Packed::read(r)?, options: Packed::read(r)? })
    }
}

impl Packed for Choice {
    fn write(&self, w: &mut Writer) {
        self.label.write(w);
        self.hint.write(w);
        self.next.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Choice { label: Packed::read(r)?, hint: Packed::read(r)?, next: Packed::read(r)? })
    }
}

impl Packed for Outcome {
    fn write(&self, w: &mut Writer) {
        for text in [&self.id, &self.topic, &self.situation, &self.title] {
            text.write(w);
        }
        self.contact.write(w);
        self.coverage.write(w);
        self.guidance.write(w);
        self.cites.write(w);
        self.draft.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Outcome {
            id: Packed::read(r)?,
            topic: Packed::read(r)?,
            situation: Packed::read(r)?,
            title: Packed::read(r)?,
            contact: Packed::read(r)?,
            coverage: Packed::read(r)?,
            guidance: Packed::read(r)?,
            cites: Packed::read(r)?,
            draft: Packed::read(r)?,
        })
    }
}

impl Packed for Contact {
    fn write(&self, w: &mut Writer) {
        self.role.write(w);
        w.clause_ref(&self.clause);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Contact { role: Packed::read(r)?, clause: r.clause_ref()?.0 })
    }
}

impl Packed for Coverage {
    fn write(&self, w: &mut Writer) {
        match self {
            Coverage::Full => w.uint(0),
            Coverage::Partial { gap } => {
                w.uint(1);
                gap.write(w);
            }
            Coverage::None { related } => {
                w.uint(2);
                write_clause_ids(related, w);
            }
        }
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        match r.uint()? {
            0 => Ok(Coverage::Full),
            1 => Ok(Coverage::Partial { gap: Packed::read(r)? }),
            2 => Ok(Coverage::None { related: read_clause_ids(r)? }),
            _ => Err(DecodeError("unknown coverage")),
        }
    }
}

impl Packed for GuidanceLine {
    fn write(&self, w: &mut Writer) {
        self.text.write(w);
        write_clause_ids(&self.clauses, w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(GuidanceLine { text: Packed::read(r)?, clauses: read_clause_ids(r)? })
    }
}

impl Packed for Dataset {
    fn write(&self, w: &mut Writer) {
        self.topics.write(w);
        self.search_words.synonyms.write(w);
        self.search_words.outside.write(w);
        self.councils.write(w);
    }
    fn read(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(Dataset {
            topics: Packed::read(r)?,
            search_words: SearchWords { synonyms: Packed::read(r)?, outside: Packed::read(r)? },
            councils: Packed::read(r)?,
        })
    }
}

#[cfg(feature = "loader")]
impl Dataset {
    /// Everything the widget carries, from a loaded folder of protocols.
    pub fn from_library(library: crate::library::Library) -> Dataset {
        Dataset {
            councils: library.councils.into_iter().map(|loaded| loaded.council).collect(),
            topics: library.topics,
            search_words: library.search_words,
        }
    }
}

impl Dataset {
    /// The everyday phrasings (of situations and of other council business) in the form the search
    /// index reads (`search::index_form`): the widget only matches them, never shows them.
    pub fn with_phrasings_in_index_form(mut self) -> Dataset {
        let compact = |phrasings: &mut Vec<Text>| {
            phrasings.iter_mut().for_each(|phrasing| *phrasing = crate::search::index_form(phrasing).into());
        };
        self.topics.iter_mut().flat_map(|topic| topic.situations.iter_mut()).for_each(|s| compact(&mut s.phrasings));
        compact(&mut self.search_words.outside);
        self
    }
}

pub fn encode(data: &Dataset) -> Vec<u8> {
    let mut w = Writer { strings: Vec::new(), index: HashMap::new(), body: Vec::new(), clauses: Vec::new() };
    data.write(&mut w);
    // Header: magic, the number of strings, the strings each ended by a NUL (cheaper than a
    // length each once compressed), then the body.
    let mut out = MAGIC.to_vec();
    let body = std::mem::take(&mut w.body);
    let strings = std::mem::take(&mut w.strings);
    w.uint(strings.len() as u64);
    out.extend_from_slice(&w.body);
    for s in &strings {
        out.extend_from_slice(s.as_bytes());
        out.push(0);
    }
    out.extend_from_slice(&body);
    out
}

pub fn decode(bytes: &'static [u8]) -> Result<Dataset, DecodeError> {
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err(DecodeError("not protocol guide data of this version"));
    }
    let mut r = Reader { bytes, at: 4, strings: Vec::new(), next_new: 0, clauses: Vec::new() };
    let count = r.len()?;
    r.strings.reserve(count.min(PREALLOCATE));
    for _ in 0..count {
        let rest = bytes.get(r.at..).unwrap_or_default();
        let end = rest.iter().position(|&b| b == 0).ok_or(DecodeError("string runs past the end"))?;
        r.strings.push(std::str::from_utf8(&rest[..end]).map_err(|_| DecodeError("string is not UTF-8"))?);
        r.at += end + 1;
    }
    let dataset = Dataset::read(&mut r)?;
    if r.at != bytes.len() {
        return Err(DecodeError("trailing bytes"));
    }
    Ok(dataset)
}

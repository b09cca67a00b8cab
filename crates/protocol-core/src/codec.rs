//! A compact binary form of the validated data, for the widget. Strings live once in a table
//! (so brotli sees the texts together) and everything else is small varints; decoding borrows
//! every string from the static bytes, so nothing is copied.

use crate::model::*;
use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"PGD2";

/// Everything the widget carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub councils: Vec<Council>,
    pub topics: Vec<Topic>,
    pub synonyms: Vec<Vec<Text>>,
}

struct Writer {
    strings: Vec<String>,
    index: HashMap<String, u32>,
    body: Vec<u8>,
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
                assert!(!text.contains('\0'), "protocol data cannot hold a NUL character: {:?}", text.chars().take(60).collect::<String>());
                self.index.insert(text.to_string(), self.strings.len() as u32);
                self.strings.push(text.to_string());
                self.uint(0);
            }
        }
    }

    fn optional(&mut self, text: &Option<Text>) {
        match text {
            None => self.uint(0),
            Some(text) => {
                self.uint(1);
                self.text(text);
            }
        }
    }

    fn texts(&mut self, list: &[Text]) {
        self.uint(list.len() as u64);
        for text in list {
            self.text(text);
        }
    }

    fn cite(&mut self, cite: &Cite) {
        self.text(&cite.clause);
        self.text(&cite.quote);
    }

    /// A clause id as the clause's place in its council (one small number), or as text if the
    /// council has no such clause. Returns the clause it names, if any.
    fn clause_ref<'c>(&mut self, id: &str, clauses: &'c [Clause]) -> Option<&'c Clause> {
        match clauses.iter().position(|clause| clause.id == id) {
            Some(index) => {
                self.uint(index as u64 + 1);
                Some(&clauses[index])
            }
            None => {
                self.uint(0);
                self.text(id);
                None
            }
        }
    }

    /// A quote is nearly always a run of its clause's own words: stored as where it sits in the
    /// clause (piece, start, and how much of the piece follows) rather than as a second copy.
    fn cite_in(&mut self, cite: &Cite, clauses: &[Clause]) {
        let clause = self.clause_ref(&cite.clause, clauses);
        let span = clause.and_then(|clause| {
            clause.pieces().enumerate().find_map(|(piece, text)| text.find(cite.quote.as_ref()).map(|start| (piece, start, text.len())))
        });
        match span {
            // Where the quote starts and how much of the piece follows it: both are often 0.
            Some((piece, start, piece_len)) => {
                self.uint(1);
                self.uint(piece as u64);
                self.uint(start as u64);
                self.uint((piece_len - start - cite.quote.len()) as u64);
            }
            None => {
                self.uint(0);
                self.text(&cite.quote);
            }
        }
    }
}

pub fn encode(data: &Dataset) -> Vec<u8> {
    let mut w = Writer { strings: Vec::new(), index: HashMap::new(), body: Vec::new() };
    w.uint(data.topics.len() as u64);
    for topic in &data.topics {
        w.text(&topic.id);
        w.text(&topic.title);
        w.text(&topic.summary);
        w.uint(topic.situations.len() as u64);
        for situation in topic.situations.iter() {
            w.text(&situation.id);
            w.text(&situation.label);
            w.texts(&situation.keywords);
        }
    }
    w.uint(data.synonyms.len() as u64);
    for group in &data.synonyms {
        w.texts(group);
    }
    w.uint(data.councils.len() as u64);
    for council in &data.councils {
        for text in [&council.id, &council.name, &council.short_name, &council.document, &council.council_type] {
            w.text(text);
        }
        w.optional(&council.adopted);
        w.texts(&council.roles);
        match &council.interpreter {
            None => w.uint(0),
            Some(interpreter) => {
                w.uint(1);
                w.text(&interpreter.role);
                w.cite(&interpreter.cite);
            }
        }
        w.uint(council.clauses.len() as u64);
        let mut previous_headings: &[Text] = &[];
        for clause in council.clauses.iter() {
            w.text(&clause.id);
            w.text(&clause.label);
            // Clauses of one section share their headings: 0 means "as the clause before".
            if clause.headings.as_ref() == previous_headings {
                w.uint(0);
            } else {
                w.uint(clause.headings.len() as u64 + 1);
                for heading in clause.headings.iter() {
                    w.text(heading);
                }
            }
            previous_headings = &clause.headings;
            w.optional(&clause.title);
            w.uint(clause.blocks.len() as u64);
            for block in clause.blocks.iter() {
                match block {
                    Block::Paragraph(text) => {
                        w.uint(0);
                        w.text(text);
                    }
                    Block::List(items) => {
                        w.uint(1);
                        w.texts(items);
                    }
                }
            }
        }
        w.text(&council.flow.start);
        w.uint(council.flow.nodes.len() as u64);
        for node in council.flow.nodes.iter() {
            match node {
                Node::Question(question) => {
                    w.uint(0);
                    w.text(&question.id);
                    w.text(&question.text);
                    w.optional(&question.hint);
                    w.uint(question.options.len() as u64);
                    for choice in question.options.iter() {
                        w.text(&choice.label);
                        w.text(&choice.next);
                    }
                }
                Node::Outcome(outcome) => {
                    w.uint(1);
                    for text in [&outcome.id, &outcome.topic, &outcome.title] {
                        w.text(text);
                    }
                    w.optional(&outcome.contact);
                    w.uint(u64::from(outcome.covered));
                    w.uint(outcome.guidance.len() as u64);
                    for line in outcome.guidance.iter() {
                        w.text(&line.text);
                        w.uint(line.clauses.len() as u64);
                        for id in line.clauses.iter() {
                            w.clause_ref(id, &council.clauses);
                        }
                    }
                    w.uint(outcome.cites.len() as u64);
                    for cite in outcome.cites.iter() {
                        w.cite_in(cite, &council.clauses);
                    }
                }
            }
        }
    }
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

/// Why bytes could not be decoded; the build writes them, so this means a build mismatch.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError(pub &'static str);

struct Reader {
    bytes: &'static [u8],
    at: usize,
    strings: Vec<&'static str>,
    /// How many strings the body has introduced so far.
    next_new: usize,
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
        let n = self.uint()? as usize;
        // No list can hold more items than bytes remain: guards against corrupt lengths.
        if n > self.bytes.len() {
            return Err(DecodeError("length out of range"));
        }
        Ok(n)
    }

    fn text(&mut self) -> Result<Text, DecodeError> {
        let id = match self.uint()? as usize {
            0 => {
                self.next_new += 1;
                self.next_new - 1
            }
            code if code <= self.next_new => code - 1,
            _ => return Err(DecodeError("string used before it is introduced")),
        };
        self.strings.get(id).map(|s| Cow::Borrowed(*s)).ok_or(DecodeError("string index out of range"))
    }

    fn optional(&mut self) -> Result<Option<Text>, DecodeError> {
        Ok(if self.uint()? == 0 { None } else { Some(self.text()?) })
    }

    fn texts(&mut self) -> Result<List<Text>, DecodeError> {
        let n = self.len()?;
        (0..n).map(|_| self.text()).collect::<Result<Vec<_>, _>>().map(Cow::Owned)
    }

    fn list<T: Clone>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T, DecodeError>) -> Result<List<T>, DecodeError> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(Cow::Owned(out))
    }

    fn cite(&mut self) -> Result<Cite, DecodeError> {
        Ok(Cite { clause: self.text()?, quote: self.text()? })
    }

    /// A clause id written by `Writer::clause_ref`, with the clause it names, if any.
    fn clause_ref<'c>(&mut self, clauses: &'c [Clause]) -> Result<(Text, Option<&'c Clause>), DecodeError> {
        match self.uint()? as usize {
            0 => Ok((self.text()?, None)),
            place => clauses.get(place - 1).map(|clause| (clause.id.clone(), Some(clause))).ok_or(DecodeError("clause reference out of range")),
        }
    }

    fn cite_in(&mut self, clauses: &[Clause]) -> Result<Cite, DecodeError> {
        let (clause_id, clause) = self.clause_ref(clauses)?;
        if self.uint()? == 0 {
            return Ok(Cite { clause: clause_id, quote: self.text()? });
        }
        let (piece, start, after) = (self.len()?, self.len()?, self.len()?);
        // Decoded pieces always borrow the static bytes, so the quote can too.
        let text = match clause.and_then(|clause| clause.piece_texts().nth(piece)) {
            Some(Cow::Borrowed(text)) => *text,
            _ => return Err(DecodeError("quote points outside its clause")),
        };
        let end = text.len().checked_sub(after).ok_or(DecodeError("quote points outside its clause"))?;
        let quote = text.get(start..end).ok_or(DecodeError("quote points outside its clause"))?;
        Ok(Cite { clause: clause_id, quote: Cow::Borrowed(quote) })
    }
}

pub fn decode(bytes: &'static [u8]) -> Result<Dataset, DecodeError> {
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err(DecodeError("not protocol guide data"));
    }
    let mut r = Reader { bytes, at: 4, strings: Vec::new(), next_new: 0 };
    let count = r.len()?;
    r.strings.reserve(count);
    for _ in 0..count {
        let rest = bytes.get(r.at..).unwrap_or_default();
        let end = rest.iter().position(|&b| b == 0).ok_or(DecodeError("string runs past the end"))?;
        r.strings.push(std::str::from_utf8(&rest[..end]).map_err(|_| DecodeError("string is not UTF-8"))?);
        r.at += end + 1;
    }
    let topics = r.list(|r| {
        Ok(Topic {
            id: r.text()?,
            title: r.text()?,
            summary: r.text()?,
            situations: r.list(|r| Ok(Situation { id: r.text()?, label: r.text()?, keywords: r.texts()? }))?,
        })
    })?;
    let synonyms = r.list(|r| Ok(r.texts()?.into_owned()))?;
    let councils = r.list(|r| {
        let (id, name, short_name, document, council_type) = (r.text()?, r.text()?, r.text()?, r.text()?, r.text()?);
        let adopted = r.optional()?;
        let roles = r.texts()?;
        let interpreter = if r.uint()? == 0 { None } else { Some(Interpreter { role: r.text()?, cite: r.cite()? }) };
        let mut previous_headings: List<Text> = Cow::Borrowed(&[]);
        let clauses = r.list(|r| {
            let (id, label) = (r.text()?, r.text()?);
            let headings = match r.len()? {
                0 => previous_headings.clone(),
                count => (1..count).map(|_| r.text()).collect::<Result<Vec<_>, _>>().map(Cow::Owned)?,
            };
            previous_headings = headings.clone();
            Ok(Clause {
                id,
                label,
                headings,
                title: r.optional()?,
                blocks: r.list(|r| match r.uint()? {
                    0 => Ok(Block::Paragraph(r.text()?)),
                    1 => Ok(Block::List(r.texts()?)),
                    _ => Err(DecodeError("unknown block kind")),
                })?,
            })
        })?;
        let start = r.text()?;
        let nodes = r.list(|r| match r.uint()? {
            0 => Ok(Node::Question(Question {
                id: r.text()?,
                text: r.text()?,
                hint: r.optional()?,
                options: r.list(|r| Ok(Choice { label: r.text()?, next: r.text()? }))?,
            })),
            1 => Ok(Node::Outcome(Outcome {
                id: r.text()?,
                topic: r.text()?,
                title: r.text()?,
                contact: r.optional()?,
                covered: r.uint()? == 1,
                guidance: r.list(|r| Ok(GuidanceLine { text: r.text()?, clauses: r.list(|r| Ok(r.clause_ref(&clauses)?.0))? }))?,
                cites: r.list(|r| r.cite_in(&clauses))?,
            })),
            _ => Err(DecodeError("unknown node kind")),
        })?;
        Ok(Council { id, name, short_name, document, council_type, adopted, roles, interpreter, clauses, flow: Flow { start, nodes } })
    })?;
    if r.at != bytes.len() {
        return Err(DecodeError("trailing bytes"));
    }
    Ok(Dataset { councils: councils.into_owned(), topics: topics.into_owned(), synonyms: synonyms.into_owned() })
}

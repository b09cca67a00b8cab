//! The data model. The loader builds it from council files and works out the guide's structure
//! once (each outcome's topic and situation, each clause's number and label, coverage), so views
//! and search only read it. Strings are `Cow` so the widget can borrow them from its baked bytes.

use std::borrow::Cow;

pub type Text = Cow<'static, str>;

#[derive(Debug, Clone, PartialEq)]
pub struct Council {
    pub id: Text,
    pub name: Text,
    pub short_name: Text,
    pub document: Text,
    pub council_type: Text,
    pub adopted: Option<Text>,
    pub roles: Vec<Text>,
    pub interpreter: Option<Interpreter>,
    pub clauses: Vec<Clause>,
    pub flow: Flow,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Interpreter {
    pub role: Text,
    pub cite: Cite,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub id: Text,
    /// The number the document prints (`8.7`), for clauses that have one.
    pub number: Option<Text>,
    /// How people see the clause: "Clause 8.7", or "Appendix A, Common Law, paragraph 2".
    pub label: Text,
    /// The clause in a list of many, such as a table of contents: "8.7", "A common-law.2", "1.p2".
    pub short_label: Text,
    /// Section heading first, then any sub-heading.
    pub headings: Vec<Text>,
    pub title: Option<Text>,
    pub blocks: Vec<Block>,
    /// Introductions, purposes and the like: no outcome needs to cite them.
    pub background: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List(Vec<Text>),
}

/// The guide's questions and outcomes, with an index by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub start: Text,
    /// Private so the index can never go stale: build a changed flow with `Flow::new`.
    nodes: Vec<Node>,
    /// Node places sorted by id, for lookups by binary search (smaller in the wasm than a hash map).
    by_id: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Question(Question),
    Outcome(Outcome),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: Text,
    pub text: Text,
    pub hint: Option<Text>,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: Text,
    /// Shown under the label: a topic's summary, or a council's note on an option.
    pub hint: Option<Text>,
    pub next: Text,
}

/// How much of a situation the protocol answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Coverage {
    /// The protocol answers the situation.
    Full,
    /// The protocol says something that bears on it; `gap` says plainly what it does not say.
    Partial { gap: Text },
    /// The protocol does not address it. `related` clauses are pointers, never an answer.
    None { related: Vec<Text> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: Text,
    /// The topic and situation (`<topic>.<situation>`) through which the guide first reaches it.
    pub topic: Text,
    pub situation: Text,
    pub title: Text,
    /// "Who to go to": a role that one of the outcome's own quotes sends people to.
    pub contact: Option<Contact>,
    pub coverage: Coverage,
    pub guidance: Vec<GuidanceLine>,
    pub cites: Vec<Cite>,
    /// Drafted by `protocol-guide draft-guide` and not yet reviewed by a clerk: previews show it
    /// with a banner, and release builds refuse it.
    pub draft: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub role: Text,
    /// The clause whose quote (among the outcome's cites) names the role.
    pub clause: Text,
}

/// One statement of guidance and the clauses it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidanceLine {
    pub text: Text,
    pub clauses: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cite {
    pub clause: Text,
    pub quote: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    /// Sensitive topics offer a quick "Leave this page" link.
    pub offer_leave: bool,
    pub situations: Vec<Situation>,
    /// Situations of other topics that people also look for here (their node ids).
    pub see_also: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    /// The node id that answers it: `<topic>.<situation>`.
    pub id: Text,
    pub label: Text,
    /// Everyday ways people ask about the situation (`keywords` in topics.toml and the shared
    /// corpus in phrasings.toml), for search.
    pub phrasings: Vec<Text>,
}

impl Block {
    /// The words of the block as one string, list items joined by a space.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph(text) => text.to_string(),
            Block::List(items) => items.join(" "),
        }
    }
}

impl Clause {
    /// Each paragraph and list item, in order.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        self.piece_texts().map(|piece| piece.as_ref())
    }

    /// The same pieces as held, so a caller can reach text that borrows static data.
    pub fn piece_texts(&self) -> impl Iterator<Item = &Text> {
        self.blocks.iter().flat_map(|block| match block {
            Block::Paragraph(text) => std::slice::from_ref(text),
            Block::List(items) => &items[..],
        })
    }

    pub fn plain_text(&self) -> String {
        self.blocks.iter().map(Block::plain_text).collect::<Vec<_>>().join(" ")
    }
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Question(question) => &question.id,
            Node::Outcome(outcome) => &outcome.id,
        }
    }
}

impl Flow {
    pub fn new(start: Text, nodes: Vec<Node>) -> Flow {
        let mut by_id: Vec<u32> = (0..nodes.len() as u32).collect();
        // Ties by place, so the first node of an id wins; the loader reports duplicates. Unstable
        // sorts throughout the core: one sort routine keeps the wasm smaller.
        by_id.sort_unstable_by(|a, b| nodes[*a as usize].id().cmp(nodes[*b as usize].id()).then(a.cmp(b)));
        Flow { start, nodes, by_id }
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        let first = self.by_id.partition_point(|&at| self.nodes[at as usize].id() < id);
        let at = *self.by_id.get(first)? as usize;
        (self.nodes[at].id() == id).then(|| &self.nodes[at])
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        match self.node(id) {
            Some(Node::Outcome(outcome)) => Some(outcome),
            _ => None,
        }
    }

    pub fn outcomes(&self) -> impl Iterator<Item = &Outcome> {
        self.nodes.iter().filter_map(|node| match node {
            Node::Outcome(outcome) => Some(outcome),
            Node::Question(_) => None,
        })
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.nodes.iter().filter_map(|node| match node {
            Node::Question(question) => Some(question),
            Node::Outcome(_) => None,
        })
    }
}

impl Council {
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|clause| clause.id == id)
    }

    /// How a sentence names the protocol: "Crawley’s protocol", or "the Model protocol" for a
    /// council whose short name is already a protocol's.
    pub fn protocol_name(&self) -> String {
        if self.names_a_protocol() {
            format!("the {}", self.short_name)
        } else {
            format!("{}\u{2019}s protocol", self.short_name)
        }
    }

    /// How a sentence names this guide: "Crawley’s guide", or "the Model protocol guide".
    pub fn guide_name(&self) -> String {
        if self.names_a_protocol() {
            format!("the {} guide", self.short_name)
        } else {
            format!("{}\u{2019}s guide", self.short_name)
        }
    }

    fn names_a_protocol(&self) -> bool {
        self.short_name.to_ascii_lowercase().ends_with("protocol")
    }
}

impl Coverage {
    /// The word the file, the export and the views use for it.
    pub fn as_str(&self) -> &'static str {
        self.level().as_str()
    }

    pub fn is_full(&self) -> bool {
        matches!(self, Coverage::Full)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Coverage::None { .. })
    }

    /// The most any of several outcomes covers: a situation is covered if any branch is.
    pub fn best<'a>(coverages: impl IntoIterator<Item = &'a Coverage>) -> CoverageLevel {
        coverages.into_iter().map(Coverage::level).max().unwrap_or(CoverageLevel::None)
    }

    pub fn level(&self) -> CoverageLevel {
        match self {
            Coverage::Full => CoverageLevel::Full,
            Coverage::Partial { .. } => CoverageLevel::Partial,
            Coverage::None { .. } => CoverageLevel::None,
        }
    }
}

/// Coverage without its details, ordered from none to full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CoverageLevel {
    None,
    Partial,
    Full,
}

impl CoverageLevel {
    /// "full", "partial" or "none", as in council files and the export.
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageLevel::Full => "full",
            CoverageLevel::Partial => "partial",
            CoverageLevel::None => "none",
        }
    }
}

impl Topic {
    /// One of the topic's own situations, by node id.
    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|situation| situation.id == id)
    }
}

/// Words for search that every council shares, beside the situations' phrasings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchWords {
    /// Groups of words and phrases people use for the same thing (synonyms.toml).
    pub synonyms: Vec<Vec<Text>>,
    /// Questions about other council business, which no councillor/officer protocol answers
    /// (`[outside]` in phrasings.toml): a question closest to these has no close match.
    pub outside: Vec<Text>,
}

/// Finds a situation by its node id across the catalogue, with its home topic.
pub fn find_situation<'t>(topics: &'t [Topic], id: &str) -> Option<(&'t Topic, &'t Situation)> {
    topics.iter().find_map(|topic| topic.situation(id).map(|situation| (topic, situation)))
}

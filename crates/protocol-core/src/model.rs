//! The data model. Every string and list is a `Cow` so the same types hold data parsed at run
//! time (the CLI) and data baked into the wasm as statics (the widget).

use std::borrow::Cow;

pub type Text = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

#[derive(Debug, Clone, PartialEq)]
pub struct Council {
    pub id: Text,
    pub name: Text,
    pub short_name: Text,
    pub document: Text,
    pub council_type: Text,
    pub adopted: Option<Text>,
    pub roles: List<Text>,
    pub interpreter: Option<Interpreter>,
    pub clauses: List<Clause>,
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
    pub label: Text,
    /// Section heading first, then any sub-heading.
    pub headings: List<Text>,
    pub title: Option<Text>,
    pub blocks: List<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List(List<Text>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub start: Text,
    pub nodes: List<Node>,
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
    pub options: List<Choice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: Text,
    pub next: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: Text,
    pub topic: Text,
    pub title: Text,
    pub contact: Option<Text>,
    pub covered: bool,
    pub guidance: List<GuidanceLine>,
    pub cites: List<Cite>,
}

/// One statement of guidance and the clauses it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidanceLine {
    pub text: Text,
    pub clauses: List<Text>,
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
    pub situations: List<Situation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub id: Text,
    pub label: Text,
    /// Everyday phrasings of the situation, for search.
    pub keywords: List<Text>,
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
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id() == id)
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
}

impl Topic {
    /// The flow node that answers one of this topic's situations.
    pub fn situation_node_id(&self, situation: &Situation) -> String {
        format!("{}.{}", self.id, situation.id)
    }
}

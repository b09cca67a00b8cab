//! Writes validated councils as Rust statics, so the widget carries data but no parser.

use crate::model::*;
use std::fmt::Write;

trait ToRust {
    fn rust(&self, out: &mut String);
}

impl ToRust for str {
    fn rust(&self, out: &mut String) {
        // Debug formatting of a str is a valid Rust string literal.
        let _ = write!(out, "Cow::Borrowed({self:?})");
    }
}

impl ToRust for Text {
    fn rust(&self, out: &mut String) {
        self.as_ref().rust(out)
    }
}

impl ToRust for bool {
    fn rust(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn rust(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.rust(out);
                out.push(')');
            }
        }
    }
}

impl<T: ToRust + Clone> ToRust for List<T> {
    fn rust(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.rust(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

macro_rules! rust_struct {
    ($ty:ident { $($field:ident),* }) => {
        impl ToRust for $ty {
            fn rust(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.rust(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

rust_struct!(Council { id, name, short_name, document, council_type, adopted, roles, interpreter, clauses, flow });
rust_struct!(Interpreter { role, cite });
rust_struct!(Clause { id, label, headings, title, blocks });
rust_struct!(Flow { start, nodes });
rust_struct!(Question { id, text, hint, options });
rust_struct!(Choice { label, next });
rust_struct!(Outcome { id, topic, title, contact, covered, guidance, cites });
rust_struct!(GuidanceLine { text, clauses });
rust_struct!(Cite { clause, quote });
rust_struct!(Topic { id, title, summary, situations });
rust_struct!(Situation { id, label, keywords });

impl ToRust for Block {
    fn rust(&self, out: &mut String) {
        match self {
            Block::Paragraph(text) => {
                out.push_str("Block::Paragraph(");
                text.rust(out);
            }
            Block::List(items) => {
                out.push_str("Block::List(");
                items.rust(out);
            }
        }
        out.push(')');
    }
}

impl ToRust for Node {
    fn rust(&self, out: &mut String) {
        match self {
            Node::Question(question) => {
                out.push_str("Node::Question(");
                question.rust(out);
            }
            Node::Outcome(outcome) => {
                out.push_str("Node::Outcome(");
                outcome.rust(out);
            }
        }
        out.push(')');
    }
}

/// Rust source defining `COUNCILS` and `TOPICS`; it expects `protocol_core::model::*` and
/// `std::borrow::Cow` in scope where it is included.
pub fn rust_statics(councils: &[Council], topics: &[Topic], synonyms: &[Vec<String>]) -> String {
    let mut out = String::from("pub static COUNCILS: &[Council] = &[\n");
    for council in councils {
        council.rust(&mut out);
        out.push_str(",\n");
    }
    out.push_str("];\npub static TOPICS: &[Topic] = &[\n");
    for topic in topics {
        topic.rust(&mut out);
        out.push_str(",\n");
    }
    out.push_str("];\npub static SYNONYMS: &[&[&str]] = &[\n");
    for group in synonyms {
        let _ = writeln!(out, "&{group:?},");
    }
    out.push_str("];\n");
    out
}

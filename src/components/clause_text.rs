use super::DataRef;
use protocol_core::model::{Block, Clause};
use protocol_core::text::quote_ranges;
use std::ops::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClauseTextProps {
    pub clause: DataRef<Clause>,
    /// Words to highlight, each found word for word inside one paragraph or item.
    #[prop_or_default]
    pub quotes: Vec<AttrValue>,
}

/// A clause's words as text nodes (never HTML), with any pinpoint quotes marked.
#[function_component(ClauseText)]
pub fn clause_text(props: &ClauseTextProps) -> Html {
    let render = |text: &str| highlighted(text, &props.quotes);
    html! {
        <div class="pg-clause-text">
            { for props.clause.blocks.iter().map(|block| match block {
                Block::Paragraph(text) => html! { <p class="pg-body">{ render(text) }</p> },
                Block::List(items) => html! {
                    <ul class="pg-list">{ for items.iter().map(|item| html! { <li>{ render(item) }</li> }) }</ul>
                },
            }) }
        </div>
    }
}

fn highlighted(text: &str, quotes: &[AttrValue]) -> Html {
    let mut ranges: Vec<Range<usize>> = quotes.iter().flat_map(|quote| quote_ranges(text, quote)).collect();
    ranges.sort_unstable_by_key(|range| (range.start, range.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in merged {
        pieces.push(html! { { text[at..range.start].to_string() } });
        pieces.push(html! { <mark class="pg-quote">{ text[range.clone()].to_string() }</mark> });
        at = range.end;
    }
    pieces.push(html! { { text[at..].to_string() } });
    pieces.into_iter().collect()
}

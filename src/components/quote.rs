use super::clause_link::ClauseLink;
use super::DataRef;
use protocol_core::model::{Cite, Council};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuoteProps {
    pub council: DataRef<Council>,
    pub cite: DataRef<Cite>,
}

/// A quoted passage, word for word, with the clause it comes from.
#[function_component(Quote)]
pub fn quote(props: &QuoteProps) -> Html {
    html! {
        <figure class="pg-quote-block">
            <blockquote><mark class="pg-quote">{ props.cite.quote.to_string() }</mark></blockquote>
            <figcaption><ClauseLink council={props.council} clause={props.cite.clause.to_string()} /></figcaption>
        </figure>
    }
}

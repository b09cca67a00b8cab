use super::clause_link::ClauseLink;
use super::DataRef;
use protocol_core::model::{Council, Coverage, CoverageLevel};
use yew::prelude::*;

/// The words every view uses for each level of coverage.
pub fn coverage_label(level: CoverageLevel) -> &'static str {
    match level {
        CoverageLevel::Full => "Covered",
        CoverageLevel::Partial => "Partly covered",
        CoverageLevel::None => "Not covered",
    }
}

#[derive(Properties, PartialEq)]
pub struct CoverageTagProps {
    pub level: CoverageLevel,
}

/// A small label saying how much the protocol covers.
#[function_component(CoverageTag)]
pub fn coverage_tag(props: &CoverageTagProps) -> Html {
    let class = classes!(
        "pg-tag",
        (props.level != CoverageLevel::Full).then_some("pg-tag-muted"),
        format!("pg-coverage-{}", props.level.as_str())
    );
    html! { <span class={class}>{ coverage_label(props.level) }</span> }
}

#[derive(Properties, PartialEq)]
pub struct CoverageNoteProps {
    pub council: DataRef<Council>,
    pub coverage: DataRef<Coverage>,
}

/// What an outcome page says about coverage: for `partial`, what the protocol does not say; for
/// `none`, that it does not cover this and which parts relate. Both name the interpreter, if any.
#[function_component(CoverageNote)]
pub fn coverage_note(props: &CoverageNoteProps) -> Html {
    let council = props.council;
    let interpreter = council.interpreter.as_ref().map(|interpreter| {
        html! {
            <p class="pg-body pg-interpreter">
                { "On what the protocol means, it says: " }
                <q class="pg-quote">{ interpreter.cite.quote.to_string() }</q>
                { " (" }<ClauseLink council={council} clause={interpreter.cite.clause.to_string()} />{ ")" }
            </p>
        }
    });
    // One element whatever the coverage: Yew keeps the page's structure stable between outcomes.
    let note = match props.coverage.0 {
        Coverage::Full => html! {},
        Coverage::Partial { gap } => html! {
            <section class="pg-inset pg-gap" aria-labelledby="pg-gap-title">
                <h2 class="pg-subheading" id="pg-gap-title">{ "What this protocol does not say" }</h2>
                // Only a draft (previews) may leave the gap unwritten; say so rather than show nothing.
                <p class="pg-body">{ if gap.is_empty() { "Not written yet: this outcome is a draft.".to_string() } else { gap.to_string() } }</p>
                { for interpreter }
            </section>
        },
        Coverage::None { related } => html! {
            <>
                <div class="pg-inset pg-not-covered">
                    <p class="pg-body"><strong>{ "This protocol does not cover this." }</strong>
                    { format!(" {} does not address this situation, so this guide does not answer it.", sentence_start(&council.protocol_name())) }</p>
                    { for interpreter }
                </div>
                if !related.is_empty() {
                    <section class="pg-related" aria-labelledby="pg-related-title">
                        <h2 class="pg-subheading" id="pg-related-title">{ "Related parts of the protocol" }</h2>
                        <ul class="pg-list">
                            { for related.iter().map(|id| html! { <li><ClauseLink council={council} clause={id.to_string()} /></li> }) }
                        </ul>
                    </section>
                }
            </>
        },
    };
    html! { <div class="pg-coverage-note">{ note }</div> }
}

/// A phrase with its first letter capitalised, to begin a sentence.
pub fn sentence_start(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

use crate::components::ask_box::AskBox;
use crate::components::back_link::BackLink;
use crate::components::page_heading::PageHeading;
use crate::components::{use_links, use_script_free_parts, DataRef};
use protocol_core::model::Council;
use protocol_core::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AskPageProps {
    pub council: DataRef<Council>,
}

/// Search in your own words, on a page of its own (the embed's `view="ask"`).
#[function_component(AskPage)]
pub fn ask_page(props: &AskPageProps) -> Html {
    let links = use_links();
    let script_free = use_script_free_parts();
    let council = props.council.0;
    let guide = Route::Guide { council: council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-ask">
            <BackLink to={guide.clone()} label="Back to the questions" />
            <PageHeading text="Ask in your own words" caption={Some(AttrValue::from(council.short_name.to_string()))} />
            <div class="pg-if-js">
                <AskBox council={props.council} label="Describe your situation" browse={guide.clone()} />
            </div>
            if script_free {
                <p class="pg-body pg-if-no-js">
                    { "Searching needs JavaScript, which is off in this browser. " }
                    <a class="pg-link" href={links.href(&guide)}>{ "Choose a topic instead" }</a>{ "." }
                </p>
            }
        </div>
    }
}

use crate::components::ask_box::AskBox;
use crate::components::back_link::BackLink;
use crate::components::page_heading::PageHeading;
use crate::components::DataRef;
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
    let council = props.council.0;
    let guide = Route::Guide { council: council.id.to_string(), answers: vec![] };
    html! {
        <div class="pg-page pg-ask">
            <BackLink to={guide.clone()} label="Back to the questions" />
            <PageHeading text="Ask in your own words" caption={Some(AttrValue::from(council.short_name.to_string()))} />
            <AskBox council={props.council} label="Describe your situation" browse={guide} />
        </div>
    }
}

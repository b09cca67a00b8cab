use crate::components::page_heading::PageHeading;
use crate::components::use_links;
use crate::data::councils;
use protocol_core::route::Route;
use yew::prelude::*;

/// The start page: choose a council, then read its protocol or start the guide.
#[function_component(Home)]
pub fn home() -> Html {
    let links = use_links();
    html! {
        <div class="pg-page">
            <PageHeading text="Councillor and officer protocols" />
            <p class="pg-lead">{ "Find out what your council\u{2019}s protocol says about working together, with the exact clause to hand." }</p>
            <ul class="pg-cards">
                { for councils().iter().map(|council| {
                    let guide = Route::Guide { council: council.id.to_string(), answers: vec![] };
                    let reader = Route::Reader { council: council.id.to_string(), clause: None };
                    html! {
                        <li class="pg-card" key={council.id.to_string()}>
                            <h2 class="pg-card-title">{ council.name.to_string() }</h2>
                            <p class="pg-card-meta">{ council.document.to_string() }</p>
                            <p class="pg-card-links">
                                <a class="pg-link" href={links.href(&guide)}>
                                    { "Start the guide" }<span class="pg-visually-hidden">{ format!(" for {}", council.name) }</span>
                                </a>
                                <a class="pg-link" href={links.href(&reader)}>
                                    { "Read the protocol" }<span class="pg-visually-hidden">{ format!(" of {}", council.name) }</span>
                                </a>
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

//! The smallest Yew page: the benchmark's floor for size and start-up time.
use yew::prelude::*;

#[function_component(Minimal)]
fn minimal() -> Html {
    html! { <h1 id="ready">{ "What is your question about?" }</h1> }
}

fn main() {
    yew::Renderer::<Minimal>::new().render();
}

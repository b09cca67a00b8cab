use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContactProps {
    pub role: AttrValue,
}

/// "Who to go to": the role one of the page's own quotes sends the person to.
#[function_component(Contact)]
pub fn contact(props: &ContactProps) -> Html {
    html! {
        <p class="pg-contact"><span class="pg-contact-label">{ "Who to go to: " }</span><strong>{ props.role.clone() }</strong></p>
    }
}

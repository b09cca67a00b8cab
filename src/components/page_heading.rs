use super::FocusOnNavigate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageHeadingProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// The page's `h1`. After a navigation it takes focus, so screen readers announce the new step.
#[function_component(PageHeading)]
pub fn page_heading(props: &PageHeadingProps) -> Html {
    let heading = use_node_ref();
    let focus = use_context::<FocusOnNavigate>().unwrap_or(FocusOnNavigate(false));
    {
        let heading = heading.clone();
        use_effect_with(props.text.clone(), move |_| {
            if focus.0 {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    html! {
        <h1 class="pg-heading" tabindex="-1" ref={heading}>
            if let Some(caption) = &props.caption {
                <span class="pg-caption">{ caption.clone() }</span>
            }
            { props.text.clone() }
        </h1>
    }
}

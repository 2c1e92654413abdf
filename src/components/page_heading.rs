use leptos::prelude::*;
use leptos_meta::Title;

/// The id of every page's `<h1>`: focus moves there after navigation.
pub const HEADING_ID: &str = "page-heading";

/// A page's one `<h1>`, which also names the document (`<title>`), so the two never differ.
/// Focusable by script only (`tabindex="-1"`), to receive focus after navigation.
#[component]
pub fn PageHeading(
    /// The heading text; reactive, so it follows the language.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <Title text=move || text.get()/>
        <h1 id=HEADING_ID class="ll-heading-1" data-testid="page-heading" tabindex="-1">
            {move || text.get()}
        </h1>
    }
}

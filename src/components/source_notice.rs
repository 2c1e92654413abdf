use leptos::prelude::*;

use crate::t;

/// Names the federation sources that did not answer, so the citizen knows the list may be
/// incomplete. Renders nothing when every source answered.
#[component]
pub fn SourceNotice(
    /// Display names of the sources that failed.
    #[prop(into)]
    missing: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        let missing = missing.get();
        (!missing.is_empty()).then(|| {
            view! {
                <div class="ll-notice ll-notice--warning" role="status" data-testid="source-notice">
                    <p>{t!("sources-missing")}</p>
                    <ul class="ll-list">
                        {missing.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

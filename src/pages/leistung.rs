use leptos::prelude::*;

use crate::components::PageHeading;
use crate::t;

/// A service (Leistung), addressed by its LeiKa key so that sources can be merged.
#[component]
pub fn Leistung(
    /// The LeiKa key from the URL (validated: `99` and twelve digits).
    id: String,
) -> impl IntoView {
    let key = id.clone();
    view! {
        <div class="ll-container ll-page" data-leika=id>
            <PageHeading text=Signal::derive(t!("leistung-heading"))/>
            <p class="ll-lead">{t!("leistung-unavailable", key = key.clone())}</p>
        </div>
    }
}

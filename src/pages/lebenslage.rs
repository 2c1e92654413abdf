use leptos::prelude::*;

use crate::components::PageHeading;
use crate::t;

/// A Lebenslage journey. Its content comes from the catalogue.
#[component]
pub fn Lebenslage(
    /// The Lebenslage id from the URL (a validated slug).
    id: String,
) -> impl IntoView {
    view! {
        <div class="ll-container ll-page" data-lebenslage=id>
            <PageHeading text=Signal::derive(t!("lebenslage-heading"))/>
            <p class="ll-lead">{t!("lebenslage-unavailable")}</p>
        </div>
    }
}

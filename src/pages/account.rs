use leptos::prelude::*;

use crate::components::PageHeading;
use crate::t;

/// The citizen's service account (Servicekonto).
#[component]
pub fn Account() -> impl IntoView {
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("account-heading"))/>
            <p class="ll-lead">{t!("account-lead")}</p>
            <section class="ll-section" aria-labelledby="account-stored">
                <h2 class="ll-heading-2" id="account-stored">{t!("account-stored-heading")}</h2>
                <p>{t!("account-stored-text")}</p>
            </section>
        </div>
    }
}

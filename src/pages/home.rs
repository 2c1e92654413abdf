use leptos::prelude::*;

use crate::components::{PageHeading, SearchForm};
use crate::t;

/// Start page: what this service is and where to begin.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("home-heading"))/>
            <p class="ll-lead">{t!("home-lead")}</p>
            <SearchForm/>
            <section class="ll-section" aria-labelledby="home-how">
                <h2 class="ll-heading-2" id="home-how">{t!("home-how-heading")}</h2>
                <ol class="ll-steps-intro">
                    <li>{t!("home-how-1")}</li>
                    <li>{t!("home-how-2")}</li>
                    <li>{t!("home-how-3")}</li>
                </ol>
            </section>
        </div>
    }
}

use leptos::prelude::*;

use crate::components::{PageHeading, SearchForm};
use crate::t;

/// Search over the service catalogue.
#[component]
pub fn Search() -> impl IntoView {
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("search-heading"))/>
            <p class="ll-lead">{t!("search-lead")}</p>
            <SearchForm/>
        </div>
    }
}

use leptos::prelude::*;
use model::Page;

use crate::components::PageHeading;
use crate::state::href;
use crate::t;

/// A helpful 404: says what happened and offers the ways on.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("not-found-heading"))/>
            <p class="ll-lead">{t!("not-found-lead")}</p>
            <ul class="ll-list">
                <li><a href=href(Page::Home)>{t!("not-found-home")}</a></li>
                <li><a href=href(Page::Search)>{t!("not-found-search")}</a></li>
            </ul>
        </div>
    }
}

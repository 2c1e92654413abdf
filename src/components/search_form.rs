use leptos::prelude::*;
use model::Page;

use crate::state::href;
use crate::t;

/// The catalogue search box. A plain GET form to the search page, so it works before the
/// wasm has loaded and without JavaScript.
#[component]
pub fn SearchForm() -> impl IntoView {
    view! {
        <form class="ll-search" role="search" method="get" action=href(Page::Search)
            data-testid="search-form">
            <label class="ll-label" for="search-q">{t!("search-label")}</label>
            <p class="ll-hint" id="search-q-hint">{t!("search-hint")}</p>
            <div class="ll-search__row">
                <input class="ll-input ll-search__input" id="search-q" name="q" type="search"
                    autocomplete="off" aria-describedby="search-q-hint" data-testid="search-input"/>
                <button class="ll-button" type="submit">{t!("search-submit")}</button>
            </div>
        </form>
    }
}

//! What the search page shows besides the results: nothing found, and "did you mean".

use leptos::prelude::*;
use model::{Lang, Page, Route};

use crate::catalogue;
use crate::tr;

/// Nothing found: a spelling hint, the suggested spelling if there is one, and every Lebenslage
/// as a way in. Built with the results and hidden while there are some.
#[component]
pub fn NoResults(
    lang: Lang,
    visible: Signal<bool>,
    suggestion: Signal<Option<String>>,
    on_suggestion: Callback<String>,
) -> impl IntoView {
    let lebenslagen = catalogue::lebenslagen()
        .iter()
        .map(|l| {
            let href = Route::new(lang, Page::Lebenslage(l.id.clone())).path();
            view! { <li class="ll-results__item"><a href=href>{l.titel.get(lang).to_string()}</a></li> }
        })
        .collect_view();
    view! {
        <section class="ll-section ll-results" aria-labelledby="search-none-heading" data-testid="search-no-results"
            hidden=move || !visible.get()>
            <h2 class="ll-heading-2" id="search-none-heading">{tr!(lang, "search-none-heading")}</h2>
            <p>{tr!(lang, "search-none-hint")}</p>
            <Suggestion lang suggestion on_suggestion/>
            <ul class="ll-results__list" data-testid="search-none-lebenslagen">{lebenslagen}</ul>
        </section>
    }
}

/// "Did you mean …?", as a button that searches for the suggested spelling; hidden while there
/// is none.
#[component]
pub fn Suggestion(
    lang: Lang,
    suggestion: Signal<Option<String>>,
    on_suggestion: Callback<String>,
) -> impl IntoView {
    let search = move |_| {
        if let Some(s) = suggestion.get_untracked() {
            on_suggestion.run(s);
        }
    };
    view! {
        <p class="ll-results__suggestion" hidden=move || suggestion.with(Option::is_none)>
            {tr!(lang, "search-did-you-mean")}" "
            <button type="button" class="ll-link-button" data-testid="search-suggestion"
                on:click=search>{move || suggestion.get().unwrap_or_default()}</button>
        </p>
    }
}

use std::sync::Arc;

use leptos::prelude::*;
use model::search::{Entry, Hit, Index, Kind, Results};
use model::{Lang, Page, Route};

use crate::catalogue;
use crate::t;
use crate::tr;

/// Services shown at first and added per "show more". Ten: enough to scan, and few enough that
/// re-rendering the list per keystroke stays within a frame on a slow phone.
pub const PAGE_SIZE: usize = 10;

/// The results of a catalogue search, grouped: Lebenslagen (all), then services (the first
/// `shown`, with a button for more). Each result is a link to its page in the current language.
#[component]
pub fn SearchResults(
    index: Arc<Index>,
    results: Results,
    lang: Lang,
    /// How many services to show.
    shown: usize,
    /// Shows more services.
    on_more: Callback<()>,
) -> impl IntoView {
    let partial = results
        .lebenslagen
        .iter()
        .chain(&results.leistungen)
        .all(|h| !h.complete);
    let remaining = results.leistungen.len().saturating_sub(shown);
    let lebenslagen = (!results.lebenslagen.is_empty()).then(|| {
        let count = results.lebenslagen.len();
        view! {
            <section class="ll-section ll-results" aria-labelledby="search-group-lebenslagen">
                <h2 class="ll-heading-2" id="search-group-lebenslagen">
                    {tr!(lang, "search-group-lebenslagen", count = count)}
                </h2>
                <ul class="ll-results__list" data-testid="search-results-lebenslagen">
                    {links(&index, &results.lebenslagen, lang)}
                </ul>
            </section>
        }
    });
    let leistungen = (!results.leistungen.is_empty()).then(|| {
        let count = results.leistungen.len();
        let visible = &results.leistungen[..shown.min(count)];
        view! {
            <section class="ll-section ll-results" aria-labelledby="search-group-leistungen">
                <h2 class="ll-heading-2" id="search-group-leistungen">
                    {tr!(lang, "search-group-leistungen", count = count)}
                </h2>
                <ul class="ll-results__list" data-testid="search-results-leistungen">
                    {links(&index, visible, lang)}
                </ul>
                {(remaining > 0).then(|| view! {
                    <button type="button" class="ll-button" data-testid="search-more"
                        on:click=move |_| on_more.run(())>
                        {tr!(lang, "search-more", count = remaining.min(PAGE_SIZE))}
                    </button>
                })}
            </section>
        }
    });
    view! {
        {partial.then(|| view! { <p class="ll-hint" data-testid="search-partial">{t!("search-partial")}</p> })}
        {lebenslagen}
        {leistungen}
    }
}

fn links(index: &Index, hits: &[Hit], lang: Lang) -> impl IntoView {
    hits.iter()
        .map(|hit| {
            let entry = index.entry(hit.entry);
            // Uncatalogued services have German names only: say so to screen readers.
            let name_lang = (!entry.name.has(lang)).then_some("de");
            view! {
                <li class="ll-results__item">
                    <a href=href(entry, lang) lang=name_lang>{entry.name.get(lang).to_string()}</a>
                </li>
            }
        })
        .collect_view()
}

fn href(entry: &Entry, lang: Lang) -> String {
    let page = match entry.kind {
        Kind::Lebenslage => Page::Lebenslage(entry.id.clone()),
        Kind::Leistung => Page::Leistung(entry.id.clone()),
    };
    Route::new(lang, page).path()
}

/// Nothing found: a spelling hint, the suggested spelling if there is one, and every Lebenslage
/// as a way in.
#[component]
pub fn NoResults(
    lang: Lang,
    suggestion: Option<String>,
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
        <section class="ll-section ll-results" aria-labelledby="search-none-heading" data-testid="search-no-results">
            <h2 class="ll-heading-2" id="search-none-heading">{tr!(lang, "search-none-heading")}</h2>
            <p>{tr!(lang, "search-none-hint")}</p>
            {suggestion.map(|s| view! { <Suggestion lang suggestion=s on_suggestion/> })}
            <ul class="ll-results__list" data-testid="search-none-lebenslagen">{lebenslagen}</ul>
        </section>
    }
}

/// "Did you mean …?", as a button that searches for the suggested spelling.
#[component]
pub fn Suggestion(
    lang: Lang,
    suggestion: String,
    on_suggestion: Callback<String>,
) -> impl IntoView {
    let label = suggestion.clone();
    view! {
        <p class="ll-results__suggestion">
            {tr!(lang, "search-did-you-mean")}" "
            <button type="button" class="ll-link-button" data-testid="search-suggestion"
                on:click=move |_| on_suggestion.run(suggestion.clone())>{label}</button>
        </p>
    }
}

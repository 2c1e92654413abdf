use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::search::is_searchable;

use crate::browser;
use crate::components::{NoResults, PageHeading, SearchForm, SearchResults, Suggestion, PAGE_SIZE};
use crate::quiet::Quiet;
use crate::search::{use_search_index, IndexState};
use crate::state::use_lang;
use crate::{t, tr};

/// How long typing must pause before the result count is announced and the address updated:
/// screen readers are not flooded, and the history API not called on every keystroke.
const SETTLE: Duration = Duration::from_millis(700);

/// Search over the service catalogue, as the citizen types. Without JavaScript (or before the
/// wasm has loaded) the form is a plain GET form to this page.
#[component]
pub fn Search() -> impl IntoView {
    let index = use_search_index();
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    // Extra services shown by "show more", for the query they were asked for.
    let more = RwSignal::new((String::new(), 0usize));

    // After hydration (never at build time): the query of the address, also after Back.
    let url = use_query_map();
    Effect::new(move |_| query.set(url.with(|q| q.get("q")).unwrap_or_default()));
    Effect::new(move |_| {
        if query.with(|q| !q.trim().is_empty()) {
            index.load();
        }
    });

    let results = Memo::new(move |_| {
        let index = index.ready()?;
        query.with(|q| is_searchable(q).then(|| Arc::new(index.search(q))))
    });

    // The status line: what a screen reader announces once typing settles.
    let status = move || {
        let lang = lang.get();
        let q = query.get();
        match index.state() {
            IndexState::Loading if !q.trim().is_empty() => tr!(lang, "search-loading"),
            IndexState::Failed => tr!(lang, "search-failed"),
            IndexState::Ready(_) => match results.get() {
                Some(r) if r.is_empty() => tr!(lang, "search-status-none", query = q),
                Some(r) => tr!(lang, "search-status-count", count = r.len(), query = q),
                None => String::new(),
            },
            _ => String::new(),
        }
    };
    let announced = RwSignal::new(String::new());
    let settled = Quiet::new(SETTLE, move || {
        announced.set(untrack(status));
        browser::replace_query_param("q", query.get_untracked().trim());
    });
    // Reading the status subscribes to everything it depends on (the query among them).
    Effect::new(move |_| {
        status();
        settled.touch();
    });

    let on_more = Callback::new(move |_| {
        let q = query.get_untracked();
        more.update(|(for_query, extra)| {
            if *for_query != q {
                *for_query = q;
                *extra = 0;
            }
            *extra += PAGE_SIZE;
        });
    });
    let on_suggestion = Callback::new(move |s: String| {
        query.set(s);
        browser::focus_now("search-q");
    });

    let failed = move || matches!(index.state(), IndexState::Failed);
    // Whether the query found anything; `None` while there is nothing to search for.
    let found = Memo::new(move |_| results.with(|r| r.as_ref().map(|r| !r.is_empty())));
    let suggestion = Memo::new(move |_| {
        results.with(|r| r.as_ref().and_then(|r| r.suggestion.clone()))
    });
    let shown = Signal::derive(move || {
        PAGE_SIZE + more.with(|(q, n)| query.with(|cur| if q == cur { *n } else { 0 }))
    });
    let error = move || {
        let lang = lang.get();
        failed().then(|| view! {
            <div class="ll-notice ll-results" data-testid="search-error">
                <p>{tr!(lang, "search-failed")}</p>
                <button type="button" class="ll-button" data-testid="search-retry"
                    on:click=move |_| index.load()>{tr!(lang, "search-retry")}</button>
            </div>
        })
    };
    let none = move || {
        let lang = lang.get();
        (found.get() == Some(false)).then(|| view! {
            <NoResults lang suggestion=Signal::from(suggestion) on_suggestion/>
        })
    };
    // Built once the index is there and kept while the citizen types (see `SearchResults`).
    let list = move || {
        let lang = lang.get();
        index.ready().map(|ix| {
            let results = Signal::derive(move || {
                results.get().filter(|r| !r.is_empty()).unwrap_or_default()
            });
            let suggestion = move || {
                suggestion.get().filter(|_| found.get() == Some(true))
                    .map(|s| view! { <Suggestion lang suggestion=s on_suggestion/> })
            };
            view! {
                {suggestion}
                <SearchResults index=ix results lang shown on_more/>
            }
        })
    };

    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("search-heading"))/>
            <p class="ll-lead">{t!("search-lead")}</p>
            <SearchForm query/>
            <p class="ll-search__status" role="status" data-testid="search-status">{move || announced.get()}</p>
            {error}
            {none}
            {list}
        </div>
    }
}

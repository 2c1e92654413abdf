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

    // After hydration (never at build time): the query of the address, also after Back. Typing
    // loads the index itself (`SearchForm`).
    let url = use_query_map();
    Effect::new(move |_| {
        let q = url.with(|q| q.get("q")).unwrap_or_default();
        if !q.trim().is_empty() {
            index.load();
        }
        query.set(q);
    });

    let results = Memo::new(move |_| {
        let index = index.ready()?;
        query.with(|q| is_searchable(q).then(|| Arc::new(index.search(q))))
    });

    // The status line: what a screen reader announces once typing settles. Reading its inputs
    // is cheap and subscribes to them; the text is formatted only when typing has settled.
    let status_inputs = move || (lang.get(), index.state(), query.get(), results.get());
    let status = move || {
        let (lang, state, q, results) = status_inputs();
        match state {
            IndexState::Loading if !q.trim().is_empty() => tr!(lang, "search-loading"),
            IndexState::Failed => tr!(lang, "search-failed"),
            IndexState::Ready(_) => match results {
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

    // Whether the query found anything (`None` while there is nothing to search for), and the
    // suggested spelling. Plain signals, set only when they change: what depends on them is not
    // even woken by a keystroke that leaves them as they were.
    let found = RwSignal::new(None::<bool>);
    let suggestion = RwSignal::new(None::<String>);
    // The one effect per keystroke besides the results list: it follows what the status is made
    // of (the query among it), passes on what changed, and waits for typing to settle.
    Effect::new(move |_| {
        let (_, _, q, results) = status_inputs();
        let now = results.as_ref().map(|r| !r.is_empty());
        if found.get_untracked() != now {
            found.set(now);
        }
        let spelling = results.as_ref().and_then(|r| r.suggestion.as_ref());
        if suggestion.with_untracked(|s| s.as_ref() != spelling) {
            suggestion.set(spelling.cloned());
        }
        // What the status said is out of date now; it speaks again once typing settles. Cleared
        // once per burst of typing, not at every keystroke.
        if announced.with_untracked(|a| !a.is_empty()) {
            announced.set(String::new());
        }
        // Services shown by "show more" were asked for another query.
        if more.with_untracked(|(asked, extra)| *extra > 0 && *asked != q) {
            more.set((String::new(), 0));
        }
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
    let shown = Signal::derive(move || PAGE_SIZE + more.with(|(_, extra)| *extra));
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
    // Built once the index is there and kept while the citizen types: a keystroke shows, hides
    // and rewrites what is there, and builds nothing (see `SearchResults`).
    let list = move || {
        let lang = lang.get();
        index.ready().map(|ix| {
            let results = Signal::derive(move || {
                results.get().filter(|r| !r.is_empty()).unwrap_or_default()
            });
            // The suggested spelling, above the results or, when there are none, in their place.
            let suggested = move |found_some: bool| {
                Signal::derive(move || suggestion.get().filter(|_| found.get() == Some(found_some)))
            };
            view! {
                <NoResults lang visible=Signal::derive(move || found.get() == Some(false))
                    suggestion=suggested(false) on_suggestion/>
                <Suggestion lang suggestion=suggested(true) on_suggestion/>
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
            {list}
        </div>
    }
}

//! The catalogue search index in the browser: fetched lazily, the first time a citizen focuses a
//! search box or opens the search page with a query, then kept for the rest of the visit.
//!
//! The index is a static file with a content-hashed name (`build.rs`), so the gateway serves it
//! `immutable` and precompressed; it is never part of the wasm. See
//! docs/decisions/2026-11-27-catalogue-search.md.

use std::sync::Arc;

use leptos::prelude::*;
use model::search::Index;

use crate::federation::{get_text, Budget};

/// The index file's name in `dist/`, e.g. `search-index-0123456789abcdef.txt`.
pub const INDEX_FILE: &str = env!("SEARCH_INDEX_FILE");

/// The index file's contents, for the prerender step to write into `dist/`.
#[cfg(feature = "ssr")]
pub const INDEX_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/generated/search-index.txt"
));

/// Where the index stands.
#[derive(Clone, Default)]
pub enum IndexState {
    /// Not asked for yet.
    #[default]
    Idle,
    Loading,
    Ready(Arc<Index>),
    /// Could not be loaded (offline, server error, broken file); [`SearchIndex::load`] retries.
    Failed,
}

/// The shared index of the page, provided by the app frame.
#[derive(Clone, Copy)]
pub struct SearchIndex(RwSignal<IndexState>);

impl SearchIndex {
    pub fn state(&self) -> IndexState {
        self.0.get()
    }

    /// The index, once loaded.
    pub fn ready(&self) -> Option<Arc<Index>> {
        self.0.with(|s| match s {
            IndexState::Ready(index) => Some(Arc::clone(index)),
            _ => None,
        })
    }

    /// Starts loading unless loaded or loading. Call from event handlers and effects only.
    pub fn load(&self) {
        let state = self.0;
        if !state.with_untracked(|s| matches!(s, IndexState::Idle | IndexState::Failed)) {
            return;
        }
        state.set(IndexState::Loading);
        leptos::task::spawn_local(async move {
            let budget = Budget {
                millis: 30_000,
                max_bytes: 4 * 1024 * 1024,
            };
            let url = format!("/{INDEX_FILE}");
            let loaded = get_text(&url, budget, None)
                .await
                .ok()
                .and_then(|text| Index::parse(&text).ok());
            state.set(match loaded {
                Some(index) => IndexState::Ready(Arc::new(index)),
                None => IndexState::Failed,
            });
        });
    }
}

/// Provides the (not yet loaded) index to every view below.
pub fn provide_search_index() {
    provide_context(SearchIndex(RwSignal::new(IndexState::Idle)));
}

pub fn use_search_index() -> SearchIndex {
    expect_context::<SearchIndex>()
}

use leptos::either::Either;
use leptos::prelude::*;
use model::Page;

use crate::search::use_search_index;
use crate::state::href;
use crate::t;

/// The catalogue search box. A plain GET form to the search page, so it works before the
/// wasm has loaded and without JavaScript. Focusing it starts loading the search index, so
/// results are ready by the time the citizen has typed. With `query` (the search page) it
/// searches as the citizen types: the input is bound to `query`, and submitting stays on the page.
#[component]
pub fn SearchForm(#[prop(optional)] query: Option<RwSignal<String>>) -> impl IntoView {
    let index = use_search_index();
    let load = move |_| index.load();
    let input = match query {
        Some(query) => {
            let node = NodeRef::<leptos::html::Input>::new();
            // What the box shows. It follows `query` when that changes from elsewhere (the
            // address, a suggestion); not while the citizen types: setting a focused input's
            // value again, or reading it back, costs a slow phone time on every keystroke.
            let shown = StoredValue::new(String::new());
            Effect::new(move |_| {
                let q = query.get();
                if shown.with_value(|s| *s != q) {
                    if let Some(input) = node.get() {
                        input.set_value(&q);
                        shown.set_value(q);
                    }
                }
            });
            let on_input = move |ev| {
                let typed = event_target_value(&ev);
                if !typed.trim().is_empty() {
                    index.load(); // again, if it failed
                }
                shown.set_value(typed.clone());
                query.set(typed);
            };
            Either::Left(view! {
                <input class="ll-input ll-search__input" id="search-q" name="q" type="search"
                    autocomplete="off" aria-describedby="search-q-hint" data-testid="search-input"
                    node_ref=node on:focus=load on:input=on_input/>
            })
        }
        None => Either::Right(view! {
            <input class="ll-input ll-search__input" id="search-q" name="q" type="search"
                autocomplete="off" aria-describedby="search-q-hint" data-testid="search-input"
                on:focus=load/>
        }),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if query.is_some() {
            // Results are already on the page; a reload would only lose them.
            ev.prevent_default();
        }
    };
    view! {
        <form class="ll-search" role="search" method="get" action=href(Page::Search)
            data-testid="search-form" on:submit=submit>
            <label class="ll-label" for="search-q">{t!("search-label")}</label>
            <p class="ll-hint" id="search-q-hint">{t!("search-hint")}</p>
            <div class="ll-search__row">
                {input}
                <button class="ll-button" type="submit">{t!("search-submit")}</button>
            </div>
        </form>
    }
}

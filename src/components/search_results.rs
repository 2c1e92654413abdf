use std::sync::Arc;

use leptos::prelude::*;
use model::search::{Entry, Hit, Index, Kind, Results};
use model::sanitize::escape_into;
use model::{Lang, Page, Route};

use crate::catalogue;
use crate::t;
use crate::tr;

/// Services shown at first and added per "show more". Ten: enough to scan, and few enough that
/// re-rendering the list per keystroke stays within a frame on a slow phone.
pub const PAGE_SIZE: usize = 10;

/// The results of a catalogue search, grouped: Lebenslagen (all), then services (the first
/// `shown`, with a button for more). Each result is a link to its page in the current language.
///
/// Built once, when the index is there, and kept while the citizen types: a group without
/// results is hidden, not removed, and its rows are updated in place (see [`Rows`]).
#[component]
pub fn SearchResults(
    index: Arc<Index>,
    /// Empty while there is nothing to show.
    results: Signal<Arc<Results>>,
    lang: Lang,
    /// How many services to show.
    shown: Signal<usize>,
    /// Shows more services.
    on_more: Callback<()>,
) -> impl IntoView {
    let partial = Memo::new(move |_| {
        results.with(|r| !r.is_empty() && r.lebenslagen.iter().chain(&r.leistungen).all(|h| !h.complete))
    });
    let lebenslagen = Memo::new(move |_| results.with(|r| entries(&r.lebenslagen)));
    let count = Memo::new(move |_| results.with(|r| r.leistungen.len()));
    let leistungen = Memo::new(move |_| {
        results.with(|r| entries(&r.leistungen[..shown.get().min(r.leistungen.len())]))
    });
    let remaining = Memo::new(move |_| count.get().saturating_sub(shown.get()));
    let other = Arc::clone(&index);
    view! {
        <p class="ll-hint" data-testid="search-partial" hidden=move || !partial.get()>{t!("search-partial")}</p>
        <section class="ll-section ll-results" aria-labelledby="search-group-lebenslagen"
            hidden=move || lebenslagen.with(Vec::is_empty)>
            <h2 class="ll-heading-2" id="search-group-lebenslagen">
                {move || tr!(lang, "search-group-lebenslagen", count = lebenslagen.with(Vec::len))}
            </h2>
            <Rows index entries=lebenslagen lang testid="search-results-lebenslagen"/>
        </section>
        <section class="ll-section ll-results" aria-labelledby="search-group-leistungen"
            hidden=move || count.get() == 0>
            <h2 class="ll-heading-2" id="search-group-leistungen">
                {move || tr!(lang, "search-group-leistungen", count = count.get())}
            </h2>
            <Rows index=other entries=leistungen lang testid="search-results-leistungen"/>
            <button type="button" class="ll-button" data-testid="search-more"
                hidden=move || remaining.get() == 0 on:click=move |_| on_more.run(())>
                {move || tr!(lang, "search-more", count = remaining.get().min(PAGE_SIZE))}
            </button>
        </section>
    }
}

fn entries(hits: &[Hit]) -> Vec<u32> {
    hits.iter().map(|h| h.entry).collect()
}

/// A list of result links, kept in step with `entries` by hand: a row whose entry is unchanged
/// is not touched, a changed row gets its link's address and name, rows to add come as one
/// piece of markup. Typing mostly narrows the results, so most keystrokes touch a few rows, and
/// none does more than a handful of DOM calls per row; rendering each row as a view costs a
/// slow phone several times that. The links are plain (the router handles their clicks at the
/// document). Empty in the prerendered page: results exist only in the browser.
#[component]
fn Rows(
    index: Arc<Index>,
    entries: Memo<Vec<u32>>,
    lang: Lang,
    testid: &'static str,
) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ul>::new();
    // The entries whose rows are in the list, in order.
    let shown = StoredValue::new(Vec::<u32>::new());
    Effect::new(move |_| {
        let Some(ul) = list.get() else {
            return;
        };
        entries.with(|new| {
            shown.update_value(|old| {
                update_rows(&ul, &index, old, new, lang);
                old.clone_from(new);
            })
        });
    });
    view! { <ul class="ll-results__list" data-testid=testid node_ref=list></ul> }
}

#[cfg(feature = "hydrate")]
fn update_rows(ul: &web_sys::Element, index: &Index, old: &[u32], new: &[u32], lang: Lang) {
    let mut row = ul.first_element_child();
    for (&was, &entry) in old.iter().zip(new) {
        let Some(li) = row else {
            return;
        };
        if was != entry {
            if let Some(link) = li.first_element_child() {
                let entry = index.entry(entry);
                let _ = link.set_attribute("href", &href(entry, lang));
                link.set_text_content(Some(entry.name.get(lang)));
                let _ = match entry.name.has(lang) {
                    true => link.remove_attribute("lang"),
                    false => link.set_attribute("lang", "de"),
                };
            }
        }
        row = li.next_element_sibling();
    }
    if new.len() > old.len() {
        let _ = ul.insert_adjacent_html("beforeend", &rows_html(index, &new[old.len()..], lang));
    }
    for _ in new.len()..old.len() {
        if let Some(last) = ul.last_element_child() {
            last.remove();
        }
    }
}

#[cfg(not(feature = "hydrate"))]
fn update_rows(_: &impl Sized, _: &Index, _: &[u32], _: &[u32], _: Lang) {}

/// The list items of `entries`: each a link to its page in `lang`, the name escaped. Names only
/// in German (uncatalogued services) say so to screen readers with `lang="de"`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // rows exist only in the browser
fn rows_html(index: &Index, entries: &[u32], lang: Lang) -> String {
    let mut html = String::with_capacity(entries.len() * 120);
    for &i in entries {
        let entry = index.entry(i);
        html.push_str(r#"<li class="ll-results__item"><a href=""#);
        escape_into(&mut html, &href(entry, lang));
        html.push('"');
        if !entry.name.has(lang) {
            html.push_str(r#" lang="de""#);
        }
        html.push('>');
        escape_into(&mut html, entry.name.get(lang));
        html.push_str("</a></li>");
    }
    html
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
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
        <section class="ll-section ll-results" aria-labelledby="search-none-heading" data-testid="search-no-results">
            <h2 class="ll-heading-2" id="search-none-heading">{tr!(lang, "search-none-heading")}</h2>
            <p>{tr!(lang, "search-none-hint")}</p>
            {move || suggestion.get().map(|s| view! { <Suggestion lang suggestion=s on_suggestion/> })}
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

#[cfg(test)]
mod tests {
    use super::*;
    use model::search::INDEX_HEADER;

    fn index() -> Index {
        let text = format!(
            "{INDEX_HEADER}\nK\t99000000000001\tGebühr <für> \"A&B\"\nC\t99041008000000\tKindergeld beantragen\tApply for child benefit\tkindergeld\n"
        );
        Index::parse(&text).unwrap()
    }


    #[test]
    fn rows_link_each_hit_in_the_page_language() {
        let html = rows_html(&index(), &[1], Lang::En);
        assert_eq!(
            html,
            r#"<li class="ll-results__item"><a href="/en/leistungen/99041008000000">Apply for child benefit</a></li>"#
        );
    }

    #[test]
    fn rows_escape_names_and_mark_german_only_names() {
        let html = rows_html(&index(), &[0], Lang::En);
        assert!(html.contains(r#" lang="de">Gebühr &lt;für&gt; &quot;A&amp;B&quot;</a>"#), "{html}");
        let de = rows_html(&index(), &[0], Lang::De);
        assert!(!de.contains("lang="), "{de}");
        assert!(rows_html(&index(), &[], Lang::De).is_empty());
    }
}

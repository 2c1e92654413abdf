//! The catalogue search's results: grouped links, painted from plain data by one effect.

use std::sync::Arc;

use leptos::prelude::*;
use model::search::{Entry, Hit, Index, Kind, Results};
use model::sanitize::escape_into;
use model::{Lang, Page, Route};

use crate::t;
#[cfg(feature = "hydrate")] // headings and the button are written only in the browser
use crate::tr;

/// Services shown at first and added per "show more". Ten: enough to scan, and few enough that
/// updating the list per keystroke stays within a frame on a slow phone.
pub const PAGE_SIZE: usize = 10;

/// What the results part of the page shows for one query, as plain data: the page compares it
/// with what is on screen and touches only what differs, so a keystroke that changes nothing
/// visible costs no DOM work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// Every Lebenslage found.
    pub lebenslagen: Vec<u32>,
    /// The first services found, as many as asked for.
    pub leistungen: Vec<u32>,
    /// How many services were found in all.
    pub count: usize,
    /// Nothing matched every word: the results match only some.
    pub partial: bool,
}

impl Shown {
    /// The groups of `results`, with at most `shown` services.
    pub fn of(results: &Results, shown: usize) -> Self {
        let entries = |hits: &[Hit]| hits.iter().map(|h| h.entry).collect();
        Shown {
            lebenslagen: entries(&results.lebenslagen),
            leistungen: entries(&results.leistungen[..shown.min(results.leistungen.len())]),
            count: results.leistungen.len(),
            partial: !results.is_empty()
                && results.lebenslagen.iter().chain(&results.leistungen).all(|h| !h.complete),
        }
    }

    /// Services found but not shown yet.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // painted only in the browser
    pub fn remaining(&self) -> usize {
        self.count - self.leistungen.len()
    }
}

/// The results of a catalogue search, grouped: Lebenslagen (all), then services (the first
/// `shown`, with a button for more). Each result is a link to its page in the current language.
///
/// Built once, when the index is there, and kept while the citizen types. One effect brings it
/// in step with the results: a group without results is hidden, not removed; a heading or
/// button is rewritten only when its count changes; rows are updated in place (see
/// [`update_rows`]). On a slow phone, the reactive bookkeeping of a dozen small effects per
/// keystroke cost more than the search itself (docs/decisions/2026-11-27-one-effect-per-keystroke.md).
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
    let parts = Parts::default();
    // The rows of each list: made before the citizen types, so typing parses no markup.
    let lebenslagen = index.entries().iter().filter(|e| e.kind == Kind::Lebenslage).count();
    let on_screen = StoredValue::new(OnScreen {
        shown: Shown::default(),
        lebenslagen: vec![NO_ENTRY; lebenslagen],
        leistungen: vec![NO_ENTRY; PAGE_SIZE],
    });
    // The elements, looked up once: reading eight node refs at every keystroke is bookkeeping
    // too. Until they are mounted, reading them subscribes the effect to their mounting.
    let dom = StoredValue::new_local(None::<Dom>);
    // After "show more", the row to focus: the first service added. The button may go, and a
    // keyboard user goes on where the list grew.
    let focus = StoredValue::new(None::<usize>);
    let more = move |_| {
        focus.set_value(Some(on_screen.with_value(|s| s.shown.leistungen.len())));
        on_more.run(());
    };
    Effect::new(move |_| {
        if dom.with_value(Option::is_none) {
            dom.set_value(parts.get());
        }
        let next = results.with(|r| Shown::of(r, shown.get()));
        dom.with_value(|dom| {
            let Some(dom) = dom else {
                return;
            };
            on_screen.update_value(|screen| {
                if screen.shown != next {
                    paint(dom, &index, lang, screen, next);
                    if let Some(row) = focus.get_value() {
                        focus.set_value(None);
                        focus_row(dom, row);
                    }
                }
            });
        });
    });
    let empty_rows = |n: usize| {
        (0..n)
            .map(|_| view! { <li class="ll-results__item" hidden><a></a></li> })
            .collect_view()
    };
    view! {
        <p class="ll-hint" data-testid="search-partial" hidden node_ref=parts.partial>{t!("search-partial")}</p>
        <section class="ll-section ll-results" aria-labelledby="search-group-lebenslagen" hidden
            node_ref=parts.lebenslagen>
            <h2 class="ll-heading-2" id="search-group-lebenslagen" node_ref=parts.lebenslagen_heading></h2>
            <ul class="ll-results__list" data-testid="search-results-lebenslagen"
                node_ref=parts.lebenslagen_rows>{empty_rows(lebenslagen)}</ul>
        </section>
        <section class="ll-section ll-results" aria-labelledby="search-group-leistungen" hidden
            node_ref=parts.leistungen>
            <h2 class="ll-heading-2" id="search-group-leistungen" node_ref=parts.leistungen_heading></h2>
            <ul class="ll-results__list" data-testid="search-results-leistungen"
                node_ref=parts.leistungen_rows>{empty_rows(PAGE_SIZE)}</ul>
            <button type="button" class="ll-button" data-testid="search-more" hidden
                node_ref=parts.more on:click=more></button>
        </section>
    }
}

/// A row that shows no entry yet.
const NO_ENTRY: u32 = u32::MAX;

/// What the DOM shows now: the groups, and the entry of every row made so far (the rows past
/// the shown ones are hidden and keep their last entry, so showing it again costs nothing).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // painted only in the browser
struct OnScreen {
    shown: Shown,
    lebenslagen: Vec<u32>,
    leistungen: Vec<u32>,
}

/// The elements the effect updates.
#[derive(Clone, Copy, Default)]
struct Parts {
    partial: NodeRef<leptos::html::P>,
    lebenslagen: NodeRef<leptos::html::Section>,
    lebenslagen_heading: NodeRef<leptos::html::H2>,
    lebenslagen_rows: NodeRef<leptos::html::Ul>,
    leistungen: NodeRef<leptos::html::Section>,
    leistungen_heading: NodeRef<leptos::html::H2>,
    leistungen_rows: NodeRef<leptos::html::Ul>,
    more: NodeRef<leptos::html::Button>,
}

#[cfg(not(feature = "hydrate"))]
type Dom = std::convert::Infallible;

#[cfg(feature = "hydrate")]
struct Dom {
    partial: web_sys::HtmlElement,
    lebenslagen: web_sys::HtmlElement,
    lebenslagen_heading: web_sys::HtmlElement,
    lebenslagen_rows: web_sys::Element,
    leistungen: web_sys::HtmlElement,
    leistungen_heading: web_sys::HtmlElement,
    leistungen_rows: web_sys::Element,
    more: web_sys::HtmlElement,
}

impl Parts {
    /// The elements, once mounted. Subscribes the caller to their mounting.
    #[cfg(feature = "hydrate")]
    fn get(&self) -> Option<Dom> {
        Some(Dom {
            partial: self.partial.get()?.into(),
            lebenslagen: self.lebenslagen.get()?,
            lebenslagen_heading: self.lebenslagen_heading.get()?.into(),
            lebenslagen_rows: self.lebenslagen_rows.get()?.into(),
            leistungen: self.leistungen.get()?,
            leistungen_heading: self.leistungen_heading.get()?.into(),
            leistungen_rows: self.leistungen_rows.get()?.into(),
            more: self.more.get()?.into(),
        })
    }

    /// Never on the server: results exist only in the browser.
    #[cfg(not(feature = "hydrate"))]
    fn get(&self) -> Option<Dom> {
        None
    }
}

/// Brings the DOM from `screen` to `next`.
#[cfg(feature = "hydrate")]
fn paint(dom: &Dom, index: &Index, lang: Lang, screen: &mut OnScreen, next: Shown) {
    let was = &screen.shown;
    if was.partial != next.partial {
        dom.partial.set_hidden(!next.partial);
    }
    let lebenslagen = next.lebenslagen.len();
    if was.lebenslagen.len() != lebenslagen {
        dom.lebenslagen.set_hidden(lebenslagen == 0);
        let heading = tr!(lang, "search-group-lebenslagen", count = lebenslagen);
        dom.lebenslagen_heading.set_text_content(Some(&heading));
    }
    update_rows(&dom.lebenslagen_rows, index, lang, &mut screen.lebenslagen, was.lebenslagen.len(), &next.lebenslagen);
    if was.count != next.count {
        dom.leistungen.set_hidden(next.count == 0);
        let heading = tr!(lang, "search-group-leistungen", count = next.count);
        dom.leistungen_heading.set_text_content(Some(&heading));
    }
    update_rows(&dom.leistungen_rows, index, lang, &mut screen.leistungen, was.leistungen.len(), &next.leistungen);
    let remaining = next.remaining();
    if was.remaining() != remaining {
        dom.more.set_hidden(remaining == 0);
        let label = tr!(lang, "search-more", count = remaining.min(PAGE_SIZE));
        dom.more.set_text_content(Some(&label));
    }
    screen.shown = next;
}

#[cfg(not(feature = "hydrate"))]
fn paint(dom: &Dom, _: &Index, _: Lang, _: &mut OnScreen, _: Shown) {
    match *dom {}
}

/// Moves focus to the link of the `row`th service.
#[cfg(feature = "hydrate")]
fn focus_row(dom: &Dom, row: usize) {
    use wasm_bindgen::JsCast;
    let link = dom.leistungen_rows.children().item(row as u32).and_then(|li| li.first_element_child());
    if let Some(link) = link.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
}

#[cfg(not(feature = "hydrate"))]
fn focus_row(dom: &Dom, _: usize) {
    match *dom {}
}

/// Shows `new` in the list `ul`, whose first `visible` rows are shown and whose rows show the
/// entries `rows`. A row keeps its element: a changed one gets its link's address, name and
/// language; rows past `new` are hidden. Only a list longer than ever before ("show more")
/// adds rows, as one piece of markup. Typing mostly narrows the results, so most keystrokes
/// touch a few rows.
#[cfg(feature = "hydrate")]
fn update_rows(ul: &web_sys::Element, index: &Index, lang: Lang, rows: &mut Vec<u32>, visible: usize, new: &[u32]) {
    let mut row = ul.first_element_child();
    for (i, &entry) in new.iter().enumerate().take(rows.len()) {
        let Some(li) = row else {
            return;
        };
        if rows[i] != entry {
            if let Some(link) = li.first_element_child() {
                let (was, now) = (rows[i], index.entry(entry));
                let _ = link.set_attribute("href", &href(now, lang));
                link.set_text_content(Some(now.name.get(lang)));
                // Names only in German say so to screen readers (see `rows_html`).
                let german_only = !now.name.has(lang);
                let was_german_only = was != NO_ENTRY && !index.entry(was).name.has(lang);
                if german_only != was_german_only {
                    let _ = match german_only {
                        true => link.set_attribute("lang", "de"),
                        false => link.remove_attribute("lang"),
                    };
                }
            }
            rows[i] = entry;
        }
        if i >= visible {
            let _ = li.remove_attribute("hidden");
        }
        row = li.next_element_sibling();
    }
    if new.len() > rows.len() {
        let _ = ul.insert_adjacent_html("beforeend", &rows_html(index, &new[rows.len()..], lang));
        rows.extend_from_slice(&new[rows.len()..]);
        return;
    }
    for _ in new.len()..visible {
        let Some(li) = row else {
            return;
        };
        let _ = li.set_attribute("hidden", "");
        row = li.next_element_sibling();
    }
}

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


    fn hit(entry: u32, complete: bool) -> Hit {
        Hit { entry, complete }
    }

    #[test]
    fn shown_keeps_every_lebenslage_and_the_asked_number_of_services() {
        let results = Results {
            lebenslagen: vec![hit(7, true)],
            leistungen: (0..13).map(|i| hit(i, true)).collect(),
            suggestion: None,
        };
        let shown = Shown::of(&results, PAGE_SIZE);
        assert_eq!(shown.lebenslagen, [7]);
        assert_eq!(shown.leistungen, (0..10).collect::<Vec<_>>());
        assert_eq!((shown.count, shown.remaining(), shown.partial), (13, 3, false));
        let all = Shown::of(&results, 2 * PAGE_SIZE);
        assert_eq!((all.leistungen.len(), all.remaining()), (13, 0));
    }

    #[test]
    fn shown_is_partial_only_when_no_hit_matches_every_word() {
        let some = |complete| Results { lebenslagen: vec![], leistungen: vec![hit(1, false), hit(2, complete)], suggestion: None };
        assert!(Shown::of(&some(false), PAGE_SIZE).partial);
        assert!(!Shown::of(&some(true), PAGE_SIZE).partial);
        assert_eq!(Shown::of(&Results::default(), PAGE_SIZE), Shown::default());
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

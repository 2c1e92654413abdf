//! The root component: document metadata, the router and the page frame.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use model::{Page, Route};

use crate::browser;
use crate::components::{SiteFooter, SiteHeader, SkipLink};
use crate::pages;

/// The whole app. Routing is ours ([`model::Route::parse`], shared with the gateway and the
/// prerender step); Leptos' router supplies the location, history and link interception.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Frame/>
        </Router>
    }
}

/// Page frame: skip link, header, the current page in `<main>`, footer.
#[component]
fn Frame() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| Route::parse(&location.pathname.get()));
    provide_context(route);
    crate::federation::provide_runtime_config();
    let page = Memo::new(move |_| route.with(|r| r.page.clone()));
    let lang = move || route.with(|r| r.lang.code());
    let dir = move || route.with(|r| r.lang.dir());

    // After the first render the app is interactive; on every later navigation focus moves to
    // the new page's heading so screen readers announce it and Tab starts from the content.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        match previous {
            None => browser::mark_ready(),
            Some(prev) if prev != path => browser::focus_later(crate::components::HEADING_ID),
            Some(_) => {}
        }
        path
    });

    view! {
        <Html {..} lang=lang dir=dir/>
        <Title formatter=|text: String| format!("{text} – Lebenslagen")/>
        <div class="ll-app">
            <SkipLink/>
            <SiteHeader/>
            <main id="main" class="ll-main" tabindex="-1">
                {move || match page.get() {
                    Page::Home => pages::Home().into_any(),
                    Page::Lebenslage(id) => view! { <pages::Lebenslage id/> }.into_any(),
                    Page::Leistung(id) => view! { <pages::Leistung id/> }.into_any(),
                    Page::Search => pages::Search().into_any(),
                    Page::Account => pages::Account().into_any(),
                    Page::Accessibility => pages::Accessibility().into_any(),
                    Page::Imprint => pages::Imprint().into_any(),
                    Page::Privacy => pages::Privacy().into_any(),
                    Page::NotFound => pages::NotFound().into_any(),
                }}
            </main>
            <SiteFooter/>
        </div>
    }
}

//! The root component: document metadata, the router and the page frame.

use leptos::either::EitherOf9;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use model::{Page, Route};

use crate::browser;
use crate::components::sign_in::AuthNotice;
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
    crate::place::provide_place();
    crate::search::provide_search_index();
    let page = Memo::new(move |_| route.with(|r| r.page.clone()));
    let lang = move || route.with(|r| r.lang.code());
    let dir = move || route.with(|r| r.lang.dir());
    let pathname = Memo::new(move |_| location.pathname.get());
    let search = Memo::new(move |_| location.search.get());
    crate::auth::provide_auth(pathname, search);

    // After the first render the app is interactive; on every later navigation focus moves to
    // the new page's heading so screen readers announce it and Tab starts from the content.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        match previous {
            None => browser::mark_ready(),
            Some(prev) if prev != path => {
                browser::complete_navigation();
                browser::focus_later(crate::components::HEADING_ID);
            }
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
                <AuthNotice/>
                {move || match page.get() {
                    // An enum rather than boxed views (`into_any`): a boxed view compiles an
                    // async hydration path for its whole subtree, which doubled the wasm.
                    Page::Home => EitherOf9::A(pages::Home()),
                    Page::Lebenslage(id) => EitherOf9::B(view! { <pages::Lebenslage id/> }),
                    Page::Leistung(id) => EitherOf9::C(view! { <pages::Leistung id/> }),
                    Page::Search => EitherOf9::D(pages::Search()),
                    Page::Account => EitherOf9::E(pages::Account()),
                    Page::Accessibility => EitherOf9::F(pages::Accessibility()),
                    Page::Imprint => EitherOf9::G(pages::Imprint()),
                    Page::Privacy => EitherOf9::H(pages::Privacy()),
                    Page::NotFound => EitherOf9::I(pages::NotFound()),
                }}
            </main>
            <SiteFooter/>
        </div>
    }
}

//! Client state shared through context.

use leptos::prelude::*;
use model::Route;

/// The current route, parsed from the URL path. The language comes from here and nowhere
/// else, so the prerendered HTML and the hydrating app always agree.
pub fn use_route() -> Memo<Route> {
    expect_context::<Memo<Route>>()
}

/// The current language, as a reactive value.
pub fn use_lang() -> Memo<model::Lang> {
    let route = use_route();
    Memo::new(move |_| route.with(|r| r.lang))
}

/// A link target for a page in the current language.
pub fn href(page: model::Page) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let route = use_route();
    let page = StoredValue::new(page);
    move || Route::new(route.with(|r| r.lang), page.get_value()).path()
}

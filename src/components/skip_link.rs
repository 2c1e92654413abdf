use leptos::prelude::*;

use crate::browser;
use crate::t;

/// "Zum Inhalt springen": the first focusable element, visible when focused (WCAG 2.4.1).
/// It moves focus itself because the router would otherwise treat the fragment as navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus_now("main");
    };
    view! {
        <a class="ll-skip-link" href="#main" data-testid="skip-link" on:click=on_click>
            {t!("skip-to-content")}
        </a>
    }
}

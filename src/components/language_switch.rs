use leptos::prelude::*;
use model::Lang;

use crate::browser;
use crate::state::use_route;
use crate::t;

/// Links to the same page in each other language. A plain link: the router navigates without
/// a reload, and it works without JavaScript too. The choice is remembered for `/`.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let route = use_route();
    let others = move || {
        let current = route.get();
        Lang::ALL
            .into_iter()
            .filter(|l| *l != current.lang)
            .map(|other| {
                let href = current.in_lang(other).path();
                view! {
                    <a
                        class="ll-language-switch__link"
                        href=href
                        hreflang=other.code()
                        lang=other.code()
                        data-testid="language-switch"
                        on:click=move |_| browser::remember_lang(other)
                    >
                        {other.endonym()}
                    </a>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="ll-language-switch" aria-label=t!("language-switch-label")>
            {others}
        </nav>
    }
}

use leptos::prelude::*;
use model::Page;

use crate::components::sign_in::SignInStatus;
use crate::components::LanguageSwitch;
use crate::state::{href, use_route};
use crate::t;

/// Site header: the service name (home link), the main navigation and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let route = use_route();
    let current = move |page: Page| move || route.with(|r| r.page == page).then_some("page");
    view! {
        <header class="ll-header" data-testid="site-header">
            <div class="ll-header__inner ll-container">
                <a class="ll-header__home" href=href(Page::Home) aria-current=current(Page::Home)>
                    <span class="ll-header__logo" aria-hidden="true"></span>
                    <span class="ll-header__name">{t!("app-name")}</span>
                </a>
                <nav class="ll-header__nav" aria-label=t!("main-nav-label")>
                    <ul class="ll-header__list">
                        <li>
                            <a class="ll-header__link" href=href(Page::Search)
                                aria-current=current(Page::Search) data-testid="nav-search">
                                {t!("nav-search")}
                            </a>
                        </li>
                        <li>
                            <a class="ll-header__link" href=href(Page::Account)
                                aria-current=current(Page::Account) data-testid="nav-account">
                                {t!("nav-account")}
                            </a>
                        </li>
                    </ul>
                </nav>
                <SignInStatus/>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

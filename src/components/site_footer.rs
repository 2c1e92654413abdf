use leptos::prelude::*;
use model::Page;

use crate::components::SampleOperatorNotice;
use crate::operator::operator;
use crate::state::href;
use crate::t;

/// Site footer: the legally required pages (accessibility statement, imprint, privacy) on
/// every page, the operator, and the sample notice while the operator is a sample.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="ll-footer" data-testid="site-footer">
            <div class="ll-container">
                <nav aria-label=t!("footer-nav-label")>
                    <ul class="ll-footer__list">
                        <li><a class="ll-footer__link" href=href(Page::Accessibility)>{t!("nav-accessibility")}</a></li>
                        <li><a class="ll-footer__link" href=href(Page::Imprint)>{t!("nav-imprint")}</a></li>
                        <li><a class="ll-footer__link" href=href(Page::Privacy)>{t!("nav-privacy")}</a></li>
                    </ul>
                </nav>
                <p class="ll-footer__operator">{t!("footer-operator", name = operator().name.clone())}</p>
                <SampleOperatorNotice/>
                <p class="ll-footer__licence">
                    {t!("footer-data")}" "
                    <a href=move || format!("{}#datenquellen", href(Page::Imprint)())>{t!("footer-data-link")}</a>
                </p>
                <p class="ll-footer__licence">{t!("footer-licence")}</p>
            </div>
        </footer>
    }
}

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::operator::operator;
use crate::t;

/// Erklärung zur Barrierefreiheit (§ 12b BGG, § 7 BITV 2.0): status, known barriers,
/// feedback mechanism and the conciliation procedure.
#[component]
pub fn Accessibility() -> impl IntoView {
    let op = operator();
    let a = &op.accessibility;
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("a11y-heading"))/>
            <p class="ll-lead">{t!("a11y-intro", operator = op.name.clone())}</p>
            <section class="ll-section" aria-labelledby="a11y-status">
                <h2 class="ll-heading-2" id="a11y-status">{t!("a11y-status-heading")}</h2>
                <p>{t!("a11y-status-text")}</p>
            </section>
            <section class="ll-section" aria-labelledby="a11y-barriers">
                <h2 class="ll-heading-2" id="a11y-barriers">{t!("a11y-barriers-heading")}</h2>
                <ul class="ll-list">
                    <li>{t!("a11y-barrier-easy-language")}</li>
                    <li>{t!("a11y-barrier-sources")}</li>
                    <li>{t!("a11y-barrier-manual-test")}</li>
                </ul>
            </section>
            <section class="ll-section" aria-labelledby="a11y-method">
                <h2 class="ll-heading-2" id="a11y-method">{t!("a11y-method-heading")}</h2>
                <p>{t!("a11y-method-text", date = a.statement_date.clone())}</p>
            </section>
            <section class="ll-section" aria-labelledby="a11y-feedback" data-testid="accessibility-feedback">
                <h2 class="ll-heading-2" id="a11y-feedback">{t!("a11y-feedback-heading")}</h2>
                <p>{t!("a11y-feedback-text")}</p>
                <dl class="ll-facts">
                    <dt>{t!("label-email")}</dt>
                    <dd><a href=format!("mailto:{}", a.feedback_email)>{a.feedback_email.clone()}</a></dd>
                    <dt>{t!("label-phone")}</dt>
                    <dd><a href=format!("tel:{}", a.feedback_phone.replace([' ', '-'], ""))>{a.feedback_phone.clone()}</a></dd>
                </dl>
            </section>
            <section class="ll-section" aria-labelledby="a11y-conciliation">
                <h2 class="ll-heading-2" id="a11y-conciliation">{t!("a11y-conciliation-heading")}</h2>
                <p>{t!("a11y-conciliation-text")}</p>
                <p>
                    <a href=a.conciliation_url.clone() data-testid="schlichtungsstelle-link">
                        {a.conciliation_name.clone()}
                    </a>
                </p>
                <p>
                    {t!("a11y-enforcement-text")}" "
                    <a href=a.enforcement_url.clone()>{a.enforcement_name.clone()}</a>
                </p>
            </section>
        </div>
    }
}

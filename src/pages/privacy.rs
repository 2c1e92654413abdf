use leptos::prelude::*;

use crate::components::{PageHeading, SampleOperatorNotice};
use crate::operator::operator;
use crate::t;

/// Datenschutzerklärung (Art. 13 DSGVO): what this deployment processes, and why.
#[component]
pub fn Privacy() -> impl IntoView {
    let op = operator();
    let p = &op.privacy;
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("privacy-heading"))/>
            <SampleOperatorNotice/>
            <section class="ll-section" aria-labelledby="privacy-controller">
                <h2 class="ll-heading-2" id="privacy-controller">{t!("privacy-controller")}</h2>
                <address class="ll-address">
                    {op.name.clone()}<br/>
                    {op.street.clone()}<br/>
                    {format!("{} {}", op.postal_code, op.city)}<br/>
                    <a href=format!("mailto:{}", op.email)>{op.email.clone()}</a>
                </address>
                <p>
                    {t!("privacy-dpo", name = p.dpo_name.clone())}" "
                    <a href=format!("mailto:{}", p.dpo_email)>{p.dpo_email.clone()}</a>
                </p>
            </section>
            <section class="ll-section" aria-labelledby="privacy-logs">
                <h2 class="ll-heading-2" id="privacy-logs">{t!("privacy-logs-heading")}</h2>
                <p>{t!("privacy-logs-text")}</p>
            </section>
            <section class="ll-section" aria-labelledby="privacy-device">
                <h2 class="ll-heading-2" id="privacy-device">{t!("privacy-device-heading")}</h2>
                <p>{t!("privacy-device-text")}</p>
            </section>
            <section class="ll-section" aria-labelledby="privacy-third">
                <h2 class="ll-heading-2" id="privacy-third">{t!("privacy-third-heading")}</h2>
                <p>{t!("privacy-third-text")}</p>
            </section>
            <section class="ll-section" aria-labelledby="privacy-rights">
                <h2 class="ll-heading-2" id="privacy-rights">{t!("privacy-rights-heading")}</h2>
                <p>{t!("privacy-rights-text")}</p>
                <p>
                    {t!("privacy-complaint")}" "
                    <a href=p.supervisory_url.clone()>{p.supervisory_name.clone()}</a>
                </p>
            </section>
        </div>
    }
}

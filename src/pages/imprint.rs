use leptos::prelude::*;

use crate::components::{PageHeading, SampleOperatorNotice};
use crate::operator::operator;
use crate::t;

/// Impressum (§ 5 DDG): who is responsible, from the operator configuration.
#[component]
pub fn Imprint() -> impl IntoView {
    let op = operator();
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("imprint-heading"))/>
            <SampleOperatorNotice/>
            <section class="ll-section" aria-labelledby="imprint-provider">
                <h2 class="ll-heading-2" id="imprint-provider">{t!("imprint-provider")}</h2>
                <address class="ll-address" data-testid="operator-address">
                    {op.name.clone()}<br/>
                    {op.legal_form.clone()}<br/>
                    {op.street.clone()}<br/>
                    {format!("{} {}", op.postal_code, op.city)}
                </address>
                <p>{t!("imprint-represented-by", name = op.representative.clone())}</p>
            </section>
            <section class="ll-section" aria-labelledby="imprint-contact">
                <h2 class="ll-heading-2" id="imprint-contact">{t!("imprint-contact")}</h2>
                <dl class="ll-facts">
                    <dt>{t!("label-email")}</dt>
                    <dd><a href=format!("mailto:{}", op.email)>{op.email.clone()}</a></dd>
                    <dt>{t!("label-phone")}</dt>
                    <dd><a href=format!("tel:{}", op.phone.replace([' ', '-'], ""))>{op.phone.clone()}</a></dd>
                </dl>
            </section>
            <section class="ll-section" aria-labelledby="imprint-supervision">
                <h2 class="ll-heading-2" id="imprint-supervision">{t!("imprint-supervision")}</h2>
                <p>{op.supervisory_authority.clone()}</p>
            </section>
            <section class="ll-section" aria-labelledby="imprint-data" id="datenquellen">
                <h2 class="ll-heading-2" id="imprint-data">{t!("imprint-data")}</h2>
                <p>{t!("imprint-data-text")}</p>
                <ul class="ll-list" data-testid="data-attributions">
                    {crate::catalogue::attributions().iter().map(|a| view! { <li lang="de">{a.clone()}</li> }).collect_view()}
                </ul>
            </section>
            <section class="ll-section" aria-labelledby="imprint-software">
                <h2 class="ll-heading-2" id="imprint-software">{t!("imprint-software")}</h2>
                <p>{t!("imprint-software-text")}</p>
            </section>
        </div>
    }
}

use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::auth::{Claim, SessionInfo};
use model::{Lang, TrustLevel};

use crate::auth::use_auth;
use crate::browser;
use crate::components::sign_in::{current_login_href, level_name};
use crate::components::PageHeading;
use crate::state::use_lang;
use crate::{t, tr};

/// The citizen's service account (Servicekonto): what it provides, where each piece comes from
/// and how trustworthy it is, and what is (not) stored. The data is fetched after hydration;
/// the prerendered page shows the signed-out state's neutral text.
#[component]
pub fn Account() -> impl IntoView {
    let auth = use_auth();
    let lang = use_lang();
    let login = current_login_href(None);
    let body = move || match auth.session.get() {
        Some(info) if info.signed_in => EitherOf3::A(view! { <SignedIn info lang=lang.get()/> }),
        Some(_) => EitherOf3::B(view! {
            <p data-testid="account-signed-out">{t!("auth-account-signed-out")}</p>
            <p><a class="ll-button ll-button--link" href=login rel="external" data-testid="account-sign-in">
                {t!("auth-account-sign-in")}
            </a></p>
        }),
        None => EitherOf3::C(view! {
            <p data-testid="account-loading">{t!("auth-account-loading")}</p>
            <p><a class="ll-button ll-button--link" href=login rel="external" data-testid="account-sign-in">
                {t!("auth-account-sign-in")}
            </a></p>
        }),
    };
    view! {
        <div class="ll-container ll-page">
            <PageHeading text=Signal::derive(t!("account-heading"))/>
            <p class="ll-lead">{t!("auth-account-intro")}</p>
            <div data-testid="account-body">{body}</div>
            <section class="ll-section" aria-labelledby="account-stored">
                <h2 class="ll-heading-2" id="account-stored">{t!("auth-stored-heading")}</h2>
                <p data-testid="account-stored">{t!("auth-stored-text")}</p>
                <p>{t!("auth-stored-device")}</p>
            </section>
        </div>
    }
}

#[component]
fn SignedIn(info: SessionInfo, lang: Lang) -> impl IntoView {
    let provider = info.provider.clone().unwrap_or_default();
    let level = info.trust_level.clone().unwrap_or(TrustLevel::Other(String::new()));
    let claims = info.claims.clone().unwrap_or_default();
    let source = provider.clone();
    let row = move |label: String, value: Option<(String, Option<TrustLevel>)>, testid: &'static str| {
        let source = source.clone();
        value.map(|(value, trust)| {
            let trust_text = match &trust {
                Some(TrustLevel::Hoch) => tr!(lang, "auth-trust-hoch"),
                Some(TrustLevel::Substanziell) => tr!(lang, "auth-trust-substanziell"),
                Some(TrustLevel::Basisregistrierung) => tr!(lang, "auth-trust-basisregistrierung"),
                _ => tr!(lang, "auth-trust-none"),
            };
            let trust_code = trust.map(|t| t.as_str().to_string()).unwrap_or_default();
            view! {
                <tr data-testid=testid>
                    <th scope="row">{label}</th>
                    <td class="ll-account__value">{value}</td>
                    <td>{source}</td>
                    <td data-trust=trust_code>{trust_text}</td>
                </tr>
            }
        })
    };
    let simple = |c: Option<Claim<String>>| c.map(|c| (c.value, c.trust_level));
    let address = claims.address.clone().map(|c| {
        let a = c.value;
        let line2 = [a.postal_code, a.locality].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let text = [a.street_address, Some(line2), a.country]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        (text, c.trust_level)
    });
    let rows = vec![
        row(tr!(lang, "auth-claim-given-name"), simple(claims.given_name.clone()), "claim-given-name"),
        row(tr!(lang, "auth-claim-family-name"), simple(claims.family_name.clone()), "claim-family-name"),
        row(tr!(lang, "auth-claim-birthdate"), simple(claims.birthdate.clone()), "claim-birthdate"),
        row(tr!(lang, "auth-claim-address"), address, "claim-address"),
        row(tr!(lang, "auth-claim-email"), simple(claims.email.clone()), "claim-email"),
    ];
    let ends = match (info.idle_expires_at, info.expires_at) {
        (Some(idle), Some(absolute)) => Some(tr!(
            lang,
            "auth-session-ends",
            idle = browser::local_time(idle, lang),
            absolute = browser::local_time(absolute, lang)
        )),
        _ => None,
    };
    let step_up = [TrustLevel::Substanziell, TrustLevel::Hoch]
        .into_iter()
        .filter(|l| !level.suffices_for(l))
        .map(|l| {
            let name = level_name(lang, &l);
            let href = current_login_href(Some(l.clone()));
            let testid = format!("step-up-{}", l.as_str());
            view! {
                <li><a href=href rel="external" data-testid=testid>
                    {tr!(lang, "auth-step-up-to", level = name)}
                </a></li>
            }
        })
        .collect_view();
    view! {
        <section class="ll-section" aria-labelledby="account-session" data-testid="account-signed-in">
            <h2 class="ll-heading-2" id="account-session">{tr!(lang, "auth-session-heading")}</h2>
            <p data-testid="account-level" data-level=level.as_str().to_string()>
                {tr!(lang, "auth-session-level", level = level_name(lang, &level), provider = provider.clone())}
            </p>
            <p>{ends}</p>
            <ul class="ll-account__step-up">{step_up}</ul>
        </section>
        <section class="ll-section" aria-labelledby="account-data">
            <h2 class="ll-heading-2" id="account-data">{tr!(lang, "auth-account-data-heading")}</h2>
            <div class="ll-table-scroll" tabindex="0" role="region" aria-labelledby="account-data">
                <table class="ll-table" data-testid="account-claims">
                    <thead><tr>
                        <th scope="col">{tr!(lang, "auth-claim-label")}</th>
                        <th scope="col">{tr!(lang, "auth-claim-value")}</th>
                        <th scope="col">{tr!(lang, "auth-claim-source")}</th>
                        <th scope="col">{tr!(lang, "auth-claim-trust")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

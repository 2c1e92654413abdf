//! Sign-in building blocks: the header status, the notice after a failed sign-in or an ended
//! session, and the trust-level check on service pages.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::auth::{LoginError, SessionEnd};
use model::{Lang, TrustLevel};

use crate::auth::{login_href, sign_out, use_auth};
use crate::state::{href, use_lang};
use crate::{t, tr};

/// The localised name of a trust level.
pub fn level_name(lang: Lang, level: &TrustLevel) -> String {
    match level {
        TrustLevel::Basisregistrierung => tr!(lang, "auth-level-basisregistrierung"),
        TrustLevel::Substanziell => tr!(lang, "auth-level-substanziell"),
        TrustLevel::Hoch => tr!(lang, "auth-level-hoch"),
        TrustLevel::Other(_) => tr!(lang, "auth-level-unknown"),
    }
}

/// A sign-in link for the current page (path from the router, query once hydrated).
pub fn current_login_href(level: Option<TrustLevel>) -> Signal<String> {
    let auth = use_auth();
    let pathname = use_location().pathname;
    Signal::derive(move || login_href(level.as_ref(), &pathname.get(), &auth.search.get()))
}

/// In the header: "Anmelden" until the session is known to be signed in; then the name (a link
/// to the account page) and "Abmelden".
#[component]
pub fn SignInStatus() -> impl IntoView {
    let auth = use_auth();
    let account = href(model::Page::Account);
    let login = current_login_href(None);
    let signed_in = move || {
        auth.session
            .with(|s| s.as_ref().filter(|s| s.signed_in).map(|s| s.display_name.clone().unwrap_or_default()))
    };
    view! {
        <div class="ll-signin" data-testid="sign-in-status">
            {move || match signed_in() {
                Some(name) => Either::Left(view! {
                    <a class="ll-signin__name" href=account data-testid="signed-in-name">
                        <span class="ll-visually-hidden">{t!("auth-signed-in-as-prefix")}" "</span>
                        {name}
                    </a>
                    <button type="button" class="ll-signin__button" data-testid="sign-out"
                        disabled=move || auth.signing_out.get()
                        on:click=move |_| sign_out(auth)>
                        {t!("auth-sign-out")}
                    </button>
                }),
                None => Either::Right(view! {
                    <a class="ll-signin__link" href=login rel="external" data-testid="sign-in">
                        {t!("auth-sign-in")}
                    </a>
                }),
            }}
        </div>
    }
}

/// Below the header: why the last sign-in failed, or that the session ended, with a way to
/// sign in again that returns here. Rendered only after hydration (the reasons are in the URL's
/// query or come from the gateway).
#[component]
pub fn AuthNotice() -> impl IntoView {
    let auth = use_auth();
    let lang = use_lang();
    let retry = current_login_href(None);
    let message = move || {
        let lang = lang.get();
        if let Some(error) = auth.login_error.get() {
            let text = match error {
                LoginError::Unreachable => tr!(lang, "auth-error-unreachable"),
                LoginError::Cancelled => tr!(lang, "auth-error-cancelled"),
                LoginError::State => tr!(lang, "auth-error-state"),
                LoginError::Invalid => tr!(lang, "auth-error-invalid"),
                LoginError::Clock => tr!(lang, "auth-error-clock"),
                LoginError::Level => tr!(lang, "auth-error-level"),
                LoginError::Provider => tr!(lang, "auth-error-provider"),
            };
            return Some((tr!(lang, "auth-error-heading"), text, error.code().to_string()));
        }
        let ended = auth.session.with(|s| s.as_ref().and_then(|s| s.ended))?;
        let text = match ended {
            SessionEnd::Idle => tr!(lang, "auth-ended-idle"),
            SessionEnd::Absolute => tr!(lang, "auth-ended-absolute"),
        };
        Some((tr!(lang, "auth-ended-heading"), text, "ended".to_string()))
    };
    move || {
        message().map(|(heading, text, code)| {
                        view! {
                <div class="ll-container">
                    <div class="ll-notice ll-auth-notice" role="alert" data-testid="auth-notice" data-code=code>
                        <p class="ll-auth-notice__heading">{heading}</p>
                        <p>{text}</p>
                        <p>{t!("auth-error-kept")}</p>
                        <p class="ll-auth-notice__actions">
                            <a href=retry rel="external" data-testid="auth-retry">{t!("auth-retry")}</a>
                            <button type="button" class="ll-link-button" data-testid="auth-dismiss"
                                on:click=move |_| {
                                    auth.login_error.set(None);
                                    auth.session.update(|s| if let Some(s) = s { s.ended = None });
                                }>
                                {t!("auth-dismiss")}
                            </button>
                        </p>
                    </div>
                </div>
            }
        })
    }
}

/// On a service page: whether the current sign-in suffices for the online service's required
/// trust level, with "mit höherem Vertrauensniveau anmelden" (back to this page) if not.
#[component]
pub fn TrustRequirement(required: TrustLevel) -> impl IntoView {
    let auth = use_auth();
    let lang = use_lang();
    let required = StoredValue::new(required);
    let login = current_login_href(Some(required.get_value()));
    let need = move || level_name(lang.get(), &required.get_value());
    let state = move || {
        auth.session.with(|s| match s {
            Some(s) if s.signed_in => {
                let have = s.trust_level.clone().unwrap_or(TrustLevel::Other(String::new()));
                Some((s.suffices_for(&required.get_value()), have))
            }
            _ => None,
        })
    };
    let hint = move || match required.get_value() {
        TrustLevel::Hoch => Some(tr!(lang.get(), "auth-means-hint-hoch")),
        TrustLevel::Substanziell => Some(tr!(lang.get(), "auth-means-hint-substanziell")),
        _ => None,
    };
    view! {
        <section class="ll-section ll-trust" aria-labelledby="trust-heading" data-testid="trust-requirement"
            data-required=required.get_value().as_str().to_string()>
            <h2 class="ll-heading-2" id="trust-heading">{t!("auth-service-heading")}</h2>
            {move || {
                let lang = lang.get();
                match state() {
                    Some((true, have)) => EitherOf3::A(view! {
                        <p data-testid="trust-ok">{tr!(lang, "auth-service-ok", level = level_name(lang, &have))}</p>
                    }),
                    Some((false, have)) => EitherOf3::B(view! {
                        <p data-testid="trust-too-low">
                            {tr!(lang, "auth-service-too-low", have = level_name(lang, &have), level = need())}
                        </p>
                        <p>{hint}</p>
                        <p><a class="ll-button ll-button--link" href=login rel="external" data-testid="step-up">
                            {tr!(lang, "auth-step-up")}
                        </a></p>
                    }),
                    None => EitherOf3::C(view! {
                        <p data-testid="trust-needed">{tr!(lang, "auth-service-needs", level = need())}</p>
                        <p>{hint}</p>
                        <p><a class="ll-button ll-button--link" href=login rel="external" data-testid="trust-sign-in">
                            {tr!(lang, "auth-service-sign-in", level = need())}
                        </a></p>
                    }),
                }
            }}
        </section>
    }
}

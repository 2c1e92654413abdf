//! The sign-in endpoints:
//!
//! | | |
//! |---|---|
//! | `GET /auth/login?level=…&return=…` | full-page navigation; 303 to the provider |
//! | `GET /auth/callback` | the provider's redirect; 303 back to `return` |
//! | `GET /auth/session` | JSON for the app; never extends the idle lifetime |
//! | `POST /auth/activity` | citizen activity: extends the idle lifetime |
//! | `POST /auth/logout` | ends the session; JSON with the provider's end-session URL |
//!
//! `POST`s need a same-origin `Origin` and `X-Lebenslagen-Csrf: 1`. Failures go back to where the
//! citizen came from with `?login_error=<code>`, which the app explains in their language.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use model::auth::{
    is_safe_return_path, LoginError, LogoutResponse, SessionInfo, ACTIVITY_PATH, CSRF_HEADER,
    LOGIN_ERROR_PARAM, LOGIN_PATH, LOGOUT_PATH, SESSION_PATH,
};
use model::route::{Page, Route};
use model::TrustLevel;
use serde::Deserialize;

use super::session::{
    clear_cookie, now, read_cookie, set_cookie, LoginState, Session, LOGIN_MAX_AGE,
    LOGIN_PURPOSE, SESSION_PURPOSE,
};
use super::Auth;

const CALLBACK_PATH: &str = "/auth/callback";

pub fn router(auth: Arc<Auth>) -> Router {
    Router::new()
        .route(LOGIN_PATH, get(login))
        .route(CALLBACK_PATH, get(callback))
        .route(SESSION_PATH, get(session))
        .route(ACTIVITY_PATH, post(activity))
        .route(LOGOUT_PATH, post(logout))
        .with_state(auth)
}

#[derive(Deserialize)]
struct LoginParams {
    level: Option<String>,
    #[serde(rename = "return")]
    return_to: Option<String>,
}

async fn login(
    State(auth): State<Arc<Auth>>,
    headers: HeaderMap,
    params: Result<Query<LoginParams>, QueryRejection>,
) -> Response {
    let Ok(Query(params)) = params else {
        return bad_request("Ungültige Anmeldeanfrage. / Invalid sign-in request.");
    };
    let level = match params.level.as_deref() {
        None | Some("") => TrustLevel::Basisregistrierung,
        Some(s) => match TrustLevel::parse(s) {
            TrustLevel::Other(_) => {
                return bad_request("Unbekanntes Vertrauensniveau. / Unknown trust level.")
            }
            level => level,
        },
    };
    let return_to = match params.return_to.as_deref() {
        None | Some("") => default_return(&headers),
        Some(r) => match auth.checked_return(r) {
            Some(r) => r,
            None => {
                tracing::warn!(target: "gateway::auth", "sign-in refused: return is not a same-origin path");
                return bad_request(
                    "Ungültige Rücksprungadresse. / Invalid return address.",
                );
            }
        },
    };
    match auth.oidc.begin(&level, return_to.clone(), now()).await {
        Ok((url, state)) => {
            let sealed = auth.sealer.seal(LOGIN_PURPOSE, &state);
            let mut response = see_other(&url);
            response.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(
                    auth.names.login,
                    &sealed,
                    CALLBACK_PATH,
                    Some(LOGIN_MAX_AGE),
                    auth.config.secure_cookies,
                ),
            );
            tracing::info!(target: "gateway::auth", %level, "sign-in started");
            response
        }
        Err(failure) => {
            tracing::warn!(target: "gateway::auth", error = failure.kind.code(), detail = %failure.detail, "sign-in could not start");
            see_other(&with_error(&return_to, failure.kind))
        }
    }
}

#[derive(Deserialize)]
struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    iss: Option<String>,
}

async fn callback(
    State(auth): State<Arc<Auth>>,
    headers: HeaderMap,
    params: Result<Query<CallbackParams>, QueryRejection>,
) -> Response {
    let now = now();
    let login: Option<LoginState> = read_cookie(&headers, auth.names.login)
        .and_then(|v| auth.sealer.open(LOGIN_PURPOSE, v));
    let fail = |target: &str, kind: LoginError, detail: &str| {
        tracing::warn!(target: "gateway::auth", error = kind.code(), detail, "sign-in failed");
        auth.with_cleared_login(see_other(&with_error(target, kind)))
    };
    let Some(login) = login else {
        return fail(
            &default_return(&headers),
            LoginError::State,
            "no (valid) sign-in cookie: unknown, expired or already used state",
        );
    };
    let Ok(Query(params)) = params else {
        return fail(&login.return_to, LoginError::Invalid, "unreadable callback parameters");
    };
    if now > login.created + LOGIN_MAX_AGE {
        return fail(&login.return_to, LoginError::State, "sign-in took too long");
    }
    let state_ok = params
        .state
        .as_deref()
        .is_some_and(|s| constant_time_eq(s.as_bytes(), login.state.as_bytes()));
    if !state_ok {
        return fail(&login.return_to, LoginError::State, "state does not match");
    }
    if let Some(error) = params.error.as_deref() {
        let kind = if error == "access_denied" {
            LoginError::Cancelled
        } else {
            LoginError::Provider
        };
        let detail = format!("provider error {:?}", error.chars().take(64).collect::<String>());
        return fail(&login.return_to, kind, &detail);
    }
    let Some(code) = params.code else {
        return fail(&login.return_to, LoginError::Invalid, "callback without code");
    };
    match auth.oidc.finish(&login, code, params.iss.as_deref()).await {
        Ok(verified) => {
            let session = Session {
                level: verified.level,
                claims: verified.claims,
                created: now,
                active: now,
            };
            tracing::info!(target: "gateway::auth", level = %session.level, "signed in");
            let mut response = auth.with_cleared_login(see_other(&login.return_to));
            response
                .headers_mut()
                .append(header::SET_COOKIE, auth.session_cookie(&session));
            response
        }
        Err(failure) => fail(&login.return_to, failure.kind, &failure.detail),
    }
}

async fn session(State(auth): State<Arc<Auth>>, headers: HeaderMap) -> Response {
    let (info, clear) = auth.current(&headers);
    let mut response = json(StatusCode::OK, &info);
    if clear {
        response
            .headers_mut()
            .append(header::SET_COOKIE, auth.clear_session_cookie());
    }
    response
}

async fn activity(State(auth): State<Arc<Auth>>, headers: HeaderMap) -> Response {
    if let Err(response) = auth.check_csrf(&headers) {
        return response;
    }
    let Some(mut session) = auth.open_session(&headers) else {
        let (info, clear) = auth.current(&headers);
        let mut response = json(StatusCode::OK, &info);
        if clear {
            response
                .headers_mut()
                .append(header::SET_COOKIE, auth.clear_session_cookie());
        }
        return response;
    };
    session.active = now().max(session.active);
    let mut response = json(StatusCode::OK, &session.info(&auth.config));
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth.session_cookie(&session));
    response
}

async fn logout(State(auth): State<Arc<Auth>>, headers: HeaderMap) -> Response {
    if let Err(response) = auth.check_csrf(&headers) {
        return response;
    }
    let had_session = read_cookie(&headers, auth.names.session).is_some();
    let end_session_url = auth.oidc.end_session_url().await;
    tracing::info!(target: "gateway::auth", had_session, "signed out");
    let mut response = json(StatusCode::OK, &LogoutResponse { end_session_url });
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth.clear_session_cookie());
    response
}

impl Auth {
    fn session_cookie(&self, session: &Session) -> HeaderValue {
        set_cookie(
            self.names.session,
            &self.sealer.seal(SESSION_PURPOSE, session),
            "/",
            None,
            self.config.secure_cookies,
        )
    }

    fn clear_session_cookie(&self) -> HeaderValue {
        clear_cookie(self.names.session, "/", self.config.secure_cookies)
    }

    fn with_cleared_login(&self, mut response: Response) -> Response {
        response.headers_mut().append(
            header::SET_COOKIE,
            clear_cookie(self.names.login, CALLBACK_PATH, self.config.secure_cookies),
        );
        response
    }

    /// The session in the request, if it opens and has not ended.
    fn open_session(&self, headers: &HeaderMap) -> Option<Session> {
        let session: Session = self
            .sealer
            .open(SESSION_PURPOSE, read_cookie(headers, self.names.session)?)?;
        session.ended(&self.config, now()).is_none().then_some(session)
    }

    /// The session document, and whether the request's cookie should be deleted.
    fn current(&self, headers: &HeaderMap) -> (SessionInfo, bool) {
        let Some(raw) = read_cookie(headers, self.names.session) else {
            return (SessionInfo::signed_out(), false);
        };
        let Some(session) = self.sealer.open::<Session>(SESSION_PURPOSE, raw) else {
            // Another key (or tampered): not ours to explain, just gone.
            return (SessionInfo::signed_out(), true);
        };
        match session.ended(&self.config, now()) {
            Some(end) => (
                SessionInfo {
                    ended: Some(end),
                    ..SessionInfo::signed_out()
                },
                true,
            ),
            None => (session.info(&self.config), false),
        }
    }

    /// Same-origin `Origin` plus the custom header; anything else is a cross-site attempt.
    fn check_csrf(&self, headers: &HeaderMap) -> Result<(), Response> {
        let origin_ok = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|o| o == self.origin);
        let header_ok = headers
            .get(CSRF_HEADER)
            .is_some_and(|v| v.as_bytes() == b"1");
        let fetch_site_ok = headers
            .get("sec-fetch-site")
            .is_none_or(|v| v.as_bytes() == b"same-origin");
        if origin_ok && header_ok && fetch_site_ok {
            Ok(())
        } else {
            tracing::warn!(target: "gateway::auth", origin_ok, header_ok, fetch_site_ok, "state-changing request refused (CSRF check)");
            Err((
                StatusCode::FORBIDDEN,
                [
                    (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                "Forbidden: cross-site request",
            )
                .into_response())
        }
    }

    /// `return` as given, if it is a same-origin relative path; without an old `login_error`.
    fn checked_return(&self, r: &str) -> Option<String> {
        if !is_safe_return_path(r) {
            return None;
        }
        // Resolve it like a browser would and insist it stays on our origin and path space.
        let base = url::Url::parse(&self.origin).ok()?;
        let resolved = base.join(r).ok()?;
        if resolved.origin() != base.origin() || resolved.path().starts_with("//") {
            return None;
        }
        Some(strip_login_error(r))
    }
}

fn strip_login_error(path: &str) -> String {
    let Some((p, q)) = path.split_once('?') else {
        return path.to_string();
    };
    let kept: Vec<&str> = q
        .split('&')
        .filter(|kv| !kv.is_empty() && kv.split('=').next() != Some(LOGIN_ERROR_PARAM))
        .collect();
    if kept.is_empty() {
        p.to_string()
    } else {
        format!("{p}?{}", kept.join("&"))
    }
}

fn with_error(path: &str, kind: LoginError) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{LOGIN_ERROR_PARAM}={}", kind.code())
}

/// Where a sign-in without a usable `return` ends: the account page in the citizen's language.
fn default_return(headers: &HeaderMap) -> String {
    Route::new(crate::pages::negotiate_language(headers), Page::Account).path()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(location) {
        h.insert(header::LOCATION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn json<T: serde::Serialize>(status: StatusCode, body: &T) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
            (header::VARY, "Cookie"),
        ],
        serde_json::to_string(body).unwrap_or_default(),
    )
        .into_response()
}

fn bad_request(message: &'static str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        message,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_errors_are_dropped_and_new_ones_appended() {
        assert_eq!(strip_login_error("/konto?login_error=state"), "/konto");
        assert_eq!(strip_login_error("/x?ars=1&login_error=state&b=2"), "/x?ars=1&b=2");
        assert_eq!(with_error("/konto", LoginError::Cancelled), "/konto?login_error=cancelled");
        assert_eq!(with_error("/x?ars=1", LoginError::Clock), "/x?ars=1&login_error=clock");
    }
}

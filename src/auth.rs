//! Sign-in state in the app. The gateway does the protocol and keeps every token; the app only
//! reads `GET /auth/session` (never extends the idle lifetime), reports real activity with a
//! `POST /auth/activity` when the citizen navigates, and signs out with `POST /auth/logout`.
//! Tabs tell each other about changes through a `BroadcastChannel`, and re-read the session when
//! they become visible: no timer keeps a session alive.
//!
//! Rendering never depends on the session before hydration: until the first answer arrives the
//! state is "unknown", which renders like the prerendered page (a neutral "Anmelden" link).

use leptos::prelude::*;
use model::auth::{LoginError, SessionInfo, LOGIN_PATH};
use model::TrustLevel;

/// Shared through context by [`provide_auth`].
#[derive(Clone, Copy)]
pub struct Auth {
    /// `None` until the gateway answered.
    pub session: RwSignal<Option<SessionInfo>>,
    /// From `?login_error=` after a failed sign-in; cleared on navigation.
    pub login_error: RwSignal<Option<LoginError>>,
    /// The query of the current URL (known only after hydration), for return targets.
    pub search: RwSignal<String>,
    pub signing_out: RwSignal<bool>,
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Creates the state and, in the browser, starts it: first read of the session, the
/// `BroadcastChannel`, re-reads on visibility, activity on navigation.
pub fn provide_auth(pathname: Memo<String>, search: Memo<String>) -> Auth {
    let auth = Auth {
        session: RwSignal::new(None),
        login_error: RwSignal::new(None),
        search: RwSignal::new(String::new()),
        signing_out: RwSignal::new(false),
    };
    provide_context(auth);

    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        match previous {
            None => {
                #[cfg(feature = "hydrate")]
                client::start(auth);
            }
            Some(prev) if prev != path => {
                auth.login_error.set(None);
                // The router's query: the address bar is updated only after the new page rendered.
                auth.search.set(search.get_untracked());
                #[cfg(feature = "hydrate")]
                client::navigated(auth);
            }
            Some(_) => {}
        }
        path
    });
    auth
}

/// `/auth/login?level=…&return=…` for the current page.
pub fn login_href(level: Option<&TrustLevel>, path: &str, search: &str) -> String {
    let mut target = path.to_string();
    if !search.is_empty() && search != "?" {
        if !search.starts_with('?') {
            target.push('?');
        }
        target.push_str(search);
    }
    let mut href = format!("{LOGIN_PATH}?");
    if let Some(level) = level {
        href.push_str("level=");
        href.push_str(level.as_str());
        href.push('&');
    }
    href.push_str("return=");
    href.push_str(&encode_component(&target));
    href
}

/// Percent-encodes everything but unreserved characters and `/`.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Signs out: `POST /auth/logout`, tells the other tabs, then ends the provider session too.
pub fn sign_out(auth: Auth) {
    auth.signing_out.set(true);
    #[cfg(feature = "hydrate")]
    client::sign_out(auth);
}

#[cfg(feature = "hydrate")]
mod client {
    use std::cell::Cell;

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use model::auth::{
        LoginError, LogoutResponse, SessionInfo, ACTIVITY_PATH, BROADCAST_CHANNEL, CSRF_HEADER,
        LOGIN_ERROR_PARAM, LOGOUT_PATH, SESSION_PATH,
    };
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::Auth;

    /// Activity is reported at most this often (milliseconds).
    const ACTIVITY_INTERVAL_MS: f64 = 60_000.0;

    thread_local! {
        static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
        static CHANNEL: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
    }

    async fn request(method: &str, path: &str) -> Result<String, JsValue> {
        let init = web_sys::RequestInit::new();
        init.set_method(method);
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        init.set_cache(web_sys::RequestCache::NoStore);
        let headers = web_sys::Headers::new()?;
        headers.set("accept", "application/json")?;
        if method != "GET" {
            headers.set(CSRF_HEADER, "1")?;
        }
        init.set_headers(&headers);
        let request = web_sys::Request::new_with_str_and_init(path, &init)?;
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_request(&request)).await?.dyn_into()?;
        if !response.ok() {
            return Err(JsValue::from_f64(response.status() as f64));
        }
        Ok(JsFuture::from(response.text()?).await?.as_string().unwrap_or_default())
    }

    fn broadcast(message: &str) {
        CHANNEL.with(|c| {
            if let Some(channel) = c.borrow().as_ref() {
                let _ = channel.post_message(&JsValue::from_str(message));
            }
        });
    }

    fn apply(auth: Auth, info: SessionInfo, tell_others: bool) {
        let previous = auth.session.get_untracked();
        let changed = previous.as_ref().map(|p| (p.signed_in, p.trust_level.clone()))
            != Some((info.signed_in, info.trust_level.clone()));
        auth.session.set(Some(info));
        if changed && tell_others {
            broadcast("changed");
        }
    }

    /// Reads the session (never extends it).
    pub fn refresh(auth: Auth, tell_others: bool) {
        spawn_local(async move {
            match request("GET", SESSION_PATH).await {
                Ok(text) => match serde_json::from_str::<SessionInfo>(&text) {
                    Ok(info) => apply(auth, info, tell_others),
                    Err(_) => auth.session.set(Some(SessionInfo::signed_out())),
                },
                // Offline or gateway trouble: show signed-out rather than stale data.
                Err(_) => auth.session.set(Some(SessionInfo::signed_out())),
            }
        });
    }

    pub fn start(auth: Auth) {
        let Some(window) = web_sys::window() else { return };
        // A failed sign-in comes back with ?login_error=…: show it, and take it out of the URL
        // so a reload does not show it again.
        let search = window.location().search().unwrap_or_default();
        let mut kept = Vec::new();
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some((LOGIN_ERROR_PARAM, code)) => auth.login_error.set(LoginError::parse(code)),
                _ => kept.push(pair),
            }
        }
        let clean = if kept.is_empty() { String::new() } else { format!("?{}", kept.join("&")) };
        if clean != search {
            let path = window.location().pathname().unwrap_or_default();
            let hash = window.location().hash().unwrap_or_default();
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &history.state().unwrap_or(JsValue::NULL),
                    "",
                    Some(&format!("{path}{clean}{hash}")),
                );
            }
        }
        auth.search.set(clean);

        refresh(auth, true);

        if let Ok(channel) = web_sys::BroadcastChannel::new(BROADCAST_CHANNEL) {
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
                refresh(auth, false);
            });
            channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            CHANNEL.with(|c| *c.borrow_mut() = Some(channel));
        }
        if let Some(document) = window.document() {
            let doc = document.clone();
            let on_visible = Closure::<dyn FnMut()>::new(move || {
                if doc.visibility_state() == web_sys::VisibilityState::Visible {
                    refresh(auth, false);
                }
            });
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
            on_visible.forget();
        }
    }

    /// A navigation inside the app: citizen activity, reported (throttled) while signed in.
    pub fn navigated(auth: Auth) {
        let signed_in = auth
            .session
            .get_untracked()
            .is_some_and(|s| s.signed_in);
        let now = js_sys::Date::now();
        if !signed_in || now - LAST_ACTIVITY.with(Cell::get) < ACTIVITY_INTERVAL_MS {
            return;
        }
        LAST_ACTIVITY.with(|c| c.set(now));
        spawn_local(async move {
            if let Ok(text) = request("POST", ACTIVITY_PATH).await {
                if let Ok(info) = serde_json::from_str::<SessionInfo>(&text) {
                    apply(auth, info, true);
                }
            }
        });
    }

    pub fn sign_out(auth: Auth) {
        spawn_local(async move {
            let result = request("POST", LOGOUT_PATH).await;
            auth.session.set(Some(SessionInfo::signed_out()));
            broadcast("signed-out");
            let next = result
                .ok()
                .and_then(|t| serde_json::from_str::<LogoutResponse>(&t).ok())
                .and_then(|r| r.end_session_url);
            if let Some(window) = web_sys::window() {
                match next {
                    Some(url) => {
                        let _ = window.location().assign(&url);
                    }
                    None => auth.signing_out.set(false),
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_links_carry_level_and_an_encoded_return() {
        assert_eq!(
            login_href(Some(&TrustLevel::Hoch), "/leistungen/99107004001000", "?ars=160510000000&x=a b"),
            "/auth/login?level=hoch&return=/leistungen/99107004001000%3Fars%3D160510000000%26x%3Da%20b"
        );
        assert_eq!(login_href(None, "/en/konto", ""), "/auth/login?return=/en/konto");
    }
}

//! The session lives in the browser, sealed: a cookie encrypted and authenticated with
//! XChaCha20-Poly1305 under a key derived from the configured session key. Any gateway instance
//! with the same key can read it, so instances share sessions without shared storage; a cookie
//! sealed under another key, altered or truncated simply does not open.
//!
//! It holds only what the app needs (names, birth date, address, e-mail, trust levels) and
//! timestamps for the idle and absolute lifetimes, never a token.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::header::{self, HeaderMap, HeaderValue};
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use model::auth::{Claims, SessionEnd, SessionInfo};
use model::TrustLevel;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::settings::AuthConfig;

/// Format version, part of the authenticated data: a format change invalidates old cookies.
const VERSION: &str = "v1";

/// Seals and opens cookie values.
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    pub fn new(key_material: &[u8]) -> Sealer {
        let mut hasher = Sha256::new();
        hasher.update(b"lebenslagen session cookie key v1\0");
        hasher.update(key_material);
        let key = hasher.finalize();
        Sealer {
            cipher: XChaCha20Poly1305::new(&key),
        }
    }

    /// `purpose` binds the value to one cookie: a login cookie never opens as a session.
    pub fn seal<T: Serialize>(&self, purpose: &str, value: &T) -> String {
        let plaintext = serde_json::to_vec(value).unwrap_or_default();
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).expect("the system random number generator works");
        let aad = format!("{VERSION}:{purpose}");
        let ciphertext = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &plaintext,
                    aad: aad.as_bytes(),
                },
            )
            .expect("encryption of an in-memory buffer does not fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ciphertext);
        format!(
            "{VERSION}.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out)
        )
    }

    pub fn open<T: DeserializeOwned>(&self, purpose: &str, sealed: &str) -> Option<T> {
        let body = sealed.strip_prefix(VERSION)?.strip_prefix('.')?;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .ok()?;
        if raw.len() < 24 + 16 {
            return None;
        }
        let (nonce, ciphertext) = raw.split_at(24);
        let aad = format!("{VERSION}:{purpose}");
        let plaintext = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?;
        serde_json::from_slice(&plaintext).ok()
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A signed-in citizen, as sealed into the session cookie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Trust level of the authentication.
    pub level: TrustLevel,
    pub claims: Claims,
    /// Unix seconds: sign-in, and the last citizen activity.
    pub created: u64,
    pub active: u64,
}

impl Session {
    /// Why the session is over at `now`, if it is.
    pub fn ended(&self, config: &AuthConfig, now: u64) -> Option<SessionEnd> {
        if now >= self.created.saturating_add(config.absolute.as_secs()) || self.created > now + 300 {
            Some(SessionEnd::Absolute)
        } else if now >= self.active.saturating_add(config.idle.as_secs()) {
            Some(SessionEnd::Idle)
        } else {
            None
        }
    }

    pub fn info(&self, config: &AuthConfig) -> SessionInfo {
        let name = [&self.claims.given_name, &self.claims.family_name]
            .into_iter()
            .flatten()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let expires_at = self.created + config.absolute.as_secs();
        SessionInfo {
            signed_in: true,
            ended: None,
            display_name: (!name.is_empty()).then_some(name),
            trust_level: Some(self.level.clone()),
            provider: Some(config.provider_name.clone()),
            claims: Some(self.claims.clone()),
            idle_expires_at: Some((self.active + config.idle.as_secs()).min(expires_at)),
            expires_at: Some(expires_at),
        }
    }
}

/// An unfinished sign-in, sealed into a short-lived cookie scoped to the callback path.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LoginState {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    pub level: TrustLevel,
    pub created: u64,
}

/// Lifetime of a sign-in at the provider, after which the callback is refused.
pub const LOGIN_MAX_AGE: u64 = 15 * 60;

pub const SESSION_PURPOSE: &str = "session";
pub const LOGIN_PURPOSE: &str = "login";

/// Cookie names: with `__Host-` under TLS (then `Secure`, `Path=/`, no `Domain` are enforced by
/// the browser), plain on `http://` development setups. Distinct from the IdP's `_session`.
pub struct CookieNames {
    pub session: &'static str,
    pub login: &'static str,
}

pub fn cookie_names(secure: bool) -> CookieNames {
    if secure {
        CookieNames {
            session: "__Host-ll_session",
            login: "__Secure-ll_login",
        }
    } else {
        CookieNames {
            session: "ll_session",
            login: "ll_login",
        }
    }
}

/// The value of the cookie `name` in the request, if any.
pub fn read_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// `Set-Cookie` for a value; `max_age` `None` makes a browser-session cookie.
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<u64>,
    secure: bool,
) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// `Set-Cookie` that deletes the cookie.
pub fn clear_cookie(name: &str, path: &str, secure: bool) -> HeaderValue {
    set_cookie(name, "", path, Some(0), secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_the_same_key_and_purpose() {
        let a = Sealer::new(&[7u8; 32]);
        let b = Sealer::new(&[8u8; 32]);
        let sealed = a.seal("session", &("Maria", 42));
        assert!(sealed.starts_with("v1."));
        assert!(!sealed.contains("Maria"));
        assert_eq!(a.open::<(String, u32)>("session", &sealed), Some(("Maria".into(), 42)));
        assert_eq!(b.open::<(String, u32)>("session", &sealed), None);
        assert_eq!(a.open::<(String, u32)>("login", &sealed), None);
        // Any flipped character breaks it.
        let mut bytes = sealed.clone().into_bytes();
        let i = bytes.len() - 5;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        assert_eq!(a.open::<(String, u32)>("session", &String::from_utf8(bytes).unwrap()), None);
        assert_eq!(a.open::<(String, u32)>("session", "v1."), None);
        assert_eq!(a.open::<(String, u32)>("session", "garbage"), None);
        // Fresh nonce every time.
        assert_ne!(a.seal("session", &1), a.seal("session", &1));
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("x_ll_session=no; ll_session=yes; lang=en"));
        assert_eq!(read_cookie(&h, "ll_session"), Some("yes"));
        assert_eq!(read_cookie(&h, "missing"), None);
        let c = set_cookie("ll_session", "v", "/", None, true);
        assert_eq!(c, "ll_session=v; Path=/; HttpOnly; SameSite=Lax; Secure");
    }
}

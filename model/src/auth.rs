//! The gateway's sign-in API as the app sees it: `GET /auth/session` and the error codes that
//! `/auth/callback` hands back to the page the citizen came from (`?login_error=<code>`).
//!
//! No token ever appears here: only what the app may show or use to prefill forms, each claim
//! with the trust level the identity provider gives it (where it gives one).

use serde::{Deserialize, Serialize};

use crate::trust::TrustLevel;

/// Path of the session document.
pub const SESSION_PATH: &str = "/auth/session";
/// Start of the sign-in (full-page navigation): `?level=<trust level>&return=<path>`.
pub const LOGIN_PATH: &str = "/auth/login";
/// Sign-out: `POST` with [`CSRF_HEADER`]; answers [`LogoutResponse`].
pub const LOGOUT_PATH: &str = "/auth/logout";
/// Citizen activity: `POST` with [`CSRF_HEADER`]; extends the idle lifetime.
pub const ACTIVITY_PATH: &str = "/auth/activity";
/// The custom request header every state-changing request must carry (value `1`); a
/// cross-site form cannot set it, and a cross-site script cannot send it without CORS.
pub const CSRF_HEADER: &str = "x-lebenslagen-csrf";
/// Query parameter on the return path after a failed sign-in.
pub const LOGIN_ERROR_PARAM: &str = "login_error";
/// The `BroadcastChannel` tabs use to tell each other about sign-in and sign-out.
pub const BROADCAST_CHANNEL: &str = "lebenslagen-auth";

/// `GET /auth/session`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    pub signed_in: bool,
    /// Set when the request carried a session that has ended (the app says so once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<SessionEnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Trust level of the authentication (from `acr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_level: Option<TrustLevel>,
    /// Which account the data comes from, e.g. "Servicekonto (Testumgebung)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<Claims>,
    /// Unix seconds: when the session ends without activity / at the latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_expires_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
}

impl SessionInfo {
    pub fn signed_out() -> SessionInfo {
        SessionInfo::default()
    }

    /// Whether the session is good enough for a service requiring `required`.
    pub fn suffices_for(&self, required: &TrustLevel) -> bool {
        self.signed_in
            && self
                .trust_level
                .as_ref()
                .is_some_and(|level| level.suffices_for(required))
    }
}

/// Why a session the browser still presented is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SessionEnd {
    /// No activity for longer than the idle lifetime.
    Idle,
    /// Older than the absolute lifetime.
    Absolute,
}

/// The claims the app may use for prefilling forms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<Claim<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<Claim<String>>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<Claim<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Claim<Address>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Claim<String>>,
}

/// One value and how trustworthy it is: `None` when the provider does not say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim<T> {
    pub value: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_level: Option<TrustLevel>,
}

/// A postal address (OIDC `address` claim, without `formatted`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `POST /auth/logout`: where the browser goes next to end the session at the provider too
/// (`None` when the provider cannot be reached or offers no RP-initiated logout).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogoutResponse {
    pub end_session_url: Option<String>,
}

/// Why a sign-in failed: the `login_error` query parameter on the return path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginError {
    /// The identity provider could not be reached (or answered garbage).
    Unreachable,
    /// The citizen cancelled at the provider (`access_denied`).
    Cancelled,
    /// The sign-in request is unknown, expired or was already used (`state`).
    State,
    /// The provider's answer failed validation (signature, `aud`, `nonce`, `iss`).
    Invalid,
    /// The token's times do not fit our clock (expired or issued in the future).
    Clock,
    /// The provider authenticated at a lower trust level than requested.
    Level,
    /// Any other error reported by the provider.
    Provider,
}

impl LoginError {
    pub const ALL: [LoginError; 7] = [
        LoginError::Unreachable,
        LoginError::Cancelled,
        LoginError::State,
        LoginError::Invalid,
        LoginError::Clock,
        LoginError::Level,
        LoginError::Provider,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LoginError::Unreachable => "unreachable",
            LoginError::Cancelled => "cancelled",
            LoginError::State => "state",
            LoginError::Invalid => "invalid",
            LoginError::Clock => "clock",
            LoginError::Level => "level",
            LoginError::Provider => "provider",
        }
    }

    pub fn parse(code: &str) -> Option<LoginError> {
        LoginError::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// Whether `path` is an acceptable `return` target: a same-origin, relative path that cannot be
/// read as another host (`//x`, `/\x`), without control characters or backslashes, not the
/// sign-in endpoints themselves, at most 1000 bytes.
pub fn is_safe_return_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 1000
        && !path
            .chars()
            .any(|c| c.is_control() || c == '\\' || c.is_whitespace())
        && !path.starts_with("/auth/")
        && !path.contains('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_are_relative_and_same_origin() {
        for ok in ["/", "/konto", "/en/leistungen/99107004001000?ars=160510000000"] {
            assert!(is_safe_return_path(ok), "{ok}");
        }
        for bad in [
            "",
            "konto",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "/a\r\nb",
            "/a b",
            "/\tevil",
            "/auth/logout",
            "/x#frag",
            &format!("/{}", "a".repeat(1000)),
        ] {
            assert!(!is_safe_return_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_session_document_round_trips_and_checks_levels() {
        let info = SessionInfo {
            signed_in: true,
            trust_level: Some(TrustLevel::Substanziell),
            display_name: Some("Maria Neumann".into()),
            claims: Some(Claims {
                given_name: Some(Claim {
                    value: "Maria".into(),
                    trust_level: Some(TrustLevel::Substanziell),
                }),
                ..Claims::default()
            }),
            ..SessionInfo::default()
        };
        let json = serde_json::to_string(&info).unwrap();
        assert!(json.contains("\"signedIn\":true"), "{json}");
        assert!(json.contains("\"givenName\":{\"value\":\"Maria\",\"trustLevel\":\"substanziell\"}"), "{json}");
        assert_eq!(serde_json::from_str::<SessionInfo>(&json).unwrap(), info);
        assert!(info.suffices_for(&TrustLevel::Basisregistrierung));
        assert!(!info.suffices_for(&TrustLevel::Hoch));
        assert!(!SessionInfo::signed_out().suffices_for(&TrustLevel::Basisregistrierung));
        for e in LoginError::ALL {
            assert_eq!(LoginError::parse(e.code()), Some(e));
        }
    }
}

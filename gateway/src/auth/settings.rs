//! Sign-in settings: the identity provider, the client credentials, the session key and
//! lifetimes, and how `acr` values map to trust levels.
//!
//! Environment variables (`LEBENSLAGEN_AUTH_*`) win over the `[auth]` table of the TOML file.
//! The defaults point at the sandbox IdP of `make run` (`http://localhost:8081`).

use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use model::TrustLevel;
use serde::Deserialize;

use super::trust::{AcrMap, AcrStyle};
use crate::config::ConfigError;
use crate::origin::{self, Origin};

pub const ENV_ISSUER: &str = "LEBENSLAGEN_AUTH_ISSUER";
pub const ENV_CLIENT_ID: &str = "LEBENSLAGEN_AUTH_CLIENT_ID";
pub const ENV_CLIENT_SECRET: &str = "LEBENSLAGEN_AUTH_CLIENT_SECRET";
pub const ENV_SESSION_KEY: &str = "LEBENSLAGEN_AUTH_SESSION_KEY";
pub const ENV_IDLE_MINUTES: &str = "LEBENSLAGEN_AUTH_IDLE_MINUTES";
pub const ENV_ABSOLUTE_MINUTES: &str = "LEBENSLAGEN_AUTH_ABSOLUTE_MINUTES";
pub const ENV_CLOCK_SKEW_SECONDS: &str = "LEBENSLAGEN_AUTH_CLOCK_SKEW_SECONDS";
pub const ENV_ACR: &str = "LEBENSLAGEN_AUTH_ACR";
pub const ENV_ACR_REQUEST: &str = "LEBENSLAGEN_AUTH_ACR_REQUEST";
pub const ENV_PROVIDER_NAME: &str = "LEBENSLAGEN_AUTH_PROVIDER_NAME";

pub const VARIABLES: [&str; 10] = [
    ENV_ISSUER,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    ENV_SESSION_KEY,
    ENV_IDLE_MINUTES,
    ENV_ABSOLUTE_MINUTES,
    ENV_CLOCK_SKEW_SECONDS,
    ENV_ACR,
    ENV_ACR_REQUEST,
    ENV_PROVIDER_NAME,
];

pub const DEFAULT_ISSUER: &str = "http://localhost:8081";
pub const DEFAULT_CLIENT_ID: &str = "lebenslagen";
/// Known to the sandbox IdP only; refused for any other issuer.
pub const SANDBOX_CLIENT_SECRET: &str = "sandbox-secret-only-for-local-use";

/// The gateway's one never-printed value type, shared with the upstream PVOG token.
pub use crate::config::Secret;

/// The key material for session cookies: 32 or more random bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionKey {
    bytes: Vec<u8>,
    /// Generated at startup because none was configured: sessions end with the process.
    pub ephemeral: bool,
}

impl SessionKey {
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn from_base64(s: &str) -> Result<SessionKey, String> {
        let s = s.trim();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(s)
            .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s))
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(s))
            .map_err(|_| {
                "expected base64 (e.g. the output of `openssl rand -base64 32`)".to_string()
            })?;
        if bytes.len() < 32 {
            return Err(format!(
                "is {} bytes long; at least 32 random bytes are needed (openssl rand -base64 32)",
                bytes.len()
            ));
        }
        Ok(SessionKey {
            bytes,
            ephemeral: false,
        })
    }

    pub fn generate() -> SessionKey {
        let mut bytes = vec![0u8; 32];
        // A missing system RNG is a broken host; there is nothing sensible to fall back to.
        getrandom::fill(&mut bytes).expect("the system random number generator works");
        SessionKey {
            bytes,
            ephemeral: true,
        }
    }
}

impl fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionKey(ephemeral: {})", self.ephemeral)
    }
}

/// The validated sign-in settings.
#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// Exactly as the provider writes it in `iss` (no trailing slash unless it has one).
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    /// `<public origin>/auth/callback`, registered at the provider.
    pub redirect_uri: String,
    /// `<public origin>/`, registered at the provider.
    pub post_logout_redirect_uri: String,
    pub session_key: SessionKey,
    pub idle: Duration,
    pub absolute: Duration,
    /// Tolerated difference between our clock and the provider's.
    pub clock_skew: Duration,
    pub acr: AcrMap,
    pub provider_name: String,
    /// Cookies get `Secure` and the `__Host-` prefix.
    pub secure_cookies: bool,
    pub public_origin: Origin,
}

/// The `[auth]` table of the TOML file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthFile {
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    session_key: Option<String>,
    idle_minutes: Option<u64>,
    absolute_minutes: Option<u64>,
    clock_skew_seconds: Option<u64>,
    /// acr value → trust level, added to (and overriding) the built-in STORK/eIDAS values.
    acr: Option<std::collections::BTreeMap<String, String>>,
    /// `eidas` or `stork`: which values `acr_values` asks for.
    acr_request: Option<String>,
    provider_name: Option<String>,
}

impl AuthConfig {
    pub fn load(
        env: &dyn Fn(&str) -> Option<String>,
        file: Option<AuthFile>,
        file_path: &str,
        public_origin: &Origin,
    ) -> Result<AuthConfig, ConfigError> {
        let file = file.unwrap_or_default();
        // A value from the environment, else from the file; errors name where it came from.
        let pick = |name: &'static str, key: &'static str, from_file: Option<String>| {
            env(name)
                .map(|v| (v, Where::Env(name)))
                .or_else(|| from_file.map(|v| (v, Where::File(key))))
        };
        let err = |at: Where, value: &str, problem: String| match at {
            Where::Env(name) => ConfigError::env(name, value, problem),
            Where::File(key) => ConfigError::file(&format!("auth.{key}"), file_path, value, problem),
        };

        let issuer = match pick(ENV_ISSUER, "issuer", file.issuer) {
            Some((value, at)) => {
                let (_, path) = origin::split_url(value.trim(), false)
                    .map_err(|p| err(at, &value, format!("{p}; expected the issuer URL of the OpenID provider")))?;
                origin::validate_path(path).map_err(|p| err(at, &value, p))?;
                value.trim().to_string()
            }
            None => DEFAULT_ISSUER.to_string(),
        };
        let issuer_is_loopback = origin::split_url(&issuer, false)
            .map(|(o, _)| matches!(o.host(), "localhost" | "127.0.0.1" | "[::1]"))
            .unwrap_or(false);

        let client_id = match pick(ENV_CLIENT_ID, "client_id", file.client_id) {
            Some((value, at)) => {
                let v = value.trim();
                if v.is_empty() || v.len() > 200 || v.chars().any(char::is_control) {
                    return Err(err(at, &value, "expected the client id registered at the provider".into()));
                }
                v.to_string()
            }
            None => DEFAULT_CLIENT_ID.to_string(),
        };

        let client_secret = match pick(ENV_CLIENT_SECRET, "client_secret", file.client_secret) {
            Some((value, at)) => {
                if value.trim().is_empty() || value.chars().any(char::is_control) {
                    return Err(err(at, "…", "expected the client secret".into()));
                }
                Secret(value.trim().to_string())
            }
            None if issuer_is_loopback => Secret(SANDBOX_CLIENT_SECRET.into()),
            None => {
                return Err(ConfigError::env(
                    ENV_CLIENT_SECRET,
                    "",
                    format!("is required for the identity provider {issuer} (the built-in secret works only with the local sandbox)"),
                ))
            }
        };

        let session_key = match pick(ENV_SESSION_KEY, "session_key", file.session_key) {
            Some((value, at)) => SessionKey::from_base64(&value).map_err(|p| err(at, "…", p))?,
            None => SessionKey::generate(),
        };

        let minutes = |name, key, from_file: Option<u64>, default: u64| -> Result<u64, ConfigError> {
            match env(name) {
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|&n| (1..=7 * 24 * 60).contains(&n))
                    .ok_or_else(|| err(Where::Env(name), &v, "expected whole minutes between 1 and 10080".into())),
                None => match from_file {
                    Some(n) if (1..=7 * 24 * 60).contains(&n) => Ok(n),
                    Some(n) => Err(err(Where::File(key), &n.to_string(), "expected whole minutes between 1 and 10080".into())),
                    None => Ok(default),
                },
            }
        };
        let idle = minutes(ENV_IDLE_MINUTES, "idle_minutes", file.idle_minutes, 30)?;
        let absolute = minutes(ENV_ABSOLUTE_MINUTES, "absolute_minutes", file.absolute_minutes, 8 * 60)?;
        if idle > absolute {
            return Err(ConfigError::env(
                ENV_IDLE_MINUTES,
                idle.to_string(),
                format!("is longer than the absolute lifetime of {absolute} minutes"),
            ));
        }

        let clock_skew = match env(ENV_CLOCK_SKEW_SECONDS) {
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&n| n <= 600)
                .ok_or_else(|| err(Where::Env(ENV_CLOCK_SKEW_SECONDS), &v, "expected whole seconds between 0 and 600".into()))?,
            None => match file.clock_skew_seconds {
                Some(n) if n <= 600 => n,
                Some(n) => return Err(err(Where::File("clock_skew_seconds"), &n.to_string(), "expected whole seconds between 0 and 600".into())),
                None => 60,
            },
        };

        let style = match pick(ENV_ACR_REQUEST, "acr_request", file.acr_request) {
            Some((value, at)) => AcrStyle::parse(&value).ok_or_else(|| err(at, &value, "expected eidas or stork".into()))?,
            None => AcrStyle::Eidas,
        };
        let mut acr = AcrMap::new(style);
        match env(ENV_ACR) {
            Some(value) => {
                for entry in value.split(';').map(str::trim).filter(|e| !e.is_empty()) {
                    let (acr_value, level) = entry.rsplit_once('=').ok_or_else(|| {
                        err(Where::Env(ENV_ACR), &value, format!("entry {entry:?} is not of the form acr-value=level"))
                    })?;
                    acr.add(acr_value.trim(), parse_level(level)
                        .map_err(|p| err(Where::Env(ENV_ACR), &value, p))?);
                }
            }
            None => {
                for (acr_value, level) in file.acr.unwrap_or_default() {
                    let level = parse_level(&level)
                        .map_err(|p| err(Where::File("acr"), &format!("{acr_value} = {level}"), p))?;
                    acr.add(acr_value.trim(), level);
                }
            }
        }

        let provider_name = match pick(ENV_PROVIDER_NAME, "provider_name", file.provider_name) {
            Some((value, at)) => {
                let v = value.trim();
                if v.is_empty() || v.chars().count() > 100 || v.chars().any(char::is_control) {
                    return Err(err(at, &value, "expected a name of 1 to 100 printable characters".into()));
                }
                v.to_string()
            }
            None if issuer == DEFAULT_ISSUER || issuer_is_loopback => "Servicekonto (Testumgebung)".into(),
            None => "Servicekonto".into(),
        };

        let base = public_origin.to_string();
        Ok(AuthConfig {
            issuer,
            client_id,
            client_secret,
            redirect_uri: format!("{base}/auth/callback"),
            post_logout_redirect_uri: format!("{base}/"),
            session_key,
            idle: Duration::from_secs(idle * 60),
            absolute: Duration::from_secs(absolute * 60),
            clock_skew: Duration::from_secs(clock_skew),
            acr,
            provider_name,
            secure_cookies: public_origin.is_https(),
            public_origin: public_origin.clone(),
        })
    }

    /// The provider's origin, for the CSP (`form-action`: the sign-in redirect chain).
    pub fn issuer_origin(&self) -> Option<Origin> {
        origin::split_url(&self.issuer, false).ok().map(|(o, _)| o)
    }
}

#[derive(Clone, Copy)]
enum Where {
    Env(&'static str),
    File(&'static str),
}

fn parse_level(s: &str) -> Result<TrustLevel, String> {
    match TrustLevel::parse(s) {
        TrustLevel::Other(_) => Err(format!(
            "{s:?} is not a trust level; expected basisregistrierung, substanziell or hoch"
        )),
        level => Ok(level),
    }
}

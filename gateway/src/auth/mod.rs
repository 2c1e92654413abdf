//! Sign-in with the Servicekonto: the gateway as OpenID Connect backend-for-frontend.
//!
//! The browser never holds a token. The gateway runs the authorization code flow with PKCE as a
//! confidential client ([`oidc`]), validates the ID token, keeps only the claims the app needs in
//! a sealed session cookie ([`session`]) and answers the app's questions ([`routes`]). Trust
//! levels come from `acr` ([`trust`]). Settings: [`settings`]; the protocol and the claim format
//! are documented in `docs/sign-in.md`.

pub mod oidc;
pub mod routes;
pub mod session;
pub mod settings;
pub mod trust;

use std::sync::Arc;

use self::oidc::Oidc;
use self::session::{cookie_names, CookieNames, Sealer};
use self::settings::AuthConfig;

/// Everything the sign-in endpoints need; built once at startup, no network access until the
/// first sign-in (the provider may be down when the gateway starts).
pub struct Auth {
    config: Arc<AuthConfig>,
    oidc: Oidc,
    sealer: Sealer,
    names: CookieNames,
    /// The public origin as browsers send it in `Origin`.
    origin: String,
}

impl Auth {
    pub fn new(config: &AuthConfig) -> Auth {
        let config = Arc::new(config.clone());
        Auth {
            oidc: Oidc::new(config.clone()),
            sealer: Sealer::new(config.session_key.bytes()),
            names: cookie_names(config.secure_cookies),
            origin: config.public_origin.to_string(),
            config,
        }
    }

    pub fn config(&self) -> &AuthConfig {
        &self.config
    }
}

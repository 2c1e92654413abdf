//! The OpenID Connect confidential client (crate `openidconnect`): discovery (cached, refreshed
//! when a signing key is unknown, so the provider can rotate keys), the authorization request
//! with PKCE S256, `state`, `nonce` and `acr_values`, the server-side code exchange and full
//! ID-token validation, and the RP-initiated logout URL.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use model::auth::{Address, Claim, Claims, LoginError};
use model::TrustLevel;
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse,
    CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationContextClass, AuthorizationCode, Client, ClientId,
    ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdTokenClaims, IdTokenFields, IssuerUrl, LogoutRequest, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl, ProviderMetadataWithLogout,
    RedirectUrl, RequestTokenError, Scope, StandardErrorResponse, StandardTokenResponse,
    TokenResponse as _,
};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

use super::session::LoginState;
use super::settings::AuthConfig;

/// Claims beyond the OIDC standard ones that the gateway reads (see docs/sign-in.md).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ExtraClaims {
    /// Per-claim trust level, BundID style: claim name → `HOCH`, `SUBSTANTIELL`,
    /// `UNTERGEORDNET`, a STORK level or an eIDAS LoA URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_levels: Option<BTreeMap<String, String>>,
}
impl AdditionalClaims for ExtraClaims {}

type IdFields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type TokenResponse = StandardTokenResponse<IdFields, CoreTokenType>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Scopes the gateway asks for: only what the app may show or prefill, plus per-claim levels.
/// Not `bundid` (bPK2, Postkorb-Handle …): the app has no use for them.
const SCOPES: [&str; 4] = ["profile", "email", "address", "trust"];

/// How long discovery results (metadata and keys) are reused.
const METADATA_TTL: Duration = Duration::from_secs(3600);
/// Refetch the keys at most this often when a token names an unknown key.
const KEY_REFRESH_INTERVAL: Duration = Duration::from_secs(5);

struct Discovered {
    metadata: ProviderMetadataWithLogout,
    fetched: Instant,
}

pub struct Oidc {
    config: Arc<AuthConfig>,
    http: reqwest::Client,
    discovered: RwLock<Option<Arc<Discovered>>>,
}

/// What a successful callback yields.
pub struct Verified {
    pub level: TrustLevel,
    pub claims: Claims,
}

/// A failure, with a log line that never contains a token or claim values.
#[derive(Debug)]
pub struct Failure {
    pub kind: LoginError,
    pub detail: String,
}

impl Failure {
    fn new(kind: LoginError, detail: impl Into<String>) -> Failure {
        Failure {
            kind,
            detail: detail.into(),
        }
    }
}

impl Oidc {
    pub fn new(config: Arc<AuthConfig>) -> Oidc {
        // No redirects for back-channel calls (SSRF), short timeouts: the citizen is waiting.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(8))
            .build()
            .expect("the HTTP client builds with static settings");
        Oidc {
            config,
            http,
            discovered: RwLock::new(None),
        }
    }

    async fn metadata(&self, force: bool) -> Result<Arc<Discovered>, Failure> {
        if let Some(d) = self.discovered.read().await.as_ref() {
            let fresh = d.fetched.elapsed() < METADATA_TTL;
            let recent = d.fetched.elapsed() < KEY_REFRESH_INTERVAL;
            if (fresh && !force) || (force && recent) {
                return Ok(d.clone());
            }
        }
        let mut slot = self.discovered.write().await;
        // Another request may have refreshed while we waited for the lock.
        if let Some(d) = slot.as_ref() {
            if d.fetched.elapsed() < KEY_REFRESH_INTERVAL {
                return Ok(d.clone());
            }
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone())
            .map_err(|e| Failure::new(LoginError::Unreachable, format!("issuer URL: {e}")))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| {
                Failure::new(
                    LoginError::Unreachable,
                    format!("discovery at {} failed: {}", self.config.issuer, error_chain(&e)),
                )
            })?;
        let discovered = Arc::new(Discovered {
            metadata,
            fetched: Instant::now(),
        });
        tracing::info!(
            target: "gateway::auth",
            issuer = %self.config.issuer,
            keys = discovered.metadata.jwks().keys().len(),
            "provider metadata and signing keys loaded"
        );
        *slot = Some(discovered.clone());
        Ok(discovered)
    }

    fn client(&self, d: &Discovered) -> Result<OidcClient, Failure> {
        let redirect = RedirectUrl::new(self.config.redirect_uri.clone())
            .map_err(|e| Failure::new(LoginError::Provider, format!("redirect URI: {e}")))?;
        Ok(OidcClient::from_provider_metadata(
            d.metadata.clone(),
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(
                self.config.client_secret.expose().to_string(),
            )),
        )
        .set_redirect_uri(redirect))
    }

    /// The provider's authorization URL for a sign-in at `level`, and what the callback needs.
    pub async fn begin(
        &self,
        level: &TrustLevel,
        return_to: String,
        now: u64,
    ) -> Result<(String, LoginState), Failure> {
        let d = self.metadata(false).await?;
        let client = self.client(&d)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in SCOPES {
            request = request.add_scope(Scope::new(scope.into()));
        }
        if let Some(acr) = self.config.acr.request_value(level) {
            request = request.add_auth_context_value(AuthenticationContextClass::new(acr));
        }
        let (url, state, nonce) = request.url();
        Ok((
            url.to_string(),
            LoginState {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                return_to,
                level: level.clone(),
                created: now,
            },
        ))
    }

    /// Exchanges the code and validates the ID token: signature (JWKS, refetched once for an
    /// unknown key), `iss`, `aud`, `exp` and `iat` (with the configured clock skew), `nonce`,
    /// and an `acr` at least as high as requested.
    pub async fn finish(
        &self,
        login: &LoginState,
        code: String,
        iss: Option<&str>,
    ) -> Result<Verified, Failure> {
        // RFC 9207: the crate does not compare the `iss` authorization-response parameter.
        if let Some(iss) = iss {
            if iss != self.config.issuer {
                return Err(Failure::new(
                    LoginError::Invalid,
                    format!("callback iss {iss:?} is not the configured issuer (mix-up?)"),
                ));
            }
        }
        let d = self.metadata(false).await?;
        let client = self.client(&d)?;
        let token: TokenResponse = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| Failure::new(LoginError::Provider, format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(login.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => Failure::new(
                    LoginError::Provider,
                    format!("token endpoint refused: {}", r.error()),
                ),
                RequestTokenError::Request(e) => Failure::new(
                    LoginError::Unreachable,
                    format!("token endpoint unreachable: {}", error_chain(&e)),
                ),
                RequestTokenError::Parse(e, _) => Failure::new(
                    LoginError::Invalid,
                    format!("token response unreadable: {e}"),
                ),
                RequestTokenError::Other(e) => {
                    Failure::new(LoginError::Provider, format!("token request: {e}"))
                }
            })?;
        let id_token = token
            .id_token()
            .ok_or_else(|| Failure::new(LoginError::Invalid, "token response has no ID token"))?;

        let skew = chrono::Duration::from_std(self.config.clock_skew)
            .unwrap_or_else(|_| chrono::Duration::seconds(60));
        let nonce = Nonce::new(login.nonce.clone());
        let verify = |client: &OidcClient| -> Result<IdTokenClaims<ExtraClaims, CoreGenderClaim>, openidconnect::ClaimsVerificationError> {
            let verifier = client
                .id_token_verifier()
                // exp is accepted up to `skew` after it passed, iat up to `skew` ahead of us.
                .set_time_fn(move || Utc::now() - skew)
                .set_issue_time_verifier_fn(move |iat| {
                    if iat > Utc::now() + skew {
                        Err(format!("issued in the future ({iat})"))
                    } else {
                        Ok(())
                    }
                });
            id_token.claims(&verifier, &nonce).cloned()
        };
        let claims = match verify(&client) {
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(
                openidconnect::SignatureVerificationError::NoMatchingKey,
            )) => {
                tracing::info!(target: "gateway::auth", "ID token signed with an unknown key: refetching the provider's keys");
                let d = self.metadata(true).await?;
                verify(&self.client(&d)?)
            }
            other => other,
        }
        .map_err(|e| {
            use openidconnect::ClaimsVerificationError as E;
            let kind = match e {
                E::Expired(_) => LoginError::Clock,
                _ => LoginError::Invalid,
            };
            Failure::new(kind, format!("ID token rejected: {e}"))
        })?;

        let acr = claims.auth_context_ref().map(|a| a.as_str().to_string());
        let level = acr
            .as_deref()
            .and_then(|a| self.config.acr.level(a))
            .ok_or_else(|| {
                Failure::new(
                    LoginError::Level,
                    format!("ID token acr {acr:?} is not a known trust level"),
                )
            })?;
        if !level.suffices_for(&login.level) {
            return Err(Failure::new(
                LoginError::Level,
                format!("acr {level} is below the requested {}", login.level),
            ));
        }
        Ok(Verified {
            level,
            claims: app_claims(&claims),
        })
    }

    /// Where the browser goes to end the session at the provider as well.
    pub async fn end_session_url(&self) -> Option<String> {
        let d = self.metadata(false).await.ok()?;
        let endpoint = d.metadata.additional_metadata().end_session_endpoint.clone()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(ClientId::new(self.config.client_id.clone()));
        if let Ok(uri) = PostLogoutRedirectUrl::new(self.config.post_logout_redirect_uri.clone()) {
            request = request.set_post_logout_redirect_uri(uri);
        }
        Some(request.http_get_url().to_string())
    }
}

/// The claims the app may use, each with its own trust level where the provider gives one.
fn app_claims(c: &IdTokenClaims<ExtraClaims, CoreGenderClaim>) -> Claims {
    let levels = c.additional_claims().verified_levels.clone().unwrap_or_default();
    let level_of = |name: &str| {
        levels
            .get(name)
            .map(|v| TrustLevel::parse(v))
            .filter(|l| l.rank().is_some())
    };
    let claim = |name: &str, value: Option<String>| {
        value
            .filter(|v| !v.trim().is_empty())
            .map(|value| Claim {
                value,
                trust_level: level_of(name),
            })
    };
    let address = c.address().map(|a| Address {
        street_address: a.street_address.as_ref().map(|v| v.as_str().to_string()),
        postal_code: a.postal_code.as_ref().map(|v| v.as_str().to_string()),
        locality: a.locality.as_ref().map(|v| v.as_str().to_string()),
        country: a.country.as_ref().map(|v| v.as_str().to_string()),
    });
    Claims {
        given_name: claim(
            "given_name",
            c.given_name().and_then(|n| n.get(None)).map(|v| v.as_str().to_string()),
        ),
        family_name: claim(
            "family_name",
            c.family_name().and_then(|n| n.get(None)).map(|v| v.as_str().to_string()),
        ),
        birthdate: claim("birthdate", c.birthdate().map(|v| v.as_str().to_string())),
        address: address.map(|value| Claim {
            value,
            trust_level: level_of("address"),
        }),
        email: claim("email", c.email().map(|v| v.as_str().to_string())),
    }
}

/// An error and its causes on one line (reqwest hides the interesting part in `source`).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

//! Security headers, derived once from the configuration and put on every response.
//!
//! The Content-Security-Policy is the main defence against script injection: scripts only from
//! our own origin plus the one inline loader Trunk writes, which carries a per-response nonce.
//! `'unsafe-inline'` is never allowed for scripts.

use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue, InvalidHeaderValue};
use base64::Engine as _;

use crate::config::Config;

/// A Content-Security-Policy, built from the configuration; extensible (e.g. the IdP origin
/// in `form-action` once sign-in exists) without touching the fixed directives.
#[derive(Clone, Debug)]
pub struct Csp {
    connect_src: Vec<String>,
    form_action: Vec<String>,
    frame_ancestors: Vec<String>,
}

impl Default for Csp {
    fn default() -> Self {
        Csp {
            connect_src: vec!["'self'".into()],
            form_action: vec!["'self'".into()],
            frame_ancestors: vec!["'none'".into()],
        }
    }
}

impl Csp {
    /// Allows `fetch`/XHR to another origin (a federation source the browser calls directly).
    pub fn connect_src(mut self, source: impl Into<String>) -> Self {
        push_unique(&mut self.connect_src, source.into());
        self
    }

    /// Allows a form to submit (or a form-initiated redirect to go) to another origin.
    pub fn form_action(mut self, source: impl Into<String>) -> Self {
        push_unique(&mut self.form_action, source.into());
        self
    }

    /// Replaces who may embed the app in a frame.
    pub fn frame_ancestors(mut self, sources: &[String]) -> Self {
        self.frame_ancestors = sources.to_vec();
        self
    }

    /// The header value; `nonce` only for HTML, whose inline loader script needs it.
    pub fn render(&self, nonce: Option<&Nonce>) -> String {
        let script_src = match nonce {
            Some(nonce) => format!("'self' 'nonce-{}' 'wasm-unsafe-eval'", nonce.as_str()),
            None => "'self' 'wasm-unsafe-eval'".into(),
        };
        [
            "default-src 'none'".to_string(),
            format!("script-src {script_src}"),
            "style-src 'self'".into(),
            "img-src 'self' data:".into(),
            "font-src 'self'".into(),
            format!("connect-src {}", self.connect_src.join(" ")),
            "manifest-src 'self'".into(),
            "base-uri 'self'".into(),
            format!("form-action {}", self.form_action.join(" ")),
            format!("frame-ancestors {}", self.frame_ancestors.join(" ")),
            "object-src 'none'".into(),
        ]
        .join("; ")
    }
}

fn push_unique(list: &mut Vec<String>, source: String) {
    if !list.contains(&source) {
        list.push(source);
    }
}

/// A fresh CSP nonce: 144 random bits, base64 (24 characters, no padding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nonce(String);

impl Nonce {
    pub fn generate() -> Result<Nonce, getrandom::Error> {
        let mut bytes = [0u8; 18];
        getrandom::fill(&mut bytes)?;
        Ok(Nonce(
            base64::engine::general_purpose::STANDARD.encode(bytes),
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Denies powerful features the app never uses, so injected or embedded code cannot use them.
/// Only features Chromium recognises: an unknown one is reported as a console error on every
/// page, which the end-to-end tests treat as a failure.
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), hid=(), \
idle-detection=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), \
payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), \
xr-spatial-tracking=()";

/// Every security header except the nonce, precomputed at startup.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    csp: Csp,
    fixed: Vec<(HeaderName, HeaderValue)>,
}

impl SecurityHeaders {
    pub fn from_config(config: &Config) -> Result<SecurityHeaders, InvalidHeaderValue> {
        let mut csp = Csp::default().frame_ancestors(config.frame_ancestors.sources());
        for origin in config.cross_origin_sources() {
            csp = csp.connect_src(origin.to_string());
        }
        // Sign-in and sign-out navigate to the identity provider (and its forms back to us).
        if let Some(idp) = config.auth.issuer_origin() {
            if idp != config.public_origin {
                csp = csp.form_action(idp.to_string());
            }
        }
        SecurityHeaders::new(csp, config.public_origin.is_https())
    }

    /// Fails only if a source expression could not be a header value, which validated
    /// configuration rules out; checked anyway so a bug stops startup instead of a request.
    pub fn new(csp: Csp, https: bool) -> Result<SecurityHeaders, InvalidHeaderValue> {
        let deny_framing = csp.frame_ancestors == ["'none'"];
        let mut fixed = vec![
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_str(&csp.render(None))?,
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
            (
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static(PERMISSIONS_POLICY),
            ),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                HeaderValue::from_static("same-origin"),
            ),
            (
                HeaderName::from_static("cross-origin-resource-policy"),
                HeaderValue::from_static("same-origin"),
            ),
        ];
        if https {
            fixed.push((
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000; includeSubDomains"),
            ));
        }
        if deny_framing {
            fixed.push((header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")));
        }
        Ok(SecurityHeaders { csp, fixed })
    }

    /// The CSP for an HTML response carrying `nonce`.
    pub fn csp_with_nonce(&self, nonce: &Nonce) -> Result<HeaderValue, InvalidHeaderValue> {
        HeaderValue::from_str(&self.csp.render(Some(nonce)))
    }

    /// Adds every header the response does not already set (an HTML handler sets its own CSP).
    pub fn apply(&self, headers: &mut HeaderMap) {
        for (name, value) in &self.fixed {
            if !headers.contains_key(name) {
                headers.insert(name.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_long_random_and_base64() {
        let a = Nonce::generate().unwrap();
        let b = Nonce::generate().unwrap();
        assert_ne!(a, b);
        let raw = base64::engine::general_purpose::STANDARD
            .decode(a.as_str())
            .unwrap();
        assert!(raw.len() * 8 >= 128);
    }

    #[test]
    fn the_policy_is_strict_and_extensible() {
        let nonce = Nonce("abc".into());
        let csp = Csp::default()
            .connect_src("https://pvog.example.de")
            .form_action("https://idp.example.de");
        let text = csp.render(Some(&nonce));
        assert!(text
            .starts_with("default-src 'none'; script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(text.contains("connect-src 'self' https://pvog.example.de;"));
        assert!(text.contains("form-action 'self' https://idp.example.de;"));
        assert!(text.contains("frame-ancestors 'none';"));
        assert!(!text.contains("unsafe-inline"));
        assert!(!csp.render(None).contains("nonce-"));
    }

    #[test]
    fn hsts_only_for_https_and_frame_denial_only_without_ancestors() {
        let mut h = HeaderMap::new();
        SecurityHeaders::new(Csp::default(), false)
            .unwrap()
            .apply(&mut h);
        assert!(!h.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");

        let mut h = HeaderMap::new();
        let csp = Csp::default().frame_ancestors(&["'self'".into()]);
        SecurityHeaders::new(csp, true).unwrap().apply(&mut h);
        assert!(h.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert!(!h.contains_key(header::X_FRAME_OPTIONS));
    }
}

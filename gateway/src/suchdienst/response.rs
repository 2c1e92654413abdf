//! Responses of the Suchdienst mirror: JSON with a strong `ETag`, public caching, compression
//! negotiated like every other response of the gateway, CORS for public data, and RFC 9457
//! problem bodies for errors.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::Lang;
use serde::Serialize;

use crate::assets::{etag, if_none_match};
use crate::compression::{self, Encoding, Level};

/// The data changes about daily (PVOG collects every 24 h): an hour is a fair freshness.
pub const CACHE_FRESH: &str = "public, max-age=3600";
/// A stale copy served because upstream failed: browsers should ask again soon.
pub const CACHE_STALE: &str = "public, max-age=60";
/// Bodies smaller than this are not worth a content coding.
const COMPRESS_FROM: usize = 256;

/// How a successful (or "no hit") answer may be cached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// From the snapshot, from upstream just now, or from a fresh cache entry of this age.
    Fresh { age: Option<Duration> },
    /// A cached copy served because upstream could not be asked or failed.
    Stale { age: Duration },
}

/// An error answer with an RFC 9457 `application/problem+json` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub status: StatusCode,
    pub detail: String,
    /// Seconds, for `503` while upstream asked us to wait.
    pub retry_after: Option<u64>,
}

#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    detail: &'a str,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            status,
            detail: detail.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// "No hit": the Suchdienst answers lookups that find nothing with 404.
    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    pub fn body(&self) -> Vec<u8> {
        serde_json::to_vec(&ProblemBody {
            kind: "about:blank",
            title: self.status.canonical_reason().unwrap_or("Error"),
            status: self.status.as_u16(),
            detail: &self.detail,
        })
        .unwrap_or_default()
    }

    /// The response. A "no hit" is as cacheable as a hit; other errors are not cached.
    pub fn respond(&self) -> Response {
        let mut headers = HeaderMap::new();
        common_headers(&mut headers);
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let cache = if self.status == StatusCode::NOT_FOUND {
            CACHE_FRESH
        } else {
            "no-store"
        };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        (self.status, headers, self.body()).into_response()
    }
}

/// Headers every mirror response carries: public data, readable from any origin (like PVOG
/// itself), and loadable cross-origin despite the gateway's default `same-origin` CORP.
pub fn common_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag, Warning, Age, Retry-After, Content-Language"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
}

/// The answer to a CORS preflight: a PVOG client sends `pvog-sud-api-client-id` (and maybe
/// `Authorization`), which makes its GET "non-simple".
pub fn preflight() -> Response {
    let mut headers = HeaderMap::new();
    common_headers(&mut headers);
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, HEAD, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(
            "accept, accept-language, authorization, if-none-match, pvog-sud-api-client-id",
        ),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    (StatusCode::NO_CONTENT, headers).into_response()
}

/// A JSON answer (`200`, or a cached upstream `404`): strong `ETag` per language and content
/// coding (as for assets), `304` on a matching `If-None-Match`, compressed on the fly.
pub fn json(
    request: &HeaderMap,
    status: StatusCode,
    body: Bytes,
    lang: Lang,
    freshness: Freshness,
) -> Response {
    let mut headers = HeaderMap::new();
    common_headers(&mut headers);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Encoding, Accept-Language"),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    let (cache, age) = match freshness {
        Freshness::Fresh { age } => (CACHE_FRESH, age),
        Freshness::Stale { age } => {
            headers.insert(
                header::WARNING,
                HeaderValue::from_static("110 - \"Response is Stale\""),
            );
            (CACHE_STALE, Some(age))
        }
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some(age) = age {
        headers.insert(header::AGE, HeaderValue::from(age.as_secs()));
    }

    let available: &[Encoding] = if body.len() >= COMPRESS_FROM {
        &[Encoding::Brotli, Encoding::Gzip]
    } else {
        &[]
    };
    let accept = compression::accept_encoding(request);
    let mut encoding = compression::negotiate(accept.as_deref(), available);
    let hash = etag(&body);
    let tag = |encoding: Encoding| match encoding.token() {
        Some(token) => format!("\"{hash}.{token}\""),
        None => format!("\"{hash}\""),
    };
    if status.is_success() {
        let tag = tag(encoding);
        let not_modified = if_none_match(request, &tag);
        if let Ok(value) = HeaderValue::from_str(&tag) {
            headers.insert(header::ETAG, value);
        }
        if not_modified {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
    }
    let body = match encoding.compress(&body, Level::Fast) {
        Ok(compressed) if encoding != Encoding::Identity && compressed.len() < body.len() => {
            Bytes::from(compressed)
        }
        _ => {
            if encoding != Encoding::Identity && status.is_success() {
                // Sent uncompressed after all: its validator is the identity one.
                encoding = Encoding::Identity;
                if let Ok(value) = HeaderValue::from_str(&tag(encoding)) {
                    headers.insert(header::ETAG, value);
                }
            }
            encoding = Encoding::Identity;
            body
        }
    };
    if let Some(token) = encoding.token() {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
    }
    (status, headers, Body::from(body)).into_response()
}

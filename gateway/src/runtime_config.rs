//! `/config.json`: the app's runtime configuration, generated from the gateway's own, so the
//! two can never disagree (one source of truth).

use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::assets::{etag, if_none_match};
use crate::config::{Config, FederationSource};

/// The document's shape; documented in `docs/configuration.md`. New sections (e.g. `auth`)
/// are added as new top-level keys so older apps keep working.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    federation: Federation<'a>,
    sample_data: bool,
}

#[derive(Serialize)]
struct Federation<'a> {
    sources: &'a [FederationSource],
}

/// The serialised document and its strong validator, computed once.
pub struct RuntimeConfig {
    body: String,
    etag: HeaderValue,
}

impl RuntimeConfig {
    pub fn new(config: &Config) -> RuntimeConfig {
        let document = Document {
            federation: Federation {
                sources: &config.federation_sources,
            },
            sample_data: config.sample_data,
        };
        // Serialising plain strings and bools cannot fail.
        let body = serde_json::to_string(&document).unwrap_or_default();
        let etag = HeaderValue::from_str(&format!("\"{}\"", etag(body.as_bytes())))
            .unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
        RuntimeConfig { body, etag }
    }

    /// `no-cache` plus ETag: the app revalidates on every load and usually gets a 304.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let headers = [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::ETAG, self.etag.clone()),
        ];
        if if_none_match(request, self.etag.to_str().unwrap_or_default()) {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        (headers, self.body.clone()).into_response()
    }
}

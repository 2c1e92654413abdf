//! The PVOG Suchdienst mirror under `/suchdienst/api`: the same paths, parameters and JSON
//! shapes as `https://pvog.fitko.net/suchdienst/api`, answered from the shipped dataset
//! (default) or from a real Suchdienst through a cache (upstream mode). The contract is
//! documented in `docs/federation-api.md`.

pub mod params;
pub mod places;
pub mod response;
pub mod snapshot;
pub mod upstream;

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::HeaderMap;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use model::Lang;

use crate::config::{Config, ConfigError, ENV_DATA, ENV_PVOG_UPSTREAM};
use params::{Endpoint, Request};
use response::{Freshness, Problem};
use snapshot::Snapshot;
use upstream::{Outcome, Upstream};

/// Where the mirror is mounted; the app's default federation source points here.
pub const MOUNT: &str = "/suchdienst/api";

/// The mirror's state: the dataset in memory, or the upstream client with its cache.
pub enum Suchdienst {
    Snapshot(Box<Snapshot>),
    Upstream(Box<Upstream>),
}

impl Suchdienst {
    /// Loads the dataset (`LEBENSLAGEN_DATA`), or sets up the upstream client when
    /// `LEBENSLAGEN_PVOG_UPSTREAM` is configured (the dataset is then not read).
    pub fn load(config: &Config) -> Result<Suchdienst, ConfigError> {
        let started = Instant::now();
        if let Some(up) = &config.pvog_upstream {
            let upstream = Upstream::new(up).map_err(|problem| {
                ConfigError::env(ENV_PVOG_UPSTREAM, up.base_url.clone(), problem)
            })?;
            tracing::info!(
                target: "gateway::suchdienst",
                upstream = %up.base_url,
                timeout_ms = up.timeout.as_millis() as u64,
                cache_entries = up.cache_entries,
                cache_seconds = up.cache_ttl.as_secs(),
                "PVOG mirror proxies an upstream Suchdienst"
            );
            return Ok(Suchdienst::Upstream(Box::new(upstream)));
        }
        let snapshot = Snapshot::load(&config.data).map_err(|problem| {
            ConfigError::env(ENV_DATA, config.data.display().to_string(), problem)
        })?;
        tracing::info!(
            target: "gateway::suchdienst",
            municipalities = snapshot.municipalities(),
            services = snapshot.services(),
            load_ms = started.elapsed().as_millis() as u64,
            data = %config.data.display(),
            "PVOG mirror serves the dataset"
        );
        Ok(Suchdienst::Snapshot(Box::new(snapshot)))
    }

    /// Answers one request; `uri` is relative to [`MOUNT`].
    async fn handle(&self, endpoint: Endpoint, uri: &Uri, headers: &HeaderMap) -> Response {
        let lang = language(headers);
        let request: Request = match params::parse(&endpoint, uri.query()) {
            Ok(request) => request,
            Err(problem) => return problem.respond(),
        };
        match self {
            Suchdienst::Snapshot(snapshot) => match snapshot.answer(&request, lang) {
                Ok(body) => response::json(
                    headers,
                    StatusCode::OK,
                    Bytes::from(body),
                    lang,
                    Freshness::Fresh { age: None },
                ),
                Err(problem) => problem.respond(),
            },
            Suchdienst::Upstream(upstream) => {
                let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
                match upstream.get(uri.path(), path_and_query, lang).await {
                    Outcome::Answer {
                        status,
                        body,
                        freshness,
                    } => response::json(headers, status, body, lang, freshness),
                    Outcome::Problem(problem) => problem.respond(),
                }
            }
        }
    }
}

/// The language of the texts: `Accept-Language` only (PVOG clients send `de` or `en`);
/// German by default. No cookie: the answer must not depend on anything but the request.
fn language(headers: &HeaderMap) -> Lang {
    let values: Vec<&str> = headers
        .get_all(axum::http::header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    Lang::negotiate(&values.join(",")).unwrap_or(Lang::De)
}

/// The mirror's routes, to be nested under [`MOUNT`]. `GET` (and `HEAD`) answer, `OPTIONS`
/// answers CORS preflights, anything else is `405`; unknown paths are a JSON `404`.
pub fn router<S: Clone + Send + Sync + 'static>(suchdienst: Arc<Suchdienst>) -> Router<S> {
    Router::new()
        .route("/v2/locations", get(locations).options(preflight))
        .route(
            "/v2/servicedescriptions/leikahierarchy",
            get(leikahierarchy).options(preflight),
        )
        .route(
            "/v6/servicedescriptions/{id}/detail",
            get(service_detail).options(preflight),
        )
        .route(
            "/v2/organisationunits/titles",
            get(unit_titles).options(preflight),
        )
        .route(
            "/v5/organisationunits/detail",
            get(unit_detail).options(preflight),
        )
        .route(
            "/v1beta2/onlineservices",
            get(online_services).options(preflight),
        )
        .fallback(unknown)
        .with_state(suchdienst)
}

type Mirror = State<Arc<Suchdienst>>;

async fn locations(State(s): Mirror, uri: Uri, headers: HeaderMap) -> Response {
    s.handle(Endpoint::Locations, &uri, &headers).await
}

async fn leikahierarchy(State(s): Mirror, uri: Uri, headers: HeaderMap) -> Response {
    s.handle(Endpoint::LeikaHierarchy, &uri, &headers).await
}

async fn service_detail(
    State(s): Mirror,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    s.handle(Endpoint::ServiceDetail(id), &uri, &headers).await
}

async fn unit_titles(State(s): Mirror, uri: Uri, headers: HeaderMap) -> Response {
    s.handle(Endpoint::OrganisationUnitTitles, &uri, &headers)
        .await
}

async fn unit_detail(State(s): Mirror, uri: Uri, headers: HeaderMap) -> Response {
    s.handle(Endpoint::OrganisationUnitDetail, &uri, &headers)
        .await
}

async fn online_services(State(s): Mirror, uri: Uri, headers: HeaderMap) -> Response {
    s.handle(Endpoint::OnlineServices, &uri, &headers).await
}

async fn preflight() -> Response {
    response::preflight()
}

async fn unknown() -> Response {
    Problem::new(
        StatusCode::NOT_FOUND,
        "no such endpoint in this Suchdienst (see docs/federation-api.md)",
    )
    .respond()
}

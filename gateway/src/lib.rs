//! The Lebenslagen gateway: a stateless backend-for-frontend that serves the built app.
//!
//! `main.rs` only reads the configuration and runs the server; everything else lives here so
//! integration tests can build the same router and drive it without opening a port.

pub mod assets;
pub mod auth;
pub mod compression;
pub mod config;
pub mod csp;
pub mod origin;
pub mod pages;
mod runtime_config;
pub mod suchdienst;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use model::route::{Page, Route};
use model::Lang;
use tower_http::catch_panic::CatchPanicLayer;

use crate::assets::Assets;
use crate::config::{Config, ConfigError, ENV_DIST, ENV_FRAME_ANCESTORS};
use crate::csp::SecurityHeaders;
use crate::pages::Pages;
use crate::runtime_config::RuntimeConfig;

/// Everything a request may read; built once at startup, never mutated.
pub struct Gateway {
    security: SecurityHeaders,
    runtime_config: RuntimeConfig,
    assets: Assets,
    pages: Pages,
    suchdienst: Arc<suchdienst::Suchdienst>,
    auth: Arc<auth::Auth>,
}

impl Gateway {
    /// Loads `dist` into memory and derives headers and `config.json`. Assets are sent
    /// uncompressed until [`Assets::compress`] has run.
    pub fn load(config: &Config) -> Result<Gateway, ConfigError> {
        let dist_error = |problem: String| {
            ConfigError::env(ENV_DIST, config.dist.display().to_string(), problem)
        };
        if !config.dist.is_dir() {
            return Err(dist_error(
                "is not a directory (build the app first, or point this at its dist folder)".into(),
            ));
        }
        let assets =
            Assets::load(&config.dist).map_err(|e| dist_error(format!("cannot be read: {e}")))?;
        let pages = Pages::load(&config.dist.join("pages"))
            .map_err(|e| dist_error(format!("cannot be read: {e}")))?;
        let security = SecurityHeaders::from_config(config).map_err(|_| {
            ConfigError::env(
                ENV_FRAME_ANCESTORS,
                config.frame_ancestors.sources().join(" "),
                "results in an invalid Content-Security-Policy header",
            )
        })?;
        let runtime_config = RuntimeConfig::new(config);
        let suchdienst = Arc::new(suchdienst::Suchdienst::load(config)?);
        Ok(Gateway {
            security,
            runtime_config,
            assets,
            pages,
            suchdienst,
            auth: Arc::new(auth::Auth::new(&config.auth)),
        })
    }

    pub fn assets(&self) -> &Assets {
        &self.assets
    }

    pub fn pages(&self) -> &Pages {
        &self.pages
    }
}

/// The whole application: routes, pages and assets, security headers, access log.
pub fn router(gateway: Arc<Gateway>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/config.json", get(config_json))
        .nest(
            suchdienst::MOUNT,
            suchdienst::router(gateway.suchdienst.clone()),
        )
        .fallback(serve)
        .with_state(gateway.clone())
        .merge(auth::routes::router(gateway.auth.clone()))
        // Innermost first: a panic becomes a 500 that still gets headers and a log line.
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            pages::internal_error("Internal error.")
        }))
        .layer(middleware::from_fn_with_state(gateway, security_headers))
        .layer(middleware::from_fn(access_log))
}

/// Load, compress and route in one step, for tests and embedding; `main` compresses in the
/// background instead so it can listen at once.
pub fn app(config: &Config) -> Result<Router, ConfigError> {
    let gateway = Gateway::load(config)?;
    gateway.assets.compress().map_err(|e| {
        ConfigError::env(
            ENV_DIST,
            config.dist.display().to_string(),
            format!("cannot be compressed: {e}"),
        )
    })?;
    Ok(router(Arc::new(gateway)))
}

async fn healthz() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "ok",
    )
}

async fn config_json(State(gateway): State<Arc<Gateway>>, headers: HeaderMap) -> Response {
    gateway.runtime_config.respond(&headers)
}

/// Pages and assets: everything that is not an explicit route.
async fn serve(
    State(gateway): State<Arc<Gateway>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [
                (header::ALLOW, "GET, HEAD"),
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            ],
            "Method Not Allowed",
        )
            .into_response();
    }
    let path = uri.path();
    if let Some(asset) = gateway.assets.get(path) {
        return asset.respond(&headers);
    }
    if path == "/" {
        return home(&gateway, &headers, uri.query());
    }
    let choice = gateway.pages.choose(&Route::parse(path));
    gateway
        .pages
        .respond(&choice, &headers, &gateway.security, "")
}

/// `/` alone: the one negotiated URL. Every other URL names its language itself. A redirect
/// keeps the query, so a shared link's place (`?ars=…`) survives it.
fn home(gateway: &Gateway, headers: &HeaderMap, query: Option<&str>) -> Response {
    const VARY: &str = "Cookie, Accept-Language";
    match pages::negotiate_language(headers) {
        Lang::De => {
            let choice = gateway.pages.choose(&Route::new(Lang::De, Page::Home));
            gateway
                .pages
                .respond(&choice, headers, &gateway.security, VARY)
        }
        lang => {
            let mut location = Route::new(lang, Page::Home).path();
            if let Some(query) = query {
                location = format!("{location}?{query}");
            }
            let mut response = StatusCode::FOUND.into_response();
            let h = response.headers_mut();
            if let Ok(location) = HeaderValue::from_str(&location) {
                h.insert(header::LOCATION, location);
            }
            h.insert(header::VARY, HeaderValue::from_static(VARY));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
    }
}

async fn security_headers(
    State(gateway): State<Arc<Gateway>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    gateway.security.apply(response.headers_mut());
    response
}

/// One line per request. Only method, path, status and latency: never the query string
/// (it may carry search terms), cookies or other headers.
async fn access_log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let mut path = request.uri().path().to_owned();
    if path.len() > 200 {
        let mut cut = 200;
        while !path.is_char_boundary(cut) {
            cut -= 1;
        }
        path.truncate(cut);
        path.push('…');
    }
    let start = Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        target: "gateway::access",
        %method,
        %path,
        status = response.status().as_u16(),
        latency_ms = start.elapsed().as_micros() as f64 / 1000.0,
    );
    response
}

//! Upstream mode: the mirror forwards to a real PVOG Suchdienst and keeps its answers in a
//! bounded in-memory cache.
//!
//! - A fresh entry (younger than the configured TTL) is served without asking upstream.
//! - When upstream fails (connection error, timeout, 5xx, unusable body) a cached copy is served
//!   stale, with `Warning: 110` and a short `max-age`, and the failure is logged.
//! - A `429` makes the gateway stop asking upstream until its `Retry-After` has passed; meanwhile
//!   cached copies are served stale, anything else is a `503` with the remaining `Retry-After`.
//! - At most [`PARALLEL`] requests go upstream at once; each one (waiting for its turn
//!   included) is bounded by the configured timeout.
//!
//! Only the path is ever logged, never the query (it may carry a place the citizen typed).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use http_body_util::{BodyExt, Empty, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use model::Lang;

use super::response::{Freshness, Problem};
use crate::config::PvogUpstream;

/// Requests to upstream at once (public clients use about four, see the reference).
pub const PARALLEL: usize = 4;
/// Largest upstream body accepted.
const MAX_BODY: usize = 8 * 1024 * 1024;
/// All cached bodies together stay below this.
const MAX_CACHE_BYTES: usize = 64 * 1024 * 1024;
/// When a `429` names no usable `Retry-After`.
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Longest wait a `429` can impose.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);
const USER_AGENT: &str = concat!("lebenslagen-gateway/", env!("CARGO_PKG_VERSION"));

pub struct Upstream {
    base: String,
    client_id: HeaderValue,
    authorization: Option<HeaderValue>,
    timeout: Duration,
    ttl: Duration,
    client: Client<HttpsConnector<HttpConnector>, Empty<Bytes>>,
    cache: Mutex<Cache>,
    /// Set by a `429`: no upstream request before this instant.
    blocked_until: Mutex<Option<Instant>>,
    permits: tokio::sync::Semaphore,
}

/// What the mirror answers.
pub enum Outcome {
    /// `200` (or a `404` "no hit") with the upstream body.
    Answer {
        status: StatusCode,
        body: Bytes,
        freshness: Freshness,
    },
    Problem(Problem),
}

#[derive(Clone)]
struct Entry {
    status: StatusCode,
    body: Bytes,
    fetched: Instant,
    used: u64,
}

/// A least-recently-used cache bounded by entries and bytes.
struct Cache {
    entries: HashMap<String, Entry>,
    capacity: usize,
    bytes: usize,
    clock: u64,
}

impl Cache {
    fn get(&mut self, key: &str) -> Option<Entry> {
        self.clock += 1;
        let clock = self.clock;
        self.entries.get_mut(key).map(|e| {
            e.used = clock;
            e.clone()
        })
    }

    fn insert(&mut self, key: String, status: StatusCode, body: Bytes) {
        self.clock += 1;
        let entry = Entry {
            status,
            body,
            fetched: Instant::now(),
            used: self.clock,
        };
        self.bytes += entry.body.len();
        if let Some(old) = self.entries.insert(key, entry) {
            self.bytes -= old.body.len();
        }
        while self.entries.len() > self.capacity || self.bytes > MAX_CACHE_BYTES {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(old) = self.entries.remove(&oldest) {
                self.bytes -= old.body.len();
            }
        }
    }
}

/// One upstream exchange.
struct Reply {
    status: StatusCode,
    retry_after: Option<HeaderValue>,
    body: Bytes,
}

impl Upstream {
    pub fn new(config: &PvogUpstream) -> Result<Upstream, String> {
        let client_id = HeaderValue::from_str(&config.client_id)
            .map_err(|_| "the client id is not a valid header value".to_string())?;
        let authorization = match &config.token {
            Some(token) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose()))
                    .map_err(|_| "the token is not a valid header value".to_string())?;
                value.set_sensitive(true);
                Some(value)
            }
            None => None,
        };
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
            .map_err(|e| format!("cannot set up TLS: {e}"))?
            .https_or_http()
            .enable_http1()
            .build();
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(30))
            .build(https);
        Ok(Upstream {
            base: config.base_url.clone(),
            client_id,
            authorization,
            timeout: config.timeout,
            ttl: config.cache_ttl,
            client,
            cache: Mutex::new(Cache {
                entries: HashMap::new(),
                capacity: config.cache_entries,
                bytes: 0,
                clock: 0,
            }),
            blocked_until: Mutex::new(None),
            permits: tokio::sync::Semaphore::new(PARALLEL),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The answer for `path_and_query` (relative to the API base, as received) in `lang`.
    pub async fn get(&self, path: &str, path_and_query: &str, lang: Lang) -> Outcome {
        let key = format!("{} {path_and_query}", lang.code());
        let cached = lock(&self.cache).get(&key);
        if let Some(entry) = &cached {
            let age = entry.fetched.elapsed();
            if age < self.ttl {
                return answer(entry, Freshness::Fresh { age: Some(age) });
            }
        }
        if let Some(wait) = self.blocked() {
            return fallback(cached, || {
                let mut p = Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the Suchdienst asked us to wait (429); try again later",
                );
                p.retry_after = Some(wait.as_secs_f64().ceil() as u64);
                p
            });
        }

        let exchange = async {
            let _permit = self.permits.acquire().await.ok();
            self.fetch(path_and_query, lang).await
        };
        let reply = match tokio::time::timeout(self.timeout, exchange).await {
            Err(_) => {
                tracing::warn!(target: "gateway::suchdienst", %path, timeout_ms = self.timeout.as_millis() as u64, stale = cached.is_some(), "PVOG upstream timed out");
                return fallback(cached, || {
                    Problem::new(
                        StatusCode::GATEWAY_TIMEOUT,
                        "the Suchdienst did not answer in time",
                    )
                });
            }
            Ok(Err(error)) => {
                tracing::warn!(target: "gateway::suchdienst", %path, %error, stale = cached.is_some(), "PVOG upstream failed");
                return fallback(cached, || {
                    Problem::new(StatusCode::BAD_GATEWAY, "the Suchdienst cannot be reached")
                });
            }
            Ok(Ok(reply)) => reply,
        };

        match reply.status {
            StatusCode::OK if is_json(&reply.body) => {
                lock(&self.cache).insert(key, StatusCode::OK, reply.body.clone());
                Outcome::Answer {
                    status: StatusCode::OK,
                    body: reply.body,
                    freshness: Freshness::Fresh { age: None },
                }
            }
            StatusCode::NOT_FOUND => {
                let body = Bytes::from(Problem::not_found("no hit at the Suchdienst").body());
                lock(&self.cache).insert(key, StatusCode::NOT_FOUND, body.clone());
                Outcome::Answer {
                    status: StatusCode::NOT_FOUND,
                    body,
                    freshness: Freshness::Fresh { age: None },
                }
            }
            StatusCode::TOO_MANY_REQUESTS => {
                let wait = retry_after(reply.retry_after.as_ref(), SystemTime::now());
                *lock(&self.blocked_until) = Some(Instant::now() + wait);
                tracing::warn!(target: "gateway::suchdienst", %path, retry_after_s = wait.as_secs(), stale = cached.is_some(), "PVOG upstream rate limit (429): not asking again until Retry-After");
                fallback(cached, || {
                    let mut p = Problem::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "the Suchdienst asked us to wait (429); try again later",
                    );
                    p.retry_after = Some(wait.as_secs().max(1));
                    p
                })
            }
            StatusCode::BAD_REQUEST => {
                Outcome::Problem(Problem::bad_request("the Suchdienst rejected the request"))
            }
            status => {
                tracing::warn!(target: "gateway::suchdienst", %path, status = status.as_u16(), stale = cached.is_some(), "PVOG upstream answered with an error or an unusable body");
                fallback(cached, || {
                    Problem::new(
                        StatusCode::BAD_GATEWAY,
                        format!("the Suchdienst answered {}", status.as_u16()),
                    )
                })
            }
        }
    }

    /// How long upstream still asked us to wait, if at all.
    fn blocked(&self) -> Option<Duration> {
        let mut blocked = lock(&self.blocked_until);
        match *blocked {
            Some(until) => match until.checked_duration_since(Instant::now()) {
                Some(wait) if !wait.is_zero() => Some(wait),
                _ => {
                    *blocked = None;
                    None
                }
            },
            None => None,
        }
    }

    async fn fetch(&self, path_and_query: &str, lang: Lang) -> Result<Reply, String> {
        let uri: axum::http::Uri = format!("{}{path_and_query}", self.base)
            .parse()
            .map_err(|e| format!("bad upstream URL: {e}"))?;
        let mut request = axum::http::Request::builder()
            .method(Method::GET)
            .uri(uri)
            .header("pvog-sud-api-client-id", self.client_id.clone())
            .header(header::ACCEPT, "application/json")
            .header(header::ACCEPT_LANGUAGE, lang.code())
            .header(header::USER_AGENT, USER_AGENT);
        if let Some(authorization) = &self.authorization {
            request = request.header(header::AUTHORIZATION, authorization.clone());
        }
        let request = request
            .body(Empty::new())
            .map_err(|e| format!("cannot build the request: {e}"))?;
        let response = self
            .client
            .request(request)
            .await
            .map_err(|e| error_chain(&e))?;
        let status = response.status();
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        let body = Limited::new(response.into_body(), MAX_BODY)
            .collect()
            .await
            .map_err(|e| format!("reading the body failed: {e}"))?
            .to_bytes();
        Ok(Reply {
            status,
            retry_after,
            body,
        })
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Nothing can be left half-updated by a panic here; keep serving.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn answer(entry: &Entry, freshness: Freshness) -> Outcome {
    Outcome::Answer {
        status: entry.status,
        body: entry.body.clone(),
        freshness,
    }
}

/// A stale copy if there is one, else the problem.
fn fallback(cached: Option<Entry>, problem: impl FnOnce() -> Problem) -> Outcome {
    match cached {
        Some(entry) => {
            let age = entry.fetched.elapsed();
            answer(&entry, Freshness::Stale { age })
        }
        None => Outcome::Problem(problem()),
    }
}

fn is_json(body: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok()
}

/// The error and its sources in one line ("client error (Connect): connection refused").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        out.push_str(": ");
        out.push_str(&e.to_string());
        source = e.source();
    }
    out
}

/// The wait a `429` asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), clamped to
/// 1 s … 24 h; 60 s when absent or unreadable.
pub fn retry_after(value: Option<&HeaderValue>, now: SystemTime) -> Duration {
    let Some(text) = value.and_then(|v| v.to_str().ok()).map(str::trim) else {
        return DEFAULT_RETRY_AFTER;
    };
    let wait = if let Ok(seconds) = text.parse::<u64>() {
        Duration::from_secs(seconds)
    } else if let Some(at) = parse_http_date(text) {
        at.duration_since(now).unwrap_or(Duration::ZERO)
    } else {
        return DEFAULT_RETRY_AFTER;
    };
    wait.clamp(Duration::from_secs(1), MAX_RETRY_AFTER)
}

/// An IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
fn parse_http_date(s: &str) -> Option<SystemTime> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let day: u64 = day.parse().ok()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m == month)? as u64
        + 1;
    let year: i64 = year.parse().ok()?;
    let hms: Vec<u64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, sec] = hms.as_slice() else {
        return None;
    };
    if !(1..=31).contains(&day) || *h > 23 || *m > 59 || *sec > 60 || year < 1970 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days as u64 * 86_400 + h * 3600 + m * 60 + sec;
    Some(UNIX_EPOCH + Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_clamped() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        let v = |s: &'static str| HeaderValue::from_static(s);
        assert_eq!(retry_after(Some(&v("120")), now), Duration::from_secs(120));
        assert_eq!(retry_after(Some(&v("0")), now), Duration::from_secs(1));
        assert_eq!(retry_after(Some(&v("999999999")), now), MAX_RETRY_AFTER);
        assert_eq!(
            retry_after(Some(&v("Sun, 06 Nov 1994 08:51:37 GMT")), now),
            Duration::from_secs(120)
        );
        assert_eq!(
            retry_after(Some(&v("Sun, 06 Nov 1994 08:00:00 GMT")), now),
            Duration::from_secs(1),
            "a date in the past"
        );
        assert_eq!(retry_after(Some(&v("soon")), now), DEFAULT_RETRY_AFTER);
        assert_eq!(retry_after(None, now), DEFAULT_RETRY_AFTER);
        assert_eq!(
            parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(UNIX_EPOCH)
        );
        assert_eq!(
            parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT"),
            Some(UNIX_EPOCH + Duration::from_secs(1_709_208_000))
        );
    }

    #[test]
    fn the_cache_evicts_the_least_recently_used() {
        let mut cache = Cache {
            entries: HashMap::new(),
            capacity: 2,
            bytes: 0,
            clock: 0,
        };
        cache.insert("a".into(), StatusCode::OK, Bytes::from_static(b"1"));
        cache.insert("b".into(), StatusCode::OK, Bytes::from_static(b"22"));
        assert!(cache.get("a").is_some());
        cache.insert("c".into(), StatusCode::OK, Bytes::from_static(b"333"));
        assert!(cache.get("b").is_none(), "b was used least recently");
        assert!(cache.get("a").is_some() && cache.get("c").is_some());
        assert_eq!(cache.bytes, 4);
        cache.insert("c".into(), StatusCode::OK, Bytes::from_static(b"4"));
        assert_eq!(cache.bytes, 2, "a replaced entry gives its bytes back");
    }
}

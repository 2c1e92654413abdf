//! Upstream mode of the Suchdienst mirror against a tiny fake PVOG on 127.0.0.1 (never the
//! network): forwarding, caching, stale-on-error, 429 `Retry-After`, timeouts.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use common::*;

const API: &str = "/suchdienst/api";
const LOCATIONS: &str = "/v2/locations?q=86720";
const BODY: &str = r#"[{"ars":"097790194194","ags":"09779194","name":"Nördlingen","zip":"86720","zipCodeCount":1,"fromUpstream":true}]"#;

/// How the fake answers.
#[derive(Clone, Debug)]
enum Mode {
    Ok,
    Status(u16),
    TooMany(&'static str),
    Slow(Duration),
    NotJson,
}

struct Fake {
    mode: Mutex<Mode>,
    hits: AtomicUsize,
    /// Path and query of the last request, and its headers.
    last: Mutex<Option<(String, HeaderMap)>>,
}

impl Fake {
    fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }
    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
    fn last(&self) -> (String, HeaderMap) {
        self.last
            .lock()
            .unwrap()
            .clone()
            .expect("a request reached the fake")
    }
}

async fn fake_pvog(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    fake.hits.fetch_add(1, Ordering::SeqCst);
    let target = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    *fake.last.lock().unwrap() = Some((target, request.headers().clone()));
    let mode = fake.mode.lock().unwrap().clone();
    let json = [("content-type", "application/json")];
    match mode {
        Mode::Ok => (json, BODY).into_response(),
        Mode::Status(code) => StatusCode::from_u16(code).unwrap().into_response(),
        Mode::TooMany(retry_after) => (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", retry_after)],
        )
            .into_response(),
        Mode::Slow(delay) => {
            tokio::time::sleep(delay).await;
            (json, BODY).into_response()
        }
        Mode::NotJson => (json, "<html>maintenance</html>").into_response(),
    }
}

/// Starts the fake on a free loopback port; it lives as long as the test's runtime.
async fn start_fake() -> (Arc<Fake>, String) {
    let fake = Arc::new(Fake {
        mode: Mutex::new(Mode::Ok),
        hits: AtomicUsize::new(0),
        last: Mutex::new(None),
    });
    let app = Router::new().fallback(fake_pvog).with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (fake, format!("http://{address}/suchdienst/api"))
}

fn gateway(upstream: &str, extra: &[(&str, &str)]) -> Router {
    let tmp = fake_build();
    let mut vars = vec![
        ("LEBENSLAGEN_PVOG_UPSTREAM", upstream),
        ("LEBENSLAGEN_PVOG_CLIENT_ID", "test-client-id"),
        ("LEBENSLAGEN_PVOG_TOKEN", "secret-token"),
        ("LEBENSLAGEN_PVOG_TIMEOUT_MS", "400"),
        // No dataset needed in upstream mode.
        ("LEBENSLAGEN_DATA", "/nonexistent/data"),
    ];
    vars.extend_from_slice(extra);
    app_with(&tmp, &vars)
}

#[tokio::test]
async fn forwards_with_client_id_token_and_language_then_serves_from_the_cache() {
    let (fake, base) = start_fake().await;
    let app = gateway(&base, &[]);

    let first = get(&app, &format!("{API}{LOCATIONS}")).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.text(), BODY, "the upstream body, unchanged");
    assert_eq!(first.header("content-type"), "application/json");
    assert_eq!(first.header("cache-control"), "public, max-age=3600");
    assert_eq!(first.header("access-control-allow-origin"), "*");
    assert_eq!(first.header("cross-origin-resource-policy"), "cross-origin");
    assert!(first.header("etag").starts_with('"'));
    assert_eq!(fake.hits(), 1);
    let (target, headers) = fake.last();
    assert_eq!(target, format!("/suchdienst/api{LOCATIONS}"));
    assert_eq!(headers["pvog-sud-api-client-id"], "test-client-id");
    assert_eq!(headers["authorization"], "Bearer secret-token");
    assert_eq!(headers["accept-language"], "de");
    assert_eq!(headers["accept"], "application/json");
    assert!(headers.get("cookie").is_none());

    // Cached: no second upstream request, same validator, revalidation works.
    let etag = first.header("etag").to_string();
    let second = request(
        &app,
        "GET",
        &format!("{API}{LOCATIONS}"),
        &[("cookie", "lang=de; session=x")],
    )
    .await;
    assert_eq!(second.status, 200);
    assert_eq!(second.text(), BODY);
    assert_eq!(second.header("etag"), etag);
    assert!(
        !second.header("age").is_empty(),
        "a cached answer says its age"
    );
    let third = request(
        &app,
        "GET",
        &format!("{API}{LOCATIONS}"),
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(third.status, 304);
    assert_eq!(fake.hits(), 1, "served from the cache");
    assert!(
        fake.last().1.get("cookie").is_none(),
        "cookies are never forwarded"
    );

    // English is another cache entry, asked upstream in English.
    let en = request(
        &app,
        "GET",
        &format!("{API}{LOCATIONS}"),
        &[("accept-language", "en")],
    )
    .await;
    assert_eq!(en.status, 200);
    assert_eq!(fake.hits(), 2);
    assert_eq!(fake.last().1["accept-language"], "en");

    // Paths with ids and every endpoint are forwarded as received.
    let detail = "/v6/servicedescriptions/L100042.LB.123/detail?ars=097790194194";
    assert_eq!(get(&app, &format!("{API}{detail}")).await.status, 200);
    assert_eq!(fake.last().0, format!("/suchdienst/api{detail}"));
    let compressed = request(
        &app,
        "GET",
        &format!("{API}{LOCATIONS}"),
        &[("accept-encoding", "gzip")],
    )
    .await;
    assert_eq!(compressed.decoded(), BODY.as_bytes());
}

#[tokio::test]
async fn requests_are_validated_before_upstream_is_asked_and_no_hits_are_cached() {
    let (fake, base) = start_fake().await;
    let app = gateway(&base, &[]);
    let r = get(
        &app,
        &format!("{API}/v2/servicedescriptions/leikahierarchy?ars=0977&leikaIds=99036008007002"),
    )
    .await;
    assert_eq!(r.status, 400);
    let r = get(&app, &format!("{API}/v9/unknown")).await;
    assert_eq!(r.status, 404);
    assert_eq!(fake.hits(), 0, "nothing malformed or unknown goes upstream");

    fake.set(Mode::Status(404));
    let path = format!("{API}/v5/organisationunits/detail?q=L100042.OE.1");
    for _ in 0..2 {
        let r = get(&app, &path).await;
        assert_eq!(r.status, 404);
        assert_eq!(r.header("content-type"), "application/problem+json");
        assert_eq!(r.header("cache-control"), "public, max-age=3600");
    }
    assert_eq!(fake.hits(), 1, "a no-hit is cached like a hit");

    fake.set(Mode::Status(400));
    let r = get(&app, &format!("{API}/v2/locations?q=x")).await;
    assert_eq!(r.status, 400, "upstream's 400 is passed on");
}

#[tokio::test]
async fn a_stale_copy_is_served_when_upstream_fails() {
    let (fake, base) = start_fake().await;
    // Every entry is stale at once, so each request asks upstream.
    let app = gateway(&base, &[("LEBENSLAGEN_PVOG_CACHE_SECONDS", "0")]);
    let path = format!("{API}{LOCATIONS}");
    let fresh = get(&app, &path).await;
    assert_eq!(fresh.status, 200);
    assert_eq!(fresh.header("warning"), "");

    for (mode, what) in [
        (Mode::Status(500), "500"),
        (Mode::Status(503), "503"),
        (Mode::Status(401), "401"),
        (Mode::NotJson, "not JSON"),
        (Mode::Slow(Duration::from_secs(3)), "timeout"),
    ] {
        fake.set(mode);
        let before = fake.hits();
        let r = get(&app, &path).await;
        assert_eq!(fake.hits(), before + 1, "{what}: upstream was asked");
        assert_eq!(r.status, 200, "{what}");
        assert_eq!(r.text(), BODY, "{what}");
        assert_eq!(r.header("warning"), "110 - \"Response is Stale\"", "{what}");
        assert_eq!(r.header("cache-control"), "public, max-age=60", "{what}");
        assert!(r
            .header("access-control-expose-headers")
            .contains("Warning"));
    }

    // Nothing cached for this one: the failure itself.
    fake.set(Mode::Status(500));
    let r = get(&app, &format!("{API}/v2/locations?q=Augsburg")).await;
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), "application/problem+json");
    assert_eq!(r.header("cache-control"), "no-store");

    // Upstream recovers: fresh again, and the new body replaces the stale one.
    fake.set(Mode::Ok);
    let r = get(&app, &path).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("warning"), "");
}

#[tokio::test]
async fn a_429_stops_upstream_requests_until_retry_after() {
    let (fake, base) = start_fake().await;
    let app = gateway(&base, &[("LEBENSLAGEN_PVOG_CACHE_SECONDS", "0")]);
    let path = format!("{API}{LOCATIONS}");
    assert_eq!(get(&app, &path).await.status, 200);
    assert_eq!(fake.hits(), 1);

    fake.set(Mode::TooMany("120"));
    let r = get(&app, &path).await;
    assert_eq!(fake.hits(), 2);
    assert_eq!(r.status, 200, "the cached copy, stale");
    assert_eq!(r.header("warning"), "110 - \"Response is Stale\"");

    // Until Retry-After has passed nobody asks upstream: cached answers stay stale, others 503.
    fake.set(Mode::Ok);
    for _ in 0..3 {
        let r = get(&app, &path).await;
        assert_eq!(r.status, 200);
        assert!(!r.header("warning").is_empty());
    }
    let r = get(&app, &format!("{API}/v2/locations?q=Augsburg")).await;
    assert_eq!(r.status, 503);
    let retry: u64 = r.header("retry-after").parse().unwrap();
    assert!((110..=120).contains(&retry), "{retry}");
    assert_eq!(fake.hits(), 2, "upstream was left alone");
}

#[tokio::test]
async fn a_429_with_a_short_wait_is_retried_after_it() {
    let (fake, base) = start_fake().await;
    let app = gateway(&base, &[]);
    fake.set(Mode::TooMany("1"));
    let path = format!("{API}{LOCATIONS}");
    let r = get(&app, &path).await;
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), "1");
    fake.set(Mode::Ok);
    assert_eq!(get(&app, &path).await.status, 503, "still waiting");
    assert_eq!(fake.hits(), 1);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(get(&app, &path).await.status, 200);
    assert_eq!(fake.hits(), 2);
}

#[tokio::test]
async fn each_upstream_request_is_bounded_by_the_timeout() {
    let (fake, base) = start_fake().await;
    let app = gateway(&base, &[("LEBENSLAGEN_PVOG_TIMEOUT_MS", "300")]);
    fake.set(Mode::Slow(Duration::from_secs(5)));
    let started = Instant::now();
    let r = get(&app, &format!("{API}{LOCATIONS}")).await;
    let took = started.elapsed();
    assert_eq!(r.status, 504);
    assert!(r.text().contains("did not answer in time"), "{}", r.text());
    assert!(
        took >= Duration::from_millis(290) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_502() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = gateway(&format!("http://127.0.0.1:{port}/suchdienst/api"), &[]);
    let r = get(&app, &format!("{API}{LOCATIONS}")).await;
    assert_eq!(r.status, 502);
    let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(body["status"], 502);
}

//! The serving rules, exercised through the real router against a fake build.

mod common;

use common::*;

/// Checks the headers every response must carry, whatever it is.
fn assert_security_headers(r: &Reply, what: &str) {
    let csp = r.header("content-security-policy");
    assert!(
        csp.starts_with("default-src 'none'; "),
        "{what}: CSP {csp:?}"
    );
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .unwrap();
    assert!(
        script_src.starts_with("script-src 'self' "),
        "{what}: {script_src}"
    );
    assert!(
        script_src.ends_with(" 'wasm-unsafe-eval'"),
        "{what}: {script_src}"
    );
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    for directive in [
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        // Sign-in navigates to the identity provider (default: the sandbox).
        "form-action 'self' http://localhost:8081",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ] {
        assert!(
            csp.split("; ").any(|d| d == directive),
            "{what}: {directive} missing in {csp}"
        );
    }
    assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(r.header("referrer-policy"), "no-referrer", "{what}");
    let permissions = r.header("permissions-policy");
    for feature in [
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
    ] {
        assert!(
            permissions.contains(&format!("{feature}=()")),
            "{what}: {feature} not denied"
        );
    }
    assert_eq!(
        r.header("cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
    assert_eq!(
        r.header("cross-origin-resource-policy"),
        "same-origin",
        "{what}"
    );
    assert_eq!(r.header("x-frame-options"), "DENY", "{what}");
    assert_eq!(
        r.header("strict-transport-security"),
        "",
        "{what}: no HSTS on plain http"
    );
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let cases = [
        ("GET", "/", 200),
        ("GET", "/en/", 200),
        ("GET", "/suche", 200),
        ("GET", "/leistungen/99107004002000", 200),
        ("GET", "/gibt-es-nicht", 404),
        ("GET", "/konto", 500), // prerendered page missing from this build
        ("GET", "/healthz", 200),
        ("GET", "/config.json", 200),
        ("GET", &format!("/{WASM}"), 200),
        ("GET", "/favicon.svg", 200),
        ("HEAD", "/suche", 200),
        ("POST", "/suche", 405),
        ("DELETE", &format!("/{JS}"), 405),
        ("POST", "/healthz", 405),
        ("PUT", "/config.json", 405),
    ];
    for (method, path, status) in cases {
        let r = request(&app, method, path, &[("accept-language", "de")]).await;
        assert_eq!(r.status.as_u16(), status, "{method} {path}");
        assert_security_headers(&r, &format!("{method} {path}"));
    }
    let redirect = request(&app, "GET", "/", &[("accept-language", "en")]).await;
    assert_eq!(redirect.status, 302);
    assert_security_headers(&redirect, "redirect");
}

#[tokio::test]
async fn configuration_shapes_the_headers() {
    let tmp = fake_build();
    let app = app_with(
        &tmp,
        &[
            ("LEBENSLAGEN_PUBLIC_ORIGIN", "https://lebenslagen.example.de"),
            ("LEBENSLAGEN_FRAME_ANCESTORS", "'self' https://www.kommune.example"),
            (
                "LEBENSLAGEN_FEDERATION_SOURCES",
                "mirror=Katalog|/suchdienst/api;bund=PVOG|https://pvog.example.de/api;own=Eigen|https://lebenslagen.example.de/pvog",
            ),
        ],
    );
    let r = get(&app, "/suche").await;
    let csp = r.header("content-security-policy");
    assert!(
        csp.contains("connect-src 'self' https://pvog.example.de;"),
        "{csp}"
    );
    assert!(
        csp.contains("frame-ancestors 'self' https://www.kommune.example;"),
        "{csp}"
    );
    assert_eq!(
        r.header("strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
    assert_eq!(
        r.header("x-frame-options"),
        "",
        "framing is allowed for the listed ancestors"
    );
}

#[tokio::test]
async fn every_html_response_gets_a_fresh_nonce_matching_its_csp() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let mut seen = Vec::new();
    for path in [
        "/suche",
        "/suche",
        "/",
        "/en/",
        "/nope",
        "/leistungen/99107004002000",
    ] {
        let r = get(&app, path).await;
        let html = r.text();
        let nonce = r
            .csp_nonce()
            .unwrap_or_else(|| panic!("{path}: no nonce in CSP"));
        assert!(nonce.len() >= 22, "at least 128 bits of base64");
        assert!(
            !html.contains(PLACEHOLDER),
            "{path}: placeholder left in the page"
        );
        assert_eq!(
            html.matches(&format!("nonce=\"{nonce}\"")).count(),
            2,
            "{path}: every placeholder replaced"
        );
        assert!(!seen.contains(&nonce), "{path}: nonce reused");
        seen.push(nonce);
    }
    for path in [&format!("/{JS}") as &str, "/config.json", "/healthz"] {
        assert_eq!(
            get(&app, path).await.csp_nonce(),
            None,
            "{path}: nonces belong to HTML only"
        );
    }
}

#[tokio::test]
async fn the_root_is_negotiated_cookie_first() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    type Headers<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Headers, Option<&str>); 9] = [
        (&[], None),
        (&[("accept-language", "en-GB,en;q=0.9")], Some("/en/")),
        (&[("accept-language", "de-DE,de;q=0.9,en;q=0.8")], None),
        (&[("accept-language", "de;q=0.5, en;q=0.9")], Some("/en/")),
        (&[("accept-language", "fr, en;q=0")], None),
        (&[("accept-language", "fr")], None),
        (&[("accept-language", "en"), ("cookie", "lang=de")], None),
        (
            &[("accept-language", "de"), ("cookie", "a=b; lang=en")],
            Some("/en/"),
        ),
        (
            &[("accept-language", "en"), ("cookie", "lang=xx")],
            Some("/en/"),
        ),
    ];
    for (headers, redirect) in cases {
        let r = request(&app, "GET", "/", headers).await;
        let vary = r.header("vary");
        assert!(
            vary.contains("Cookie") && vary.contains("Accept-Language"),
            "{headers:?}: Vary {vary:?}"
        );
        match redirect {
            Some(location) => {
                assert_eq!(r.status, 302, "{headers:?}");
                assert_eq!(r.header("location"), location, "{headers:?}");
            }
            None => {
                assert_eq!(r.status, 200, "{headers:?}");
                assert!(r.text().contains("DE-HOME"), "{headers:?}");
            }
        }
    }
}

#[tokio::test]
async fn the_language_redirect_keeps_the_place() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let r = request(
        &app,
        "GET",
        "/?ars=091620000000",
        &[("accept-language", "en")],
    )
    .await;
    assert_eq!(r.status, 302);
    assert_eq!(r.header("location"), "/en/?ars=091620000000");
}

#[tokio::test]
async fn only_the_root_is_negotiated_and_nothing_else_redirects() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let en = [("accept-language", "en")];
    for (path, marker) in [
        ("/suche/", "DE-SEARCH"),
        ("/suche", "DE-SEARCH"),
        ("/en", "EN-HOME"),
        ("/en/", "EN-HOME"),
        ("/suche?q=pass", "DE-SEARCH"),
    ] {
        let r = request(&app, "GET", path, &en).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("location"), "", "{path}");
        assert!(r.text().contains(marker), "{path}");
        assert!(
            !r.header("vary").contains("Accept-Language"),
            "{path}: not negotiated"
        );
    }
}

#[tokio::test]
async fn pages_shells_and_404s_are_told_apart() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for (path, status, marker) in [
        ("/leistungen/99107004001000", 200, "DE-CURATED-SERVICE"),
        ("/leistungen/99107004002000", 200, "DE-SHELL"),
        ("/en/leistungen/99107004001000", 200, "EN-SHELL"),
        // Lebenslagen are all curated and prerendered: an unknown one is a 404, not a shell.
        ("/lebenslagen/umzug", 200, "DE-CURATED-LEBENSLAGE"),
        ("/lebenslagen/heiraten", 404, "DE-404"),
        ("/en/lebenslagen/umzug/", 404, "EN-404"),
        ("/leistungen/123", 404, "DE-404"),
        ("/gibt-es-nicht", 404, "DE-404"),
        ("/en/nope", 404, "EN-404"),
        ("/index.html", 404, "DE-404"),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status.as_u16(), status, "{path}");
        assert!(r.text().contains(marker), "{path}: expected {marker}");
        assert_eq!(
            r.header("content-type"),
            "text/html; charset=utf-8",
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_missing_page_is_a_plain_500_not_a_panic() {
    let tmp = fake_build();
    std::fs::remove_file(tmp.path().join("dist/pages/en/404.html")).unwrap();
    let app = app_with(&tmp, &[]);
    for path in ["/konto", "/en/nope"] {
        let r = get(&app, path).await;
        assert_eq!(r.status, 500, "{path}");
        assert!(r.header("content-type").starts_with("text/plain"), "{path}");
        assert!(r.text().contains("missing"), "{path}");
    }
    assert_eq!(
        get(&app, "/nope").await.status,
        404,
        "the German 404 page still exists"
    );
}

#[tokio::test]
async fn hashed_assets_are_immutable_others_revalidate() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for (path, content_type) in [
        (format!("/{WASM}"), "application/wasm"),
        (format!("/{JS}"), "text/javascript"),
        (format!("/{CSS}"), "text/css"),
    ] {
        let r = get(&app, &path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type").starts_with(content_type),
            "{path}: {}",
            r.header("content-type")
        );
        assert_eq!(
            r.header("cache-control"),
            "public, max-age=31536000, immutable",
            "{path}"
        );
    }
    for (path, content_type) in [
        ("/favicon.svg", "image/svg+xml"),
        ("/robots.txt", "text/plain"),
        ("/assets/logo.svg", "image/svg+xml"),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("content-type").starts_with(content_type), "{path}");
        assert_eq!(r.header("cache-control"), "no-cache", "{path}");
        let etag = r.header("etag").to_string();
        assert!(
            etag.starts_with('"') && etag.ends_with('"') && etag.len() > 10,
            "{path}: strong ETag {etag:?}"
        );
        let again = request(&app, "GET", path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        let changed = request(&app, "GET", path, &[("if-none-match", "\"other\"")]).await;
        assert_eq!(changed.status, 200, "{path}");
    }
}

#[tokio::test]
async fn html_is_never_cacheable_by_validator() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for path in ["/", "/suche", "/nope", "/leistungen/99107004002000"] {
        let r = request(
            &app,
            "GET",
            path,
            &[
                ("if-none-match", "*"),
                ("if-modified-since", "Sun, 06 Nov 2044 08:49:37 GMT"),
            ],
        )
        .await;
        assert_ne!(r.status, 304, "{path}");
        assert_eq!(r.header("cache-control"), "no-cache", "{path}");
        assert_eq!(r.header("etag"), "", "{path}");
        assert_eq!(r.header("last-modified"), "", "{path}");
    }
}

#[tokio::test]
async fn assets_are_sent_in_the_best_accepted_coding() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let path = format!("/{WASM}");
    for (accept, coding) in [
        ("gzip, deflate, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0", ""),
        ("identity", ""),
        ("", ""),
    ] {
        let r = request(&app, "GET", &path, &[("accept-encoding", accept)]).await;
        assert_eq!(r.header("content-encoding"), coding, "{accept:?}");
        assert!(r.header("vary").contains("Accept-Encoding"), "{accept:?}");
        assert_eq!(
            r.decoded(),
            wasm_bytes(),
            "{accept:?}: decoded body differs"
        );
        if !coding.is_empty() {
            assert!(r.body.len() < wasm_bytes().len(), "{accept:?}: compressed");
        }
    }
    let r = get(&app, &path).await;
    assert_eq!(
        r.header("content-encoding"),
        "",
        "no Accept-Encoding, no coding"
    );
    assert_eq!(r.body, wasm_bytes());
}

#[tokio::test]
async fn pages_are_compressed_on_the_fly() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let original = page("DE-SEARCH");
    for (accept, coding) in [("br, gzip", "br"), ("gzip", "gzip"), ("identity", "")] {
        let r = request(&app, "GET", "/suche", &[("accept-encoding", accept)]).await;
        assert_eq!(r.header("content-encoding"), coding, "{accept}");
        assert!(r.header("vary").contains("Accept-Encoding"), "{accept}");
        let nonce = r.csp_nonce().unwrap();
        let html = String::from_utf8(r.decoded()).unwrap();
        assert_eq!(html, original.replace(PLACEHOLDER, &nonce), "{accept}");
    }
}

#[tokio::test]
async fn config_json_comes_from_the_gateway_configuration() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let r = get(&app, "/config.json").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/json");
    assert_eq!(r.header("cache-control"), "no-cache");
    assert_eq!(
        r.text(),
        r#"{"federation":{"sources":[{"id":"mirror","name":"Lebenslagen-Katalog (Beispieldaten)","baseUrl":"/suchdienst/api"}]},"sampleData":true}"#
    );
    let etag = r.header("etag").to_string();
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "strong ETag: {etag}"
    );
    let cached = request(&app, "GET", "/config.json", &[("if-none-match", &etag)]).await;
    assert_eq!(cached.status, 304);
    assert!(cached.body.is_empty());
    assert_eq!(cached.header("etag"), etag);

    let other = app_with(
        &tmp,
        &[
            ("LEBENSLAGEN_SAMPLE_DATA", "false"),
            (
                "LEBENSLAGEN_FEDERATION_SOURCES",
                "a=A|https://a.example/api",
            ),
        ],
    );
    let r = request(&other, "GET", "/config.json", &[("if-none-match", &etag)]).await;
    assert_eq!(r.status, 200, "another configuration is another ETag");
    assert_eq!(
        r.text(),
        r#"{"federation":{"sources":[{"id":"a","name":"A","baseUrl":"https://a.example/api"}]},"sampleData":false}"#
    );
}

#[tokio::test]
async fn nothing_outside_the_servable_files_is_reachable() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/secret.txt",
        "/..%2fCargo.toml",
        "/assets/../../Cargo.toml",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/pages/index.html",
        "/pages/en/index.html",
        "/index.html",
        "/.stage/leftover.js",
        "//etc/passwd",
        "/dist/favicon.svg",
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, 404, "{path}");
        let body = r.text();
        assert!(
            !body.contains(SECRET),
            "{path}: leaked a file outside the servable set"
        );
        assert!(
            !body.contains(PLACEHOLDER) && !body.contains("RAW TRUNK TEMPLATE"),
            "{path}"
        );
        assert!(body.contains("DE-404"), "{path}");
    }
}

#[tokio::test]
async fn head_mirrors_get_without_a_body() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for path in ["/suche", "/favicon.svg", "/healthz", "/config.json"] {
        let r = request(&app, "HEAD", path, &[]).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.body.is_empty(), "{path}");
        assert_eq!(
            r.header("content-type"),
            get(&app, path).await.header("content-type"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn other_methods_are_not_allowed() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    for (method, path) in [
        ("POST", "/"),
        ("PUT", "/suche"),
        ("DELETE", "/favicon.svg"),
        ("OPTIONS", "/en/"),
        ("POST", "/nope"),
    ] {
        let r = request(&app, method, path, &[]).await;
        assert_eq!(r.status, 405, "{method} {path}");
        assert_eq!(r.header("allow"), "GET, HEAD", "{method} {path}");
    }
    let r = request(&app, "POST", "/healthz", &[]).await;
    assert_eq!(r.status, 405);
    assert!(r.header("allow").contains("GET"), "{:?}", r.header("allow"));
}

#[tokio::test]
async fn health_check_is_plain_and_uncached() {
    let tmp = fake_build();
    let app = app_with(&tmp, &[]);
    let r = get(&app, "/healthz").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), "ok");
    assert!(r.header("content-type").starts_with("text/plain"));
    assert_eq!(r.header("cache-control"), "no-store");
}

#[tokio::test]
async fn assets_go_out_uncompressed_until_compression_has_run() {
    let tmp = fake_build();
    let gateway = gateway::Gateway::load(&config(&[], &tmp.path().join("dist"))).unwrap();
    let gateway = std::sync::Arc::new(gateway);
    let app = gateway::router(gateway.clone());
    let path = format!("/{WASM}");
    let r = request(&app, "GET", &path, &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(r.header("content-encoding"), "");
    assert_eq!(
        r.header("vary"),
        "Accept-Encoding",
        "the response still depends on it"
    );
    assert_eq!(r.body, wasm_bytes());
    gateway.assets().compress().unwrap();
    let r = request(&app, "GET", &path, &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(r.header("content-encoding"), "br");
    assert_eq!(r.decoded(), wasm_bytes());
}

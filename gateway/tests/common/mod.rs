//! A fake build output (Trunk + prerender step) in a temporary folder, and helpers to drive
//! the router without opening a port.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use gateway::config::Config;
use tower::ServiceExt;

pub const PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";
pub const WASM: &str = "app-1a2b3c4d5e6f7a8b_bg.wasm";
pub const JS: &str = "app-1a2b3c4d5e6f7a8b.js";
pub const CSS: &str = "main-0123456789abcdef.css";
/// Lives next to `dist`, so reaching it would be path traversal.
pub const SECRET: &str = "SECRET-OUTSIDE-DIST";

/// A temporary directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!(
            "lebenslagen-gateway-test-{}-{n}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An HTML page as the prerender step writes it: a marker, Trunk's loader with the nonce
/// placeholder (twice, like the loader script and a preload link) and enough text to compress.
pub fn page(marker: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><link rel=\"modulepreload\" href=\"/{JS}\" nonce=\"{PLACEHOLDER}\">\
         <script type=\"module\" nonce=\"{PLACEHOLDER}\">import init from '/{JS}';init('/{WASM}');</script>\
         </head><body><main>{marker}</main>{}</body></html>",
        "<p>Lebenslagen: Verwaltungsleistungen nach Lebenslage.</p>".repeat(40)
    )
}

pub fn write(path: &Path, content: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// The fake build: `<tmp>/dist` plus files outside it that must never be served.
pub fn fake_build() -> TempDir {
    let tmp = TempDir::new();
    let root = tmp.path();
    write(&root.join("Cargo.toml"), SECRET);
    write(&root.join("secret.txt"), SECRET);
    let dist = root.join("dist");
    write(
        &dist.join("index.html"),
        format!("RAW TRUNK TEMPLATE {SECRET} <script nonce=\"{PLACEHOLDER}\"></script>"),
    );
    write(&dist.join(WASM), wasm_bytes());
    write(
        &dist.join(JS),
        "export default function init() { /* loader */ }\n".repeat(30),
    );
    write(
        &dist.join(CSS),
        "body { margin: 0; font-family: sans-serif; }\n".repeat(30),
    );
    write(
        &dist.join("favicon.svg"),
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            "<g/>".repeat(100)
        ),
    );
    write(&dist.join("robots.txt"), "User-agent: *\nAllow: /\n");
    write(
        &dist.join("assets/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
    );
    write(&dist.join(".stage/leftover.js"), SECRET);
    let pages = dist.join("pages");
    for (file, marker) in [
        ("index.html", "DE-HOME"),
        ("en/index.html", "EN-HOME"),
        ("suche.html", "DE-SEARCH"),
        ("shell.html", "DE-SHELL"),
        ("en/shell.html", "EN-SHELL"),
        ("404.html", "DE-404"),
        ("en/404.html", "EN-404"),
        ("leistungen/99107004001000.html", "DE-CURATED-SERVICE"),
        ("lebenslagen/umzug.html", "DE-CURATED-LEBENSLAGE"),
    ] {
        write(&pages.join(file), page(marker));
    }
    tmp
}

/// Something wasm-like: the magic number and compressible but not trivial content.
pub fn wasm_bytes() -> Vec<u8> {
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..4000u32 {
        bytes.extend_from_slice(&(i % 251).to_le_bytes());
    }
    bytes
}

/// The repository's dataset (`data/generated`), which the PVOG mirror loads at startup.
pub fn data_dir() -> String {
    format!("{}/../data/generated", env!("CARGO_MANIFEST_DIR"))
}

pub fn config(vars: &[(&str, &str)], dist: &Path) -> Config {
    let mut map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    map.insert("LEBENSLAGEN_DIST".into(), dist.display().to_string());
    map.entry("LEBENSLAGEN_DATA".into())
        .or_insert_with(data_dir);
    Config::from_lookup(|k| map.get(k).cloned()).expect("test configuration is valid")
}

pub fn app_with(tmp: &TempDir, vars: &[(&str, &str)]) -> Router {
    gateway::app(&config(vars, &tmp.path().join("dist"))).expect("the fake build loads")
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("utf-8 body")
    }

    /// The body with its content coding removed.
    pub fn decoded(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.header("content-encoding") {
            "br" => {
                brotli::Decompressor::new(&self.body[..], 4096)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            "gzip" => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut out)
                    .unwrap();
            }
            "" => out = self.body.clone(),
            other => panic!("unexpected coding {other}"),
        }
        out
    }

    /// The nonce named in the CSP, if any.
    pub fn csp_nonce(&self) -> Option<String> {
        let csp = self.header("content-security-policy");
        let start = csp.find("'nonce-")? + "'nonce-".len();
        let end = start + csp[start..].find('\'')?;
        Some(csp[start..end].to_string())
    }
}

pub async fn request(app: &Router, method: &str, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = app
        .clone()
        .oneshot(builder.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status: parts.status,
        headers: parts.headers,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Reply {
    request(app, "GET", uri, &[]).await
}

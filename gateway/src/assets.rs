//! Static assets from Trunk's output, loaded into memory at startup.
//!
//! Holding every asset in a map keyed by its relative path makes path traversal impossible by
//! construction (a request can only name a key we put there) and lets us compress each file
//! once, at the best quality, instead of per request.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use axum::body::{Body, Bytes};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::compression::{self, Encoding, Level};

/// Every servable file under `dist`, except the Trunk template and the prerendered pages.
#[derive(Debug, Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
}

#[derive(Debug)]
pub struct Asset {
    content_type: &'static str,
    /// Hashed names never change content, so browsers may keep them forever.
    immutable: bool,
    /// Worth compressing: text-like and not tiny.
    compressible: bool,
    /// Strong validator of the identity bytes; each coding gets its own suffix.
    etag: String,
    identity: Bytes,
    /// Filled once by [`Assets::compress`]; until then the asset goes out uncompressed.
    /// `Some(None)` means compressing did not make it smaller.
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

impl Assets {
    /// Reads every asset under `dist`. Skips `index.html` (the raw Trunk template, whose nonce
    /// placeholder must never reach a browser), `pages/` (served per route, with a nonce) and
    /// hidden entries such as Trunk's `.stage`.
    pub fn load(dist: &Path) -> io::Result<Assets> {
        let mut found = Vec::new();
        collect(dist, "", &mut found)?;
        let files = found
            .into_iter()
            .filter(|(key, _)| key != "index.html" && !key.starts_with("pages/"))
            .map(|(key, data)| {
                let asset = Asset::new(&key, data);
                (key, asset)
            })
            .collect();
        Ok(Assets { files })
    }

    /// Compresses every compressible asset once, at the best quality: all gzip first (fast),
    /// then brotli 11 (slow: seconds per megabyte, a minute in a debug build), spread over
    /// the cores. Safe to run while serving, so the gateway can start listening at once.
    pub fn compress(&self) -> io::Result<()> {
        let assets: Vec<&Asset> = self.files.values().filter(|a| a.compressible).collect();
        let jobs: Vec<(&Asset, Encoding)> = [Encoding::Gzip, Encoding::Brotli]
            .into_iter()
            .flat_map(|encoding| assets.iter().map(move |&asset| (asset, encoding)))
            .collect();
        let next = AtomicUsize::new(0);
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(jobs.len());
        let work = || -> io::Result<()> {
            while let Some(&(asset, encoding)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                let compressed = encoding.compress(&asset.identity, Level::Best)?;
                // Only worth a header and a Vary if it actually saves bytes.
                let variant =
                    (compressed.len() < asset.identity.len()).then(|| Bytes::from(compressed));
                let slot = match encoding {
                    Encoding::Brotli => &asset.brotli,
                    _ => &asset.gzip,
                };
                let _ = slot.set(variant);
            }
            Ok(())
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            workers.into_iter().try_for_each(|w| {
                w.join()
                    .map_err(|_| io::Error::other("compressing an asset panicked"))?
            })
        })
    }

    /// Looks up the asset for a request path (percent-encoded, as in the URI).
    pub fn get(&self, request_path: &str) -> Option<&Asset> {
        let key = percent_decode(request_path.strip_prefix('/')?)?;
        self.files.get(&key)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Total bytes held in memory, for the startup log.
    pub fn memory(&self) -> usize {
        let variant =
            |v: &OnceLock<Option<Bytes>>| v.get().and_then(Option::as_ref).map_or(0, Bytes::len);
        self.files
            .values()
            .map(|a| a.identity.len() + variant(&a.brotli) + variant(&a.gzip))
            .sum()
    }
}

impl Asset {
    fn new(key: &str, data: Vec<u8>) -> Asset {
        let name = key.rsplit('/').next().unwrap_or(key);
        let content_type = content_type(name);
        Asset {
            content_type,
            immutable: is_hashed(name),
            compressible: compressible(content_type) && data.len() >= 256,
            etag: etag(&data),
            identity: Bytes::from(data),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    /// The response for a GET/HEAD of this asset.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let brotli = self.brotli.get().cloned().flatten();
        let gzip = self.gzip.get().cloned().flatten();
        let mut available = Vec::with_capacity(2);
        if brotli.is_some() {
            available.push(Encoding::Brotli);
        }
        if gzip.is_some() {
            available.push(Encoding::Gzip);
        }
        let accept = compression::accept_encoding(request);
        let encoding = compression::negotiate(accept.as_deref(), &available);
        let body = match encoding {
            Encoding::Brotli => brotli,
            Encoding::Gzip => gzip,
            Encoding::Identity => None,
        }
        .unwrap_or_else(|| self.identity.clone());

        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        // Vary even before compression finished: the response still depends on the header.
        if self.compressible {
            headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        }
        if let Some(token) = encoding.token() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        if self.immutable {
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            return (StatusCode::OK, headers, Body::from(body)).into_response();
        }

        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        let etag = match encoding.token() {
            Some(token) => format!("\"{}.{token}\"", self.etag),
            None => format!("\"{}\"", self.etag),
        };
        let not_modified = if_none_match(request, &etag);
        if let Ok(value) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, value);
        }
        if not_modified {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        (StatusCode::OK, headers, Body::from(body)).into_response()
    }
}

/// Whether `If-None-Match` lists `etag` (weak comparison, RFC 9110 §13.1.2) or `*`.
pub fn if_none_match(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// A strong entity tag body (without quotes) for `data`: the first 128 bits of its SHA-256,
/// so every gateway instance behind a load balancer computes the same one.
pub fn etag(data: &[u8]) -> String {
    Sha256::digest(data)[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Recursively lists files as (`a/b.txt`, bytes). Directory symlinks are not followed (no
/// cycles, nothing outside `dist`), file symlinks are.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let key = format!("{prefix}{name}");
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            collect(&entry.path(), &format!("{key}/"), out)?;
        } else if file_type.is_file() || (file_type.is_symlink() && entry.path().is_file()) {
            out.push((key, fs::read(entry.path())?));
        }
    }
    Ok(())
}

/// Decodes `%XX` escapes; `None` for malformed escapes or non-UTF-8 results.
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_owned());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Trunk names hashed files `name-<hash>.ext`, the wasm `name-<hash>_bg.wasm`; the hash is a
/// 64-bit number in lower-case hex without leading zeros.
pub fn is_hashed(file_name: &str) -> bool {
    let bytes = file_name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'-' {
            return false;
        }
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
            .count();
        let rest = &bytes[i + 1 + digits..];
        // Trunk prints its 64-bit hash without leading zeros: 16 hex digits, sometimes fewer.
        (MIN_HASH_DIGITS..=16).contains(&digits) && (rest.starts_with(b".") || rest.starts_with(b"_bg."))
    })
}

/// Fewest hex digits taken for a content hash (Trunk's hash has 16, one in 16 has 15, …).
const MIN_HASH_DIGITS: usize = 12;

/// The media type by extension; unknown types are `application/octet-stream`, which together
/// with `nosniff` keeps browsers from guessing.
pub fn content_type(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Already-compressed formats (images, woff2, pdf) gain nothing from another coding.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || matches!(
            content_type,
            "application/wasm"
                | "application/json"
                | "application/manifest+json"
                | "application/xml"
                | "image/svg+xml"
                | "image/x-icon"
                | "font/ttf"
                | "font/otf"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashes_are_recognised() {
        assert!(is_hashed("app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(is_hashed("lebens-lagen-0123456789abcdef.css"));
        assert!(!is_hashed("favicon.svg"));
        assert!(
            !is_hashed("main-0123456789ABCDEF.css"),
            "Trunk writes lower-case hex"
        );
        assert!(is_hashed("app-3dd5abbcd7189ff_bg.wasm"), "15 digits: a hash with a leading zero");
        assert!(!is_hashed("main-0123456789a.css"), "11 digits: a name, not a hash");
        assert!(!is_hashed("main-2024.css"));
        assert!(!is_hashed("main-0123456789abcdef0.css"), "17 digits");
        assert!(!is_hashed("main-0123456789abcdef"), "no extension");
    }

    #[test]
    fn content_types_follow_extensions() {
        assert_eq!(content_type("app_bg.wasm"), "application/wasm");
        assert!(content_type("app.js").starts_with("text/javascript"));
        assert!(content_type("main.CSS").starts_with("text/css"));
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode("a%20b.svg").as_deref(), Some("a b.svg"));
        assert_eq!(percent_decode("%2e%2e/x").as_deref(), Some("../x"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
        assert_eq!(percent_decode("%2"), None);
    }

    #[test]
    fn if_none_match_uses_weak_comparison() {
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"abc\""),
        );
        assert!(if_none_match(&h, "\"abc\""));
        assert!(!if_none_match(&h, "\"abd\""));
        assert!(!if_none_match(&HeaderMap::new(), "\"abc\""));
    }
}

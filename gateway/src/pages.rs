//! Prerendered HTML pages: which file answers a path, and how it is sent.
//!
//! Pages are loaded into memory at startup, split at Trunk's nonce placeholder, so each response
//! only has to join the parts around a fresh nonce. HTML is never given a validator: a 304 would
//! let the browser reuse a page whose nonce no longer matches the CSP.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;

use axum::body::Body;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::route::{Page, Route, Serving};
use model::Lang;

use crate::compression::{self, Encoding, Level};
use crate::csp::{Nonce, SecurityHeaders};

/// What Trunk writes where the server must put a nonce (`create_nonce = true`).
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The HTML files under `dist/pages`, keyed like [`Route::file`].
#[derive(Debug, Default)]
pub struct Pages {
    files: HashMap<String, Template>,
}

/// A page split at the nonce placeholder.
#[derive(Debug)]
struct Template {
    parts: Vec<Vec<u8>>,
}

impl Template {
    fn new(html: &[u8]) -> Template {
        let needle = NONCE_PLACEHOLDER.as_bytes();
        let mut parts = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.windows(needle.len()).position(|w| w == needle) {
            parts.push(rest[..at].to_vec());
            rest = &rest[at + needle.len()..];
        }
        parts.push(rest.to_vec());
        Template { parts }
    }

    fn render(&self, nonce: &Nonce) -> Vec<u8> {
        let size = self.parts.iter().map(Vec::len).sum::<usize>()
            + (self.parts.len() - 1) * nonce.as_str().len();
        let mut out = Vec::with_capacity(size);
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(nonce.as_str().as_bytes());
            }
            out.extend_from_slice(part);
        }
        out
    }
}

/// Which page file answers a route, and with which status.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub file: String,
    pub status: StatusCode,
}

impl Pages {
    /// Reads every `*.html` under `dir`; a missing directory yields no pages (every page
    /// request is then a 500, and startup warns).
    pub fn load(dir: &Path) -> io::Result<Pages> {
        let mut files = HashMap::new();
        if dir.is_dir() {
            collect(dir, "", &mut files)?;
        }
        Ok(Pages { files })
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn contains(&self, file: &str) -> bool {
        self.files.contains_key(file)
    }

    /// The files every build must contain: home, app shell and 404 in every language.
    pub fn missing_essentials(&self) -> Vec<String> {
        Lang::ALL
            .into_iter()
            .flat_map(|lang| {
                [
                    Route::new(lang, Page::Home).file(),
                    Route::shell_file(lang),
                    Route::new(lang, Page::NotFound).file(),
                ]
            })
            .filter(|file| !self.contains(file))
            .collect()
    }

    /// Prerendered page, app shell or 404, following the route's [`Serving`].
    pub fn choose(&self, route: &Route) -> Choice {
        match route.serving() {
            Serving::Prerendered => Choice {
                file: route.file(),
                status: StatusCode::OK,
            },
            Serving::PrerenderedOrShell => {
                let file = route.file();
                if self.contains(&file) {
                    Choice {
                        file,
                        status: StatusCode::OK,
                    }
                } else {
                    Choice {
                        file: Route::shell_file(route.lang),
                        status: StatusCode::OK,
                    }
                }
            }
            Serving::PrerenderedOrNotFound if self.contains(&route.file()) => Choice {
                file: route.file(),
                status: StatusCode::OK,
            },
            Serving::NotFound | Serving::PrerenderedOrNotFound => Choice {
                file: Route::new(route.lang, Page::NotFound).file(),
                status: StatusCode::NOT_FOUND,
            },
        }
    }

    /// Sends a page with a fresh nonce, compressed per `Accept-Encoding`. `vary` lists the
    /// request headers besides `Accept-Encoding` that chose this page.
    pub fn respond(
        &self,
        choice: &Choice,
        request: &HeaderMap,
        security: &SecurityHeaders,
        vary: &str,
    ) -> Response {
        let Some(template) = self.files.get(&choice.file) else {
            tracing::error!(file = %choice.file, "page missing from dist/pages: the build is incomplete");
            return internal_error("This page is missing from the build.");
        };
        let nonce = match Nonce::generate() {
            Ok(nonce) => nonce,
            Err(error) => {
                tracing::error!(%error, "no randomness for a CSP nonce");
                return internal_error("Could not create a security token.");
            }
        };
        let Ok(csp) = security.csp_with_nonce(&nonce) else {
            tracing::error!("CSP with nonce is not a valid header value");
            return internal_error("Could not create a security token.");
        };
        let html = template.render(&nonce);

        let accept = compression::accept_encoding(request);
        let mut encoding =
            compression::negotiate(accept.as_deref(), &[Encoding::Brotli, Encoding::Gzip]);
        let body = match encoding.compress(&html, Level::Fast) {
            Ok(compressed) if encoding != Encoding::Identity => compressed,
            Ok(_) => html,
            Err(error) => {
                tracing::warn!(%error, "compressing a page failed; sending it uncompressed");
                encoding = Encoding::Identity;
                html
            }
        };

        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        let vary = if vary.is_empty() {
            "Accept-Encoding".to_string()
        } else {
            format!("{vary}, Accept-Encoding")
        };
        if let Ok(vary) = HeaderValue::from_str(&vary) {
            headers.insert(header::VARY, vary);
        }
        if let Some(token) = encoding.token() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        (choice.status, headers, Body::from(body)).into_response()
    }
}

/// The language for `/`: the switcher's `lang` cookie, else `Accept-Language`, else German.
pub fn negotiate_language(request: &HeaderMap) -> Lang {
    lang_cookie(request)
        .or_else(|| {
            let values: Vec<&str> = request
                .get_all(header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            Lang::negotiate(&values.join(","))
        })
        .unwrap_or(Lang::De)
}

/// The `lang` cookie, if it names a language we offer (`de`, `en`); anything else is ignored.
fn lang_cookie(request: &HeaderMap) -> Option<Lang> {
    request
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == "lang")
        .find_map(|(_, value)| {
            Lang::ALL
                .into_iter()
                .find(|l| l.code() == value.trim_matches('"'))
        })
}

/// A plain 500; the security headers are added by the middleware like everywhere else.
pub fn internal_error(message: &'static str) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        message,
    )
        .into_response()
}

fn collect(dir: &Path, prefix: &str, out: &mut HashMap<String, Template>) -> io::Result<()> {
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
        } else if name.ends_with(".html") && entry.path().is_file() {
            out.insert(key, Template::new(&fs::read(entry.path())?));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_replaced() {
        let t = Template::new(
            b"<script nonce=\"{{__TRUNK NONCE__}}\"></script><link nonce=\"{{__TRUNK NONCE__}}\">",
        );
        let html = String::from_utf8(t.render(&Nonce::generate().unwrap())).unwrap();
        assert!(!html.contains("TRUNK NONCE"));
        assert_eq!(html.matches("nonce=\"").count(), 2);
        assert_eq!(
            Template::new(b"plain").render(&Nonce::generate().unwrap()),
            b"plain"
        );
    }

    #[test]
    fn shell_when_not_prerendered_and_404_for_junk() {
        let mut pages = Pages::default();
        pages
            .files
            .insert("leistungen/99107004001000.html".into(), Template::new(b""));
        let curated = Route::parse("/leistungen/99107004001000");
        assert_eq!(
            pages.choose(&curated),
            Choice {
                file: "leistungen/99107004001000.html".into(),
                status: StatusCode::OK
            }
        );
        let uncurated = Route::parse("/en/leistungen/99107004002000");
        assert_eq!(
            pages.choose(&uncurated),
            Choice {
                file: "en/shell.html".into(),
                status: StatusCode::OK
            }
        );
        let junk = Route::parse("/en/nope");
        assert_eq!(
            pages.choose(&junk),
            Choice {
                file: "en/404.html".into(),
                status: StatusCode::NOT_FOUND
            }
        );
        assert_eq!(pages.missing_essentials().len(), 6);
    }

    #[test]
    fn the_cookie_beats_accept_language() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en-GB,en;q=0.9"),
        );
        assert_eq!(negotiate_language(&h), Lang::En);
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; lang=de"),
        );
        assert_eq!(negotiate_language(&h), Lang::De);
        h.insert(header::COOKIE, HeaderValue::from_static("lang=fr"));
        assert_eq!(
            negotiate_language(&h),
            Lang::En,
            "an unknown cookie value is ignored"
        );
        h.insert(header::COOKIE, HeaderValue::from_static("xlang=de"));
        assert_eq!(negotiate_language(&h), Lang::En);
        assert_eq!(negotiate_language(&HeaderMap::new()), Lang::De);
    }
}

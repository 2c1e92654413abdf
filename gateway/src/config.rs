//! Gateway configuration: environment variables, optionally on top of a TOML file.
//!
//! Everything is validated once at startup so a typo stops the gateway with one clear line
//! (naming the variable and the bad value) instead of surfacing later as a broken page or a
//! header the browser silently ignores. Empty environment variables count as unset, which is
//! what container tooling usually means by `VAR=`.

use std::collections::HashSet;
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::auth::settings::{AuthConfig, AuthFile};
use crate::origin::{self, Origin};

pub const ENV_CONFIG: &str = "LEBENSLAGEN_CONFIG";
pub const ENV_LISTEN: &str = "LEBENSLAGEN_LISTEN";
pub const ENV_DIST: &str = "LEBENSLAGEN_DIST";
pub const ENV_PUBLIC_ORIGIN: &str = "LEBENSLAGEN_PUBLIC_ORIGIN";
pub const ENV_FRAME_ANCESTORS: &str = "LEBENSLAGEN_FRAME_ANCESTORS";
pub const ENV_FEDERATION_SOURCES: &str = "LEBENSLAGEN_FEDERATION_SOURCES";
pub const ENV_SAMPLE_DATA: &str = "LEBENSLAGEN_SAMPLE_DATA";
pub const ENV_DATA: &str = "LEBENSLAGEN_DATA";
pub const ENV_PVOG_UPSTREAM: &str = "LEBENSLAGEN_PVOG_UPSTREAM";
pub const ENV_PVOG_CLIENT_ID: &str = "LEBENSLAGEN_PVOG_CLIENT_ID";
pub const ENV_PVOG_TOKEN: &str = "LEBENSLAGEN_PVOG_TOKEN";
pub const ENV_PVOG_TIMEOUT_MS: &str = "LEBENSLAGEN_PVOG_TIMEOUT_MS";
pub const ENV_PVOG_CACHE_ENTRIES: &str = "LEBENSLAGEN_PVOG_CACHE_ENTRIES";
pub const ENV_PVOG_CACHE_SECONDS: &str = "LEBENSLAGEN_PVOG_CACHE_SECONDS";

/// Every variable the gateway reads, so `main` can warn about misspelt ones.
pub const KNOWN_VARIABLES: [&str; 14] = [
    ENV_CONFIG,
    ENV_LISTEN,
    ENV_DIST,
    ENV_PUBLIC_ORIGIN,
    ENV_FRAME_ANCESTORS,
    ENV_FEDERATION_SOURCES,
    ENV_SAMPLE_DATA,
    ENV_DATA,
    ENV_PVOG_UPSTREAM,
    ENV_PVOG_CLIENT_ID,
    ENV_PVOG_TOKEN,
    ENV_PVOG_TIMEOUT_MS,
    ENV_PVOG_CACHE_ENTRIES,
    ENV_PVOG_CACHE_SECONDS,
];

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DIST: &str = "dist";
pub const DEFAULT_DATA: &str = "data/generated";

/// The validated configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub dist: PathBuf,
    /// Where browsers reach the gateway; decides HSTS and which sources are same-origin.
    pub public_origin: Origin,
    pub frame_ancestors: FrameAncestors,
    pub federation_sources: Vec<FederationSource>,
    /// Whether the app labels its data as sample data.
    pub sample_data: bool,
    /// The dataset the PVOG mirror serves (`data/generated`).
    pub data: PathBuf,
    /// When set, the mirror proxies this PVOG Suchdienst instead of serving the dataset.
    pub pvog_upstream: Option<PvogUpstream>,
    /// Sign-in with the Servicekonto (OpenID Connect).
    pub auth: AuthConfig,
}

/// The upstream mode of the PVOG mirror: a real Suchdienst behind a bounded cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PvogUpstream {
    /// Absolute `http(s)` URL ending in `/suchdienst/api` (or wherever the API lives), no
    /// trailing slash.
    pub base_url: String,
    /// Value of the `pvog-sud-api-client-id` header the Suchdienst requires.
    pub client_id: String,
    /// Optional bearer token.
    pub token: Option<Secret>,
    /// Per upstream request, connect to last body byte.
    pub timeout: Duration,
    /// At most this many responses are cached.
    pub cache_entries: usize,
    /// How long a cached response is served without asking upstream again.
    pub cache_ttl: Duration,
}

/// A value that must never be printed (logs, error messages, `Debug`).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub(crate) String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A PVOG-compatible federation node the app queries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FederationSource {
    pub id: String,
    pub name: String,
    /// Absolute `http(s)` URL or a same-origin path starting with `/`; never a trailing slash.
    pub base_url: String,
}

impl FederationSource {
    /// The origin the browser must be allowed to connect to, `None` for same-origin paths.
    pub fn origin(&self) -> Option<Origin> {
        origin::split_url(&self.base_url, false)
            .ok()
            .map(|(o, _)| o)
    }
}

/// CSP `frame-ancestors` source list: who may embed the app (municipal websites, as a widget).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameAncestors(Vec<String>);

impl FrameAncestors {
    pub fn none() -> Self {
        FrameAncestors(vec!["'none'".into()])
    }

    /// `true` when nobody may frame the app, which also warrants `X-Frame-Options: DENY`.
    pub fn is_none(&self) -> bool {
        self.0 == ["'none'"]
    }

    pub fn sources(&self) -> &[String] {
        &self.0
    }
}

/// A configuration error, rendered as one line naming the setting and the bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    setting: Setting,
    value: String,
    problem: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Setting {
    Env(&'static str),
    File { key: String, path: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{:?}` quotes the value and escapes control characters, so the message stays one line.
        match &self.setting {
            Setting::Env(name) => write!(f, "invalid {name}={:?}: {}", self.value, self.problem),
            Setting::File { key, path } => {
                write!(
                    f,
                    "invalid {key} = {:?} in {path}: {}",
                    self.value, self.problem
                )
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// An error about a value that came from `setting`, used by the dist loader too.
    pub fn env(name: &'static str, value: impl Into<String>, problem: impl Into<String>) -> Self {
        ConfigError {
            setting: Setting::Env(name),
            value: value.into(),
            problem: problem.into(),
        }
    }

    /// An error about a key of the TOML file.
    pub fn file(key: &str, path: &str, value: impl Into<String>, problem: impl Into<String>) -> Self {
        ConfigError {
            setting: Setting::File {
                key: key.into(),
                path: path.into(),
            },
            value: value.into(),
            problem: problem.into(),
        }
    }
}

/// The optional TOML file; keys are the variable names without prefix, in lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    dist: Option<String>,
    public_origin: Option<String>,
    frame_ancestors: Option<StringOrList>,
    federation_sources: Option<Vec<FileSource>>,
    sample_data: Option<bool>,
    data: Option<String>,
    pvog_upstream: Option<String>,
    pvog_client_id: Option<String>,
    pvog_token: Option<String>,
    pvog_timeout_ms: Option<u64>,
    pvog_cache_entries: Option<u64>,
    pvog_cache_seconds: Option<u64>,
    auth: Option<AuthFile>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum StringOrList {
    String(String),
    List(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSource {
    id: String,
    name: String,
    #[serde(alias = "baseUrl")]
    base_url: String,
}

/// Where a value came from, so an error can point at it.
struct Found<T> {
    value: T,
    setting: Setting,
}

impl Config {
    /// Reads the process environment (and the file named by `LEBENSLAGEN_CONFIG`).
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any variable lookup, so tests need not touch the
    /// process environment.
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let (file, file_path) = match env(ENV_CONFIG) {
            Some(path) => (read_file(&path)?, path),
            None => (FileConfig::default(), String::new()),
        };
        let in_file = |key: &str| Setting::File {
            key: key.into(),
            path: file_path.clone(),
        };
        let pick =
            |name: &'static str, key: &str, from_file: Option<String>| -> Option<Found<String>> {
                match env(name) {
                    Some(value) => Some(Found {
                        value,
                        setting: Setting::Env(name),
                    }),
                    None => from_file.map(|value| Found {
                        value,
                        setting: in_file(key),
                    }),
                }
            };

        let listen = match pick(ENV_LISTEN, "listen", file.listen) {
            Some(found) => parse_with(found, parse_listen)?,
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };

        let dist = match pick(ENV_DIST, "dist", file.dist) {
            Some(found) => PathBuf::from(found.value),
            None => PathBuf::from(DEFAULT_DIST),
        };

        let public_origin = match pick(ENV_PUBLIC_ORIGIN, "public_origin", file.public_origin) {
            Some(found) => parse_with(found, |s| origin::parse_origin(s, false))?,
            None => Origin::local(listen),
        };

        let frame_ancestors = match env(ENV_FRAME_ANCESTORS) {
            Some(value) => parse_with(
                Found {
                    value,
                    setting: Setting::Env(ENV_FRAME_ANCESTORS),
                },
                |s| parse_frame_ancestors(s.split_whitespace()),
            )?,
            None => match file.frame_ancestors {
                Some(StringOrList::String(value)) => parse_with(
                    Found {
                        value,
                        setting: in_file("frame_ancestors"),
                    },
                    |s| parse_frame_ancestors(s.split_whitespace()),
                )?,
                Some(StringOrList::List(list)) => {
                    parse_frame_ancestors(list.iter().map(String::as_str)).map_err(|problem| {
                        ConfigError {
                            setting: in_file("frame_ancestors"),
                            value: list.join(" "),
                            problem,
                        }
                    })?
                }
                None => FrameAncestors::none(),
            },
        };

        let federation_sources = match env(ENV_FEDERATION_SOURCES) {
            Some(value) => parse_with(
                Found {
                    value,
                    setting: Setting::Env(ENV_FEDERATION_SOURCES),
                },
                parse_sources,
            )?,
            None => match file.federation_sources {
                Some(list) => {
                    let mut sources = Vec::with_capacity(list.len());
                    for (i, s) in list.into_iter().enumerate() {
                        let source =
                            validate_source(&s.id, &s.name, &s.base_url).map_err(|problem| {
                                ConfigError {
                                    setting: in_file(&format!("federation_sources[{i}]")),
                                    value: format!("{}={}|{}", s.id, s.name, s.base_url),
                                    problem,
                                }
                            })?;
                        sources.push(source);
                    }
                    check_sources(&sources).map_err(|problem| ConfigError {
                        setting: in_file("federation_sources"),
                        value: sources
                            .iter()
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(","),
                        problem,
                    })?;
                    sources
                }
                None => default_sources(),
            },
        };

        let sample_data = match env(ENV_SAMPLE_DATA) {
            Some(value) => parse_with(
                Found {
                    value,
                    setting: Setting::Env(ENV_SAMPLE_DATA),
                },
                parse_bool,
            )?,
            None => file.sample_data.unwrap_or(true),
        };

        let data = match pick(ENV_DATA, "data", file.data) {
            Some(found) => PathBuf::from(found.value),
            None => PathBuf::from(DEFAULT_DATA),
        };

        let pvog_upstream = match pick(ENV_PVOG_UPSTREAM, "pvog_upstream", file.pvog_upstream) {
            None => None,
            Some(found) => {
                let base_url = parse_with(found, parse_upstream_url)?;
                let client_id =
                    match pick(ENV_PVOG_CLIENT_ID, "pvog_client_id", file.pvog_client_id) {
                        Some(found) => parse_with(found, parse_client_id)?,
                        None => return Err(ConfigError::env(
                            ENV_PVOG_CLIENT_ID,
                            "",
                            "is required with LEBENSLAGEN_PVOG_UPSTREAM: the Suchdienst expects \
                             the header pvog-sud-api-client-id (request an id from FITKO)",
                        )),
                    };
                let token = match pick(ENV_PVOG_TOKEN, "pvog_token", file.pvog_token) {
                    // Never echo a secret: the error names the setting only.
                    Some(found) => {
                        Some(
                            parse_token(found.value.trim()).map_err(|problem| ConfigError {
                                setting: found.setting,
                                value: "(hidden)".into(),
                                problem,
                            })?,
                        )
                    }
                    None => None,
                };
                let number = |name: &'static str,
                              key: &str,
                              from_file: Option<u64>,
                              default: u64,
                              range: std::ops::RangeInclusive<u64>| {
                    match pick(name, key, from_file.map(|n| n.to_string())) {
                        Some(found) => parse_with(found, |s| parse_number(s, &range)),
                        None => Ok(default),
                    }
                };
                let timeout_ms = number(
                    ENV_PVOG_TIMEOUT_MS,
                    "pvog_timeout_ms",
                    file.pvog_timeout_ms,
                    5_000,
                    100..=120_000,
                )?;
                let cache_entries = number(
                    ENV_PVOG_CACHE_ENTRIES,
                    "pvog_cache_entries",
                    file.pvog_cache_entries,
                    2_000,
                    1..=100_000,
                )?;
                let cache_seconds = number(
                    ENV_PVOG_CACHE_SECONDS,
                    "pvog_cache_seconds",
                    file.pvog_cache_seconds,
                    3_600,
                    0..=604_800,
                )?;
                Some(PvogUpstream {
                    base_url,
                    client_id,
                    token,
                    timeout: Duration::from_millis(timeout_ms),
                    cache_entries: cache_entries as usize,
                    cache_ttl: Duration::from_secs(cache_seconds),
                })
            }
        };
        let auth = AuthConfig::load(&env, file.auth, &file_path, &public_origin)?;

        Ok(Config {
            listen,
            dist,
            public_origin,
            frame_ancestors,
            federation_sources,
            sample_data,
            data,
            pvog_upstream,
            auth,
        })
    }

    /// Origins of federation sources the browser calls directly (not through this gateway).
    pub fn cross_origin_sources(&self) -> Vec<Origin> {
        let mut origins: Vec<Origin> = Vec::new();
        for origin in self
            .federation_sources
            .iter()
            .filter_map(FederationSource::origin)
        {
            if origin != self.public_origin && !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        origins
    }
}

fn parse_with<T>(
    found: Found<String>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, ConfigError> {
    parse(found.value.trim()).map_err(|problem| ConfigError {
        setting: found.setting,
        value: found.value,
        problem,
    })
}

fn read_file(path: &str) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::env(ENV_CONFIG, path, format!("cannot read the file: {e}")))?;
    toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("line {line}, column {column}: ")
            })
            .unwrap_or_default();
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        ConfigError::env(ENV_CONFIG, path, format!("{at}{message}"))
    })
}

fn parse_listen(s: &str) -> Result<SocketAddr, String> {
    s.parse()
        .map_err(|_| "expected an IP address and port, e.g. 127.0.0.1:8080 or [::]:8080".into())
}

fn parse_upstream_url(s: &str) -> Result<String, String> {
    let base = s.trim_end_matches('/');
    let (_, path) = origin::split_url(base, false).map_err(|p| {
        format!("{p}; expected the Suchdienst base URL, e.g. https://pvog.fitko.net/suchdienst/api")
    })?;
    origin::validate_path(path)?;
    Ok(base.to_string())
}

fn parse_client_id(s: &str) -> Result<String, String> {
    let ok = !s.is_empty() && s.len() <= 200 && s.bytes().all(|b| b.is_ascii_graphic());
    if !ok {
        return Err("expected 1 to 200 visible ASCII characters, e.g. a UUID".into());
    }
    Ok(s.to_string())
}

fn parse_token(s: &str) -> Result<Secret, String> {
    let s = s.strip_prefix("Bearer ").unwrap_or(s);
    let ok = !s.is_empty() && s.len() <= 8192 && s.bytes().all(|b| b.is_ascii_graphic());
    if !ok {
        return Err("expected a bearer token of visible ASCII characters".into());
    }
    Ok(Secret(s.to_string()))
}

fn parse_number(s: &str, range: &std::ops::RangeInclusive<u64>) -> Result<u64, String> {
    s.parse::<u64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            )
        })
}

fn parse_bool(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err("expected true or false".into()),
    }
}

fn parse_frame_ancestors<'a>(
    tokens: impl Iterator<Item = &'a str>,
) -> Result<FrameAncestors, String> {
    let mut sources: Vec<String> = Vec::new();
    for token in tokens {
        let source = match token.to_ascii_lowercase().as_str() {
            "'none'" => "'none'".to_string(),
            "'self'" => "'self'".to_string(),
            "none" | "self" => {
                return Err(format!("write '{token}' with single quotes, as in CSP"));
            }
            _ => origin::parse_origin(token, true)
                .map_err(|problem| format!("{token:?} {problem}; expected 'self', 'none' or origins like https://www.example.de"))?
                .to_string(),
        };
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    if sources.is_empty() {
        return Err("expected 'none', 'self' or a space-separated list of origins".into());
    }
    if sources.len() > 1 && sources.iter().any(|s| s == "'none'") {
        return Err("'none' cannot be combined with other sources".into());
    }
    Ok(FrameAncestors(sources))
}

/// Parses `id=Name|baseUrl;id2=Name2|baseUrl2`.
fn parse_sources(s: &str) -> Result<Vec<FederationSource>, String> {
    let mut sources = Vec::new();
    for entry in s.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let (id, rest) = entry
            .split_once('=')
            .ok_or_else(|| format!("entry {entry:?} is not of the form id=Name|baseUrl"))?;
        let (name, base_url) = rest
            .rsplit_once('|')
            .ok_or_else(|| format!("entry {entry:?} is not of the form id=Name|baseUrl"))?;
        sources.push(validate_source(id.trim(), name.trim(), base_url.trim())?);
    }
    check_sources(&sources)?;
    Ok(sources)
}

fn check_sources(sources: &[FederationSource]) -> Result<(), String> {
    if sources.is_empty() {
        return Err("at least one federation source is needed".into());
    }
    let mut seen = HashSet::new();
    for source in sources {
        if !seen.insert(source.id.as_str()) {
            return Err(format!("the id {:?} is used twice", source.id));
        }
    }
    Ok(())
}

fn validate_source(id: &str, name: &str, base_url: &str) -> Result<FederationSource, String> {
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !id_ok {
        return Err(format!(
            "source id {id:?} must be lower-case letters, digits, - or _"
        ));
    }
    if name.trim().is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(format!(
            "source {id:?} needs a name of 1 to 200 printable characters"
        ));
    }
    let base = base_url.trim_end_matches('/');
    let problem = |p: String| format!("base URL {base_url:?} of source {id:?} {p}");
    if base_url.starts_with('/') {
        if base.is_empty() {
            return Err(problem(
                "must be a path below the site root, e.g. /suchdienst/api".into(),
            ));
        }
        origin::validate_path(base_url).map_err(problem)?;
    } else {
        let (_, path) = origin::split_url(base, false).map_err(|p| {
            problem(format!(
                "{p}; expected an absolute http(s) URL or a path starting with /"
            ))
        })?;
        origin::validate_path(path).map_err(problem)?;
    }
    Ok(FederationSource {
        id: id.into(),
        name: name.trim().into(),
        base_url: base.into(),
    })
}

/// The shipped default: the gateway's own PVOG mirror of the sample catalogue, same origin.
fn default_sources() -> Vec<FederationSource> {
    vec![FederationSource {
        id: "mirror".into(),
        name: "Lebenslagen-Katalog (Beispieldaten)".into(),
        base_url: "/suchdienst/api".into(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_run_on_loopback_with_the_sample_mirror() {
        let c = load(&[]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.dist, PathBuf::from("dist"));
        assert_eq!(c.public_origin.to_string(), "http://127.0.0.1:8080");
        assert!(c.frame_ancestors.is_none());
        assert_eq!(c.federation_sources, default_sources());
        assert!(c.sample_data);
        assert!(c.cross_origin_sources().is_empty());
    }

    #[test]
    fn the_mirror_serves_the_dataset_unless_an_upstream_is_configured() {
        let c = load(&[]).unwrap();
        assert_eq!(c.data, PathBuf::from("data/generated"));
        assert_eq!(c.pvog_upstream, None);
        let c = load(&[(ENV_DATA, "/srv/data"), (ENV_PVOG_CLIENT_ID, "ignored")]).unwrap();
        assert_eq!(c.data, PathBuf::from("/srv/data"));
        assert_eq!(
            c.pvog_upstream, None,
            "a client id alone does not switch modes"
        );

        let c = load(&[
            (ENV_PVOG_UPSTREAM, "https://pvog.example.de/suchdienst/api/"),
            (ENV_PVOG_CLIENT_ID, "99155224-c3f8-45f1-b1e6-fe8650ddc593"),
            (ENV_PVOG_TOKEN, "Bearer abc.def"),
            (ENV_PVOG_TIMEOUT_MS, "2500"),
        ])
        .unwrap();
        let up = c.pvog_upstream.unwrap();
        assert_eq!(up.base_url, "https://pvog.example.de/suchdienst/api");
        assert_eq!(up.token.as_ref().unwrap().expose(), "abc.def");
        assert_eq!(up.timeout, Duration::from_millis(2500));
        assert_eq!(up.cache_entries, 2000);
        assert_eq!(up.cache_ttl, Duration::from_secs(3600));
        assert!(
            !format!("{up:?}").contains("abc.def"),
            "Debug hides the token"
        );

        let e = load(&[(ENV_PVOG_UPSTREAM, "https://pvog.example.de/api")])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("invalid LEBENSLAGEN_PVOG_CLIENT_ID=\"\": is required"),
            "{e}"
        );
        let e = load(&[(ENV_PVOG_UPSTREAM, "pvog.example.de")])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("invalid LEBENSLAGEN_PVOG_UPSTREAM="), "{e}");
        let e = load(&[
            (ENV_PVOG_UPSTREAM, "http://127.0.0.1:9/api"),
            (ENV_PVOG_CLIENT_ID, "x"),
            (ENV_PVOG_TOKEN, "geheim geheim"),
        ])
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("invalid LEBENSLAGEN_PVOG_TOKEN=\"(hidden)\""),
            "{e}"
        );
        assert!(!e.contains("geheim"), "{e}");
        let e = load(&[
            (ENV_PVOG_UPSTREAM, "http://127.0.0.1:9/api"),
            (ENV_PVOG_CLIENT_ID, "x"),
            (ENV_PVOG_CACHE_ENTRIES, "0"),
        ])
        .unwrap_err()
        .to_string();
        assert!(e.contains("whole number from 1 to 100000"), "{e}");
    }

    #[test]
    fn public_origin_defaults_to_the_listen_address() {
        let c = load(&[(ENV_LISTEN, "[::1]:9000")]).unwrap();
        assert_eq!(c.public_origin.to_string(), "http://[::1]:9000");
    }

    #[test]
    fn sources_parse_and_cross_origin_ones_are_listed() {
        let c = load(&[
            (ENV_PUBLIC_ORIGIN, "https://lebenslagen.example.de"),
            (
                ENV_FEDERATION_SOURCES,
                "mirror=Katalog|/suchdienst/api/; bund=PVOG Bund|https://pvog.example.de/api;self=Selbst|https://lebenslagen.example.de/x",
            ),
        ])
        .unwrap();
        assert_eq!(c.federation_sources.len(), 3);
        assert_eq!(c.federation_sources[0].base_url, "/suchdienst/api");
        assert_eq!(c.federation_sources[1].name, "PVOG Bund");
        let origins: Vec<String> = c
            .cross_origin_sources()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(origins, ["https://pvog.example.de"]);
    }

    #[test]
    fn bad_sources_are_rejected_with_the_variable_named() {
        for bad in [
            "mirror",
            "mirror=Name",
            "Mirror=Name|/api",
            "m=|/api",
            "m=Name|api",
            "m=Name|ftp://x.de/api",
            "m=Name|//evil.example/api",
            "m=Name|/",
            "m=A|/a;m=B|/b",
            "m=Name|https://x.de/a b",
        ] {
            let e = load(&[(ENV_FEDERATION_SOURCES, bad)])
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with("invalid LEBENSLAGEN_FEDERATION_SOURCES="),
                "{bad}: {e}"
            );
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn frame_ancestors_accept_csp_sources_only() {
        let c = load(&[(
            ENV_FRAME_ANCESTORS,
            "'self' https://www.example.de https://*.kommune.de",
        )])
        .unwrap();
        assert_eq!(
            c.frame_ancestors.sources(),
            ["'self'", "https://www.example.de", "https://*.kommune.de"]
        );
        assert!(!c.frame_ancestors.is_none());
        for bad in [
            "*",
            "none",
            "'none' 'self'",
            "https://x.de/path",
            "'unsafe-inline'",
            "x.de;script-src *",
        ] {
            let e = load(&[(ENV_FRAME_ANCESTORS, bad)]).unwrap_err().to_string();
            assert!(
                e.starts_with("invalid LEBENSLAGEN_FRAME_ANCESTORS="),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn booleans_and_addresses_are_validated() {
        assert!(!load(&[(ENV_SAMPLE_DATA, "false")]).unwrap().sample_data);
        let e = load(&[(ENV_SAMPLE_DATA, "maybe")]).unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid LEBENSLAGEN_SAMPLE_DATA=\"maybe\": expected true or false"
        );
        let e = load(&[(ENV_LISTEN, "localhost:80\n")])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("invalid LEBENSLAGEN_LISTEN=\"localhost:80\\n\""),
            "{e}"
        );
        assert!(!e.contains('\n'));
    }

    #[test]
    fn empty_variables_count_as_unset() {
        let c = load(&[(ENV_LISTEN, ""), (ENV_FEDERATION_SOURCES, "")]).unwrap();
        assert_eq!(c.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(c.federation_sources, default_sources());
    }

    #[test]
    fn the_file_is_read_and_the_environment_wins() {
        let path =
            std::env::temp_dir().join(format!("lebenslagen-config-{}.toml", std::process::id()));
        std::fs::write(
            &path,
            r#"
listen = "127.0.0.1:9090"
public_origin = "https://lebenslagen.example.de"
frame_ancestors = ["'self'", "https://www.example.de"]
sample_data = false

[[federation_sources]]
id = "bund"
name = "PVOG Bund"
base_url = "https://pvog.example.de/api"
"#,
        )
        .unwrap();
        let file = path.to_str().unwrap();
        let c = load(&[(ENV_CONFIG, file), (ENV_LISTEN, "127.0.0.1:7070")]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:7070");
        assert_eq!(
            c.public_origin.to_string(),
            "https://lebenslagen.example.de"
        );
        assert_eq!(
            c.frame_ancestors.sources(),
            ["'self'", "https://www.example.de"]
        );
        assert!(!c.sample_data);
        assert_eq!(
            c.federation_sources[0].base_url,
            "https://pvog.example.de/api"
        );

        std::fs::write(&path, "listen = \"nope\"\n").unwrap();
        let e = load(&[(ENV_CONFIG, file)]).unwrap_err().to_string();
        assert_eq!(e, format!("invalid listen = \"nope\" in {file}: expected an IP address and port, e.g. 127.0.0.1:8080 or [::]:8080"));

        std::fs::write(&path, "listen = \"127.0.0.1:1\"\nlisten_typo = 1\n").unwrap();
        let e = load(&[(ENV_CONFIG, file)]).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("invalid LEBENSLAGEN_CONFIG={file:?}: line 2")),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
        std::fs::remove_file(&path).unwrap();
    }
}

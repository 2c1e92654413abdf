//! Strict parsing of origins and URLs from the configuration.
//!
//! Origins end up in security headers (CSP, HSTS decision) and URLs in `config.json`, so we
//! accept a deliberately small subset of URL syntax: `http(s)://host[:port][/path]` with no user
//! info, query or fragment. Anything unusual is rejected at startup rather than quietly producing
//! a header the browser misreads.

use std::fmt;

/// A web origin (`scheme://host[:port]`), normalised: lower-case host, default port omitted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    https: bool,
    host: String,
    port: Option<u16>,
}

impl Origin {
    pub fn is_https(&self) -> bool {
        self.https
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    /// `http://<address>`: how a browser on this machine reaches a listen address.
    pub fn local(address: std::net::SocketAddr) -> Origin {
        let host = match address.ip() {
            std::net::IpAddr::V4(ip) => ip.to_string(),
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        };
        Origin {
            https: false,
            host,
            port: (address.port() != 80).then_some(address.port()),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.https { "https" } else { "http" };
        write!(f, "{scheme}://{}", self.host)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        Ok(())
    }
}

/// Splits an absolute `http(s)` URL into its origin and the rest (empty or starting with `/`).
/// `allow_wildcard` permits a leading `*.` in the host, as CSP source expressions do.
pub fn split_url(s: &str, allow_wildcard: bool) -> Result<(Origin, &str), String> {
    let (https, rest) = if let Some(rest) = strip_prefix_ignore_case(s, "https://") {
        (true, rest)
    } else if let Some(rest) = strip_prefix_ignore_case(s, "http://") {
        (false, rest)
    } else {
        return Err("must start with http:// or https://".into());
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if path.contains(['?', '#']) {
        return Err("must not contain a query (?) or fragment (#)".into());
    }
    if authority.contains('@') {
        return Err("must not contain user information (@)".into());
    }
    let (host, port) = split_host_port(authority)?;
    let host = host.to_ascii_lowercase();
    validate_host(&host, allow_wildcard)?;
    let port = match port {
        None => None,
        Some(p) => {
            let n: u16 = p
                .parse()
                .ok()
                .filter(|&n| n != 0 && !p.starts_with('+'))
                .ok_or_else(|| format!("has an invalid port {p:?}"))?;
            let default = if https { 443 } else { 80 };
            (n != default).then_some(n)
        }
    };
    Ok((Origin { https, host, port }, path))
}

/// Parses an origin; a single trailing `/` is tolerated, any other path is an error.
pub fn parse_origin(s: &str, allow_wildcard: bool) -> Result<Origin, String> {
    let (origin, path) = split_url(s, allow_wildcard)?;
    if !path.is_empty() && path != "/" {
        return Err(format!("must be an origin without a path, e.g. {origin}"));
    }
    Ok(origin)
}

/// Checks a URL path for characters that are safe and unambiguous in a base URL.
pub fn validate_path(path: &str) -> Result<(), String> {
    if path.starts_with("//") {
        return Err("must not start with // (that would be another host)".into());
    }
    let bad = path
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "-._~/%!$&()*+=:@".contains(c)));
    match bad {
        Some(c) => Err(format!(
            "contains the character {c:?}, which is not allowed in a URL path"
        )),
        None => Ok(()),
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), String> {
    if authority.starts_with('[') {
        let close = authority
            .find(']')
            .ok_or("has an unterminated IPv6 address")?;
        let (host, rest) = authority.split_at(close + 1);
        match rest.strip_prefix(':') {
            Some(port) => Ok((host, Some(port))),
            None if rest.is_empty() => Ok((host, None)),
            None => Err("has junk after the IPv6 address".into()),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => Ok((host, Some(port))),
            None => Ok((authority, None)),
        }
    }
}

fn validate_host(host: &str, allow_wildcard: bool) -> Result<(), String> {
    if host.is_empty() {
        return Err("has no host".into());
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return match inner.parse::<std::net::Ipv6Addr>() {
            Ok(_) => Ok(()),
            Err(_) => Err(format!("has an invalid IPv6 address {host:?}")),
        };
    }
    let name = match host.strip_prefix("*.") {
        Some(rest) if allow_wildcard => rest,
        Some(_) => return Err("must not contain a wildcard host".into()),
        None => host,
    };
    let labels_ok = name.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !labels_ok || name.len() > 253 {
        return Err(format!("has an invalid host name {host:?}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised() {
        let o = parse_origin("HTTPS://Example.ORG:443/", false).unwrap();
        assert_eq!(o.to_string(), "https://example.org");
        assert!(o.is_https());
        assert_eq!(
            parse_origin("http://127.0.0.1:8080", false)
                .unwrap()
                .to_string(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            parse_origin("http://[::1]:80", false).unwrap().to_string(),
            "http://[::1]"
        );
        let local = Origin::local("[::1]:8080".parse().unwrap());
        assert_eq!(local, parse_origin("http://[::1]:8080", false).unwrap());
    }

    #[test]
    fn origins_with_paths_or_odd_parts_are_rejected() {
        for bad in [
            "example.org",
            "ftp://example.org",
            "https://example.org/app",
            "https://user@example.org",
            "https://example.org:99999",
            "https://example.org:0",
            "https://exa mple.org",
            "https://example.org?x",
            "https://",
            "https://*.example.org",
            "https://[::zz]",
            "https://example.org;script-src *",
        ] {
            assert!(parse_origin(bad, false).is_err(), "{bad}");
        }
        assert!(parse_origin("https://*.example.org", true).is_ok());
    }

    #[test]
    fn urls_split_into_origin_and_path() {
        let (o, p) = split_url("https://pvog.example.de/suchdienst/api", false).unwrap();
        assert_eq!(o.to_string(), "https://pvog.example.de");
        assert_eq!(p, "/suchdienst/api");
        assert!(split_url("https://x.de/a?b=c", false).is_err());
    }

    #[test]
    fn paths_are_checked_for_unsafe_characters() {
        assert!(validate_path("/suchdienst/api").is_ok());
        assert!(validate_path("//evil.example/api").is_err());
        assert!(validate_path("/a b").is_err());
        assert!(validate_path("/a\"b").is_err());
        assert!(validate_path("/a'b").is_err());
    }
}

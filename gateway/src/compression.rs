//! Content-coding negotiation (`Accept-Encoding`) and the two encoders we offer.
//!
//! Static assets are compressed once at startup at maximum quality; HTML is compressed per
//! response (it carries a fresh nonce each time) at a fast quality.

use std::io::{self, Write};

use axum::http::header::{HeaderMap, ACCEPT_ENCODING};

/// A content coding we can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The `Content-Encoding` token, `None` for identity (no header).
    pub fn token(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }

    pub fn compress(self, data: &[u8], level: Level) -> io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => brotli(data, level),
            Encoding::Gzip => gzip(data, level),
            Encoding::Identity => Ok(data.to_vec()),
        }
    }
}

/// How hard to compress: `Best` once at startup, `Fast` per response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Best,
    Fast,
}

fn brotli(data: &[u8], level: Level) -> io::Result<Vec<u8>> {
    let quality = match level {
        Level::Best => 11,
        Level::Fast => 5,
    };
    let mut writer =
        brotli::CompressorWriter::new(Vec::with_capacity(data.len() / 3), 4096, quality, 22);
    writer.write_all(data)?;
    writer.flush()?;
    Ok(writer.into_inner())
}

fn gzip(data: &[u8], level: Level) -> io::Result<Vec<u8>> {
    let level = match level {
        Level::Best => flate2::Compression::best(),
        Level::Fast => flate2::Compression::new(6),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(data.len() / 3), level);
    encoder.write_all(data)?;
    encoder.finish()
}

/// The `Accept-Encoding` header; several header lines count as one comma-separated list.
pub fn accept_encoding(headers: &HeaderMap) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(","))
}

/// Picks the coding to send from those `available` (identity is always available).
///
/// Highest q-value wins; on a tie brotli beats gzip beats identity. Identity that the client
/// did not mention is acceptable (RFC 9110 §12.5.3) but only as the last resort, so
/// `Accept-Encoding: gzip;q=0.5` still gets gzip. Without the header we send identity.
pub fn negotiate(accept_encoding: Option<&str>, available: &[Encoding]) -> Encoding {
    let Some(header) = accept_encoding else {
        return Encoding::Identity;
    };
    let mut explicit: [Option<u16>; 3] = [None; 3]; // br, gzip, identity
    let mut star: Option<u16> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let mut q = Some(1000);
        for param in parts {
            if let Some((name, value)) = param.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    q = parse_qvalue(value);
                }
            }
        }
        let Some(q) = q else { continue }; // a malformed q-value makes the entry meaningless
        let slot = match coding.as_str() {
            "br" => &mut explicit[0],
            "gzip" | "x-gzip" => &mut explicit[1],
            "identity" => &mut explicit[2],
            "*" => &mut star,
            _ => continue,
        };
        *slot = Some(slot.map_or(q, |old| old.max(q)));
    }
    let q_of = |e: Encoding| -> u16 {
        match e {
            Encoding::Brotli => explicit[0].or(star).unwrap_or(0),
            Encoding::Gzip => explicit[1].or(star).unwrap_or(0),
            // Unmentioned identity is acceptable unless `*;q=0` excludes it: rank it lowest.
            Encoding::Identity => explicit[2].unwrap_or(if star == Some(0) { 0 } else { 1 }),
        }
    };
    let mut best = (Encoding::Identity, 0u16);
    for candidate in [Encoding::Brotli, Encoding::Gzip, Encoding::Identity] {
        if candidate != Encoding::Identity && !available.contains(&candidate) {
            continue;
        }
        let q = q_of(candidate);
        if q > best.1 {
            best = (candidate, q);
        }
    }
    // Nothing acceptable: identity anyway, which every client can read.
    best.0
}

/// A q-value in thousandths; `None` when malformed.
fn parse_qvalue(s: &str) -> Option<u16> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int: u16 = match int {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let frac: u16 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<3}").parse().ok()?
    };
    let q = int * 1000 + frac;
    (q <= 1000).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    const ALL: &[Encoding] = &[Brotli, Gzip];

    #[test]
    fn brotli_is_preferred_on_ties_and_q_values_are_honoured() {
        assert_eq!(negotiate(Some("gzip, deflate, br, zstd"), ALL), Brotli);
        assert_eq!(negotiate(Some("br;q=0.5, gzip"), ALL), Gzip);
        assert_eq!(negotiate(Some("gzip;q=0.5"), ALL), Gzip);
        assert_eq!(negotiate(Some("br;q=0, gzip;q=0"), ALL), Identity);
        assert_eq!(negotiate(Some("br;q=0.1, identity"), ALL), Identity);
        assert_eq!(negotiate(Some("*"), ALL), Brotli);
        assert_eq!(negotiate(Some("*;q=0.3, br;q=0"), ALL), Gzip);
        assert_eq!(negotiate(Some("x-gzip"), ALL), Gzip);
        assert_eq!(negotiate(Some("BR ; Q=1.0"), ALL), Brotli);
    }

    #[test]
    fn identity_without_header_or_variants() {
        assert_eq!(negotiate(None, ALL), Identity);
        assert_eq!(negotiate(Some(""), ALL), Identity);
        assert_eq!(negotiate(Some("br, gzip"), &[]), Identity);
        assert_eq!(negotiate(Some("br, gzip"), &[Gzip]), Gzip);
        assert_eq!(negotiate(Some("deflate"), ALL), Identity);
        assert_eq!(
            negotiate(Some("identity;q=0, *;q=0"), ALL),
            Identity,
            "last resort"
        );
    }

    #[test]
    fn malformed_q_values_drop_the_entry() {
        assert_eq!(negotiate(Some("br;q=2, gzip"), ALL), Gzip);
        assert_eq!(negotiate(Some("br;q=abc"), ALL), Identity);
        assert_eq!(parse_qvalue("0.25"), Some(250));
        assert_eq!(parse_qvalue("1.001"), None);
        assert_eq!(parse_qvalue("1"), Some(1000));
    }

    #[test]
    fn encoders_round_trip() {
        use std::io::Read;
        let data = "Lebenslagen ".repeat(500).into_bytes();
        let br = Brotli.compress(&data, Level::Fast).unwrap();
        let mut out = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, data);
        let gz = Gzip.compress(&data, Level::Best).unwrap();
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, data);
        assert!(br.len() < data.len() / 10 && gz.len() < data.len() / 10);
    }
}

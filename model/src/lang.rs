//! The languages the app is offered in.
//!
//! German is the reference language and lives at unprefixed paths; every other language lives
//! under its own path prefix (`/en/…`). Adding a language means adding a variant here, its
//! `locales/<code>/` folder, and nothing else in routing.

use serde::{Deserialize, Serialize};

/// A language of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// Every language, German (the reference) first.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>`, cookies and `locales/<tag>/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    /// The language's own name, shown in the language switcher in that language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The path prefix: empty for German, `/en` for English.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::De => "",
            Lang::En => "/en",
        }
    }

    /// Parses a language tag such as `en`, `en-GB` or `DE`; `None` for languages we do not offer.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best offered language from an `Accept-Language` header value
    /// (RFC 9110 §12.5.4: highest q wins, ties keep header order, `q=0` means "not acceptable").
    /// `None` when nothing offered is acceptable, so the caller falls back to German.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u32, usize)> = None;
        for (index, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .next()
                .map(parse_qvalue)
                .unwrap_or(Some(1000));
            let (Some(lang), Some(q)) = (Lang::from_tag(tag), q) else { continue };
            if q == 0 {
                continue;
            }
            if best.is_none_or(|(_, bq, bi)| q > bq || (q == bq && index < bi)) {
                best = Some((lang, q, index));
            }
        }
        best.map(|(lang, _, _)| lang)
    }
}

/// Parses a qvalue (`0`, `0.5`, `1.000`) into thousandths; `None` when malformed.
fn parse_qvalue(s: &str) -> Option<u32> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int: u32 = match int {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let frac: u32 = format!("{frac:0<3}").parse().ok()?;
    let q = int * 1000 + frac;
    (q <= 1000).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_and_case_map_to_languages() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("DE_at"), Some(Lang::De));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn negotiation_honours_quality_values_and_order() {
        assert_eq!(Lang::negotiate("en-US,en;q=0.9,de;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr-FR, de;q=0.7, en;q=0.5"), Some(Lang::De));
        assert_eq!(Lang::negotiate("de;q=0.5, en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::negotiate("en;q=0.8, de;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::negotiate("en;q=0, fr"), None);
        assert_eq!(Lang::negotiate("*"), None);
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("en;q=2"), None, "an invalid qvalue is ignored");
    }

    #[test]
    fn prefixes_are_unique_and_german_is_unprefixed() {
        assert_eq!(Lang::De.prefix(), "");
        let mut prefixes: Vec<_> = Lang::ALL.iter().map(|l| l.prefix()).collect();
        prefixes.dedup();
        assert_eq!(prefixes.len(), Lang::ALL.len());
    }
}

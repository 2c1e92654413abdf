//! Place search over the municipality directory (`/v2/locations?q=`): by postcode or postcode
//! prefix, by name (case-, umlaut- and accent-insensitive; prefix, word prefix or substring),
//! or both ("86720 Nörd"), or by a whole twelve-digit ARS (exactly that municipality).
//!
//! Names are folded once at startup with [`model::search::fold`], the fold the catalogue search
//! uses too: lower case, umlauts and accents to their base letter, `ß` to `ss`, the spellings
//! `ae`/`oe`/`ue` to `a`/`o`/`u` (so "Noerdlingen" finds "Nördlingen"), punctuation to single
//! spaces. Folding a prefix always gives a prefix of the folded name, so prefix search stays exact.

use std::collections::BTreeMap;

use model::search::fold;
use model::Gemeinde;

/// One searchable spelling of a municipality.
struct Name {
    gemeinde: u32,
    folded: String,
    /// An OpenStreetMap spelling rather than the Destatis name.
    alt: bool,
}

/// The indexes over the directory, built once at startup.
pub struct Places {
    names: Vec<Name>,
    /// Postcode → municipalities, for exact and prefix lookups.
    by_plz: BTreeMap<String, Vec<u32>>,
}

/// A hit: the municipality (index into the directory) and the postcode to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub gemeinde: usize,
    pub zip: Option<String>,
}

/// How well a name matches; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Exact,
    Prefix,
    WordPrefix,
    Substring,
}

/// Substring matches only from this many folded characters on (fewer match almost anything).
const SUBSTRING_FROM: usize = 3;

impl Places {
    pub fn new(gemeinden: &[Gemeinde]) -> Places {
        let mut names = Vec::with_capacity(gemeinden.len() * 2);
        let mut by_plz: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, g) in gemeinden.iter().enumerate() {
            let i = i as u32;
            let own = fold(&g.name);
            for alt in &g.alt_namen {
                let folded = fold(alt);
                if folded != own && !folded.is_empty() {
                    names.push(Name {
                        gemeinde: i,
                        folded,
                        alt: true,
                    });
                }
            }
            names.push(Name {
                gemeinde: i,
                folded: own,
                alt: false,
            });
            for plz in &g.plz {
                by_plz.entry(plz.clone()).or_default().push(i);
            }
        }
        // Larger places first within one postcode: the likelier answer.
        for list in by_plz.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(gemeinden[i as usize].einwohner));
        }
        Places { names, by_plz }
    }

    /// The best matches for `q`, at most `limit`.
    pub fn search(&self, gemeinden: &[Gemeinde], q: &str, limit: usize) -> Vec<Hit> {
        let mut digits = String::new();
        let mut text = String::new();
        for token in q.split_whitespace() {
            if token.bytes().all(|b| b.is_ascii_digit()) && digits.is_empty() {
                digits.push_str(token);
            } else {
                text.push_str(token);
                text.push(' ');
            }
        }
        let text = fold(&text);
        match (digits.is_empty(), text.is_empty()) {
            (true, true) => Vec::new(),
            // A whole ARS names one municipality: how a shared link's place is named.
            (false, true) if digits.len() == 12 => gemeinden
                .iter()
                .position(|g| g.ars.as_str() == digits)
                .map(|gemeinde| Hit { gemeinde, zip: None })
                .into_iter()
                .collect(),
            (false, true) => self.by_postcode(&digits, limit),
            (true, false) => self.by_name(gemeinden, &text, None, limit),
            (false, false) => self.by_name(gemeinden, &text, Some(&digits), limit),
        }
    }

    /// Municipalities with a postcode starting with `prefix`, in postcode order.
    fn by_postcode(&self, prefix: &str, limit: usize) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        if prefix.len() > 5 {
            return out;
        }
        for (plz, list) in self.by_plz.range(prefix.to_string()..) {
            if !plz.starts_with(prefix) || out.len() >= limit {
                break;
            }
            for &i in list {
                if out.len() >= limit {
                    break;
                }
                if !out.iter().any(|h| h.gemeinde == i as usize) {
                    out.push(Hit {
                        gemeinde: i as usize,
                        zip: Some(plz.clone()),
                    });
                }
            }
        }
        out
    }

    fn by_name(
        &self,
        gemeinden: &[Gemeinde],
        text: &str,
        plz_prefix: Option<&str>,
        limit: usize,
    ) -> Vec<Hit> {
        let word = format!(" {text}");
        let substrings = text.chars().filter(|c| *c != ' ').count() >= SUBSTRING_FROM;
        // Best (tier, alt) per municipality.
        let mut best: Vec<(Tier, bool, u32)> = Vec::new();
        for name in &self.names {
            let tier = if name.folded == text {
                Tier::Exact
            } else if name.folded.starts_with(text) {
                Tier::Prefix
            } else if name.folded.contains(&word) {
                Tier::WordPrefix
            } else if substrings && name.folded.contains(text) {
                Tier::Substring
            } else {
                continue;
            };
            best.push((tier, name.alt, name.gemeinde));
        }
        best.sort_by(|a, b| {
            let (ga, gb) = (&gemeinden[a.2 as usize], &gemeinden[b.2 as usize]);
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then(gb.einwohner.cmp(&ga.einwohner))
                .then_with(|| ga.name.cmp(&gb.name))
                .then(ga.ars.cmp(&gb.ars))
        });
        let mut out: Vec<Hit> = Vec::new();
        for (_, _, i) in best {
            if out.len() >= limit {
                break;
            }
            let g = &gemeinden[i as usize];
            let zip = match plz_prefix {
                Some(prefix) => match g.plz.iter().find(|p| p.starts_with(prefix)) {
                    Some(p) => Some(p.clone()),
                    None => continue,
                },
                None => None,
            };
            if !out.iter().any(|h| h.gemeinde == i as usize) {
                out.push(Hit {
                    gemeinde: i as usize,
                    zip,
                });
            }
        }
        out
    }
}

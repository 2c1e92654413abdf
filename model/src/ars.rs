//! Amtlicher Regionalschlüssel (ARS): the 12-digit key of German administrative areas.
//!
//! `land (2) + Regierungsbezirk (1) + Kreis (2) + Gemeindeverband (4) + Gemeinde (3)`, e.g.
//! Nördlingen `09 7 79 0194 194`. A shorter key stands for a larger area and is written padded
//! with zeros: `097790000000` is the Landkreis Donau-Ries, `090000000000` Bayern and
//! `000000000000` the whole federation. The Amtlicher Gemeindeschlüssel (AGS, 8 digits) is the
//! same without the Gemeindeverband part.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A validated ARS, always held as 12 digits. Serialised as the 12-digit string; parsing
/// accepts the 2-, 3-, 5-, 9- and 12-digit forms (Land, Regierungsbezirk, Kreis,
/// Gemeindeverband, Gemeinde) and pads them with zeros.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ars([u8; 12]);

/// The level of the area an ARS names, by its significant (non-zero-padded) prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArsLevel {
    Bund,
    Land,
    Regierungsbezirk,
    Kreis,
    Gemeindeverband,
    Gemeinde,
}

impl ArsLevel {
    /// Number of significant digits of a key at this level.
    pub fn prefix_len(self) -> usize {
        match self {
            ArsLevel::Bund => 0,
            ArsLevel::Land => 2,
            ArsLevel::Regierungsbezirk => 3,
            ArsLevel::Kreis => 5,
            ArsLevel::Gemeindeverband => 9,
            ArsLevel::Gemeinde => 12,
        }
    }
}

/// Why a string is not an ARS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArsError {
    /// Not 2, 3, 5, 9 or 12 characters long.
    Length(usize),
    /// A character that is not an ASCII digit.
    NotDigits,
}

impl fmt::Display for ArsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArsError::Length(n) => write!(f, "an ARS has 2, 3, 5, 9 or 12 digits, not {n}"),
            ArsError::NotDigits => f.write_str("an ARS has digits only"),
        }
    }
}

impl std::error::Error for ArsError {}

/// The lengths a key may be written in.
const ACCEPTED_LENGTHS: [usize; 5] = [2, 3, 5, 9, 12];
/// The hierarchy steps used for parents: Gemeinde → Gemeindeverband → Kreis → Land → Bund.
const PARENT_LENGTHS: [usize; 4] = [9, 5, 2, 0];

impl Ars {
    /// The whole federation, `000000000000`.
    pub const BUND: Ars = Ars(*b"000000000000");

    /// Parses a 2-, 3-, 5-, 9- or 12-digit key, padding short forms with zeros.
    pub fn parse(s: &str) -> Result<Ars, ArsError> {
        let bytes = s.as_bytes();
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(ArsError::NotDigits);
        }
        if !ACCEPTED_LENGTHS.contains(&bytes.len()) {
            return Err(ArsError::Length(bytes.len()));
        }
        let mut out = *b"000000000000";
        out[..bytes.len()].copy_from_slice(bytes);
        Ok(Ars(out))
    }

    /// Builds the ARS from the columns of the Destatis directory.
    pub fn from_parts(land: &str, rb: &str, kreis: &str, verband: &str, gemeinde: &str) -> Result<Ars, ArsError> {
        let parts = [(land, 2), (rb, 1), (kreis, 2), (verband, 4), (gemeinde, 3)];
        let mut s = String::with_capacity(12);
        for (part, len) in parts {
            if part.len() != len {
                return Err(ArsError::Length(part.len()));
            }
            s.push_str(part);
        }
        Ars::parse(&s)
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII digits")
    }

    /// Land part, e.g. `09`.
    pub fn land_code(&self) -> &str {
        &self.as_str()[..2]
    }
    /// Regierungsbezirk digit.
    pub fn rb_code(&self) -> &str {
        &self.as_str()[2..3]
    }
    /// Kreis part within the Regierungsbezirk.
    pub fn kreis_code(&self) -> &str {
        &self.as_str()[3..5]
    }
    /// Gemeindeverband part.
    pub fn verband_code(&self) -> &str {
        &self.as_str()[5..9]
    }
    /// Gemeinde part.
    pub fn gemeinde_code(&self) -> &str {
        &self.as_str()[9..12]
    }

    /// Number of significant digits: 12 for a Gemeinde, 9 for a Gemeindeverband, 5 for a
    /// Kreis (or kreisfreie Stadt), 3 for a Regierungsbezirk, 2 for a Land, 0 for the Bund.
    /// Longer means more local: PVOG prefers the description with the longest prefix.
    pub fn prefix_len(&self) -> usize {
        if self.gemeinde_code() != "000" {
            12
        } else if self.verband_code() != "0000" {
            9
        } else if self.kreis_code() != "00" {
            5
        } else if self.rb_code() != "0" {
            3
        } else if self.land_code() != "00" {
            2
        } else {
            0
        }
    }

    /// The level of the area, from [`Ars::prefix_len`]. A kreisfreie Stadt such as Flensburg
    /// (`010010000000`) is a Gemeinde whose key reads as a Kreis.
    pub fn level(&self) -> ArsLevel {
        match self.prefix_len() {
            12 => ArsLevel::Gemeinde,
            9 => ArsLevel::Gemeindeverband,
            5 => ArsLevel::Kreis,
            3 => ArsLevel::Regierungsbezirk,
            2 => ArsLevel::Land,
            _ => ArsLevel::Bund,
        }
    }

    /// The significant prefix, e.g. `09779` for `097790000000`.
    pub fn short(&self) -> &str {
        &self.as_str()[..self.prefix_len()]
    }

    /// This key with everything after the first `len` digits set to zero.
    pub fn truncate(&self, len: usize) -> Ars {
        let mut out = self.0;
        for b in out.iter_mut().skip(len.min(12)) {
            *b = b'0';
        }
        Ars(out)
    }

    /// The enclosing Land, `xx0000000000`.
    pub fn land(&self) -> Ars {
        self.truncate(2)
    }
    /// The enclosing Kreis (or kreisfreie Stadt), `xxxxx0000000`.
    pub fn kreis(&self) -> Ars {
        self.truncate(5)
    }
    /// The enclosing Gemeindeverband, `xxxxxxxxx000`.
    pub fn verband(&self) -> Ars {
        self.truncate(9)
    }

    /// The next larger area: Gemeinde → Gemeindeverband → Kreis → Land → Bund. Steps that
    /// would give the same key (a verbandsfreie kreisfreie Stadt has no separate
    /// Gemeindeverband key) are skipped; the Regierungsbezirk is never a parent.
    /// `None` for the Bund.
    pub fn parent(&self) -> Option<Ars> {
        let own = self.prefix_len();
        PARENT_LENGTHS
            .into_iter()
            .filter(|&len| len < own)
            .map(|len| self.truncate(len))
            .find(|candidate| candidate != self)
    }

    /// Every enclosing area from the nearest to the Bund, without `self`.
    pub fn ancestors(&self) -> Vec<Ars> {
        let mut out = Vec::new();
        let mut current = *self;
        while let Some(parent) = current.parent() {
            out.push(parent);
            current = parent;
        }
        out
    }

    /// The fallback chain: `self` first, then every enclosing area up to the Bund.
    pub fn hierarchy(&self) -> Vec<Ars> {
        let mut out = vec![*self];
        out.extend(self.ancestors());
        out
    }

    /// Whether this area lies within `area` (or is it): the first `area.prefix_len()` digits
    /// agree. Everything is within the Bund.
    pub fn is_within(&self, area: &Ars) -> bool {
        let len = area.prefix_len();
        self.0[..len] == area.0[..len]
    }

    /// The 8-digit AGS: Land, Regierungsbezirk, Kreis and Gemeinde, without the Verband part.
    pub fn ags(&self) -> String {
        let s = self.as_str();
        format!("{}{}", &s[..5], &s[9..])
    }

    /// The URN used in XZuFi and FIT-Connect area ids (significant prefix only).
    pub fn urn(&self) -> String {
        format!(
            "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:{}",
            self.short()
        )
    }
}

impl fmt::Debug for Ars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ars({})", self.as_str())
    }
}

impl fmt::Display for Ars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Ars {
    type Err = ArsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ars::parse(s)
    }
}

impl TryFrom<&str> for Ars {
    type Error = ArsError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Ars::parse(s)
    }
}

impl Serialize for Ars {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Ars {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ars::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The name of a Land by its two-digit code (`01` … `16`).
pub fn land_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "01" => "Schleswig-Holstein",
        "02" => "Hamburg",
        "03" => "Niedersachsen",
        "04" => "Bremen",
        "05" => "Nordrhein-Westfalen",
        "06" => "Hessen",
        "07" => "Rheinland-Pfalz",
        "08" => "Baden-Württemberg",
        "09" => "Bayern",
        "10" => "Saarland",
        "11" => "Berlin",
        "12" => "Brandenburg",
        "13" => "Mecklenburg-Vorpommern",
        "14" => "Sachsen",
        "15" => "Sachsen-Anhalt",
        "16" => "Thüringen",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Rng;

    fn ars(s: &str) -> Ars {
        Ars::parse(s).unwrap()
    }

    #[test]
    fn noerdlingen_has_its_full_hierarchy() {
        let n = ars("097790194194");
        assert_eq!(n.level(), ArsLevel::Gemeinde);
        assert_eq!(n.ags(), "09779194");
        assert_eq!(n.land_code(), "09");
        assert_eq!(n.kreis(), ars("09779"));
        assert_eq!(
            n.hierarchy(),
            vec![n, ars("097790194"), ars("09779"), ars("09"), Ars::BUND],
            "Gemeinde → Verbandsgemeinde → Kreis → Land → Bund"
        );
        assert!(n.is_within(&ars("09779")));
        assert!(n.is_within(&Ars::BUND));
        assert!(!n.is_within(&ars("09778")));
        assert!(
            !ars("09779").is_within(&n),
            "a Kreis is not within one of its Gemeinden"
        );
        assert_eq!(
            n.urn(),
            "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:097790194194"
        );
    }

    #[test]
    fn short_forms_are_padded() {
        assert_eq!(ars("09").as_str(), "090000000000");
        assert_eq!(ars("097").as_str(), "097000000000");
        assert_eq!(ars("09779").as_str(), "097790000000");
        assert_eq!(ars("097790194").as_str(), "097790194000");
        assert_eq!(ars("09").level(), ArsLevel::Land);
        assert_eq!(ars("097").level(), ArsLevel::Regierungsbezirk);
        assert_eq!(
            ars("097").parent(),
            Some(ars("09")),
            "the Regierungsbezirk is skipped as a parent"
        );
        assert_eq!(Ars::BUND.parent(), None);
        assert_eq!(Ars::BUND.level(), ArsLevel::Bund);
        assert_eq!(Ars::parse("0977"), Err(ArsError::Length(4)));
        assert_eq!(Ars::parse("09779019419"), Err(ArsError::Length(11)));
        assert_eq!(Ars::parse("0977901941940"), Err(ArsError::Length(13)));
        assert_eq!(Ars::parse("09a79"), Err(ArsError::NotDigits));
        assert_eq!(Ars::parse(""), Err(ArsError::Length(0)));
    }

    #[test]
    fn kreisfreie_staedte_and_city_states_collapse_steps() {
        let flensburg = ars("010010000000");
        assert_eq!(flensburg.level(), ArsLevel::Kreis);
        assert_eq!(flensburg.ags(), "01001000");
        assert_eq!(flensburg.hierarchy(), vec![flensburg, ars("01"), Ars::BUND]);
        let berlin = ars("110000000000");
        assert_eq!(berlin.hierarchy(), vec![berlin, Ars::BUND]);
        assert_eq!(ars("020000000000").ags(), "02000000");
    }

    #[test]
    fn from_parts_matches_the_directory_columns() {
        assert_eq!(
            Ars::from_parts("09", "7", "79", "0194", "194").unwrap(),
            ars("097790194194")
        );
        assert!(Ars::from_parts("9", "7", "79", "0194", "194").is_err());
    }

    #[test]
    fn serde_writes_twelve_digits_and_reads_every_form() {
        assert_eq!(serde_json::to_string(&ars("09779")).unwrap(), "\"097790000000\"");
        let read: Vec<Ars> = serde_json::from_str(r#"["09","09779","097790194","097790194194"]"#).unwrap();
        assert_eq!(read[1], ars("097790000000"));
        assert!(serde_json::from_str::<Ars>("\"0977\"").is_err());
        assert!(
            serde_json::from_str::<Ars>("97790194194").is_err(),
            "numbers lose leading zeros"
        );
        assert_eq!(land_name("09"), Some("Bayern"));
        assert_eq!(land_name("17"), None);
    }

    /// A random ARS whose parts are zero with some probability, as real keys of every level are.
    fn random_ars(rng: &mut Rng) -> Ars {
        let mut digits = String::new();
        for len in [2usize, 1, 2, 4, 3] {
            let zero = rng.below(4) == 0;
            for _ in 0..len {
                digits.push(if zero {
                    '0'
                } else {
                    char::from(b'0' + rng.below(10) as u8)
                });
            }
        }
        Ars::parse(&digits).unwrap()
    }

    #[test]
    fn property_hierarchy_is_a_chain_of_enclosing_areas_ending_at_the_bund() {
        let mut rng = Rng::new(0xa125);
        for _ in 0..10_000 {
            let a = random_ars(&mut rng);
            let chain = a.hierarchy();
            assert_eq!(chain[0], a);
            assert_eq!(*chain.last().unwrap(), Ars::BUND);
            for pair in chain.windows(2) {
                assert!(
                    pair[1].prefix_len() < pair[0].prefix_len(),
                    "{:?} strictly shrinks",
                    chain
                );
                assert!(pair[0].is_within(&pair[1]));
                assert!(!pair[1].is_within(&pair[0]) || pair[0] == pair[1]);
            }
            for ancestor in a.ancestors() {
                assert!(a.is_within(&ancestor));
                assert_ne!(ancestor, a);
            }
            // Reparsing the short form gives the same key when its length is an accepted one.
            if ACCEPTED_LENGTHS.contains(&a.prefix_len()) {
                assert_eq!(Ars::parse(a.short()).unwrap(), a);
            }
            assert_eq!(Ars::parse(a.as_str()).unwrap(), a);
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(serde_json::from_str::<Ars>(&json).unwrap(), a);
            assert_eq!(a.ags().len(), 8);
            // Containment agrees with prefixes.
            let b = random_ars(&mut rng);
            assert_eq!(a.is_within(&b), a.as_str().starts_with(b.short()));
        }
    }
}

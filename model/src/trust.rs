//! Trust levels (Vertrauensniveau) of an authentication, and what an online service requires.
//!
//! BundID and the other service accounts report STORK QAA levels or eIDAS LoA URIs:
//!
//! | level | BundID `AuthnContextClassRef` | eIDAS LoA URI | means |
//! |---|---|---|---|
//! | Basisregistrierung | `STORK-QAA-Level-1` | `http://eidas.europa.eu/LoA/low` (convention only) | user name + password |
//! | Substanziell | `STORK-QAA-Level-3` | `http://eidas.europa.eu/LoA/substantial` | ELSTER certificate |
//! | Hoch | `STORK-QAA-Level-4` | `http://eidas.europa.eu/LoA/high` | Online-Ausweis (eID) |
//!
//! `STORK-QAA-Level-2` is not an authentication level in BundID (it marks attributes); it is
//! read as Basisregistrierung so that it never suffices for Substanziell. Values nobody knows
//! (XZuFi `vertrauensniveau` codes are not published) are kept as [`TrustLevel::Other`] and
//! never suffice for a known requirement.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A trust level, open for values this code does not know.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TrustLevel {
    /// User name and password; not an eIDAS level.
    Basisregistrierung,
    /// eIDAS "substantial", e.g. an ELSTER certificate.
    Substanziell,
    /// eIDAS "high", e.g. the Online-Ausweis.
    Hoch,
    /// Anything else, kept verbatim.
    Other(String),
}

impl TrustLevel {
    /// Every known level, lowest first.
    pub const KNOWN: [TrustLevel; 3] = [
        TrustLevel::Basisregistrierung,
        TrustLevel::Substanziell,
        TrustLevel::Hoch,
    ];

    /// Reads any of the spellings in use: our own (`basisregistrierung`, `substanziell`,
    /// `hoch`), STORK QAA levels, eIDAS LoA URIs and the AKDB `TrustLevel` attribute values.
    /// Case and surrounding whitespace do not matter. Never fails: unknown values are `Other`.
    pub fn parse(s: &str) -> TrustLevel {
        let t = s.trim();
        let lower = t.to_ascii_lowercase();
        match lower.as_str() {
            "basisregistrierung"
            | "stork-qaa-level-1"
            | "stork-qaa-level-2"
            | "http://eidas.europa.eu/loa/low"
            | "untergeordnet"
            | "normal"
            | "niedrig"
            | "low"
            | "level1" => TrustLevel::Basisregistrierung,
            "substanziell"
            | "substantiell"
            | "stork-qaa-level-3"
            | "http://eidas.europa.eu/loa/substantial"
            | "substantial"
            | "level3" => TrustLevel::Substanziell,
            "hoch" | "stork-qaa-level-4" | "http://eidas.europa.eu/loa/high" | "high" | "level4" => TrustLevel::Hoch,
            _ => TrustLevel::Other(t.to_string()),
        }
    }

    /// Rank for comparisons; `None` for unknown values.
    pub fn rank(&self) -> Option<u8> {
        match self {
            TrustLevel::Basisregistrierung => Some(1),
            TrustLevel::Substanziell => Some(3),
            TrustLevel::Hoch => Some(4),
            TrustLevel::Other(_) => None,
        }
    }

    /// Whether an authentication at `self` suffices for a service that requires `required`.
    /// Unknown values suffice only for exactly the same unknown value.
    pub fn suffices_for(&self, required: &TrustLevel) -> bool {
        match (self.rank(), required.rank()) {
            (Some(have), Some(need)) => have >= need,
            _ => self == required,
        }
    }

    /// Our canonical spelling, used in the dataset and gateway API.
    pub fn as_str(&self) -> &str {
        match self {
            TrustLevel::Basisregistrierung => "basisregistrierung",
            TrustLevel::Substanziell => "substanziell",
            TrustLevel::Hoch => "hoch",
            TrustLevel::Other(s) => s,
        }
    }

    /// The BundID `AuthnContextClassRef` to request this level; `None` for unknown values.
    pub fn stork(&self) -> Option<&'static str> {
        match self {
            TrustLevel::Basisregistrierung => Some("STORK-QAA-Level-1"),
            TrustLevel::Substanziell => Some("STORK-QAA-Level-3"),
            TrustLevel::Hoch => Some("STORK-QAA-Level-4"),
            TrustLevel::Other(_) => None,
        }
    }

    /// The eIDAS LoA URI, used as OIDC `acr` value; for Basisregistrierung `LoA/low` by
    /// convention only (there is no exact eIDAS equivalent).
    pub fn eidas_uri(&self) -> Option<&'static str> {
        match self {
            TrustLevel::Basisregistrierung => Some("http://eidas.europa.eu/LoA/low"),
            TrustLevel::Substanziell => Some("http://eidas.europa.eu/LoA/substantial"),
            TrustLevel::Hoch => Some("http://eidas.europa.eu/LoA/high"),
            TrustLevel::Other(_) => None,
        }
    }
}

/// Partial: unknown values are comparable only to themselves.
impl PartialOrd for TrustLevel {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self.rank(), other.rank()) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ if self == other => Some(Ordering::Equal),
            _ => None,
        }
    }
}

impl fmt::Display for TrustLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TrustLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TrustLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(TrustLevel::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Rng;

    #[test]
    fn bundid_and_eidas_values_map_to_levels() {
        use TrustLevel::*;
        assert_eq!(TrustLevel::parse("STORK-QAA-Level-1"), Basisregistrierung);
        assert_eq!(TrustLevel::parse("STORK-QAA-Level-2"), Basisregistrierung);
        assert_eq!(TrustLevel::parse("STORK-QAA-Level-3"), Substanziell);
        assert_eq!(TrustLevel::parse("STORK-QAA-Level-4"), Hoch);
        assert_eq!(TrustLevel::parse("http://eidas.europa.eu/LoA/low"), Basisregistrierung);
        assert_eq!(
            TrustLevel::parse("http://eidas.europa.eu/LoA/substantial"),
            Substanziell
        );
        assert_eq!(TrustLevel::parse(" http://eidas.europa.eu/LoA/high "), Hoch);
        assert_eq!(TrustLevel::parse("SUBSTANTIELL"), Substanziell);
        assert_eq!(TrustLevel::parse("HOCH"), Hoch);
        assert_eq!(
            TrustLevel::parse("urn:example:loa:9"),
            Other("urn:example:loa:9".into())
        );
        for level in TrustLevel::KNOWN {
            assert_eq!(TrustLevel::parse(level.stork().unwrap()), level);
            assert_eq!(TrustLevel::parse(level.eidas_uri().unwrap()), level);
            assert_eq!(TrustLevel::parse(level.as_str()), level);
        }
    }

    #[test]
    fn higher_levels_suffice_for_lower_requirements_only() {
        use TrustLevel::*;
        assert!(Hoch.suffices_for(&Substanziell));
        assert!(Hoch.suffices_for(&Basisregistrierung));
        assert!(Substanziell.suffices_for(&Substanziell));
        assert!(!Substanziell.suffices_for(&Hoch));
        assert!(!Basisregistrierung.suffices_for(&Substanziell));
        assert!(!TrustLevel::parse("STORK-QAA-Level-2").suffices_for(&Substanziell));
        assert!(!Other("x".into()).suffices_for(&Basisregistrierung));
        assert!(
            !Hoch.suffices_for(&Other("x".into())),
            "an unknown requirement is never met by a known level"
        );
        assert!(Other("x".into()).suffices_for(&Other("x".into())));
        assert!(Basisregistrierung < Substanziell && Substanziell < Hoch);
        assert_eq!(Hoch.partial_cmp(&Other("x".into())), None);
    }

    #[test]
    fn serde_round_trips_known_and_unknown_values() {
        let json = serde_json::to_string(&vec![TrustLevel::Hoch, TrustLevel::Other("foo".into())]).unwrap();
        assert_eq!(json, r#"["hoch","foo"]"#);
        let back: Vec<TrustLevel> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![TrustLevel::Hoch, TrustLevel::Other("foo".into())]);
        let stork: TrustLevel = serde_json::from_str("\"STORK-QAA-Level-4\"").unwrap();
        assert_eq!(stork, TrustLevel::Hoch);
    }

    #[test]
    fn property_suffices_is_a_total_order_on_known_levels_and_consistent_with_partial_ord() {
        let mut rng = Rng::new(0x7257);
        let pool = [
            "STORK-QAA-Level-1",
            "STORK-QAA-Level-2",
            "STORK-QAA-Level-3",
            "STORK-QAA-Level-4",
            "http://eidas.europa.eu/LoA/low",
            "http://eidas.europa.eu/LoA/substantial",
            "http://eidas.europa.eu/LoA/high",
            "hoch",
            "substanziell",
            "basisregistrierung",
            "odd",
            "urn:x",
        ];
        for _ in 0..5_000 {
            let a = TrustLevel::parse(pool[rng.below(pool.len() as u64) as usize]);
            let b = TrustLevel::parse(pool[rng.below(pool.len() as u64) as usize]);
            let c = TrustLevel::parse(pool[rng.below(pool.len() as u64) as usize]);
            assert!(a.suffices_for(&a), "reflexive");
            assert_eq!(
                a.suffices_for(&b),
                matches!(a.partial_cmp(&b), Some(Ordering::Greater | Ordering::Equal))
            );
            if a.suffices_for(&b) && b.suffices_for(&c) {
                assert!(a.suffices_for(&c), "transitive: {a} {b} {c}");
            }
            if a.rank().is_some() && b.rank().is_some() {
                assert!(a.suffices_for(&b) || b.suffices_for(&a), "total on known levels");
            }
            assert_eq!(TrustLevel::parse(a.as_str()), a, "canonical spelling reparses");
        }
    }
}

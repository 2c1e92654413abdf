//! `acr` ↔ trust level: what the gateway asks the provider for, and how it reads the answer.
//! The levels themselves and their BundID/eIDAS spellings live in [`model::trust`].

use std::collections::BTreeMap;

use model::TrustLevel;

/// Which vocabulary `acr_values` uses in the authorization request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcrStyle {
    /// `http://eidas.europa.eu/LoA/{low,substantial,high}`.
    Eidas,
    /// BundID's `STORK-QAA-Level-{1,3,4}`.
    Stork,
}

impl AcrStyle {
    pub fn parse(s: &str) -> Option<AcrStyle> {
        match s.trim().to_ascii_lowercase().as_str() {
            "eidas" => Some(AcrStyle::Eidas),
            "stork" => Some(AcrStyle::Stork),
            _ => None,
        }
    }
}

/// The mapping: built-in STORK and eIDAS values plus configured ones (which win).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcrMap {
    style: AcrStyle,
    map: BTreeMap<String, TrustLevel>,
}

impl AcrMap {
    pub fn new(style: AcrStyle) -> AcrMap {
        let mut map = BTreeMap::new();
        for level in TrustLevel::KNOWN {
            for value in [level.stork(), level.eidas_uri()].into_iter().flatten() {
                map.insert(value.to_string(), level.clone());
            }
        }
        // An attribute level in BundID, never an authentication level: read as the lowest.
        map.insert("STORK-QAA-Level-2".into(), TrustLevel::Basisregistrierung);
        AcrMap { style, map }
    }

    pub fn add(&mut self, acr: &str, level: TrustLevel) {
        self.map.insert(acr.to_string(), level);
    }

    /// The level an `acr` claim stands for; `None` for values nobody configured.
    pub fn level(&self, acr: &str) -> Option<TrustLevel> {
        self.map.get(acr.trim()).cloned()
    }

    /// What to send as `acr_values` for a required level.
    pub fn request_value(&self, level: &TrustLevel) -> Option<String> {
        let value = match self.style {
            AcrStyle::Eidas => level.eidas_uri(),
            AcrStyle::Stork => level.stork(),
        };
        value.map(str::to_string).or_else(|| {
            self.map
                .iter()
                .find(|(_, l)| *l == level)
                .map(|(v, _)| v.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stork_and_eidas_values_map_to_levels() {
        let m = AcrMap::new(AcrStyle::Eidas);
        assert_eq!(m.level("STORK-QAA-Level-4"), Some(TrustLevel::Hoch));
        assert_eq!(m.level("http://eidas.europa.eu/LoA/substantial"), Some(TrustLevel::Substanziell));
        assert_eq!(m.level("STORK-QAA-Level-2"), Some(TrustLevel::Basisregistrierung));
        assert_eq!(m.level("urn:unknown"), None);
        assert_eq!(m.request_value(&TrustLevel::Hoch).unwrap(), "http://eidas.europa.eu/LoA/high");
        let s = AcrMap::new(AcrStyle::Stork);
        assert_eq!(s.request_value(&TrustLevel::Substanziell).unwrap(), "STORK-QAA-Level-3");
    }

    #[test]
    fn configured_values_are_added_and_win() {
        let mut m = AcrMap::new(AcrStyle::Eidas);
        m.add("urn:land:loa:2", TrustLevel::Substanziell);
        m.add("STORK-QAA-Level-3", TrustLevel::Basisregistrierung);
        assert_eq!(m.level("urn:land:loa:2"), Some(TrustLevel::Substanziell));
        assert_eq!(m.level("STORK-QAA-Level-3"), Some(TrustLevel::Basisregistrierung));
    }
}

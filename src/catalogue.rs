//! The curated Lebenslagen, embedded at build time (see `build.rs`): the same content for the
//! prerendered pages and the hydrating wasm. Service descriptions are not here; they come from
//! the federation at runtime.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use model::lebenslage::Lebenslage;
use model::text::Localized;
use model::TrustLevel;
use serde::Deserialize;

#[derive(Deserialize)]
struct Journeys {
    lebenslagen: Vec<Lebenslage>,
    /// Citizen-facing service names by LeiKa key.
    services: BTreeMap<String, Localized>,
    /// The trust level the curated online service of a service requires, by LeiKa key.
    trust_levels: BTreeMap<String, TrustLevel>,
    /// Attribution lines the data licences require (German, as the licences word them).
    attributions: Vec<String>,
}

static JOURNEYS: LazyLock<Journeys> = LazyLock::new(|| {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/journeys.json")))
        .expect("build.rs embeds the dataset's Lebenslagen")
});

/// Every curated Lebenslage, in catalogue order.
pub fn lebenslagen() -> &'static [Lebenslage] {
    &JOURNEYS.lebenslagen
}

/// The Lebenslage with this id.
pub fn lebenslage(id: &str) -> Option<&'static Lebenslage> {
    JOURNEYS.lebenslagen.iter().find(|l| l.id == id)
}

/// The attribution lines of the data sources, to be shown in the app.
pub fn attributions() -> &'static [String] {
    &JOURNEYS.attributions
}

/// The trust level the curated online service of service `key` requires (from the dataset's
/// `onlinedienste[].vertrauensniveau`): what a service page says about signing in before a
/// place, and with it the federation's online services, is known.
pub fn required_level(key: &str) -> Option<&'static TrustLevel> {
    JOURNEYS.trust_levels.get(key)
}

/// The citizen-facing name of a curated service.
pub fn service_name(key: &str) -> Option<&'static Localized> {
    JOURNEYS.services.get(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_a_journey_links_to_has_a_name_in_both_languages() {
        assert!(lebenslagen().len() >= 6);
        for l in lebenslagen() {
            for key in l.leika_keys() {
                let name =
                    service_name(&key.to_string()).unwrap_or_else(|| panic!("{key} in {}", l.id));
                assert!(
                    !name.de.is_empty() && name.en.as_deref().is_some_and(|e| !e.is_empty()),
                    "{key}"
                );
            }
        }
    }

    #[test]
    fn trust_levels_come_from_the_catalogue_online_services() {
        // i-Kfz (vehicle registration) needs the Online-Ausweis; ELSTER a certificate.
        assert_eq!(required_level("99036008007001"), Some(&TrustLevel::Hoch));
        assert_eq!(required_level("99102019000000"), Some(&TrustLevel::Substanziell));
        // Kindergeld's online service names no level; a service without one has none either.
        assert_eq!(required_level("99041006017000"), None);
        assert_eq!(required_level("99006015069000"), None);
    }
}

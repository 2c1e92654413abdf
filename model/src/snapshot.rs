//! Shapes of the files in `data/generated/`, the default federation snapshot built by
//! `cargo run -p dataset`. The gateway loads them at start; the app loads only what a page
//! needs (the catalogue lazily, for search).

use serde::{Deserialize, Serialize};

use crate::ars::Ars;
use crate::gebiet::Gemeinde;
use crate::lebenslage::Lebenslage;
use crate::leika::LeikaKey;
use crate::leistung::Leistung;
use crate::organisation::{Onlinedienst, Organisationseinheit};

/// Version of the file shapes; bumped on incompatible changes.
pub const FORMAT: u32 = 1;

/// A source of the data in a file, with the line to show in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quelle {
    pub name: String,
    /// Licence identifier, e.g. `dl-de/by-2-0`, `ODbL-1.0`.
    pub lizenz: String,
    /// The attribution line to show, verbatim.
    pub namensnennung: String,
    /// Where it was taken from and its date.
    pub herkunft: String,
}

/// `municipalities.json`: every inhabited municipality (ODbL: contains OpenStreetMap postcodes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gemeindeverzeichnis {
    pub format: u32,
    /// Territorial state of the directory.
    pub stand: String,
    pub quellen: Vec<Quelle>,
    /// Sorted by ARS.
    pub gemeinden: Vec<Gemeinde>,
}

impl Gemeindeverzeichnis {
    /// The municipality with this ARS (binary search: the list is sorted by ARS).
    pub fn gemeinde(&self, ars: &Ars) -> Option<&Gemeinde> {
        self.gemeinden
            .binary_search_by(|g| g.ars.cmp(ars))
            .ok()
            .map(|i| &self.gemeinden[i])
    }

    /// Every municipality a postcode belongs to (a postcode may span several).
    pub fn by_postcode(&self, plz: &str) -> Vec<&Gemeinde> {
        self.gemeinden
            .iter()
            .filter(|g| g.plz.iter().any(|p| p == plz))
            .collect()
    }
}

impl Leistungen {
    /// The curated service with this LeiKa key.
    pub fn leistung(&self, key: &LeikaKey) -> Option<&Leistung> {
        self.leistungen.iter().find(|l| l.leika.contains(key))
    }

    /// The unit responsible for `key` at the municipality `ars`; `None` when the service is not
    /// curated or `ars` is not a municipality of the directory.
    pub fn zustaendige_stelle(
        &self,
        key: &LeikaKey,
        ars: &Ars,
        verzeichnis: &Gemeindeverzeichnis,
    ) -> Option<Organisationseinheit> {
        let zustaendigkeit = self.leistung(key)?.zustaendigkeit.as_ref()?;
        Some(zustaendigkeit.resolve(verzeichnis.gemeinde(ars)?))
    }
}

/// `lebenslagen.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lebenslagen {
    pub format: u32,
    pub lebenslagen: Vec<Lebenslage>,
}

/// `leistungen.json`: curated service descriptions and online services.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leistungen {
    pub format: u32,
    pub quellen: Vec<Quelle>,
    /// Sorted by LeiKa key.
    pub leistungen: Vec<Leistung>,
    /// Sorted by id.
    pub onlinedienste: Vec<Onlinedienst>,
}

/// `catalogue.json`: the whole LeiKa list, for search in the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Katalog {
    pub format: u32,
    pub quellen: Vec<Quelle>,
    /// Sorted by key.
    pub eintraege: Vec<KatalogEintrag>,
}

/// One LeiKa catalogue entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KatalogEintrag {
    pub key: LeikaKey,
    /// Catalogue name (German, 2019 wording).
    pub name: String,
    /// LeiKa Typ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    /// OZG-Leistung (a broader name, useful as a synonym).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ozg: Option<String>,
    /// OZG Lebenslage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ozg_lebenslage: Option<String>,
    /// Our curated Lebenslagen containing it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lebenslagen: Vec<String>,
    /// Whether a curated description exists (in `leistungen.json`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kuratiert: bool,
}

/// `manifest.json`: what the snapshot holds and the attributions the app shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub dateien: Vec<Datei>,
    /// Every attribution line, verbatim, in display order.
    pub namensnennungen: Vec<String>,
    /// The note that service names come from the LeiKa catalogue under the FIM portal's terms.
    pub hinweise: Vec<String>,
}

/// A generated file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Datei {
    pub name: String,
    pub eintraege: usize,
    pub bytes: usize,
    /// Licence of the file's content.
    pub lizenz: String,
}

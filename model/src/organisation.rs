//! Organisationseinheiten (authorities and their offices) and Onlinedienste.

use serde::{Deserialize, Serialize};

use crate::ars::Ars;
use crate::leika::LeikaKey;
use crate::text::Localized;
use crate::trust::TrustLevel;
use crate::zustaendigkeit::Verwaltungsebene;

/// An authority or office, e.g. "Standesamt Nördlingen" or
/// "Landratsamt Donau-Ries – Kfz-Zulassungsstelle". Ids follow the PVOG pattern
/// `<Mandant>.OE.<n>` (e.g. `L100042.OE.2292`); the shipped snapshot derives its units from the
/// municipality directory and marks them `sample`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisationseinheit {
    pub id: String,
    pub name: Localized,
    /// The administrative level it belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebene: Option<Verwaltungsebene>,
    /// The area it serves (ARS of the Gemeinde, Verband, Kreis, Land or the Bund).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gebiet: Option<Ars>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anschrift: Option<Anschrift>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kontakt: Vec<Kontakt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oeffnungszeiten: Option<Localized>,
    /// Derived sample data, not an authority's own record: the UI labels it as such.
    #[serde(default)]
    pub sample: bool,
}

/// A postal address; every part may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anschrift {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strasse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hausnummer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plz: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ort: Option<String>,
}

/// A way to reach a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kontakt {
    pub art: KontaktArt,
    pub wert: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KontaktArt {
    Telefon,
    Fax,
    Email,
    Web,
    #[serde(other)]
    Sonstiges,
}

/// A link with an optional title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub uri: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titel: Option<Localized>,
}

/// An online service through which a Leistung can be applied for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onlinedienst {
    /// PVOG pattern `<Mandant>.OD.<n>`.
    pub id: String,
    pub name: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beschreibung: Option<Localized>,
    /// The services it handles.
    #[serde(default)]
    pub leika: Vec<LeikaKey>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// The trust level an applicant must sign in with; `None` when no account is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vertrauensniveau: Option<TrustLevel>,
    /// Where it is offered (`000000000000` = everywhere).
    #[serde(default)]
    pub gebiet: Vec<Ars>,
    /// Sample data, not confirmed with the operator of the service.
    #[serde(default)]
    pub sample: bool,
}

impl Onlinedienst {
    /// Whether the service is offered at `place`.
    pub fn offered_at(&self, place: &Ars) -> bool {
        self.gebiet.iter().any(|area| place.is_within(area))
    }
}

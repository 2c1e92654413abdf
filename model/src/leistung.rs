//! Leistungen: service descriptions, keyed by LeiKa key.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ars::Ars;
use crate::leika::LeikaKey;
use crate::text::{Localized, TextModule};
use crate::zustaendigkeit::Zustaendigkeit;

/// A service description. The curated ones are written by this project (German and
/// English); texts are HTML restricted to the PVOG allow-list (`p`, `ul`, `ol`, `li`, `a`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leistung {
    /// PVOG pattern `<Mandant>.LB.<n>`.
    pub id: String,
    /// LeiKa keys; the first is the one the service page uses.
    pub leika: Vec<LeikaKey>,
    /// Citizen-facing name.
    pub name: Localized,
    /// The catalogue's wording of the name (German, with its source in `quellen`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leika_name: Option<String>,
    /// LeiKa Typ (`1`, `2/3`, `4`, `5`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    /// Where the description is valid (ARS areas; `000000000000` = everywhere).
    #[serde(default)]
    pub gueltigkeit: Vec<Ars>,
    /// Text modules by code.
    #[serde(default)]
    pub texte: BTreeMap<TextModule, Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gebuehr: Option<Gebuehr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zustaendigkeit: Option<Zustaendigkeit>,
    /// Ids of online services for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub onlinedienste: Vec<String>,
    /// Ids of the Lebenslagen it appears in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lebenslagen: Vec<String>,
    /// Where the facts come from (catalogue, fee sources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quellen: Vec<String>,
}

impl Leistung {
    /// The key the service page uses.
    pub fn key(&self) -> Option<LeikaKey> {
        self.leika.first().copied()
    }

    /// A text module, if present.
    pub fn text(&self, module: &TextModule) -> Option<&Localized> {
        self.texte.get(module)
    }

    /// Whether the description applies at `place`.
    pub fn valid_at(&self, place: &Ars) -> bool {
        self.gueltigkeit.iter().any(|area| place.is_within(area))
    }
}

/// A fee with its source and date. Figures are as stated by the source on that date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gebuehr {
    pub text: Localized,
    /// The source of the figures.
    pub quelle: String,
    /// When the source stated them (ISO date or a description when only the source's version
    /// is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stand: Option<String>,
    /// E.g. that the source is older than two years and the figure should be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hinweis: Option<Localized>,
}

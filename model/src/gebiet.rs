//! The municipality directory: every Gemeinde with its ARS, names, postcodes and the
//! administrative units above it, as shipped in `data/generated/municipalities.json`.

use serde::{Deserialize, Serialize};

use crate::ars::Ars;

/// What kind of Gemeinde a directory row is (Destatis Textkennzeichen 60–67).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GemeindeArt {
    /// 60 Markt.
    Markt,
    /// 61 Kreisfreie Stadt.
    KreisfreieStadt,
    /// 62 Stadtkreis (Baden-Württemberg).
    Stadtkreis,
    /// 63 Stadt.
    Stadt,
    /// 64 Kreisangehörige Gemeinde.
    Gemeinde,
    /// 65 Gemeindefreies Gebiet, bewohnt (e.g. Osterheide, Lohheide).
    GemeindefreiesGebietBewohnt,
    /// 66 Gemeindefreies Gebiet, unbewohnt. Not shipped: nobody lives there.
    GemeindefreiesGebiet,
    /// 67 Große Kreisstadt.
    GrosseKreisstadt,
}

impl GemeindeArt {
    pub fn from_textkennzeichen(code: &str) -> Option<GemeindeArt> {
        Some(match code {
            "60" => GemeindeArt::Markt,
            "61" => GemeindeArt::KreisfreieStadt,
            "62" => GemeindeArt::Stadtkreis,
            "63" => GemeindeArt::Stadt,
            "64" => GemeindeArt::Gemeinde,
            "65" => GemeindeArt::GemeindefreiesGebietBewohnt,
            "66" => GemeindeArt::GemeindefreiesGebiet,
            "67" => GemeindeArt::GrosseKreisstadt,
            _ => return None,
        })
    }
}

/// What kind of Kreis (Destatis Textkennzeichen 41–45).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KreisArt {
    /// 41 Kreisfreie Stadt.
    KreisfreieStadt,
    /// 42 Stadtkreis (Baden-Württemberg).
    Stadtkreis,
    /// 43 Kreis.
    Kreis,
    /// 44 Landkreis.
    Landkreis,
    /// 45 Regionalverband (Saarbrücken).
    Regionalverband,
}

impl KreisArt {
    pub fn from_textkennzeichen(code: &str) -> Option<KreisArt> {
        Some(match code {
            "41" => KreisArt::KreisfreieStadt,
            "42" => KreisArt::Stadtkreis,
            "43" => KreisArt::Kreis,
            "44" => KreisArt::Landkreis,
            "45" => KreisArt::Regionalverband,
            _ => return None,
        })
    }

    /// A kreisfreie Stadt or Stadtkreis: the city executes the Kreis tasks itself.
    pub fn is_kreisfrei(self) -> bool {
        matches!(self, KreisArt::KreisfreieStadt | KreisArt::Stadtkreis)
    }
}

/// What kind of Gemeindeverband (Destatis Textkennzeichen 50–58).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerbandArt {
    /// 50 Verbandsfreie Gemeinde (never stored on a [`Gemeinde`]).
    Verbandsfrei,
    /// 51 Amt (SH, BB, MV).
    Amt,
    /// 52 Samtgemeinde (NI).
    Samtgemeinde,
    /// 53 Verbandsgemeinde (RP, ST, BB).
    Verbandsgemeinde,
    /// 54 Verwaltungsgemeinschaft (BY, BW, SN, TH).
    Verwaltungsgemeinschaft,
    /// 55 Kirchspielslandgemeinde (SH).
    Kirchspielslandgemeinde,
    /// 56 Verwaltungsverband (BW Gemeindeverwaltungsverband, SN).
    Verwaltungsverband,
    /// 57 Verbandsgemeinde nach dem Trägermodell.
    Traegermodell,
    /// 58 Erfüllende Gemeinde (TH).
    ErfuellendeGemeinde,
}

impl VerbandArt {
    pub fn from_textkennzeichen(code: &str) -> Option<VerbandArt> {
        Some(match code {
            "50" => VerbandArt::Verbandsfrei,
            "51" => VerbandArt::Amt,
            "52" => VerbandArt::Samtgemeinde,
            "53" => VerbandArt::Verbandsgemeinde,
            "54" => VerbandArt::Verwaltungsgemeinschaft,
            "55" => VerbandArt::Kirchspielslandgemeinde,
            "56" => VerbandArt::Verwaltungsverband,
            "57" => VerbandArt::Traegermodell,
            "58" => VerbandArt::ErfuellendeGemeinde,
            _ => return None,
        })
    }

    /// The German label used in unit names, e.g. "Verwaltungsgemeinschaft".
    pub fn label_de(self) -> &'static str {
        match self {
            VerbandArt::Verbandsfrei => "Gemeinde",
            VerbandArt::Amt => "Amt",
            VerbandArt::Samtgemeinde => "Samtgemeinde",
            VerbandArt::Verbandsgemeinde | VerbandArt::Traegermodell => "Verbandsgemeinde",
            VerbandArt::Verwaltungsgemeinschaft => "Verwaltungsgemeinschaft",
            VerbandArt::Kirchspielslandgemeinde => "Kirchspielslandgemeinde",
            VerbandArt::Verwaltungsverband => "Verwaltungsverband",
            VerbandArt::ErfuellendeGemeinde => "Erfüllende Gemeinde",
        }
    }

    /// The English label used in unit names.
    pub fn label_en(self) -> &'static str {
        match self {
            VerbandArt::Verbandsfrei => "Municipality",
            VerbandArt::Amt => "Amt (municipal association)",
            VerbandArt::Samtgemeinde => "Samtgemeinde (municipal association)",
            VerbandArt::Verbandsgemeinde | VerbandArt::Traegermodell => "Verbandsgemeinde (municipal association)",
            VerbandArt::Verwaltungsgemeinschaft => "Verwaltungsgemeinschaft (administrative community)",
            VerbandArt::Kirchspielslandgemeinde => "Kirchspielslandgemeinde (municipal association)",
            VerbandArt::Verwaltungsverband => "Verwaltungsverband (administrative association)",
            VerbandArt::ErfuellendeGemeinde => "Erfüllende Gemeinde (administering municipality)",
        }
    }
}

/// The Gemeindeverband a Gemeinde belongs to (Amt, Samtgemeinde, Verbandsgemeinde,
/// Verwaltungsgemeinschaft, …).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Verband {
    /// Name without the Destatis suffix, e.g. "Wallerstein".
    pub name: String,
    pub art: VerbandArt,
}

/// One municipality of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gemeinde {
    /// 12-digit ARS.
    pub ars: Ars,
    /// 8-digit AGS.
    pub ags: String,
    /// Everyday name, e.g. "Nördlingen" (the Destatis name up to its first comma).
    pub name: String,
    /// The Destatis name, e.g. "Nördlingen, GKSt".
    pub amtlicher_name: String,
    pub art: GemeindeArt,
    /// Every postcode of the municipality, sorted: those OpenStreetMap assigns to it and the
    /// seat postcode of the Destatis directory. A postcode may belong to several municipalities.
    #[serde(default)]
    pub plz: Vec<String>,
    /// The postcode of the municipality's seat (Destatis).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sitz_plz: Option<String>,
    /// Population (Destatis).
    #[serde(default)]
    pub einwohner: u32,
    /// Display name of the Kreis, e.g. "Landkreis Donau-Ries", or the city for a kreisfreie Stadt.
    pub kreis: String,
    pub kreis_art: KreisArt,
    /// Name of the Land.
    pub land: String,
    /// The Gemeindeverband, unless the municipality is verbandsfrei.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verband: Option<Verband>,
    /// Other spellings of the name (from OpenStreetMap), for place search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_namen: Vec<String>,
}

impl Gemeinde {
    /// Whether the municipality is a kreisfreie Stadt / Stadtkreis (executes Kreis tasks).
    pub fn is_kreisfrei(&self) -> bool {
        self.kreis_art.is_kreisfrei()
    }

    /// Whether the Land is a city-state without separate municipal and Land administration
    /// (Berlin, Hamburg). Bremen has two cities and is treated like kreisfreie Städte.
    pub fn is_stadtstaat(&self) -> bool {
        matches!(self.ars.land_code(), "02" | "11")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textkennzeichen_map_to_kinds() {
        assert_eq!(
            GemeindeArt::from_textkennzeichen("67"),
            Some(GemeindeArt::GrosseKreisstadt)
        );
        assert_eq!(KreisArt::from_textkennzeichen("44"), Some(KreisArt::Landkreis));
        assert!(KreisArt::from_textkennzeichen("42").unwrap().is_kreisfrei());
        assert!(!KreisArt::Regionalverband.is_kreisfrei());
        assert_eq!(
            VerbandArt::from_textkennzeichen("54"),
            Some(VerbandArt::Verwaltungsgemeinschaft)
        );
        assert_eq!(VerbandArt::from_textkennzeichen("59"), None);
        assert_eq!(
            serde_json::to_string(&GemeindeArt::GrosseKreisstadt).unwrap(),
            "\"grosse-kreisstadt\""
        );
    }
}

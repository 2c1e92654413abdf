//! Which administrative level executes a service, and how a place resolves to the
//! responsible unit.
//!
//! Rules, as the dataset applies them (derived units are samples, see `docs/data.md`):
//! - **Gemeinde** tasks (Melde-, Pass-, Personenstands-, Gewerbewesen) are executed by the
//!   Gemeindeverband where the Land assigns them there: Amt, Samtgemeinde, Verbandsgemeinde,
//!   Kirchspielslandgemeinde, erfüllende Gemeinde everywhere; Verwaltungsgemeinschaft and
//!   Verwaltungsverband everywhere except Baden-Württemberg, where the member municipalities
//!   keep these tasks. Otherwise the Gemeinde itself.
//! - **Kreis** tasks are executed by the Kreis (Landratsamt, Kreisverwaltung, …); a kreisfreie
//!   Stadt or Stadtkreis executes them itself; in Berlin and Hamburg the city-state does.
//! - **Land** and **Bund** tasks go to a named authority where one exists for everybody, else to
//!   the Land's authority of that kind.
//! - A service may name Länder that assign it to another level or authority.

use serde::{Deserialize, Serialize};

use crate::ars::{land_name, Ars};
use crate::gebiet::{Gemeinde, KreisArt, VerbandArt};
use crate::organisation::{Anschrift, Organisationseinheit};
use crate::text::Localized;

/// The administrative level that executes a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verwaltungsebene {
    /// The municipality (or its Gemeindeverband where the Land assigns the task there).
    Gemeinde,
    /// The Gemeindeverband itself (Verbandsgemeinde, Amt, …), falling back to the Gemeinde.
    Gemeindeverband,
    /// The Kreis, or the kreisfreie Stadt itself.
    Kreis,
    Land,
    Bund,
}

/// The kind of office, e.g. `standesamt` / "Standesamt" / "Registry office".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stelle {
    /// Slug, part of derived unit ids.
    pub id: String,
    pub name: Localized,
}

/// A Land that assigns the service differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LandesAbweichung {
    /// Two-digit Land codes.
    pub laender: Vec<String>,
    pub ebene: Verwaltungsebene,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behoerde: Option<Localized>,
}

/// Who executes a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zustaendigkeit {
    pub ebene: Verwaltungsebene,
    pub stelle: Stelle,
    /// A named authority, e.g. "Bundesamt für Justiz", when one executes it for everybody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behoerde: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abweichungen: Vec<LandesAbweichung>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hinweis: Option<Localized>,
}

/// Whether a Gemeindeverband of this kind executes its members' delegated tasks (Melde-,
/// Pass-, Personenstands-, Gewerbewesen) in this Land.
pub fn verband_fuehrt_aus(land_code: &str, art: VerbandArt) -> bool {
    match art {
        VerbandArt::Verbandsfrei => false,
        VerbandArt::Amt
        | VerbandArt::Samtgemeinde
        | VerbandArt::Verbandsgemeinde
        | VerbandArt::Traegermodell
        | VerbandArt::Kirchspielslandgemeinde
        | VerbandArt::ErfuellendeGemeinde => true,
        VerbandArt::Verwaltungsgemeinschaft | VerbandArt::Verwaltungsverband => land_code != "08",
    }
}

/// The body that executes Kreis tasks for a Gemeinde, e.g. "Landratsamt Donau-Ries",
/// "Kreis Dithmarschen", "Stadt Augsburg", "Freie und Hansestadt Hamburg".
pub fn kreis_traeger(g: &Gemeinde) -> Localized {
    match g.ars.land_code() {
        "02" => return Localized::new("Freie und Hansestadt Hamburg", "Free and Hanseatic City of Hamburg"),
        "11" => return Localized::new("Land Berlin", "State of Berlin"),
        _ => {}
    }
    if g.kreis_art.is_kreisfrei() {
        return Localized::new(format!("Stadt {}", g.kreis), format!("City of {}", g.kreis));
    }
    let bare = g.kreis.strip_prefix("Landkreis ").unwrap_or(&g.kreis);
    let de = match (g.ars.land_code(), g.kreis_art) {
        ("08" | "09" | "14" | "16", KreisArt::Landkreis) => format!("Landratsamt {bare}"),
        ("07", KreisArt::Landkreis) => format!("Kreisverwaltung {bare}"),
        _ => g.kreis.clone(),
    };
    Localized::new(de.clone(), de)
}

impl Zustaendigkeit {
    /// Level and named authority that apply in the Land of `g`.
    pub fn fuer_land(&self, land_code: &str) -> (Verwaltungsebene, Option<&Localized>) {
        match self
            .abweichungen
            .iter()
            .find(|a| a.laender.iter().any(|l| l == land_code))
        {
            Some(a) => (a.ebene, a.behoerde.as_ref()),
            None => (self.ebene, self.behoerde.as_ref()),
        }
    }

    /// The unit responsible for a resident of `g`. Never fails: every municipality of the
    /// directory resolves to a unit. Derived units are marked `sample`.
    pub fn resolve(&self, g: &Gemeinde) -> Organisationseinheit {
        let (ebene, behoerde) = self.fuer_land(g.ars.land_code());
        let stelle = &self.stelle.name;
        let land = land_name(g.ars.land_code()).unwrap_or(&g.land);
        let (gebiet, name, anschrift): (Ars, Localized, Option<Anschrift>) = match ebene {
            Verwaltungsebene::Bund => {
                let name = behoerde.cloned().unwrap_or_else(|| {
                    Localized::new(
                        format!("{} (Bund)", stelle.de),
                        format!("{} (federal)", stelle.get(crate::Lang::En)),
                    )
                });
                (Ars::BUND, name, None)
            }
            Verwaltungsebene::Land => {
                let name = behoerde.cloned().unwrap_or_else(|| {
                    Localized::new(
                        format!("{} – {land}", stelle.de),
                        format!("{} – {land}", stelle.get(crate::Lang::En)),
                    )
                });
                (g.ars.land(), name, None)
            }
            Verwaltungsebene::Kreis => {
                let traeger = kreis_traeger(g);
                let gebiet = if g.is_stadtstaat() { g.ars.land() } else { g.ars.kreis() };
                let name = Localized::new(
                    format!("{} – {}", traeger.de, stelle.de),
                    format!("{} – {}", traeger.get(crate::Lang::En), stelle.get(crate::Lang::En)),
                );
                (gebiet, name, None)
            }
            Verwaltungsebene::Gemeinde | Verwaltungsebene::Gemeindeverband => {
                let by_verband = g.verband.as_ref().filter(|v| {
                    !g.is_stadtstaat()
                        && (ebene == Verwaltungsebene::Gemeindeverband || verband_fuehrt_aus(g.ars.land_code(), v.art))
                        && v.art != VerbandArt::Verbandsfrei
                });
                match by_verband {
                    Some(v) if v.art == VerbandArt::ErfuellendeGemeinde => (
                        g.ars.verband(),
                        Localized::new(
                            format!("{} {} (erfüllende Gemeinde)", stelle.de, v.name),
                            format!(
                                "{} {} (administering municipality)",
                                stelle.get(crate::Lang::En),
                                v.name
                            ),
                        ),
                        None,
                    ),
                    Some(v) => (
                        g.ars.verband(),
                        Localized::new(
                            format!("{} {} {}", stelle.de, v.art.label_de(), v.name),
                            format!("{}, {} {}", stelle.get(crate::Lang::En), v.art.label_en(), v.name),
                        ),
                        None,
                    ),
                    None => (
                        g.ars,
                        Localized::new(
                            format!("{} {}", stelle.de, g.name),
                            format!("{} {}", stelle.get(crate::Lang::En), g.name),
                        ),
                        Some(Anschrift {
                            plz: g.sitz_plz.clone(),
                            ort: Some(g.name.clone()),
                            ..Anschrift::default()
                        }),
                    ),
                }
            }
        };
        Organisationseinheit {
            id: format!("LEBENSLAGEN.OE.{}.{}", self.stelle.id, gebiet),
            name,
            ebene: Some(ebene),
            gebiet: Some(gebiet),
            anschrift,
            kontakt: Vec::new(),
            oeffnungszeiten: None,
            sample: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gebiet::{GemeindeArt, Verband};

    fn noerdlingen() -> Gemeinde {
        Gemeinde {
            ars: Ars::parse("097790194194").unwrap(),
            ags: "09779194".into(),
            name: "Nördlingen".into(),
            amtlicher_name: "Nördlingen, GKSt".into(),
            art: GemeindeArt::GrosseKreisstadt,
            plz: vec!["86720".into()],
            sitz_plz: Some("86720".into()),
            einwohner: 20546,
            kreis: "Landkreis Donau-Ries".into(),
            kreis_art: KreisArt::Landkreis,
            land: "Bayern".into(),
            verband: None,
            alt_namen: vec![],
        }
    }

    fn rule(ebene: Verwaltungsebene, id: &str, de: &str, en: &str) -> Zustaendigkeit {
        Zustaendigkeit {
            ebene,
            stelle: Stelle {
                id: id.into(),
                name: Localized::new(de, en),
            },
            behoerde: None,
            abweichungen: vec![],
            hinweis: None,
        }
    }

    #[test]
    fn noerdlingen_resolves_to_its_standesamt_and_the_landratsamt() {
        let g = noerdlingen();
        let standesamt = rule(
            Verwaltungsebene::Gemeinde,
            "standesamt",
            "Standesamt",
            "Registry office",
        )
        .resolve(&g);
        assert_eq!(standesamt.name.de, "Standesamt Nördlingen");
        assert_eq!(standesamt.id, "LEBENSLAGEN.OE.standesamt.097790194194");
        assert!(standesamt.sample);
        let kfz = rule(
            Verwaltungsebene::Kreis,
            "kfz-zulassung",
            "Kfz-Zulassungsstelle",
            "Vehicle registration office",
        )
        .resolve(&g);
        assert_eq!(kfz.name.de, "Landratsamt Donau-Ries – Kfz-Zulassungsstelle");
        assert_eq!(kfz.gebiet, Some(Ars::parse("09779").unwrap()));
    }

    #[test]
    fn verbaende_execute_where_the_land_assigns_it() {
        let mut g = noerdlingen();
        g.name = "Wallerstein".into();
        g.ars = Ars::parse("097795124999").unwrap();
        g.verband = Some(Verband {
            name: "Wallerstein".into(),
            art: VerbandArt::Verwaltungsgemeinschaft,
        });
        let r = rule(
            Verwaltungsebene::Gemeinde,
            "meldebehoerde",
            "Meldebehörde",
            "Registration office",
        );
        let unit = r.resolve(&g);
        assert_eq!(unit.name.de, "Meldebehörde Verwaltungsgemeinschaft Wallerstein");
        assert_eq!(unit.gebiet, Some(Ars::parse("097795124").unwrap()));
        // Baden-Württemberg: the member municipality keeps the task.
        g.ars = Ars::parse("084255001001").unwrap();
        assert_eq!(r.resolve(&g).gebiet, Some(g.ars));
        assert!(!verband_fuehrt_aus("08", VerbandArt::Verwaltungsverband));
        assert!(verband_fuehrt_aus("14", VerbandArt::Verwaltungsverband));
    }

    #[test]
    fn kreisfreie_staedte_city_states_and_exceptions() {
        let mut g = noerdlingen();
        g.ars = Ars::parse("097610000000").unwrap();
        g.name = "Augsburg".into();
        g.kreis = "Augsburg".into();
        g.kreis_art = KreisArt::KreisfreieStadt;
        let kfz = rule(
            Verwaltungsebene::Kreis,
            "kfz",
            "Kfz-Zulassungsstelle",
            "Vehicle registration office",
        );
        assert_eq!(kfz.resolve(&g).name.de, "Stadt Augsburg – Kfz-Zulassungsstelle");
        g.ars = Ars::parse("020000000000").unwrap();
        assert_eq!(
            kfz.resolve(&g).name.de,
            "Freie und Hansestadt Hamburg – Kfz-Zulassungsstelle"
        );

        let mut elterngeld = rule(
            Verwaltungsebene::Kreis,
            "elterngeld",
            "Elterngeldstelle",
            "Parental allowance office",
        );
        elterngeld.abweichungen.push(LandesAbweichung {
            laender: vec!["09".into()],
            ebene: Verwaltungsebene::Land,
            behoerde: Some(Localized::de("Zentrum Bayern Familie und Soziales")),
        });
        let by = noerdlingen();
        assert_eq!(elterngeld.resolve(&by).name.de, "Zentrum Bayern Familie und Soziales");
        assert_eq!(elterngeld.resolve(&by).gebiet, Some(Ars::parse("09").unwrap()));
        let finanzamt = rule(Verwaltungsebene::Land, "finanzamt", "Finanzamt", "Tax office");
        assert_eq!(finanzamt.resolve(&by).name.de, "Finanzamt – Bayern");
        let bund = rule(Verwaltungsebene::Bund, "x", "Familienkasse", "Family benefits office");
        assert_eq!(bund.resolve(&by).gebiet, Some(Ars::BUND));
    }
}

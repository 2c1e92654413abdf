//! Curated content of this project (data/sources/curated/*.toml): Lebenslagen, service texts
//! in German and English, offices and who executes what, sample online services.

use std::collections::{BTreeMap, BTreeSet};

use model::lebenslage::{Lebenslage, Schritt, SchrittEintrag, Verknuepfung};
use model::leistung::{Gebuehr, Leistung};
use model::organisation::{Link, Onlinedienst};
use model::snapshot::Quelle;
use model::text::{Localized, TextModule};
use model::zustaendigkeit::{LandesAbweichung, Stelle, Verwaltungsebene, Zustaendigkeit};
use model::{Ars, LeikaKey, TrustLevel};
use serde::Deserialize;

use crate::html;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct L10n {
    pub de: String,
    pub en: String,
}

impl L10n {
    fn plain(&self) -> Localized {
        Localized::new(self.de.trim(), self.en.trim())
    }
    fn html(&self) -> Localized {
        Localized::new(html::render(&self.de), html::render(&self.en))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetToml {
    /// The date the curated content was checked; fee sources older than two years before it
    /// get a note.
    pub stand: String,
    pub quelle: Vec<QuelleIn>,
    pub hinweis: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuelleIn {
    pub id: String,
    pub name: String,
    pub lizenz: String,
    pub namensnennung: String,
    pub herkunft: String,
}

impl QuelleIn {
    pub fn to_model(&self) -> Quelle {
        Quelle {
            name: self.name.clone(),
            lizenz: self.lizenz.clone(),
            namensnennung: self.namensnennung.clone(),
            herkunft: self.herkunft.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StellenToml {
    stelle: Vec<StelleIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StelleIn {
    id: String,
    name: L10n,
    ebene: Verwaltungsebene,
    behoerde: Option<L10n>,
    #[serde(default)]
    abweichung: Vec<AbweichungIn>,
    hinweis: Option<L10n>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbweichungIn {
    laender: Vec<String>,
    ebene: Verwaltungsebene,
    behoerde: Option<L10n>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeistungenToml {
    leistung: Vec<LeistungIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeistungIn {
    leika: String,
    name: L10n,
    stelle: String,
    zustaendigkeit_hinweis: Option<L10n>,
    kurzinfo: L10n,
    voraussetzungen: L10n,
    unterlagen: L10n,
    fristen: L10n,
    kosten: KostenIn,
    verfahrensablauf: Option<L10n>,
    bearbeitungsdauer: Option<L10n>,
    hinweise: Option<L10n>,
    /// Legal basis, only where the LeiKa sources name none.
    rechtsgrundlage: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KostenIn {
    de: String,
    en: String,
    /// Where the figures come from, as named in the curated fee file or the Munich export.
    quelle: String,
    /// Date of the source, ISO; for the Munich export it is read from the file.
    stand: Option<String>,
    /// Munich service id whose `lastupdate` dates the figures.
    muc: Option<String>,
    /// No amount is stated (the service is free, or the sources name no fee): no date note.
    /// A `quelle` starting with "keine Angabe" means the sources say nothing: no `gebuehr`.
    #[serde(default)]
    kein_betrag: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LebenslagenToml {
    lebenslage: Vec<LebenslageIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LebenslageIn {
    id: String,
    titel: L10n,
    beschreibung: L10n,
    ozg_lebenslage: Option<String>,
    schritt: Vec<SchrittIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchrittIn {
    id: String,
    titel: L10n,
    hinweis: Option<L10n>,
    #[serde(default)]
    eine_von: bool,
    #[serde(default)]
    optional: bool,
    eintrag: Vec<EintragIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EintragIn {
    leika: Option<String>,
    titel: Option<L10n>,
    text: Option<L10n>,
    bedingung: Option<L10n>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnlinediensteToml {
    onlinedienst: Vec<OnlinedienstIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnlinedienstIn {
    id: String,
    name: L10n,
    beschreibung: Option<L10n>,
    leika: Vec<String>,
    #[serde(default)]
    links: Vec<LinkIn>,
    vertrauensniveau: Option<String>,
    gebiet: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkIn {
    uri: String,
    titel: Option<L10n>,
}

/// Facts about a key from the LeiKa sources.
#[derive(Clone, Debug, Default)]
pub struct KeyFacts {
    pub name: String,
    pub typ: Option<String>,
    /// Legal bases as HTML.
    pub rechtsgrundlage: Option<String>,
    pub source: &'static str,
}

/// Everything the curated sources yield.
pub struct Curated {
    pub lebenslagen: Vec<Lebenslage>,
    pub leistungen: Vec<Leistung>,
    pub onlinedienste: Vec<Onlinedienst>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{name}: {e}"))
}

fn key(s: &str, context: &str) -> Result<LeikaKey, String> {
    LeikaKey::parse(s).map_err(|e| format!("{context}: {s:?}: {e}"))
}

/// The curated TOML files by name, as read from data/sources/curated/.
pub struct Inputs<'a> {
    pub stellen: &'a str,
    pub leistungen: Vec<(String, String)>,
    pub lebenslagen: &'a str,
    pub onlinedienste: &'a str,
}

/// Whether an ISO date is more than two years before `reference` (both `YYYY-MM-DD`).
pub fn older_than_two_years(date: &str, reference: &str) -> Option<bool> {
    let valid =
        |d: &str| d.len() >= 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' && d[..4].parse::<u32>().is_ok();
    if !valid(date) || !valid(reference) {
        return None;
    }
    let year: u32 = reference[..4].parse().ok()?;
    let threshold = format!("{}{}", year - 2, &reference[4..10]);
    Some(date[..10] < *threshold)
}

pub fn build(
    inputs: Inputs<'_>,
    facts: &BTreeMap<LeikaKey, KeyFacts>,
    muc_dates: &BTreeMap<String, String>,
    stand: &str,
) -> Result<Curated, String> {
    let stellen: StellenToml = parse("stellen.toml", inputs.stellen)?;
    let stellen: BTreeMap<String, StelleIn> = stellen.stelle.into_iter().map(|s| (s.id.clone(), s)).collect();

    let lebenslagen_in: LebenslagenToml = parse("lebenslagen.toml", inputs.lebenslagen)?;
    let mut lebenslagen = Vec::new();
    for l in lebenslagen_in.lebenslage {
        let mut schritte = Vec::new();
        for s in l.schritt {
            let mut eintraege = Vec::new();
            for e in s.eintrag {
                eintraege.push(SchrittEintrag {
                    leika: e.leika.as_deref().map(|k| key(k, &l.id)).transpose()?,
                    titel: e.titel.as_ref().map(L10n::plain),
                    text: e.text.as_ref().map(L10n::html),
                    bedingung: e.bedingung.as_ref().map(L10n::plain),
                });
            }
            schritte.push(Schritt {
                id: s.id,
                titel: s.titel.plain(),
                hinweis: s.hinweis.as_ref().map(L10n::html),
                verknuepfung: if s.eine_von {
                    Verknuepfung::EineVon
                } else {
                    Verknuepfung::Alle
                },
                optional: s.optional,
                eintraege,
            });
        }
        let lebenslage = Lebenslage {
            id: l.id,
            titel: l.titel.plain(),
            beschreibung: l.beschreibung.plain(),
            ozg_lebenslage: l.ozg_lebenslage,
            schritte,
        };
        let problems = lebenslage.problems();
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        lebenslagen.push(lebenslage);
    }

    let od_in: OnlinediensteToml = parse("onlinedienste.toml", inputs.onlinedienste)?;
    let mut onlinedienste = Vec::new();
    for o in od_in.onlinedienst {
        if !model::lebenslage::is_slug(&o.id) {
            return Err(format!("online service id {:?} is not a slug", o.id));
        }
        onlinedienste.push(Onlinedienst {
            id: format!("LEBENSLAGEN.OD.{}", o.id),
            name: o.name.plain(),
            beschreibung: o.beschreibung.as_ref().map(L10n::plain),
            leika: o.leika.iter().map(|k| key(k, &o.id)).collect::<Result<_, _>>()?,
            links: o
                .links
                .iter()
                .map(|l| Link {
                    uri: l.uri.clone(),
                    titel: l.titel.as_ref().map(L10n::plain),
                })
                .collect(),
            vertrauensniveau: o.vertrauensniveau.as_deref().map(TrustLevel::parse),
            gebiet: o
                .gebiet
                .iter()
                .map(|a| Ars::parse(a).map_err(|e| format!("{}: {e}", o.id)))
                .collect::<Result<_, _>>()?,
            sample: true,
        });
    }
    onlinedienste.sort_by(|a, b| a.id.cmp(&b.id));

    let mut leistungen = Vec::new();
    let mut seen = BTreeSet::new();
    for (file, text) in &inputs.leistungen {
        let parsed: LeistungenToml = parse(file, text)?;
        for l in parsed.leistung {
            let k = key(&l.leika, file)?;
            if !seen.insert(k) {
                return Err(format!("{file}: {k} described twice"));
            }
            let fact = facts
                .get(&k)
                .ok_or_else(|| format!("{file}: {k} is not in the LeiKa source list"))?;
            let stelle = stellen
                .get(&l.stelle)
                .ok_or_else(|| format!("{file}: {k}: unknown stelle {:?}", l.stelle))?;
            let zustaendigkeit = Zustaendigkeit {
                ebene: stelle.ebene,
                stelle: Stelle {
                    id: stelle.id.clone(),
                    name: stelle.name.plain(),
                },
                behoerde: stelle.behoerde.as_ref().map(L10n::plain),
                abweichungen: stelle
                    .abweichung
                    .iter()
                    .map(|a| LandesAbweichung {
                        laender: a.laender.clone(),
                        ebene: a.ebene,
                        behoerde: a.behoerde.as_ref().map(L10n::plain),
                    })
                    .collect(),
                hinweis: l
                    .zustaendigkeit_hinweis
                    .as_ref()
                    .or(stelle.hinweis.as_ref())
                    .map(L10n::plain),
            };

            let stand_fee = match (&l.kosten.stand, &l.kosten.muc) {
                (Some(s), _) => Some(s.clone()),
                (None, Some(id)) => Some(
                    muc_dates
                        .get(id)
                        .cloned()
                        .ok_or_else(|| format!("{file}: {k}: Munich service {id} not in the export"))?,
                ),
                (None, None) => None,
            };
            let hinweis = match stand_fee.as_deref().map(|d| older_than_two_years(d, stand)) {
                _ if l.kosten.kein_betrag => None,
                Some(Some(false)) => None,
                Some(Some(true)) => Some(Localized::new(
                    "Die Quelle ist älter als zwei Jahre; der aktuelle Betrag ist vor der Nutzung zu prüfen.",
                    "The source is more than two years old; check the current amount before relying on it.",
                )),
                _ => Some(Localized::new(
                    "Das Datum der Quelle ist nicht festgestellt; der aktuelle Betrag ist vor der Nutzung zu prüfen.",
                    "The date of the source is not established; check the current amount before relying on it.",
                )),
            };
            let gebuehr = Gebuehr {
                text: Localized::new(l.kosten.de.trim(), l.kosten.en.trim()),
                quelle: l.kosten.quelle.trim().to_string(),
                stand: stand_fee.clone(),
                hinweis: hinweis.clone(),
            };
            let source_line = |lang_de: bool| {
                let (q, s) = if lang_de {
                    ("Quelle", "Stand")
                } else {
                    ("Source", "as of")
                };
                match &stand_fee {
                    Some(date) => format!("{q}: {}; {s}: {date}.", gebuehr.quelle),
                    None => format!("{q}: {}.", gebuehr.quelle),
                }
            };
            let no_source = gebuehr.quelle.starts_with("keine Angabe");
            let kosten_html = |text: &str, de: bool| {
                let mut out = html::render(text);
                if !no_source {
                    out.push_str(&format!("<p>{}</p>", html::escape(&source_line(de))));
                }
                if let Some(h) = &hinweis {
                    out.push_str(&format!(
                        "<p>{}</p>",
                        html::escape(if de { &h.de } else { h.en.as_deref().unwrap_or(&h.de) })
                    ));
                }
                out
            };

            let mut texte = BTreeMap::new();
            texte.insert(TextModule::Kurzinfo, l.kurzinfo.html());
            texte.insert(TextModule::Voraussetzungen, l.voraussetzungen.html());
            texte.insert(TextModule::Unterlagen, l.unterlagen.html());
            texte.insert(TextModule::Fristen, l.fristen.html());
            texte.insert(
                TextModule::Kosten,
                Localized::new(kosten_html(&l.kosten.de, true), kosten_html(&l.kosten.en, false)),
            );
            if let Some(t) = &l.verfahrensablauf {
                texte.insert(TextModule::Verfahrensablauf, t.html());
            }
            if let Some(t) = &l.bearbeitungsdauer {
                texte.insert(TextModule::Bearbeitungsdauer, t.html());
            }
            if let Some(t) = &l.hinweise {
                texte.insert(TextModule::Hinweise, t.html());
            }
            match (&fact.rechtsgrundlage, &l.rechtsgrundlage) {
                (Some(_), Some(_)) => {
                    return Err(format!(
                        "{file}: {k}: the sources name a legal basis; do not override it"
                    ))
                }
                (Some(rg), None) => {
                    texte.insert(TextModule::Rechtsgrundlage, Localized::new(rg.clone(), rg.clone()));
                }
                (None, Some(own)) => {
                    let rg = html::legal_bases(own);
                    texte.insert(TextModule::Rechtsgrundlage, Localized::new(rg.clone(), rg));
                }
                (None, None) => {}
            }

            let mut quellen = vec![format!("Leistungsname und Typ: {}", fact.source)];
            if !no_source {
                quellen.push(format!("Gebühr: {}", gebuehr.quelle));
            }
            leistungen.push(Leistung {
                id: format!("LEBENSLAGEN.LB.{k}"),
                leika: vec![k],
                name: l.name.plain(),
                leika_name: Some(fact.name.clone()),
                typ: fact.typ.clone(),
                gueltigkeit: vec![Ars::BUND],
                texte,
                gebuehr: (!no_source).then_some(gebuehr),
                zustaendigkeit: Some(zustaendigkeit),
                onlinedienste: onlinedienste
                    .iter()
                    .filter(|o| o.leika.contains(&k))
                    .map(|o| o.id.clone())
                    .collect(),
                lebenslagen: lebenslagen
                    .iter()
                    .filter(|ll| ll.leika_keys().contains(&k))
                    .map(|ll| ll.id.clone())
                    .collect(),
                quellen,
            });
        }
    }
    leistungen.sort_by_key(|l| l.leika[0]);

    // Every keyed step entry needs a curated description, every online service a curated service.
    for l in &lebenslagen {
        for k in l.leika_keys() {
            if !seen.contains(&k) {
                return Err(format!("{}: {k} has no curated description", l.id));
            }
        }
    }
    for o in &onlinedienste {
        for k in &o.leika {
            if !seen.contains(k) {
                return Err(format!("{}: {k} has no curated description", o.id));
            }
        }
    }
    Ok(Curated {
        lebenslagen,
        leistungen,
        onlinedienste,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_year_rule() {
        assert_eq!(older_than_two_years("2020-10-15", "2026-11-26"), Some(true));
        assert_eq!(older_than_two_years("2026-06-08", "2026-11-26"), Some(false));
        assert_eq!(older_than_two_years("2024-11-26", "2026-11-26"), Some(false));
        assert_eq!(older_than_two_years("2024-11-25", "2026-11-26"), Some(true));
        assert_eq!(older_than_two_years("gespeicherte Fassung", "2026-11-26"), None);
    }
}

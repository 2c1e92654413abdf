//! Builds the default federation snapshot in `data/generated/` from `data/sources/`.
//!
//! `cargo run -p dataset` regenerates it; the tests check that the checked-in files are exactly
//! what the sources produce. Output is deterministic: sorted records, fixed field order,
//! one record per line so that diffs stay readable.

pub mod csv;
pub mod curated;
pub mod html;
pub mod municipalities;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use model::snapshot::{Datei, Gemeindeverzeichnis, Katalog, KatalogEintrag, Lebenslagen, Leistungen, Manifest, FORMAT};
use model::search::{fold, Entry, Kind};
use model::LeikaKey;
use serde::Serialize;

use crate::csv::Table;
use crate::curated::{DatasetToml, KeyFacts};

/// `data/` of the repository.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("data")
}

/// Everything built from the sources.
pub struct Snapshot {
    pub verzeichnis: Gemeindeverzeichnis,
    pub lebenslagen: Lebenslagen,
    pub leistungen: Leistungen,
    pub katalog: Katalog,
    pub report: municipalities::Report,
    /// Every key of the LeiKa source list.
    pub leika_keys: BTreeSet<LeikaKey>,
    pub hinweise: Vec<String>,
    pub namensnennungen: Vec<String>,
    /// Synonyms and colloquial terms of the catalogue search, folded (query word → catalogue
    /// words), from `curated/synonyme.toml`.
    pub synonyme: Vec<(String, Vec<String>)>,
}

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Builds the snapshot from `sources` (normally `data/sources/`).
pub fn build(sources: &Path) -> Result<Snapshot, String> {
    let dataset: DatasetToml =
        toml::from_str(&read(sources, "curated/dataset.toml")?).map_err(|e| format!("dataset.toml: {e}"))?;
    let quelle = |id: &str| {
        dataset
            .quelle
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.to_model())
            .ok_or_else(|| format!("dataset.toml: no quelle {id}"))
    };

    // Municipalities.
    let (gemeinden, report) = municipalities::build(
        &read(sources, "AuszugGV4QAktuell.csv")?,
        &read(sources, "zuordnung_plz_ort_landkreis.csv")?,
    )?;
    let verzeichnis = Gemeindeverzeichnis {
        format: FORMAT,
        stand:
            "Gebietsstand der Destatis-Datei AuszugGV4QAktuell.csv (etwa 2020/21; Datei zuletzt geändert 2021-03-23)"
                .into(),
        quellen: vec![quelle("destatis")?, quelle("osm")?],
        gemeinden,
    };

    // LeiKa facts: the 2019 catalogue extract, refined by the curated list where it has a row.
    let kdn = Table::parse(&read(sources, "leika_ozg_kdn_nrw_2019.csv")?)
        .map_err(|e| format!("leika_ozg_kdn_nrw_2019.csv: {e}"))?;
    let [k_key, k_name, k_typ, k_ozg, k_ll, k_rg] = [
        "leika_key",
        "leika_name",
        "leika_typ",
        "ozg_leistung",
        "ozg_lebenslage",
        "rechtsgrundlagen",
    ]
    .map(|c| kdn.col(c));
    let (k_key, k_name, k_typ, k_ozg, k_ll, k_rg) = (k_key?, k_name?, k_typ?, k_ozg?, k_ll?, k_rg?);
    let mut facts: BTreeMap<LeikaKey, KeyFacts> = BTreeMap::new();
    let mut katalog_rows = Vec::new();
    for r in &kdn.rows {
        let key = LeikaKey::parse(r[k_key].trim()).map_err(|e| format!("LeiKa list: {}: {e}", r[k_key]))?;
        facts.insert(
            key,
            KeyFacts {
                name: r[k_name].trim().to_string(),
                typ: opt(&r[k_typ]),
                rechtsgrundlage: opt(&r[k_rg]).map(|s| html::legal_bases(&s)),
                source: "LeiKa-Auszug leika_ozg_kdn_nrw_2019.csv (kdn-nrw/OZG-Datenbank-NRW, Dump 2019-12-20)",
            },
        );
        katalog_rows.push((
            key,
            r[k_name].trim().to_string(),
            opt(&r[k_typ]),
            opt(&r[k_ozg]),
            opt(&r[k_ll]),
        ));
    }
    let leika_keys: BTreeSet<LeikaKey> = facts.keys().copied().collect();
    let cur = Table::parse(&read(sources, "leika_lebenslagen_curated.csv")?)
        .map_err(|e| format!("leika_lebenslagen_curated.csv: {e}"))?;
    let (c_key, c_typ, c_rg) = (
        cur.col("leika_key")?,
        cur.col("leika_typ")?,
        cur.col("rechtsgrundlage")?,
    );
    for r in &cur.rows {
        let key = LeikaKey::parse(r[c_key].trim()).map_err(|e| format!("curated list: {e}"))?;
        let fact = facts
            .get_mut(&key)
            .ok_or_else(|| format!("curated list: {key} not in the LeiKa list"))?;
        if let Some(typ) = opt(&r[c_typ]) {
            fact.typ = Some(typ);
        }
        if let Some(rg) = opt(&r[c_rg]) {
            fact.rechtsgrundlage = Some(html::legal_bases(&rg));
        }
        fact.source =
            "LeiKa-Auszug leika_ozg_kdn_nrw_2019.csv (Dump 2019-12-20), kuratiert in leika_lebenslagen_curated.csv";
    }

    // Munich export: dates of the fee texts.
    let muc = Table::parse(&read(sources, "muc_dldb_services_leika_fees.csv")?)
        .map_err(|e| format!("muc_dldb_services_leika_fees.csv: {e}"))?;
    let (m_id, m_date) = (muc.col("muc_service_id")?, muc.col("lastupdate")?);
    let muc_dates: BTreeMap<String, String> = muc
        .rows
        .iter()
        .map(|r| (r[m_id].trim().to_string(), r[m_date].chars().take(10).collect()))
        .collect();

    // Curated content.
    let mut leistungen_files = Vec::new();
    let dir = sources.join("curated").join("leistungen");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        let text = read(&dir, &name)?;
        leistungen_files.push((name, text));
    }
    let stellen = read(sources, "curated/stellen.toml")?;
    let lebenslagen_text = read(sources, "curated/lebenslagen.toml")?;
    let onlinedienste_text = read(sources, "curated/onlinedienste.toml")?;
    let curated = curated::build(
        curated::Inputs {
            stellen: &stellen,
            leistungen: leistungen_files,
            lebenslagen: &lebenslagen_text,
            onlinedienste: &onlinedienste_text,
        },
        &facts,
        &muc_dates,
        &dataset.stand,
    )?;

    let curated_keys: BTreeSet<LeikaKey> = curated.leistungen.iter().map(|l| l.leika[0]).collect();
    let eintraege = katalog_rows
        .into_iter()
        .map(|(key, name, typ, ozg, ozg_lebenslage)| KatalogEintrag {
            key,
            name,
            typ,
            ozg,
            ozg_lebenslage,
            lebenslagen: curated
                .lebenslagen
                .iter()
                .filter(|l| l.leika_keys().contains(&key))
                .map(|l| l.id.clone())
                .collect(),
            kuratiert: curated_keys.contains(&key),
        })
        .collect::<Vec<_>>();
    let mut eintraege = eintraege;
    eintraege.sort_by_key(|e| e.key);

    let synonyme = synonyms(&read(sources, "curated/synonyme.toml")?)?;
    let namensnennungen = dataset.quelle.iter().map(|q| q.namensnennung.clone()).collect();
    Ok(Snapshot {
        verzeichnis,
        lebenslagen: Lebenslagen {
            format: FORMAT,
            lebenslagen: curated.lebenslagen,
        },
        leistungen: Leistungen {
            format: FORMAT,
            quellen: vec![
                quelle("leika")?,
                quelle("curated")?,
                quelle("muc")?,
                quelle("lebenslagen")?,
            ],
            leistungen: curated.leistungen,
            onlinedienste: curated.onlinedienste,
        },
        katalog: Katalog {
            format: FORMAT,
            quellen: vec![quelle("leika")?],
            eintraege,
        },
        report,
        leika_keys,
        hinweise: dataset.hinweis.clone(),
        namensnennungen,
        synonyme,
    })
}

/// Reads `curated/synonyme.toml` and folds both sides, as the search folds queries.
fn synonyms(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SynonymeToml {
        synonyme: BTreeMap<String, Vec<String>>,
    }
    let parsed: SynonymeToml = toml::from_str(text).map_err(|e| format!("synonyme.toml: {e}"))?;
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, targets) in parsed.synonyme {
        let folded = fold(&key);
        let targets: Vec<String> = targets.iter().map(|t| fold(t)).collect();
        if folded.is_empty() || folded.split(' ').count() > 2 {
            return Err(format!("synonyme.toml: {key:?} must be one or two words"));
        }
        if targets.is_empty() || targets.iter().any(|t| t.is_empty() || t.contains(' ')) {
            return Err(format!(
                "synonyme.toml: {key:?}: every value must be one word"
            ));
        }
        if out.insert(folded, targets).is_some() {
            return Err(format!(
                "synonyme.toml: {key:?} is there twice (after folding)"
            ));
        }
    }
    Ok(out.into_iter().collect())
}

/// The entries of the catalogue search: Lebenslagen, curated services (with the catalogue
/// wording as further text), then every other LeiKa entry with its German name.
fn search_entries(s: &Snapshot) -> Vec<Entry> {
    let curated_name = |key: &LeikaKey| {
        s.leistungen
            .leistungen
            .iter()
            .find(|l| l.leika.contains(key))
            .map(|l| &l.name)
    };
    let mut entries = Vec::new();
    for l in &s.lebenslagen.lebenslagen {
        let mut extra: Vec<&str> = vec![&l.beschreibung.de];
        extra.extend(l.beschreibung.en.as_deref());
        extra.extend(l.ozg_lebenslage.as_deref());
        for step in &l.schritte {
            extra.push(&step.titel.de);
            extra.extend(step.titel.en.as_deref());
            for e in &step.eintraege {
                for name in e
                    .titel
                    .iter()
                    .chain(e.leika.as_ref().and_then(curated_name))
                {
                    extra.push(&name.de);
                    extra.extend(name.en.as_deref());
                }
            }
        }
        entries.push(Entry {
            kind: Kind::Lebenslage,
            id: l.id.clone(),
            name: l.titel.clone(),
            curated: true,
            extra: extra.join(" "),
        });
    }
    for l in &s.leistungen.leistungen {
        entries.push(Entry {
            kind: Kind::Leistung,
            id: l.leika[0].to_string(),
            name: l.name.clone(),
            curated: true,
            extra: l.leika_name.clone().unwrap_or_default(),
        });
    }
    for e in s.katalog.eintraege.iter().filter(|e| !e.kuratiert) {
        entries.push(Entry {
            kind: Kind::Leistung,
            id: e.key.to_string(),
            name: model::Localized::de(e.name.clone()),
            curated: false,
            extra: String::new(),
        });
    }
    entries
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialisable")
}

/// `{"head":…,…,"list":[\n<item>,\n<item>\n]}` — valid, compact JSON with one record per line.
fn with_records<I: Serialize>(head: &[(&str, String)], lists: &[(&str, Vec<&I>)]) -> String {
    let mut out = String::from("{");
    let mut first = true;
    for (key, value) in head {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&format!("{}:{}", json(key), value));
    }
    for (key, items) in lists {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&format!("{}:[", json(key)));
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&json(item));
        }
        if !items.is_empty() {
            out.push('\n');
        }
        out.push(']');
    }
    out.push_str("}\n");
    out
}

/// The generated files, by name, in writing order (manifest last).
pub fn render(s: &Snapshot) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let v = &s.verzeichnis;
    files.push((
        "municipalities.json".to_string(),
        with_records(
            &[
                ("format", json(&v.format)),
                ("stand", json(&v.stand)),
                ("quellen", json(&v.quellen)),
            ],
            &[("gemeinden", v.gemeinden.iter().collect())],
        ),
        v.gemeinden.len(),
        "ODbL-1.0 (enthält dl-de/by-2-0-Daten)",
    ));
    files.push((
        "lebenslagen.json".to_string(),
        with_records(
            &[("format", json(&s.lebenslagen.format))],
            &[("lebenslagen", s.lebenslagen.lebenslagen.iter().collect())],
        ),
        s.lebenslagen.lebenslagen.len(),
        "EUPL-1.2",
    ));
    let l = &s.leistungen;
    let mut leistungen_text = with_records(
        &[("format", json(&l.format)), ("quellen", json(&l.quellen))],
        &[("leistungen", l.leistungen.iter().collect())],
    );
    // Append the online services as a second list.
    leistungen_text.truncate(leistungen_text.len() - 2);
    let od = with_records::<model::Onlinedienst>(&[], &[("onlinedienste", l.onlinedienste.iter().collect())]);
    leistungen_text.push(',');
    leistungen_text.push_str(&od[1..]);
    files.push((
        "leistungen.json".to_string(),
        leistungen_text,
        l.leistungen.len(),
        "EUPL-1.2 (Texte); Leistungsnamen aus dem LeiKa (Nutzungsbedingungen des FIM-Portals)",
    ));
    let k = &s.katalog;
    files.push((
        "catalogue.json".to_string(),
        with_records(
            &[("format", json(&k.format)), ("quellen", json(&k.quellen))],
            &[("eintraege", k.eintraege.iter().collect())],
        ),
        k.eintraege.len(),
        "LeiKa-Daten (Nutzungsbedingungen des FIM-Portals)",
    ));
    let entries = search_entries(s);
    files.push((
        "search-index.txt".to_string(),
        model::search::render(&entries, &s.synonyme),
        entries.len(),
        "LeiKa-Daten (Nutzungsbedingungen des FIM-Portals); EUPL-1.2 (kuratierte Namen und Synonyme)",
    ));
    let manifest = Manifest {
        format: FORMAT,
        dateien: files
            .iter()
            .map(|(name, text, count, lizenz)| Datei {
                name: name.clone(),
                eintraege: *count,
                bytes: text.len(),
                lizenz: lizenz.to_string(),
            })
            .collect(),
        namensnennungen: s.namensnennungen.clone(),
        hinweise: s.hinweise.clone(),
    };
    let mut out: Vec<(String, String)> = files.into_iter().map(|(n, t, _, _)| (n, t)).collect();
    out.push((
        "manifest.json".to_string(),
        serde_json::to_string_pretty(&manifest).expect("serialisable") + "\n",
    ));
    out
}

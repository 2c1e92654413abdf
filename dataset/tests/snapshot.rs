//! The checked-in snapshot is exactly what the sources produce, and it holds what the app and
//! gateway rely on.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use model::snapshot::{Gemeindeverzeichnis, Katalog, Lebenslagen, Leistungen};
use model::{Ars, Lang, LeikaKey, TextModule, Verwaltungsebene};

fn snapshot() -> &'static dataset::Snapshot {
    static SNAPSHOT: OnceLock<dataset::Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| dataset::build(&dataset::data_dir().join("sources")).expect("sources build"))
}

#[test]
fn regenerating_gives_byte_identical_files() {
    let dir = dataset::data_dir().join("generated");
    let files = dataset::render(snapshot());
    let mut stale = Vec::new();
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if on_disk != *text {
            stale.push(name.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "data/generated is stale ({stale:?}): run `cargo run -p dataset` and commit the result"
    );
    let expected: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json") || n.ends_with(".txt"))
        .collect();
    assert_eq!(present, expected, "no leftover or missing files in data/generated");
}

#[test]
fn generated_files_parse_into_the_model_types_and_stay_small() {
    let dir = dataset::data_dir().join("generated");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Gemeindeverzeichnis = serde_json::from_str(&read("municipalities.json")).unwrap();
    assert_eq!(v, snapshot().verzeichnis);
    let l: Lebenslagen = serde_json::from_str(&read("lebenslagen.json")).unwrap();
    assert_eq!(l, snapshot().lebenslagen);
    let s: Leistungen = serde_json::from_str(&read("leistungen.json")).unwrap();
    assert_eq!(s, snapshot().leistungen);
    let k: Katalog = serde_json::from_str(&read("catalogue.json")).unwrap();
    assert_eq!(k, snapshot().katalog);
    // The search index: every Lebenslage and every catalogue entry once (curated services
    // under their curated name).
    let index = model::search::Index::parse(&read("search-index.txt")).unwrap();
    assert_eq!(index.entries().len(), l.lebenslagen.len() + k.eintraege.len());
    for (name, text) in dataset::render(snapshot()) {
        assert!(text.len() < 8 * 1024 * 1024, "{name} is {} bytes", text.len());
    }
}

#[test]
fn noerdlingen() {
    let g = snapshot()
        .verzeichnis
        .gemeinden
        .iter()
        .find(|g| g.ars == Ars::parse("097790194194").unwrap())
        .expect("Nördlingen is in the directory");
    assert_eq!(g.name, "Nördlingen");
    assert_eq!(g.ags, "09779194");
    assert!(g.plz.contains(&"86720".to_string()));
    assert_eq!(g.sitz_plz.as_deref(), Some("86720"));
    assert_eq!(g.kreis, "Landkreis Donau-Ries");
    assert_eq!(g.land, "Bayern");
    assert_eq!(g.verband, None, "Nördlingen is verbandsfrei");

    let leistungen = &snapshot().leistungen.leistungen;
    let unit = |key: &str| {
        let l = leistungen
            .iter()
            .find(|l| l.leika[0] == LeikaKey::parse(key).unwrap())
            .unwrap();
        l.zustaendigkeit.as_ref().unwrap().resolve(g)
    };
    assert_eq!(unit("99027002012000").name.de, "Standesamt Nördlingen");
    assert_eq!(
        unit("99036008007002").name.de,
        "Landratsamt Donau-Ries – Kfz-Zulassungsstelle"
    );
    assert!(unit("99036008007002").sample);
    assert_eq!(
        unit("99041006017000").gebiet,
        Some(Ars::parse("09").unwrap()),
        "Bayern: ZBFS"
    );

    // The same through the lookups the gateway uses.
    let v = &snapshot().verzeichnis;
    assert_eq!(v.gemeinde(&g.ars).map(|g| g.name.as_str()), Some("Nördlingen"));
    assert!(v.by_postcode("86720").iter().any(|m| m.ars == g.ars));
    let kfz = snapshot()
        .leistungen
        .zustaendige_stelle(&LeikaKey::parse("99036008007002").unwrap(), &g.ars, v)
        .unwrap();
    assert_eq!(kfz.name.de, "Landratsamt Donau-Ries – Kfz-Zulassungsstelle");
    assert!(
        v.gemeinde(&Ars::parse("09779").unwrap()).is_none(),
        "a Kreis is not a municipality"
    );
}

#[test]
fn directory_is_complete_and_consistent() {
    let s = snapshot();
    let g = &s.verzeichnis.gemeinden;
    assert_eq!(g.len(), 10_796, "every populated Satzart-60 row");
    assert_eq!(s.report.skipped_unpopulated, 208);
    assert!(s.report.without_postcode.is_empty(), "{:?}", s.report.without_postcode);
    assert_eq!(
        s.report.postcode_ags_without_municipality,
        vec!["16063094".to_string()],
        "Moorgrund, merged before the directory's state"
    );
    let mut ars = BTreeSet::new();
    for m in g {
        assert!(ars.insert(m.ars), "duplicate ARS {}", m.ars);
        assert_eq!(m.ars.ags(), m.ags);
        assert!(!m.plz.is_empty(), "{} has postcodes", m.name);
        assert!(m.plz.windows(2).all(|w| w[0] < w[1]), "postcodes sorted and unique");
        assert!(m
            .plz
            .iter()
            .all(|p| p.len() == 5 && p.bytes().all(|b| b.is_ascii_digit())));
        assert!(!m.name.is_empty() && !m.kreis.is_empty());
    }
    assert!(g.windows(2).all(|w| w[0].ars < w[1].ars), "sorted by ARS");
    // A postcode shared by several municipalities, and a municipality with many postcodes.
    let mut by_plz: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for p in g.iter().flat_map(|m| m.plz.iter()) {
        *by_plz.entry(p).or_default() += 1;
    }
    assert!(
        by_plz.values().filter(|n| **n > 1).count() > 1000,
        "many postcodes cover several municipalities"
    );
    let berlin = g.iter().find(|m| m.ars == Ars::parse("11").unwrap()).unwrap();
    assert!(berlin.plz.len() > 100);
}

#[test]
fn every_municipality_resolves_an_authority_for_every_curated_service() {
    let s = snapshot();
    let mut resolved = 0usize;
    for l in &s.leistungen.leistungen {
        let z = l
            .zustaendigkeit
            .as_ref()
            .unwrap_or_else(|| panic!("{} has a Zuständigkeit", l.leika[0]));
        for g in &s.verzeichnis.gemeinden {
            let unit = z.resolve(g);
            assert!(
                !unit.name.de.trim().is_empty() && unit.name.has(Lang::En),
                "{} for {}",
                l.leika[0],
                g.name
            );
            let area = unit.gebiet.expect("unit has an area");
            assert!(
                g.ars.is_within(&area),
                "{}: unit area {area} encloses {}",
                l.leika[0],
                g.ars
            );
            assert!(unit.sample, "derived units are samples");
            assert!(unit.id.starts_with("LEBENSLAGEN.OE."));
            if unit.ebene == Some(Verwaltungsebene::Kreis) && g.is_kreisfrei() && !g.is_stadtstaat() {
                assert!(
                    unit.name.de.starts_with("Stadt "),
                    "kreisfreie Städte execute Kreis tasks: {}",
                    unit.name.de
                );
            }
            resolved += 1;
        }
    }
    assert_eq!(resolved, s.leistungen.leistungen.len() * s.verzeichnis.gemeinden.len());
}

#[test]
fn lebenslagen_use_only_real_leika_keys_and_have_enough_services() {
    let s = snapshot();
    let ids: Vec<&str> = s.lebenslagen.lebenslagen.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ein-neues-kind-ist-angekommen",
            "rund-ums-fahrzeug",
            "umzug",
            "heiraten",
            "gewerbe-gruenden",
            "ausweis-und-pass"
        ]
    );
    let curated: BTreeSet<LeikaKey> = s.leistungen.leistungen.iter().map(|l| l.leika[0]).collect();
    for l in &s.lebenslagen.lebenslagen {
        assert!(l.problems().is_empty(), "{:?}", l.problems());
        let keys = l.leika_keys();
        assert!(keys.len() >= 5, "{} has {} services", l.id, keys.len());
        for k in keys {
            assert!(
                s.leika_keys.contains(&k),
                "{}: {k} is not in the LeiKa source list",
                l.id
            );
            assert!(curated.contains(&k), "{}: {k} has a curated description", l.id);
        }
    }
    // Keyless steps exist where the catalogue has no key (Kfz-Steuer, Ersterteilung, Beurkundung).
    let keyless = s
        .lebenslagen
        .lebenslagen
        .iter()
        .flat_map(|l| l.schritte.iter().flat_map(|st| st.eintraege.iter()))
        .filter(|e| e.leika.is_none())
        .count();
    assert_eq!(keyless, 3);
    for k in &s.katalog.eintraege {
        assert!(s.leika_keys.contains(&k.key));
    }
    assert_eq!(s.katalog.eintraege.len(), s.leika_keys.len());
}

#[test]
fn curated_services_have_texts_in_both_languages_and_dated_fees() {
    let s = snapshot();
    let required = [
        TextModule::Kurzinfo,
        TextModule::Voraussetzungen,
        TextModule::Unterlagen,
        TextModule::Kosten,
        TextModule::Fristen,
    ];
    for l in &s.leistungen.leistungen {
        assert!(l.name.has(Lang::De) && l.name.has(Lang::En));
        for m in &required {
            let t = l.text(m).unwrap_or_else(|| panic!("{} lacks {}", l.leika[0], m.code()));
            assert!(t.has(Lang::De) && t.has(Lang::En), "{} {}", l.leika[0], m.code());
            assert!(
                t.de != t.get(Lang::En),
                "{} {}: English differs from German",
                l.leika[0],
                m.code()
            );
        }
        assert!(
            l.text(&TextModule::Rechtsgrundlage).is_some(),
            "{} has its legal basis",
            l.leika[0]
        );
        for t in l.texte.values() {
            for html in [&t.de, t.en.as_ref().unwrap()] {
                for tag in html
                    .split('<')
                    .skip(1)
                    .map(|s| s.split(['>', ' ']).next().unwrap().trim_start_matches('/'))
                {
                    assert!(
                        ["p", "ul", "li", "a"].contains(&tag),
                        "{}: tag {tag} outside the allow-list",
                        l.leika[0]
                    );
                }
            }
        }
        if let Some(g) = &l.gebuehr {
            assert!(!g.quelle.is_empty());
            let dated = g.stand.as_deref().is_some_and(|d| d.len() == 10);
            assert!(
                dated || g.hinweis.is_some() || !g.text.de.chars().any(|c| c.is_ascii_digit()),
                "{}: undated figures carry a note",
                l.leika[0]
            );
        }
    }
    for o in &s.leistungen.onlinedienste {
        assert!(o.sample);
        assert!(!o.leika.is_empty());
    }
}

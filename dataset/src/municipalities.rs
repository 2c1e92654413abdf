//! The municipality directory: Destatis AuszugGV (Satzart 40/50/60) joined with the
//! OpenStreetMap postcode assignment.

use std::collections::{BTreeMap, BTreeSet};

use model::gebiet::{Gemeinde, GemeindeArt, KreisArt, Verband, VerbandArt};
use model::Ars;

use crate::csv::Table;

/// What the join left out or added, for the run report and the tests.
#[derive(Debug, Default)]
pub struct Report {
    /// Unpopulated gemeindefreie Gebiete (Textkennzeichen 66), not shipped.
    pub skipped_unpopulated: usize,
    /// AGS of the postcode file with no municipality in the directory (e.g. merged since).
    pub postcode_ags_without_municipality: Vec<String>,
    /// Municipalities whose Destatis seat postcode is missing from the OSM list (added).
    pub seat_postcodes_added: usize,
    /// Municipalities without any postcode.
    pub without_postcode: Vec<String>,
}

/// The name up to its first comma: "Nördlingen, GKSt" → "Nördlingen"; "Emmerting (VGem)" → "Emmerting".
pub fn short_name(name: &str) -> String {
    let base = name.split(',').next().unwrap_or(name).trim();
    base.strip_suffix("(VGem)").map(str::trim).unwrap_or(base).to_string()
}

/// Display name of a Kreis: "Landkreis Donau-Ries", "Kreis Dithmarschen", "Rhein-Kreis Neuss",
/// "Region Hannover"; for a kreisfreie Stadt the city's everyday name.
pub fn kreis_display(name: &str, art: KreisArt) -> String {
    let short = short_name(name);
    let has_kind =
        short.to_lowercase().contains("kreis") || short.starts_with("Region ") || short.starts_with("Städteregion ");
    match art {
        KreisArt::KreisfreieStadt | KreisArt::Stadtkreis => short,
        KreisArt::Regionalverband => short,
        _ if has_kind => short,
        KreisArt::Kreis => format!("Kreis {short}"),
        KreisArt::Landkreis => format!("Landkreis {short}"),
    }
}

/// Parses "  90 164" → 90164.
fn number(s: &str) -> u32 {
    s.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

pub fn build(gv_csv: &str, plz_csv: &str) -> Result<(Vec<Gemeinde>, Report), String> {
    let gv = Table::parse(gv_csv).map_err(|e| format!("AuszugGV4QAktuell.csv: {e}"))?;
    let [satzart, tk, land, rb, kreis, vb, gem, name, bev, plz] = [
        "satzart",
        "textkennzeichen",
        "land",
        "rb",
        "kreis",
        "vb",
        "gemeinde",
        "gemeindename",
        "bevoelkerung",
        "postleitzahl",
    ]
    .map(|c| gv.col(c));
    let (satzart, tk, land, rb, kreis, vb, gem, name, bev, plz) =
        (satzart?, tk?, land?, rb?, kreis?, vb?, gem?, name?, bev?, plz?);

    let mut kreise: BTreeMap<String, (String, KreisArt)> = BTreeMap::new();
    let mut verbaende: BTreeMap<String, (String, VerbandArt)> = BTreeMap::new();
    let mut rows = Vec::new();
    for r in &gv.rows {
        match r[satzart].as_str() {
            "40" => {
                let art = KreisArt::from_textkennzeichen(&r[tk]).ok_or_else(|| format!("Kreis art {}", r[tk]))?;
                kreise.insert(format!("{}{}{}", r[land], r[rb], r[kreis]), (r[name].clone(), art));
            }
            "50" => {
                let art = VerbandArt::from_textkennzeichen(&r[tk]).ok_or_else(|| format!("Verband art {}", r[tk]))?;
                verbaende.insert(
                    format!("{}{}{}{}", r[land], r[rb], r[kreis], r[vb]),
                    (r[name].clone(), art),
                );
            }
            "60" => rows.push(r),
            _ => {}
        }
    }

    let osm = Table::parse(plz_csv).map_err(|e| format!("zuordnung_plz_ort_landkreis.csv: {e}"))?;
    let (o_ags, o_ort, o_plz) = (osm.col("ags")?, osm.col("ort")?, osm.col("plz")?);
    let mut plz_by_ags: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut orte_by_ags: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &osm.rows {
        plz_by_ags.entry(&r[o_ags]).or_default().insert(&r[o_plz]);
        orte_by_ags.entry(&r[o_ags]).or_default().insert(&r[o_ort]);
    }

    let mut report = Report::default();
    let mut out = Vec::new();
    let mut seen_ags = BTreeSet::new();
    for r in rows {
        let art = GemeindeArt::from_textkennzeichen(&r[tk]).ok_or_else(|| format!("Gemeinde art {}", r[tk]))?;
        if art == GemeindeArt::GemeindefreiesGebiet {
            report.skipped_unpopulated += 1;
            continue;
        }
        let ars = Ars::from_parts(&r[land], &r[rb], &r[kreis], &r[vb], &r[gem])
            .map_err(|e| format!("ARS of {}: {e}", r[name]))?;
        let ags = ars.ags();
        let (kreis_name, kreis_art) = kreise
            .get(&ars.as_str()[..5])
            .cloned()
            .ok_or_else(|| format!("no Kreis for {}", r[name]))?;
        let (verband_name, verband_art) = verbaende
            .get(&ars.as_str()[..9])
            .cloned()
            .ok_or_else(|| format!("no Gemeindeverband for {}", r[name]))?;
        let verband = (verband_art != VerbandArt::Verbandsfrei).then(|| Verband {
            name: short_name(&verband_name),
            art: verband_art,
        });
        let short = short_name(&r[name]);
        let seat = r[plz].trim();
        let mut postcodes: BTreeSet<String> = plz_by_ags
            .get(ags.as_str())
            .into_iter()
            .flatten()
            .map(|s| s.to_string())
            .collect();
        if !seat.is_empty() && postcodes.insert(seat.to_string()) {
            report.seat_postcodes_added += 1;
        }
        if postcodes.is_empty() {
            report.without_postcode.push(format!("{ars} {short}"));
        }
        let alt_namen: Vec<String> = orte_by_ags
            .get(ags.as_str())
            .into_iter()
            .flatten()
            .filter(|o| **o != short)
            .map(|o| o.to_string())
            .collect();
        seen_ags.insert(ags.clone());
        out.push(Gemeinde {
            ars,
            ags,
            name: short,
            amtlicher_name: r[name].clone(),
            art,
            plz: postcodes.into_iter().collect(),
            sitz_plz: (!seat.is_empty()).then(|| seat.to_string()),
            einwohner: number(&r[bev]),
            kreis: kreis_display(&kreis_name, kreis_art),
            kreis_art,
            land: model::ars::land_name(ars.land_code())
                .ok_or("unknown Land")?
                .to_string(),
            verband,
            alt_namen,
        });
    }
    report.postcode_ags_without_municipality = plz_by_ags
        .keys()
        .filter(|a| !seen_ags.contains(**a))
        .map(|a| a.to_string())
        .collect();
    out.sort_by_key(|g| g.ars);
    Ok((out, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(short_name("Nördlingen, GKSt"), "Nördlingen");
        assert_eq!(short_name("Oberwiesenthal, Kurort, Stadt"), "Oberwiesenthal");
        assert_eq!(short_name("Emmerting (VGem)"), "Emmerting");
        assert_eq!(kreis_display("Donau-Ries", KreisArt::Landkreis), "Landkreis Donau-Ries");
        assert_eq!(kreis_display("Dithmarschen", KreisArt::Kreis), "Kreis Dithmarschen");
        assert_eq!(kreis_display("Rhein-Kreis Neuss", KreisArt::Kreis), "Rhein-Kreis Neuss");
        assert_eq!(
            kreis_display("Städteregion Aachen", KreisArt::Kreis),
            "Städteregion Aachen"
        );
        assert_eq!(kreis_display("Erzgebirgskreis", KreisArt::Landkreis), "Erzgebirgskreis");
        assert_eq!(kreis_display("Augsburg", KreisArt::KreisfreieStadt), "Augsburg");
        assert_eq!(
            kreis_display("Kiel, Landeshauptstadt", KreisArt::KreisfreieStadt),
            "Kiel"
        );
        assert_eq!(number(" 1 847 253"), 1_847_253);
    }
}

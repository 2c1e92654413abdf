//! `cargo run -p dataset`: reads `data/sources/`, writes `data/generated/`, prints sizes and counts.

use std::process::ExitCode;

fn main() -> ExitCode {
    let data = dataset::data_dir();
    let snapshot = match dataset::build(&data.join("sources")) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dataset: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out_dir = data.join("generated");
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("dataset: {}: {e}", out_dir.display());
        return ExitCode::FAILURE;
    }
    let files = dataset::render(&snapshot);
    for (name, text) in &files {
        if let Err(e) = std::fs::write(out_dir.join(name), text) {
            eprintln!("dataset: {name}: {e}");
            return ExitCode::FAILURE;
        }
    }

    let r = &snapshot.report;
    let g = &snapshot.verzeichnis.gemeinden;
    let postcodes: std::collections::BTreeSet<&str> = g.iter().flat_map(|g| g.plz.iter().map(String::as_str)).collect();
    let services: usize = snapshot
        .lebenslagen
        .lebenslagen
        .iter()
        .map(|l| l.leika_keys().len())
        .sum();
    println!(
        "municipalities: {} (skipped {} unpopulated gemeindefreie Gebiete)",
        g.len(),
        r.skipped_unpopulated
    );
    println!(
        "  postcodes: {} distinct; {} seat postcodes added from Destatis; {} municipalities without postcode",
        postcodes.len(),
        r.seat_postcodes_added,
        r.without_postcode.len()
    );
    println!(
        "  postcode-file AGS without municipality: {:?}",
        r.postcode_ags_without_municipality
    );
    println!(
        "lebenslagen: {} ({} service entries with a LeiKa key)",
        snapshot.lebenslagen.lebenslagen.len(),
        services
    );
    println!(
        "leistungen: {} curated, {} online services",
        snapshot.leistungen.leistungen.len(),
        snapshot.leistungen.onlinedienste.len()
    );
    println!("catalogue: {} LeiKa entries", snapshot.katalog.eintraege.len());
    for (name, text) in &files {
        println!("  {:<22} {:>10} bytes", name, text.len());
    }
    ExitCode::SUCCESS
}

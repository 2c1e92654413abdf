//! Bakes the operator configuration into the app. The TOML named by `LEBENSLAGEN_OPERATOR`
//! (default: the marked sample operator) is validated here, so a broken imprint fails the
//! build with a clear message instead of reaching citizens.

#[path = "src/operator_config.rs"]
mod operator_config;

use std::path::PathBuf;

fn main() {
    operator();
    journeys();
    search_index();
}

/// Names the catalogue search index after its content (`search-index-<16 hex>.txt`), so the
/// gateway serves it as an immutable asset: the wasm fetches `SEARCH_INDEX_FILE`, the prerender
/// step writes the file under that name into `dist/`.
fn search_index() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let path = manifest.join("data/generated/search-index.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo run -p dataset`)", path.display()));
    // FNV-1a, 64 bits: a content name, not a security property.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    println!("cargo:rustc-env=SEARCH_INDEX_FILE=search-index-{hash:016x}.txt");
}

/// The curated Lebenslagen with the names of the services they link to, from the dataset
/// (`data/generated`). Embedded in the app so the prerendered journey pages and the hydrating
/// wasm render the same content; the full service texts stay in the federation.
fn journeys() {
    use serde_json::{Map, Value};
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = manifest.join("data/generated");
    let read = |name: &str| -> Value {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run `cargo run -p dataset`)", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let lebenslagen = read("lebenslagen.json");
    let leistungen = read("leistungen.json");
    let mut names = Map::new();
    for l in leistungen["leistungen"]
        .as_array()
        .expect("leistungen.json has leistungen[]")
    {
        for key in l["leika"].as_array().into_iter().flatten() {
            if let Some(key) = key.as_str() {
                names
                    .entry(key.to_string())
                    .or_insert_with(|| l["name"].clone());
            }
        }
    }
    let manifest_json = read("manifest.json");
    let out = serde_json::json!({
        "lebenslagen": lebenslagen["lebenslagen"],
        "services": names,
        "attributions": manifest_json["namensnennungen"],
    });
    let path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("journeys.json");
    std::fs::write(path, serde_json::to_string(&out).unwrap()).unwrap();
}

fn operator() {
    println!("cargo:rerun-if-env-changed=LEBENSLAGEN_OPERATOR");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let path = std::env::var("LEBENSLAGEN_OPERATOR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("operator/sample.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("LEBENSLAGEN_OPERATOR: cannot read {}: {e}", path.display()));
    let operator: operator_config::Operator = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("operator configuration {}: {e}", path.display()));
    let problems = operator.problems();
    if !problems.is_empty() {
        panic!(
            "operator configuration {}:\n  {}",
            path.display(),
            problems.join("\n  ")
        );
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("operator.json");
    std::fs::write(out, serde_json::to_string(&operator).unwrap()).unwrap();
}

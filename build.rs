//! Bakes the operator configuration into the app. The TOML named by `LEBENSLAGEN_OPERATOR`
//! (default: the marked sample operator) is validated here, so a broken imprint fails the
//! build with a clear message instead of reaching citizens.

#[path = "src/operator_config.rs"]
mod operator_config;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=LEBENSLAGEN_OPERATOR");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let path = std::env::var("LEBENSLAGEN_OPERATOR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("operator/sample.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("LEBENSLAGEN_OPERATOR: cannot read {}: {e}", path.display())
    });
    let operator: operator_config::Operator = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("operator configuration {}: {e}", path.display()));
    let problems = operator.problems();
    if !problems.is_empty() {
        panic!("operator configuration {}:\n  {}", path.display(), problems.join("\n  "));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("operator.json");
    std::fs::write(out, serde_json::to_string(&operator).unwrap()).unwrap();
}

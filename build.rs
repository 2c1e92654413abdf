//! Bakes the operator configuration into the app. The TOML named by `LEBENSLAGEN_OPERATOR`
//! (default: the marked sample operator) is validated here, so a broken imprint fails the
//! build with a clear message instead of reaching citizens.

#[path = "src/operator_config.rs"]
mod operator_config;

use std::path::PathBuf;

fn main() {
    operator();
    journeys();
    messages();
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
    // The trust level each curated service's online service requires, for the sign-in prompt
    // of a service page before a place (and so the federation's online services) is known.
    let mut trust_levels = Map::new();
    for o in leistungen["onlinedienste"].as_array().into_iter().flatten() {
        let Some(level) = o["vertrauensniveau"].as_str() else {
            continue;
        };
        for key in o["leika"].as_array().into_iter().flatten() {
            if let Some(key) = key.as_str() {
                trust_levels.insert(key.to_string(), Value::from(level));
            }
        }
    }
    let manifest_json = read("manifest.json");
    let out = serde_json::json!({
        "lebenslagen": lebenslagen["lebenslagen"],
        "services": names,
        "trust_levels": trust_levels,
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

/// The user-interface strings (`locales/<lang>/*.ftl`, Fluent syntax) compiled into tables for
/// `src/i18n.rs`, so the wasm carries neither a Fluent parser nor its runtime (see
/// docs/decisions/2026-11-27-performance-budget.md). Supported: plain text, `{ $variable }`,
/// `{ "literal" }` and a selection on a variable with identifier or number keys. Anything else
/// (terms, attributes, message references, functions) fails the build with the message id.
fn messages() {
    use fluent_syntax::ast::{
        Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
    };
    use std::fmt::Write;

    fn literal(s: &str) -> String {
        format!("{s:?}")
    }

    fn inline(id: &str, e: &InlineExpression<String>, out: &mut String) {
        match e {
            InlineExpression::VariableReference { id: var } => {
                write!(out, "Part::Var({}),", literal(&var.name)).unwrap()
            }
            InlineExpression::StringLiteral { value } if !value.contains('\\') => {
                write!(out, "Part::Text({}),", literal(value)).unwrap()
            }
            InlineExpression::Placeable { expression } => placeable(id, expression, out),
            other => panic!("locales: message {id}: unsupported Fluent expression {other:?}"),
        }
    }

    fn placeable(id: &str, e: &Expression<String>, out: &mut String) {
        match e {
            Expression::Inline(e) => inline(id, e, out),
            Expression::Select { selector, variants } => {
                let InlineExpression::VariableReference { id: var } = selector else {
                    panic!("locales: message {id}: a selection must select on a $variable");
                };
                let default = variants
                    .iter()
                    .position(|v| v.default)
                    .expect("a default variant");
                let mut arms = String::new();
                for v in variants {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => format!("Key::Name({})", literal(name)),
                        VariantKey::NumberLiteral { value } => {
                            let n: f64 = value.parse().unwrap_or_else(|_| {
                                panic!("locales: message {id}: variant key {value}")
                            });
                            format!("Key::Number({n:?})")
                        }
                    };
                    write!(arms, "({key}, {}),", pattern(id, &v.value)).unwrap();
                }
                write!(
                    out,
                    "Part::Select({}, &[{arms}], {default}),",
                    literal(&var.name)
                )
                .unwrap();
            }
        }
    }

    fn pattern(id: &str, p: &Pattern<String>) -> String {
        let mut out = String::from("&[");
        for element in &p.elements {
            match element {
                PatternElement::TextElement { value } => {
                    write!(out, "Part::Text({}),", literal(value)).unwrap()
                }
                PatternElement::Placeable { expression } => placeable(id, expression, &mut out),
            }
        }
        out.push(']');
        out
    }

    fn variables(p: &Pattern<String>, out: &mut Vec<String>) {
        fn expression(e: &Expression<String>, out: &mut Vec<String>) {
            match e {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    out.push(id.name.clone())
                }
                Expression::Inline(InlineExpression::Placeable { expression: e }) => {
                    expression(e, out)
                }
                Expression::Inline(_) => {}
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        out.push(id.name.clone());
                    }
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &p.elements {
            if let PatternElement::Placeable { expression: e } = element {
                expression(e, out);
            }
        }
    }

    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    let mut tables = String::new();
    let mut reference_variables = String::new();
    for dir in &langs {
        let lang = dir.file_name().unwrap().to_str().unwrap().to_string();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut messages = std::collections::BTreeMap::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let text = std::fs::read_to_string(&file).unwrap();
            let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
                panic!("{}: Fluent syntax errors: {errors:?}", file.display())
            });
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        let id = m.id.name.clone();
                        assert!(
                            m.attributes.is_empty(),
                            "locales: message {id}: attributes are not supported"
                        );
                        let value = m
                            .value
                            .unwrap_or_else(|| panic!("locales: message {id} has no value"));
                        assert!(
                            messages.insert(id.clone(), value).is_none(),
                            "{}: {id} twice",
                            file.display()
                        );
                    }
                    Entry::Term(t) => panic!("locales: term -{} is not supported", t.id.name),
                    Entry::Junk { content } => panic!("{}: unparsable: {content}", file.display()),
                    _ => {}
                }
            }
        }
        write!(tables, "({}, &[", literal(&lang)).unwrap();
        for (id, value) in &messages {
            write!(tables, "({}, {}),", literal(id), pattern(id, value)).unwrap();
            if lang == "de" {
                let mut vars = Vec::new();
                variables(value, &mut vars);
                vars.sort();
                vars.dedup();
                let vars: Vec<String> = vars.iter().map(|v| literal(v)).collect();
                write!(
                    reference_variables,
                    "({}, &[{}]),",
                    literal(id),
                    vars.join(",")
                )
                .unwrap();
            }
        }
        tables.push_str("]),\n");
    }
    assert!(
        !reference_variables.is_empty(),
        "locales/de (the reference language) has no messages"
    );
    let code = format!(
        "/// Every language's messages, sorted by id (generated by build.rs from locales/).\n\
         pub static LOCALES: &[(&str, &[(&str, &[Part])])] = &[\n{tables}];\n\
         /// The reference language's (German) message ids, sorted, with their variables.\n\
         pub const REFERENCE: &[(&str, &[&str])] = &[{reference_variables}];\n"
    );
    let path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(path, code).unwrap();
}

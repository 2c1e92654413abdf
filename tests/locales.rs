//! Every locale has exactly the messages German has, with the same variables, and no text
//! contains bidi isolation marks. A missing translation fails here, not in front of a citizen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_of_pattern(pattern: &ast::Pattern<String>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &Expression<String>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => variables_of_inline(inline, out),
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for variant in variants {
                variables_of_pattern(&variant.value, out);
            }
        }
    }
}

fn variables_of_inline(inline: &InlineExpression<String>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn load(lang: &str) -> Messages {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    let mut messages = Messages::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no .ftl files", dir.display());
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        assert!(
            !source.contains(['\u{2068}', '\u{2069}']),
            "{} contains bidi isolation marks",
            file.display()
        );
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables_of_pattern(value, &mut vars);
                }
                let id = message.id.name.clone();
                assert!(
                    messages.insert(id.clone(), vars).is_none(),
                    "{lang}: message {id} is defined twice"
                );
            }
        }
    }
    messages
}

fn locales() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut langs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    langs
}

#[test]
fn every_locale_has_exactly_the_german_messages_with_the_same_variables() {
    let german = load("de");
    let mut problems = Vec::new();
    for lang in locales().into_iter().filter(|l| l != "de") {
        let other = load(&lang);
        for (id, vars) in &german {
            match other.get(id) {
                None => problems.push(format!("{lang} lacks {id}")),
                Some(v) if v != vars => {
                    problems.push(format!("{lang}: {id} uses {v:?}, German uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !german.contains_key(*id)) {
            problems.push(format!("{lang} has {id}, which German lacks"));
        }
    }
    assert!(problems.is_empty(), "locale problems:\n{}", problems.join("\n"));
}

#[test]
fn every_language_the_app_offers_has_a_locale_folder_and_vice_versa() {
    let offered: Vec<String> = model::Lang::ALL.iter().map(|l| l.code().to_string()).collect();
    let mut offered_sorted = offered.clone();
    offered_sorted.sort();
    assert_eq!(locales(), offered_sorted);
}

#[test]
fn the_loaded_strings_have_no_isolation_marks() {
    for lang in model::Lang::ALL {
        let text = lebenslagen::tr!(lang, "footer-operator", name = "X");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        assert!(text.contains('X'));
    }
}

//! The prerender step renders every route into the Trunk template: right language, one
//! heading, a title of its own, the nonce placeholder on every script, and the journey content
//! of each curated Lebenslage, in both languages.
#![cfg(feature = "ssr")]

use std::collections::HashSet;

use lebenslagen::prerender::{routes, Template, NONCE};
use model::{Lang, Page, Route};

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<script type="module" nonce="{{__TRUNK NONCE__}}">import init from '/app.js';</script>
<!--HEAD-->
</head>
<body><div id="app"></div><noscript></noscript></body>
</html>
"#;

fn between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    html.split(start).skip(1).filter_map(|rest| rest.split(end).next()).collect()
}

#[test]
fn every_route_renders_a_complete_page_in_its_language() {
    let template = Template::parse(TEMPLATE).unwrap();
    let mut titles = HashSet::new();
    for route in routes() {
        let html = template.render(&route);
        let lang = route.lang.code();
        assert!(html.contains(&format!(r#"<html lang="{lang}" dir="ltr""#)), "{}: lang", route.path());
        assert_eq!(html.matches("<h1").count(), 1, "{}: exactly one h1", route.path());
        let title = between(&html, "<title>", "</title>");
        assert_eq!(title.len(), 1, "{}: one title", route.path());
        assert!(titles.insert(title[0].to_string()), "{}: title {:?} is not unique", route.path(), title[0]);
        for script in between(&html, "<script", ">") {
            assert!(script.contains(&format!(r#"nonce="{NONCE}""#)), "{}: script without nonce", route.path());
        }
        assert!(!html.contains("<noscript>"), "{}: a prerendered page works without JS", route.path());
        assert!(!html.contains('\u{2068}'), "{}: bidi isolation marks", route.path());
    }
}

#[test]
fn every_service_of_a_journey_has_a_prerendered_shell_with_its_name() {
    let template = Template::parse(TEMPLATE).unwrap();
    let all = routes();
    for journey in lebenslagen::catalogue::lebenslagen() {
        for key in journey.leika_keys() {
            for lang in Lang::ALL {
                let route = Route::new(lang, Page::Leistung(key.to_string()));
                assert!(all.contains(&route), "{} is not prerendered", route.path());
                let html = template.render(&route);
                let name = lebenslagen::catalogue::service_name(&key.to_string()).unwrap();
                assert!(html.contains(name.get(lang)), "{}: its name", route.path());
            }
        }
    }
}

#[test]
fn every_curated_lebenslage_is_prerendered_with_its_steps_in_both_languages() {
    let template = Template::parse(TEMPLATE).unwrap();
    let all = routes();
    for journey in lebenslagen::catalogue::lebenslagen() {
        for lang in Lang::ALL {
            let route = Route::new(lang, Page::Lebenslage(journey.id.clone()));
            assert!(all.contains(&route), "{} is not prerendered", route.path());
            let html = template.render(&route);
            assert!(html.contains(journey.titel.get(lang)), "{}", route.path());
            assert_eq!(
                html.matches("ll-journey__step").count(),
                journey.schritte.len(),
                "{}: one item per step",
                route.path()
            );
            for key in journey.leika_keys() {
                let href = Route::new(lang, Page::Leistung(key.to_string())).path();
                assert!(html.contains(&format!(r#"href="{href}""#)), "{}: link to {href}", route.path());
            }
        }
    }
}

#[test]
fn the_start_page_lists_every_lebenslage() {
    let template = Template::parse(TEMPLATE).unwrap();
    for lang in Lang::ALL {
        let html = template.render(&Route::new(lang, Page::Home));
        for journey in lebenslagen::catalogue::lebenslagen() {
            let href = Route::new(lang, Page::Lebenslage(journey.id.clone())).path();
            assert!(html.contains(&format!(r#"href="{href}""#)), "{lang:?}: {href}");
        }
    }
}

#[test]
fn the_shell_has_the_language_and_a_noscript_notice_but_no_content() {
    let template = Template::parse(TEMPLATE).unwrap();
    for lang in Lang::ALL {
        let html = template.shell(lang);
        assert!(html.contains(&format!(r#"<html lang="{}""#, lang.code())));
        assert!(html.contains(r#"<div id="app"></div>"#));
        assert!(html.contains("<noscript><p>"));
    }
}

#[test]
fn a_template_without_the_markers_is_refused_with_a_reason() {
    let err = Template::parse("<html><head></head><body></body></html>").err().unwrap();
    assert!(err.contains("HEAD"), "{err}");
    let err = Template::parse(&TEMPLATE.replace("<html>", r#"<html lang="de">"#)).err().unwrap();
    assert!(err.contains("lang"), "{err}");
}

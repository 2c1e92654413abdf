//! Every URL of the app, parsed and built in one place.
//!
//! The app renders the page for a [`Route`], the prerender step writes one file per prerendered
//! route, and the gateway decides from the same parse whether a path is a prerendered page, an
//! app-shell page (a route whose content is only known at runtime) or a 404. Keeping this pure
//! and shared means the three can never disagree about which URLs exist.

use crate::lang::Lang;

/// What a URL shows, independent of its language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// Start page: Lebenslagen as entry points, search, the citizen's place.
    Home,
    /// A Lebenslage journey, `/lebenslagen/<id>`.
    Lebenslage(String),
    /// A service, `/leistungen/<LeiKa key>`: source-independent so sources can be merged.
    Leistung(String),
    /// Search over the service catalogue, `/suche`.
    Search,
    /// The citizen's service account, `/konto`.
    Account,
    /// Erklärung zur Barrierefreiheit (§12b BGG), `/barrierefreiheit`.
    Accessibility,
    /// Impressum, `/impressum`.
    Imprint,
    /// Datenschutzerklärung, `/datenschutz`.
    Privacy,
    /// Anything else: a helpful 404.
    NotFound,
}

/// A page in a language: everything a URL path says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Route {
    pub lang: Lang,
    pub page: Page,
}

/// How the gateway answers a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Serving {
    /// A page that exists for every deployment and is always prerendered.
    Prerendered,
    /// A service page: prerendered when curated, otherwise answered with the app shell that the
    /// wasm mounts into (any real LeiKa key may have descriptions in the federation).
    PrerenderedOrShell,
    /// A Lebenslage: our own curated content, all of it prerendered, so an id without a page
    /// is a 404.
    PrerenderedOrNotFound,
    /// No such page: the prerendered 404 page, with status 404.
    NotFound,
}

impl Route {
    pub fn new(lang: Lang, page: Page) -> Self {
        Route { lang, page }
    }

    /// Parses a URL path (without query or fragment). Never fails: unknown paths are
    /// [`Page::NotFound`] in the language their prefix names. A trailing slash is ignored, so
    /// `/suche/` and `/suche` are the same page and nothing needs a redirect.
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let lang = match segments.first().and_then(|first| {
            Lang::ALL
                .into_iter()
                .find(|l| !l.prefix().is_empty() && l.prefix()[1..] == **first)
        }) {
            Some(lang) => {
                segments.remove(0);
                lang
            }
            None => Lang::De,
        };
        let page = match segments.as_slice() {
            [] => Page::Home,
            ["lebenslagen", id] if is_slug(id) => Page::Lebenslage((*id).to_string()),
            ["leistungen", id] if is_leika_key(id) => Page::Leistung((*id).to_string()),
            ["suche"] => Page::Search,
            ["konto"] => Page::Account,
            ["barrierefreiheit"] => Page::Accessibility,
            ["impressum"] => Page::Imprint,
            ["datenschutz"] => Page::Privacy,
            _ => Page::NotFound,
        };
        Route { lang, page }
    }

    /// The canonical path of this route (no trailing slash except the German start page `/`,
    /// and `/en/` for the English start page so relative links resolve inside the prefix).
    pub fn path(&self) -> String {
        let prefix = self.lang.prefix();
        let rest = match &self.page {
            Page::Home => return format!("{prefix}/"),
            Page::Lebenslage(id) => format!("/lebenslagen/{id}"),
            Page::Leistung(id) => format!("/leistungen/{id}"),
            Page::Search => "/suche".into(),
            Page::Account => "/konto".into(),
            Page::Accessibility => "/barrierefreiheit".into(),
            Page::Imprint => "/impressum".into(),
            Page::Privacy => "/datenschutz".into(),
            // Not a real address; used only to name the prerendered 404 file.
            Page::NotFound => "/404".into(),
        };
        format!("{prefix}{rest}")
    }

    /// The same page in another language: what the language switcher links to.
    pub fn in_lang(&self, lang: Lang) -> Route {
        Route { lang, page: self.page.clone() }
    }

    /// Where the prerendered HTML of this route lives, relative to `dist/pages/`:
    /// `index.html`, `suche.html`, `en/index.html`, `en/leistungen/99….html`, `404.html`.
    pub fn file(&self) -> String {
        let path = self.path();
        let trimmed = path.trim_matches('/');
        let lang_only = trimmed == self.lang.prefix().trim_start_matches('/');
        if trimmed.is_empty() || (lang_only && self.page == Page::Home) {
            let dir = self.lang.prefix().trim_start_matches('/');
            if dir.is_empty() {
                "index.html".into()
            } else {
                format!("{dir}/index.html")
            }
        } else {
            format!("{trimmed}.html")
        }
    }

    /// The app-shell file for a language, relative to `dist/pages/` (`shell.html`,
    /// `en/shell.html`): an empty root the wasm mounts into, with `<html lang>` already right.
    pub fn shell_file(lang: Lang) -> String {
        let dir = lang.prefix().trim_start_matches('/');
        if dir.is_empty() {
            "shell.html".into()
        } else {
            format!("{dir}/shell.html")
        }
    }

    /// How the gateway must answer this route.
    pub fn serving(&self) -> Serving {
        match self.page {
            Page::NotFound => Serving::NotFound,
            Page::Leistung(_) => Serving::PrerenderedOrShell,
            Page::Lebenslage(_) => Serving::PrerenderedOrNotFound,
            _ => Serving::Prerendered,
        }
    }

    /// The fixed pages prerendered in every language (curated Lebenslagen and services are
    /// added by the caller, which knows the catalogue).
    pub fn fixed_pages() -> [Page; 7] {
        [
            Page::Home,
            Page::Search,
            Page::Account,
            Page::Accessibility,
            Page::Imprint,
            Page::Privacy,
            Page::NotFound,
        ]
    }
}

/// A LeiKa key: `99` followed by twelve digits.
pub fn is_leika_key(s: &str) -> bool {
    s.len() == 14 && s.starts_with("99") && s.bytes().all(|b| b.is_ascii_digit())
}

/// A Lebenslage id: lower-case ASCII letters, digits and single hyphens, at most 64 characters.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lang: Lang, page: Page) -> Route {
        Route::new(lang, page)
    }

    #[test]
    fn german_lives_at_unprefixed_paths_and_english_under_en() {
        assert_eq!(Route::parse("/"), r(Lang::De, Page::Home));
        assert_eq!(Route::parse("/en"), r(Lang::En, Page::Home));
        assert_eq!(Route::parse("/en/"), r(Lang::En, Page::Home));
        assert_eq!(Route::parse("/suche"), r(Lang::De, Page::Search));
        assert_eq!(Route::parse("/en/suche"), r(Lang::En, Page::Search));
        assert_eq!(Route::parse("/en/barrierefreiheit"), r(Lang::En, Page::Accessibility));
    }

    #[test]
    fn trailing_slashes_queries_and_fragments_do_not_change_the_page() {
        assert_eq!(Route::parse("/konto/"), r(Lang::De, Page::Account));
        assert_eq!(Route::parse("/suche?q=pass"), r(Lang::De, Page::Search));
        assert_eq!(Route::parse("/impressum#kontakt"), r(Lang::De, Page::Imprint));
    }

    #[test]
    fn ids_are_validated_so_junk_is_a_404_not_a_shell() {
        assert_eq!(
            Route::parse("/leistungen/99050012104000"),
            r(Lang::De, Page::Leistung("99050012104000".into()))
        );
        assert_eq!(Route::parse("/leistungen/12345").page, Page::NotFound);
        assert_eq!(Route::parse("/leistungen/99050012104000x").page, Page::NotFound);
        assert_eq!(
            Route::parse("/en/lebenslagen/rund-ums-fahrzeug"),
            r(Lang::En, Page::Lebenslage("rund-ums-fahrzeug".into()))
        );
        assert_eq!(Route::parse("/lebenslagen/Umzug").page, Page::NotFound);
        assert_eq!(Route::parse("/lebenslagen/<script>").page, Page::NotFound);
        assert_eq!(Route::parse("/lebenslagen").page, Page::NotFound);
        assert_eq!(Route::parse("/de/suche").page, Page::NotFound, "German has no prefix");
        assert_eq!(Route::parse("/en/en/suche"), r(Lang::En, Page::NotFound));
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        let pages = [
            Page::Home,
            Page::Lebenslage("umzug".into()),
            Page::Leistung("99107004001000".into()),
            Page::Search,
            Page::Account,
            Page::Accessibility,
            Page::Imprint,
            Page::Privacy,
        ];
        for lang in Lang::ALL {
            for page in pages.clone() {
                let route = r(lang, page);
                assert_eq!(Route::parse(&route.path()), route, "{}", route.path());
            }
        }
    }

    #[test]
    fn files_mirror_paths_and_never_collide() {
        assert_eq!(r(Lang::De, Page::Home).file(), "index.html");
        assert_eq!(r(Lang::En, Page::Home).file(), "en/index.html");
        assert_eq!(r(Lang::De, Page::Search).file(), "suche.html");
        assert_eq!(r(Lang::En, Page::NotFound).file(), "en/404.html");
        assert_eq!(
            r(Lang::En, Page::Leistung("99107004001000".into())).file(),
            "en/leistungen/99107004001000.html"
        );
        assert_eq!(Route::shell_file(Lang::De), "shell.html");
        assert_eq!(Route::shell_file(Lang::En), "en/shell.html");
        let mut files: Vec<String> = Lang::ALL
            .into_iter()
            .flat_map(|l| Route::fixed_pages().map(|p| r(l, p).file()))
            .collect();
        files.extend(Lang::ALL.map(Route::shell_file));
        let n = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), n);
    }

    #[test]
    fn switching_language_keeps_the_page() {
        let route = Route::parse("/leistungen/99107004001000");
        assert_eq!(route.in_lang(Lang::En).path(), "/en/leistungen/99107004001000");
        assert_eq!(Route::parse("/en/").in_lang(Lang::De).path(), "/");
    }

    #[test]
    fn serving_decides_between_page_shell_and_404() {
        assert_eq!(Route::parse("/konto").serving(), Serving::Prerendered);
        assert_eq!(Route::parse("/leistungen/99107004001000").serving(), Serving::PrerenderedOrShell);
        assert_eq!(Route::parse("/nope").serving(), Serving::NotFound);
        assert_eq!(Route::parse("/en/lebenslagen/umzug").serving(), Serving::PrerenderedOrNotFound);
    }
}

//! User-interface strings from `locales/<lang>/lebenslagen.ftl` (Fluent), German first.
//!
//! All languages are embedded and loaded once; each [`Lang`] gets a loader that shares the
//! bundles. The current language is never read from the browser: it is derived from the URL
//! path (see [`crate::state::use_route`]), so prerendered HTML and hydration always agree.

use std::sync::LazyLock;

use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::LanguageLoader;
use model::Lang;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Localizations;

static LOADERS: LazyLock<Vec<(Lang, FluentLanguageLoader)>> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    let ids: Vec<LanguageIdentifier> = Lang::ALL
        .iter()
        .map(|l| l.code().parse().expect("language codes are valid BCP 47"))
        .collect();
    loader
        .load_languages(&Localizations, &ids)
        .expect("every language of model::Lang has a locales/ folder");
    // Without this Fluent wraps placeables in U+2068/U+2069, which end up in visible text.
    // Must come after loading: loading rebuilds the bundles.
    loader.set_use_isolating(false);
    Lang::ALL
        .iter()
        .zip(ids.iter())
        .map(|(lang, id)| (*lang, loader.select_languages(&[id])))
        .collect()
});

/// The loader for a language; use with `fl!`, or through the [`t!`](crate::t) macro.
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    &LOADERS
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("a loader for every language")
        .1
}

/// A reactive translated string: `t!("key")` or `t!("key", name = value)` gives a closure that
/// re-renders when the language (the URL) changes. Use `tr!(lang, "key")` where the language
/// is already at hand.
#[macro_export]
macro_rules! t {
    ($key:literal $(, $arg:ident = $val:expr)* $(,)?) => {{
        let route = $crate::state::use_route();
        move || {
            let lang = route.with(|r| r.lang);
            $crate::tr!(lang, $key $(, $arg = $val)*)
        }
    }};
}

/// A translated string for a given language, checked against the German file at compile time.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal $(, $arg:ident = $val:expr)* $(,)?) => {
        i18n_embed_fl::fl!($crate::i18n::loader($lang), $key $(, $arg = $val)*)
    };
}

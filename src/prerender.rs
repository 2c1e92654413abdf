//! Prerendering: every route of the app, in every language, rendered to HTML at build time.
//!
//! Reads the Trunk output `<dist>/index.html` as the document template and writes
//! `<dist>/pages/<route file>` for each prerendered route, plus one app shell per language
//! (`pages/shell.html`, `pages/en/shell.html`) for routes whose content is only known at
//! runtime. The gateway serves these files (see `model::route`).

use std::path::Path;
use std::sync::Arc;

use any_spawner::Executor;
use futures::executor::block_on;
use futures::{stream, StreamExt};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use model::{Lang, Page, Route};

use crate::{tr, App};

/// Where the app mounts; `main.rs` looks it up by this id.
const ROOT_EMPTY: &str = r#"<div id="app"></div>"#;
/// Trunk's nonce placeholder: the gateway replaces it per response.
pub const NONCE: &str = "{{__TRUNK NONCE__}}";

/// Prerenders every route into `<dist>/pages/`; returns how many files it wrote.
pub fn run(dist: &Path) -> Result<usize, String> {
    let template_path = dist.join("index.html");
    let template = std::fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "cannot read {} (run trunk build first): {e}",
            template_path.display()
        )
    })?;
    let template = Template::parse(&template)?;

    let pages = dist.join("pages");
    let mut count = 0;
    for route in routes() {
        write(&pages.join(route.file()), &template.render(&route))?;
        count += 1;
    }
    for lang in Lang::ALL {
        write(&pages.join(Route::shell_file(lang)), &template.shell(lang))?;
        count += 1;
    }
    // The catalogue search index, under the content-hashed name the wasm fetches.
    write(&dist.join(crate::search::INDEX_FILE), crate::search::INDEX_TEXT)?;
    Ok(count)
}

/// Every prerendered route, in every language: the fixed pages, every curated Lebenslage and
/// every service a journey links to (its shell: name and layout, the rest comes from the
/// federation after hydration).
pub fn routes() -> Vec<Route> {
    let lebenslagen = crate::catalogue::lebenslagen()
        .iter()
        .map(|l| Page::Lebenslage(l.id.clone()));
    let mut services: Vec<String> = crate::catalogue::lebenslagen()
        .iter()
        .flat_map(|l| l.leika_keys())
        .map(|k| k.to_string())
        .collect();
    services.sort();
    services.dedup();
    let pages: Vec<Page> = Route::fixed_pages()
        .into_iter()
        .chain(lebenslagen)
        .chain(services.into_iter().map(Page::Leistung))
        .collect();
    Lang::ALL
        .into_iter()
        .flat_map(|lang| pages.iter().map(move |page| Route::new(lang, page.clone())))
        .collect()
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, html).map_err(|e| format!("{}: {e}", path.display()))
}

/// The Trunk output split around the app root.
pub struct Template {
    /// Everything up to `</head>`, exclusive.
    head: String,
    /// From `</head>` to the app root, exclusive.
    body_start: String,
    /// After the app root, without the `<noscript>` block.
    tail: String,
}

impl Template {
    pub fn parse(html: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("template index.html lacks {what}");
        let head_end = html.find("</head>").ok_or_else(|| missing("</head>"))?;
        if !html.contains("<!--HEAD-->") {
            return Err(missing("the <!--HEAD--> marker leptos_meta needs"));
        }
        if html.contains("<html ") {
            return Err(
                "template <html> must have no attributes: the app sets lang and dir".into(),
            );
        }
        let root = html.find(ROOT_EMPTY).ok_or_else(|| missing(ROOT_EMPTY))?;
        let mut tail = html[root + ROOT_EMPTY.len()..].to_string();
        if let (Some(start), Some(end)) = (tail.find("<noscript>"), tail.find("</noscript>")) {
            tail.replace_range(start..end + "</noscript>".len(), "");
        }
        Ok(Template {
            head: html[..head_end].to_string(),
            body_start: html[head_end..root].to_string(),
            tail,
        })
    }

    /// The app shell for a language: the right `<html lang>`, a title, an empty root, and a
    /// `<noscript>` notice (only here: prerendered pages work without JavaScript).
    pub fn shell(&self, lang: Lang) -> String {
        let head = self.head.replacen(
            "<html",
            &format!(r#"<html lang="{}" dir="{}""#, lang.code(), lang.dir()),
            1,
        );
        let head = head.replacen(
            "<!--HEAD-->",
            &format!("<!--HEAD--><title>{}</title>", tr!(lang, "app-name")),
            1,
        );
        format!(
            "{head}{}{}{ROOT_EMPTY}<noscript><p>{}</p></noscript>{}",
            hydration_script(""),
            self.body_start,
            tr!(lang, "noscript-shell"),
            self.tail
        )
    }
}

/// Hydration data the wasm reads before hydrating (resolved resources, errors), and the place
/// hint. The nonce placeholder lets it run under the gateway's CSP without `'unsafe-inline'`.
fn hydration_script(data: &str) -> String {
    let data = if data.is_empty() {
        "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__INCOMPLETE_CHUNKS=[];"
    } else {
        data
    };
    format!(r#"<script nonce="{NONCE}">{data}{PLACE_HINT}</script>"#)
}

/// Marks `<html data-place>` before the first paint when the page will show a place (`?ars=`
/// or one remembered on the device), so the stylesheet can reserve the room the place-specific
/// parts take after hydration instead of letting the page jump. Reads nothing else, writes
/// nothing; storage may be blocked (sandboxed frames), hence the `try`.
const PLACE_HINT: &str = "try{if(/[?&]ars=\\d{12}(&|$)/.test(location.search)||localStorage.getItem('ll.place'))document.documentElement.setAttribute('data-place','')}catch(e){}";

impl Template {
    /// Renders one route to a complete document.
    pub fn render(&self, route: &Route) -> String {
        // Rendering awaits on leptos' executor; initialising twice fails harmlessly.
        let _ = Executor::init_futures_executor();
        let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
        owner.with(|| {
            provide_context(RequestUrl::new(&route.path()));
            let (meta_context, meta_output) = ServerMetaContext::new();
            provide_context(meta_context);
            let body = block_on(
                App()
                    .into_view()
                    .to_html_stream_in_order()
                    .collect::<Vec<_>>(),
            )
            .concat();
            let data = Owner::current_shared_context()
                .and_then(|ctx| ctx.pending_data())
                .map(|pending| block_on(pending.collect::<Vec<_>>()).concat())
                .unwrap_or_default();
            let document = format!(
                r#"{}{}{}<div id="app">{body}</div>{}"#,
                self.head,
                hydration_script(&data),
                self.body_start,
                self.tail
            );
            block_on(async {
                meta_output
                    .inject_meta_context(stream::iter([document]))
                    .await
                    .collect::<Vec<_>>()
                    .await
            })
            .concat()
        })
    }
}

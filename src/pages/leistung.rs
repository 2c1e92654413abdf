use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::federation::merge_service_descriptions;
use model::pvog::{Page as PvogPage, ServiceDescription};
use model::sanitize::sanitize_html;
use model::text::TextModule;
use model::{Ars, TrustLevel};

use crate::components::sign_in::TrustRequirement;
use crate::components::{Authority, PageHeading, SourceNotice, YourPlace};
use crate::federation::{ask_all, use_runtime_config, Answer, Progress, Source};
use crate::state::use_lang;
use crate::t;

/// Trust levels the online services of the shipped sample catalogue require
/// (`data/generated/leistungen.json`, `onlinedienste[].vertrauensniveau`). Stands in until the
/// page shows a service's online services (with their `vertrauensniveau`) from the federation.
fn required_level(leika: &str) -> Option<TrustLevel> {
    match leika {
        "99102019000000" => Some(TrustLevel::Substanziell),
        "99049001001003" | "99115005104000" | "99036008007002" | "99036008007001"
        | "99036008007008" | "99036008071000" | "99036008070003" => Some(TrustLevel::Hoch),
        _ => None,
    }
}

/// A service (Leistung), addressed by its LeiKa key so that sources can be merged. With a
/// place (`?ars=`) it asks every federation source for the description valid there and shows
/// the most local one; without, it asks for the place first.
#[component]
pub fn Leistung(
    /// The LeiKa key from the URL (validated: `99` and twelve digits).
    id: String,
) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let config = use_runtime_config();
    let lang = use_lang();
    let place = crate::place::use_page_place();

    let answers = Memo::new(move |_| {
        let (config, place) = (config.get()?, place.get()?);
        let path = format!(
            "/v2/servicedescriptions/leikahierarchy?ars={place}&leikaIds={}",
            key.get_value()
        );
        Some(ask_all(config.sources(), &path, lang.get(), parse_page))
    });

    let merged = move || {
        let answers = answers.get()?;
        let list: Vec<Answer<Vec<ServiceDescription>>> = answers.get();
        let place = place.get()?;
        let outcomes = list.iter().filter_map(Answer::outcome).collect();
        let merged = merge_service_descriptions(outcomes, &place);
        let names = |id: &model::federation::SourceId| {
            list.iter()
                .find(|a| a.source.id == id.as_str())
                .map(|a| a.source.name.clone())
        };
        let missing: Vec<String> = merged
            .missing
            .iter()
            .filter_map(|(id, _)| names(id))
            .collect();
        let pending = list.iter().any(|a| a.progress == Progress::Pending);
        Some((merged, missing, pending))
    };
    let missing = Signal::derive(move || merged().map(|(_, m, _)| m).unwrap_or_default());
    let description = move || {
        merged()
            .and_then(|(m, _, _)| m.by_key.into_iter().next())
            .map(|s| s.description)
    };
    let heading = Signal::derive(move || {
        description()
            .and_then(|d| d.name)
            .map(|n| model::sanitize::plain_text(&n))
            .unwrap_or_else(t!("leistung-heading"))
    });

    view! {
        <div class="ll-container ll-page" data-leika=id>
            <PageHeading text=heading/>
            <p class="ll-hint">{t!("leistung-key", key = key.get_value())}</p>
            {required_level(&key.get_value()).map(|required| view! { <TrustRequirement required/> })}
            {move || place.get().is_none().then(|| view! {
                <p class="ll-lead">{t!("leistung-needs-place")}</p>
            })}
            <YourPlace/>
            <SourceNotice missing/>
            {move || config.get().is_some_and(|c| c.sample_data).then(|| view! {
                <p class="ll-notice ll-notice--warning" data-testid="sample-data-notice">{t!("sample-data-notice")}</p>
            })}
            {move || match (place.get(), merged()) {
                (None, _) => None,
                (Some(_), None) => Some(EitherOf3::A(loading())),
                (Some(_), Some((m, _, pending))) => Some(match m.by_key.into_iter().next() {
                    Some(service) => {
                        let source = config.get().and_then(|c| {
                            c.sources().iter().find(|s| s.id == service.source.as_str()).cloned()
                        });
                        EitherOf3::B(view! { <ServiceTexts description=service.description source place=place.get()/> })
                    }
                    None if pending => EitherOf3::A(loading()),
                    None => EitherOf3::C(view! { <p class="ll-lead" data-testid="leistung-none">{t!("leistung-unavailable", key = key.get_value())}</p> }),
                }),
            }}
        </div>
    }
}

/// "Loading …", announced politely.
fn loading() -> impl IntoView {
    view! { <p role="status">{t!("loading")}</p> }
}

/// The text modules of a description in display order, each sanitised to the PVOG allow-list.
#[component]
fn ServiceTexts(
    description: ServiceDescription,
    /// The source the description came from: asked for the responsible authority.
    source: Option<Source>,
    place: Option<Ars>,
) -> impl IntoView {
    let sections = TextModule::DISPLAY_ORDER
        .iter()
        .filter_map(|module| {
            let text = description.module(module)?.text.clone()?;
            Some((module.clone(), sanitize_html(&text)))
        })
        .collect::<Vec<_>>();
    let authority = match (source, place, description.id.clone()) {
        (Some(source), Some(place), Some(lb_id)) => Some(view! { <Authority source place lb_id/> }),
        _ => None,
    };
    view! {
        <div class="ll-service" data-testid="service-texts">
            {authority}
            {sections.into_iter().enumerate().map(|(i, (module, html))| {
                let id = format!("service-module-{i}");
                let labelled_by = id.clone();
                view! {
                    <section class="ll-section" aria-labelledby=labelled_by>
                        <h2 class="ll-heading-2" id=id>{module_title(&module)}</h2>
                        <div class="ll-rich-text" inner_html=html></div>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

fn module_title(module: &TextModule) -> impl Fn() -> String + Send + Sync + 'static {
    let module = module.clone();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        match module {
            TextModule::Kurzinfo => crate::tr!(lang, "module-kurzinfo"),
            TextModule::Volltext => crate::tr!(lang, "module-volltext"),
            TextModule::Voraussetzungen => crate::tr!(lang, "module-voraussetzungen"),
            TextModule::Unterlagen => crate::tr!(lang, "module-unterlagen"),
            TextModule::Kosten => crate::tr!(lang, "module-kosten"),
            TextModule::Fristen => crate::tr!(lang, "module-fristen"),
            TextModule::Bearbeitungsdauer => crate::tr!(lang, "module-bearbeitungsdauer"),
            TextModule::Verfahrensablauf => crate::tr!(lang, "module-verfahrensablauf"),
            TextModule::Rechtsgrundlage => crate::tr!(lang, "module-rechtsgrundlage"),
            TextModule::Hinweise => crate::tr!(lang, "module-hinweise"),
            _ => crate::tr!(lang, "module-other"),
        }
    }
}

fn parse_page(body: &str) -> Option<Vec<ServiceDescription>> {
    serde_json::from_str::<PvogPage<ServiceDescription>>(body)
        .ok()
        .map(|p| p.content)
}

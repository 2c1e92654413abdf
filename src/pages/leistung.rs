use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::federation::online_services_for;
use model::pvog::{OnlineService, ServiceDescription};
use model::sanitize::sanitize_html;
use model::text::TextModule;
use model::{Ars, LeikaKey};

use crate::components::sign_in::TrustRequirement;
use crate::components::{Authority, OnlineWay, PageHeading, ShownPlace, SourceNotice};
use crate::federation::{ask_at_place, use_runtime_config, Source, Units};
use crate::state::use_lang;
use crate::t;

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

    let facts = Memo::new(move |_| {
        let (config, place) = (config.get()?, place.get()?);
        let key = LeikaKey::parse(&key.get_value()).ok()?;
        Some(ask_at_place(config.sources(), &place, &[key], lang.get()))
    });
    let merged = move || {
        let facts = facts.get()?.get();
        Some((facts.merged, facts.missing, facts.pending, facts.online))
    };
    let missing = Signal::derive(move || merged().map(|(_, m, _, _)| m).unwrap_or_default());
    let description = move || {
        merged()
            .and_then(|(m, _, _, _)| m.by_key.into_iter().next())
            .map(|s| s.description)
    };
    // Curated services have a name before any source answers (and in the prerendered page).
    let curated = crate::catalogue::service_name(&id);
    let heading = Signal::derive(move || {
        description()
            .and_then(|d| d.name)
            .map(|n| model::sanitize::plain_text(&n))
            .or_else(|| curated.map(|n| n.get(lang.get()).to_string()))
            .unwrap_or_else(t!("leistung-heading"))
    });

    view! {
        <div class="ll-container ll-page" data-leika=id>
            <PageHeading text=heading/>
            <p class="ll-hint">{t!("leistung-key", key = key.get_value())}</p>
            {crate::catalogue::required_level(&key.get_value()).map(|required| view! { <TrustRequirement required=required.clone()/> })}
            {move || place.get().is_none().then(|| view! {
                <p class="ll-lead">{t!("leistung-needs-place")}</p>
            })}
            <ShownPlace place/>
            <SourceNotice missing/>
            <RelatedLebenslagen key=key.get_value()/>
            {move || match (place.get(), merged()) {
                (None, _) => None,
                (Some(_), None) => Some(EitherOf3::A(loading())),
                (Some(place), Some((m, _, pending, online))) => Some(match m.by_key.into_iter().next() {
                    Some(service) => {
                        let source = config.get().and_then(|c| {
                            c.sources().iter().find(|s| s.id == service.source.as_str()).cloned()
                        });
                        let online = online_services_for(&online, &service.key, &place)
                            .into_iter()
                            .cloned()
                            .collect();
                        EitherOf3::B(view! { <ServiceTexts description=service.description source place=Some(place) online/> })
                    }
                    None if pending => EitherOf3::A(loading()),
                    None => EitherOf3::C(view! { <p class="ll-lead" data-testid="leistung-none">{t!("leistung-unavailable", key = key.get_value())}</p> }),
                }),
            }}
            // Below the texts: inserted once the configuration is known, it moves nothing the
            // citizen is reading (each sample authority also carries a badge).
            {move || config.get().is_some_and(|c| c.sample_data && place.get().is_some()).then(|| view! {
                <p class="ll-notice ll-notice--warning" data-testid="sample-data-notice">{t!("sample-data-notice")}</p>
            })}
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
    /// The online services that handle this service at the place.
    online: Vec<OnlineService>,
) -> impl IntoView {
    let origin = source.as_ref().map(|s| s.name.clone()).unwrap_or_default();
    let updated = description
        .last_update
        .as_deref()
        .or(description.external_last_update.as_deref())
        .and_then(iso_date)
        .unwrap_or_default();
    let sections = TextModule::DISPLAY_ORDER
        .iter()
        .filter_map(|module| {
            let text = description.module(module)?.text.clone()?;
            Some((module.clone(), sanitize_html(&text)))
        })
        .collect::<Vec<_>>();
    let current = use_lang();
    let lang = current.get_untracked();
    let authority = match (source, place) {
        (Some(source), Some(place)) => {
            let units = Units::new(place, lang);
            let id = description.organisation_ids.first().cloned();
            Some(view! {
                <section class="ll-section" aria-labelledby="service-authority-heading">
                    <h2 class="ll-heading-2" id="service-authority-heading">{t!("leistung-authority")}</h2>
                    <Authority units source id/>
                </section>
            })
        }
        _ => None,
    };
    view! {
        <div class="ll-service" data-testid="service-texts">
            <section class="ll-section ll-cta" aria-labelledby="service-way-heading" data-testid="service-way">
                <h2 class="ll-heading-2" id="service-way-heading">{t!("journey-way")}</h2>
                <OnlineWay online/>
            </section>
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
            <p class="ll-hint" data-testid="service-origin">
                {move || {
                    let lang = current.get();
                    if updated.is_empty() {
                        crate::tr!(lang, "leistung-origin", source = origin.clone())
                    } else {
                        crate::tr!(lang, "leistung-origin-dated", source = origin.clone(), date = updated.clone())
                    }
                }}
            </p>
        </div>
    }
}

/// The date part of an ISO 8601 timestamp, `None` if it does not start with one.
fn iso_date(timestamp: &str) -> Option<String> {
    let date = timestamp.trim().get(..10)?;
    let b = date.as_bytes();
    (b[4] == b'-' && b[7] == b'-' && date.replace('-', "").bytes().all(|c| c.is_ascii_digit()))
        .then(|| date.to_string())
}

/// The Lebenslagen whose journey includes this service.
#[component]
fn RelatedLebenslagen(key: String) -> impl IntoView {
    let lang = use_lang();
    let related: Vec<_> = crate::catalogue::lebenslagen()
        .iter()
        .filter(|l| l.leika_keys().iter().any(|k| k.as_str() == key))
        .collect();
    (!related.is_empty()).then(|| view! {
        <section class="ll-section" aria-labelledby="service-related-heading" data-testid="service-related">
            <h2 class="ll-heading-2" id="service-related-heading">{t!("leistung-related")}</h2>
            <ul class="ll-list">
                {move || related.iter().map(|l| {
                    let lang = lang.get();
                    let href = model::Route::new(lang, model::Page::Lebenslage(l.id.clone())).path();
                    view! { <li><a href=href>{l.titel.get(lang).to_string()}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    })
}

fn module_title(module: &TextModule) -> impl Fn() -> String + Send + Sync + 'static {
    let module = module.clone();
    let lang = use_lang();
    move || module_name(lang.get(), &module)
}

/// The heading of a text module in `lang`; the journey's facts use the same words.
pub(crate) fn module_name(lang: model::Lang, module: &TextModule) -> String {
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

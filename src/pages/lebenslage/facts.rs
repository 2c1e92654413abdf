//! What one service of a journey means at the citizen's place: who is responsible, what it
//! costs, what to bring, deadlines, processing time and the way to do it.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::federation::{online_services_for, MergedService};
use model::pvog::OnlineService;
use model::sanitize::sanitize_html;
use model::text::TextModule;
use model::{Ars, LeikaKey};

use crate::components::{Authority, OnlineWay};
use crate::federation::{Facts, Source, Units};
use crate::pages::leistung::module_name;
use crate::state::use_lang;
use crate::t;
use crate::turns::Turns;

/// The facts of service `key` at the place, a skeleton of the same shape while loading. Once
/// the facts are there, they are rendered at this service's turn (see [`Turns`]): a journey's
/// services all become ready with one answer.
#[component]
pub fn ServiceFacts(
    key: LeikaKey,
    facts: Memo<Facts>,
    sources: StoredValue<Vec<Source>>,
    units: Units,
    place: Ars,
    turns: Turns,
) -> impl IntoView {
    let state = Memo::new(move |_| {
        facts.with(|f| match f.merged.get(&key) {
            Some(service) => Some(Some((
                service.clone(),
                online_services_for(&f.online, &key, &place)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>(),
            ))),
            None if f.pending => None,
            None => Some(None),
        })
    });
    let turn = RwSignal::new(false);
    Effect::new(move |queued: Option<bool>| {
        let queued = queued.unwrap_or(false);
        if !queued && state.with(|s| matches!(s, Some(Some(_)))) {
            turns.queue(turn);
            return true;
        }
        queued
    });
    move || match state.get() {
        None => EitherOf3::A(skeleton()),
        Some(Some(_)) if !turn.get() => EitherOf3::A(skeleton()),
        Some(None) => EitherOf3::B(view! {
            <p class="ll-hint" data-testid="facts-none">{t!("journey-no-facts")}</p>
        }),
        Some(Some((service, online))) => {
            let source = sources.with_value(|s| {
                s.iter().find(|s| s.id == service.source.as_str()).cloned()
            });
            EitherOf3::C(facts_list(service, online, source, units.clone()))
        }
    }
}

/// Placeholder rows the height of the usual answer, so the page does not jump.
fn skeleton() -> impl IntoView {
    view! {
        <div class="ll-facts ll-facts--loading" data-testid="facts-loading">
            <p class="ll-visually-hidden" role="status">{t!("loading")}</p>
            <span class="ll-skeleton-bar" aria-hidden="true"></span>
            <span class="ll-skeleton-bar" aria-hidden="true"></span>
            <span class="ll-skeleton-bar ll-skeleton-bar--short" aria-hidden="true"></span>
        </div>
    }
}

fn facts_list(
    service: MergedService,
    online: Vec<OnlineService>,
    source: Option<Source>,
    units: Units,
) -> impl IntoView {
    let lang = use_lang();
    let description = service.description;
    let authority = source.map(|source| {
        let id = description.organisation_ids.first().cloned();
        view! {
            <dt>{t!("journey-authority")}</dt>
            <dd><Authority units source id/></dd>
        }
    });
    let module = |module: TextModule| {
        let html = description
            .module(&module)
            .and_then(|m| m.text.as_deref())
            .map(sanitize_html)
            .filter(|h| !h.trim().is_empty())?;
        Some(view! {
            <dt>{move || module_name(lang.get(), &module)}</dt>
            <dd class="ll-rich-text" inner_html=html></dd>
        })
    };
    view! {
        <dl class="ll-facts" data-testid="service-facts">
            {authority}
            {module(TextModule::Kosten)}
            {module(TextModule::Unterlagen)}
            {module(TextModule::Fristen)}
            {module(TextModule::Bearbeitungsdauer)}
            <dt>{t!("journey-way")}</dt>
            <dd data-testid="service-way"><OnlineWay online/></dd>
        </dl>
    }
}

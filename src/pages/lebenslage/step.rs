//! One numbered step of a journey, with its tick box and its services.

use leptos::prelude::*;
use model::lebenslage::{Schritt, SchrittEintrag, Verknuepfung};
use model::sanitize::sanitize_html;
use model::{Lang, Page, Route};

use super::facts::ServiceFacts;
use super::progress::Progress;
use super::AtPlace;
use crate::catalogue;
use crate::{t, tr};

/// A step: heading, "done" tick box, hint, and its entries joined by "and" or "or".
#[component]
pub fn Step(
    number: usize,
    step: &'static Schritt,
    lang: Lang,
    progress: Progress,
    at_place: Signal<Option<AtPlace>>,
) -> impl IntoView {
    let heading_id = format!("step-{number}");
    let labelled_by = heading_id.clone();
    let check_id = format!("done-{}", step.id);
    let check_for = check_id.clone();
    let id = step.id.as_str();
    let title = step.titel.get(lang).to_string();
    let connector = match step.verknuepfung {
        Verknuepfung::Alle => tr!(lang, "journey-all"),
        Verknuepfung::EineVon => tr!(lang, "journey-one-of"),
    };
    let entries = step
        .eintraege
        .iter()
        .map(|entry| view! { <Entry entry lang at_place/> })
        .collect_view();
    view! {
        <li class="ll-journey__step" class:ll-journey__step--done=move || progress.is_done(id)
            aria-labelledby=labelled_by data-step=id data-testid="journey-step">
            <div class="ll-journey__head">
                <h2 class="ll-heading-2 ll-journey__title" id=heading_id>
                    <span class="ll-journey__number">{tr!(lang, "journey-step", number = number)}</span>
                    " "{title.clone()}
                </h2>
                <div class="ll-check">
                    <input type="checkbox" class="ll-check__input" id=check_id data-testid="step-done"
                        prop:checked=move || progress.is_done(id)
                        on:change=move |ev| progress.set(id, event_target_checked(&ev))/>
                    <label class="ll-check__label" for=check_for>
                        <span class="ll-visually-hidden">{tr!(lang, "journey-step", number = number)}" "{title}" – "</span>
                        {t!("journey-done")}
                    </label>
                </div>
            </div>
            {step.optional.then(|| view! { <p class="ll-hint">{t!("journey-optional")}</p> })}
            {step.hinweis.as_ref().map(|h| view! { <div class="ll-rich-text" inner_html=sanitize_html(h.get(lang))></div> })}
            <p class="ll-journey__connector">{connector}</p>
            <ul class="ll-journey__entries">{entries}</ul>
        </li>
    }
}

/// An entry: a service (linked, with its facts at the place) or a described task.
#[component]
fn Entry(
    entry: &'static SchrittEintrag,
    lang: Lang,
    at_place: Signal<Option<AtPlace>>,
) -> impl IntoView {
    let service = entry.leika.map(|key| {
        let key_text = key.to_string();
        let name = catalogue::service_name(&key_text)
            .map(|n| n.get(lang).to_string())
            .unwrap_or_else(|| key_text.clone());
        let path = Route::new(lang, Page::Leistung(key_text)).path();
        // The link keeps the place.
        let href = move || {
            at_place.with(|a| match a {
                Some(a) => format!("{path}?ars={}", a.place),
                None => path.clone(),
            })
        };
        view! { <h3 class="ll-journey__service"><a href=href>{name}</a></h3> }
    });
    let title = entry
        .titel
        .as_ref()
        .map(|t| view! { <h3 class="ll-journey__service">{t.get(lang).to_string()}</h3> });
    let text = entry.text.as_ref().map(|t| {
        view! { <div class="ll-rich-text" inner_html=sanitize_html(t.get(lang))></div> }
    });
    let condition = entry
        .bedingung
        .as_ref()
        .map(|c| view! { <p class="ll-hint">{c.get(lang).to_string()}</p> });
    let facts = entry.leika.map(|key| {
        move || {
            at_place.get().map(|a| view! {
                <ServiceFacts key facts=a.facts sources=a.sources units=a.units place=a.place turns=a.turns/>
            })
        }
    });
    view! {
        <li class="ll-journey__entry" data-leika=entry.leika.map(|k| k.to_string())>
            {service}{title}{condition}{text}{facts}
        </li>
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use model::lebenslage::{Lebenslage as Journey, Schritt, Verknuepfung};
use model::sanitize::sanitize_html;
use model::{Lang, Page, Route};

use crate::catalogue;
use crate::components::PageHeading;
use crate::pages::NotFound;
use crate::state::use_lang;
use crate::t;

/// A Lebenslage as a step-by-step journey: numbered steps in order, each with the services
/// it takes ("and": all of them, "or": one of them). The general form is prerendered; what
/// applies at the citizen's place is on each service page.
#[component]
pub fn Lebenslage(
    /// The Lebenslage id from the URL (a validated slug).
    id: String,
) -> impl IntoView {
    let Some(journey) = catalogue::lebenslage(&id) else {
        return Either::Left(NotFound());
    };
    let lang = use_lang();
    let title = Signal::derive(move || journey.titel.get(lang.get()).to_string());
    Either::Right(view! {
        <div class="ll-container ll-page" data-lebenslage=id>
            <PageHeading text=title/>
            <p class="ll-lead">{move || journey.beschreibung.get(lang.get()).to_string()}</p>
            <ol class="ll-journey" data-testid="journey-steps">
                {move || steps(journey, lang.get())}
            </ol>
        </div>
    })
}

fn steps(journey: &'static Journey, lang: Lang) -> impl IntoView {
    journey
        .schritte
        .iter()
        .enumerate()
        .map(|(i, step)| view! { <Step number=i + 1 step lang/> })
        .collect_view()
}

/// One numbered step with its services.
#[component]
fn Step(number: usize, step: &'static Schritt, lang: Lang) -> impl IntoView {
    let heading_id = format!("step-{number}");
    let labelled_by = heading_id.clone();
    let connector = match step.verknuepfung {
        Verknuepfung::Alle => crate::tr!(lang, "journey-all"),
        Verknuepfung::EineVon => crate::tr!(lang, "journey-one-of"),
    };
    let entries = step
        .eintraege
        .iter()
        .map(|entry| {
            let service = entry.leika.map(|key| {
                let key = key.to_string();
                let name = catalogue::service_name(&key)
                    .map(|n| n.get(lang).to_string())
                    .unwrap_or_else(|| key.clone());
                let href = Route::new(lang, Page::Leistung(key)).path();
                view! { <a class="ll-journey__service" href=href>{name}</a> }
            });
            let title = entry
                .titel
                .as_ref()
                .map(|t| view! { <strong>{t.get(lang).to_string()}</strong> });
            let text = entry.text.as_ref().map(|t| {
                view! { <div class="ll-rich-text" inner_html=sanitize_html(t.get(lang))></div> }
            });
            let condition = entry.bedingung.as_ref().map(|c| {
                view! { <p class="ll-hint">{c.get(lang).to_string()}</p> }
            });
            view! { <li class="ll-journey__entry">{service}{title}{condition}{text}</li> }
        })
        .collect_view();
    view! {
        <li class="ll-journey__step" aria-labelledby=labelled_by>
            <h2 class="ll-heading-2 ll-journey__title" id=heading_id>
                <span class="ll-journey__number">{crate::tr!(lang, "journey-step", number = number)}</span>
                " "{step.titel.get(lang).to_string()}
            </h2>
            {step.optional.then(|| view! { <p class="ll-hint">{t!("journey-optional")}</p> })}
            {step.hinweis.as_ref().map(|h| view! { <div class="ll-rich-text" inner_html=sanitize_html(h.get(lang))></div> })}
            <p class="ll-journey__connector">{connector}</p>
            <ul class="ll-journey__entries">{entries}</ul>
        </li>
    }
}

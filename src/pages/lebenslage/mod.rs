//! A Lebenslage as a step-by-step journey at the citizen's place.

mod facts;
mod place;
mod progress;
mod step;

use leptos::either::Either;
use leptos::prelude::*;
use model::lebenslage::Lebenslage as Journey;
use model::Ars;

use crate::catalogue;
use crate::components::{PageHeading, SourceNotice};
use crate::federation::{ask_at_place, use_runtime_config, Facts, Source, Units};
use crate::pages::NotFound;
use crate::state::use_lang;
use crate::t;
use crate::turns::Turns;

use place::JourneyPlace;
use progress::Progress;
use step::Step;

/// What the steps need to show the place-specific facts of their services.
#[derive(Clone)]
pub struct AtPlace {
    pub place: Ars,
    pub facts: Memo<Facts>,
    pub sources: StoredValue<Vec<Source>>,
    pub units: Units,
    /// The services' facts render one per task.
    pub turns: Turns,
}

/// Numbered steps in order, each with the services it takes ("and": all of them, "or": one of
/// them). The general journey is prerendered; with a place (`?ars=` or the remembered one)
/// every service shows its authority, fees, documents and way there, from the federation.
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
    let place = crate::place::use_page_place();
    let config = use_runtime_config();
    let progress = Progress::new(&journey.id, &journey.schritte);
    // Bumped by "try again": asks the sources anew.
    let attempt = RwSignal::new(0u32);
    let turns = Turns::new();

    let at_place = Memo::new(move |_| {
        attempt.track();
        let (config, place) = (config.get()?, place.get()?);
        let sources = config.sources().to_vec();
        let lang = lang.get_untracked();
        let facts = ask_at_place(&sources, &place, &journey.leika_keys(), lang);
        Some(AtPlaceHandle(AtPlace {
            units: Units::new(place.clone(), lang),
            place,
            facts,
            sources: StoredValue::new(sources),
            turns,
        }))
    });
    // The steps are built once per language; only their facts follow the place.
    let place_facts = Signal::derive(move || at_place.get().map(|a| a.0));
    let facts = move || at_place.with(|a| a.as_ref().map(|a| a.0.facts.get()));
    let missing = Signal::derive(move || {
        facts()
            .filter(|f| !f.all_failed)
            .map(|f| f.missing)
            .unwrap_or_default()
    });
    let all_failed = move || facts().is_some_and(|f| f.all_failed);
    let total = journey.schritte.len();
    // Printing needs the wasm: the button is visible only once it runs (its room is kept).
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    Either::Right(view! {
        <div class="ll-container ll-page ll-journey-page" data-lebenslage=id>
            <PageHeading text=title/>
            <p class="ll-lead">{move || journey.beschreibung.get(lang.get()).to_string()}</p>
            <JourneyPlace place/>
            <SourceNotice missing/>
            {move || all_failed().then(|| view! {
                <div class="ll-notice ll-notice--error" role="alert" data-testid="journey-failed">
                    <p>{t!("journey-failed")}</p>
                    <button type="button" class="ll-button ll-button--secondary"
                        on:click=move |_| attempt.update(|n| *n += 1)>{t!("journey-retry")}</button>
                </div>
            })}
            <div class="ll-journey__bar">
                <p class="ll-journey__progress" data-testid="journey-progress" aria-live="polite">
                    {move || t!("journey-progress", done = progress.count(), total = total)()}
                </p>
                <PrintButton hydrated/>
            </div>
            <ol class="ll-journey" data-testid="journey-steps">
                {move || steps(journey, lang.get(), progress, place_facts)}
            </ol>
            // Below the steps: inserted once the configuration is known, it moves nothing the
            // citizen is reading (each sample authority also carries a badge).
            {move || config.get().is_some_and(|c| c.sample_data && place.get().is_some()).then(|| view! {
                <p class="ll-notice ll-notice--warning" data-testid="sample-data-notice">{t!("sample-data-notice")}</p>
            })}
        </div>
    })
}

/// `AtPlace` in a memo: compared by place only (a new place or attempt makes a new one).
#[derive(Clone)]
struct AtPlaceHandle(AtPlace);

impl PartialEq for AtPlaceHandle {
    fn eq(&self, other: &Self) -> bool {
        self.0.facts == other.0.facts
    }
}

fn steps(
    journey: &'static Journey,
    lang: model::Lang,
    progress: Progress,
    at_place: Signal<Option<AtPlace>>,
) -> impl IntoView {
    journey
        .schritte
        .iter()
        .enumerate()
        .map(|(i, step)| view! { <Step number=i + 1 step lang progress at_place/> })
        .collect_view()
}

/// Prints the journey as a checklist (the print stylesheet leaves out navigation and forms).
#[component]
fn PrintButton(hydrated: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="ll-button ll-button--secondary ll-no-print"
            class:ll-invisible=move || !hydrated.get()
            data-testid="journey-print" on:click=move |_| crate::browser::print()>
            {t!("journey-print")}
        </button>
    }
}

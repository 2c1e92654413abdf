//! The place a journey is shown for, and the way to choose or change it.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::federation::SourceOutcome;
use model::Ars;

use crate::components::{encode, parse_choices, Choice, YourPlace};
use crate::federation::{ask_all, use_runtime_config, Progress};
use crate::place::{use_place, Place};
use crate::state::use_lang;
use crate::t;

/// Without a place: why it matters, and the picker. With the remembered place: which one.
/// With a place from a shared link that is not the remembered one: which place the page
/// shows, and the choice to remember it or to go back to one's own.
#[component]
pub fn JourneyPlace(place: Memo<Option<Ars>>) -> impl IntoView {
    let remembered = use_place();
    let shared = Memo::new(move |_| {
        let place = place.get()?;
        let own = remembered.remembered();
        (own.as_ref().map(|p| &p.ars) != Some(&place)).then_some((place, own))
    });
    view! {
        <section class="ll-section ll-journey-place" aria-labelledby="journey-place-heading"
            data-testid="journey-place">
            <h2 class="ll-heading-2" id="journey-place-heading">{t!("journey-place-heading")}</h2>
            // A room of its own: before hydration its content is hidden and its height kept
            // when the page will show a place (`html[data-place]`, see the prerender step).
            <div class="ll-journey-place__body">
                {move || match (place.get(), shared.get()) {
                    (None, _) => EitherOf3::A(view! {
                        <p>{t!("journey-needs-place")}</p>
                        <YourPlace/>
                    }),
                    (Some(_), Some((ars, own))) => EitherOf3::B(view! { <SharedPlace ars own/> }),
                    (Some(_), None) => EitherOf3::C(view! { <YourPlace/> }),
                }}
            </div>
        </section>
    }
}

/// A link shared by someone else names a place that is not the citizen's own.
#[component]
fn SharedPlace(ars: Ars, own: Option<Place>) -> impl IntoView {
    let context = use_place();
    let config = use_runtime_config();
    let lang = use_lang();
    let query_ars = ars.clone();
    let answers = Memo::new(move |_| {
        let config = config.get()?;
        let path = format!("/v2/locations?q={}", encode(query_ars.as_str()));
        Some(ask_all(config.sources(), &path, lang.get_untracked(), parse_choices))
    });
    let key = ars.clone();
    // The first source (in configured order) that knows the place names it, as the picker would.
    let name = Memo::new(move |_| {
        answers.get()?.with(|list| {
            list.iter().find_map(|a| match &a.progress {
                Progress::Done(SourceOutcome::Answered(choices)) => {
                    choices.iter().find(|c| c.ars == key).map(Choice::label)
                }
                _ => None,
            })
        })
    });
    let shown = {
        let ars = ars.clone();
        move || name.get().unwrap_or_else(|| ars.to_string())
    };
    let remember = {
        let ars = ars.clone();
        move |_| {
            context.choose(Place {
                ars: ars.clone(),
                label: name.get_untracked().unwrap_or_else(|| ars.to_string()),
            })
        }
    };
    let own_button = own.map(|own| {
        let label = own.label.clone();
        view! {
            <button type="button" class="ll-button ll-button--secondary" data-testid="journey-own-place"
                on:click=move |_| context.choose(own.clone())>
                {t!("journey-place-back", place = label.clone())}
            </button>
        }
    });
    view! {
        <div class="ll-notice" data-testid="journey-shared-place">
            <p data-testid="journey-place-name">{move || t!("journey-place-shared", place = shown())()}</p>
            <div class="ll-button-row">
                <button type="button" class="ll-button" data-testid="journey-remember-place"
                    on:click=remember>{t!("journey-place-remember")}</button>
                {own_button}
            </div>
        </div>
    }
}

//! The place a page is shown for: the citizen's own ("Ihr Ort"), or the place of a link someone
//! shared, named, with the choice to remember it or to go back to one's own.

use leptos::either::Either;
use leptos::prelude::*;
use model::federation::SourceOutcome;
use model::Ars;

use super::{encode, parse_choices, Choice, YourPlace};
use crate::federation::{ask_all, use_runtime_config, Progress};
use crate::place::{use_place, Place};
use crate::state::use_lang;
use crate::t;

/// `place` is the page's place (`crate::place::use_page_place`). Without one, or with the
/// remembered one: [`YourPlace`]. With another (a shared link): which place the page shows.
#[component]
pub fn ShownPlace(place: Memo<Option<Ars>>) -> impl IntoView {
    let remembered = use_place();
    let shared = Memo::new(move |_| {
        let place = place.get()?;
        let own = remembered.remembered();
        (own.as_ref().map(|p| &p.ars) != Some(&place)).then_some((place, own))
    });
    move || match shared.get() {
        Some((ars, own)) => Either::Left(view! { <SharedPlace ars own/> }),
        None => Either::Right(view! { <YourPlace/> }),
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
            <button type="button" class="ll-button ll-button--secondary" data-testid="own-place"
                on:click=move |_| context.choose(own.clone())>
                {t!("journey-place-back", place = label.clone())}
            </button>
        }
    });
    view! {
        <div class="ll-notice" data-testid="shared-place">
            <p data-testid="shared-place-name">{move || t!("journey-place-shared", place = shown())()}</p>
            <div class="ll-button-row">
                <button type="button" class="ll-button" data-testid="remember-place"
                    on:click=remember>{t!("journey-place-remember")}</button>
                {own_button}
            </div>
        </div>
    }
}

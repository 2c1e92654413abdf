//! "Ihr Ort": the remembered place with "Ort ändern" and "Ort vergessen", or the place picker
//! when none is remembered (and while changing it).

use leptos::either::Either;
use leptos::prelude::*;

use super::place_picker::{PlacePicker, PLACE_INPUT_ID};
use crate::place::use_place;
use crate::state::use_lang;
use crate::t;

const CHANGE_ID: &str = "your-place-change";

/// The citizen's place. The prerendered HTML and the first client render show the picker (the
/// place is read from the device after hydration); then the remembered place, if any.
#[component]
pub fn YourPlace() -> impl IntoView {
    let place = use_place();
    let lang = use_lang();
    let changing = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());

    // After the citizen chose or forgot a place: say so, and put focus where work continues.
    Effect::new(move |seen: Option<u32>| {
        let choices = place.choices();
        if seen.is_some_and(|seen| seen != choices) {
            changing.set(false);
            let lang = lang.get_untracked();
            match untrack(|| place.remembered()) {
                Some(chosen) => {
                    announcement.set(crate::tr!(lang, "your-place-chosen", place = chosen.label));
                    crate::browser::focus_later(CHANGE_ID);
                }
                None => {
                    announcement.set(crate::tr!(lang, "your-place-forgotten"));
                    crate::browser::focus_later(PLACE_INPUT_ID);
                }
            }
        }
        choices
    });

    let change = move |_| {
        changing.set(true);
        announcement.set(String::new());
        crate::browser::focus_later(PLACE_INPUT_ID);
    };
    let cancel = move |_| {
        changing.set(false);
        crate::browser::focus_later(CHANGE_ID);
    };

    view! {
        <div class="ll-your-place" data-testid="your-place">
            {move || match (place.remembered(), changing.get()) {
                (Some(current), false) => Either::Left(view! {
                    <p class="ll-your-place__current" data-testid="your-place-current">
                        {t!("your-place-current", place = current.label.clone())}
                    </p>
                    <div class="ll-your-place__actions">
                        <button class="ll-button" type="button" id=CHANGE_ID on:click=change
                            data-testid="your-place-change">{t!("your-place-change")}</button>
                        <button class="ll-button ll-button--secondary" type="button"
                            on:click=move |_| place.forget()
                            data-testid="your-place-forget">{t!("your-place-forget")}</button>
                    </div>
                }),
                (current, _) => Either::Right(view! {
                    <PlacePicker/>
                    {current.is_some().then(|| view! {
                        <button class="ll-button ll-button--secondary" type="button" on:click=cancel
                            data-testid="your-place-cancel">{t!("your-place-cancel")}</button>
                    })}
                }),
            }}
            <p class="ll-visually-hidden" role="status" data-testid="your-place-status">{move || announcement.get()}</p>
        </div>
    }
}

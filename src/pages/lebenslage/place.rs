//! The place a journey is shown for, and the way to choose or change it.

use leptos::prelude::*;
use model::Ars;

use crate::components::ShownPlace;
use crate::t;

/// Without a place: why it matters, and the picker. With a place: which one ([`ShownPlace`]).
#[component]
pub fn JourneyPlace(place: Memo<Option<Ars>>) -> impl IntoView {
    view! {
        <section class="ll-section ll-journey-place" aria-labelledby="journey-place-heading"
            data-testid="journey-place">
            <h2 class="ll-heading-2" id="journey-place-heading">{t!("journey-place-heading")}</h2>
            // A room of its own: before hydration its content is hidden and its height kept
            // when the page will show a place (`html[data-place]`, see the prerender step).
            <div class="ll-journey-place__body">
                {move || place.get().is_none().then(|| view! { <p>{t!("journey-needs-place")}</p> })}
                <ShownPlace place/>
            </div>
        </section>
    }
}

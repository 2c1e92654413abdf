use leptos::prelude::*;
use model::{Page, Route};

use crate::catalogue;
use crate::components::{LebenslageIcon, PageHeading, SearchForm, YourPlace};
use crate::state::use_lang;
use crate::t;

/// Start page: the citizen's place, the Lebenslagen as entry points, and the search.
#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let place = crate::place::use_place();
    let entries = move || {
        let lang = lang.get();
        catalogue::lebenslagen()
            .iter()
            .map(|l| {
                let path = Route::new(lang, Page::Lebenslage(l.id.clone())).path();
                // With a remembered place the journey opens for it (after hydration only, so
                // the first render matches the prerendered links).
                let href = move || match place.remembered() {
                    Some(p) => format!("{path}?ars={}", p.ars),
                    None => path.clone(),
                };
                view! {
                    <li class="ll-card">
                        <LebenslageIcon id=l.id.clone()/>
                        <h3 class="ll-card__title"><a class="ll-card__link" href=href>{l.titel.get(lang).to_string()}</a></h3>
                        <p class="ll-card__text">{l.beschreibung.get(lang).to_string()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ll-container ll-page ll-page--wide">
            <PageHeading text=Signal::derive(t!("home-heading"))/>
            <p class="ll-lead">{t!("home-lead")}</p>
            <section class="ll-section ll-section--place" aria-labelledby="home-place">
                <h2 class="ll-heading-2" id="home-place">{t!("home-place-heading")}</h2>
                <YourPlace/>
            </section>
            <section class="ll-section" aria-labelledby="home-lebenslagen">
                <h2 class="ll-heading-2" id="home-lebenslagen">{t!("home-lebenslagen-heading")}</h2>
                <ul class="ll-cards" data-testid="lebenslagen-list">{entries}</ul>
            </section>
            <SearchForm/>
            <section class="ll-section" aria-labelledby="home-how">
                <h2 class="ll-heading-2" id="home-how">{t!("home-how-heading")}</h2>
                <ol class="ll-steps-intro">
                    <li>{t!("home-how-1")}</li>
                    <li>{t!("home-how-2")}</li>
                    <li>{t!("home-how-3")}</li>
                </ol>
            </section>
        </div>
    }
}

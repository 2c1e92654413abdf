use leptos::prelude::*;
use model::pvog::Location;

use crate::federation::{ask_all, use_runtime_config, Answer, Progress};
use crate::state::use_lang;
use crate::t;

/// Asks for the citizen's place (postcode or name) and offers the matching municipalities as
/// links that add `?ars=` to the current page. Place search runs on the federation
/// (`/v2/locations`); the browser never downloads the directory.
#[component]
pub fn PlacePicker() -> impl IntoView {
    let place = crate::place::use_place();
    let config = use_runtime_config();
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let answers: RwSignal<Option<ReadSignal<Vec<Answer<Vec<Location>>>>>> = RwSignal::new(None);
    let problem = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked().trim().to_string();
        if q.chars().count() < 2 {
            problem.set(true);
            answers.set(None);
            return;
        }
        problem.set(false);
        let Some(config) = config.get_untracked() else {
            return;
        };
        let path = format!("/v2/locations?q={}", crate::components::encode(&q));
        answers.set(Some(ask_all(
            config.sources(),
            &path,
            lang.get_untracked(),
            parse_locations,
        )));
    };

    let places = move || {
        let answers = answers.get()?;
        let list = answers.get();
        let mut seen = std::collections::HashSet::new();
        let places: Vec<(model::Ars, String)> = list
            .iter()
            .filter_map(|a| match &a.progress {
                Progress::Done(model::federation::SourceOutcome::Answered(locs)) => {
                    Some(locs.clone())
                }
                _ => None,
            })
            .flatten()
            .filter_map(|l| {
                let ars = l.ars()?;
                let name = l.name.clone().or(l.gemeinde.clone())?;
                let label = match &l.zip {
                    Some(zip) => format!("{zip} {name}"),
                    None => name,
                };
                seen.insert(ars.to_string()).then_some((ars, label))
            })
            .collect();
        let pending = list.iter().any(|a| a.progress == Progress::Pending);
        Some((places, pending))
    };

    view! {
        <form class="ll-place-picker" on:submit=on_submit data-testid="place-picker">
            <label class="ll-label" for="place-q">{t!("place-label")}</label>
            <p class="ll-hint" id="place-q-hint">{t!("place-hint")}</p>
            {move || problem.get().then(|| view! {
                <p class="ll-error" id="place-q-error" role="alert">{t!("place-too-short")}</p>
            })}
            <div class="ll-search__row">
                <input class="ll-input" id="place-q" type="text" autocomplete="postal-code"
                    aria-describedby=move || if problem.get() { "place-q-hint place-q-error" } else { "place-q-hint" }
                    aria-invalid=move || problem.get().then_some("true")
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    data-testid="place-input"/>
                <button class="ll-button" type="submit">{t!("place-submit")}</button>
            </div>
            <div role="status" class="ll-place-picker__status">
                {move || places().map(|(places, pending)| {
                    let count = places.len();
                    if count == 0 && pending {
                        t!("place-searching")()
                    } else {
                        t!("place-count", count = count)()
                    }
                })}
            </div>
            <ul class="ll-list ll-place-picker__results" data-testid="place-results">
                {move || places().map(|(places, _)| places.into_iter().map(|(ars, label)| {
                    let chosen = crate::place::Place { ars: ars.clone(), label: label.clone() };
                    view! { <li><button type="button" class="ll-link-button"
                        on:click=move |_| place.choose(chosen.clone())>{label}</button></li> }
                }).collect_view())}
            </ul>
        </form>
    }
}

fn parse_locations(body: &str) -> Option<Vec<Location>> {
    serde_json::from_str(body).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            crate::components::encode("Nördlingen a&b"),
            "N%C3%B6rdlingen%20a%26b"
        );
        assert_eq!(crate::components::encode("86720"), "86720");
    }
}

//! "Ihr Ort": the citizen's place, chosen once and remembered on this device.
//!
//! The place is a municipality (its ARS and a label such as "86720 Nördlingen"), not personal
//! data; it stays in `localStorage` and leaves the device only as the `ars` parameter of
//! federation requests and of shareable page links (`?ars=`). Pages that depend on the place
//! take it from the URL first (a shared link shows what it was shared for) and fall back to the
//! remembered one.

use leptos::prelude::*;
use model::Ars;

/// The storage key. Value: `<ars>|<label>`.
const KEY: &str = "ll.place";

/// A chosen municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub ars: Ars,
    /// What the citizen saw when choosing, e.g. "86720 Nördlingen".
    pub label: String,
}

impl Place {
    fn encode(&self) -> String {
        format!("{}|{}", self.ars, self.label)
    }

    fn decode(value: &str) -> Option<Place> {
        let (ars, label) = value.split_once('|')?;
        let label = label.trim();
        let ars = Ars::parse(ars).ok()?;
        (!label.is_empty()).then(|| Place {
            ars,
            label: label.to_string(),
        })
    }
}

/// The remembered place, shared through context.
#[derive(Clone, Copy)]
pub struct PlaceContext {
    remembered: RwSignal<Option<Place>>,
    /// Counts the citizen's explicit choices, so pages can follow a new choice without
    /// mistaking the initial load from storage for one.
    choices: RwSignal<u32>,
}

impl PlaceContext {
    /// The remembered place (tracked); `None` before hydration and when none was chosen.
    pub fn remembered(&self) -> Option<Place> {
        self.remembered.get()
    }

    /// How many times the citizen chose a place on this page load (tracked).
    pub fn choices(&self) -> u32 {
        self.choices.get()
    }

    /// The citizen chose `place`: remember it on the device and tell every page.
    pub fn choose(&self, place: Place) {
        crate::browser::store(KEY, Some(&place.encode()));
        self.remembered.set(Some(place));
        self.choices.update(|n| *n += 1);
    }

    /// The citizen asked to forget the place.
    pub fn forget(&self) {
        crate::browser::store(KEY, None);
        self.remembered.set(None);
        self.choices.update(|n| *n += 1);
    }
}

/// Provides the place context; the remembered place is read after hydration, so the first
/// render matches the prerendered HTML.
pub fn provide_place() {
    let remembered = RwSignal::new(None);
    Effect::new(move |_| {
        remembered.set(crate::browser::stored(KEY).as_deref().and_then(Place::decode));
    });
    provide_context(PlaceContext {
        remembered,
        choices: RwSignal::new(0),
    });
}

/// The place context.
pub fn use_place() -> PlaceContext {
    expect_context::<PlaceContext>()
}

/// The place a page is about: the URL's `?ars=` (read after hydration), else the remembered
/// place. Keeps the URL in step so it can be shared or bookmarked: a remembered place is added
/// to a URL without one, and a new choice replaces the URL's place.
pub fn use_page_place() -> Memo<Option<Ars>> {
    use leptos_router::hooks::{use_location, use_navigate, use_query_map};
    use leptos_router::NavigateOptions;

    let context = use_place();
    let query = use_query_map();
    let location = use_location();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let from_url = Memo::new(move |_| {
        hydrated
            .get()
            .then(|| query.with(|q| q.get("ars").and_then(|a| Ars::parse(&a).ok())))
            .flatten()
    });
    let navigate = use_navigate();
    Effect::new(move |seen_choices: Option<u32>| {
        let choices = context.choices();
        let remembered = context.remembered.get();
        let url = from_url.get();
        let chose_now = seen_choices.is_some_and(|seen| seen != choices);
        let target = match (&url, &remembered) {
            (_, Some(place)) if chose_now => Some(Some(place.ars.clone())),
            (_, None) if chose_now => Some(None),
            (None, Some(place)) if hydrated.get_untracked() => Some(Some(place.ars.clone())),
            _ => None,
        };
        if let Some(target) = target.filter(|t| *t != url) {
            let path = location.pathname.get_untracked();
            let href = match target {
                Some(ars) => format!("{path}?ars={ars}"),
                None => path,
            };
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
        choices
    });
    Memo::new(move |_| {
        from_url
            .get()
            .or_else(|| context.remembered.get().map(|p| p.ars))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_place_round_trips_and_garbage_is_ignored() {
        let place = Place {
            ars: Ars::parse("097790194194").unwrap(),
            label: "86720 Nördlingen".into(),
        };
        assert_eq!(Place::decode(&place.encode()), Some(place));
        assert_eq!(Place::decode("097790194194"), None);
        assert_eq!(Place::decode("0977|x"), None);
        assert_eq!(Place::decode("097790194194| "), None);
        assert_eq!(Place::decode("<script>|x"), None);
    }
}

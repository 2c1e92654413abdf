//! The place picker: a WAI-ARIA 1.2 combobox with a listbox popup ("list autocomplete" in the
//! APG). The citizen types a postcode or a name; from two characters on, after a short pause,
//! every federation source is asked (`/v2/locations?q=`) and the answers are merged into one
//! list, de-duplicated by ARS. Arrow keys move the active option, Enter chooses it, Escape
//! closes the list (a second Escape clears the text). A polite live region says how many
//! places were found, or why none can be offered; the typed text is never lost.

use std::time::Duration;

use leptos::prelude::*;
use model::federation::SourceOutcome;
use model::pvog::Location;
use model::Ars;

use crate::federation::{ask_all, use_runtime_config, Answer, Progress};
use crate::place::{use_place, Place};
use crate::state::use_lang;
use crate::t;

/// The input's id; other components move focus here.
pub const PLACE_INPUT_ID: &str = "place-q";
const LISTBOX_ID: &str = "place-q-listbox";
/// Typing pause before the sources are asked.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// Fewer characters than this find too much to be useful.
const MIN_CHARS: usize = 2;

/// One municipality offered in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub ars: Ars,
    pub zip: Option<String>,
    pub name: String,
    /// The Kreis (an extension field of the mirror): tells equal names apart.
    pub kreis: Option<String>,
}

impl Choice {
    /// What the citizen sees and what is remembered, e.g. "86720 Nördlingen".
    pub fn label(&self) -> String {
        match &self.zip {
            Some(zip) => format!("{zip} {}", self.name),
            None => self.name.clone(),
        }
    }
}

/// What the live region says.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    TooShort,
    Searching,
    Found(usize),
    NoHit,
    Unreachable,
}

/// The answers of all sources so far, merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub choices: Vec<Choice>,
    pub phase: Phase,
    /// Some source has not answered yet.
    pub pending: bool,
}

/// The answers of all sources merged in configured order, de-duplicated by ARS, and the phase.
pub fn merge(list: &[Answer<Vec<Choice>>]) -> Merged {
    let mut seen = std::collections::HashSet::new();
    let choices: Vec<Choice> = list
        .iter()
        .filter_map(|a| match &a.progress {
            Progress::Done(SourceOutcome::Answered(found)) => Some(found.iter()),
            _ => None,
        })
        .flatten()
        .filter(|c| seen.insert(c.ars.to_string()))
        .cloned()
        .collect();
    let pending = list.iter().any(|a| a.progress == Progress::Pending);
    // "No hit" (HTTP 404) is an answer; anything else means the source could not be asked.
    let all_failed = list
        .iter()
        .all(|a| matches!(&a.progress, Progress::Done(SourceOutcome::Failed(f)) if f.is_error()));
    let phase = match choices.len() {
        0 if pending => Phase::Searching,
        0 if all_failed => Phase::Unreachable,
        0 => Phase::NoHit,
        n => Phase::Found(n),
    };
    Merged {
        choices,
        phase,
        pending,
    }
}

/// The next active option for a key press, wrapping at both ends.
fn step(active: Option<usize>, len: usize, down: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (active.filter(|a| *a < len), down) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(a), true) => (a + 1) % len,
        (Some(a), false) => (a + len - 1) % len,
    })
}

fn option_id(i: usize) -> String {
    format!("place-q-option-{i}")
}

/// The combobox. Choosing a place remembers it (see [`crate::place`]); the surrounding
/// [`YourPlace`](super::YourPlace) then shows it.
#[component]
pub fn PlacePicker() -> impl IntoView {
    let place = use_place();
    let config = use_runtime_config();
    let lang = use_lang();
    let owner = StoredValue::new(Owner::current());

    let text = RwSignal::new(String::new());
    // The query whose answers are shown, and the answers; replaced (never merged) by a newer
    // query, so answers to outdated queries are dropped.
    let search: RwSignal<Option<(String, ReadSignal<Vec<Answer<Vec<Choice>>>>)>> =
        RwSignal::new(None);
    let too_short = RwSignal::new(false);
    let open = RwSignal::new(false);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let timer: StoredValue<Option<leptos::prelude::TimeoutHandle>> = StoredValue::new(None);
    // Enter was pressed before the answers were in: choose when exactly one arrives.
    let enter_waiting = RwSignal::new(false);

    let results = Memo::new(move |_| {
        let (_, answers) = search.get()?;
        Some(answers.with(|list| merge(list)))
    });
    let options = move || results.get().map(|m| m.choices).unwrap_or_default();
    let phase = Memo::new(move |_| {
        if too_short.get() {
            Phase::TooShort
        } else {
            results.get().map(|m| m.phase).unwrap_or(Phase::Idle)
        }
    });
    let expanded =
        move || open.get() && results.with(|r| r.as_ref().is_some_and(|m| !m.choices.is_empty()));

    let cancel_timer = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
    };
    // Asks the sources for the current text now (unless its answers are already shown).
    let run = move || {
        cancel_timer();
        let q = text.get_untracked().trim().to_string();
        if q.chars().count() < MIN_CHARS {
            search.set(None);
            too_short.set(!q.is_empty());
            return;
        }
        too_short.set(false);
        if search.with_untracked(|s| s.as_ref().is_some_and(|(shown, _)| *shown == q)) {
            return;
        }
        let Some(config) = config.get_untracked() else {
            return;
        };
        let path = format!("/v2/locations?q={}", crate::components::encode(&q));
        let ask = || ask_all(config.sources(), &path, lang.get_untracked(), parse_choices);
        // The timer runs outside the reactive tree: the answers belong to this component.
        let answers = match owner.get_value() {
            Some(owner) => owner.with(ask),
            None => ask(),
        };
        active.set(None);
        search.set(Some((q, answers)));
    };
    let schedule = move || {
        cancel_timer();
        if let Ok(handle) = leptos::prelude::set_timeout_with_handle(run, DEBOUNCE) {
            timer.set_value(Some(handle));
        }
    };

    let choose = move |choice: Choice| {
        cancel_timer();
        open.set(false);
        active.set(None);
        enter_waiting.set(false);
        let label = choice.label();
        text.set(label.clone());
        place.choose(Place {
            ars: choice.ars,
            label,
        });
    };

    // The active option stays visible in a long list.
    Effect::new(move |_| {
        if let Some(i) = active.get() {
            crate::browser::keep_in_view(&option_id(i));
        }
    });

    // Enter pressed early: once the answers are in, exactly one hit is chosen.
    Effect::new(move |_| {
        if !enter_waiting.get() {
            return;
        }
        match results.get() {
            Some(m) if !m.pending && m.choices.len() == 1 => choose(m.choices[0].clone()),
            Some(m) if !m.pending => enter_waiting.set(false),
            _ => {}
        }
    });

    let submit = move || {
        let q = text.get_untracked().trim().to_string();
        let current = search.with_untracked(|s| s.as_ref().is_some_and(|(shown, _)| *shown == q));
        if !current {
            run();
        }
        if too_short.get_untracked() || search.with_untracked(Option::is_none) {
            return;
        }
        if let Some(i) = active.get_untracked().filter(|_| open.get_untracked()) {
            if let Some(choice) = options().get(i).cloned() {
                choose(choice);
                return;
            }
        }
        enter_waiting.set(true);
        open.set(true);
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let len = options().len();
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                let was_open = expanded();
                open.set(true);
                // Alt+ArrowDown only opens the list (APG).
                if was_open || !ev.alt_key() {
                    active.set(step(active.get_untracked(), len, down));
                }
            }
            "Enter" => {
                ev.prevent_default();
                submit();
            }
            "Escape" => {
                ev.prevent_default();
                if expanded() {
                    open.set(false);
                    active.set(None);
                } else {
                    cancel_timer();
                    text.set(String::new());
                    search.set(None);
                    too_short.set(false);
                    enter_waiting.set(false);
                }
            }
            "Tab" => {
                open.set(false);
                active.set(None);
            }
            // The caret moves in the text; the list loses its active option (APG).
            "Home" | "End" | "ArrowLeft" | "ArrowRight" => active.set(None),
            _ => {}
        }
    };

    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        active.set(None);
        enter_waiting.set(false);
        open.set(true);
        schedule();
    };

    let message = move || {
        let lang = lang.get();
        match phase.get() {
            Phase::Idle => String::new(),
            Phase::TooShort => crate::tr!(lang, "place-too-short"),
            Phase::Searching => crate::tr!(lang, "place-searching"),
            Phase::Found(n) => crate::tr!(lang, "place-count", count = n),
            Phase::NoHit => crate::tr!(lang, "place-none"),
            Phase::Unreachable => crate::tr!(lang, "place-unreachable"),
        }
    };
    let is_problem = move || {
        matches!(
            phase.get(),
            Phase::TooShort | Phase::NoHit | Phase::Unreachable
        )
    };
    let is_invalid = move || matches!(phase.get(), Phase::TooShort | Phase::NoHit);

    view! {
        <form class="ll-place-picker" data-testid="place-picker"
            on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); submit(); }>
            <label class="ll-label" for=PLACE_INPUT_ID id="place-q-label">{t!("place-label")}</label>
            <p class="ll-hint" id="place-q-hint">{t!("place-hint")}</p>
            <div class="ll-search__row">
                <div class="ll-combobox">
                    <input class="ll-input ll-combobox__input" id=PLACE_INPUT_ID type="text"
                        role="combobox" aria-autocomplete="list" aria-controls=LISTBOX_ID
                        aria-expanded=move || if expanded() { "true" } else { "false" }
                        aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                        aria-describedby="place-q-hint place-q-status"
                        aria-invalid=move || is_invalid().then_some("true")
                        autocomplete="off" spellcheck="false"
                        prop:value=move || text.get()
                        on:input=on_input
                        on:keydown=on_keydown
                        on:blur=move |_| { open.set(false); active.set(None); }
                        data-testid="place-input"/>
                    <ul class="ll-combobox__listbox" id=LISTBOX_ID role="listbox"
                        aria-labelledby="place-q-label" hidden=move || !expanded()
                        data-testid="place-results">
                        {move || options().into_iter().enumerate().map(|(i, choice)| {
                            let selected = move || active.get() == Some(i);
                            let kreis = choice.kreis.clone();
                            let label = choice.label();
                            view! {
                                <li class="ll-combobox__option" role="option" id=option_id(i)
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    data-ars=choice.ars.to_string()
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:click=move |_| choose(choice.clone())>
                                    <span class="ll-combobox__name">{label}</span>
                                    {kreis.map(|k| view! { <span class="ll-combobox__detail">{k}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
                <button class="ll-button" type="submit">{t!("place-submit")}</button>
            </div>
            <p class="ll-place-picker__status" id="place-q-status" role="status"
                class:ll-error=is_problem data-testid="place-status">{message}</p>
        </form>
    }
}

/// A `/v2/locations` answer: PVOG items, with the mirror's `kreis` where present. Items without
/// a valid ARS or a name are skipped; a body that is not a list is malformed.
pub fn parse_choices(body: &str) -> Option<Vec<Choice>> {
    let items: Vec<serde_json::Value> = serde_json::from_str(body).ok()?;
    Some(
        items
            .into_iter()
            .filter_map(|item| {
                let kreis = item
                    .get("kreis")
                    .and_then(|k| k.as_str())
                    .map(|k| k.trim().to_string())
                    .filter(|k| !k.is_empty());
                let location: Location = serde_json::from_value(item).ok()?;
                let ars = location.ars()?;
                let name = location.name.or(location.gemeinde)?.trim().to_string();
                (!name.is_empty()).then_some(Choice {
                    ars,
                    zip: location
                        .zip
                        .map(|z| z.trim().to_string())
                        .filter(|z| !z.is_empty()),
                    name,
                    kreis,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::federation::Source;
    use model::federation::Failure;

    fn answer(progress: Progress<Vec<Choice>>) -> Answer<Vec<Choice>> {
        Answer {
            source: Source {
                id: "a".into(),
                name: "A".into(),
                base_url: String::new(),
            },
            progress,
        }
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            crate::components::encode("Nördlingen a&b"),
            "N%C3%B6rdlingen%20a%26b"
        );
        assert_eq!(crate::components::encode("86720"), "86720");
    }

    #[test]
    fn answers_are_parsed_with_the_kreis_and_bad_items_skipped() {
        let body = r#"[{"ars":"097790194194","ags":"09779194","name":"Nördlingen","zip":"86720","kreis":"Donau-Ries"},
            {"ars":"nope","name":"X"},{"ars":"097790000000"},{"ars":"097790194194","name":"Again","kreis":7}]"#;
        let choices = parse_choices(body).unwrap();
        assert_eq!(choices.len(), 2);
        assert_eq!(choices[0].label(), "86720 Nördlingen");
        assert_eq!(choices[0].kreis.as_deref(), Some("Donau-Ries"));
        assert_eq!(choices[1].kreis, None);
        assert_eq!(parse_choices("{}"), None);
    }

    #[test]
    fn merged_answers_are_deduplicated_and_say_what_happened() {
        let found =
            parse_choices(r#"[{"ars":"097790194194","name":"Nördlingen","zip":"86720"}]"#).unwrap();
        let done = |c: &Vec<Choice>| answer(Progress::Done(SourceOutcome::Answered(c.clone())));
        let failed = || answer(Progress::Done(SourceOutcome::Failed(Failure::Malformed)));
        let merged = merge(&[done(&found), done(&found), answer(Progress::Pending)]);
        assert_eq!(merged.choices.len(), 1);
        assert_eq!((merged.phase, merged.pending), (Phase::Found(1), true));
        assert_eq!(merge(&[answer(Progress::Pending)]).phase, Phase::Searching);
        assert_eq!(merge(&[done(&vec![]), failed()]).phase, Phase::NoHit);
        let no_hit = || answer(Progress::Done(SourceOutcome::Failed(Failure::NoHit)));
        assert_eq!(merge(&[no_hit(), failed()]).phase, Phase::NoHit);
        assert_eq!(merge(&[failed(), failed()]).phase, Phase::Unreachable);
    }

    #[test]
    fn arrow_keys_wrap() {
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(2), 3, true), Some(0));
        assert_eq!(step(Some(0), 3, false), Some(2));
        assert_eq!(step(Some(5), 3, true), Some(0));
        assert_eq!(step(None, 0, true), None);
    }
}

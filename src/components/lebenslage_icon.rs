//! Small line icons for the Lebenslagen, drawn for this app: one path each on a 24-unit grid,
//! stroked in `currentColor`. Decorative: the card's title says what it is.

use leptos::prelude::*;

/// The path of the icon for a Lebenslage id; `None` for an id without its own icon.
fn path(id: &str) -> Option<&'static str> {
    Some(match id {
        // A pram: body, hood, handle, two wheels.
        "ein-neues-kind-ist-angekommen" => {
            "M3 10h14a7 7 0 0 1-14 0ZM10 10V3a7 7 0 0 1 7 7M17 10l2-5h2M4 20a2 2 0 1 0 4 0a2 2 0 1 0-4 0ZM12 20a2 2 0 1 0 4 0a2 2 0 1 0-4 0Z"
        }
        // A car from the front: body, windscreen line, lights, wheels.
        "rund-ums-fahrzeug" => "M3 17v-5l2.5-6h13L21 12v5ZM3 12h18M6.5 17v3M17.5 17v3M7 14.5h1M16 14.5h1",
        // A removal box.
        "umzug" => "M3 8l9-4 9 4v10l-9 4-9-4ZM3 8l9 4 9-4M12 12v10M7.5 6l9 4",
        // Two rings and a stone.
        "heiraten" => {
            "M3 15a5 5 0 1 0 10 0a5 5 0 1 0-10 0ZM11 15a5 5 0 1 0 10 0a5 5 0 1 0-10 0ZM10 6l2-3 2 3-2 2Z"
        }
        // A shop front with an awning and a door.
        "gewerbe-gruenden" => "M3 10h18M4 10l1-6h14l1 6M5 10v10h14V10M10 20v-5h4v5M9 4v6M15 4v6",
        // An identity card: photo, person, text lines.
        "ausweis-und-pass" => "M2 5h20v14H2ZM5 10a2 2 0 1 0 4 0a2 2 0 1 0-4 0M4 16c.5-2 5.5-2 6 0M13 9h6M13 12.5h6M13 16h4",
        _ => return None,
    })
}

/// The icon of a Lebenslage, hidden from assistive technology; nothing for an unknown id.
#[component]
pub fn LebenslageIcon(id: String) -> impl IntoView {
    path(&id).map(|d| {
        view! {
            <svg class="ll-card__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"
                focusable="false" fill="none" stroke="currentColor" stroke-width="1.75"
                stroke-linecap="round" stroke-linejoin="round">
                <path d=d/>
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_lebenslage_has_its_own_icon() {
        let mut seen = std::collections::HashSet::new();
        for l in crate::catalogue::lebenslagen() {
            let d = super::path(&l.id).unwrap_or_else(|| panic!("no icon for {}", l.id));
            assert!(seen.insert(d), "{} shares its icon", l.id);
            assert!(d.len() < 200, "the icon of {} is not tiny", l.id);
        }
    }
}

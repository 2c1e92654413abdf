//! Responsible authorities (Organisationseinheiten) by id, asked once per page.
//!
//! A journey names the same authority for many services (every vehicle service at one place
//! goes to the same registration office), so detail requests are shared: the first service
//! that needs a unit asks its source, the others read the same answer.

use std::collections::HashMap;

use leptos::prelude::*;
use model::Ars;
use serde::Deserialize;

use super::query::{ask_all, Answer};
use super::Source;
use crate::components::encode;

/// What the app shows of a unit (`/v5/organisationunits/detail`). Only these fields are read
/// (lean DTO: the full PVOG shape costs wasm for fields nobody shows).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Unit {
    pub title: Option<String>,
    pub location: Option<UnitAddress>,
    pub communication_systems: Vec<Contact>,
    /// PVOG: additional information modules; opening hours arrive here when known.
    pub additional_information: Vec<Note>,
    /// The mirror's sample marker (our extension; absent in real PVOG).
    pub sample: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UnitAddress {
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub zip_code: Option<String>,
    pub city: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub value: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Note {
    pub title: Option<String>,
    pub text: Option<String>,
}

impl UnitAddress {
    /// "Street 1, 86720 Town", or `None` when nothing is known.
    pub fn line(&self) -> Option<String> {
        let street = [self.street.as_deref(), self.house_number.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let town = [self.zip_code.as_deref(), self.city.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let line = [street, town]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        (!line.is_empty()).then_some(line)
    }
}

fn parse_unit(body: &str) -> Option<Unit> {
    serde_json::from_str(body).ok()
}

type Key = (String, String);

/// The units asked for on this page, by source and id.
#[derive(Clone)]
pub struct Units {
    owner: Owner,
    asked: StoredValue<HashMap<Key, ReadSignal<Vec<Answer<Unit>>>>>,
    place: Ars,
    lang: model::Lang,
}

impl Units {
    /// A request cache owned by the current reactive owner (the page): answers live as long
    /// as the page does, not as long as the view that first asked.
    pub fn new(place: Ars, lang: model::Lang) -> Units {
        Units {
            owner: Owner::current().expect("called inside a component"),
            asked: StoredValue::new(HashMap::new()),
            place,
            lang,
        }
    }

    /// The answer for unit `id` of `source`, asking it the first time.
    pub fn get(&self, source: &Source, id: &str) -> ReadSignal<Vec<Answer<Unit>>> {
        let key = (source.id.clone(), id.to_string());
        if let Some(signal) = self.asked.with_value(|m| m.get(&key).copied()) {
            return signal;
        }
        let path = format!(
            "/v5/organisationunits/detail?q={}&ars={}",
            encode(id),
            self.place
        );
        let signal = self.owner.with(|| {
            ask_all(
                std::slice::from_ref(source),
                &path,
                self.lang,
                parse_unit,
            )
        });
        self.asked.update_value(|m| {
            m.insert(key, signal);
        });
        signal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_read_leniently_and_its_address_joined() {
        let unit = parse_unit(
            r#"{"title":"Landratsamt","location":{"street":"Pflegstraße","houseNumber":"2",
                "zipCode":"86609","city":"Donauwörth"},"communicationSystems":[{"type":"phone",
                "value":"0906 74-0"}],"unknown":1,"sample":true}"#,
        )
        .unwrap();
        assert_eq!(unit.title.as_deref(), Some("Landratsamt"));
        assert_eq!(
            unit.location.unwrap().line().as_deref(),
            Some("Pflegstraße 2, 86609 Donauwörth")
        );
        assert!(unit.sample);
        assert_eq!(UnitAddress::default().line(), None);
        assert_eq!(parse_unit("\"Landratsamt\""), None);
        assert_eq!(parse_unit("{}").and_then(|u| u.title), None);
    }
}

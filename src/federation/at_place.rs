//! What the sources say about a set of services at one place: their descriptions (merged,
//! most local first) and the online services that handle them there. Two requests per source
//! however many services a journey has (`leikaIds` takes a list).

use leptos::prelude::*;
use model::federation::{merge_service_descriptions, Merged, SourceId};
use model::pvog::{OnlineService, OnlineServices, Page, ServiceDescription};
use model::{Ars, LeikaKey};

use super::query::{ask_all, Answer, Progress};
use super::Source;

/// The merged state of both questions, as far as answers have arrived.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub merged: Merged,
    pub online: Vec<OnlineService>,
    /// Some source has not answered yet.
    pub pending: bool,
    /// Display names of the sources that failed.
    pub missing: Vec<String>,
    /// Every source failed: nothing can be shown for the place.
    pub all_failed: bool,
}

/// Asks every source about `keys` at `place`; the memo fills in as answers arrive.
pub fn ask_at_place(
    sources: &[Source],
    place: &Ars,
    keys: &[LeikaKey],
    lang: model::Lang,
) -> Memo<Facts> {
    let list = keys
        .iter()
        .map(LeikaKey::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let descriptions = ask_all(
        sources,
        &format!("/v2/servicedescriptions/leikahierarchy?ars={place}&leikaIds={list}&size=100"),
        lang,
        parse_descriptions,
    );
    let online = ask_all(
        sources,
        &format!("/v1beta2/onlineservices?ars={place}&leikaIds={list}"),
        lang,
        parse_online_services,
    );
    let place = place.clone();
    Memo::new(move |_| {
        let descriptions = descriptions.get();
        let online = online.get();
        let merged = merge_service_descriptions(
            descriptions.iter().filter_map(Answer::outcome).collect(),
            &place,
        );
        let name = |id: &SourceId| {
            descriptions
                .iter()
                .find(|a| a.source.id == id.as_str())
                .map(|a| a.source.name.clone())
        };
        let missing: Vec<String> = merged.missing.iter().filter_map(|(id, _)| name(id)).collect();
        let all_failed = !descriptions.is_empty() && missing.len() == descriptions.len();
        let pending = descriptions.iter().any(|a| a.progress == Progress::Pending);
        let online = model::federation::merge_online_services(
            online.iter().filter_map(Answer::outcome).collect(),
        )
        .items
        .into_iter()
        .map(|s| s.item)
        .collect();
        Facts {
            merged,
            online,
            pending,
            missing,
            all_failed,
        }
    })
}

/// A `leikahierarchy` page.
pub fn parse_descriptions(body: &str) -> Option<Vec<ServiceDescription>> {
    serde_json::from_str::<Page<ServiceDescription>>(body)
        .ok()
        .map(|p| p.content)
}

fn parse_online_services(body: &str) -> Option<Vec<OnlineService>> {
    serde_json::from_str::<OnlineServices>(body)
        .ok()
        .map(|s| s.onlineservices)
}

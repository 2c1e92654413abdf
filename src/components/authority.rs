use leptos::either::EitherOf3;
use leptos::prelude::*;
use model::federation::SourceOutcome;
use model::sanitize::plain_text;
use model::Ars;
use serde::Deserialize;

use crate::federation::{ask_all, Progress, Source};
use crate::state::use_lang;
use crate::t;

/// The authority responsible for a service at the citizen's place, asked from the source
/// whose description was chosen (`/v2/organisationunits/titles`).
#[component]
pub fn Authority(
    /// The source that supplied the service description.
    source: Source,
    /// The citizen's place.
    place: Ars,
    /// The description's id in that source (`lbId`).
    lb_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let path = format!(
        "/v2/organisationunits/titles?ars={place}&lbId={}",
        encode(&lb_id)
    );
    let answers = ask_all(
        std::slice::from_ref(&source),
        &path,
        lang.get_untracked(),
        parse_titles,
    );
    let units = move || {
        answers.with(|list| match list.first().map(|a| &a.progress) {
            Some(Progress::Done(SourceOutcome::Answered(units))) => Some(units.clone()),
            Some(Progress::Pending) => None,
            _ => Some(Vec::new()),
        })
    };
    view! {
        <section class="ll-section" aria-labelledby="service-authority-heading">
            <h2 class="ll-heading-2" id="service-authority-heading">{t!("leistung-authority")}</h2>
            {move || match units() {
                None => EitherOf3::A(view! { <p role="status">{t!("loading")}</p> }),
                Some(units) if units.is_empty() => {
                    EitherOf3::B(view! { <p data-testid="service-authority-none">{t!("authority-unknown")}</p> })
                }
                Some(units) => EitherOf3::C(view! {
                    <ul class="ll-list" data-testid="service-authority">
                        {units.into_iter().map(|u| view! {
                            <li>
                                {u.title.as_deref().map(plain_text).unwrap_or_default()}
                                {u.sample.then(|| view! { " " <span class="ll-badge">{t!("sample-badge")}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }),
            }}
        </section>
    }
}

/// A titles entry with the mirror's `sample` flag (our extension; absent in real PVOG). Only
/// the fields shown; unknown ones are ignored. (Not `#[serde(flatten)]` over
/// `OrganisationUnitTitle`: flatten buffers every value and costs kilobytes of wasm.)
#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Unit {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    sample: bool,
}

fn parse_titles(body: &str) -> Option<Vec<Unit>> {
    serde_json::from_str(body).ok()
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

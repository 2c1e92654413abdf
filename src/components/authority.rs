use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use model::federation::SourceOutcome;
use model::sanitize::{plain_text, safe_url, sanitize_html};

use crate::federation::{Progress, Source, Unit, Units};
use crate::t;

/// The authority responsible for a service at the citizen's place: name, address, contact
/// and opening hours as far as the source knows them. Asked from the source whose description
/// was chosen (`/v5/organisationunits/detail`), once per page however many services name it.
#[component]
pub fn Authority(
    /// The page's unit requests.
    units: Units,
    /// The source that supplied the service description.
    source: Source,
    /// The unit named by the description (`organisationIds[0]`); `None` when it names none.
    id: Option<String>,
) -> impl IntoView {
    let answers = id.map(|id| units.get(&source, &id));
    let unit = move || match answers {
        None => Some(None),
        Some(answers) => answers.with(|list| match list.first().map(|a| &a.progress) {
            Some(Progress::Pending) => None,
            Some(Progress::Done(SourceOutcome::Answered(unit))) => {
                Some(unit.title.is_some().then(|| unit.clone()))
            }
            _ => Some(None),
        }),
    };
    move || match unit() {
        None => EitherOf3::A(view! {
            <p class="ll-skeleton" role="status" data-testid="authority-loading">{t!("loading")}</p>
        }),
        Some(None) => EitherOf3::B(view! {
            <p data-testid="authority-none">{t!("authority-unknown")}</p>
        }),
        Some(Some(unit)) => EitherOf3::C(view! { <UnitCard unit/> }),
    }
}

/// Name, sample label, address, contacts and notes (opening hours) of a unit.
#[component]
fn UnitCard(unit: Unit) -> impl IntoView {
    let name = unit.title.as_deref().map(plain_text).unwrap_or_default();
    let address = unit.location.as_ref().and_then(|l| l.line());
    let contacts = unit
        .communication_systems
        .iter()
        .filter_map(|c| {
            let value = plain_text(c.value.as_deref()?.trim());
            let href = match c.kind.as_deref()? {
                "phone" | "telefon" => Some(format!(
                    "tel:{}",
                    value.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()
                )),
                "email" | "mail" => Some(format!("mailto:{value}")),
                "web" | "url" => safe_url(&value),
                _ => None,
            };
            href.map(|href| view! { <li><a href=href>{value}</a></li> })
        })
        .collect_view();
    let notes = unit
        .additional_information
        .iter()
        .filter_map(|n| {
            let text = sanitize_html(n.text.as_deref()?);
            let title = n.title.as_deref().map(plain_text);
            Some(view! {
                <div class="ll-unit__note">
                    {title.map(|t| view! { <strong>{t}</strong> })}
                    <div class="ll-rich-text" inner_html=text></div>
                </div>
            })
        })
        .collect_view();
    view! {
        <div class="ll-unit" data-testid="service-authority">
            <p class="ll-unit__name">
                <span data-testid="authority-name">{name}</span>
                {unit.sample.then(|| view! { " " <span class="ll-badge">{t!("sample-badge")}</span> })}
            </p>
            {match address {
                Some(line) => Either::Left(view! { <p class="ll-unit__address">{line}</p> }),
                None => Either::Right(view! { <p class="ll-hint">{t!("authority-no-address")}</p> }),
            }}
            <ul class="ll-list ll-unit__contacts">{contacts}</ul>
            {notes}
        </div>
    }
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

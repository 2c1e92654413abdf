use leptos::either::Either;
use leptos::prelude::*;
use model::pvog::OnlineService;
use model::sanitize::{plain_text, safe_url};
use model::TrustLevel;

use crate::components::sign_in::level_name;
use crate::state::use_lang;
use crate::{t, tr};

/// Online, with the trust level the service needs, or the offline route.
#[component]
pub fn OnlineWay(
    /// The online services that handle the service at the place; none: the offline route.
    online: Vec<OnlineService>,
) -> impl IntoView {
    let lang = use_lang();
    if online.is_empty() {
        return Either::Left(view! { <p>{t!("journey-offline")}</p> });
    }
    Either::Right(
        online
            .into_iter()
            .map(|service| {
                let name = service.name.as_deref().map(plain_text).unwrap_or_default();
                let href = service.links.iter().find_map(|l| safe_url(l.uri.as_deref()?));
                let level = service.trust_level.as_deref().map(TrustLevel::parse);
                let badge = level.map(|level| {
                    view! {
                        <span class="ll-badge ll-badge--trust" data-testid="trust-badge">
                            {move || tr!(lang.get(), "journey-trust", level = level_name(lang.get(), &level))}
                        </span>
                    }
                });
                let name = match href {
                    Some(href) => Either::Left(view! { <a href=href rel="noopener">{name}</a> }),
                    None => Either::Right(view! { <span>{name}</span> }),
                };
                view! { <p class="ll-online">{t!("journey-online")}" "{name}" "{badge}</p> }
            })
            .collect_view(),
    )
}

use leptos::prelude::*;

use crate::operator::operator;
use crate::t;

/// Says plainly that the operator named on this site is a fictitious sample, while it is.
#[component]
pub fn SampleOperatorNotice() -> impl IntoView {
    operator().sample.then(|| {
        view! {
            <p class="ll-notice ll-notice--warning" data-testid="sample-operator-notice">
                {t!("sample-operator-notice")}
            </p>
        }
    })
}

//! Asking every source at once and collecting answers as they arrive.

use leptos::prelude::*;
use model::federation::{Failure, RetryPolicy, SourceId, SourceOutcome};

use super::config::Source;
use super::fetch::{get_text, Budget};

/// Per-request budget: a slow node must not hold the page hostage. All attempts together
/// stay within `RetryPolicy::DEFAULT.budget_ms`.
pub const BUDGET: Budget = Budget {
    millis: 4_000,
    max_bytes: 4 * 1024 * 1024,
};

/// Where one source stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress<T> {
    Pending,
    Done(SourceOutcome<T>),
}

/// One source's answer to a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer<T> {
    pub source: Source,
    pub progress: Progress<T>,
}

impl<T: Clone> Answer<T> {
    /// For the merge functions of `model::federation`; `None` while pending.
    pub fn outcome(&self) -> Option<(SourceId, SourceOutcome<T>)> {
        match &self.progress {
            Progress::Pending => None,
            Progress::Done(outcome) => {
                Some((SourceId::new(self.source.id.clone()), outcome.clone()))
            }
        }
    }
}

/// Asks every source for `path` (a PVOG path with query, appended to each base URL) in
/// parallel. The returned signal holds one [`Answer`] per source in configured order and fills
/// in as answers arrive; `parse` turns a body into a value or says it is malformed. Retries
/// follow `model::federation::RetryPolicy` within the budget.
pub fn ask_all<T>(
    sources: &[Source],
    path: &str,
    lang: model::Lang,
    parse: fn(&str) -> Option<T>,
) -> ReadSignal<Vec<Answer<T>>>
where
    T: Clone + Send + Sync + 'static,
{
    let answers = RwSignal::new(
        sources
            .iter()
            .map(|s| Answer {
                source: s.clone(),
                progress: Progress::Pending,
            })
            .collect::<Vec<_>>(),
    );
    for (index, source) in sources.iter().enumerate() {
        let url = format!("{}{}", source.base_url, path);
        leptos::task::spawn_local(async move {
            let outcome = ask_one(&url, lang.code(), parse).await;
            // The view may be gone (navigation): a disposed signal is simply not updated.
            answers.try_update(|list| {
                if let Some(answer) = list.get_mut(index) {
                    answer.progress = Progress::Done(outcome);
                }
            });
        });
    }
    answers.read_only()
}

async fn ask_one<T>(url: &str, lang: &str, parse: fn(&str) -> Option<T>) -> SourceOutcome<T> {
    let policy = RetryPolicy::DEFAULT;
    let started = crate::browser::now_ms();
    let mut failures: Vec<Failure> = Vec::new();
    loop {
        let elapsed = elapsed_since(started);
        let budget = Budget {
            millis: policy.remaining_ms(elapsed).min(BUDGET.millis),
            ..BUDGET
        };
        let result = get_text(url, budget, Some(lang))
            .await
            .and_then(|text| parse(&text).ok_or(Failure::Malformed));
        match result {
            Ok(value) => return SourceOutcome::Answered(value),
            Err(failure) => {
                failures.push(failure);
                match policy.retry_delay(&failures, elapsed_since(started), None) {
                    Some(delay_ms) => sleep(delay_ms).await,
                    None => return SourceOutcome::Failed(failure),
                }
            }
        }
    }
}

fn elapsed_since(started: f64) -> u32 {
    (crate::browser::now_ms() - started).clamp(0.0, f64::from(u32::MAX)) as u32
}

#[cfg(feature = "hydrate")]
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(feature = "hydrate"))]
async fn sleep(_ms: u32) {}

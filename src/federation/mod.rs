//! Federation client: asks every configured PVOG-compatible source in parallel, each within a
//! time and size budget, and lets the views show answers as they arrive. What arrives is
//! merged by the pure logic in `model::federation`; HTML in texts is reduced to the PVOG
//! allow-list by `model::sanitize` before it reaches the DOM.

mod config;
mod fetch;
mod query;

pub use config::{provide_runtime_config, use_runtime_config, RuntimeConfig, Source};
pub use fetch::{get_text, Budget};
pub use query::{ask_all, Answer, Progress};

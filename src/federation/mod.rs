//! Federation client: asks every configured PVOG-compatible source in parallel, each within a
//! time and size budget, and lets the views show answers as they arrive. What arrives is
//! merged by the pure logic in `model::federation`; HTML in texts is reduced to the PVOG
//! allow-list by `model::sanitize` before it reaches the DOM.

mod config;
mod fetch;
mod query;
mod units;

pub use config::{provide_runtime_config, use_runtime_config, RuntimeConfig, Source};
pub use fetch::{get_text, Budget};
pub use query::{ask_all, Answer, Progress};
pub use units::{Contact, Unit, UnitAddress, Units};
mod at_place;
pub use at_place::{ask_at_place, parse_descriptions, Facts};

//! The runtime configuration the gateway serves at `/config.json` (see docs/configuration.md).

use leptos::prelude::*;
use serde::Deserialize;

use super::fetch::{get_text, Budget};

/// A PVOG-compatible federation source.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: String,
    /// Shown to citizens, e.g. when this source does not answer.
    pub name: String,
    /// Base URL to which PVOG paths such as `/v2/locations` are appended.
    pub base_url: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Federation {
    sources: Vec<Source>,
}

/// What the app needs to know about this deployment at runtime.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeConfig {
    federation: Federation,
    /// The data is the shipped sample snapshot: the UI says so.
    #[serde(default)]
    pub sample_data: bool,
}

impl RuntimeConfig {
    pub fn sources(&self) -> &[Source] {
        &self.federation.sources
    }

    /// Parses `/config.json`; `None` when it is not the documented shape.
    pub fn parse(json: &str) -> Option<RuntimeConfig> {
        serde_json::from_str(json).ok()
    }
}

/// Loaded once per page view, after hydration (a `LocalResource` never runs at build time, so
/// the first render is the same in the prerendered HTML and in the browser).
pub type ConfigResource = LocalResource<Option<RuntimeConfig>>;

/// Starts loading `/config.json` and provides it to every view below.
pub fn provide_runtime_config() {
    let resource: ConfigResource = LocalResource::new(|| async {
        let budget = Budget {
            millis: 10_000,
            max_bytes: 64 * 1024,
        };
        get_text("/config.json", budget, None)
            .await
            .ok()
            .and_then(|t| RuntimeConfig::parse(&t))
    });
    provide_context(resource);
}

/// The runtime configuration: `None` while loading, before hydration, or when broken.
pub fn use_runtime_config() -> Signal<Option<RuntimeConfig>> {
    let resource = expect_context::<ConfigResource>();
    Signal::derive(move || resource.get().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_shape_and_ignores_unknown_sections() {
        let config = RuntimeConfig::parse(
            r#"{"federation":{"sources":[{"id":"mirror","name":"Katalog","baseUrl":"/suchdienst/api"}]},"sampleData":true,"auth":{"x":1}}"#,
        )
        .unwrap();
        assert_eq!(config.sources().len(), 1);
        assert_eq!(config.sources()[0].base_url, "/suchdienst/api");
        assert!(config.sample_data);
    }

    #[test]
    fn a_broken_document_is_none_not_a_panic() {
        assert_eq!(RuntimeConfig::parse("<html>"), None);
        assert_eq!(RuntimeConfig::parse(r#"{"federation":{}}"#), None);
    }
}

//! Lebenslagen: German e-government services organised by life situation.
//!
//! One crate, built two ways: natively with the `ssr` feature by the prerender step (every
//! route, every language, to HTML at build time), and to wasm with the `hydrate` feature by
//! Trunk (hydrates that HTML, or mounts into the app shell for routes that were not
//! prerendered). Views touch browser APIs only in effects and event handlers, via [`browser`].

// Deeply nested view types (each page is one type) need more than the default 128.
#![recursion_limit = "256"]

pub mod app;
pub mod auth;
pub mod browser;
pub mod catalogue;
pub mod components;
pub mod federation;
pub mod i18n;
pub mod operator;
pub mod operator_config;
pub mod pages;
pub mod place;
pub mod quiet;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod search;
pub mod state;
pub mod turns;

pub use app::App;

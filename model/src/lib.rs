//! Domain types and pure logic shared by the Lebenslagen app, the prerender step and the gateway.
//!
//! No I/O and no Leptos here: everything compiles for native and `wasm32-unknown-unknown`, and
//! everything is tested with plain `cargo test`.

pub mod lang;
pub mod route;

pub use lang::Lang;
pub use route::{Page, Route};

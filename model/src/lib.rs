//! Domain types and pure logic shared by the Lebenslagen app, the prerender step and the gateway.
//!
//! No I/O and no Leptos here: everything compiles for native and `wasm32-unknown-unknown`, and
//! everything is tested with plain `cargo test`.

pub mod ars;
pub mod auth;
pub mod federation;
pub mod gebiet;
pub mod lang;
pub mod lebenslage;
pub mod leika;
pub mod leistung;
pub mod organisation;
pub mod pvog;
pub mod route;
pub mod search;
pub mod sanitize;
pub mod snapshot;
pub mod text;
pub mod trust;
pub mod zustaendigkeit;

#[cfg(test)]
pub(crate) mod testutil;

pub use lang::Lang;
pub use route::{Page, Route};

pub use ars::{Ars, ArsLevel};
pub use gebiet::{Gemeinde, GemeindeArt, KreisArt, Verband, VerbandArt};
pub use lebenslage::{Lebenslage, Schritt, SchrittEintrag, Verknuepfung};
pub use leika::LeikaKey;
pub use leistung::{Gebuehr, Leistung};
pub use organisation::{Onlinedienst, Organisationseinheit};
pub use text::{Localized, TextModule};
pub use trust::TrustLevel;
pub use zustaendigkeit::{Verwaltungsebene, Zustaendigkeit};

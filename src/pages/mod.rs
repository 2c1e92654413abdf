//! One component per page. Each page renders exactly one [`PageHeading`](crate::components::PageHeading).

mod accessibility;
mod account;
mod home;
mod imprint;
mod lebenslage;
mod leistung;
mod not_found;
mod privacy;
mod search;

pub use accessibility::Accessibility;
pub use account::Account;
pub use home::Home;
pub use imprint::Imprint;
pub use lebenslage::Lebenslage;
pub use leistung::Leistung;
pub use not_found::NotFound;
pub use privacy::Privacy;
pub use search::Search;

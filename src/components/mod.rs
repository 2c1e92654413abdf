//! Building blocks shared by pages, one concern per file.

mod language_switch;
mod page_heading;
mod sample_notice;
mod search_form;
mod site_footer;
mod site_header;
mod skip_link;

pub use language_switch::LanguageSwitch;
pub use page_heading::{PageHeading, HEADING_ID};
pub use sample_notice::SampleOperatorNotice;
pub use search_form::SearchForm;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;

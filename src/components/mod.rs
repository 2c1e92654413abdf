//! Building blocks shared by pages, one concern per file.

mod authority;
mod language_switch;
mod online_way;
mod page_heading;
mod place_picker;
mod sample_notice;
mod search_form;
mod site_footer;
pub mod sign_in;
mod site_header;
mod skip_link;
mod source_notice;

pub use authority::{encode, Authority};
pub use language_switch::LanguageSwitch;
pub use online_way::OnlineWay;
pub use page_heading::{PageHeading, HEADING_ID};
pub use place_picker::PlacePicker;
pub use sample_notice::SampleOperatorNotice;
pub use search_form::SearchForm;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use source_notice::SourceNotice;

//! Building blocks shared by pages, one concern per file.

mod authority;
mod language_switch;
mod lebenslage_icon;
mod no_results;
mod online_way;
mod page_heading;
mod place_picker;
mod sample_notice;
mod search_form;
mod search_results;
mod shown_place;
pub mod sign_in;
mod site_footer;
mod site_header;
mod skip_link;
mod source_notice;
mod your_place;

pub use authority::{encode, Authority};
pub use language_switch::LanguageSwitch;
pub use lebenslage_icon::LebenslageIcon;
pub use online_way::OnlineWay;
pub use page_heading::{PageHeading, HEADING_ID};
pub use place_picker::{parse_choices, Choice, PlacePicker, PLACE_INPUT_ID};
pub use sample_notice::SampleOperatorNotice;
pub use search_form::SearchForm;
pub use no_results::{NoResults, Suggestion};
pub use search_results::{SearchResults, PAGE_SIZE};
pub use shown_place::ShownPlace;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use source_notice::SourceNotice;
pub use your_place::YourPlace;

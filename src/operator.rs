//! The operator of this deployment, baked in at build time by `build.rs`.

use std::sync::LazyLock;

pub use crate::operator_config::Operator;

static OPERATOR: LazyLock<Operator> = LazyLock::new(|| {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/operator.json")))
        .expect("build.rs wrote a valid operator configuration")
});

/// The operator named in imprint, privacy notice and accessibility statement.
pub fn operator() -> &'static Operator {
    &OPERATOR
}

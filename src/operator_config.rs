//! The operator configuration shared by `build.rs` (which validates the TOML) and the app
//! (which reads the validated JSON baked in at compile time).

use serde::{Deserialize, Serialize};

/// Who runs this deployment: shown in imprint, privacy notice and accessibility statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    /// A fictitious sample operator: every page says so.
    pub sample: bool,
    pub name: String,
    pub legal_form: String,
    pub representative: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub email: String,
    pub phone: String,
    pub supervisory_authority: String,
    pub privacy: Privacy,
    pub accessibility: Accessibility,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub dpo_name: String,
    pub dpo_email: String,
    pub supervisory_name: String,
    pub supervisory_url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub feedback_email: String,
    pub feedback_phone: String,
    pub statement_date: String,
    pub conciliation_name: String,
    pub conciliation_url: String,
    pub enforcement_name: String,
    pub enforcement_url: String,
}

impl Operator {
    /// Checks what TOML types cannot: no empty fields, plausible e-mail addresses and dates,
    /// https links. Returns every problem, so an operator fixes them in one go.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let text = [
            ("name", &self.name),
            ("legal_form", &self.legal_form),
            ("representative", &self.representative),
            ("street", &self.street),
            ("postal_code", &self.postal_code),
            ("city", &self.city),
            ("phone", &self.phone),
            ("supervisory_authority", &self.supervisory_authority),
            ("privacy.dpo_name", &self.privacy.dpo_name),
            ("privacy.supervisory_name", &self.privacy.supervisory_name),
            (
                "accessibility.feedback_phone",
                &self.accessibility.feedback_phone,
            ),
            (
                "accessibility.conciliation_name",
                &self.accessibility.conciliation_name,
            ),
            (
                "accessibility.enforcement_name",
                &self.accessibility.enforcement_name,
            ),
        ];
        for (key, value) in text {
            if value.trim().is_empty() {
                out.push(format!("{key} must not be empty"));
            }
        }
        for (key, value) in [
            ("email", &self.email),
            ("privacy.dpo_email", &self.privacy.dpo_email),
            (
                "accessibility.feedback_email",
                &self.accessibility.feedback_email,
            ),
        ] {
            let ok = value
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !value.contains(' '));
            if !ok {
                out.push(format!("{key} is not an e-mail address: {value:?}"));
            }
        }
        for (key, value) in [
            ("privacy.supervisory_url", &self.privacy.supervisory_url),
            (
                "accessibility.conciliation_url",
                &self.accessibility.conciliation_url,
            ),
            (
                "accessibility.enforcement_url",
                &self.accessibility.enforcement_url,
            ),
        ] {
            if !value.starts_with("https://") || value.contains(char::is_whitespace) {
                out.push(format!("{key} must be an https:// link: {value:?}"));
            }
        }
        let d = &self.accessibility.statement_date;
        let b = d.as_bytes();
        let date_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && d.bytes()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !date_ok {
            out.push(format!(
                "accessibility.statement_date must be YYYY-MM-DD: {d:?}"
            ));
        }
        out
    }
}

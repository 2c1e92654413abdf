//! Content in several languages, and the XZuFi/PVOG text-module codes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// A text in German (the reference language, always present) and optionally English.
/// Uncurated content is German only; [`Localized::get`] then falls back to German and
/// [`Localized::has`] tells the view to say so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Localized {
    #[serde(default)]
    pub de: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            de: de.into(),
            en: Some(en.into()),
        }
    }

    /// German only.
    pub fn de(de: impl Into<String>) -> Self {
        Localized {
            de: de.into(),
            en: None,
        }
    }

    /// The text in `lang`, or German when there is none in that language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => self.en.as_deref().filter(|s| !s.is_empty()).unwrap_or(&self.de),
        }
    }

    /// Whether there is a text of its own in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::De => !self.de.is_empty(),
            Lang::En => self.en.as_deref().is_some_and(|s| !s.is_empty()),
        }
    }
}

/// A text module of a service description, identified in XZuFi/PVOG by a two-digit code
/// (`details[].code`). Serialised as that code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextModule {
    /// `24` Kurztext / Kurzinfo.
    Kurzinfo,
    /// `06` Volltext / Beschreibung.
    Volltext,
    /// `09` Voraussetzungen.
    Voraussetzungen,
    /// `08` Erforderliche Unterlagen.
    Unterlagen,
    /// `98` Kosten.
    Kosten,
    /// `97` Fristen.
    Fristen,
    /// `95` Bearbeitungsdauer.
    Bearbeitungsdauer,
    /// `11` Verfahrensablauf.
    Verfahrensablauf,
    /// `07` Rechtsgrundlage(n).
    Rechtsgrundlage,
    /// `16` Hinweise (Besonderheiten).
    Hinweise,
    /// Any other code (`02`, `15`, `93`, `94`, …), kept verbatim.
    Other(String),
}

impl TextModule {
    /// The known modules in the order a service page shows them.
    pub const DISPLAY_ORDER: [TextModule; 10] = [
        TextModule::Kurzinfo,
        TextModule::Volltext,
        TextModule::Voraussetzungen,
        TextModule::Unterlagen,
        TextModule::Verfahrensablauf,
        TextModule::Kosten,
        TextModule::Fristen,
        TextModule::Bearbeitungsdauer,
        TextModule::Hinweise,
        TextModule::Rechtsgrundlage,
    ];

    pub fn code(&self) -> &str {
        match self {
            TextModule::Kurzinfo => "24",
            TextModule::Volltext => "06",
            TextModule::Voraussetzungen => "09",
            TextModule::Unterlagen => "08",
            TextModule::Kosten => "98",
            TextModule::Fristen => "97",
            TextModule::Bearbeitungsdauer => "95",
            TextModule::Verfahrensablauf => "11",
            TextModule::Rechtsgrundlage => "07",
            TextModule::Hinweise => "16",
            TextModule::Other(code) => code,
        }
    }

    pub fn from_code(code: &str) -> TextModule {
        let code = code.trim();
        TextModule::DISPLAY_ORDER
            .into_iter()
            .find(|m| m.code() == code)
            .unwrap_or_else(|| TextModule::Other(code.to_string()))
    }

    /// The German heading (reference language); the app takes headings from `locales/`.
    pub fn name_de(&self) -> &str {
        match self {
            TextModule::Kurzinfo => "Kurzinfo",
            TextModule::Volltext => "Beschreibung",
            TextModule::Voraussetzungen => "Voraussetzungen",
            TextModule::Unterlagen => "Erforderliche Unterlagen",
            TextModule::Kosten => "Kosten",
            TextModule::Fristen => "Fristen",
            TextModule::Bearbeitungsdauer => "Bearbeitungsdauer",
            TextModule::Verfahrensablauf => "Verfahrensablauf",
            TextModule::Rechtsgrundlage => "Rechtsgrundlage",
            TextModule::Hinweise => "Hinweise",
            TextModule::Other(_) => "Weitere Informationen",
        }
    }
}

impl fmt::Display for TextModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for TextModule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for TextModule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(TextModule::from_code(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_pvog_reference() {
        let expected = [
            (TextModule::Kurzinfo, "24"),
            (TextModule::Volltext, "06"),
            (TextModule::Voraussetzungen, "09"),
            (TextModule::Unterlagen, "08"),
            (TextModule::Kosten, "98"),
            (TextModule::Fristen, "97"),
            (TextModule::Bearbeitungsdauer, "95"),
            (TextModule::Verfahrensablauf, "11"),
            (TextModule::Rechtsgrundlage, "07"),
            (TextModule::Hinweise, "16"),
        ];
        for (module, code) in expected {
            assert_eq!(module.code(), code);
            assert_eq!(TextModule::from_code(code), module);
            assert_eq!(serde_json::to_string(&module).unwrap(), format!("\"{code}\""));
        }
        assert_eq!(TextModule::from_code("93"), TextModule::Other("93".into()));
        assert_eq!(serde_json::from_str::<TextModule>("\"15\"").unwrap().code(), "15");
    }

    #[test]
    fn localized_falls_back_to_german() {
        let both = Localized::new("Umzug", "Moving house");
        assert_eq!(both.get(Lang::En), "Moving house");
        let de_only = Localized::de("Abfallgebühr");
        assert_eq!(de_only.get(Lang::En), "Abfallgebühr");
        assert!(!de_only.has(Lang::En));
        assert_eq!(serde_json::to_string(&de_only).unwrap(), r#"{"de":"Abfallgebühr"}"#);
        let back: Localized = serde_json::from_str(r#"{"de":"a","en":"b","fr":"c"}"#).unwrap();
        assert_eq!(back, Localized::new("a", "b"));
    }
}

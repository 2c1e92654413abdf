//! Lebenslagen: life situations as step-by-step journeys through services.

use serde::{Deserialize, Serialize};

use crate::leika::LeikaKey;
use crate::text::Localized;

/// A life situation, e.g. `umzug`. Curated content of this project, in German and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lebenslage {
    /// Slug, part of the URL `/lebenslagen/<id>`.
    pub id: String,
    pub titel: Localized,
    /// One line.
    pub beschreibung: Localized,
    /// The OZG Lebenslage it corresponds to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ozg_lebenslage: Option<String>,
    /// In the order the citizen goes through them.
    pub schritte: Vec<Schritt>,
}

/// One step of a journey: one or more services, all of them or one of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schritt {
    /// Slug, unique within its Lebenslage: the stable key under which a citizen's progress is
    /// kept on the device (never the translated title).
    pub id: String,
    pub titel: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hinweis: Option<Localized>,
    /// Whether the citizen needs all entries or one of them.
    pub verknuepfung: Verknuepfung,
    /// A step that applies only to some citizens (the entries say when).
    #[serde(default)]
    pub optional: bool,
    pub eintraege: Vec<SchrittEintrag>,
}

/// How the entries of a step combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verknuepfung {
    /// Every entry (and).
    Alle,
    /// One of the entries (or), e.g. the variants of a registration.
    EineVon,
}

/// An entry of a step: a service by LeiKa key, or a described task for which no LeiKa key
/// exists (e.g. Kfz-Steuer); such an entry has a title of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchrittEintrag {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leika: Option<LeikaKey>,
    /// Required when there is no key; otherwise the service's name is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titel: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Localized>,
    /// When the entry applies, e.g. "if you are not married".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bedingung: Option<Localized>,
}

/// Whether `s` is a URL slug: lowercase ASCII letters and digits in groups joined by `-`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

impl Lebenslage {
    /// Every LeiKa key in the journey, in step order, without duplicates.
    pub fn leika_keys(&self) -> Vec<LeikaKey> {
        let mut out: Vec<LeikaKey> = Vec::new();
        for key in self
            .schritte
            .iter()
            .flat_map(|s| s.eintraege.iter().filter_map(|e| e.leika))
        {
            if !out.contains(&key) {
                out.push(key);
            }
        }
        out
    }

    /// Structural problems, empty when the journey is well-formed.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !is_slug(&self.id) {
            out.push(format!("id {:?} is not a slug", self.id));
        }
        for (what, text) in [("titel", &self.titel), ("beschreibung", &self.beschreibung)] {
            if text.de.trim().is_empty() || text.en.as_deref().is_none_or(|s| s.trim().is_empty()) {
                out.push(format!("{}: {what} needs German and English", self.id));
            }
        }
        if self.schritte.is_empty() {
            out.push(format!("{}: no steps", self.id));
        }
        for (i, step) in self.schritte.iter().enumerate() {
            if !is_slug(&step.id) {
                out.push(format!("{}: step {} id {:?} is not a slug", self.id, i + 1, step.id));
            }
            if self.schritte[..i].iter().any(|s| s.id == step.id) {
                out.push(format!("{}: step id {:?} is used twice", self.id, step.id));
            }
            if step.eintraege.is_empty() {
                out.push(format!("{}: step {} has no entries", self.id, i + 1));
            }
            if step.verknuepfung == Verknuepfung::EineVon && step.eintraege.len() < 2 {
                out.push(format!("{}: step {} offers a choice of fewer than two", self.id, i + 1));
            }
            for entry in &step.eintraege {
                if entry.leika.is_none() && entry.titel.is_none() {
                    out.push(format!(
                        "{}: step {} has an entry with neither key nor title",
                        self.id,
                        i + 1
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("ein-neues-kind-ist-angekommen"));
        assert!(is_slug("umzug"));
        assert!(!is_slug("Umzug"));
        assert!(!is_slug("-umzug"));
        assert!(!is_slug("um--zug"));
        assert!(!is_slug("grün"));
        assert!(!is_slug(""));
    }

    #[test]
    fn keys_and_problems() {
        let key = LeikaKey::parse("99115005104000").unwrap();
        let entry = |leika: Option<LeikaKey>| SchrittEintrag {
            leika,
            titel: None,
            text: None,
            bedingung: None,
        };
        let mut l = Lebenslage {
            id: "umzug".into(),
            titel: Localized::new("Umzug", "Moving"),
            beschreibung: Localized::new("a", "b"),
            ozg_lebenslage: None,
            schritte: vec![Schritt {
                id: "anmelden".into(),
                titel: Localized::new("Anmelden", "Register"),
                hinweis: None,
                verknuepfung: Verknuepfung::Alle,
                optional: false,
                eintraege: vec![entry(Some(key)), entry(Some(key))],
            }],
        };
        assert_eq!(l.leika_keys(), vec![key]);
        assert!(l.problems().is_empty(), "{:?}", l.problems());
        l.schritte[0].eintraege.push(entry(None));
        l.schritte[0].verknuepfung = Verknuepfung::EineVon;
        assert_eq!(l.problems().len(), 1);
        let mut twice = l.schritte[0].clone();
        twice.eintraege.pop();
        twice.verknuepfung = Verknuepfung::Alle;
        l.schritte.push(twice);
        assert_eq!(l.problems().len(), 2, "{:?}", l.problems());
        l.schritte[1].id = "Zwei".into();
        assert_eq!(l.problems().len(), 2, "{:?}", l.problems());
        l.schritte[1].id = "zwei".into();
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(serde_json::from_str::<Lebenslage>(&json).unwrap(), l);
    }
}

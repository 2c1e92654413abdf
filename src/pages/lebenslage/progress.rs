//! Ticked-off steps of a journey, kept on this device only (`localStorage`), under the
//! Lebenslage's id and the steps' stable ids, never their translated titles.

use std::collections::BTreeSet;

use leptos::prelude::*;

/// The ticked steps of one Lebenslage.
#[derive(Clone, Copy)]
pub struct Progress {
    key: StoredValue<String>,
    done: RwSignal<BTreeSet<String>>,
}

impl Progress {
    /// Starts empty (as prerendered) and reads the device after hydration.
    pub fn new(lebenslage: &str, known: &'static [model::lebenslage::Schritt]) -> Progress {
        let key = StoredValue::new(format!("ll.progress.{lebenslage}"));
        let done = RwSignal::new(BTreeSet::new());
        Effect::new(move |_| {
            let stored = crate::browser::stored(&key.get_value()).unwrap_or_default();
            done.set(decode(&stored, known));
        });
        Progress { key, done }
    }

    /// Whether step `id` is ticked (tracked).
    pub fn is_done(&self, id: &str) -> bool {
        self.done.with(|d| d.contains(id))
    }

    /// How many steps are ticked (tracked).
    pub fn count(&self) -> usize {
        self.done.with(BTreeSet::len)
    }

    /// Ticks or unticks step `id` and stores the result.
    pub fn set(&self, id: &str, done: bool) {
        self.done.update(|d| {
            if done {
                d.insert(id.to_string());
            } else {
                d.remove(id);
            }
        });
        let value = self.done.with_untracked(encode);
        crate::browser::store(&self.key.get_value(), (!value.is_empty()).then_some(&value));
    }
}

fn encode(done: &BTreeSet<String>) -> String {
    done.iter().cloned().collect::<Vec<_>>().join(" ")
}

/// Ids of steps that exist; anything else in storage (an old step, tampering) is dropped.
fn decode(stored: &str, known: &[model::lebenslage::Schritt]) -> BTreeSet<String> {
    stored
        .split_whitespace()
        .filter(|id| known.iter().any(|s| s.id == *id))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_steps_are_read_back() {
        let journey = crate::catalogue::lebenslage("rund-ums-fahrzeug").unwrap();
        let ids: Vec<&str> = journey.schritte.iter().map(|s| s.id.as_str()).collect();
        let stored = format!("{} gibt-es-nicht {} <b>", ids[1], ids[0]);
        let done = decode(&stored, &journey.schritte);
        assert_eq!(done.len(), 2);
        assert_eq!(decode(&encode(&done), &journey.schritte), done);
        assert!(decode("", &journey.schritte).is_empty());
    }
}

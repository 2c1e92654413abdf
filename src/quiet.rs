//! Quiet: run something once a burst of events has settled.
//!
//! The search page announces its result count and updates the address once typing pauses.
//! Clearing and re-arming a timer on every keystroke costs, on a slow phone, about as much as the
//! search itself; a `Quiet` keeps one timer per pause instead: a touch only moves the deadline,
//! and a timer that fires early waits for the rest.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser;

/// Runs an action once `delay` has passed since the last [`Quiet::touch`]. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Quiet {
    delay: Duration,
    /// When the action is due ([`browser::now_ms`]).
    due: StoredValue<f64>,
    armed: StoredValue<bool>,
    action: StoredValue<Arc<dyn Fn() + Send + Sync>>,
}

impl Quiet {
    pub fn new(delay: Duration, action: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            delay,
            due: StoredValue::new(0.0),
            armed: StoredValue::new(false),
            action: StoredValue::new(Arc::new(action)),
        }
    }

    /// Something happened: the action is due `delay` from now.
    pub fn touch(&self) {
        self.due.set_value(browser::now_ms() + self.delay.as_secs_f64() * 1000.0);
        if !self.armed.get_value() {
            self.armed.set_value(true);
            self.arm(self.delay);
        }
    }

    fn arm(self, wait: Duration) {
        set_timeout(move || self.fire(), wait);
    }

    fn fire(self) {
        // Gone with its page since the timer was set.
        let Some(due) = self.due.try_with_value(|d| *d) else {
            return;
        };
        let left = due - browser::now_ms();
        if left > 0.0 {
            self.arm(Duration::from_secs_f64(left / 1000.0));
            return;
        }
        self.armed.set_value(false);
        let action = self.action.get_value();
        action();
    }
}

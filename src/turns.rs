//! Turns: one heavy render per browser task.
//!
//! When the federation answers for a whole journey, a dozen services become ready at once.
//! Rendering them all in the reaction to that answer is one long task on a slow phone: input
//! waits for it, and it is what Lighthouse counts as blocking time. Each service instead waits
//! for its turn; turns are handed out one per task (a zero-delay timeout), in the order they
//! were asked for, so the browser can handle input and paint between two services.

use std::collections::VecDeque;

use leptos::prelude::*;

/// The queue of renders waiting for their turn. Cheap to copy; create one per page.
#[derive(Clone, Copy)]
pub struct Turns {
    waiting: StoredValue<VecDeque<RwSignal<bool>>>,
    /// Whether a task to hand out the next turn is scheduled.
    scheduled: StoredValue<bool>,
}

impl Default for Turns {
    fn default() -> Self {
        Self::new()
    }
}

impl Turns {
    pub fn new() -> Self {
        Self {
            waiting: StoredValue::new(VecDeque::new()),
            scheduled: StoredValue::new(false),
        }
    }

    /// Queues a render: `turn` becomes `true` in a task of its own when its turn comes. The
    /// signal belongs to the caller (so it lives as long as what it renders).
    pub fn queue(&self, turn: RwSignal<bool>) {
        self.waiting.update_value(|w| w.push_back(turn));
        self.schedule();
    }

    fn schedule(self) {
        if self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        set_timeout(move || self.next(), std::time::Duration::ZERO);
    }

    fn next(self) {
        self.scheduled.set_value(false);
        // A page left since the task was scheduled has disposed of the queue.
        let Some(turn) = self.waiting.try_update_value(|w| w.pop_front()).flatten() else {
            return;
        };
        if self.waiting.with_value(|w| !w.is_empty()) {
            self.schedule();
        }
        // The render runs in this task's microtasks, before the next turn's task.
        turn.try_set(true);
    }
}

//! client-go's rate-limited delaying work queue, as the three controllers use it, for one key:
//! `Add` (run now) dedupes while the key waits, `AddAfter` keeps only the earliest of the times
//! it was asked for, and a key taken for processing can be added again.
//!
//! Each queued entry becomes a task on the agenda; when its time comes, `take` says whether it
//! is still the entry to run (a later `Add` or an earlier `AddAfter` makes older tasks stale).

use crate::model::Ms;

/// A queue's pending state for one key: an entry ready now, and the earliest delayed one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct QueueState {
    now: bool,
    waiting: Option<Ms>,
}

impl QueueState {
    /// `queue.AddAfter(key, delay)` (`Add` when the delay is not positive) at `now`: the time a
    /// new task must be queued for, or `None` when an entry already covers it.
    pub(crate) fn add_after(&mut self, now: Ms, delay: Ms) -> Option<Ms> {
        if delay <= 0 {
            if self.now {
                return None;
            }
            self.now = true;
            return Some(now);
        }
        let at = now + delay;
        if self.waiting.is_some_and(|w| w <= at) {
            return None;
        }
        self.waiting = Some(at);
        Some(at)
    }

    /// A task queued by `add_after` comes due at `now`: whether the key is handed to the
    /// controller (`run_now` tells which kind of entry the task was). Stale tasks are dropped.
    pub(crate) fn take(&mut self, run_now: bool, now: Ms) -> bool {
        if run_now {
            if !self.now {
                return false;
            }
            self.now = false;
            true
        } else {
            if self.waiting != Some(now) {
                return false;
            }
            self.waiting = None;
            // Already queued to run now: that entry will run; don't run twice.
            !self.now
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_dedupes_until_the_key_is_taken() {
        let mut q = QueueState::default();
        assert_eq!(q.add_after(100, 0), Some(100));
        assert_eq!(q.add_after(100, 0), None, "a second Add is a no-op");
        assert!(q.take(true, 100));
        assert!(!q.take(true, 100), "taken once");
        assert_eq!(
            q.add_after(100, 0),
            Some(100),
            "added again after processing"
        );
    }

    #[test]
    fn add_after_keeps_the_earliest_time() {
        let mut q = QueueState::default();
        assert_eq!(q.add_after(0, 50), Some(50));
        assert_eq!(q.add_after(0, 80), None, "a later time changes nothing");
        assert_eq!(q.add_after(10, 20), Some(30), "an earlier time replaces it");
        // Two tasks are on the agenda now, for 30 and for 50: the one for 30 runs.
        assert!(q.take(false, 30));
        assert!(!q.take(false, 50), "the replaced entry does not run");
    }

    #[test]
    fn a_delayed_entry_due_while_the_key_waits_to_run_now_does_not_run_twice() {
        let mut q = QueueState::default();
        q.add_after(0, 10);
        q.add_after(10, 0);
        assert!(!q.take(false, 10), "the run-now entry covers it");
        assert!(q.take(true, 10));
    }
}

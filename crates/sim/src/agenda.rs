//! The simulation's agenda: the tasks waiting for their virtual time, run in `(time, seq)`
//! order (the order they were queued in when their times are equal), as Go's timers and the
//! controllers' queues hand them out.
//!
//! Two sorted parts merged when popped: the tasks queued for the instant they were queued at
//! (the work queues' `Add`s and the syncs they trigger, nearly half of all tasks) in a FIFO, the
//! rest in a heap. The FIFO stays sorted without comparisons because the clock never goes back
//! and `seq` only grows.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use crate::model::Ms;

/// Pending tasks of type `T` in `(time, seq)` order.
#[derive(Debug)]
pub(crate) struct Agenda<T> {
    heap: BinaryHeap<Reverse<(Ms, u64, T)>>,
    due_now: VecDeque<(Ms, u64, T)>,
    seq: u64,
}

impl<T: Ord> Agenda<T> {
    pub(crate) fn new() -> Self {
        Agenda {
            heap: BinaryHeap::new(),
            due_now: VecDeque::new(),
            seq: 0,
        }
    }

    /// Queues `task` for `at`; `now` is the current virtual time (tasks for it go to the FIFO).
    // Inlined: called out of line, the 32-byte task went through the caller's stack and
    // reloading it stalled (store forwarding), about 5% of a long run.
    #[inline(always)]
    pub(crate) fn push(&mut self, now: Ms, at: Ms, task: T) {
        self.seq += 1;
        if at == now {
            self.due_now.push_back((at, self.seq, task));
        } else {
            self.heap.push(Reverse((at, self.seq, task)));
        }
    }

    /// The earliest pending task by `(time, seq)`, and its time.
    pub(crate) fn pop(&mut self) -> Option<(Ms, T)> {
        let from_fifo = match (self.due_now.front(), self.heap.peek()) {
            (Some(&(at, seq, _)), Some(Reverse((heap_at, heap_seq, _)))) => {
                (at, seq) < (*heap_at, *heap_seq)
            }
            (fifo, _) => fifo.is_some(),
        };
        if from_fifo {
            self.due_now.pop_front().map(|(at, _, task)| (at, task))
        } else {
            self.heap.pop().map(|Reverse((at, _, task))| (at, task))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(agenda: &mut Agenda<&'static str>) -> Vec<(Ms, &'static str)> {
        std::iter::from_fn(|| agenda.pop()).collect()
    }

    #[test]
    fn earlier_times_first_then_queue_order() {
        let mut agenda = Agenda::new();
        agenda.push(0, 30, "c");
        agenda.push(0, 10, "a");
        agenda.push(0, 30, "d");
        agenda.push(0, 20, "b");
        assert_eq!(
            drain(&mut agenda),
            [(10, "a"), (20, "b"), (30, "c"), (30, "d")]
        );
    }

    #[test]
    fn tasks_for_now_keep_their_place_among_delayed_ones_due_now() {
        let mut agenda = Agenda::new();
        // Queued earlier for t = 5 (heap), then at t = 5 for t = 5 (FIFO): the heap's came first.
        agenda.push(0, 5, "timer");
        agenda.push(5, 5, "add");
        agenda.push(5, 5, "add again");
        agenda.push(0, 7, "later");
        assert_eq!(
            drain(&mut agenda),
            [(5, "timer"), (5, "add"), (5, "add again"), (7, "later")]
        );
        // Queued for now after a delayed task of the same instant was queued: FIFO entries
        // still come after it only if queued after it.
        let mut agenda = Agenda::new();
        agenda.push(9, 9, "first");
        agenda.push(0, 9, "second");
        assert_eq!(drain(&mut agenda), [(9, "first"), (9, "second")]);
    }

    #[test]
    fn an_empty_agenda_has_nothing() {
        let mut agenda: Agenda<u8> = Agenda::new();
        assert_eq!(agenda.pop(), None);
        agenda.push(0, 0, 1);
        assert_eq!(agenda.pop(), Some((0, 1)));
        assert_eq!(agenda.pop(), None);
    }
}

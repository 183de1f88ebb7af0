//! `validate --workers N`: the documents of an input parsed and analysed on N threads at once
//! (kubeconform's `-n`). The engine hands out independent pieces ([`Workers`]) and decides
//! everything that depends on order itself, so the output is the same for any N.

use std::sync::Mutex;

use jobscope_analysis::Workers;

/// N threads: the caller's and N-1 scoped ones, taking pieces from one queue.
pub struct Threads(pub usize);

impl Threads {
    /// As many as the machine runs at once (one if that is unknown).
    pub fn available() -> Self {
        Threads(std::thread::available_parallelism().map_or(1, usize::from))
    }
}

impl Workers for Threads {
    fn map<T: Send, U: Send>(&self, items: Vec<T>, work: &(impl Fn(T) -> U + Sync)) -> Vec<U> {
        let count = items.len();
        let threads = self.0.min(count);
        if threads <= 1 {
            return items.into_iter().map(work).collect();
        }
        let queue = Mutex::new(items.into_iter().enumerate());
        // Each thread takes the next piece until none is left, so a slow document does not hold
        // the others back; the results are put back in order at the end.
        let drain = || {
            let mut done = Vec::new();
            loop {
                let next = match queue.lock() {
                    Ok(mut queue) => queue.next(),
                    // Another thread panicked holding the lock: its panic is resumed below.
                    Err(_) => None,
                };
                let Some((index, item)) = next else {
                    return done;
                };
                done.push((index, work(item)));
            }
        };
        let mut results: Vec<Option<U>> = (0..count).map(|_| None).collect();
        std::thread::scope(|scope| {
            let others: Vec<_> = (1..threads).map(|_| scope.spawn(drain)).collect();
            let mut finished = vec![drain()];
            for other in others {
                match other.join() {
                    Ok(done) => finished.push(done),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            for (index, result) in finished.into_iter().flatten() {
                results[index] = Some(result);
            }
        });
        // Every piece was taken once and each thread was joined, so every slot is filled.
        let results: Vec<U> = results.into_iter().flatten().collect();
        debug_assert_eq!(results.len(), count);
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_order_of_the_pieces() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            // Uneven work, so the threads finish out of order.
            let squares = Threads(threads).map(items.clone(), &|n| {
                std::hint::black_box((0..n % 17 * 1000).sum::<u64>());
                n * n
            });
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        }
        assert!(Threads(4).map(Vec::<u8>::new(), &|n| n).is_empty());
    }
}

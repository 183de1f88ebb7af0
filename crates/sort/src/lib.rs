//! Stable sorting with one compiled sort routine for the whole crate.
//!
//! Why not `slice::sort_by`: std's sorts are generic over both the element type and the
//! comparison, so every call site with its own closure compiled its own copy of driftsort or
//! ipnsort. In the wasm bundle that was 159 functions and 80 KB of its ~1 MB of code (twiggy on
//! the optimised module). Here the only sort compiled is std's stable sort of a list of
//! positions, compared through a `dyn` comparison; each caller then only compiles the small loop
//! that moves its elements into that order ([`permute`]).
//!
//! The results are std's stable sort's, element for element: a stable sort's output is fully
//! determined by the comparison. The cost is an indirect call per comparison and a list of
//! positions, which the callers (a few thousand elements at most per call on the simulation's hot
//! paths) do not notice; `cargo bench --bench simulate` is the check. Short lists take an insertion
//! sort instead, and the few sorts of a month's worth of samples keep std's sort.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() <= INSERTION_MAX {
        insertion_sort(items, &mut compare);
        return;
    }
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Up to this many elements, an insertion sort in the caller's own code: no list of positions to
/// allocate and no indirect calls, for the many short lists the simulation sorts on every sync
/// (the month-long CronJob bench was 5% slower without it). Its code is a few dozen bytes.
const INSERTION_MAX: usize = 16;

/// Stable insertion sort: an element moves left past every element greater than it.
fn insertion_sort<T>(items: &mut [T], compare: &mut impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` stably by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by their own order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, ties kept in position order. The one
/// place a sort is compiled: its type does not depend on the caller's.
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` in place so that position `k` holds what was at `order[k]`, by following
/// the permutation's cycles with swaps (no `Clone` needed, no second list of elements). `order`
/// must be a permutation of `0..items.len()`, as [`stable_order`] returns; each visited position
/// is marked by pointing it at itself.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let next = order[current];
            order[current] = current;
            if next == start || next == current {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the cases are many without a dependency.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *seed >> 33
    }

    #[test]
    fn sorts_as_std_does_and_keeps_ties_in_order() {
        let mut seed = 7;
        for len in [0usize, 1, 2, 3, 5, 16, 17, 100, 1000] {
            for range in [1u64, 3, 50, 1 << 20] {
                // (key, original position): equal keys must keep their positions' order.
                let input: Vec<(u64, usize)> =
                    (0..len).map(|i| (lcg(&mut seed) % range, i)).collect();
                let mut ours = input.clone();
                sort_by_key(&mut ours, |e| e.0);
                let mut theirs = input.clone();
                theirs.sort_by_key(|e| e.0);
                assert_eq!(ours, theirs, "len {len}, keys below {range}");
            }
        }
    }

    #[test]
    fn sort_by_and_sort_follow_the_comparison() {
        let mut words = vec!["pod", "job", "cronjob", "job", "batch", "api"];
        sort(&mut words);
        assert_eq!(words, ["api", "batch", "cronjob", "job", "job", "pod"]);
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()));
        assert_eq!(words, ["cronjob", "batch", "api", "job", "job", "pod"]);
    }

    #[test]
    fn permutes_every_cycle_shape() {
        // One long cycle, fixed points, swaps and a mix.
        for order in [
            vec![1, 2, 3, 4, 0],
            vec![0, 1, 2],
            vec![1, 0, 3, 2],
            vec![2, 1, 4, 3, 0, 5],
        ] {
            let items: Vec<char> = ('a'..).take(order.len()).collect();
            let expected: Vec<char> = order.iter().map(|&k| items[k]).collect();
            let mut permuted = items.clone();
            permute(&mut permuted, order.clone());
            assert_eq!(permuted, expected, "{order:?}");
        }
    }
}

//! Views of a simulation, as plain data: the concurrency diagram (one CronJob's runs under
//! Allow, Forbid and Replace, each simulated by the CronJob controller port) and the player (a
//! finished simulation recorded for playback: Gantt rows, Job statuses, events, metric series
//! and the example alert rules).
//!
//! - [`concurrency`]: the three policies' runs; [`concurrency_scene`]: its scene and Mermaid;
//! - [`player`]: recording and the state, Gantt chart and charts at any virtual time.
//!
//! Invariants: pure data; the player never re-simulates, and a query at time t sees only what had
//! happened by t; every loop and output is bounded (`concurrency::MAX_RUNS`, `player::MAX_ROWS`,
//! `MAX_BARS`).

pub mod concurrency;
pub mod concurrency_scene;
pub mod player;

#[cfg(test)]
mod testing;

//! Views of a simulation, as plain data: the concurrency diagram (one CronJob's runs under
//! Allow, Forbid and Replace, each simulated by the CronJob controller port) and the player (a
//! finished simulation recorded for playback: Gantt rows, Job statuses, events, metric series
//! and the example alert rules).
//!
//! - [`concurrency`]: the three policies' runs (drawn by `jobscope_playback`);
//! - [`player`]: recording, and the player's summary and frame (state, Gantt chart, charts)
//!   at any virtual time, as `jobscope_playback` data;
//! - [`outcome`]: a finished run's outcome as comparable lines (the version comparison's).
//!
//! Invariants: pure data; the player never re-simulates, and a query at time t sees only what had
//! happened by t; every loop and output is bounded (`concurrency::MAX_RUNS`, `player::MAX_ROWS`,
//! `MAX_BARS`).

pub mod concurrency;
pub mod outcome;
pub mod player;

#[cfg(test)]
mod testing;

//! What the simulation worker hands the page, as plain data, and how the page draws it: the
//! page links this crate and not the simulation (the worker computes, the page shows).
//!
//! - [`input`]: the player's form ([`PlayerInput`]), which the page fills and the worker runs;
//! - [`concurrency`]: one CronJob's runs under Allow, Forbid and Replace; [`concurrency_scene`]:
//!   its scene and Mermaid text;
//! - [`frame`]: a finished simulation's [`Summary`] and its [`Frame`] at a virtual time (Gantt
//!   chart, metric charts, Jobs, pods and events then);
//! - [`codec`]: the bytes a message travels as between the page and the worker.
//!
//! Invariants: data only, no simulation; every list a frame carries is bounded by the worker
//! (`MAX_*` constants here), so a frame's size does not grow with the length of a run.

pub mod codec;
pub mod concurrency;
pub mod concurrency_scene;
pub mod frame;
pub mod input;

pub use concurrency::{Concurrency, Outcome, Policy, PolicyLane, PolicyRun, human_seconds};
pub use concurrency_scene::{concurrency_mermaid, concurrency_scene};
pub use frame::{AlertRow, EventRow, Frame, JobRow, PodRow, PodState, Summary};
pub use input::{EVICTION_IGNORING_SIGTERM, PRESETS, PlayerInput, Preset, preset};

/// Virtual time: milliseconds since the Unix epoch.
pub type Ms = i64;

//! A deterministic simulation of the Job, CronJob and TTL-after-finished controllers and the
//! kubelet on a virtual clock: same scenario and seed, same result, on every platform.
//!
//! - [`scenario`]: the scenario format (manifest, pod behaviour, actions);
//! - [`engine`]: the simulation: routes the agenda's tasks to the controllers, the kubelet and
//!   the scenario's actions;
//! - `cluster`: the objects with their histories and events, the API operations and the watch
//!   notifications they cause; `kubelet`: a pod's life on its node; `agenda`: the pending
//!   tasks in `(time, seq)` order; `workqueue`: client-go's work-queue rules for one key;
//! - `job_controller`, `cronjob_controller`, `ttl`: ports of the Kubernetes v1.34 controllers'
//!   sync functions, each with its own in-memory state;
//! - [`metrics`]: kube-state-metrics series derived from the simulated objects;
//! - [`model`]: the objects and the typed specs read from the defaulted manifest.
//!
//! Invariants: no real clock and no randomness but the seeded `rng`; every run is bounded
//! (`until`, [`engine::MAX_TASKS`], [`engine::MAX_PODS`]) and can be stepped in chunks so a
//! browser stays responsive; knows nothing of the UI. A controller's sync sees the objects as
//! they were when it started (its own deletions are not visible to it, as with an informer
//! cache).

mod agenda;
mod cluster;
pub(crate) mod cronjob_controller;
pub mod engine;
pub(crate) mod intervals;
pub(crate) mod job_controller;
mod kubelet;
pub mod metrics;
pub mod model;
pub(crate) mod rng;
pub mod scenario;
pub(crate) mod ttl;
mod workqueue;

pub use cluster::{Event, Note, ObjectRef};
pub use engine::{Simulation, Stop, Subject};
pub use scenario::{Scenario, is_scenario, parse_scenario};

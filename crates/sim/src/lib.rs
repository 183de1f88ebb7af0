//! A deterministic simulation of the Job, CronJob and TTL-after-finished controllers on a
//! virtual clock: same scenario and seed, same result, on every platform.
//!
//! - [`scenario`]: the scenario format (manifest, pod behaviour, actions);
//! - [`engine`]: the event loop, work queues, kubelet model and actions;
//! - [`job_controller`], [`cronjob_controller`], [`ttl`]: ports of the Kubernetes v1.34
//!   controllers' sync functions;
//! - [`metrics`]: kube-state-metrics series derived from the simulated objects;
//!
//! Invariants: no real clock and no randomness but the seeded [`rng`]; every run is bounded
//! (`until`, [`engine::MAX_TASKS`], [`engine::MAX_PODS`]) and can be stepped in chunks so a
//! browser stays responsive; knows nothing of the UI.

pub(crate) mod cronjob_controller;
pub mod engine;
pub(crate) mod intervals;
pub(crate) mod job_controller;
pub mod metrics;
pub mod model;
pub(crate) mod rng;
pub mod scenario;
pub(crate) mod ttl;

pub use engine::{Simulation, Stop, Subject};
pub use scenario::{Scenario, parse_scenario};

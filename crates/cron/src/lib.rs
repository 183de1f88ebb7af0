//! The cron dialect of robfig/cron v3 as the CronJob controller uses it, evaluated in a time zone.
//!
//! Why our own engine: the `cron` crate wants a seconds field, matches day-of-month and
//! day-of-week differently (no star bit), accepts syntax robfig rejects (`L`, `#`, `7`), has
//! different error texts and resolves DST with chrono's earliest/latest rule. Kubernetes users
//! get whatever robfig `ParseStandard` + `Next` + Go's `time.Date` do, so this crate ports those
//! (see each file's doc; Go's own time semantics are in `jobscope-golang`) and adds what robfig
//! lacks: token positions, explanations and a bound on every loop.
//!
//! Invariant: knows nothing about Kubernetes objects. It speaks schedules, zones and instants;
//! the CronJob controller's scheduling decision is here only as a function of those values.

pub mod controller;
pub mod explain;
pub(crate) mod next;
pub mod parser;

pub use jobscope_golang::time::{Instant, Zone};
pub use next::{Evaluator, NextTime};
pub use parser::{ParseError, ParsedSchedule, Schedule, ScheduleLocation, parse_standard};

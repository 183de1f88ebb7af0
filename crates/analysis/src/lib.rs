//! The one façade the UI and the CLI call: text in, plain data out, in editor terms.
//!
//! - [`documents`]: `analyze`: each document's findings, layered as kubectl and the apiserver
//!   answer, with lint's advice;
//! - [`editor`]: completion, hover, quick fixes, the Schedule panel, the effective YAML, rule
//!   documentation;
//! - [`views`]: the timeline, the concurrency diagram and the simulation player;
//! - [`versions`]: the findings that differ between the supported Kubernetes versions;
//! - [`worker`]: what the page and the simulation worker say to each other, and the worker's
//!   side of it (`Session`, with the `simulation` feature).
//!
//! The modules below re-export, under names of their own, the engine types the CLI reaches
//! (schedule reports, the simulation's scenario and objects, the lint rules).
//!
//! Invariant: nothing outside this crate needs to know how the YAML was parsed; the UI never
//! matches on YAML nodes. Analysis never fails: any text yields an [`Analysis`].

pub(crate) mod documents;
pub(crate) mod editor;
pub(crate) mod versions;
pub(crate) mod views;
pub mod worker;

pub use documents::{
    Analysis, DocumentReport, DocumentStatus, InOrder, Options, Workers, analyze, analyze_each,
    collect_defined_objects,
};
pub use editor::*;
pub use jobscope_api::manifest::client::ClientPath;
pub use jobscope_api::version::KubernetesVersion;
pub use jobscope_diagnostic::{Diagnostic, Severity, Source, Span};
pub use jobscope_golang::duration::parse_go_duration;
pub use jobscope_golang::time::{
    Instant, Zone, format_rfc3339, format_rfc3339_nano, parse_rfc3339,
};
pub use jobscope_lint::DefinedObjects;
pub use jobscope_yaml::position::LineIndex;
#[cfg(feature = "simulation")]
pub use versions::simulated_outcomes;
pub use versions::{
    DocumentKey, NOT_SIMULATED, OUTCOME_CODE, OUTCOME_FIELD, Said, SimulatedOutcomes,
    VersionComparer, VersionComparison, VersionDifference, VersionRange, compare_versions,
    version_range_name,
};
pub use views::*;

/// A CronJob's schedule for the CLI's `next`, `explain` and `missed`: the same report the
/// Schedule panel and lint read.
pub mod schedule {
    pub use jobscope_cron::NextTime;
    pub use jobscope_cron::controller::{CronJobTimes, SyncDecision, SyncInput};
    pub use jobscope_golang::location::{LoadedLocation, load_location};
    pub use jobscope_schedule::{
        Reading, ScheduleReport, controller_sync, next_runs, schedule_report,
    };
}

/// The simulation's scenario format, its objects and its clock, for the CLI's `simulate`.
#[cfg(feature = "simulation")]
pub mod simulation {
    pub use jobscope_sim::model::{ConditionKind, Job, Ms, Phase, Pod};
    pub use jobscope_sim::model::{instant, millis};
    pub use jobscope_sim::{Event, ObjectRef};
    pub use jobscope_sim::{Simulation, Stop, is_scenario, parse_scenario};
}

/// The lint rules and their documentation, for `jobscope rules`.
pub mod rules {
    pub use jobscope_lint::{Rule, RuleDocs, rules};
}

//! What the kube-apiserver would reject or warn about for a new Job or CronJob (and, for the
//! simulation's patches, what an update may change in a Job's template: `job_update`).
//!
//! A port of pkg/apis/batch/validation, the pod template parts of pkg/apis/core/validation and
//! apimachinery's metadata and name checks (Kubernetes v1.34, default feature gates). Rules read
//! the decoded, defaulted object (`manifest`) and report `field.Error`s with the apiserver's
//! paths and words, each located at the text it is about.

pub(crate) mod containers;
pub mod context;
pub mod field;
pub(crate) mod fieldpath;
pub mod job;
pub mod job_update;
pub(crate) mod meta;
pub(crate) mod names;
pub(crate) mod options;
pub(crate) mod paths;
pub(crate) mod pod;
pub(crate) mod podsecurity;
pub(crate) mod resources;
pub mod schedule;
pub(crate) mod scheduling;
pub(crate) mod securitycontext;
pub(crate) mod volumes;
pub mod warnings;

#[cfg(test)]
pub mod testing;

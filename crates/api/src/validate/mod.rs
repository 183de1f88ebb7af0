//! What the kube-apiserver would reject or warn about for a new Job or CronJob.
//!
//! A port of pkg/apis/batch/validation, the pod template parts of pkg/apis/core/validation and
//! apimachinery's metadata and name checks (Kubernetes v1.34, default feature gates). Rules read
//! the decoded, defaulted object (`manifest`) and report `field.Error`s with the apiserver's
//! paths and words, each located at the text it is about.

pub mod containers;
pub mod context;
pub mod field;
pub mod fieldpath;
pub mod job;
pub mod meta;
pub mod names;
pub mod paths;
pub mod pod;
pub mod podsecurity;
pub mod resources;
pub mod schedule;
pub mod scheduling;
pub mod securitycontext;
pub mod volumes;
pub mod warnings;

#[cfg(test)]
pub mod testing;

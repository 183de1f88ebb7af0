//! What the kube-apiserver would reject or warn about for a new Job or CronJob.

pub mod field;
pub mod schedule;

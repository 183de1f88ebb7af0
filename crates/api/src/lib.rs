//! The batch/v1 Job and CronJob API as the kube-apiserver sees a new object: the schema, strict
//! decoding, defaulting, what kubectl does on its side before sending, and validation.
//!
//! - [`manifest`]: the typed model read from YAML values (decode errors with the apiserver's
//!   words, defaults, dropped fields, the effective YAML);
//! - [`validate`]: ports of pkg/apis/batch/validation and the pod-template parts of
//!   pkg/apis/core/validation, with the create-time warnings;
//! - [`version`]: the Kubernetes versions answered for and the table of their feature gates.
//!
//! Invariant: knows nothing of the UI, the CLI, lint or the simulation; a message here is byte
//! for byte the apiserver's.

pub mod manifest;
pub mod validate;
pub mod version;

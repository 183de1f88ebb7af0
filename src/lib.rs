//! jobscope: what a Kubernetes batch/v1 Job or CronJob will do, computed by a pure core.
//!
//! Reading order: [`diagnostic`] (the shared vocabulary), [`yaml`], [`manifest`], [`cron`],
//! [`validate`], [`lint`], [`timeline`], [`simulate`], [`editor`] (completion, hover, quick
//! fixes, the Schedule panel), then [`analysis`], the one façade the UI
//! and the CLI call. `ui` exists only in the wasm32 build and is the only module that names the
//! browser stack (the tidy test enforces it).

pub mod analysis;
pub mod cron;
pub mod diagnostic;
pub mod editor;
pub mod golang;
pub mod lint;
pub mod manifest;
pub mod simulate;
pub mod sort;
pub mod timeline;
pub mod validate;
pub mod yaml;

#[cfg(target_arch = "wasm32")]
pub mod ui;

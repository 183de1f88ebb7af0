//! The typed batch/v1 Job and CronJob model, decoded from YAML values, and apiserver defaulting.

pub mod client;
pub mod decode;
pub mod defaults;
pub mod document;
pub mod image;
pub(crate) mod kubectl;
pub mod object;
pub(crate) mod quantity;
pub mod render;
pub mod schema;
pub mod types;

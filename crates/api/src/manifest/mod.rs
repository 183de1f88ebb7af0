//! The typed batch/v1 Job and CronJob model, decoded from YAML values, and apiserver defaulting.

pub mod decode;
pub mod defaults;
pub mod document;
pub mod image;
pub mod kubectl;
pub mod object;
pub mod quantity;
pub mod render;
pub mod schema;
pub mod types;

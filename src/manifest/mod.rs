//! The typed batch/v1 Job and CronJob model, lowered from YAML nodes, and apiserver defaulting.

//! Go runtime semantics that the ported Kubernetes and robfig/cron code depends on, so that
//! messages and instants match Go's byte for byte and second for second.
//!
//! - [`strings`]: `strconv.Quote`, `encoding/json` string escaping, `strings.ToLower`,
//!   `strings.TrimSpace`, decimal formatting;
//! - [`time`]: `time.Date`, `AddDate`, `Add`, `Truncate`, RFC 3339 formatting and parsing (with
//!   `time.Parse`'s error texts), civil dates;
//! - [`location`], [`tzdb`]: `time.LoadLocation` over our copy of the IANA database;
//! - [`duration`]: `time.ParseDuration` and `Duration.String`.
//!
//! Invariant: knows nothing of Kubernetes or cron; every function is total (no panics) and
//! every loop is bounded by its input.

pub mod duration;
pub mod location;
pub mod strings;
pub mod time;
pub mod tzdb;

//! What every subcommand shares: usage errors, the output format, option values, writing to
//! stdout and stderr, and the clock (the CLI is the only part of jobscope that reads it).

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use jobscope_analysis::{Instant, parse_rfc3339};

/// A usage problem: reported with the usage text, exit 2.
pub struct UsageError(pub String);

impl From<lexopt::Error> for UsageError {
    fn from(error: lexopt::Error) -> Self {
        UsageError(error.to_string())
    }
}

pub type CommandResult = Result<ExitCode, UsageError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub fn parse_format(value: OsString) -> Result<Format, UsageError> {
    match value.to_str() {
        Some("text") => Ok(Format::Text),
        Some("json") => Ok(Format::Json),
        _ => Err(UsageError(format!(
            "--format must be text or json, not {}",
            value.to_string_lossy()
        ))),
    }
}

pub fn string_value(value: OsString, option: &str) -> Result<String, UsageError> {
    value.into_string().map_err(|raw| {
        UsageError(format!(
            "{option}: not valid UTF-8: {}",
            raw.to_string_lossy()
        ))
    })
}

pub fn time_value(value: OsString, option: &str) -> Result<Instant, UsageError> {
    let text = string_value(value, option)?;
    parse_rfc3339(&text).ok_or_else(|| {
        UsageError(format!(
            "{option}: `{text}` is not an RFC 3339 time (like 2026-03-08T02:00:00Z)"
        ))
    })
}

pub fn write_out(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

pub fn write_err(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Prints a JSON value on one line.
pub fn write_json(value: &serde_json::Value) {
    write_out(&format!("{value}\n"));
}

/// The current time: the CLI is the only place that reads the clock.
pub fn now() -> Instant {
    let elapsed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Instant {
        unix: elapsed.as_secs() as i64,
        nanos: elapsed.subsec_nanos(),
    }
}

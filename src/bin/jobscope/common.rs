//! What every subcommand shares: the values clap parses options into, writing to stdout and
//! stderr, Go durations, and the clock (the CLI is the only part of jobscope that reads it).

use std::io::Write;

use jobscope_analysis::schedule::{LoadedLocation, load_location};
use jobscope_analysis::{ClientPath, Instant, KubernetesVersion, Zone, parse_rfc3339};

/// An input that could not be read (a missing file, a directory, stdin closed): one line on
/// stderr and exit code 1, as `validate` does for an unreadable input. Not a usage error: the
/// command line was right.
pub fn unreadable(path: &str, error: &std::io::Error) -> std::process::ExitCode {
    write_err(&format!("{path}: error: {error}\n"));
    std::process::ExitCode::from(1)
}

/// `--now`, `--from`, …: an RFC 3339 time.
pub fn time_value(text: &str) -> Result<Instant, String> {
    parse_rfc3339(text)
        .ok_or_else(|| format!("`{text}` is not an RFC 3339 time (like 2026-03-08T02:00:00Z)"))
}

/// `--client`: a client path by its name.
/// `--kubernetes-version`: a supported minor version.
pub fn kubernetes_version_value(text: &str) -> Result<KubernetesVersion, String> {
    KubernetesVersion::parse(text).ok_or_else(|| {
        let names: Vec<&str> = KubernetesVersion::ALL.iter().map(|v| v.name()).collect();
        format!(
            "{text:?} is not a supported Kubernetes version: use one of {} (a minor version)",
            names.join(", ")
        )
    })
}

pub fn client_value(name: &str) -> Result<ClientPath, String> {
    ClientPath::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = ClientPath::ALL.iter().map(|c| c.name()).collect();
        format!("must be one of {}", names.join(", "))
    })
}

/// `--controller-time-zone`: a zone Go's `LoadLocation` knows (not `Local`: the controller's
/// own zone is what this option says).
pub fn controller_zone_value(name: &str) -> Result<Zone, String> {
    match load_location(name) {
        Ok(LoadedLocation::Zone(zone)) => Ok(zone),
        Ok(LoadedLocation::Local) | Err(_) => Err(format!("unknown time zone {name}")),
    }
}

/// `--disable`: a lint rule code (a misspelt one would silently turn nothing off).
pub fn rule_code_value(code: &str) -> Result<String, String> {
    let code = code.trim();
    if jobscope_analysis::rule_docs(code).is_none() {
        return Err(format!(
            "`{code}` is not a lint rule code; `jobscope rules` lists them"
        ));
    }
    Ok(code.to_owned())
}

/// A Go duration (`90s`, `1h30m`) in whole milliseconds, at least zero.
pub fn duration_millis(option: &str, text: &str) -> Result<i64, String> {
    let nanos = jobscope_analysis::parse_go_duration(text).map_err(|e| format!("{option}: {e}"))?;
    if nanos < 0 {
        return Err(format!("{option}: `{text}` is negative"));
    }
    Ok(nanos / 1_000_000)
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

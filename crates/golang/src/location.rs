//! Go's `time.LoadLocation` over our copy of the IANA database (`tzdb`), which includes the
//! backward-compatible links (`US/Eastern`, `Etc/GMT+5`, …) just as Go's does. The apiserver
//! loads a CronJob's `timeZone` with it, and so does the controller.
//!
//! The names accepted are exactly those of Go's embedded `time/tzdata` of the same IANA release
//! (a test compares every answer with Go 1.25's): the database's names, `Factory` (which Go's
//! copy has and chrono-tz's lacks), `""`, `UTC` and `Local`. Names that exist only in a system
//! zone directory (`posixrules`, `localtime`, `posix/…`, `right/…`) are unknown to the embedded
//! copy, as here.

use super::tzdb::{self, Tz};

use super::time::Zone;

/// What `time.LoadLocation` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadedLocation {
    /// `time.Local`: the process's own zone (for the controller, kube-controller-manager's).
    Local,
    Zone(Zone),
}

/// `time.LoadLocation(name)` with Go's error texts.
pub fn load_location(name: &str) -> Result<LoadedLocation, String> {
    if name.is_empty() || name == "UTC" {
        return Ok(LoadedLocation::Zone(Zone::Utc));
    }
    if name == "Local" {
        return Ok(LoadedLocation::Local);
    }
    if name.contains("..") || name.starts_with('/') || name.starts_with('\\') {
        return Err("time: invalid location name".to_owned());
    }
    if name == "Factory" {
        return Ok(LoadedLocation::Zone(Zone::Factory));
    }
    match Tz::from_name(name) {
        Some(tz) => Ok(LoadedLocation::Zone(Zone::Iana(tz))),
        None => Err(format!("unknown time zone {name}")),
    }
}

/// Every zone name the database knows, for completion and pickers.
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    tzdb::names().chain(std::iter::once("Factory"))
}

/// The version of the IANA database compiled in (e.g. `2025b`).
pub fn database_version() -> &'static str {
    tzdb::version()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_location_follows_go() {
        assert_eq!(load_location(""), Ok(LoadedLocation::Zone(Zone::Utc)));
        assert_eq!(load_location("UTC"), Ok(LoadedLocation::Zone(Zone::Utc)));
        assert_eq!(load_location("Local"), Ok(LoadedLocation::Local));
        assert_eq!(
            load_location("America/New_York"),
            Ok(LoadedLocation::Zone(
                Zone::iana("America/New_York").expect("zone")
            ))
        );
        assert_eq!(
            load_location("Factory"),
            Ok(LoadedLocation::Zone(Zone::Factory))
        );
        assert_eq!(
            load_location("US/Eastern"),
            Ok(LoadedLocation::Zone(
                Zone::iana("US/Eastern").expect("zone")
            ))
        );
        assert_eq!(
            load_location("america/new_york"),
            Err("unknown time zone america/new_york".to_owned())
        );
        assert_eq!(
            load_location("../etc/passwd"),
            Err("time: invalid location name".to_owned())
        );
        assert_eq!(
            load_location("/etc/localtime"),
            Err("time: invalid location name".to_owned())
        );
    }

    /// `load_location` answers as Go 1.25's `time.LoadLocation` over its embedded `time/tzdata`
    /// (`testdata/go-loadlocation.tsv`): the same names accepted, each with Go's
    /// `Location.String()`, and the same error for every other name tried. The failure lists
    /// every name accepted by one side only.
    #[test]
    fn names_are_the_ones_go_accepts() {
        let text = include_str!("../testdata/go-loadlocation.tsv");
        let mut go_accepts = Vec::new();
        let mut differences = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let name = f[0][1..f[0].len() - 1]
                .replace("\\\\", "\\")
                .replace("\\\"", "\"");
            let ours = match load_location(&name) {
                Ok(LoadedLocation::Local) => "ok\tLocal".to_owned(),
                Ok(LoadedLocation::Zone(zone)) => format!("ok\t{}", zone.name()),
                Err(error) => format!("error\t{error}"),
            };
            // Go's Local read UTC there (no /etc/localtime); what matters is that it loads.
            let go = match (name.as_str(), f[1]) {
                ("Local", "ok") => "ok\tLocal".to_owned(),
                _ => format!("{}\t{}", f[1], f[2]),
            };
            if f[1] == "ok" {
                go_accepts.push(name.clone());
            }
            if ours != go {
                differences.push(format!("{name:?}: Go {go:?}, jobscope {ours:?}"));
            }
        }
        for name in zone_names() {
            if !go_accepts.iter().any(|accepted| accepted == name) {
                differences.push(format!("{name:?}: accepted by jobscope only"));
            }
        }
        assert_eq!(go_accepts.len(), 600);
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    #[test]
    fn the_database_is_complete() {
        assert!(zone_names().count() > 500);
        assert!(zone_names().any(|name| name == "Asia/Kolkata"));
        assert_eq!(database_version().len(), 5);
    }
}

//! Go's `time.LoadLocation` over our copy of the IANA database (`tzdb`, from chrono-tz's), which
//! includes the backward-compatible links (`US/Eastern`, `Etc/GMT+5`, …) just as Go's does. The
//! apiserver loads a CronJob's `timeZone` with it, and so does the controller.

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

    #[test]
    fn the_database_is_complete() {
        assert!(zone_names().count() > 500);
        assert!(zone_names().any(|name| name == "Asia/Kolkata"));
        assert_eq!(database_version().len(), 5);
    }
}

//! Time-zone names: Go's `time.LoadLocation`, and the apiserver's rules for `spec.timeZone`.
//!
//! The apiserver checks a CronJob's `timeZone` with a character rule of its own and then with
//! `time.LoadLocation` against the IANA database compiled into it; the controller loads the
//! same name. Both are ported here over our copy of the IANA database (`tzdb`, from chrono-tz's),
//! which includes the backward-compatible links (`US/Eastern`, `Etc/GMT+5`, …) just as Go's does.

use super::tzdb::{self, Tz};

use super::gotime::Zone;

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

/// The problems the apiserver reports for `spec.timeZone: <name>` on create, each as the detail
/// text of an `Invalid value` error, in the order it reports them (`validateTimeZone`).
pub fn time_zone_problems(name: &str) -> Vec<String> {
    if name.is_empty() {
        return vec!["timeZone must be nil or non-empty string".to_owned()];
    }
    for part in name.split('/') {
        if part == "." || part == ".." || part.starts_with('-') || !valid_time_zone_part(part) {
            return vec![format!("unknown time zone {name}")];
        }
    }
    let mut problems = Vec::new();
    if name.eq_ignore_ascii_case("Local") {
        problems.push(
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"
                .to_owned(),
        );
    }
    if let Err(err) = load_location(name) {
        problems.push(err);
    }
    problems
}

/// `^[A-Za-z\.\-_0-9+]{1,14}$`
fn valid_time_zone_part(part: &str) -> bool {
    (1..=14).contains(&part.len())
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+'))
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
    fn apiserver_time_zone_rules() {
        assert!(time_zone_problems("America/New_York").is_empty());
        assert!(time_zone_problems("Etc/GMT+5").is_empty());
        assert!(time_zone_problems("UTC").is_empty());
        assert_eq!(
            time_zone_problems(""),
            ["timeZone must be nil or non-empty string"]
        );
        assert_eq!(
            time_zone_problems(" America/New_York"),
            ["unknown time zone  America/New_York"]
        );
        assert_eq!(
            time_zone_problems("Europe/Averyveryverylongname"),
            ["unknown time zone Europe/Averyveryverylongname"]
        );
        assert!(
            time_zone_problems("America/Argentina/ComodRivadavia").is_empty(),
            "14 bytes is the limit"
        );
        assert_eq!(
            time_zone_problems("Mars/Olympus"),
            ["unknown time zone Mars/Olympus"]
        );
        assert_eq!(
            time_zone_problems("america/new_york"),
            ["unknown time zone america/new_york"]
        );
        assert_eq!(
            time_zone_problems("local"),
            [
                "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
                "unknown time zone local"
            ]
        );
        assert_eq!(
            time_zone_problems("Local"),
            [
                "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"
            ]
        );
        assert_eq!(time_zone_problems("-05"), ["unknown time zone -05"]);
    }

    #[test]
    fn the_database_is_complete() {
        assert!(zone_names().count() > 500);
        assert!(zone_names().any(|name| name == "Asia/Kolkata"));
        assert_eq!(database_version().len(), 5);
    }
}

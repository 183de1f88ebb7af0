//! The apiserver's rules for a CronJob's `spec.schedule` and `spec.timeZone` on create
//! (`validateScheduleFormat`, `validateTimeZone`), with the cron engine's own messages passed
//! through as the apiserver passes robfig's.

use jobscope_cron::parse_standard;
use jobscope_golang::location::load_location;

use super::field::{BadValue, FieldError};

/// `spec.schedule` on create: required, parsed by robfig `ParseStandard`, and no `TZ` in it.
/// (On create `allowTZInSchedule` is false, so whether `timeZone` is set plays no part.)
pub fn schedule_errors(schedule: &str, path: &str) -> Vec<FieldError> {
    if schedule.is_empty() {
        return vec![FieldError::required(path, "")];
    }
    let mut errors = Vec::new();
    match parse_standard(schedule) {
        Err(error) if error.panics => {
            // v1.34 calls robfig without panic recovery: the request dies with HTTP 500.
            errors.push(FieldError::internal(
                path,
                "the apiserver's cron parser (robfig/cron) panics on a TZ= or CRON_TZ= prefix with nothing after it, and the request fails with a 500 error",
            ));
        }
        Err(error) => errors.push(FieldError::invalid(
            path,
            BadValue::Str(schedule.to_owned()),
            error.message,
        )),
        Ok(_) => {}
    }
    if schedule.contains("TZ") {
        errors.push(FieldError::invalid(
            path,
            BadValue::Str(schedule.to_owned()),
            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
        ));
    }
    errors
}

/// `spec.timeZone` (a `*string`, so its value prints as JSON).
pub fn time_zone_errors(time_zone: Option<&str>, path: &str) -> Vec<FieldError> {
    let Some(name) = time_zone else {
        return Vec::new();
    };
    time_zone_problems(name)
        .into_iter()
        .map(|problem| FieldError::invalid(path, BadValue::json_string(name), problem))
        .collect()
}

/// The problems the apiserver reports for `spec.timeZone: <name>` on create, each as the detail
/// text of an `Invalid value` error, in the order it reports them (`validateTimeZone`).
pub(crate) fn time_zone_problems(name: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(errors: Vec<FieldError>) -> Vec<String> {
        errors.iter().map(FieldError::message).collect()
    }

    #[test]
    fn schedule_messages() {
        assert_eq!(
            messages(schedule_errors("0 2 * * *", "spec.schedule")),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(schedule_errors("", "spec.schedule")),
            ["spec.schedule: Required value"]
        );
        assert_eq!(
            messages(schedule_errors("* * * *", "spec.schedule")),
            [
                "spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: [* * * *]"
            ]
        );
        assert_eq!(
            messages(schedule_errors("0 0 * * 7", "spec.schedule")),
            ["spec.schedule: Invalid value: \"0 0 * * 7\": end of range (7) above maximum (6): 7"]
        );
        assert_eq!(
            messages(schedule_errors("TZ=UTC 0 2 * * *", "spec.schedule")),
            [
                "spec.schedule: Invalid value: \"TZ=UTC 0 2 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
            ]
        );
        assert_eq!(
            messages(schedule_errors(
                "CRON_TZ=Nowhere 0 2 * * *",
                "spec.schedule"
            )),
            [
                "spec.schedule: Invalid value: \"CRON_TZ=Nowhere 0 2 * * *\": provided bad location Nowhere: unknown time zone Nowhere",
                "spec.schedule: Invalid value: \"CRON_TZ=Nowhere 0 2 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
            ]
        );
        let panic = schedule_errors("TZ=UTC", "spec.schedule");
        assert!(
            panic[0]
                .message()
                .starts_with("spec.schedule: Internal error: ")
        );
    }

    #[test]
    fn time_zone_messages() {
        assert!(time_zone_errors(None, "spec.timeZone").is_empty());
        assert!(time_zone_errors(Some("Europe/Berlin"), "spec.timeZone").is_empty());
        assert_eq!(
            messages(time_zone_errors(Some(""), "spec.timeZone")),
            ["spec.timeZone: Invalid value: \"\": timeZone must be nil or non-empty string"]
        );
        assert_eq!(
            messages(time_zone_errors(Some("america/new_york"), "spec.timeZone")),
            [
                "spec.timeZone: Invalid value: \"america/new_york\": unknown time zone america/new_york"
            ]
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
}

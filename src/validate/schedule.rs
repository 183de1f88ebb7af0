//! The apiserver's rules for a CronJob's `spec.schedule` and `spec.timeZone` on create
//! (`validateScheduleFormat`, `validateTimeZone`), with the cron engine's own messages passed
//! through as the apiserver passes robfig's.

use crate::cron::parse_standard;
use crate::cron::zone::time_zone_problems;

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
}

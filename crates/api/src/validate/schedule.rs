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
        let invalid = |schedule: &str, detail: &str| {
            format!("spec.schedule: Invalid value: \"{schedule}\": {detail}")
        };
        let tz = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
        for (schedule, expected) in [
            ("0 2 * * *", vec![]),
            ("", vec!["spec.schedule: Required value".to_owned()]),
            (
                "* * * *",
                vec![invalid(
                    "* * * *",
                    "expected exactly 5 fields, found 4: [* * * *]",
                )],
            ),
            (
                "0 0 * * 7",
                vec![invalid(
                    "0 0 * * 7",
                    "end of range (7) above maximum (6): 7",
                )],
            ),
            ("TZ=UTC 0 2 * * *", vec![invalid("TZ=UTC 0 2 * * *", tz)]),
            (
                "CRON_TZ=Nowhere 0 2 * * *",
                vec![
                    invalid(
                        "CRON_TZ=Nowhere 0 2 * * *",
                        "provided bad location Nowhere: unknown time zone Nowhere",
                    ),
                    invalid("CRON_TZ=Nowhere 0 2 * * *", tz),
                ],
            ),
        ] {
            assert_eq!(
                messages(schedule_errors(schedule, "spec.schedule")),
                expected
            );
        }
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
        for (name, detail) in [
            ("", "timeZone must be nil or non-empty string"),
            ("america/new_york", "unknown time zone america/new_york"),
        ] {
            assert_eq!(
                messages(time_zone_errors(Some(name), "spec.timeZone")),
                [format!(
                    "spec.timeZone: Invalid value: \"{name}\": {detail}"
                )]
            );
        }
    }

    #[test]
    fn apiserver_time_zone_rules() {
        let explicit =
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
        for (name, problems) in [
            ("America/New_York", vec![]),
            ("Etc/GMT+5", vec![]),
            ("UTC", vec![]),
            // 14 bytes is the limit of a part.
            ("America/Argentina/ComodRivadavia", vec![]),
            (
                "",
                vec!["timeZone must be nil or non-empty string".to_owned()],
            ),
            (
                " America/New_York",
                vec!["unknown time zone  America/New_York".to_owned()],
            ),
            (
                "Europe/Averyveryverylongname",
                vec!["unknown time zone Europe/Averyveryverylongname".to_owned()],
            ),
            (
                "Mars/Olympus",
                vec!["unknown time zone Mars/Olympus".to_owned()],
            ),
            (
                "america/new_york",
                vec!["unknown time zone america/new_york".to_owned()],
            ),
            (
                "local",
                vec![explicit.to_owned(), "unknown time zone local".to_owned()],
            ),
            ("Local", vec![explicit.to_owned()]),
            ("-05", vec!["unknown time zone -05".to_owned()]),
        ] {
            assert_eq!(time_zone_problems(name), problems, "{name:?}");
        }
    }
}

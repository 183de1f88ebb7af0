//! What jobscope says about a CronJob's schedule, computed once for every consumer: the
//! apiserver's verdict on `schedule` and `timeZone`, the controller's reading of them (zone,
//! explanation, upcoming runs), the Schedule panel built from that, and one controller sync for
//! "why didn't it run?".
//!
//! - [`report`]: the schedule report (the panel, the CLI's `explain` and `next`, lint);
//! - [`panel`]: the Schedule panel's data;
//! - [`why`]: one sync of the CronJob controller (the panel's "why didn't it run?", `missed`).
//!
//! Invariant: no clock (every function takes `now`), no I/O; every loop bounded.

pub(crate) mod panel;
pub(crate) mod report;
pub(crate) mod why;

pub use panel::{Run, ScheduleField, ScheduleView, now_text, schedule_view, viewer_zone};
pub use report::{Reading, ScheduleReport, next_runs, schedule_report};
pub use why::{WhyEvent, WhyInput, WhyReport, controller_sync, why_not_run};

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_api::manifest::client::ClientPath;
    use jobscope_api::manifest::document::read_sent_manifest;
    use jobscope_cron::Instant;

    // 2026-03-06T00:00:00Z
    const NOW: Instant = Instant::from_unix(1_772_755_200);

    fn view(text: &str, viewer: &str) -> ScheduleView {
        let stream = jobscope_yaml::parse_stream(text);
        let manifest = read_sent_manifest(
            stream.documents[0].value.as_ref().unwrap(),
            ClientPath::KubectlApply,
            Default::default(),
        );
        schedule_view(manifest.effective.as_ref().unwrap(), NOW, viewer).unwrap()
    }

    const BACKUP: &str = include_str!("../../../public/examples/backup-cronjob.yaml");

    #[test]
    fn runs_in_both_zones_match_the_cli() {
        let view = view(BACKUP, "Europe/Berlin");
        assert_eq!(view.zone, "America/New_York");
        assert_eq!(view.zone_source, "spec.timeZone");
        assert_eq!(view.runs.len(), panel::RUN_COUNT);
        // `jobscope next --schedule "0 2 * * *" --time-zone America/New_York --from 2026-03-06T00:00:00Z`
        assert_eq!(view.runs[0].rfc3339, "2026-03-06T02:00:00-05:00");
        assert_eq!(view.runs[0].in_zone, "Fri 6 Mar 2026 02:00 EST");
        assert_eq!(view.runs[0].in_viewer, "Fri 6 Mar 2026 08:00 CET");
        // The spring-forward night: 02:00 does not exist on the 8th, and robfig skips the day.
        assert_eq!(view.runs[2].rfc3339, "2026-03-09T02:00:00-04:00");
        assert!(
            view.warnings
                .iter()
                .any(|(code, _)| *code == "cron-dst-skip")
        );
        assert!(view.summary.unwrap().contains("America/New_York"));
        assert!(view.apiserver_errors.is_empty());
        assert_eq!(view.starting_deadline_seconds, Some(300));
    }

    #[test]
    fn broken_schedules_and_zones_say_why() {
        let text = BACKUP.replace("\"0 2 * * *\"", "\"0 2 * *\"");
        let view = view(&text, "UTC");
        assert!(
            view.error
                .as_ref()
                .unwrap()
                .0
                .contains("expected exactly 5 fields")
        );
        assert!(view.runs.is_empty());
        assert_eq!(view.apiserver_errors.len(), 1);
        let text = BACKUP.replace("America/New_York", "Mars/Olympus");
        let view = super::tests::view(&text, "nowhere");
        assert_eq!(view.error.unwrap().0, "unknown time zone Mars/Olympus");
        assert_eq!(view.viewer_zone, "UTC");
    }

    #[test]
    fn why_not_run_matches_the_controller() {
        let view = view(BACKUP, "UTC");
        // Last run on the 5th; at 02:03 New York time on the 6th the run is 3 minutes late.
        let input = WhyInput {
            last_schedule: "2026-03-05T07:00:00Z".to_owned(),
            now: "2026-03-06T07:03:00Z".to_owned(),
            ..WhyInput::default()
        };
        let report = why_not_run(&view, &input).unwrap();
        assert!(
            report
                .verdict
                .starts_with("It creates Job database-backup-"),
            "{}",
            report.verdict
        );
        assert!(report.verdict.contains("180 s late"));
        assert_eq!(report.events[0].reason, "SuccessfulCreate");
        // Ten minutes late: beyond startingDeadlineSeconds (300).
        let input = WhyInput {
            now: "2026-03-06T07:10:00Z".to_owned(),
            ..input
        };
        let report = why_not_run(&view, &input).unwrap();
        assert!(
            report.verdict.contains("startingDeadlineSeconds (300 s)"),
            "{}",
            report.verdict
        );
        assert!(report.verdict.contains("skipped"), "{}", report.verdict);
        assert!(report.events.is_empty());
        assert!(report.next_sync.is_some());
    }

    #[test]
    fn why_not_run_reads_a_pasted_status_and_reports_bad_input() {
        let view = view(BACKUP, "UTC");
        let input = WhyInput {
            pasted: "status:\n  lastScheduleTime: \"2026-03-06T07:00:00Z\"\n".to_owned(),
            now: "2026-03-06T08:00:00Z".to_owned(),
            ..WhyInput::default()
        };
        let report = why_not_run(&view, &input).unwrap();
        assert!(
            report.verdict.contains("already started"),
            "{}",
            report.verdict
        );
        assert!(
            report.verdict.contains("Sat 7 Mar 2026 02:00 EST"),
            "{}",
            report.verdict
        );
        let bad = WhyInput {
            now: "yesterday".to_owned(),
            last_schedule: "2026-03-06T07:00:00Z".to_owned(),
            ..WhyInput::default()
        };
        assert!(why_not_run(&view, &bad).unwrap_err().contains("RFC 3339"));
        let empty = WhyInput {
            now: "2026-03-06T08:00:00Z".to_owned(),
            ..WhyInput::default()
        };
        assert!(why_not_run(&view, &empty).is_err());
        assert_eq!(now_text(NOW), "2026-03-06T00:00:00Z");
    }
}

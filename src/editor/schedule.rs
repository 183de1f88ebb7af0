//! What the editor page's Schedule panel shows for a CronJob: the same answers as the CLI's
//! `explain`, `next` and `missed`, as plain data: the explanation, the next runs in the
//! schedule's zone and in the viewer's, the warnings, and one sync of the CronJob controller for
//! "why didn't it run?".
//!
//! Like the CLI, kube-controller-manager's own zone (a CronJob without `timeZone`) is taken to
//! be UTC, which it is on practically every cluster; the panel says so.

use crate::cron::controller::{
    CronJobTimes, SyncError, SyncInput, controller_evaluator, controller_schedule_text, is_local,
    sync_idle_cron_job,
};
use crate::cron::explain::{ZoneSource, error_help, explain};
use crate::cron::gotime::{ZoneClock, format_rfc3339, parse_rfc3339};
use crate::cron::zone::{LoadedLocation, load_location};
use crate::cron::{Evaluator, Instant, NextTime, ScheduleLocation, Zone, parse_standard};
use crate::manifest::object::Node;
use crate::validate::schedule::{schedule_errors, time_zone_errors};
use crate::yaml::{ValueKind, parse_stream};

/// How many upcoming runs the panel lists.
pub const RUN_COUNT: usize = 10;

/// One field of a five-field schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleField {
    pub field: &'static str,
    pub text: String,
    pub meaning: String,
    pub allowed: &'static str,
}

/// One upcoming run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// In the schedule's zone: `Mon 9 Mar 2026 02:30 EDT`.
    pub in_zone: String,
    /// In the viewer's zone.
    pub in_viewer: String,
    /// RFC 3339 in the schedule's zone, as the CLI prints it.
    pub rfc3339: String,
}

/// The Schedule panel of one CronJob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleView {
    pub name: String,
    pub schedule: String,
    pub time_zone: Option<String>,
    /// The zone the runs are computed in (`America/New_York`, `UTC`).
    pub zone: String,
    /// Where that zone comes from, in words.
    pub zone_source: String,
    pub viewer_zone: String,
    /// `At 02:00 every day (America/New_York)`.
    pub summary: Option<String>,
    pub fields: Vec<ScheduleField>,
    /// (code, message).
    pub warnings: Vec<(&'static str, String)>,
    /// The cron engine's error and its help, when the schedule does not parse.
    pub error: Option<(String, Option<String>)>,
    /// What the apiserver says about `schedule` and `timeZone` on create.
    pub apiserver_errors: Vec<String>,
    pub runs: Vec<Run>,
    /// Why fewer than [`RUN_COUNT`] runs are listed.
    pub runs_end: Option<String>,
    pub suspended: bool,
    pub starting_deadline_seconds: Option<i64>,
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Mon 9 Mar 2026 02:30 EDT` (seconds when they are not zero).
pub fn format_readable(t: Instant, zone: Zone) -> String {
    let c = ZoneClock::new(zone).civil(t);
    let seconds = if c.second != 0 {
        format!(":{:02}", c.second)
    } else {
        String::new()
    };
    format!(
        "{} {} {} {} {:02}:{:02}{seconds} {}",
        DAYS[c.weekday as usize % 7],
        c.day,
        MONTHS[(c.month as usize + 11) % 12],
        c.year,
        c.hour,
        c.minute,
        zone.abbreviation(t.unix)
    )
}

/// The viewer's zone from its IANA name (the browser's), UTC when unknown.
pub fn viewer_zone(name: &str) -> Zone {
    match load_location(name) {
        Ok(LoadedLocation::Zone(zone)) => zone,
        _ => Zone::Utc,
    }
}

/// The Schedule panel for a CronJob's effective object, at `now`, for a viewer in `viewer`.
pub fn schedule_view(object: &Node, now: Instant, viewer: &str) -> Option<ScheduleView> {
    let spec = object.get("spec")?;
    let schedule = spec.get("schedule").and_then(Node::as_str)?.to_owned();
    let time_zone = spec
        .get("timeZone")
        .and_then(Node::as_str)
        .map(str::to_owned);
    let name = object
        .at(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("cronjob")
        .to_owned();
    let viewer_zone = viewer_zone(viewer);
    let mut apiserver_errors: Vec<String> = schedule_errors(&schedule, "spec.schedule")
        .iter()
        .map(|e| e.message())
        .collect();
    apiserver_errors.extend(
        time_zone_errors(time_zone.as_deref(), "spec.timeZone")
            .iter()
            .map(|e| e.message()),
    );
    let mut view = ScheduleView {
        name,
        schedule: schedule.clone(),
        time_zone: time_zone.clone(),
        zone: "UTC".to_owned(),
        zone_source: "kube-controller-manager's time zone, taken as UTC".to_owned(),
        viewer_zone: viewer_zone.name().to_owned(),
        summary: None,
        fields: Vec::new(),
        warnings: Vec::new(),
        error: None,
        apiserver_errors,
        runs: Vec::new(),
        runs_end: None,
        suspended: spec.get("suspend").and_then(Node::as_bool) == Some(true),
        starting_deadline_seconds: spec.get("startingDeadlineSeconds").and_then(Node::as_i64),
    };
    if let Some(name) = &time_zone
        && let Err(message) = load_location(name)
    {
        view.error = Some((message, None));
        return Some(view);
    }
    // What the controller parses: `timeZone` becomes a `TZ=` prefix.
    let controller_text = controller_schedule_text(&schedule, time_zone.as_deref());
    let parsed = match parse_standard(&controller_text) {
        Ok(parsed) => parsed,
        Err(error) => {
            let help = error_help(&error, &controller_text);
            view.error = Some((error.message, help));
            return Some(view);
        }
    };
    let zone = match parsed.location {
        ScheduleLocation::Zone(zone) => zone,
        ScheduleLocation::Local => Zone::Utc,
    };
    let source = match (&parsed.tz_prefix, &time_zone) {
        (Some((name, _)), _) if schedule.contains("TZ") => ZoneSource::Prefix(name.clone()),
        (_, Some(name)) if !is_local(name) => ZoneSource::TimeZoneField(name.clone()),
        _ => ZoneSource::ControllerLocal,
    };
    view.zone = zone.name().to_owned();
    view.zone_source = match &source {
        ZoneSource::TimeZoneField(_) => "spec.timeZone".to_owned(),
        ZoneSource::Prefix(_) => "the TZ= prefix of the schedule".to_owned(),
        ZoneSource::ControllerLocal => view.zone_source.clone(),
    };
    let explanation = explain(&parsed, zone, &source, now);
    view.summary = Some(explanation.summary);
    view.fields = explanation
        .fields
        .into_iter()
        .map(|f| ScheduleField {
            field: f.field.label(),
            text: f.text,
            meaning: f.meaning,
            allowed: f.allowed,
        })
        .collect();
    view.warnings = explanation
        .warnings
        .into_iter()
        .map(|w| (w.code, w.message))
        .collect();
    let mut evaluator = Evaluator::new(parsed.schedule, parsed.location, Zone::Utc);
    let (times, stop) = evaluator.upcoming(now, RUN_COUNT);
    view.runs = times
        .iter()
        .map(|t| Run {
            in_zone: format_readable(*t, zone),
            in_viewer: format_readable(*t, viewer_zone),
            rfc3339: format_rfc3339(*t, zone),
        })
        .collect();
    view.runs_end = match stop {
        Some(NextTime::Never) => {
            Some("No further run: robfig/cron finds nothing within five years.".to_owned())
        }
        Some(NextTime::Runaway) => {
            Some("No further run: robfig/cron's search does not end on this schedule.".to_owned())
        }
        _ => None,
    };
    Some(view)
}

/// The "why didn't it run?" form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhyInput {
    /// `metadata.creationTimestamp` (RFC 3339), used when there is no lastScheduleTime.
    pub created: String,
    /// `status.lastScheduleTime` (RFC 3339), may be empty.
    pub last_schedule: String,
    /// The moment to decide at (RFC 3339).
    pub now: String,
    /// A pasted CronJob, or its status, as YAML or JSON (`kubectl get cronjob x -o yaml`);
    /// fills the fields left empty.
    pub pasted: String,
}

/// An event the controller records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhyEvent {
    pub warning: bool,
    pub reason: &'static str,
    pub message: String,
}

/// What one sync of the controller decides, in words and in parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhyReport {
    /// One or two sentences: what the controller does now and why.
    pub verdict: String,
    /// The Job it creates now and the run it is for.
    pub creates: Option<(String, String)>,
    /// The most recent run that was due and not yet started.
    pub most_recent: Option<String>,
    /// `none`, `few`, `many`.
    pub missed: &'static str,
    pub events: Vec<WhyEvent>,
    /// When the controller looks at the CronJob again.
    pub next_sync: Option<String>,
    /// The inputs as read (created, last schedule, now), for the record.
    pub inputs: Vec<(&'static str, String)>,
    pub notes: Vec<String>,
}

/// Reads a timestamp field; empty means absent.
fn time_input(label: &str, text: &str) -> Result<Option<Instant>, String> {
    let text = text.trim().trim_matches(['"', '\'']);
    if text.is_empty() {
        return Ok(None);
    }
    parse_rfc3339(text).map(Some).ok_or_else(|| {
        format!("{label}: `{text}` is not an RFC 3339 time such as 2026-01-01T02:00:00Z")
    })
}

/// `status.lastScheduleTime` and `metadata.creationTimestamp` of a pasted object (or of a bare
/// status).
fn pasted_times(pasted: &str) -> (Option<String>, Option<String>) {
    let stream = parse_stream(pasted);
    let Some(value) = stream.documents.iter().find_map(|d| d.value.as_ref()) else {
        return (None, None);
    };
    if !matches!(value.kind, ValueKind::Map(_)) {
        return (None, None);
    }
    let text = |v: Option<&crate::yaml::Value>| v.and_then(|v| v.as_str()).map(str::to_owned);
    let last = text(
        value
            .get("status")
            .and_then(|s| s.get("lastScheduleTime"))
            .or_else(|| value.get("lastScheduleTime")),
    );
    let created = text(
        value
            .get("metadata")
            .and_then(|m| m.get("creationTimestamp"))
            .or_else(|| value.get("creationTimestamp")),
    );
    (last, created)
}

/// One sync of the CronJob controller for the panel's CronJob.
pub fn why_not_run(view: &ScheduleView, input: &WhyInput) -> Result<WhyReport, String> {
    let (pasted_last, pasted_created) = pasted_times(&input.pasted);
    let pick = |typed: &str, pasted: Option<String>| {
        if typed.trim().is_empty() {
            pasted.unwrap_or_default()
        } else {
            typed.to_owned()
        }
    };
    let last_schedule = time_input("lastScheduleTime", &pick(&input.last_schedule, pasted_last))?;
    let created = time_input("creationTimestamp", &pick(&input.created, pasted_created))?;
    let now = time_input("now", &input.now)?.ok_or("now: enter the moment to decide at")?;
    let created = match (created, last_schedule) {
        (Some(created), _) => created,
        // The controller reads lastScheduleTime first; creation matters only without it.
        (None, Some(last)) => last,
        (None, None) => {
            return Err(
                "enter status.lastScheduleTime, or the creation time if the CronJob never ran"
                    .to_owned(),
            );
        }
    };
    let input = SyncInput {
        name: &view.name,
        schedule: &view.schedule,
        time_zone: view.time_zone.as_deref(),
        times: CronJobTimes {
            created,
            last_schedule,
            starting_deadline_seconds: view.starting_deadline_seconds,
        },
        now,
        controller_zone: Zone::Utc,
    };
    let decision = sync_idle_cron_job(&input).map_err(|e| match e {
        SyncError::UnknownTimeZone(message) => message,
        SyncError::Unparseable(error) => error.message,
    })?;
    let zone = controller_evaluator(&view.schedule, view.time_zone.as_deref(), Zone::Utc)
        .map(|e| e.zone())
        .unwrap_or(Zone::Utc);
    let show = |t: Instant| format!("{} ({})", format_readable(t, zone), format_rfc3339(t, zone));
    let most_recent = decision.most_recent.and_then(|m| m.most_recent);
    let missed = decision.most_recent.map_or("none", |m| m.missed.as_str());
    let has = |reason: &str| decision.events.iter().any(|e| e.reason == reason);
    let verdict = if decision.endless {
        "The controller never finishes this sync: its catch-up loop does not end on this schedule, so no Job is ever created.".to_owned()
    } else if let (Some(t), Some(job)) = (decision.scheduled_time, &decision.job_name) {
        let late = now.nanos_since(t) / 1_000_000_000;
        format!(
            "It creates Job {job} now, for the run scheduled at {}{}.",
            show(t),
            if late > 0 {
                format!(", {late} s late")
            } else {
                String::new()
            }
        )
    } else if has("MissSchedule") {
        let t = most_recent.map(show).unwrap_or_default();
        format!(
            "It creates no Job: the most recent run ({t}) is more than startingDeadlineSeconds ({} s) in the past, so it is skipped.",
            view.starting_deadline_seconds.unwrap_or_default()
        )
    } else if has("InvalidSchedule") {
        "It creates no Job: the schedule cannot be evaluated (see the event).".to_owned()
    } else {
        let base = last_schedule.unwrap_or(created);
        let mut eval = controller_evaluator(&view.schedule, view.time_zone.as_deref(), Zone::Utc)
            .map_err(|e| e.message)?;
        // The last run due in (base, now], if any: bounded, as every loop here.
        let mut due = None;
        let mut t = base;
        for _ in 0..10_000 {
            match eval.next_go(t) {
                Ok(next) if !next.after(now) && !next.is_go_zero() => {
                    due = Some(next);
                    t = next;
                }
                _ => break,
            }
        }
        let next = eval.next_go(now).ok().filter(|t| !t.is_go_zero());
        let next_text = next.map_or_else(
            || "no further run is scheduled".to_owned(),
            |t| format!("the next run is due at {}", show(t)),
        );
        match (due, view.starting_deadline_seconds) {
            (Some(t), Some(deadline)) => format!(
                "It creates no Job: the run due at {} is more than startingDeadlineSeconds ({deadline} s) before now, and the controller looks back only that far, so the run is skipped without an event; {next_text}.",
                show(t)
            ),
            _ if last_schedule.is_some() => format!(
                "It creates no Job now: the last run (lastScheduleTime) was already started and no run is due since; {next_text}."
            ),
            _ => format!(
                "It creates no Job now: no run was due since the CronJob was created; {next_text}."
            ),
        }
    };
    let mut notes = vec![
        "Assumes the CronJob is not suspended and has no Job still running (with concurrencyPolicy Forbid or Replace, a running Job changes the outcome).".to_owned(),
    ];
    if view.suspended {
        notes.insert(
            0,
            "spec.suspend is true: the controller creates no Job at all until it is set to false."
                .to_owned(),
        );
    }
    if decision.too_many_missed_warning {
        notes.push("More than 100 runs were missed: the controller starts only the most recent one and records TooManyMissedTimes; set startingDeadlineSeconds to bound the catch-up.".to_owned());
    }
    Ok(WhyReport {
        verdict,
        creates: decision
            .scheduled_time
            .zip(decision.job_name.clone())
            .map(|(t, job)| (job, show(t))),
        most_recent: most_recent.map(show),
        missed,
        events: decision
            .events
            .iter()
            .map(|e| WhyEvent {
                warning: e.warning,
                reason: e.reason,
                message: e.message.clone(),
            })
            .collect(),
        next_sync: decision.next_sync_at.map(show),
        inputs: [
            ("lastScheduleTime", last_schedule.map(show)),
            ("creationTimestamp", Some(show(created))),
            ("now", Some(show(now))),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect(),
        notes,
    })
}

/// `now` as the form's default text (RFC 3339, UTC).
pub fn now_text(now: Instant) -> String {
    format_rfc3339(Instant::from_unix(now.unix), Zone::Utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};

    // 2026-03-06T00:00:00Z
    const NOW: Instant = Instant::from_unix(1_772_755_200);

    fn view(text: &str, viewer: &str) -> ScheduleView {
        let analysis = analyze(text, &Options::at(NOW));
        let object = analysis.documents[0]
            .manifest
            .as_ref()
            .and_then(|m| m.effective.as_ref())
            .unwrap();
        schedule_view(object, NOW, viewer).unwrap()
    }

    const BACKUP: &str = include_str!("../../public/examples/backup-cronjob.yaml");

    #[test]
    fn runs_in_both_zones_match_the_cli() {
        let view = view(BACKUP, "Europe/Berlin");
        assert_eq!(view.zone, "America/New_York");
        assert_eq!(view.zone_source, "spec.timeZone");
        assert_eq!(view.runs.len(), RUN_COUNT);
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

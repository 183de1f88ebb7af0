//! The Schedule panel of the editor page for one CronJob: the schedule report as the panel
//! shows it (the explanation, the fields, the warnings, the next runs in the schedule's zone and
//! in the viewer's). Like the CLI, kube-controller-manager's own zone (a CronJob without
//! `timeZone`) is taken to be UTC, which it is on practically every cluster; the panel says so.

use jobscope_api::manifest::object::Node;
use jobscope_cron::explain::ZoneSource;
use jobscope_cron::{Instant, NextTime, Zone};
use jobscope_golang::location::{LoadedLocation, load_location};
use jobscope_golang::time::{format_readable, format_rfc3339};

use crate::report::schedule_report;

/// How many upcoming runs the panel lists.
pub(crate) const RUN_COUNT: usize = 10;

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
    pub(crate) name: String,
    pub schedule: String,
    pub(crate) time_zone: Option<String>,
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
    pub(crate) starting_deadline_seconds: Option<i64>,
}

/// The viewer's zone from its IANA name (the browser's), UTC when unknown.
pub fn viewer_zone(name: &str) -> Zone {
    match load_location(name) {
        Ok(LoadedLocation::Zone(zone)) => zone,
        _ => Zone::Utc,
    }
}

/// The Schedule panel for a CronJob's effective object, at `now`, for a viewer in `viewer`.
/// kube-controller-manager's own zone is taken as UTC.
pub fn schedule_view(object: &Node, now: Instant, viewer: &str) -> Option<ScheduleView> {
    let spec = object.get("spec")?;
    let schedule = spec.get("schedule").and_then(Node::as_str)?;
    let time_zone = spec.get("timeZone").and_then(Node::as_str);
    let name = object
        .at(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("cronjob")
        .to_owned();
    let viewer_zone = viewer_zone(viewer);
    let report = schedule_report(schedule, time_zone, Zone::Utc, now);
    let mut view = ScheduleView {
        name,
        schedule: report.schedule.clone(),
        time_zone: report.time_zone.clone(),
        zone: "UTC".to_owned(),
        zone_source: "kube-controller-manager's time zone, taken as UTC".to_owned(),
        viewer_zone: viewer_zone.name().to_owned(),
        summary: None,
        fields: Vec::new(),
        warnings: Vec::new(),
        error: None,
        apiserver_errors: report.apiserver_errors,
        runs: Vec::new(),
        runs_end: None,
        suspended: spec.get("suspend").and_then(Node::as_bool) == Some(true),
        starting_deadline_seconds: spec.get("startingDeadlineSeconds").and_then(Node::as_i64),
    };
    let reading = match report.reading {
        Ok(reading) => reading,
        Err(error) => {
            view.error = Some(error);
            return Some(view);
        }
    };
    let zone = reading.zone;
    view.zone = zone.name().to_owned();
    view.zone_source = match &reading.source {
        ZoneSource::TimeZoneField(_) => "spec.timeZone".to_owned(),
        ZoneSource::Prefix(_) => "the TZ= prefix of the schedule".to_owned(),
        ZoneSource::ControllerLocal => view.zone_source.clone(),
    };
    let (times, stop) = reading.upcoming(now, RUN_COUNT);
    let explanation = reading.explanation;
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

/// `now` as the form's default text (RFC 3339, UTC).
pub fn now_text(now: Instant) -> String {
    format_rfc3339(Instant::from_unix(now.unix), Zone::Utc)
}

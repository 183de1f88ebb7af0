//! "Why didn't it run?": one sync of the CronJob controller for a CronJob with no Job running,
//! from its creation time, its `status.lastScheduleTime` and a moment to decide at. The CLI's
//! `missed` prints the decision; the Schedule panel puts it in sentences.

use jobscope_cron::controller::{
    CronJobTimes, SyncDecision, SyncInput, controller_evaluator, sync_idle_cron_job,
};
use jobscope_cron::{Instant, Zone};
use jobscope_golang::time::{format_readable, format_rfc3339, parse_rfc3339};
use jobscope_yaml::{ValueKind, parse_stream};

use crate::panel::ScheduleView;

/// One sync of the CronJob controller for a CronJob with no Job running: its decision and the
/// zone its instants are shown in; or the error that keeps it from evaluating the schedule.
pub fn controller_sync(input: &SyncInput<'_>) -> Result<(SyncDecision, Zone), String> {
    let decision = sync_idle_cron_job(input).map_err(|e| e.message())?;
    let zone = controller_evaluator(input.schedule, input.time_zone, input.controller_zone)
        .map(|e| e.zone())
        .unwrap_or(Zone::Utc);
    Ok((decision, zone))
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
    pub(crate) creates: Option<(String, String)>,
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
    let text = |v: Option<&jobscope_yaml::Value>| v.and_then(|v| v.as_str()).map(str::to_owned);
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
    let (decision, zone) = controller_sync(&input)?;
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

//! `jobscope next`, `explain` and `missed`: the schedule commands. Their JSON shapes are a
//! contract used by checks outside this repository; keep them stable.

use std::process::ExitCode;

use jobscope_analysis::schedule::{
    CronJobTimes, NextTime, SyncInput, controller_sync, next_runs, schedule_report,
};
use jobscope_analysis::{Instant, format_rfc3339, format_rfc3339_nano};
use serde_json::{Value, json};

use crate::cli::{ExplainArgs, Format, MissedArgs, NextArgs};
use crate::common::{now, write_err, write_json, write_out};

/// The most fire times `next` lists in one call.
pub const MAX_COUNT: u64 = 1_000_000;

fn fail(format: Format, message: &str) -> ExitCode {
    match format {
        Format::Json => write_json(&json!({ "error": message })),
        Format::Text => write_err(&format!("error: {message}\n")),
    }
    ExitCode::from(1)
}

pub fn next(args: NextArgs) -> ExitCode {
    let options = args.schedule;
    let schedule = options.schedule.clone();
    let from = args.from.unwrap_or_else(now);
    let count = args.count;
    let (times, zone, stop) = match next_runs(
        &schedule,
        options.time_zone.as_deref(),
        options.controller_time_zone,
        from,
        count as usize,
    ) {
        Ok(runs) => runs,
        Err(message) => return fail(options.format, &message),
    };
    let formatted: Vec<String> = times.iter().map(|t| format_rfc3339(*t, zone)).collect();
    let exhausted = stop.is_some();
    match options.format {
        Format::Json => write_json(&json!({
            "schedule": schedule,
            "timeZone": options.time_zone,
            "times": formatted,
            "exhausted": exhausted,
        })),
        Format::Text => {
            let mut out = String::new();
            for time in &formatted {
                out.push_str(time);
                out.push('\n');
            }
            write_out(&out);
            match stop {
                Some(NextTime::Never) => {
                    write_err("no further run: robfig/cron finds nothing within five years\n")
                }
                Some(NextTime::Runaway) => write_err(
                    "no further run: robfig/cron's search does not end on this schedule\n",
                ),
                _ => {}
            }
        }
    }
    ExitCode::SUCCESS
}

pub fn explain(args: ExplainArgs) -> ExitCode {
    let options = args.schedule;
    let schedule = options.schedule.clone();
    let time_zone = options.time_zone.clone();
    let now = args.now.unwrap_or_else(now);

    let report = schedule_report(
        &schedule,
        time_zone.as_deref(),
        options.controller_time_zone,
        now,
    );
    let accepted = report.accepted();
    let mut result = json!({
        "kubernetesVersion": args.version.kubernetes_version.name(),
        "schedule": schedule,
        "timeZone": time_zone,
        "description": Value::Null,
        "fields": [],
        "warnings": [],
        "next": [],
        "apiserver": { "accepted": accepted, "errors": report.apiserver_errors },
    });
    match &report.reading {
        Err((message, help)) => {
            result["error"] = json!({ "message": message, "help": help });
        }
        Ok(reading) => {
            let explanation = &reading.explanation;
            let (upcoming, _) = reading.upcoming(now, 5);
            result["description"] = json!(explanation.summary);
            result["fields"] = Value::Array(
                explanation
                    .fields
                    .iter()
                    .map(|f| json!({"field": f.field.label(), "text": f.text, "meaning": f.meaning, "allowed": f.allowed}))
                    .collect(),
            );
            result["warnings"] = Value::Array(
                explanation
                    .warnings
                    .iter()
                    .map(|w| json!({"code": w.code, "message": w.message}))
                    .collect(),
            );
            result["next"] = Value::Array(
                upcoming
                    .iter()
                    .map(|t| json!(format_rfc3339(*t, reading.zone)))
                    .collect(),
            );
        }
    }
    match options.format {
        Format::Json => write_json(&result),
        Format::Text => write_out(&explain_text(&result)),
    }
    if accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn explain_text(result: &Value) -> String {
    let mut out = String::new();
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    if let Some(description) = result["description"].as_str() {
        out.push_str(&format!("{description}\n"));
    }
    if let Some(error) = result.get("error") {
        out.push_str(&format!("error: {}\n", text(&error["message"])));
        if let Some(help) = error["help"].as_str() {
            out.push_str(&format!("  help: {help}\n"));
        }
    }
    for field in result["fields"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "  {:<13} {:<10} {}  (allowed: {})\n",
            text(&field["field"]),
            text(&field["text"]),
            text(&field["meaning"]),
            text(&field["allowed"])
        ));
    }
    for warning in result["warnings"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "warning[{}]: {}\n",
            text(&warning["code"]),
            text(&warning["message"])
        ));
    }
    let next: Vec<String> = result["next"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    if !next.is_empty() {
        out.push_str(&format!("next: {}\n", next.join(", ")));
    }
    let apiserver = format!("apiserver ({}):", text(&result["kubernetesVersion"]));
    if result["apiserver"]["accepted"].as_bool() == Some(true) {
        out.push_str(&format!("{apiserver} accepted on create\n"));
    } else {
        for error in result["apiserver"]["errors"]
            .as_array()
            .into_iter()
            .flatten()
        {
            out.push_str(&format!("{apiserver} {}\n", text(error)));
        }
    }
    out
}

pub fn missed(args: MissedArgs) -> ExitCode {
    let version = args.version.kubernetes_version;
    let options = args.schedule;
    let schedule = options.schedule.clone();
    let (created, now, name) = (args.created, args.now, args.name);
    let (last_schedule, deadline) = (args.last_schedule, args.starting_deadline_seconds);
    let input = SyncInput {
        name: &name,
        schedule: &schedule,
        time_zone: options.time_zone.as_deref(),
        times: CronJobTimes {
            created,
            last_schedule,
            starting_deadline_seconds: deadline,
        },
        now,
        controller_zone: options.controller_time_zone,
    };
    let (decision, zone) = match controller_sync(&input) {
        Ok(sync) => sync,
        Err(message) => return fail(options.format, &message),
    };
    let time = |t: Option<Instant>| t.map(|t| format_rfc3339(t, zone));
    let most_recent = decision.most_recent;
    let result = json!({
        "kubernetesVersion": version.name(),
        "mostRecent": time(most_recent.and_then(|m| m.most_recent)),
        "missed": most_recent.map_or("none", |m| m.missed.as_str()),
        "approxMissedCount": most_recent.and_then(|m| m.approx_missed),
        "scheduledTime": time(decision.scheduled_time),
        "tooManyMissedWarning": decision.too_many_missed_warning,
        "nextSyncAt": decision.next_sync_at.map(|t| format_rfc3339_nano(t, zone)),
        "jobName": decision.job_name,
        "endless": decision.endless,
        "events": decision.events.iter().map(|e| json!({
            "type": if e.warning { "Warning" } else { "Normal" },
            "reason": e.reason,
            "message": e.message,
        })).collect::<Vec<_>>(),
    });
    match options.format {
        Format::Json => write_json(&result),
        Format::Text => {
            let mut out = format!("the CronJob controller of Kubernetes {version}\n");
            match decision.scheduled_time {
                Some(t) => out.push_str(&format!(
                    "creates Job {} for the run scheduled at {}\n",
                    decision.job_name.as_deref().unwrap_or_default(),
                    format_rfc3339(t, zone)
                )),
                None => out.push_str("creates no Job now\n"),
            }
            if let Some(m) = most_recent {
                out.push_str(&format!(
                    "most recent unmet run: {}; missed: {}{}\n",
                    time(m.most_recent).unwrap_or_else(|| "none".to_owned()),
                    m.missed.as_str(),
                    m.approx_missed
                        .map(|n| format!(" (about {n})"))
                        .unwrap_or_default()
                ));
            }
            for event in &decision.events {
                out.push_str(&format!(
                    "event {} {}: {}\n",
                    if event.warning { "Warning" } else { "Normal" },
                    event.reason,
                    event.message
                ));
            }
            match decision.next_sync_at {
                Some(t) => out.push_str(&format!(
                    "looks again at {}\n",
                    format_rfc3339_nano(t, zone)
                )),
                None if decision.endless => {
                    out.push_str("never returns: its catch-up loop does not end\n")
                }
                None => out.push_str("does not requeue the CronJob until its spec changes\n"),
            }
            write_out(&out);
        }
    }
    ExitCode::SUCCESS
}

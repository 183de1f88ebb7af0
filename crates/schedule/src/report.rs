//! The schedule report every consumer starts from: what the apiserver says about `schedule` and
//! `timeZone` on create, what the controller parses (`timeZone` becomes a `TZ=` prefix), the zone
//! it evaluates in and where that zone comes from, the explanation and the upcoming runs. The
//! Schedule panel, the CLI's `explain` and `next`, and lint's schedule rules read this one
//! report, so they cannot drift apart.

use jobscope_api::validate::schedule::{schedule_errors, time_zone_errors};
use jobscope_cron::controller::{controller_evaluator, controller_schedule_text, is_local};
use jobscope_cron::explain::{Explanation, ZoneSource, error_help, explain};
use jobscope_cron::{Evaluator, Instant, NextTime, ParsedSchedule, ScheduleLocation, Zone};
use jobscope_golang::location::load_location;

/// A CronJob's schedule, read the way the apiserver and the controller read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleReport {
    /// `spec.schedule` as written.
    pub(crate) schedule: String,
    /// `spec.timeZone` as written.
    pub time_zone: Option<String>,
    /// What the apiserver reports about `schedule` and `timeZone` on create (full messages).
    pub apiserver_errors: Vec<String>,
    /// What the controller makes of it: its reading, or why it cannot read it (the message and
    /// our help).
    pub reading: Result<Reading, (String, Option<String>)>,
}

/// A schedule the controller can evaluate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub parsed: ParsedSchedule,
    /// The zone its runs are computed in.
    pub zone: Zone,
    /// Where that zone comes from.
    pub(crate) source: ZoneSource,
    pub explanation: Explanation,
    /// kube-controller-manager's own zone (for a schedule without `timeZone`).
    controller_zone: Zone,
}

impl Reading {
    /// The first `count` runs after `from`, and why the list ends early, if it does.
    pub fn upcoming(&self, from: Instant, count: usize) -> (Vec<Instant>, Option<NextTime>) {
        Evaluator::new(
            self.parsed.schedule.clone(),
            self.parsed.location,
            self.controller_zone,
        )
        .upcoming(from, count)
    }
}

impl ScheduleReport {
    /// Whether the apiserver accepts `schedule` and `timeZone` on create.
    pub fn accepted(&self) -> bool {
        self.apiserver_errors.is_empty()
    }
}

/// The report for `schedule` in `time_zone`, with kube-controller-manager running in
/// `controller_zone`, explained as of `now`.
pub fn schedule_report(
    schedule: &str,
    time_zone: Option<&str>,
    controller_zone: Zone,
    now: Instant,
) -> ScheduleReport {
    let mut apiserver_errors: Vec<String> = schedule_errors(schedule, "spec.schedule")
        .iter()
        .map(|e| e.message())
        .collect();
    apiserver_errors.extend(
        time_zone_errors(time_zone, "spec.timeZone")
            .iter()
            .map(|e| e.message()),
    );
    ScheduleReport {
        schedule: schedule.to_owned(),
        time_zone: time_zone.map(str::to_owned),
        apiserver_errors,
        reading: read(schedule, time_zone, controller_zone, now),
    }
}

fn read(
    schedule: &str,
    time_zone: Option<&str>,
    controller_zone: Zone,
    now: Instant,
) -> Result<Reading, (String, Option<String>)> {
    if let Some(name) = time_zone {
        load_location(name).map_err(|message| (message, None))?;
    }
    let controller_text = controller_schedule_text(schedule, time_zone);
    let parsed = jobscope_cron::parse_standard(&controller_text).map_err(|error| {
        let help = error_help(&error, &controller_text);
        (error.message, help)
    })?;
    let zone = match parsed.location {
        ScheduleLocation::Zone(zone) => zone,
        ScheduleLocation::Local => controller_zone,
    };
    // The controller turns `timeZone` into a prefix too; only the user's own counts as one.
    let source = match (&parsed.tz_prefix, time_zone) {
        (Some((name, _)), _) if schedule.contains("TZ") => ZoneSource::Prefix(name.clone()),
        (_, Some(name)) if !is_local(name) => ZoneSource::TimeZoneField(name.to_owned()),
        _ => ZoneSource::ControllerLocal,
    };
    let explanation = explain(&parsed, zone, &source, now);
    Ok(Reading {
        parsed,
        zone,
        source,
        explanation,
        controller_zone,
    })
}

/// The next `count` fire times after `from`, exactly as the controller computes them, in the
/// zone they are computed in, and why the list ends early (`Never`, `Runaway`), if it does; or
/// the error that keeps the controller from evaluating the schedule.
pub fn next_runs(
    schedule: &str,
    time_zone: Option<&str>,
    controller_zone: Zone,
    from: Instant,
    count: usize,
) -> Result<(Vec<Instant>, Zone, Option<NextTime>), String> {
    if let Some(name) = time_zone {
        load_location(name)?;
    }
    let mut evaluator =
        controller_evaluator(schedule, time_zone, controller_zone).map_err(|e| e.message)?;
    let (times, stop) = evaluator.upcoming(from, count);
    Ok((times, evaluator.zone(), stop))
}

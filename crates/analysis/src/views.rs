//! The visualizations: schedule timeline, concurrency diagram, simulation player. Computed on
//! demand from a document's report; the diagrams come as `Scene`s (drawn by the page, painted
//! by the PNG export) and as SVG / Mermaid text for the downloads.
//!
//! What needs the simulation (the concurrency diagram's runs, the player's recording, scenario
//! files) is behind the `simulation` feature: the page's main bundle builds without it and
//! gets those views from the worker (`crate::worker`) as `jobscope_playback` data.

use crate::{Analysis, DocumentReport, DocumentStatus, Instant, Zone};
#[cfg(feature = "simulation")]
use crate::{Diagnostic, KubernetesVersion, Options, Severity, Source, Span, analyze};

pub use jobscope_playback::frame::{MAX_FRAME_EVENTS, MAX_FRAME_JOBS, MAX_FRAME_PODS};
pub use jobscope_playback::{
    AlertRow, Concurrency, EVICTION_IGNORING_SIGTERM, EventRow, Frame, JobRow, Outcome, PRESETS,
    PlayerInput, PodRow, PodState, Policy, PolicyLane, PolicyRun, Preset, Summary,
    concurrency_mermaid, concurrency_scene, human_seconds, preset,
};
pub use jobscope_scene::geometry::{
    Axis, LABEL as CHART_LABEL, WIDTH as DEFAULT_CHART_WIDTH, layout_width,
};
pub use jobscope_scene::{
    Anchor, Bounds, Item, Paint, Scene, escape, marker_path, polyline_points,
};
#[cfg(feature = "simulation")]
pub(crate) use jobscope_sim::scenario::Scenario;
#[cfg(feature = "simulation")]
pub use jobscope_sim::{Simulation, Subject};
#[cfg(feature = "simulation")]
pub use jobscope_sim_views::player::{Recorder, Recording, alert_expression, alert_metric, record};
pub use jobscope_timeline::mermaid::timeline_mermaid;
pub use jobscope_timeline::svg::{dst_text, timeline_scene};
pub use jobscope_timeline::{
    LaneInput, MIN_VIEW_SECONDS, Span as TimelineSpan, Timeline, axis as timeline_axis,
    pan as pan_timeline, start_of_day, suggested_span, zoom as zoom_timeline,
};

/// The simulation presets that show a lint rule's trap (its documentation names them).
pub fn presets_for_rule(code: &str) -> impl Iterator<Item = &'static Preset> + '_ {
    PRESETS
        .iter()
        .filter(move |preset| preset.rule == Some(code))
}

/// A zone by IANA name, UTC when the name is unknown (the viewer's zone from the browser).
pub fn zone_named(name: &str) -> Zone {
    jobscope_schedule::viewer_zone(name)
}

/// One timeline lane per CronJob document, in file order, each run lasting `duration_seconds`
/// when given.
pub fn timeline_lanes(analysis: &Analysis, duration_seconds: Option<i64>) -> Vec<LaneInput> {
    analysis
        .documents
        .iter()
        .filter(|d| d.status == DocumentStatus::CronJob)
        .filter_map(|d| {
            let object = d.manifest.as_ref()?.effective.as_ref()?;
            let schedule = object.at(&["spec", "schedule"])?.as_str()?.to_owned();
            Some(LaneInput {
                name: d
                    .name
                    .clone()
                    .unwrap_or_else(|| format!("document {}", d.index + 1)),
                schedule,
                time_zone: object
                    .at(&["spec", "timeZone"])
                    .and_then(|n| n.as_str())
                    .map(str::to_owned),
                suspended: object
                    .at(&["spec", "suspend"])
                    .and_then(|n| n.as_bool())
                    .unwrap_or(false),
                duration_seconds,
            })
        })
        .collect()
}

/// Lays out `lanes` over the window `span` from `from`, labelled in the zone named `zone`.
pub fn timeline(lanes: &[LaneInput], from: Instant, span: TimelineSpan, zone: &str) -> Timeline {
    jobscope_timeline::layout(lanes, from, span, zone_named(zone))
}

/// The same over the part `view` of that window (seconds from `from`; `None`: all of it), as
/// [`zoom_timeline`] and [`pan_timeline`] move it.
pub fn timeline_view(
    lanes: &[LaneInput],
    from: Instant,
    span: TimelineSpan,
    view: Option<(i64, i64)>,
    zone: &str,
) -> Timeline {
    jobscope_timeline::layout_view(lanes, from, span, view, zone_named(zone))
}

/// The time between a CronJob document's next two runs from `now` (seconds, at least 1), as its
/// controller computes them: the concurrency diagram's job-duration slider is a share of it.
pub fn schedule_period(report: &DocumentReport, now: Instant) -> Option<i64> {
    if report.status != DocumentStatus::CronJob {
        return None;
    }
    let object = report.manifest.as_ref()?.effective.as_ref()?;
    let schedule = object.at(&["spec", "schedule"])?.as_str()?;
    let zone = object.at(&["spec", "timeZone"]).and_then(|n| n.as_str());
    let mut evaluator =
        jobscope_cron::controller::controller_evaluator(schedule, zone, Zone::Utc).ok()?;
    let jobscope_cron::NextTime::At(first) = evaluator.next(now) else {
        return None;
    };
    let jobscope_cron::NextTime::At(second) = evaluator.next(first) else {
        return None;
    };
    Some((second.unix - first.unix).max(1))
}

/// What the simulation of a Job or CronJob document runs on: its model and its text as
/// written, once the apiserver would accept it (else its errors).
#[cfg(feature = "simulation")]
fn subject(report: &DocumentReport) -> Result<Subject<'_>, Vec<Diagnostic>> {
    let errors: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    match (&report.manifest, &report.value) {
        (Some(manifest), Some(object)) => Ok(Subject { manifest, object }),
        _ => Err(vec![Diagnostic::new(
            "scenario.manifest",
            Severity::Error,
            Source::Jobscope,
            Span::new(0, 0),
            "the manifest could not be read",
        )]),
    }
}

/// The concurrency diagram of the CronJob document `report`.
#[cfg(feature = "simulation")]
pub fn concurrency_view(
    report: &DocumentReport,
    start: Instant,
    duration_seconds: i64,
    runs: usize,
) -> Result<Concurrency, String> {
    subject(report)
        .and_then(|subject| {
            jobscope_sim_views::concurrency::concurrency(subject, start, duration_seconds, runs)
        })
        .map_err(|problems| first_message(&problems))
}

/// A simulation of the Job or CronJob document `report`, ready to be stepped.
#[cfg(feature = "simulation")]
pub fn start_simulation(
    report: &DocumentReport,
    input: &PlayerInput,
) -> Result<Simulation, String> {
    subject(report)
        .and_then(|subject| Simulation::new(&jobscope_sim_views::player::scenario(input), subject))
        .map_err(|problems| first_message(&problems))
}

/// The simulation a scenario file describes: its manifest analysed (apiserver rules only, as at
/// the scenario's start, by an apiserver of `version`), the Job or CronJob it names (or its only
/// one) chosen.
#[cfg(feature = "simulation")]
pub fn simulation(
    scenario: &Scenario,
    version: KubernetesVersion,
) -> Result<Simulation, Vec<Diagnostic>> {
    let options = Options {
        lint: false,
        kubernetes_version: version,
        ..Options::at(jobscope_sim::model::instant(scenario.start))
    };
    let analysis = analyze(&scenario.manifest, &options);
    let batch: Vec<&DocumentReport> = analysis
        .documents
        .iter()
        .filter(|d| matches!(d.status, DocumentStatus::Job | DocumentStatus::CronJob))
        .filter(|d| {
            scenario
                .document
                .as_ref()
                .is_none_or(|name| d.name.as_ref() == Some(name))
        })
        .collect();
    let [document] = batch.as_slice() else {
        return Err(vec![Diagnostic::new(
            "scenario.manifest",
            Severity::Error,
            Source::Jobscope,
            Span::new(0, 0),
            match &scenario.document {
                Some(name) => format!("the manifest has no batch/v1 Job or CronJob named {name:?}"),
                None => format!(
                    "the manifest must hold exactly one batch/v1 Job or CronJob (found {}); name one with `document:`",
                    batch.len()
                ),
            },
        )]);
    };
    Simulation::new(scenario, subject(document)?)
}

#[cfg(feature = "simulation")]
fn first_message(problems: &[Diagnostic]) -> String {
    problems
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_else(|| "the simulation could not start".to_owned())
}

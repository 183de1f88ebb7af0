//! `jobscope render timeline|concurrency|simulation FILE`: the page's diagrams as files for
//! docs built in CI. Each is computed and drawn by the same façade calls as the page's view,
//! with the page's defaults, and written by the same `Scene::to_svg` and Mermaid functions as
//! its download buttons:
//!
//! - timeline: every CronJob's lane over the window from the start of the day, in the first
//!   CronJob's zone (UTC without one); runs as marks unless `--job-duration`;
//! - concurrency: the CronJob's next 12 runs under each policy, each job lasting 1.5 times the
//!   schedule's period (the page's slider at 150%) unless `--job-duration`;
//! - simulation: the player's Gantt chart at the end of the run, with the page's pod model as
//!   the options change it (as `jobscope simulate` takes them). The simulation has no Mermaid
//!   form in the page either.

use std::process::ExitCode;

use jobscope_analysis::{
    DEFAULT_CHART_WIDTH, DocumentStatus, Instant, Options, TimelineSpan, concurrency_mermaid,
    concurrency_scene, concurrency_view, record, schedule_period, start_of_day, suggested_span,
    timeline, timeline_lanes, timeline_mermaid, timeline_scene, zone_named,
};

use crate::cli::{Diagram, DiagramFormat, RenderArgs, Window, usage_error};
use crate::common::{duration_millis, now, unreadable, write_err, write_out};
use crate::simulate_cmd::{Problem, analyze_all, manifest_simulation, pick_document};

/// Scheduled runs per concurrency diagram (the page's `RUNS`).
const CONCURRENCY_RUNS: usize = 12;

/// The page's job-duration slider starts at 150% of the schedule's period.
const CONCURRENCY_SHARE_PERCENT: i64 = 150;

pub fn render(args: RenderArgs) -> ExitCode {
    let path = args.path.display().to_string();
    let text = if path == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            return unreadable("-", &e);
        }
        text
    } else {
        match std::fs::read_to_string(&args.path) {
            Ok(text) => text,
            Err(e) => return unreadable(&path, &e),
        }
    };
    let job_duration = match args
        .job_duration
        .as_deref()
        .map(|d| duration_millis("--job-duration", d).map(|ms| (ms / 1000).max(1)))
    {
        Some(Err(message)) => return usage_error(message),
        Some(Ok(seconds)) => Some(seconds),
        None => None,
    };
    let drawn = match args.diagram {
        Diagram::Timeline => draw_timeline(&text, &args, job_duration),
        Diagram::Concurrency => draw_concurrency(&text, &args, job_duration),
        Diagram::Simulation => draw_simulation(&text, &args),
    };
    let output = match drawn {
        Ok(output) => output,
        Err(Problem::Usage(message)) => return usage_error(message),
        Err(Problem::Input(message)) => {
            write_err(&format!("{path}: error: {message}\n"));
            return ExitCode::from(1);
        }
    };
    match &args.output {
        Some(out) => {
            if let Err(e) = std::fs::write(out, output) {
                write_err(&format!("jobscope: {}: {e}\n", out.display()));
                return ExitCode::from(1);
            }
        }
        None => write_out(&output),
    }
    ExitCode::SUCCESS
}

/// What the diagrams analyse with: the apiserver's rules (no lint) of the chosen version.
fn diagram_options(args: &RenderArgs, now: Instant) -> Options {
    Options {
        lint: false,
        kubernetes_version: args.version.kubernetes_version,
        ..Options::at(now)
    }
}

fn draw_timeline(
    text: &str,
    args: &RenderArgs,
    job_duration: Option<i64>,
) -> Result<String, Problem> {
    let now = args.now.unwrap_or_else(now);
    let options = diagram_options(args, now);
    let analysis = jobscope_analysis::Analysis {
        documents: analyze_all(text, &options),
        file_diagnostics: Vec::new(),
    };
    let lanes = timeline_lanes(&analysis, job_duration);
    let Some(first) = lanes.first() else {
        return Err(Problem::Input(
            "the timeline shows CronJobs, and this file has none with a schedule".to_owned(),
        ));
    };
    let zone = args
        .zone
        .clone()
        .or_else(|| first.time_zone.clone())
        .unwrap_or_else(|| "UTC".to_owned());
    let from = start_of_day(now, zone_named(&zone));
    let span = match args.window {
        Some(Window::Day) => TimelineSpan::Day,
        Some(Window::Week) => TimelineSpan::Week,
        Some(Window::Month) => TimelineSpan::Month,
        Some(Window::Year) => TimelineSpan::Year,
        None => suggested_span(&lanes, from),
    };
    let laid = timeline(&lanes, from, span, &zone);
    Ok(match args.format {
        DiagramFormat::Svg => timeline_scene(&laid, DEFAULT_CHART_WIDTH).to_svg(),
        DiagramFormat::Mermaid => timeline_mermaid(&laid),
    })
}

fn draw_concurrency(
    text: &str,
    args: &RenderArgs,
    job_duration: Option<i64>,
) -> Result<String, Problem> {
    let now = args.now.unwrap_or_else(now);
    let options = diagram_options(args, now);
    let reports = analyze_all(text, &options);
    let report = pick_document(&reports, args.model.document.as_deref(), |d| {
        d.status == DocumentStatus::CronJob
    })
    .map_err(Problem::Input)?;
    let seconds = job_duration.unwrap_or_else(|| {
        schedule_period(report, now)
            .map(|p| (p * CONCURRENCY_SHARE_PERCENT / 100).max(1))
            .unwrap_or(60)
    });
    let diagram =
        concurrency_view(report, now, seconds, CONCURRENCY_RUNS).map_err(Problem::Input)?;
    Ok(match args.format {
        DiagramFormat::Svg => concurrency_scene(&diagram, DEFAULT_CHART_WIDTH).to_svg(),
        DiagramFormat::Mermaid => concurrency_mermaid(&diagram),
    })
}

fn draw_simulation(text: &str, args: &RenderArgs) -> Result<String, Problem> {
    if args.format == DiagramFormat::Mermaid {
        return Err(Problem::Usage(
            "the simulation is drawn as SVG only (the page has no Mermaid form of it either)"
                .to_owned(),
        ));
    }
    let mut model = args.model.clone();
    model.start = model.start.or(args.now);
    let mut sim = manifest_simulation(text, &model, args.version.kubernetes_version)?;
    sim.run_to_end();
    let recording = record(&sim);
    let end = recording.summary().shown_end;
    Ok(recording.frame(end, DEFAULT_CHART_WIDTH).gantt.to_svg())
}

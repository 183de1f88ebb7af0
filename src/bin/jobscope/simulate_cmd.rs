//! `jobscope simulate FILE`: runs the controller simulation and prints the result. FILE is a
//! scenario (README: its format), or a manifest simulated with the page's pod model
//! (`PlayerInput::for_kind`, the player's form before it is touched) as the options change it.
//! The JSON shape is a contract used outside this repository (see README).

use std::io::Write;
use std::process::ExitCode;

use jobscope_analysis::simulation::{
    Job, Ms, Phase, Pod, Simulation, instant, is_scenario, parse_scenario,
};
use jobscope_analysis::{
    Diagnostic, DocumentReport, DocumentStatus, InOrder, Instant, KubernetesVersion, LineIndex,
    Options, PlayerInput, Zone, analyze_each, format_rfc3339, format_rfc3339_nano,
    start_simulation,
};
use serde_json::{Value, json};

use crate::cli::{Format, PodModelArgs, SimulateArgs, usage_error};
use crate::common::{duration_millis, now, unreadable, write_err, write_out};

/// Exact time (fractions of a second when there are any).
fn time(t: Ms) -> Value {
    Value::String(format_rfc3339_nano(instant(t), Zone::Utc))
}

fn opt_time(t: Option<Ms>) -> Value {
    t.map_or(Value::Null, time)
}

/// A time stored in an API status: whole seconds.
fn api_time(t: Option<Ms>) -> Value {
    t.map_or(Value::Null, |t| {
        Value::String(format_rfc3339(instant(t), Zone::Utc))
    })
}

fn report_problems(path: &str, text: &str, problems: &[Diagnostic]) {
    let lines = LineIndex::new(text);
    for problem in problems {
        let (line, column) = lines.line_col(text, problem.span.start);
        write_err(&format!(
            "{path}:{line}:{column}: error: {}\n",
            problem.message
        ));
    }
}

pub fn simulate(args: SimulateArgs) -> ExitCode {
    let path = args.path.display().to_string();
    let version = args.version.kubernetes_version;
    let read = if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map(|_| text)
    } else {
        std::fs::read_to_string(&args.path)
    };
    let text = match read {
        Ok(text) => text,
        Err(e) => return unreadable(&path, &e),
    };
    let mut sim = if !is_scenario(&text) {
        match manifest_simulation(&text, &args.model, version) {
            Ok(sim) => sim,
            Err(Problem::Usage(message)) => return usage_error(message),
            Err(Problem::Input(message)) => {
                write_err(&format!("{path}: error: {message}\n"));
                return ExitCode::from(1);
            }
        }
    } else {
        if args.model.is_set() {
            return usage_error(format!(
                "{path} is a scenario file: its pod model and run length are in it (the \
                 --document, --until, --run-for, --fail-first, --exit-code, --seed and --start \
                 options apply to a manifest)"
            ));
        }
        match scenario_simulation(&path, &text, version) {
            Ok(sim) => sim,
            Err(code) => return code,
        }
    };
    sim.run_to_end();
    match args.format {
        Format::Json => {
            // Written as it is built: a month of a minutely CronJob is ~300 MB of JSON, and
            // building it as one `Value` first took 5 GB of memory.
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            // A closed pipe (`| head`) ends the output quietly, as `write_out` does.
            let metrics = !args.no_metrics;
            let _ = write_json_stream(&sim, version, metrics, &mut out).and_then(|()| out.flush());
        }
        Format::Text => write_out(&format!(
            "Kubernetes {version} (its Job, CronJob and TTL controllers)\n\n{}",
            to_text(&sim)
        )),
    }
    ExitCode::SUCCESS
}

/// The simulation a scenario file describes (its problems reported; the exit code then).
fn scenario_simulation(
    path: &str,
    text: &str,
    version: KubernetesVersion,
) -> Result<Simulation, ExitCode> {
    let mut scenario = match parse_scenario(text) {
        Ok(scenario) => scenario,
        Err(problems) => {
            report_problems(path, text, &problems);
            return Err(ExitCode::from(1));
        }
    };
    let mut manifest_path = path.to_owned();
    if let Some(file) = &scenario.manifest_file {
        let base = std::path::Path::new(path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let full = base.join(file);
        manifest_path = full.display().to_string();
        scenario.manifest = std::fs::read_to_string(&full)
            .map_err(|e| unreadable(&full.display().to_string(), &e))?;
    }
    jobscope_analysis::simulation(&scenario, version).map_err(|problems| {
        report_problems(&manifest_path, &scenario.manifest, &problems);
        ExitCode::from(1)
    })
}

/// Why a manifest cannot be simulated: the options (exit 2) or the manifest (exit 1).
pub enum Problem {
    Usage(String),
    Input(String),
}

/// The page's pod model (`PlayerInput::for_kind`) for the manifest's Job or CronJob, changed
/// by the options.
pub fn manifest_simulation(
    text: &str,
    model: &PodModelArgs,
    version: KubernetesVersion,
) -> Result<Simulation, Problem> {
    let start = model.start.unwrap_or_else(now);
    let options = Options {
        lint: false,
        kubernetes_version: version,
        ..Options::at(start)
    };
    let analysis = analyze_all(text, &options);
    let report = pick_document(&analysis, model.document.as_deref(), |d| {
        matches!(d.status, DocumentStatus::Job | DocumentStatus::CronJob)
    })
    .map_err(Problem::Input)?;
    let input = pod_model(model, report.status == DocumentStatus::CronJob, start)?;
    start_simulation(report, &input).map_err(Problem::Input)
}

/// Every document's report, without the page's limit (a manifest given to `simulate` or
/// `render`).
pub fn analyze_all(text: &str, options: &Options) -> Vec<DocumentReport> {
    let mut reports = Vec::new();
    let lines = LineIndex::new(text);
    analyze_each(
        text,
        &lines,
        options,
        &InOrder,
        |r| r,
        |report, _| {
            reports.push(report);
        },
    );
    reports
}

/// The document `--document` names (an index or a name) among those `wanted` accepts, or the
/// only one.
pub fn pick_document<'a>(
    reports: &'a [DocumentReport],
    chosen: Option<&str>,
    wanted: impl Fn(&DocumentReport) -> bool,
) -> Result<&'a DocumentReport, String> {
    let candidates: Vec<&DocumentReport> = reports.iter().filter(|d| wanted(d)).collect();
    match chosen {
        Some(chosen) => candidates
            .iter()
            .find(|d| {
                chosen.parse::<usize>().ok() == Some(d.index) || d.name.as_deref() == Some(chosen)
            })
            .copied()
            .ok_or_else(|| {
                format!(
                    "no document {chosen:?} of the right kind (give its 0-based index or its name)"
                )
            }),
        None => match candidates.as_slice() {
            [only] => Ok(only),
            [] => Err("the manifest has no batch/v1 Job or CronJob of the right kind".to_owned()),
            many => Err(format!(
                "the manifest has {} of them; choose one with --document (its 0-based index or its name)",
                many.len()
            )),
        },
    }
}

/// The player's form for a Job or CronJob, with the options' changes.
fn pod_model(model: &PodModelArgs, cronjob: bool, start: Instant) -> Result<PlayerInput, Problem> {
    let mut input = PlayerInput::for_kind(cronjob, start);
    let seconds = |option: &str, text: &str| {
        duration_millis(option, text)
            .map(|ms| ms / 1000)
            .map_err(Problem::Usage)
    };
    if let Some(until) = &model.until {
        input.duration_seconds = seconds("--until", until)?.max(1);
    }
    if let Some(run_for) = &model.run_for {
        let (low, high) = run_for.split_once("..").unwrap_or((run_for, run_for));
        input.run_min_seconds = seconds("--run-for", low)?;
        input.run_max_seconds = seconds("--run-for", high)?;
        if input.run_min_seconds > input.run_max_seconds {
            return Err(Problem::Usage(format!(
                "--run-for: `{run_for}`: the shortest run is longer than the longest"
            )));
        }
    }
    if let Some(n) = model.fail_first {
        input.failing_attempts = n;
    }
    if let Some(code) = model.exit_code {
        input.exit_code = code;
    }
    if let Some(seed) = model.seed {
        input.seed = seed;
    }
    Ok(input)
}

/// Writes `"key":[item,item,…]` with each item built and written on its own.
fn write_list<W: Write, T>(
    out: &mut W,
    key: &str,
    items: impl IntoIterator<Item = T>,
    to_value: impl Fn(T) -> Value,
) -> std::io::Result<()> {
    write!(out, "{}:[", Value::from(key))?;
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &to_value(item))?;
    }
    out.write_all(b"]")
}

/// The result as one line of JSON (the contract in the simulation issue), written item by item;
/// without `metrics` when they are not wanted (`--no-metrics`: the key is left out, so no reader
/// takes an empty list for a run without samples).
fn write_json_stream<W: Write>(
    sim: &Simulation,
    version: KubernetesVersion,
    metrics: bool,
    out: &mut W,
) -> std::io::Result<()> {
    write!(
        out,
        "{{\"kubernetesVersion\":{},\"stoppedBecause\":{},",
        Value::from(version.name()),
        Value::from(sim.stopped().map_or("until", |s| s.as_str()))
    )?;
    write_list(out, "jobs", sim.jobs(), job_json)?;
    out.write_all(b",")?;
    write_list(out, "pods", sim.pods(), |pod| pod_json(sim, pod))?;
    out.write_all(b",")?;
    write_list(out, "events", sim.events(), |e| {
        json!({
            "time": time(e.time),
            "object": sim.object_name(e.object),
            "type": if e.warning { "Warning" } else { "Normal" },
            "reason": e.reason,
            "message": sim.message_text(&e.message),
        })
    })?;
    let cron = sim.cron().as_ref().map_or(Value::Null, |c| {
        json!({
            "lastScheduleTime": api_time(c.status.last_schedule_time),
            "lastSuccessfulTime": api_time(c.status.last_successful_time),
            "active": c.status.active.iter().map(|&j| sim.jobs()[j].name.clone()).collect::<Vec<_>>(),
        })
    });
    out.write_all(b",\"cronJob\":")?;
    serde_json::to_writer(&mut *out, &cron)?;
    out.write_all(b",")?;
    if metrics {
        write_list(out, "metrics", sim.metrics(), |s| {
            let labels: serde_json::Map<String, Value> = s
                .labels
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::String(v.to_string())))
                .collect();
            json!({"time": time(s.time), "name": s.name, "labels": labels, "value": s.value})
        })?;
        out.write_all(b",")?;
    }
    write_list(
        out,
        "notes",
        sim.notes(),
        |n| json!({"time": time(n.time), "message": n.message}),
    )?;
    out.write_all(b"}\n")
}

fn job_json(job: &Job) -> Value {
    let status = &job.status;
    json!({
        "name": job.name,
        "createdAt": time(job.created),
        "scheduledTime": api_time(job.scheduled_time),
        "startTime": api_time(status.start_time),
        "completionTime": api_time(status.completion_time),
        "deletedAt": opt_time(job.deleted_at),
        "conditions": status.conditions.iter().map(|c| json!({
            "type": c.kind.as_str(),
            "status": if c.status { "True" } else { "False" },
            "reason": c.reason,
            "message": &*c.message,
            "lastTransitionTime": api_time(Some(c.time)),
        })).collect::<Vec<_>>(),
        "status": {
            "active": status.active,
            "ready": status.ready,
            "succeeded": status.succeeded,
            "failed": status.failed,
            "terminating": status.terminating,
            "completedIndexes": status.completed_indexes(),
            "failedIndexes": status.failed_indexes(),
        },
    })
}

fn pod_json(sim: &Simulation, pod: &Pod) -> Value {
    json!({
        "name": pod.name,
        "job": sim.jobs()[pod.job].name,
        "pod": pod.ordinal,
        "index": pod.index,
        "attempt": pod.attempt,
        "createdAt": time(pod.created),
        "startedAt": opt_time(pod.started),
        "finishedAt": opt_time(pod.finished),
        "phase": pod.phase.as_str(),
        "exitCode": pod.exit_code(),
        "restarts": pod.restarts(),
        "deletedAt": opt_time(pod.deletion.map(|(at, _)| at)),
        "containers": pod.containers.iter().map(|c| json!({
            "name": &*c.name,
            "exitCode": if pod.phase == Phase::Pending { None } else { c.terminated.map(|(code, _)| code) },
            "restarts": c.restarts,
        })).collect::<Vec<_>>(),
    })
}

fn to_text(sim: &Simulation) -> String {
    let mut out = String::new();
    let clock = |t: Ms| format_rfc3339_nano(instant(t), Zone::Utc);
    for event in sim.events() {
        out.push_str(&format!(
            "{}  {:<7} {:<22} {:<20} {}\n",
            clock(event.time),
            if event.warning { "Warning" } else { "Normal" },
            event.reason,
            sim.object_name(event.object),
            sim.message_text(&event.message)
        ));
    }
    for note in sim.notes() {
        out.push_str(&format!("{}  note: {}\n", clock(note.time), note.message));
    }
    out.push('\n');
    for job in sim.jobs() {
        let s = &job.status;
        let outcome = s.finished().map_or("running".to_owned(), |c| {
            format!("{} ({})", c.kind.as_str(), c.reason)
        });
        out.push_str(&format!(
            "Job/{}: {outcome}; active {} succeeded {} failed {}{}\n",
            job.name,
            s.active,
            s.succeeded,
            s.failed,
            job.deleted_at
                .map_or(String::new(), |t| format!("; deleted {}", clock(t)))
        ));
    }
    out.push_str(&format!(
        "\nstopped: {} at {} ({} pods, {} events, {} simulation steps)\n",
        sim.stopped().map_or("until", |s| s.as_str()),
        clock(sim.now()),
        sim.pods().len(),
        sim.events().len(),
        sim.tasks_run()
    ));
    out
}

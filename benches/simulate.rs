//! Benchmarks of the controller simulation: a large Indexed Job, and a month of a minutely
//! CronJob under each concurrency policy.

/// The allocator the `jobscope` CLI runs with (see Cargo.toml), so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jobscope_sim::{Simulation, parse_scenario};

fn indexed_job() -> String {
    // 100,000 completions, 1,000 at a time; 1% of pods (every 100th index) fail once.
    "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {name: big}\n  spec:\n    completionMode: Indexed\n    completions: 100000\n    parallelism: 1000\n    backoffLimit: 2000\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{name: main, image: busybox}]\nuntil: 720h\npods:\n  - {when: {attempt: 0, index: 0}, runFor: 20s, exitCode: 1}\n".to_owned()
        + &(1..1000)
            .map(|i| format!("  - {{when: {{attempt: 0, index: {}}}, runFor: 20s, exitCode: 1}}\n", i * 100))
            .collect::<String>()
        + "  - {runFor: 30s}\n"
}

fn cron_job(policy: &str) -> String {
    format!(
        "manifest: |\n  apiVersion: batch/v1\n  kind: CronJob\n  metadata: {{name: minutely}}\n  spec:\n    schedule: \"*/1 * * * *\"\n    concurrencyPolicy: {policy}\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            restartPolicy: Never\n            containers: [{{name: main, image: busybox}}]\nuntil: 720h\npods:\n  - {{runFor: 45s}}\n"
    )
}

fn run(text: &str) -> Simulation {
    let scenario = parse_scenario(text).expect("scenario");
    let mut sim =
        jobscope_analysis::simulation(&scenario, jobscope_analysis::KubernetesVersion::NEWEST)
            .expect("simulation");
    sim.run_to_end();
    sim
}

fn simulate(c: &mut Criterion) {
    let indexed = indexed_job();
    // Checked, then dropped: a finished run kept alive changes the allocator's state for
    // the benchmarks after it.
    assert_eq!(run(&indexed).jobs()[0].status.succeeded, 100_000);
    c.bench_function(
        "indexed job 100,000 completions, parallelism 1,000, 1% fail once",
        |b| b.iter(|| black_box(run(black_box(&indexed)))),
    );
    for policy in ["Allow", "Forbid", "Replace"] {
        let text = cron_job(policy);
        // The whole month runs: no limit cuts it short. Checked, then dropped, like the
        // Indexed run above: kept alive, its ~100 MB made every run after it 5-6% slower.
        {
            let check = run(&text);
            assert_eq!(check.stopped(), Some(jobscope_sim::Stop::Until), "{policy}");
            assert!(
                check.jobs().len() >= 21_000,
                "{policy}: {} jobs",
                check.jobs().len()
            );
        }
        c.bench_function(
            &format!("cronjob */1 for 30 days, 45 s jobs, {policy}"),
            |b| b.iter(|| black_box(run(black_box(&text)))),
        );
    }
    // What the player and the metrics panel do after the run (the browser waits for them in
    // one piece), on the month of the Allow CronJob.
    let month = run(&cron_job("Allow"));
    c.bench_function("record the month of the */1 cronjob for the player", |b| {
        b.iter(|| black_box(jobscope_sim_views::player::record(black_box(&month))))
    });
    c.bench_function(
        "kube-state-metrics samples of the month (all series)",
        |b| b.iter(|| black_box(month.metrics())),
    );
    // What the page waits for between "Run simulation" and the first Gantt frame, as the
    // simulation worker does it: analyse the text, simulate, record, then the summary and the
    // first frame, each encoded for the page (the browser adds decoding and drawing).
    let request = month_request();
    c.bench_function(
        "worker: a month of the */1 cronjob from the request to the first frame",
        |b| {
            b.iter(|| {
                let mut session = jobscope_analysis::worker::Session::new();
                let mut bytes = 0;
                session.handle(black_box(request.clone()), &mut |response| {
                    bytes += jobscope_analysis::worker::encode(&response).len();
                });
                black_box(bytes)
            })
        },
    );
}

/// The Simulation tab's request for a month of a minutely CronJob whose pods take 30 to 90 s.
fn month_request() -> jobscope_analysis::worker::Request {
    let now = jobscope_analysis::parse_rfc3339("2026-03-01T10:00:00Z").expect("time");
    let mut input = jobscope_analysis::PlayerInput::for_kind(true, now);
    input.duration_seconds = 30 * 86_400;
    jobscope_analysis::worker::Request::Simulate {
        text: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: minutely}\nspec:\n  schedule: \"*/1 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n".to_owned(),
        document: 0,
        options: jobscope_analysis::Options::at(now),
        input,
        width: jobscope_analysis::DEFAULT_CHART_WIDTH,
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = simulate
}
criterion_main!(benches);

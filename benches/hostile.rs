//! Benchmarks of the hostile inputs of the hardening issue (alias bombs, deep nesting, huge
//! documents, many documents, a long line, a huge Job and a ten-year CronJob simulation): the
//! target is a clear diagnostic within 100 ms each. The tests (`tests/integration/hostile.rs`)
//! check the diagnostics; only this measures the time, never asserted.

/// The allocator the `jobscope` CLI runs with (see Cargo.toml), so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use jobscope_analysis::{Options, analyze};
use jobscope_cron::Instant;
use jobscope_sim::parse_scenario;

#[path = "../tests/integration/hostile_inputs.rs"]
mod hostile_inputs;
use hostile_inputs::*;

fn analysis(c: &mut Criterion) {
    let options = Options::at(Instant::from_unix(1_767_225_600));
    let cases: Vec<(&str, String)> = vec![
        ("billion laughs", billion_laughs()),
        ("10,000-level block nesting", nested_block(10_000)),
        ("10,000-level flow nesting", nested_flow(10_000)),
        (
            "9,999-level flow nesting around 1,000,000 items",
            deep_and_long(9_999, 1_000_000),
        ),
        ("10 MB document", big_document(10 * 1024 * 1024)),
        (
            "3 MB document (just under the limit)",
            big_document(3 * 1024 * 1024 - 4096),
        ),
        ("100,000 Job documents", many_documents(100_000)),
        ("100,000 tiny documents", many_tiny_documents(100_000)),
        ("1 MB line in a Job", long_line(1024 * 1024)),
        ("1 MB plain line", long_plain_line(1024 * 1024)),
    ];
    for (name, text) in &cases {
        c.bench_function(&format!("analyze {name}"), |b| {
            b.iter(|| black_box(analyze(black_box(text), &options)))
        });
    }
}

fn simulation(c: &mut Criterion) {
    for (name, text) in [
        (
            "simulate completions 2147483647, parallelism 100000",
            HUGE_JOB_SCENARIO,
        ),
        (
            "simulate * * * * * over ten years",
            EVERY_MINUTE_TEN_YEARS_SCENARIO,
        ),
    ] {
        let scenario = parse_scenario(text).expect("scenario parses");
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut sim = jobscope_analysis::simulation(
                    &scenario,
                    jobscope_analysis::KubernetesVersion::NEWEST,
                )
                .expect("accepted");
                sim.run_to_end();
                black_box(sim.stopped())
            })
        });
    }
}

criterion_group! {
    name = benches;
    // Some cases take a while: few samples, short windows (criterion still runs 10 samples).
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = analysis, simulation
}
criterion_main!(benches);

//! Benchmarks of the cron engine: long runs of `next`, and the same work with the `cron` crate
//! for comparison (which computes something different: no star bit, chrono's DST rule).

/// The allocator the `jobscope` CLI runs with (see Cargo.toml), so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::str::FromStr;

use chrono::TimeZone;
use criterion::{Criterion, criterion_group, criterion_main};
use jobscope_cron::{Evaluator, NextTime, Zone, parse_standard};
use jobscope_golang::time::parse_rfc3339;

fn evaluator(spec: &str, zone: Zone) -> Evaluator {
    let parsed = parse_standard(spec).expect("valid schedule");
    Evaluator::new(parsed.schedule, parsed.location, zone)
}

fn iterate(evaluator: &mut Evaluator, from: &str, count: usize) -> i64 {
    let mut t = parse_rfc3339(from).expect("valid time");
    for _ in 0..count {
        match evaluator.next(t) {
            NextTime::At(next) => t = next,
            _ => break,
        }
    }
    t.unix
}

fn jobscope_next(c: &mut Criterion) {
    let new_york = Zone::iana("America/New_York").expect("zone");
    c.bench_function(
        "jobscope: next x525600, `* * * * *`, America/New_York",
        |b| {
            b.iter(|| {
                let mut e = evaluator("* * * * *", new_york);
                black_box(iterate(&mut e, "2026-01-01T00:00:00Z", 525_600))
            })
        },
    );
    c.bench_function(
        "jobscope: next x10000, `0 2 * * *`, America/New_York",
        |b| {
            b.iter(|| {
                let mut e = evaluator("0 2 * * *", new_york);
                black_box(iterate(&mut e, "2026-01-01T00:00:00Z", 10_000))
            })
        },
    );
    c.bench_function("jobscope: parse `*/15 9-17 1,15 JAN-MAR MON-FRI`", |b| {
        b.iter(|| black_box(parse_standard(black_box("*/15 9-17 1,15 JAN-MAR MON-FRI"))))
    });
}

fn cron_crate_next(c: &mut Criterion) {
    // The `cron` crate needs a seconds field; "0 * * * * *" is its every-minute schedule.
    let every_minute = cron::Schedule::from_str("0 * * * * *").expect("valid");
    let daily = cron::Schedule::from_str("0 0 2 * * *").expect("valid");
    let start = chrono_tz::America::New_York
        .with_ymd_and_hms(2025, 12, 31, 19, 0, 0)
        .unwrap();
    c.bench_function(
        "cron crate: next x525600, every minute, America/New_York",
        |b| b.iter(|| black_box(every_minute.after(&start).take(525_600).last())),
    );
    c.bench_function(
        "cron crate: next x10000, 02:00 daily, America/New_York",
        |b| b.iter(|| black_box(daily.after(&start).take(10_000).last())),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = jobscope_next, cron_crate_next
}
criterion_main!(benches);

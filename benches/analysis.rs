//! Benchmarks of the whole analysis (YAML, decoding, defaulting, validation, warnings): each
//! example manifest, a file of 1,000 documents, and the CLI's way through a stream of 10,000
//! (`analyze_each` after `collect_defined_objects`, as `jobscope validate` runs them, but on one
//! thread: the engine's speed; the binary's, on every core, and its peak memory are measured on
//! the binary, README "Inputs").

/// The allocator the `jobscope` CLI runs with (see Cargo.toml), so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobscope_analysis::{
    InOrder, LineIndex, Options, analyze, analyze_each, collect_defined_objects,
};
use jobscope_cron::Instant;

fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate/examples");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("examples folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn analysis(c: &mut Criterion) {
    let examples = examples();
    let options = Options::at(Instant::from_unix(1_767_225_600));
    for (name, text) in &examples {
        c.bench_function(
            &format!("analyze {name} ({} lines)", text.lines().count()),
            |b| b.iter(|| black_box(analyze(black_box(text), &options))),
        );
    }
    let job = examples
        .iter()
        .find(|(n, _)| n == "data-processing-job.yaml")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let thousand = vec![job; 1000].join("\n---\n");
    c.bench_function("analyze 1,000 documents", |b| {
        b.iter(|| black_box(analyze(black_box(&thousand), &options)))
    });
}

/// 10,000 documents: the page's examples' documents, cycled (what `scripts/stream-10k.sh`
/// writes).
fn stream_10k() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/examples");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("examples folder")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    texts.sort();
    let documents: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split("\n---\n"))
        .filter(|d| d.contains("kind:"))
        .collect();
    let stream: Vec<&str> = documents.iter().cycle().take(10_000).copied().collect();
    stream.join("\n---\n")
}

fn stream(c: &mut Criterion) {
    let text = stream_10k();
    let mut group = c.benchmark_group("cli stream");
    group.throughput(Throughput::Elements(10_000));
    for lint in [true, false] {
        let mut options = Options::at(Instant::from_unix(1_767_225_600));
        options.lint = lint;
        let name = if lint {
            "10,000 documents"
        } else {
            "10,000 documents, --no-lint"
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut options = options.clone();
                let lines = LineIndex::new(&text);
                if lint {
                    let (client, defined) = (options.client, &mut options.defined);
                    collect_defined_objects(&text, &lines, client, &InOrder, defined);
                }
                let mut findings = 0;
                let count = |report: jobscope_analysis::DocumentReport| report.diagnostics.len();
                analyze_each(
                    black_box(&text),
                    &lines,
                    &options,
                    &InOrder,
                    count,
                    |n, extra| {
                        findings += n + extra.len();
                    },
                );
                black_box(findings)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = analysis
}
criterion_group! {
    name = streams;
    config = Criterion::default().sample_size(10);
    targets = stream
}
criterion_main!(benches, p, streams);

fn phases(c: &mut Criterion) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/validate/examples/data-processing-job.yaml"),
    )
    .unwrap();
    c.bench_function("phase yaml", |b| {
        b.iter(|| black_box(jobscope_yaml::parse_stream(black_box(&text))))
    });
    let stream = jobscope_yaml::parse_stream(&text);
    c.bench_function("phase manifest", |b| {
        b.iter(|| {
            for d in &stream.documents {
                if let Some(v) = &d.value {
                    black_box(jobscope_api::manifest::document::read_manifest(
                        v,
                        jobscope_api::version::KubernetesVersion::V1_34,
                    ));
                }
            }
        })
    });
}
criterion_group!(p, phases);

//! Simulation invariants on random Jobs and pod behaviour: no pod runs before it exists, the
//! active pods never outnumber parallelism, a finished Job starts nothing, and the same
//! scenario gives the same result.

use jobscope_sim::model::Ms;
use jobscope_sim::{Simulation, parse_scenario};
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Case {
    parallelism: u32,
    completions: Option<u32>,
    indexed: bool,
    backoff_limit: u32,
    on_failure: bool,
    deadline: Option<u32>,
    rules: Vec<(Option<u32>, u32, u32)>,
    seed: u64,
}

prop_compose! {
    fn case()(
        parallelism in 0u32..6,
        completions in proptest::option::of(0u32..12),
        indexed in any::<bool>(),
        backoff_limit in 0u32..5,
        on_failure in any::<bool>(),
        deadline in proptest::option::of(5u32..400),
        rules in proptest::collection::vec(
            (
                proptest::option::of(0u32..4),
                1u32..120,
                prop_oneof![Just(0u32), Just(1), Just(42)],
            ),
            0..4,
        ),
        seed in any::<u64>(),
    ) -> Case {
        // Indexed Jobs need completions.
        let completions = if indexed { Some(completions.unwrap_or(3)) } else { completions };
        Case { parallelism, completions, indexed, backoff_limit, on_failure, deadline, rules, seed }
    }
}

fn scenario(case: &Case) -> String {
    let mut spec = format!(
        "    parallelism: {}\n    backoffLimit: {}\n",
        case.parallelism, case.backoff_limit
    );
    if let Some(c) = case.completions {
        spec.push_str(&format!("    completions: {c}\n"));
    }
    if case.indexed {
        spec.push_str("    completionMode: Indexed\n");
    }
    if let Some(d) = case.deadline {
        spec.push_str(&format!("    activeDeadlineSeconds: {d}\n"));
    }
    let restart = if case.on_failure {
        "OnFailure"
    } else {
        "Never"
    };
    let mut text = format!(
        "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {{name: prop}}\n  spec:\n{}    template:\n      spec:\n        restartPolicy: {restart}\n        containers: [{{name: main, image: busybox}}]\nuntil: 3h\nseed: {}\npods:\n",
        spec, case.seed
    );
    for (attempt, seconds, code) in &case.rules {
        let when = attempt.map_or(String::new(), |a| format!("when: {{attempt: {a}}}, "));
        text.push_str(&format!(
            "  - {{{when}runFor: {seconds}s, exitCode: {code}}}\n"
        ));
    }
    text.push_str("  - {runFor: {uniform: [1s, 90s]}}\n");
    text
}

fn run(text: &str) -> Simulation {
    let scenario = parse_scenario(text).expect("scenario parses");
    let mut sim =
        jobscope_analysis::simulation(&scenario, jobscope_analysis::KubernetesVersion::NEWEST)
            .expect("manifest accepted");
    sim.run_to_end();
    sim
}

/// The end of a pod's active life: finished, or deleted.
fn active_until(sim: &Simulation, pod: usize) -> Ms {
    let p = &sim.pods()[pod];
    let finished = p.finished.unwrap_or(Ms::MAX);
    let deleted = p.deletion.map_or(Ms::MAX, |(at, _)| at);
    finished.min(deleted)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn controller_invariants(case in case()) {
        let text = scenario(&case);
        let sim = run(&text);
        let job = &sim.jobs()[0];
        for pod in sim.pods() {
            if let Some(started) = pod.started {
                prop_assert!(started >= pod.created, "pod {} started before it was created", pod.name);
            }
            if let Some(finished) = pod.finished {
                prop_assert!(finished >= pod.created, "pod {} finished before it was created", pod.name);
            }
        }
        // Active pods never outnumber parallelism (the controller counts before it creates).
        let mut moments: Vec<Ms> = sim.pods().iter().map(|p| p.created).collect();
        moments.sort_unstable();
        moments.dedup();
        for t in moments {
            let active = (0..sim.pods().len())
                .filter(|&p| sim.pods()[p].created <= t && t < active_until(&sim, p))
                .count();
            prop_assert!(active as u32 <= case.parallelism, "{active} active pods at {t} with parallelism {}", case.parallelism);
        }
        // A finished Job starts nothing after its terminal condition.
        if let Some(done) = job.status.finished() {
            prop_assert!(sim.pods().iter().all(|p| p.created <= done.time + 999), "a pod was created after the Job finished");
            prop_assert_eq!(job.status.active, 0);
        }
        // Completed means enough successes.
        if job.status.finished().is_some_and(|c| c.kind == jobscope_sim::model::ConditionKind::Complete)
            && let Some(completions) = case.completions
        {
            prop_assert!(job.status.succeeded >= completions as i32);
        }
        // Same scenario, same result.
        let again = run(&text);
        prop_assert_eq!(format!("{:?}", again.events()), format!("{:?}", sim.events()));
        prop_assert_eq!(
            sim.pods().iter().map(|p| (&p.name, p.created, p.finished)).collect::<Vec<_>>(),
            again.pods().iter().map(|p| (&p.name, p.created, p.finished)).collect::<Vec<_>>()
        );
    }
}

/// `metrics_of` (the player's filtered metrics) gives exactly the samples of `metrics` it
/// keeps, in the same order, for every fixture scenario.
#[test]
fn filtered_metrics_are_the_kept_samples() {
    let mut files = Vec::new();
    crate::yaml_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/simulate"),
        &mut files,
    );
    files.retain(|f| f.to_string_lossy().ends_with(".scenario.yaml"));
    files.sort();
    let keep = |name: &str| name.contains("status") || name.ends_with("_complete");
    let mut compared = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let Ok(scenario) = parse_scenario(&text) else {
            continue;
        };
        let Ok(mut sim) =
            jobscope_analysis::simulation(&scenario, jobscope_analysis::KubernetesVersion::NEWEST)
        else {
            continue;
        };
        sim.run_to_end();
        let all: Vec<_> = sim.metrics().into_iter().filter(|s| keep(s.name)).collect();
        assert_eq!(sim.metrics_of(keep), all, "{}", file.display());
        compared += 1;
    }
    assert!(compared > 20, "only {compared} scenarios ran");
}

//! Fuzzes long simulations: any scenario, its `until` pushed to at least 60 days, run for up to
//! 100,000 steps in the chunks the worker uses (a minutely CronJob's first week, a big Job's
//! waves of pods), then recorded for the player. `simulate` stops at 5,000 steps to stay fast;
//! this one reaches what only long runs reach (history limits, TTL deletions after days, the
//! CronJob's bookkeeping over thousands of Jobs, the player's bounded rows and bars).
#![no_main]

use jobscope_sim::parse_scenario;
use libfuzzer_sys::fuzz_target;

/// Sixty days in milliseconds.
const LONG: i64 = 60 * 24 * 3_600_000;
/// The most steps an input runs: about a week of a minutely CronJob (12 steps a Job).
const STEPS: u64 = 100_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut scenario) = parse_scenario(text) else {
        return;
    };
    scenario.until = scenario.until.max(scenario.start.saturating_add(LONG));
    // Every supported version's controllers, picked by the input's length.
    let versions = jobscope_analysis::KubernetesVersion::ALL;
    let version = versions[data.len() % versions.len()];
    let Ok(mut sim) = jobscope_analysis::simulation(&scenario, version) else {
        return;
    };
    let mut ran = 0;
    while ran < STEPS && !sim.step(10_000) {
        ran += 10_000;
    }
    assert!(sim.tasks_run() <= STEPS);
    assert!(sim.now() <= scenario.until.max(scenario.start));
    for pod in sim.pods() {
        if let Some(started) = pod.started {
            assert!(started >= pod.created);
        }
    }
    for job in sim.jobs() {
        assert!(job.status.active >= 0 && job.status.succeeded >= 0 && job.status.failed >= 0);
    }
    let _ = sim.metrics();
    let _ = jobscope_sim_views::player::record(&sim);
});

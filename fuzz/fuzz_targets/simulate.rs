//! Fuzzes scenario parsing, the simulation, the player's recording and its frames with any
//! scenario text: no panic, and the run is bounded (a step budget keeps each input short).
#![no_main]

use jobscope_sim::parse_scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = parse_scenario(text) else {
        return;
    };
    // Every supported version's controllers, picked by the input's length.
    let versions = jobscope_analysis::KubernetesVersion::ALL;
    let version = versions[data.len() % versions.len()];
    let Ok(mut sim) = jobscope_analysis::simulation(&scenario, version) else {
        return;
    };
    // A few thousand steps: enough to reach every controller path (a CronJob's first jobs,
    // back-off, deadlines), small enough that an instrumented run stays well under a second.
    sim.step(5_000);
    for pod in sim.pods() {
        if let Some(started) = pod.started {
            assert!(started >= pod.created);
        }
    }
    let _ = sim.metrics();
    // Recorded in small steps, as the page does: the same recording as at once.
    let whole = jobscope_sim_views::player::record(&sim);
    let mut recorder = jobscope_sim_views::player::Recorder::new(&sim);
    while !recorder.step(97) {}
    assert!(recorder.finish() == whole);
    // Its frames (the Gantt chart's axis, tips and clock changes, the metric charts): at the
    // start, the middle and the end, of the whole run and of a view picked by the input.
    let axis = whole.axis();
    let seed = data.len() as i64;
    let view = axis.zoom(None, 0.25, (seed % 101) as f64 / 100.0);
    for at in [0, axis.length / 2, axis.length] {
        for view in [None, view] {
            let frame = whole.frame_in(whole.start + at, 960.0, view);
            assert!(frame.gantt.items.len() < 100_000);
        }
    }
});

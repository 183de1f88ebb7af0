//! Fire times robfig/cron computed with Go far past the end of every zone's transition table
//! (`tests/fixtures/cron/robfig-after-2100.tsv`: 2100 and 2400, each daylight-time rule of the
//! database, schedules at the changes): the controller's `Next` here gives the same instants,
//! so the zones' recurring rules are evaluated as Go evaluates them.

use jobscope_cron::{Evaluator, Instant, NextTime, parse_standard};
use jobscope_golang::time::{Zone, parse_rfc3339};

#[test]
fn fires_after_2100_match_robfig_and_go() {
    let text = include_str!("../fixtures/cron/robfig-after-2100.tsv");
    let mut cases = 0;
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let parsed = parse_standard(&format!("TZ={} {}", f[0], f[1])).expect(line);
        let instant = |text: &str| -> Instant { parse_rfc3339(text).expect(line) };
        let mut evaluator = Evaluator::new(parsed.schedule, parsed.location, Zone::Utc);
        let mut t = instant(f[2]);
        for want in f[3].split(' ').map(instant) {
            t = match evaluator.next(t) {
                NextTime::At(next) => next,
                other => panic!("{line}: {other:?}"),
            };
            if t != want {
                failures.push(format!("{line}\n  got {t:?} for {want:?}"));
                break;
            }
        }
        cases += 1;
    }
    assert_eq!(cases, 496);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

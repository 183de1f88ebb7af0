//! Fuzzes schedule parsing, `Next`, the explanation and the timeline with any schedule text and
//! zone: no panic, no hang, fire times strictly increasing.
#![no_main]

use jobscope_cron::explain::{ZoneSource, explain};
use jobscope_golang::location::zone_names;
use jobscope_cron::{Evaluator, Instant, NextTime, Zone, parse_standard};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(schedule) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(parsed) = parse_standard(schedule) else {
        return;
    };
    let name = zone_names().nth(usize::from(selector) * 3).unwrap_or("UTC");
    let zone = jobscope_golang::location::load_location(name)
        .ok()
        .and_then(|l| match l {
            jobscope_golang::location::LoadedLocation::Zone(z) => Some(z),
            _ => None,
        })
        .unwrap_or(Zone::Utc);
    let now = Instant::from_unix(1_767_225_600 + i64::from(selector) * 86_400 * 7);
    let mut eval = Evaluator::new(parsed.schedule.clone(), parsed.location, zone);
    let mut t = now;
    for _ in 0..50 {
        match eval.next(t) {
            NextTime::At(next) => {
                assert!(next > t, "Next went backwards: {next:?} after {t:?}");
                t = next;
            }
            _ => break,
        }
    }
    let _ = explain(&parsed, zone, &ZoneSource::TimeZoneField(name.to_owned()), now);
    let lane = jobscope_timeline::LaneInput {
        name: "fuzz".to_owned(),
        schedule: schedule.to_owned(),
        time_zone: Some(name.to_owned()),
        suspended: false,
        duration_seconds: Some(i64::from(selector) * 60),
    };
    let _ = jobscope_timeline::layout(&[lane], now, jobscope_timeline::Span::Week, zone);
});

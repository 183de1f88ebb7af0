//! Property tests of the cron engine: `next` is strictly increasing, returns times that match
//! the schedule, and (in UTC, where wall time is simple) never skips a matching minute.

use jobscope_cron::parser::{Field, STAR_BIT, SpecSchedule};
use jobscope_cron::{Evaluator, Instant, NextTime, Schedule, Zone, parse_standard};
use jobscope_golang::time::{Civil, ZoneClock};
use proptest::prelude::*;

fn field_text(field: Field) -> impl Strategy<Value = String> {
    let (min, max) = (field.min(), field.max());
    prop_oneof![
        Just("*".to_owned()),
        (1..=max + 2).prop_map(|step| format!("*/{step}")),
        (min..=max).prop_map(|v| v.to_string()),
        (min..=max, min..=max).prop_map(|(a, b)| format!("{}-{}", a.min(b), a.max(b))),
        (min..=max, min..=max, 1..=5u32).prop_map(|(a, b, s)| format!(
            "{}-{}/{s}",
            a.min(b),
            a.max(b)
        )),
        (min..=max, min..=max).prop_map(|(a, b)| format!("{a},{b}")),
    ]
}

fn schedule_text() -> impl Strategy<Value = String> {
    (
        field_text(Field::Minute),
        field_text(Field::Hour),
        field_text(Field::DayOfMonth),
        field_text(Field::Month),
        field_text(Field::DayOfWeek),
    )
        .prop_map(|(a, b, c, d, e)| format!("{a} {b} {c} {d} {e}"))
}

fn zone() -> impl Strategy<Value = Zone> {
    prop_oneof![
        Just(Zone::Utc),
        Just(Zone::iana("America/New_York").expect("zone")),
        Just(Zone::iana("Europe/Berlin").expect("zone")),
        Just(Zone::iana("Asia/Kolkata").expect("zone")),
        Just(Zone::iana("Australia/Sydney").expect("zone")),
    ]
}

fn matches(spec: &SpecSchedule, c: &Civil) -> bool {
    let dom = (1u64 << c.day) & spec.dom != 0;
    let dow = (1u64 << c.weekday) & spec.dow != 0;
    let day = if spec.dom & STAR_BIT != 0 || spec.dow & STAR_BIT != 0 {
        dom && dow
    } else {
        dom || dow
    };
    day && (1u64 << c.month) & spec.month != 0
        && (1u64 << c.hour) & spec.hour != 0
        && (1u64 << c.minute) & spec.minute != 0
        && c.second == 0
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn next_is_increasing_and_matches(text in schedule_text(), zone in zone(), start in 1_600_000_000i64..2_000_000_000) {
        let parsed = parse_standard(&text).expect("the generator writes valid schedules");
        let Schedule::Spec(spec) = parsed.schedule else { unreachable!() };
        let mut evaluator = Evaluator::new(parsed.schedule.clone(), parsed.location, zone);
        let mut clock = ZoneClock::new(zone);
        let mut previous = Instant::from_unix(start);
        for _ in 0..20 {
            match evaluator.next(previous) {
                NextTime::At(t) => {
                    prop_assert!(t > previous, "{text}: {t:?} is not after {previous:?}");
                    prop_assert!(matches(&spec, &clock.civil(t)), "{text}: {t:?} does not match");
                    previous = t;
                }
                NextTime::Never => break,
                NextTime::Runaway => prop_assert!(false, "{text} ran away in {zone:?}"),
            }
        }
    }

    #[test]
    fn next_never_skips_a_matching_minute_in_utc(text in schedule_text(), start in 1_600_000_000i64..2_000_000_000) {
        let parsed = parse_standard(&text).expect("valid");
        let Schedule::Spec(spec) = parsed.schedule else { unreachable!() };
        let mut evaluator = Evaluator::new(parsed.schedule.clone(), parsed.location, Zone::Utc);
        let mut clock = ZoneClock::new(Zone::Utc);
        let from = Instant::from_unix(start - start.rem_euclid(60));
        // Brute force over the next two days, minute by minute.
        let mut expected = Vec::new();
        let mut minute = from.unix + 60;
        while minute <= from.unix + 2 * 86_400 {
            if matches(&spec, &clock.civil(Instant::from_unix(minute))) {
                expected.push(minute);
            }
            minute += 60;
        }
        let (found, _) = evaluator.upcoming(from, expected.len() + 1);
        let found: Vec<i64> = found.iter().map(|t| t.unix).filter(|t| *t <= from.unix + 2 * 86_400).collect();
        prop_assert_eq!(found, expected, "{}", text);
    }

    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        let _ = parse_standard(&text);
    }

    #[test]
    fn parsing_cron_like_text_never_panics(text in "(TZ=[A-Za-z/_]{0,12} )?[0-9*/,?@a-zA-Z -]{0,30}") {
        if let Ok(parsed) = parse_standard(&text) {
            let mut evaluator = Evaluator::new(parsed.schedule, parsed.location, Zone::Utc);
            let _ = evaluator.next(Instant::from_unix(1_700_000_000));
        }
    }
}

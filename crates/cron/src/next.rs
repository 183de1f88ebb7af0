//! robfig/cron v3 `Next`: the next fire time after an instant, ported from `spec.go` and
//! `constantdelay.go`, with a step budget so it always terminates.
//!
//! The field loops are robfig's, step for step, on top of [`jobscope_golang::time`]'s port of Go's time
//! arithmetic, so DST gaps are skipped and repeated hours fire twice exactly where robfig does.
//! Two loops are shortened without changing their result: the minute and second loops jump
//! straight to the next allowed value when the zone's offset is the same at both ends of the
//! jump (a unit step adds exactly one to the wall-clock field unless the offset changes, and the
//! jump is at most 59 units, shorter than any gap between two offset changes in the database).

use super::parser::{STAR_BIT, Schedule, ScheduleLocation, SpecSchedule};
use jobscope_golang::time::{Civil, HOUR, Instant, MINUTE, SECOND, Zone, ZoneClock};

/// Steps of robfig's field loops before we call a search runaway. A search that gives up after
/// five years takes a few thousand steps; robfig itself has no bound and can loop forever on
/// some zone histories.
pub(crate) const STEP_BUDGET: u32 = 100_000;

/// The answer to "when next?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextTime {
    At(Instant),
    /// robfig returns the zero time: nothing matches within five years of the start.
    Never,
    /// robfig would not come back (its loop cycles); stopped after [`STEP_BUDGET`] steps.
    Runaway,
}

impl NextTime {}

/// Evaluates one parsed schedule; keeps a zone-offset memo across calls, so iterating is cheap.
#[derive(Clone, Debug)]
pub struct Evaluator {
    schedule: Schedule,
    clock: ZoneClock,
    /// Take the minute and second loops' steps several at a time (see the module doc); off
    /// only in tests that check the shortcut against robfig's one-at-a-time steps.
    jump: bool,
    /// The last few answers: the CronJob controller asks `Next` of the same instants several
    /// times per sync (its simulation syncs hundreds of thousands of times).
    memo: [(Instant, Result<Instant, Runaway>); MEMO_SIZE],
    memo_next: usize,
    /// A remembered chain of answers (`chain[i + 1]` is `Next(chain[i])`; see
    /// [`Evaluator::remember_chain`]), and where the last lookup found its question.
    chain: Vec<Instant>,
    chain_at: usize,
}

const MEMO_SIZE: usize = 4;

impl Evaluator {
    /// `local` is the zone robfig's `time.Local` stands for (kube-controller-manager's zone);
    /// it is used when the schedule has no `TZ=` prefix of its own.
    pub fn new(schedule: Schedule, location: ScheduleLocation, local: Zone) -> Self {
        let zone = match location {
            ScheduleLocation::Local => local,
            ScheduleLocation::Zone(zone) => zone,
        };
        Evaluator {
            schedule,
            clock: ZoneClock::new(zone),
            jump: true,
            // GO_ZERO never comes in as a question with this answer: a harmless empty slot.
            memo: [(Instant::GO_ZERO, Err(Runaway)); MEMO_SIZE],
            memo_next: 0,
            chain: Vec::new(),
            chain_at: 0,
        }
    }

    /// Computes the chain of fire times that starts at `from` (each the `Next` of the one
    /// before; at most `limit` of them, none after `until`) and keeps it, so that `Next` of any
    /// instant in it is a lookup; returns how many fire times it holds. For a caller that
    /// walks the same chain again and again: the CronJob controller asks `Next` of its
    /// lastScheduleTime on every sync, and a simulated month has half a million syncs. The
    /// answers are the ones `next_go` computes, so nothing else changes.
    pub fn remember_chain(&mut self, from: Instant, until: Instant, limit: usize) -> usize {
        self.chain.clear();
        self.chain_at = 0;
        let Schedule::Spec(spec) = self.schedule else {
            return 0;
        };
        self.chain.push(from);
        let mut t = from;
        while self.chain.len() <= limit {
            match next_spec(&spec, t, &mut self.clock, self.jump) {
                // Strictly later, so the chain stays sorted for the lookup.
                Ok(found) if !found.is_go_zero() && found.after(t) && !found.after(until) => {
                    self.chain.push(found);
                    t = found;
                }
                _ => break,
            }
        }
        self.chain.len() - 1
    }

    /// `Next(t)` from the remembered chain, when `t` is in it and is not its last entry.
    fn chain_next(&mut self, t: Instant) -> Option<Instant> {
        // The controller's questions stay within a step or two of the last one's.
        let near = self.chain_at.saturating_sub(2)..(self.chain_at + 3).min(self.chain.len());
        let at = match self
            .chain
            .get(near.clone())
            .and_then(|window| window.iter().position(|&known| known == t))
        {
            Some(offset) => near.start + offset,
            None => self.chain.binary_search(&t).ok()?,
        };
        let answer = *self.chain.get(at + 1)?;
        self.chain_at = at;
        Some(answer)
    }

    /// The zone the schedule is evaluated in.
    pub fn zone(&self) -> Zone {
        self.clock.zone
    }

    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// `schedule.Next(t)`.
    pub fn next(&mut self, t: Instant) -> NextTime {
        match self.next_go(t) {
            Ok(found) if found.is_go_zero() => NextTime::Never,
            Ok(found) => NextTime::At(found),
            Err(Runaway) => NextTime::Runaway,
        }
    }

    /// `schedule.Next(t)` exactly as Go returns it: the zero time for "never". Ports of
    /// controller code that does arithmetic on that zero time need this form.
    pub fn next_go(&mut self, t: Instant) -> Result<Instant, Runaway> {
        match self.schedule {
            // ConstantDelaySchedule: the zone plays no part; the nanoseconds are dropped.
            Schedule::Every { delay_nanos } => Ok(t.add_nanos(delay_nanos - i64::from(t.nanos))),
            Schedule::Spec(spec) => {
                if !self.chain.is_empty()
                    && let Some(answer) = self.chain_next(t)
                {
                    return Ok(answer);
                }
                if let Some((_, answer)) = self
                    .memo
                    .iter()
                    .find(|(asked, _)| *asked == t && t != Instant::GO_ZERO)
                {
                    return *answer;
                }
                let answer = next_spec(&spec, t, &mut self.clock, self.jump);
                self.memo[self.memo_next] = (t, answer);
                self.memo_next = (self.memo_next + 1) % MEMO_SIZE;
                answer
            }
        }
    }

    /// The fire times strictly after `after`, at most `limit` of them; stops early (and says why)
    /// when robfig would give up or run away.
    pub fn upcoming(&mut self, after: Instant, limit: usize) -> (Vec<Instant>, Option<NextTime>) {
        let mut times = Vec::with_capacity(limit.min(1024));
        let mut from = after;
        while times.len() < limit {
            match self.next(from) {
                NextTime::At(t) => {
                    times.push(t);
                    from = t;
                }
                stop => return (times, Some(stop)),
            }
        }
        (times, None)
    }
}

/// robfig's search did not terminate within [`STEP_BUDGET`] steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Runaway;

/// `SpecSchedule.Next`.
fn next_spec(
    s: &SpecSchedule,
    t: Instant,
    clock: &mut ZoneClock,
    jump: bool,
) -> Result<Instant, Runaway> {
    // Start at the earliest possible time (the upcoming second).
    let mut t = t.add_nanos(SECOND - i64::from(t.nanos));
    let mut added = false;
    let mut c = clock.civil(t);
    // If no time is found within five years, return zero.
    let year_limit = c.year + 5;
    let mut steps: u32 = 0;

    'wrap: loop {
        step(&mut steps)?;
        if c.year > year_limit {
            return Ok(Instant::GO_ZERO);
        }

        // Find the first applicable month.
        while (1u64 << c.month) & s.month == 0 {
            step(&mut steps)?;
            if !added {
                added = true;
                t = clock.date(c.year, i64::from(c.month), 1, 0, 0, 0, 0);
            }
            t = clock.add_date(t, 0, 1, 0);
            c = clock.civil(t);
            if c.month == 1 {
                continue 'wrap;
            }
        }

        // Now get a day in that month.
        while !day_matches(s, &c) {
            step(&mut steps)?;
            if !added {
                added = true;
                t = clock.date(c.year, i64::from(c.month), i64::from(c.day), 0, 0, 0, 0);
            }
            t = clock.add_date(t, 0, 0, 1);
            c = clock.civil(t);
            // Notice if the hour is no longer midnight due to DST: add an hour if it's 23,
            // subtract an hour if it's 1.
            if c.hour != 0 {
                if c.hour > 12 {
                    t = t.add_nanos(i64::from(24 - c.hour) * HOUR);
                } else {
                    t = t.add_nanos(-i64::from(c.hour) * HOUR);
                }
                c = clock.civil(t);
            }
            if c.day == 1 {
                continue 'wrap;
            }
        }

        while (1u64 << c.hour) & s.hour == 0 {
            step(&mut steps)?;
            if !added {
                added = true;
                t = clock.date(
                    c.year,
                    i64::from(c.month),
                    i64::from(c.day),
                    i64::from(c.hour),
                    0,
                    0,
                    0,
                );
            }
            t = t.add_nanos(HOUR);
            c = clock.civil(t);
            if c.hour == 0 {
                continue 'wrap;
            }
        }

        while (1u64 << c.minute) & s.minute == 0 {
            step(&mut steps)?;
            if !added {
                added = true;
                t = t.truncate_seconds(60);
            }
            t = if jump {
                advance(clock, t, c.minute, s.minute, MINUTE)
            } else {
                t.add_nanos(MINUTE)
            };
            c = clock.civil(t);
            if c.minute == 0 {
                continue 'wrap;
            }
        }

        while (1u64 << c.second) & s.second == 0 {
            step(&mut steps)?;
            if !added {
                added = true;
                t = t.truncate_seconds(1);
            }
            t = if jump {
                advance(clock, t, c.second, s.second, SECOND)
            } else {
                t.add_nanos(SECOND)
            };
            c = clock.civil(t);
            if c.second == 0 {
                continue 'wrap;
            }
        }

        return Ok(t);
    }
}

fn step(steps: &mut u32) -> Result<(), Runaway> {
    *steps += 1;
    if *steps > STEP_BUDGET {
        Err(Runaway)
    } else {
        Ok(())
    }
}

/// One or more of robfig's `t = t.Add(unit)` steps in the minute or second loop: as many as it
/// takes to reach the next allowed value (or 0, where robfig wraps), taken at once when the zone's
/// offset is the same before and after; otherwise a single step, as robfig does.
fn advance(clock: &mut ZoneClock, t: Instant, current: u32, allowed: u64, unit: i64) -> Instant {
    // The next allowed value above `current`, or 60 where the field wraps to 0.
    let above = allowed & !((1u64 << (current + 1)) - 1) & ((1u64 << 60) - 1);
    let value = if above == 0 {
        60
    } else {
        above.trailing_zeros()
    };
    let units = value - current;
    if units > 1 {
        let target = t.add_nanos(i64::from(units) * unit);
        if clock.offset_at(t.unix) == clock.offset_at(target.unix) {
            return target;
        }
    }
    t.add_nanos(unit)
}

/// `dayMatches`: day-of-month and day-of-week are ANDed when either carries the star bit, ORed
/// otherwise.
fn day_matches(s: &SpecSchedule, c: &Civil) -> bool {
    let dom_match = (1u64 << c.day) & s.dom != 0;
    let dow_match = (1u64 << c.weekday) & s.dow != 0;
    if s.dom & STAR_BIT != 0 || s.dow & STAR_BIT != 0 {
        dom_match && dow_match
    } else {
        dom_match || dow_match
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl NextTime {
        fn at(self) -> Option<Instant> {
            match self {
                NextTime::At(t) => Some(t),
                _ => None,
            }
        }
    }
    use crate::parser::parse_standard;
    use jobscope_golang::time::{format_rfc3339, parse_rfc3339};

    fn evaluator(spec: &str, zone: Zone) -> Evaluator {
        let parsed = parse_standard(spec).unwrap();
        Evaluator::new(parsed.schedule, parsed.location, zone)
    }

    fn ny() -> Zone {
        Zone::iana("America/New_York").expect("zone")
    }

    fn runs(spec: &str, zone: Zone, from: &str, count: usize) -> Vec<String> {
        let mut e = evaluator(spec, zone);
        let (times, _) = e.upcoming(parse_rfc3339(from).unwrap(), count);
        times
            .into_iter()
            .map(|t| format_rfc3339(t, e.zone()))
            .collect()
    }

    #[test]
    fn a_remembered_chain_gives_the_answers_it_would_compute() {
        // Across both 2026 DST changes in New York, with a start between fire times.
        for spec in ["*/7 1-3 * * *", "30 2 * * *", "0 */5 * * 0", "@every 90s"] {
            let from = parse_rfc3339("2026-03-01T00:00:13.5Z").unwrap();
            let until = parse_rfc3339("2026-11-30T00:00:00Z").unwrap();
            let mut plain = evaluator(spec, ny());
            let mut chained = evaluator(spec, ny());
            let fires = chained.remember_chain(from, until, 2_000);
            let (mut t, mut count) = (from, 0);
            // The chain itself and past its 2,000 entries, then questions off it.
            while let Ok(next) = plain.next_go(t) {
                if next.is_go_zero() || next.after(until) || count == 2_500 {
                    break;
                }
                assert_eq!(chained.next_go(t), Ok(next), "{spec} after {t:?}");
                (t, count) = (next, count + 1);
            }
            if spec.starts_with("@every") {
                assert_eq!(fires, 0, "{spec}: constant delays keep no chain");
            } else {
                assert_eq!(fires, count.min(2_000), "{spec}");
            }
            for probe in [
                from,
                until,
                t,
                from.add_nanos(61_000_000_000),
                until.add_nanos(-1),
            ] {
                assert_eq!(
                    chained.next_go(probe),
                    plain.next_go(probe),
                    "{spec} {probe:?}"
                );
            }
        }
    }

    #[test]
    fn every_minute_and_simple_schedules() {
        assert_eq!(
            runs("* * * * *", Zone::Utc, "2026-01-01T00:00:30Z", 3),
            [
                "2026-01-01T00:01:00Z",
                "2026-01-01T00:02:00Z",
                "2026-01-01T00:03:00Z"
            ]
        );
        assert_eq!(
            runs("0 2 * * *", Zone::Utc, "2026-01-01T02:00:00Z", 1),
            ["2026-01-02T02:00:00Z"]
        );
        assert_eq!(
            runs("*/61 * * * *", Zone::Utc, "2026-01-01T00:00:00Z", 2),
            ["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]
        );
    }

    #[test]
    fn next_is_strictly_after_even_on_a_fire_time_with_nanoseconds() {
        let mut e = evaluator("0 * * * *", Zone::Utc);
        let t = Instant {
            unix: parse_rfc3339("2026-01-01T01:00:00Z").unwrap().unix,
            nanos: 5,
        };
        assert_eq!(
            format_rfc3339(e.next(t).at().unwrap(), Zone::Utc),
            "2026-01-01T02:00:00Z"
        );
    }

    #[test]
    fn spring_forward_skips_the_missing_hour() {
        // 02:30 does not exist on 2026-03-08 in New York: robfig skips that day.
        assert_eq!(
            runs("30 2 * * *", ny(), "2026-03-07T00:00:00-05:00", 3),
            [
                "2026-03-07T02:30:00-05:00",
                "2026-03-09T02:30:00-04:00",
                "2026-03-10T02:30:00-04:00"
            ]
        );
        // Hourly runs jump from 01:00 EST to 03:00 EDT.
        assert_eq!(
            runs("0 * * * *", ny(), "2026-03-08T00:30:00-05:00", 3),
            [
                "2026-03-08T01:00:00-05:00",
                "2026-03-08T03:00:00-04:00",
                "2026-03-08T04:00:00-04:00"
            ]
        );
    }

    #[test]
    fn fall_back_runs_twice_in_the_repeated_hour() {
        assert_eq!(
            runs("30 1 * * *", ny(), "2026-10-31T12:00:00-04:00", 3),
            [
                "2026-11-01T01:30:00-04:00",
                "2026-11-01T01:30:00-05:00",
                "2026-11-02T01:30:00-05:00"
            ]
        );
        assert_eq!(
            runs("0 1 * * *", ny(), "2026-10-31T12:00:00-04:00", 3),
            [
                "2026-11-01T01:00:00-04:00",
                "2026-11-01T01:00:00-05:00",
                "2026-11-02T01:00:00-05:00"
            ]
        );
    }

    #[test]
    fn day_of_month_and_day_of_week_combine_as_robfig_does() {
        // `0 0 1 * 1`: the first of the month OR a Monday.
        assert_eq!(
            runs("0 0 1 * 1", Zone::Utc, "2026-06-01T00:00:00Z", 3),
            [
                "2026-06-08T00:00:00Z",
                "2026-06-15T00:00:00Z",
                "2026-06-22T00:00:00Z"
            ]
        );
        // `*/1` keeps the star bit: Mondays only (AND with "every day").
        assert_eq!(
            runs("0 0 */1 * 1", Zone::Utc, "2026-06-01T00:00:00Z", 1),
            ["2026-06-08T00:00:00Z"]
        );
        // `1-31` has no star bit: every day (OR).
        assert_eq!(
            runs("0 0 1-31 * 1", Zone::Utc, "2026-06-01T00:00:00Z", 1),
            ["2026-06-02T00:00:00Z"]
        );
        // `*/2` clears it: odd days OR Mondays.
        assert_eq!(
            runs("0 0 */2 * 1", Zone::Utc, "2026-06-02T00:00:00Z", 3),
            [
                "2026-06-03T00:00:00Z",
                "2026-06-05T00:00:00Z",
                "2026-06-07T00:00:00Z"
            ]
        );
    }

    #[test]
    fn month_ends_and_leap_days() {
        assert_eq!(
            runs("0 0 31 * *", Zone::Utc, "2026-01-31T00:00:00Z", 3),
            [
                "2026-03-31T00:00:00Z",
                "2026-05-31T00:00:00Z",
                "2026-07-31T00:00:00Z"
            ]
        );
        assert_eq!(
            runs("0 0 29 2 *", Zone::Utc, "2026-01-01T00:00:00Z", 2),
            ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"]
        );
    }

    #[test]
    fn never_firing_schedules_return_never() {
        let mut e = evaluator("0 0 30 2 *", Zone::Utc);
        assert_eq!(
            e.next(parse_rfc3339("2026-01-01T00:00:00Z").unwrap()),
            NextTime::Never
        );
        assert_eq!(
            e.next_go(parse_rfc3339("2026-01-01T00:00:00Z").unwrap()),
            Ok(Instant::GO_ZERO)
        );
        // Feb 29 stops after 2096: 2100 is not a leap year and 2104 is over five years later.
        let mut e = evaluator("0 0 29 2 *", Zone::Utc);
        assert_eq!(
            e.next(parse_rfc3339("2096-03-01T00:00:00Z").unwrap()),
            NextTime::Never
        );
    }

    #[test]
    fn every_ignores_zones_and_drops_nanoseconds() {
        let mut e = evaluator("@every 1h30m", ny());
        let t = Instant {
            unix: parse_rfc3339("2026-01-01T00:00:10Z").unwrap().unix,
            nanos: 999,
        };
        assert_eq!(
            format_rfc3339(e.next(t).at().unwrap(), Zone::Utc),
            "2026-01-01T01:30:10Z"
        );
    }

    #[test]
    fn time_zone_prefix_wins_over_local() {
        let mut e = evaluator("TZ=America/New_York 0 2 * * *", Zone::Utc);
        assert_eq!(e.zone(), ny());
        let next = e
            .next(parse_rfc3339("2026-06-01T00:00:00Z").unwrap())
            .at()
            .unwrap();
        assert_eq!(format_rfc3339(next, Zone::Utc), "2026-06-01T06:00:00Z");
    }

    #[test]
    fn jumps_agree_with_single_steps_across_transitions() {
        // The minute/second shortcut against robfig's one-at-a-time steps, around New York's
        // transitions, a 30-minute DST (Lord Howe), a half-hour offset (Kolkata) and an old
        // zone history with an offset in seconds (Amsterdam before 1937).
        let zones = [
            ny(),
            Zone::iana("Australia/Lord_Howe").expect("zone"),
            Zone::iana("Asia/Kolkata").expect("zone"),
            Zone::iana("Europe/Amsterdam").expect("zone"),
        ];
        let starts = [
            "2026-03-08T00:00:00Z",
            "2026-11-01T00:00:00Z",
            "2026-04-04T12:00:00Z",
            "2026-10-03T12:00:00Z",
            "1937-06-30T12:00:00Z",
        ];
        for zone in zones {
            for spec in [
                "7,37 * * * *",
                "*/13 1-3 * * *",
                "59 * * * *",
                "0 0 * * *",
                "30 2 * * *",
            ] {
                for start in starts {
                    let from = parse_rfc3339(start).unwrap();
                    let mut fast = evaluator(spec, zone);
                    let mut slow = evaluator(spec, zone);
                    slow.jump = false;
                    assert_eq!(
                        fast.upcoming(from, 80),
                        slow.upcoming(from, 80),
                        "{spec} in {zone:?} from {start}"
                    );
                }
            }
        }
    }
}

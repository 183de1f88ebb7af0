//! The time axis every chart shares: its ticks in a zone, their step following the stretch
//! shown (seconds → minutes → hours → days → months), local labels, midnights and month starts
//! drawn stronger, and the local calendar's day starts (where a DST change skips midnight, the
//! first instant after the jump). The timeline and its heat-map cells, the Gantt chart and the
//! metric charts all read their axis here, so a zoomed chart of either kind reads the same way.
//!
//! Hand-written, not a date crate's: the zone rules are Go's (`jobscope_golang::time`), and
//! a day that starts at 01:00 because midnight never happened must be found from them.

use jobscope_golang::time::{Civil, Instant, MONTH_NAMES, Zone, ZoneClock, offset_changes};

use crate::geometry::TEXT;
use crate::{Anchor, Paint, Scene};

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub at: Instant,
    /// `14:30`, `14:30:05`, `3 Mar`, `Mar`: local to the axis's zone.
    pub label: String,
    /// A day or month boundary (drawn stronger).
    pub major: bool,
}

/// How far apart the axis's ticks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TickStep {
    /// Every so many seconds of the local minute (a zoomed run of a Job).
    Seconds(u32),
    /// Every so many minutes of the local day (their multiples from midnight).
    Minutes(u32),
    /// Every so many days of the month (the 1st, then every `n`th day after it).
    Days(u32),
    /// The 1st of every `n`th month (January, then every `n`th month after it).
    Months(u32),
    /// The 1st of January of every year that is a multiple of `n`.
    Years(u32),
}

/// The most ticks an axis gets: the step is the finest that keeps to it.
const MAX_TICKS: i64 = 12;

/// The steps, finest first (a scenario may run until the year 9999: the coarsest steps keep
/// its axis to a dozen ticks too).
const TICK_STEPS: [TickStep; 31] = [
    TickStep::Seconds(1),
    TickStep::Seconds(5),
    TickStep::Seconds(10),
    TickStep::Seconds(15),
    TickStep::Seconds(30),
    TickStep::Minutes(1),
    TickStep::Minutes(2),
    TickStep::Minutes(5),
    TickStep::Minutes(10),
    TickStep::Minutes(15),
    TickStep::Minutes(30),
    TickStep::Minutes(60),
    TickStep::Minutes(180),
    TickStep::Minutes(360),
    TickStep::Minutes(720),
    TickStep::Days(1),
    TickStep::Days(3),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(25),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(250),
    TickStep::Years(500),
    TickStep::Years(1000),
    TickStep::Years(2500),
];

impl TickStep {
    fn for_length(seconds: i64) -> TickStep {
        let approx = |step: TickStep| match step {
            TickStep::Seconds(s) => i64::from(s),
            TickStep::Minutes(m) => i64::from(m) * 60,
            TickStep::Days(d) => i64::from(d) * 86_400,
            TickStep::Months(m) => i64::from(m) * 30 * 86_400,
            TickStep::Years(y) => i64::from(y) * 365 * 86_400,
        };
        TICK_STEPS
            .into_iter()
            .find(|step| seconds / approx(*step) <= MAX_TICKS)
            .unwrap_or(TickStep::Years(2500))
    }
}

/// The axis's ticks strictly inside `(from, to)` in `zone`: the step follows the range's
/// length, labels are local (`14:30:05` for steps of seconds, `14:30`, `3 Mar`, `Mar`, and
/// `2027` for a January or a year), and the midnights (days' and months' steps: the 1sts;
/// years': January) are drawn stronger. At most a few hundred, whatever the range.
pub fn ticks(from: Instant, to: Instant, zone: Zone) -> Vec<Tick> {
    // Within the years RFC 3339 writes (1 to 9999): the calendar's arithmetic stays in range
    // whatever a caller passes.
    let (from, to) = (within_years(from), within_years(to));
    let mut clock = ZoneClock::new(zone);
    let length = to.unix.saturating_sub(from.unix);
    match TickStep::for_length(length) {
        TickStep::Months(n) => month_ticks(&mut clock, from, to, n, 1),
        TickStep::Years(n) => month_ticks(&mut clock, from, to, 12, n),
        step => clock_ticks(&mut clock, zone, (from, to), step, length),
    }
}

/// `t` moved into the years 1 to 9999.
fn within_years(t: Instant) -> Instant {
    /// 0001-01-02T00:00:00Z and 9999-12-30T23:59:59Z: a day inside either end, so no zone's
    /// offset takes a local date out of the range.
    const FIRST: i64 = -62_135_510_400;
    const LAST: i64 = 253_402_214_399;
    Instant::from_unix(t.unix.clamp(FIRST, LAST))
}

/// Ticks of seconds, minutes and days: candidates walked in local time.
fn clock_ticks(
    clock: &mut ZoneClock,
    zone: Zone,
    (from, to): (Instant, Instant),
    step: TickStep,
    length: i64,
) -> Vec<Tick> {
    let mut ticks = Vec::new();
    // Candidates: every local second for steps of seconds, every local minute, or every local
    // quarter hour for steps of quarter hours, or every local midnight for days.
    let stride = match step {
        TickStep::Seconds(_) => 1,
        TickStep::Minutes(m) if m.is_multiple_of(15) => 900,
        _ => 60,
    };
    let days = matches!(step, TickStep::Days(_));
    let mut t = if days {
        start_of_day(from, zone).unix
    } else {
        from.unix.saturating_add(1)
    };
    // Bounded whatever the range: a tick list is at most a few hundred long.
    let mut walked = 0;
    while t < to.unix && ticks.len() < 400 && walked < 20_000 {
        walked += 1;
        if !days {
            // On the local clock's stride: zones with an offset of seconds (Monrovia until
            // 1972, most zones before 1900) have their minutes off UTC's.
            let local = t.saturating_add(i64::from(clock.offset_at(t)));
            let off = local.rem_euclid(stride);
            if off != 0 {
                t = t.saturating_add(stride - off);
                continue;
            }
        }
        let c: Civil = clock.civil(Instant::from_unix(t));
        let midnight = c.hour == 0 && c.minute == 0 && c.second == 0;
        let month = MONTH_NAMES[(c.month as usize).saturating_sub(1).min(11)];
        let tick = match step {
            _ if t <= from.unix => None,
            TickStep::Seconds(s) if c.second.is_multiple_of(s) => Some((
                format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second),
                midnight,
            )),
            TickStep::Minutes(m) if c.second == 0 && (c.hour * 60 + c.minute).is_multiple_of(m) => {
                // A midnight inside a view of hours says which day begins.
                let label = if midnight && length > 86_400 / 2 {
                    format!("{} {month}", c.day)
                } else {
                    format!("{:02}:{:02}", c.hour, c.minute)
                };
                Some((label, midnight))
            }
            TickStep::Days(d) if (c.day - 1).is_multiple_of(d) => {
                Some((format!("{} {month}", c.day), c.day == 1))
            }
            _ => None,
        };
        if let Some((label, major)) = tick {
            ticks.push(Tick {
                at: Instant::from_unix(t),
                label,
                major,
            });
        }
        t = if days {
            next_midnight(clock, t)
        } else {
            t.saturating_add(stride)
        };
    }
    ticks
}

/// Ticks on the 1st of every `months`th month (counted from January) of every `years`th year:
/// each found from the last by the calendar, not by walking the days between.
fn month_ticks(
    clock: &mut ZoneClock,
    from: Instant,
    to: Instant,
    months: u32,
    years: u32,
) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let start = clock.civil(from);
    // Months since year 0, from the month that holds `from`.
    let mut index = start.year.saturating_mul(12) + i64::from(start.month) - 1;
    let (months, years) = (i64::from(months.max(1)), i64::from(years.max(1)));
    for _ in 0..20_000 {
        if ticks.len() >= 400 {
            break;
        }
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        index = index.saturating_add(1);
        if (month - 1).rem_euclid(months) != 0 || (months == 12 && year.rem_euclid(years) != 0) {
            continue;
        }
        let date = (year, month as u32, 1);
        let near = clock.date(year, month, 1, 0, 0, 0, 0).unix;
        let at = day_start(clock, near, date);
        if at <= from.unix {
            continue;
        }
        if at >= to.unix {
            break;
        }
        let label = if month == 1 {
            year.to_string()
        } else {
            MONTH_NAMES[(month as usize - 1).min(11)].to_owned()
        };
        ticks.push(Tick {
            at: Instant::from_unix(at),
            label,
            major: month == 1,
        });
        if months == 12 {
            // Straight to the next year the step keeps.
            index = index.saturating_add(12 * years - 1);
        } else {
            index = index.saturating_add(months - 1);
        }
    }
    ticks
}

/// Draws `ticks` on `scene`: a grid line each from `top` to `bottom` at `x(tick.at)`, and its
/// label centred at `label_y`, left out where it would run into the last label drawn (a narrow
/// chart shows every other one, or fewer: 0.6 em a character and a gap).
pub fn draw_ticks(
    scene: &mut Scene,
    ticks: &[Tick],
    x: impl Fn(Instant) -> f64,
    (top, bottom): (f64, f64),
    label_y: f64,
) {
    let mut labels_end = f64::NEG_INFINITY;
    for tick in ticks {
        let x = x(tick.at);
        scene.line(
            (x, top),
            (x, bottom),
            if tick.major {
                Paint::GridStrong
            } else {
                Paint::Grid
            },
            1.0,
        );
        let half = tick.label.chars().count() as f64 * TEXT * 0.6 / 2.0;
        if x - half < labels_end + 8.0 {
            continue;
        }
        labels_end = x + half;
        scene.text_styled(
            x,
            label_y,
            tick.label.clone(),
            Paint::Muted,
            Anchor::Middle,
            TEXT,
            false,
        );
    }
}

/// The longest stretch whose clock changes are marked: five years (ten DST changes).
pub const MAX_CLOCK_CHANGE_SPAN: i64 = 5 * 366 * 86_400;

/// The zone's offset changes in `(from, to]` (DST, or a zone that changed its rules), each
/// with its words: `Clocks go forward 1 h in America/New_York: 02:00 EST becomes 03:00 EDT
/// (07:00 UTC)`.
///
/// None over more than [`MAX_CLOCK_CHANGE_SPAN`]: a chart that long has no room to mark them (a
/// scenario may run until the year 9999, and far-off years fall back to walking the zone).
pub fn clock_changes(from: Instant, to: Instant, zone: Zone) -> Vec<(Instant, String)> {
    if zone == Zone::Utc || to.unix.saturating_sub(from.unix) > MAX_CLOCK_CHANGE_SPAN {
        return Vec::new();
    }
    let hhmm = |local: i64| {
        let seconds = local.rem_euclid(86_400);
        format!("{:02}:{:02}", seconds / 3600, seconds / 60 % 60)
    };
    offset_changes(zone, from, to)
        .into_iter()
        .map(|(at, before, after)| {
            let shift = i64::from(after) - i64::from(before);
            let size = if shift.abs() % 3600 == 0 {
                format!("{} h", shift.abs() / 3600)
            } else {
                format!("{} min", shift.abs() / 60)
            };
            let text = format!(
                "Clocks go {} {size} in {}: {} {} becomes {} {} ({} UTC)",
                if shift > 0 { "forward" } else { "back" },
                zone.name(),
                hhmm(at.unix + i64::from(before)),
                zone.abbreviation(at.unix - 1),
                hhmm(at.unix + i64::from(after)),
                zone.abbreviation(at.unix),
                hhmm(at.unix),
            );
            (at, text)
        })
        .collect()
}

/// A local date, to compare.
fn date_of(clock: &mut ZoneClock, t: i64) -> (i64, u32, u32) {
    let c = clock.civil(Instant::from_unix(t));
    (c.year, c.month, c.day)
}

/// The first instant of the local date `date`, found from `near`, an instant within a few hours
/// of it: the local midnight, or, where a DST change skips midnight (Santiago, Beirut, Havana),
/// the first instant after the jump. Every zone's offsets and changes fall on quarter hours, so
/// it steps in quarter hours from `near` rounded to one.
fn day_start(clock: &mut ZoneClock, near: i64, date: (i64, u32, u32)) -> i64 {
    const QUARTER: i64 = 900;
    let mut t = near.saturating_sub(near.rem_euclid(QUARTER));
    // At most a day's worth of steps each way (changes are an hour or two).
    for _ in 0..96 {
        if date_of(clock, t) < date {
            t = t.saturating_add(QUARTER);
        } else if date_of(clock, t.saturating_sub(QUARTER)) >= date {
            t = t.saturating_sub(QUARTER);
        } else {
            break;
        }
    }
    t
}

/// The start of the local day after the one that starts at `t` (a DST day is 23 or 25 hours
/// long; 36 hours on is always inside the next day).
pub fn next_midnight(clock: &mut ZoneClock, t: i64) -> i64 {
    let next = date_of(clock, t.saturating_add(36 * 3600));
    day_start(clock, t.saturating_add(86_400), next)
}

/// The start of the day (in `zone`) that holds `t`: a timeline's natural left edge.
pub fn start_of_day(t: Instant, zone: Zone) -> Instant {
    let mut clock = ZoneClock::new(zone);
    let c = clock.civil(t);
    let since_midnight = i64::from(c.hour) * 3600 + i64::from(c.minute) * 60 + i64::from(c.second);
    Instant::from_unix(day_start(
        &mut clock,
        t.unix.saturating_sub(since_midnight),
        (c.year, c.month, c.day),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(from: i64, to: i64, zone: Zone) -> Vec<String> {
        ticks(Instant::from_unix(from), Instant::from_unix(to), zone)
            .into_iter()
            .map(|tick| tick.label)
            .collect()
    }

    /// 2 March 2026, 00:00 UTC.
    const MARCH_2: i64 = 1_772_409_600;

    #[test]
    fn a_short_stretch_gets_ticks_in_seconds() {
        // A Job's first 45 seconds: every 5 s.
        assert_eq!(
            labels(MARCH_2 + 3600, MARCH_2 + 3645, Zone::Utc),
            [
                "01:00:05", "01:00:10", "01:00:15", "01:00:20", "01:00:25", "01:00:30", "01:00:35",
                "01:00:40"
            ]
        );
        // Three minutes: every 15 s; the minute's own second is a tick like the others.
        let three = labels(MARCH_2, MARCH_2 + 180, Zone::Utc);
        assert_eq!(three.len(), 11);
        assert_eq!(three[3], "00:01:00");
        // Ten minutes: whole minutes again.
        assert_eq!(labels(MARCH_2, MARCH_2 + 600, Zone::Utc)[0], "00:01");
        // Under a second, or a range backwards: nothing to mark, and no panic.
        assert!(labels(MARCH_2, MARCH_2, Zone::Utc).is_empty());
        assert!(labels(MARCH_2 + 10, MARCH_2, Zone::Utc).is_empty());
    }

    #[test]
    fn long_stretches_get_months_then_years() {
        const YEAR: i64 = 365 * 86_400;
        // Two years: every quarter, January named by its year.
        assert_eq!(
            labels(MARCH_2, MARCH_2 + 2 * YEAR, Zone::Utc),
            ["Apr", "Jul", "Oct", "2027", "Apr", "Jul", "Oct", "2028"]
        );
        // Ten years: every year.
        let decade = labels(MARCH_2, MARCH_2 + 10 * YEAR, Zone::Utc);
        assert_eq!(decade.first().map(String::as_str), Some("2027"));
        assert_eq!(decade.len(), 10);
        // To the year 9999: a dozen ticks at most, spread over the whole range.
        let far = ticks(
            Instant::from_unix(MARCH_2),
            Instant::from_unix(253_402_300_799),
            Zone::Utc,
        );
        assert!((2..=12).contains(&far.len()), "{far:?}");
        assert_eq!(far.last().map(|t| t.label.as_str()), Some("9000"));
        // Local: New York's 2027 begins at 05:00 UTC.
        let new_york = Zone::iana("America/New_York").unwrap();
        let local = ticks(
            Instant::from_unix(MARCH_2),
            Instant::from_unix(MARCH_2 + 10 * YEAR),
            new_york,
        );
        assert_eq!(local[0].at.unix, 1_798_779_600);
        // The extremes of i64 neither panic nor walk for ever.
        let _ = ticks(
            Instant::from_unix(i64::MIN),
            Instant::from_unix(i64::MAX),
            Zone::Utc,
        );
        let _ = ticks(
            Instant::from_unix(i64::MAX - 10),
            Instant::from_unix(i64::MAX),
            new_york,
        );
    }

    #[test]
    fn minutes_are_local_where_the_offset_holds_seconds() {
        // Monrovia was 0:44:30 behind UTC until 1972: its minutes are still ticked.
        let monrovia = Zone::iana("Africa/Monrovia").unwrap();
        // 1970-01-01T00:00:00Z is 23:15:30 in Monrovia.
        let hour = ticks(Instant::from_unix(0), Instant::from_unix(3600), monrovia);
        assert_eq!(hour.len(), 12, "{hour:?}");
        assert_eq!(hour[0].label, "23:20");
        assert_eq!(hour[0].at.unix, 270);
    }

    #[test]
    fn seconds_are_local_in_a_zone_with_an_odd_offset() {
        // Kathmandu is 5:45 ahead of UTC: its minutes and seconds still start on the tick.
        let zone = Zone::iana("Asia/Kathmandu").unwrap();
        assert_eq!(
            labels(MARCH_2, MARCH_2 + 30, zone)[..2],
            ["05:45:05", "05:45:10"]
        );
        assert_eq!(labels(MARCH_2, MARCH_2 + 3600, zone)[0], "05:50");
    }

    #[test]
    fn the_day_after_a_skipped_midnight_starts_after_the_jump() {
        // Santiago, 6 September 2026: 00:00 becomes 01:00, so the 6th starts at 01:00 local
        // (04:00 UTC, like the 5th's midnight at -04).
        let zone = Zone::iana("America/Santiago").unwrap();
        let noon_before = 1_788_609_600; // 5 September 2026, 12:00 UTC
        let mut clock = ZoneClock::new(zone);
        let start = start_of_day(Instant::from_unix(noon_before), zone).unix;
        let next = next_midnight(&mut clock, start);
        let c = clock.civil(Instant::from_unix(next));
        assert_eq!((c.day, c.hour, c.minute), (6, 1, 0));
        assert_eq!(next - start, 24 * 3600);
    }

    #[test]
    fn clock_changes_say_which_way_and_by_how_much() {
        let new_york = Zone::iana("America/New_York").unwrap();
        // March 2026: forward on the 8th, at 07:00 UTC.
        let changes = clock_changes(
            Instant::from_unix(MARCH_2),
            Instant::from_unix(MARCH_2 + 14 * 86_400),
            new_york,
        );
        assert_eq!(
            changes,
            [(
                Instant::from_unix(1_772_953_200),
                "Clocks go forward 1 h in America/New_York: 02:00 EST becomes 03:00 EDT (07:00 UTC)"
                    .to_owned()
            )]
        );
        // Lord Howe Island moves by half an hour, back in April.
        let lord_howe = Zone::iana("Australia/Lord_Howe").unwrap();
        let april = clock_changes(
            Instant::from_unix(MARCH_2 + 30 * 86_400),
            Instant::from_unix(MARCH_2 + 45 * 86_400),
            lord_howe,
        );
        assert_eq!(april.len(), 1);
        assert!(
            april[0]
                .1
                .starts_with("Clocks go back 30 min in Australia/Lord_Howe: 02:00"),
            "{}",
            april[0].1
        );
        assert!(
            clock_changes(
                Instant::from_unix(MARCH_2),
                Instant::from_unix(MARCH_2 + 365 * 86_400),
                Zone::Utc
            )
            .is_empty()
        );
    }

    #[test]
    fn drawn_labels_keep_apart() {
        let ticks = ticks(
            Instant::from_unix(MARCH_2),
            Instant::from_unix(MARCH_2 + 45),
            Zone::Utc,
        );
        let mut scene = Scene::new(600.0, 100.0, "t".to_owned());
        // Eight ticks squeezed into 160 px: lines for all, labels only where they fit.
        draw_ticks(
            &mut scene,
            &ticks,
            |at| 100.0 + (at.unix - MARCH_2) as f64 * 4.0,
            (10.0, 90.0),
            8.0,
        );
        let texts: Vec<f64> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                crate::Item::Text { x, .. } => Some(*x),
                _ => None,
            })
            .collect();
        assert!(texts.len() < ticks.len() && !texts.is_empty());
        assert!(
            texts
                .windows(2)
                .all(|w| w[1] - w[0] >= 8.0 * TEXT * 0.6 + 8.0)
        );
    }
}

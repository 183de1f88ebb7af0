//! Go's `time` semantics that robfig/cron's `Next` and the CronJob controller depend on, ported.
//!
//! robfig/cron computes fire times with Go's `time.Date`, `AddDate`, `Add` and `Truncate`, and
//! its behaviour across DST gaps and overlaps is exactly Go's normalisation of a wall time that
//! does not exist or exists twice. chrono resolves such wall times differently (earliest / latest /
//! none), so this module ports Go's rules instead of using chrono's local-time API:
//!
//! - `Date` takes the wall time as if it were UTC, looks up the zone offset at that instant, and
//!   if the instant moved by that offset falls in another zone period, uses that period's offset
//!   (`time.go`, `Date`). Which side of a gap or overlap a wall time lands on therefore depends
//!   on the sign of the zone's offset: 02:30 on New York's spring-forward day becomes 01:30 EST
//!   (before the gap), the same wall time in Berlin becomes 03:30 CEST (after it); 01:30 on New
//!   York's fall-back day is the first occurrence, 02:30 on Berlin's the second.
//! - `Truncate` works on the absolute time since year 1, not on the wall clock.
//! - `Add`/`Sub` saturate the way Go's do.
//!
//! Offsets come from the IANA database in `tzdb`: each zone's transitions, then its POSIX TZ rule
//! evaluated as Go's `tzset` evaluates it, so they follow Go in every year (checked against Go
//! from 2100 to 2400).

use super::tzdb::Tz;

mod parse;

pub use parse::{go_parse_rfc3339, go_time_quote, parse_rfc3339};

pub(crate) const NANOS_PER_SECOND: i64 = 1_000_000_000;
pub const SECOND: i64 = NANOS_PER_SECOND;
pub const MINUTE: i64 = 60 * SECOND;
pub const HOUR: i64 = 60 * MINUTE;

/// Seconds from 0001-01-01T00:00:00Z (Go's zero time) to the Unix epoch.
const UNIX_TO_GO_ZERO: i64 = 62_135_596_800;

/// An instant, as Go's `time.Time` without its location: seconds since the Unix epoch and
/// nanoseconds within the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    pub unix: i64,
    pub nanos: u32,
}

impl Instant {
    /// Go's zero `time.Time` (0001-01-01T00:00:00Z), which robfig returns for "never".
    pub const GO_ZERO: Instant = Instant {
        unix: -UNIX_TO_GO_ZERO,
        nanos: 0,
    };

    pub const fn from_unix(unix: i64) -> Self {
        Instant { unix, nanos: 0 }
    }

    /// The instant `millis` milliseconds after the Unix epoch (the simulation's virtual time).
    pub const fn from_millis(millis: i64) -> Self {
        Instant {
            unix: millis.div_euclid(1_000),
            nanos: (millis.rem_euclid(1_000) * 1_000_000) as u32,
        }
    }

    /// Milliseconds since the Unix epoch (sub-millisecond parts dropped), saturating.
    pub fn millis(self) -> i64 {
        self.unix
            .saturating_mul(1_000)
            .saturating_add(i64::from(self.nanos / 1_000_000))
    }

    pub fn is_go_zero(self) -> bool {
        self == Self::GO_ZERO
    }

    /// Go's `t.Add(d)`: the seconds saturate instead of wrapping.
    pub fn add_nanos(self, duration_nanos: i64) -> Instant {
        let mut seconds = duration_nanos / NANOS_PER_SECOND;
        let mut nanos = i64::from(self.nanos) + duration_nanos % NANOS_PER_SECOND;
        if nanos >= NANOS_PER_SECOND {
            seconds += 1;
            nanos -= NANOS_PER_SECOND;
        } else if nanos < 0 {
            seconds -= 1;
            nanos += NANOS_PER_SECOND;
        }
        // Go keeps seconds since year 1 in an int64 and saturates it on overflow.
        let internal = self
            .unix
            .saturating_add(UNIX_TO_GO_ZERO)
            .saturating_add(seconds);
        let internal = internal.clamp(-i64::MAX, i64::MAX);
        Instant {
            unix: internal.saturating_sub(UNIX_TO_GO_ZERO),
            nanos: nanos as u32,
        }
    }

    /// Go's `t.Sub(u)`: the duration in nanoseconds, saturated to the range of `time.Duration`.
    pub fn nanos_since(self, earlier: Instant) -> i64 {
        let nanos = (i128::from(self.unix) - i128::from(earlier.unix))
            * i128::from(NANOS_PER_SECOND)
            + (i128::from(self.nanos) - i128::from(earlier.nanos));
        nanos.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    /// Go's `t.Truncate(d)` for `d` a whole number of seconds (all robfig uses): rounds down on the
    /// absolute time since year 1, whatever the zone.
    pub fn truncate_seconds(self, seconds: i64) -> Instant {
        let since_zero = self.unix + UNIX_TO_GO_ZERO;
        let remainder = since_zero.rem_euclid(seconds);
        Instant {
            unix: self.unix - remainder,
            nanos: 0,
        }
    }

    pub fn after(self, other: Instant) -> bool {
        self > other
    }

    pub fn before(self, other: Instant) -> bool {
        self < other
    }
}

/// A Go `time.Location`: UTC or an IANA zone. (The controller's `time.Local` is resolved to one
/// of these by the caller.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    Utc,
    Iana(Tz),
    /// The IANA database's `Factory` zone (offset zero, abbreviation `-00`), which Go's copy
    /// of the database has and chrono-tz's (so ours) leaves out.
    Factory,
}

impl Zone {
    /// The zone's offset east of UTC, in seconds, at an instant.
    pub(crate) fn offset_at(self, unix: i64) -> i32 {
        match self {
            Zone::Utc | Zone::Factory => 0,
            Zone::Iana(tz) => tz.offset_at(unix),
        }
    }

    /// The IANA zone of that exact name (`None` for names the database lacks).
    pub fn iana(name: &str) -> Option<Zone> {
        Tz::from_name(name).map(Zone::Iana)
    }

    /// The name Go's `Location.String()` gives: `UTC` or the IANA name.
    pub fn name(self) -> &'static str {
        match self {
            Zone::Utc => "UTC",
            Zone::Factory => "Factory",
            Zone::Iana(tz) => tz.name(),
        }
    }

    /// The zone abbreviation in effect at an instant (`EST`, `CEST`, `+0530`).
    pub fn abbreviation(self, unix: i64) -> String {
        match self {
            Zone::Utc => "UTC".to_owned(),
            Zone::Factory => "-00".to_owned(),
            Zone::Iana(tz) => tz.abbreviation(unix),
        }
    }
}

/// Seconds covered by one block of [`ZoneClock`]'s offset table (about 24 days).
const BLOCK_SECONDS: i64 = 1 << 21;

/// The offset changes within one block: `(first second, offset)` pairs in time order.
#[derive(Clone, Debug, Default)]
struct OffsetBlock {
    index: i64,
    segments: Vec<(i64, i32)>,
}

/// Looks up zone offsets through a table of the zone's offset changes, built block by block
/// (about 24 days each) the first time an instant in the block is asked for. A block is built
/// by reading the offset at every whole hour and narrowing each change to its exact second, so
/// the table is exact unless a zone changed its offset twice within one hour and back (the IANA
/// database has no such pair). Scanning a schedule then costs a table lookup per step instead
/// of a search through the zone's history.
#[derive(Clone, Debug)]
pub struct ZoneClock {
    pub zone: Zone,
    /// The two most recently used blocks; schedules move forward, so two are enough.
    blocks: [Option<OffsetBlock>; 2],
    /// The last segment looked up: `[start, end)` and its offset.
    last_segment: (i64, i64, i32),
    /// The last day converted to a date: its first local second, then (year, month, day,
    /// weekday).
    last_day: (i64, (i64, u32, u32, u32)),
}

impl ZoneClock {
    pub fn new(zone: Zone) -> Self {
        ZoneClock {
            zone,
            blocks: [None, None],
            last_segment: (0, 0, 0),
            last_day: (0, (1970, 1, 1, 4)),
        }
    }

    #[inline]
    pub fn offset_at(&mut self, unix: i64) -> i32 {
        if matches!(self.zone, Zone::Utc | Zone::Factory) {
            return 0;
        }
        let (start, end, offset) = self.last_segment;
        if start <= unix && unix < end {
            return offset;
        }
        let index = unix.div_euclid(BLOCK_SECONDS);
        let slot = match &self.blocks {
            [Some(block), _] if block.index == index => 0,
            [_, Some(block)] if block.index == index => 1,
            _ => {
                let block = build_block(self.zone, index);
                // Keep the newest in slot 0, the previous one in slot 1.
                self.blocks.swap(0, 1);
                self.blocks[0] = Some(block);
                0
            }
        };
        let segments = match &self.blocks[slot] {
            Some(block) => &block.segments,
            None => return self.zone.offset_at(unix),
        };
        let position = segments
            .partition_point(|(start, _)| *start <= unix)
            .saturating_sub(1);
        let (start, offset) = segments[position];
        // A segment ends where the next one starts, or with its block.
        let end = segments
            .get(position + 1)
            .map_or((index + 1) * BLOCK_SECONDS, |(next, _)| *next);
        self.last_segment = (start.max(index * BLOCK_SECONDS), end, offset);
        offset
    }

    /// The wall-clock reading of an instant in this zone.
    #[inline]
    pub fn civil(&mut self, t: Instant) -> Civil {
        let offset = self.offset_at(t.unix);
        let local = t.unix.saturating_add(i64::from(offset));
        // Consecutive lookups are mostly on the same day: keep its date.
        let mut second_of_day = local.wrapping_sub(self.last_day.0);
        if !(0..86_400).contains(&second_of_day) {
            let days = local.div_euclid(86_400);
            let (year, month, day) = civil_from_days(days);
            self.last_day = (
                days * 86_400,
                (year, month, day, (days + 4).rem_euclid(7) as u32),
            );
            second_of_day = local - days * 86_400;
        }
        let second_of_day = second_of_day as u32;
        let (year, month, day, weekday) = self.last_day.1;
        Civil {
            year,
            month,
            day,
            hour: second_of_day / 3600,
            minute: second_of_day / 60 % 60,
            second: second_of_day % 60,
            nanos: t.nanos,
            weekday,
        }
    }

    /// Go's `time.Date(year, month, day, hour, min, sec, nsec, loc)`, with Go's normalisation of
    /// out-of-range fields and of wall times that fall in a gap or an overlap.
    #[allow(clippy::too_many_arguments)] // reason: mirrors Go's time.Date signature
    pub fn date(
        &mut self,
        year: i64,
        month: i64,
        day: i64,
        hour: i64,
        min: i64,
        sec: i64,
        nsec: i64,
    ) -> Instant {
        let (year, month0) = norm(year, month - 1, 12);
        let (sec, nsec) = norm(sec, nsec, NANOS_PER_SECOND);
        let (min, sec) = norm(min, sec, 60);
        let (hour, min) = norm(hour, min, 60);
        let (day, hour) = norm(day, hour, 24);
        let days = days_from_civil(year, month0 + 1, 1).saturating_add(day - 1);
        let mut unix = days
            .saturating_mul(86_400)
            .saturating_add(hour * 3600 + min * 60 + sec);
        // Go: look up the offset at the wall time taken as UTC; if the instant it implies lies in
        // another zone period, use that period's offset instead.
        let offset = self.offset_at(unix);
        if offset != 0 {
            let utc = unix.saturating_sub(i64::from(offset));
            unix = unix.saturating_sub(i64::from(self.offset_at(utc)));
        }
        Instant {
            unix,
            nanos: nsec as u32,
        }
    }

    /// Go's `t.AddDate(years, months, days)` in this zone.
    pub fn add_date(&mut self, t: Instant, years: i64, months: i64, days: i64) -> Instant {
        let c = self.civil(t);
        self.date(
            c.year + years,
            i64::from(c.month) + months,
            i64::from(c.day) + days,
            i64::from(c.hour),
            i64::from(c.minute),
            i64::from(c.second),
            i64::from(t.nanos),
        )
    }
}

fn build_block(zone: Zone, index: i64) -> OffsetBlock {
    let start = index.saturating_mul(BLOCK_SECONDS);
    let end = start.saturating_add(BLOCK_SECONDS);
    // Hourly steps: the first to the next whole hour, then hour by hour, the last cut at `end`.
    let first_hour = start - start.rem_euclid(3600) + 3600;
    let step_of = |c: i64| {
        let t = if c <= first_hour {
            start
        } else {
            first_hour + (c - first_hour - 1).div_euclid(3600) * 3600
        };
        let next = if t == start { first_hour } else { t + 3600 };
        (t, next.min(end))
    };
    let mut segments = vec![(start, zone.offset_at(start))];
    segments.extend(
        grid_changes(zone, start, end, &step_of)
            .into_iter()
            .map(|(at, _, after)| (at, after)),
    );
    OffsetBlock { index, segments }
}

/// The offset changes a walk from `start` to `end` in the steps `step_of` gives (the step
/// `(t, next]` that holds a second) finds: each step whose two ends differ in offset, narrowed
/// to the changing second by [`first_change`], with the offsets before and after.
///
/// Only the steps that hold one of the zone's change candidates are looked at (the offset is
/// constant between candidates, so no other step can differ at its ends): the same changes as
/// looking at every step, at a few lookups instead of thousands (a year of three-hour steps was
/// a quarter of `jobscope validate`'s time on a stream of CronJobs). Where the zone lists no
/// candidates ([`Tz::change_candidates`]), every step is looked at.
fn grid_changes(
    zone: Zone,
    start: i64,
    end: i64,
    step_of: &dyn Fn(i64) -> (i64, i64),
) -> Vec<(i64, i32, i32)> {
    let Zone::Iana(tz) = zone else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    let mut look = |t: i64, next: i64| {
        let (before, after) = (zone.offset_at(t), zone.offset_at(next));
        if before != after {
            changes.push((first_change(zone, t, next, before), before, after));
        }
    };
    match tz.change_candidates(start, end) {
        Some(candidates) => {
            let mut last_step = None;
            for c in candidates {
                let (t, next) = step_of(c);
                if last_step != Some(t) {
                    last_step = Some(t);
                    look(t, next);
                }
            }
        }
        None => {
            let mut t = start;
            while t < end {
                let (_, next) = step_of(t + 1);
                look(t, next);
                t = next;
            }
        }
    }
    changes
}

/// The first second in `(lo, hi]` whose offset is no longer `offset` (which is the offset at
/// `lo`; the one at `hi` differs).
fn first_change(zone: Zone, mut lo: i64, mut hi: i64, offset: i32) -> i64 {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if zone.offset_at(mid) == offset {
            lo = mid
        } else {
            hi = mid
        }
    }
    hi
}

/// Go's `norm`: moves whole multiples of `base` from `lo` into `hi`.
fn norm(hi: i64, lo: i64, base: i64) -> (i64, i64) {
    (hi.saturating_add(lo.div_euclid(base)), lo.rem_euclid(base))
}

/// A wall-clock reading: what Go's `Year()`, `Month()`, `Day()`, `Hour()`, … return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 = January.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub(crate) nanos: u32,
    /// 0 = Sunday, as Go's `time.Weekday`.
    pub weekday: u32,
}

impl Civil {
    pub fn from_local_seconds(local: i64, nanos: u32) -> Civil {
        let days = local.div_euclid(86_400);
        let second_of_day = local.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: second_of_day / 3600,
            minute: second_of_day / 60 % 60,
            second: second_of_day % 60,
            nanos,
            weekday: (days + 4).rem_euclid(7) as u32,
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12; // March = 0
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day number (days since 1970-01-01).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub(crate) fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Finds the instants in `(from, to]` where the zone's offset changes (in three-hour steps,
/// narrowed to the second), with the offsets before and after.
pub fn offset_changes(zone: Zone, from: Instant, to: Instant) -> Vec<(Instant, i32, i32)> {
    let step = 3 * 3600;
    let (from, to) = (from.unix, to.unix);
    let step_of = |c: i64| {
        let t = from + (c - from - 1).div_euclid(step) * step;
        (t, (t + step).min(to))
    };
    grid_changes(zone, from, to, &step_of)
        .into_iter()
        .map(|(at, before, after)| (Instant::from_unix(at), before, after))
        .collect()
}

/// Formats an instant the way Go's `t.In(zone).Format(time.RFC3339)` does: `Z` for a zero offset,
/// otherwise `±hh:mm` (seconds of an offset are dropped, as Go drops them).
pub fn format_rfc3339(t: Instant, zone: Zone) -> String {
    let offset = zone.offset_at(t.unix);
    format_rfc3339_with_offset(t, offset, false)
}

/// RFC 3339 with fractional seconds when there are any (Go's `time.RFC3339Nano`).
pub fn format_rfc3339_nano(t: Instant, zone: Zone) -> String {
    let offset = zone.offset_at(t.unix);
    format_rfc3339_with_offset(t, offset, true)
}

/// English day abbreviations, Sunday first (Go's `time.Weekday` order).
pub const WEEKDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/// English month abbreviations, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Mon 9 Mar 2026 02:30 EDT`: how jobscope writes an instant for people, seconds only when
/// they are not zero. Not a Go layout: the page's own, in the zone's abbreviation as Go's
/// `MST` prints it.
pub fn format_readable(t: Instant, zone: Zone) -> String {
    let c = ZoneClock::new(zone).civil(t);
    let mut out = format!(
        "{} {} {} {} {:02}:{:02}",
        WEEKDAY_NAMES[c.weekday as usize % 7],
        c.day,
        MONTH_NAMES[(c.month as usize + 11) % 12],
        c.year,
        c.hour,
        c.minute,
    );
    if c.second != 0 {
        out.push_str(&format!(":{:02}", c.second));
    }
    out.push(' ');
    out.push_str(&zone.abbreviation(t.unix));
    out
}

/// An instant in `zone` and, when that is not UTC, in UTC too (the controller's clock in the
/// logs): `Mon 9 Mar 2026 02:30 EDT (06:30 UTC)`; the UTC date is written when it differs,
/// seconds when they are not zero.
pub fn format_readable_with_utc(t: Instant, zone: Zone) -> String {
    let mut out = format_readable(t, zone);
    if zone.abbreviation(t.unix) == "UTC" {
        return out;
    }
    let local = ZoneClock::new(zone).civil(t);
    let utc = ZoneClock::new(Zone::Utc).civil(t);
    let utc_text = if (local.year, local.month, local.day) == (utc.year, utc.month, utc.day) {
        // Seconds as the local part writes them (zones' offsets are whole minutes today).
        let mut time = format!("{:02}:{:02}", utc.hour, utc.minute);
        if utc.second != 0 {
            time.push_str(&format!(":{:02}", utc.second));
        }
        time
    } else {
        let full = format_readable(t, Zone::Utc);
        full.trim_end_matches(" UTC").to_owned()
    };
    out.push_str(&format!(" ({utc_text} UTC)"));
    out
}

fn format_rfc3339_with_offset(t: Instant, offset: i32, nano: bool) -> String {
    let c = Civil::from_local_seconds(t.unix.saturating_add(i64::from(offset)), t.nanos);
    let mut out = String::with_capacity(32);
    if (0..=9999).contains(&c.year) {
        out.push_str(&format!("{:04}", c.year));
    } else {
        out.push_str(&c.year.to_string());
    }
    out.push_str(&format!(
        "-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.month, c.day, c.hour, c.minute, c.second
    ));
    if nano && c.nanos != 0 {
        let fraction = format!("{:09}", c.nanos);
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    if offset == 0 {
        out.push('Z');
    } else {
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.unsigned_abs() / 60;
        out.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_times_name_the_zone_and_add_utc() {
        let new_york = Zone::iana("America/New_York").expect("in the database");
        let cases = [
            // EDT, UTC the same day.
            (
                1_773_037_800,
                new_york,
                "Mon 9 Mar 2026 02:30 EDT (06:30 UTC)",
            ),
            // Seconds when there are some; UTC the next day, so with its date.
            (
                1_773_023_405,
                new_york,
                "Sun 8 Mar 2026 22:30:05 EDT (Mon 9 Mar 2026 02:30:05 UTC)",
            ),
            // Seconds on the same day, in both parts.
            (
                1_773_037_807,
                new_york,
                "Mon 9 Mar 2026 02:30:07 EDT (06:30:07 UTC)",
            ),
            // UTC once.
            (1_773_037_800, Zone::Utc, "Mon 9 Mar 2026 06:30 UTC"),
        ];
        for (unix, zone, want) in cases {
            assert_eq!(
                format_readable_with_utc(Instant::from_unix(unix), zone),
                want
            );
        }
    }

    fn new_york() -> ZoneClock {
        ZoneClock::new(Zone::iana("America/New_York").expect("zone"))
    }

    fn at(text: &str) -> Instant {
        parse_rfc3339(text).unwrap()
    }

    /// The RFC 3339 reader agrees with chrono's on what both accept, and rejects the rest.
    #[test]
    fn rfc3339_matches_chrono() {
        for text in [
            "2026-03-08T07:00:00Z",
            "2026-03-08t07:00:00z",
            "2026-03-08 07:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.5+05:30",
            "2026-11-01T01:30:00-04:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.1234567891Z",
            "  2026-01-01T00:00:00Z  ",
        ] {
            let theirs = chrono::DateTime::parse_from_rfc3339(text.trim()).expect(text);
            let ours = parse_rfc3339(text).expect(text);
            assert_eq!(
                (ours.unix, ours.nanos),
                (theirs.timestamp(), theirs.timestamp_subsec_nanos()),
                "{text}"
            );
        }
        for text in [
            "",
            "2026-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:00",
            "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00+0500",
            "2026-01-01T00:00:00+24:00",
            "2026-01-01X00:00:00Z",
            "2026-1-01T00:00:00Z",
            "2026-01-01T00:00:00Zjunk",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
            assert!(
                chrono::DateTime::parse_from_rfc3339(text).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn civil_round_trips_across_eras() {
        for days in [-800_000, -719_468, -1, 0, 1, 11_016, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-UNIX_TO_GO_ZERO / 86_400), (1, 1, 1));
    }

    #[test]
    fn weekday_is_go_weekday() {
        // 2026-03-08 is a Sunday.
        let c = Civil::from_local_seconds(at("2026-03-08T12:00:00Z").unix, 0);
        assert_eq!(c.weekday, 0);
        assert_eq!(Civil::from_local_seconds(0, 0).weekday, 4);
    }

    /// Wall times that do not exist or exist twice land where Go's `time.Date` puts them: it
    /// looks up the offset at the wall time taken as UTC and, if the instant moved by that offset
    /// falls in another period, uses that period's offset.
    #[test]
    fn date_in_gaps_and_overlaps_follows_go() {
        for (zone, (y, mo, d, h, mi), want) in [
            // 02:30 does not exist on New York's spring-forward day: the lookup at 02:30 UTC
            // (EST) lands past the transition, takes EDT's offset, and ends at 01:30 EST.
            (
                "America/New_York",
                (2026, 3, 8, 2, 30),
                "2026-03-08T01:30:00-05:00",
            ),
            // East of UTC the same rule lands after the gap.
            (
                "Europe/Berlin",
                (2026, 3, 29, 2, 30),
                "2026-03-29T03:30:00+02:00",
            ),
            // 01:30 happens twice on New York's fall-back day: the lookup at 01:30 UTC (EDT)
            // is still EDT at 05:30 UTC, so the first occurrence.
            (
                "America/New_York",
                (2026, 11, 1, 1, 30),
                "2026-11-01T01:30:00-04:00",
            ),
            // Berlin 02:30 on its fall-back day: the lookup at 02:30 UTC is already CET, so
            // the second occurrence.
            (
                "Europe/Berlin",
                (2026, 10, 25, 2, 30),
                "2026-10-25T02:30:00+01:00",
            ),
        ] {
            let mut clock = ZoneClock::new(Zone::iana(zone).expect("zone"));
            let t = clock.date(y, mo, d, h, mi, 0, 0);
            assert_eq!(format_rfc3339(t, clock.zone), want, "{zone}");
        }
    }

    #[test]
    fn date_normalises_overflowing_fields_like_go() {
        let mut clock = ZoneClock::new(Zone::Utc);
        assert_eq!(
            format_rfc3339(clock.date(2026, 13, 1, 0, 0, 0, 0), Zone::Utc),
            "2027-01-01T00:00:00Z"
        );
        assert_eq!(
            format_rfc3339(clock.date(2026, 2, 30, 0, 0, 0, 0), Zone::Utc),
            "2026-03-02T00:00:00Z"
        );
        assert_eq!(
            format_rfc3339(clock.date(2026, 1, 0, 0, 0, 0, 0), Zone::Utc),
            "2025-12-31T00:00:00Z"
        );
        assert_eq!(
            format_rfc3339(clock.date(2026, 1, 1, 24, 60, -1, 0), Zone::Utc),
            "2026-01-02T00:59:59Z"
        );
    }

    #[test]
    fn add_date_keeps_the_wall_clock() {
        let mut clock = new_york();
        let before = at("2026-03-07T02:30:00-05:00");
        let after = clock.add_date(before, 0, 0, 1);
        assert_eq!(
            format_rfc3339(after, clock.zone),
            "2026-03-08T01:30:00-05:00"
        );
    }

    #[test]
    fn truncate_is_absolute_not_wall_clock() {
        // Asia/Kolkata is UTC+05:30; truncating to the hour works on UTC hours.
        let t = at("2026-01-01T10:45:10+05:30");
        assert_eq!(t.truncate_seconds(3600), at("2026-01-01T10:30:00+05:30"));
        assert_eq!(t.truncate_seconds(60), at("2026-01-01T10:45:00+05:30"));
    }

    #[test]
    fn add_and_sub_saturate() {
        // Go keeps seconds since year 1 in an int64; adding past its end stops at the end.
        let far = Instant::from_unix(i64::MAX - UNIX_TO_GO_ZERO - 10);
        assert_eq!(far.add_nanos(i64::MAX).unix, i64::MAX - UNIX_TO_GO_ZERO);
        assert_eq!(
            Instant::from_unix(0).nanos_since(Instant::GO_ZERO),
            i64::MAX
        );
        assert_eq!(
            Instant::GO_ZERO.nanos_since(Instant::from_unix(0)),
            i64::MIN
        );
        assert_eq!(
            Instant {
                unix: 5,
                nanos: 900_000_000
            }
            .add_nanos(200_000_000),
            Instant {
                unix: 6,
                nanos: 100_000_000
            }
        );
        assert_eq!(
            Instant {
                unix: 5,
                nanos: 100_000_000
            }
            .add_nanos(-200_000_000),
            Instant {
                unix: 4,
                nanos: 900_000_000
            }
        );
    }

    #[test]
    fn rfc3339_matches_go_format() {
        let t = at("2026-03-08T07:00:00Z");
        assert_eq!(format_rfc3339(t, Zone::Utc), "2026-03-08T07:00:00Z");
        assert_eq!(
            format_rfc3339(t, Zone::iana("Asia/Kolkata").expect("zone")),
            "2026-03-08T12:30:00+05:30"
        );
        assert_eq!(
            format_rfc3339_nano(t.add_nanos(100_000_000), Zone::Utc),
            "2026-03-08T07:00:00.1Z"
        );
        assert_eq!(
            format_rfc3339(Instant::GO_ZERO, Zone::Utc),
            "0001-01-01T00:00:00Z"
        );
    }

    #[test]
    fn the_table_gives_the_same_offsets_as_direct_lookups() {
        let zones = [
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
            "Europe/Amsterdam",
            "America/Sao_Paulo",
            "Africa/Casablanca",
        ];
        for name in zones {
            let tz = Zone::iana(name).expect("zone");
            let mut clock = ZoneClock::new(tz);
            for (from, to) in [
                ("1935-01-01T00:00:00Z", "1938-01-01T00:00:00Z"),
                ("2018-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ] {
                let (from, to) = (at(from).unix, at(to).unix);
                let mut unix = from;
                while unix < to {
                    assert_eq!(
                        clock.offset_at(unix),
                        clock.zone.offset_at(unix),
                        "{tz:?} at {unix}"
                    );
                    unix += 7919;
                }
            }
            // Every change, to the second, including going backwards in time.
            for &(change, _, _) in offset_changes(
                clock.zone,
                at("2026-01-01T00:00:00Z"),
                at("2027-01-01T00:00:00Z"),
            )
            .iter()
            .rev()
            {
                for unix in [change.unix - 1, change.unix, change.unix + 1] {
                    assert_eq!(
                        clock.offset_at(unix),
                        clock.zone.offset_at(unix),
                        "{tz:?} at {unix}"
                    );
                }
            }
        }
    }

    #[test]
    fn offset_changes_of_a_year() {
        let ny = Zone::iana("America/New_York").expect("zone");
        let changes = offset_changes(
            ny,
            parse_rfc3339("2026-01-01T00:00:00Z").unwrap(),
            parse_rfc3339("2027-01-01T00:00:00Z").unwrap(),
        );
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].0, parse_rfc3339("2026-03-08T07:00:00Z").unwrap());
        assert_eq!(changes[1].0, parse_rfc3339("2026-11-01T06:00:00Z").unwrap());
    }

    /// The walk the candidates replaced: every step looked at, the offset carried along.
    fn walk_every_step(zone: Zone, start: i64, end: i64, step: i64) -> Vec<(i64, i32, i32)> {
        let mut changes = Vec::new();
        let mut t = start;
        let mut offset = zone.offset_at(t);
        while t < end {
            let next = (t + step).min(end);
            let next_offset = zone.offset_at(next);
            if next_offset != offset {
                changes.push((first_change(zone, t, next, offset), offset, next_offset));
                offset = next_offset;
            }
            t = next;
        }
        changes
    }

    #[test]
    fn offset_changes_are_those_a_walk_over_every_step_finds() {
        let at = |text: &str| parse_rfc3339(text).unwrap().unix;
        // Every zone around today and where the tables end and the rules take over; a start
        // off the hour; and, for a few zones, before 1970 (rules there fall back to the walk).
        let ranges = [
            (at("2025-12-31T22:17:05Z"), at("2027-01-02T00:00:00Z")),
            (at("2036-06-01T00:00:00Z"), at("2038-06-01T00:00:00Z")),
            (at("2099-03-01T00:00:00Z"), at("2100-12-01T00:00:00Z")),
        ];
        let mut zones = 0;
        for name in crate::tzdb::names() {
            let zone = Zone::iana(name).expect("listed zone");
            zones += 1;
            for (from, to) in ranges {
                let fast: Vec<(i64, i32, i32)> =
                    offset_changes(zone, Instant::from_unix(from), Instant::from_unix(to))
                        .into_iter()
                        .map(|(t, before, after)| (t.unix, before, after))
                        .collect();
                assert_eq!(
                    fast,
                    walk_every_step(zone, from, to, 3 * 3600),
                    "{name} {from}..{to}"
                );
            }
        }
        assert!(zones > 500, "{zones} zones");
        for name in [
            "America/New_York",
            "Europe/Dublin",
            "Australia/Lord_Howe",
            "EST5EDT",
        ] {
            let zone = Zone::iana(name).expect("zone");
            let (from, to) = (at("1965-01-01T00:00:00Z"), at("1972-01-01T00:00:00Z"));
            let fast: Vec<(i64, i32, i32)> =
                offset_changes(zone, Instant::from_unix(from), Instant::from_unix(to))
                    .into_iter()
                    .map(|(t, before, after)| (t.unix, before, after))
                    .collect();
            assert_eq!(fast, walk_every_step(zone, from, to, 3 * 3600), "{name}");
        }
    }

    #[test]
    fn clock_blocks_are_those_an_hourly_walk_finds() {
        let at = |text: &str| parse_rfc3339(text).unwrap().unix;
        for name in [
            "America/New_York",
            "America/Santiago",
            "Europe/Dublin",
            "Australia/Lord_Howe",
            "Asia/Tehran",
            "Pacific/Apia",
            "Africa/Casablanca",
            "America/Sao_Paulo",
        ] {
            let zone = Zone::iana(name).expect("zone");
            for year_start in [
                at("1968-01-01T00:00:00Z"),
                at("2026-01-01T00:00:00Z"),
                at("2100-01-01T00:00:00Z"),
            ] {
                let first = year_start.div_euclid(BLOCK_SECONDS);
                for index in first..first + 16 {
                    let start = index * BLOCK_SECONDS;
                    let end = start + BLOCK_SECONDS;
                    // The walk build_block made before the candidates: to the next whole hour,
                    // then hour by hour.
                    let mut expected = vec![(start, zone.offset_at(start))];
                    let mut t = start;
                    let mut probe = start - start.rem_euclid(3600) + 3600;
                    while t < end {
                        let next = probe.min(end);
                        let (before, after) = (zone.offset_at(t), zone.offset_at(next));
                        if before != after {
                            expected.push((first_change(zone, t, next, before), after));
                        }
                        t = next;
                        probe = next + 3600;
                    }
                    assert_eq!(
                        build_block(zone, index).segments,
                        expected,
                        "{name} block {index}"
                    );
                }
            }
        }
    }
}

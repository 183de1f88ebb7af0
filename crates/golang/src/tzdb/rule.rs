//! Go's `tzset` (`src/time/zoneinfo.go`): the POSIX TZ string zic writes at the end of a zone's
//! TZif data (its "footer", e.g. `GMT0BST,M3.5.0/1,M10.5.0`), which `Location.lookup` evaluates
//! for every instant at or after the zone's last explicit transition.
//!
//! Ported line by line instead of taken from a POSIX TZ crate, because Go reads these strings
//! its own way and Kubernetes computes with Go's reading: hours up to 168 (POSIX stops at 24),
//! signed rule times with minutes and seconds (`/-1`, `/26`, `/50`, `/2:45`), the default rules
//! `,M3.2.0,M11.1.0` when a DST name has none, `;` accepted before the rules, and each instant
//! evaluated against the rules of its own *UTC* year. A string Go cannot parse gives no rule,
//! and Go then keeps the zone's last transition forever; so do we.
//!
//! The strings are parsed once (Go parses on every lookup; the answers are the same).

use crate::time::{civil_from_days, days_from_civil, days_in_month, is_leap_year};

const SECONDS_PER_HOUR: i64 = 3600;
const SECONDS_PER_DAY: i64 = 86_400;

/// A zone's recurring rule: standard time only, or standard and daylight time with the two
/// changes between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ZoneRule<'a> {
    std: Period<'a>,
    dst: Option<Daylight<'a>>,
}

/// One of the rule's two periods: its abbreviation and offset east of UTC (seconds), and
/// whether Go reports it as daylight time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period<'a> {
    pub(crate) name: &'a str,
    pub(crate) offset: i32,
    pub(crate) is_dst: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Daylight<'a> {
    period: Period<'a>,
    start: Change,
    end: Change,
}

/// Go's `rule`: a day of the year and the local time of day the change happens at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    day: RuleDay,
    /// Seconds after local midnight in the time in force before the change (may be negative
    /// or beyond a day).
    time: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Jn`: 1..=365, February 29 never counted.
    Julian(i64),
    /// `n`: 0..=365, zero-based, February 29 counted.
    ZeroBased(i64),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
    Weekday { month: i64, week: i64, weekday: i64 },
}

impl<'a> ZoneRule<'a> {
    /// Go's `tzset` parsing: `None` where Go's `ok` is false.
    pub(crate) fn parse(s: &'a str) -> Option<ZoneRule<'a>> {
        let (std_name, s) = tzset_name(s)?;
        let (std_offset, s) = tzset_offset(s)?;
        // TZ strings give the offset to add to local time to get UTC; ours are the opposite.
        let std = Period {
            name: std_name,
            offset: i32::try_from(-std_offset).ok()?,
            is_dst: false,
        };
        if s.is_empty() || s.starts_with(',') {
            return Some(ZoneRule { std, dst: None });
        }
        let (dst_name, mut s) = tzset_name(s)?;
        let dst_offset = if s.is_empty() || s.starts_with(',') {
            i64::from(std.offset) + SECONDS_PER_HOUR
        } else {
            let (offset, rest) = tzset_offset(s)?;
            s = rest;
            -offset
        };
        if s.is_empty() {
            // Default DST rules per tzcode.
            s = ",M3.2.0,M11.1.0";
        }
        // The TZ definition does not mention ';' here but tzcode accepts it.
        let s = s.strip_prefix(',').or_else(|| s.strip_prefix(';'))?;
        let (start, s) = tzset_rule(s)?;
        let s = s.strip_prefix(',')?;
        let (end, s) = tzset_rule(s)?;
        if !s.is_empty() {
            return None;
        }
        let dst = Daylight {
            period: Period {
                name: dst_name,
                offset: i32::try_from(dst_offset).ok()?,
                is_dst: true,
            },
            start,
            end,
        };
        Some(ZoneRule {
            std,
            dst: Some(dst),
        })
    }

    /// The period in force at `sec` (Unix seconds): the `name, offset, isDST` of Go's `tzset`.
    pub(crate) fn period_at(&self, sec: i64) -> Period<'a> {
        let Some(dst) = self.dst else {
            return self.std;
        };
        // The year and day of the year of `sec` as a UTC instant, and the seconds since that
        // year began (Go's `sec % secondsPerDay` truncates, kept as is).
        let day = sec.div_euclid(SECONDS_PER_DAY);
        let (year, _, _) = civil_from_days(day);
        let yday = day - days_from_civil(year, 1, 1) + 1;
        let ysec = (yday - 1) * SECONDS_PER_DAY + sec % SECONDS_PER_DAY;
        let mut start_sec = tzrule_time(year, dst.start, i64::from(self.std.offset));
        let mut end_sec = tzrule_time(year, dst.end, i64::from(dst.period.offset));
        let (mut std, mut daylight) = (self.std, dst.period);
        // Southern hemisphere (and negative DST, Dublin's): the periods swap with their labels,
        // so the name, offset and isDST flag of each travel together.
        if end_sec < start_sec {
            std::mem::swap(&mut start_sec, &mut end_sec);
            std::mem::swap(&mut std, &mut daylight);
        }
        if ysec < start_sec || ysec >= end_sec {
            std
        } else {
            daylight
        }
    }
}

impl ZoneRule<'_> {
    /// The instants (Unix seconds) of the rule's two changes in a UTC year, as `period_at` places
    /// them for years from 1970 on (before, Go's truncating `%` moves them); `None` without
    /// daylight time.
    pub(crate) fn changes(&self, year: i64) -> Option<[i64; 2]> {
        let dst = self.dst?;
        let ystart = days_from_civil(year, 1, 1) * SECONDS_PER_DAY;
        Some([
            ystart + tzrule_time(year, dst.start, i64::from(self.std.offset)),
            ystart + tzrule_time(year, dst.end, i64::from(dst.period.offset)),
        ])
    }
}

/// Go's `tzsetName`: `<…>` up to the `>`, or at least three characters up to the first digit,
/// `,`, `-` or `+`.
fn tzset_name(s: &str) -> Option<(&str, &str)> {
    if s.is_empty() {
        return None;
    }
    if let Some(quoted) = s.strip_prefix('<') {
        let end = quoted.find('>')?;
        return Some((&quoted[..end], &quoted[end + 1..]));
    }
    match s.find(|c: char| c.is_ascii_digit() || matches!(c, ',' | '-' | '+')) {
        Some(i) if i < 3 => None,
        Some(i) => Some((&s[..i], &s[i..])),
        None if s.len() < 3 => None,
        None => Some((s, "")),
    }
}

/// Go's `tzsetOffset`: `[+-]hh[:mm[:ss]]` in seconds, hours up to 24 × 7.
fn tzset_offset(s: &str) -> Option<(i64, &str)> {
    if s.is_empty() {
        return None;
    }
    let (negative, s) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1 } else { 1 };
    let (hours, s) = tzset_num(s, 0, 24 * 7)?;
    let mut offset = hours * SECONDS_PER_HOUR;
    let Some(s) = s.strip_prefix(':') else {
        return Some((sign * offset, s));
    };
    let (minutes, s) = tzset_num(s, 0, 59)?;
    offset += minutes * 60;
    let Some(s) = s.strip_prefix(':') else {
        return Some((sign * offset, s));
    };
    let (seconds, s) = tzset_num(s, 0, 59)?;
    Some((sign * (offset + seconds), s))
}

/// Go's `tzsetRule`: `Jn`, `n` or `Mm.w.d`, then an optional `/time` (default 02:00).
fn tzset_rule(s: &str) -> Option<(Change, &str)> {
    let (day, s) = if let Some(rest) = s.strip_prefix('J') {
        let (day, rest) = tzset_num(rest, 1, 365)?;
        (RuleDay::Julian(day), rest)
    } else if let Some(rest) = s.strip_prefix('M') {
        let (month, rest) = tzset_num(rest, 1, 12)?;
        let (week, rest) = tzset_num(rest.strip_prefix('.')?, 1, 5)?;
        let (weekday, rest) = tzset_num(rest.strip_prefix('.')?, 0, 6)?;
        (
            RuleDay::Weekday {
                month,
                week,
                weekday,
            },
            rest,
        )
    } else {
        let (day, rest) = tzset_num(s, 0, 365)?;
        (RuleDay::ZeroBased(day), rest)
    };
    let Some(time) = s.strip_prefix('/') else {
        return Some((
            Change {
                day,
                time: 2 * SECONDS_PER_HOUR,
            },
            s,
        ));
    };
    let (time, s) = tzset_offset(time)?;
    Some((Change { day, time }, s))
}

/// Go's `tzsetNum`: leading decimal digits within `min..=max` (checked as they accumulate,
/// so a long run of digits fails instead of overflowing).
fn tzset_num(s: &str, min: i64, max: i64) -> Option<(i64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut num: i64 = 0;
    for b in s[..digits].bytes() {
        num = num * 10 + i64::from(b - b'0');
        if num > max {
            return None;
        }
    }
    (num >= min).then_some((num, &s[digits..]))
}

/// Go's `tzruleTime`: seconds from the start of the UTC year to the change, for a wall clock
/// `off` seconds east of UTC.
fn tzrule_time(year: i64, change: Change, off: i64) -> i64 {
    let leap = is_leap_year(year);
    let seconds = match change.day {
        RuleDay::Julian(day) => {
            let mut s = (day - 1) * SECONDS_PER_DAY;
            if leap && day >= 60 {
                s += SECONDS_PER_DAY;
            }
            s
        }
        RuleDay::ZeroBased(day) => day * SECONDS_PER_DAY,
        RuleDay::Weekday {
            month,
            week,
            weekday,
        } => {
            // Zeller's congruence: the weekday of the month's first day.
            let m1 = (month + 9) % 12 + 1;
            let yy0 = if month <= 2 { year - 1 } else { year };
            let (yy1, yy2) = (yy0 / 100, yy0 % 100);
            let mut dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
            if dow < 0 {
                dow += 7;
            }
            // The first such weekday of the month (0-based day), then later weeks while they
            // stay in the month: week 5 is the last.
            let mut d = weekday - dow;
            if d < 0 {
                d += 7;
            }
            let days_in_month = i64::from(days_in_month(year, u32::try_from(month).unwrap_or(1)));
            for _ in 1..week {
                if d + 7 >= days_in_month {
                    break;
                }
                d += 7;
            }
            d += days_before(month);
            if leap && month > 2 {
                d += 1;
            }
            d * SECONDS_PER_DAY
        }
    };
    seconds + change.time - off
}

/// Go's `daysBefore`: days of a non-leap year before month `m` (1-based).
fn days_before(m: i64) -> i64 {
    let adjust = if m >= 3 { -2 } else { 0 };
    (214 * m - 211) / 7 + adjust
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(rule: &str, sec: i64) -> (String, i32, bool) {
        let p = ZoneRule::parse(rule).expect("parses").period_at(sec);
        (p.name.to_owned(), p.offset, p.is_dst)
    }

    /// Every rule of `testdata/go-tzset-rules.tsv` read as Go reads it: parsed where Go applies
    /// it (not where Go keeps the table's `TBL`), with Go's answer at each change and probe, a
    /// different answer the second before each change, and no change Go does not make.
    #[test]
    fn rules_follow_go() {
        let text = include_str!("../../testdata/go-tzset-rules.tsv");
        let mut by_rule: Vec<(&str, Vec<Vec<&str>>)> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            match by_rule.last_mut() {
                Some((rule, rows)) if *rule == f[0] => rows.push(f),
                _ => by_rule.push((f[0], vec![f])),
            }
        }
        assert_eq!(by_rule.len(), 32);
        for (text, rows) in &by_rule {
            let parsed = ZoneRule::parse(text);
            if rows.iter().all(|f| f[4] == "TBL") {
                assert_eq!(parsed, None, "{text}: Go does not apply it");
                continue;
            }
            let rule = parsed.unwrap_or_else(|| panic!("{text}: Go applies it"));
            let answer = |unix: i64| {
                let p = rule.period_at(unix);
                (p.offset, p.name.to_owned(), p.is_dst)
            };
            let mut go_changes = Vec::new();
            for f in rows {
                let unix: i64 = f[2].parse().expect("unix");
                let want = (f[3].parse().expect("offset"), f[4].to_owned(), f[5] == "1");
                assert_eq!(answer(unix), want, "{text} at {unix}");
                if f[1] == "change" {
                    assert_ne!(answer(unix - 1), want, "{text} at {unix}");
                    go_changes.push(unix);
                }
            }
            for year in [2100, 2101, 2104, 2400] {
                let (start, end) = (
                    days_from_civil(year, 1, 1) * SECONDS_PER_DAY,
                    days_from_civil(year + 1, 1, 1) * SECONDS_PER_DAY,
                );
                for t in rule.changes(year).into_iter().flatten() {
                    if (start..end).contains(&t) && answer(t - 1) != answer(t) {
                        assert!(go_changes.contains(&t), "{text}: a change at {t} Go lacks");
                    }
                }
            }
        }
    }

    #[test]
    fn defaults_follow_tzcode() {
        // No rules: the US rules since 2007, changes at 02:00; DST one hour ahead.
        let rule = ZoneRule::parse("EST5EDT").expect("parses");
        assert_eq!(
            rule,
            ZoneRule::parse("EST5EDT4,M3.2.0/2,M11.1.0/2").unwrap()
        );
        // 2100-03-14 is the second Sunday of March 2100: 02:00 EST = 07:00 UTC.
        let change = 4_108_690_800; // 2100-03-14T07:00:00Z
        assert_eq!(
            period("EST5EDT", change - 1),
            ("EST".into(), -5 * 3600, false)
        );
        assert_eq!(period("EST5EDT", change), ("EDT".into(), -4 * 3600, true));
    }

    #[test]
    fn negative_dst_swaps_the_labels() {
        // Dublin: winter is GMT with isDST set, summer IST without.
        let winter = 4_102_444_800; // 2100-01-01T00:00:00Z
        let summer = winter + 180 * 86_400;
        let dublin = "IST-1GMT0,M10.5.0,M3.5.0/1";
        assert_eq!(period(dublin, winter), ("GMT".into(), 0, true));
        assert_eq!(period(dublin, summer), ("IST".into(), 3600, false));
    }

    #[test]
    fn fixed_rules_never_change() {
        assert_eq!(period("<+0330>-3:30", 0), ("+0330".into(), 12_600, false));
        assert_eq!(
            period("<+0330>-3:30", 9_000_000_000),
            ("+0330".into(), 12_600, false)
        );
    }
}

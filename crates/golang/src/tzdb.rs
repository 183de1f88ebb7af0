//! The IANA time-zone database the engine evaluates schedules in: zone names (links
//! included), each zone's offset changes, abbreviations, and the database version.
//!
//! Each zone has Go's shape: its transitions up to the last one zic writes explicitly, then the
//! POSIX TZ rule zic writes after them, which Go's `Location.lookup` evaluates for every later
//! instant ([`rule`], a port of Go's `tzset`). So offsets follow Go past any year, not only up
//! to 2099 where chrono-tz's precomputed tables stop.
//!
//! The data is `tzdata.bin`, written by `scripts/gen-tzdata.mjs` from the tables of the pinned
//! chrono-tz crate (cut at each zone's last explicit transition) and the rules of the TZif files
//! of the same IANA release; links share their zone's data and times are delta-encoded varints,
//! so it takes about 105 KB (24 KB gzipped) instead of chrono-tz's 860 KB of statics in the
//! browser bundle. The tests below compare every zone with chrono-tz up to 2099 (so a chrono-tz
//! update without a new `tzdata.bin` fails the build, and so would a rule that disagreed with
//! the table it continues) and with instants Go computed from 2100 to 2400.
//!
//! Decoding never panics: data that does not decode gives an empty database (every zone
//! unknown), which the test rules out for the shipped file.

mod rule;

use rule::ZoneRule;
use std::sync::OnceLock;

/// The database file (format in `scripts/gen-tzdata.mjs`).
static DATA: &[u8] = include_bytes!("tzdata.bin");

/// A zone of the database, by the name it was loaded with (`US/Eastern` stays `US/Eastern`,
/// as Go's `Location.String()` does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tz(u16);

/// One offset period kind: total offset east of UTC and its abbreviation, if the database
/// gives one (else it is written numerically, `+0530`).
#[derive(Clone, Copy, Debug)]
struct Span {
    offset: i32,
    abbreviation: Option<&'static str>,
}

/// One zone's offset changes: `times[i]` (Unix seconds) starts `spans[i]`; before the first
/// change `first` applies; from the last change on (always, for a zone without changes), the
/// rule decides, if it has one.
#[derive(Debug, Default)]
struct ZoneData {
    first: u16,
    times: Vec<i64>,
    spans: Vec<u16>,
    rule: Option<ZoneRule<'static>>,
}

#[derive(Debug, Default)]
struct Database {
    version: &'static str,
    spans: Vec<Span>,
    zones: Vec<ZoneData>,
    /// Names in chrono-tz's order, each with its zone.
    names: Vec<(&'static str, u16)>,
    /// Positions in `names`, sorted by name (for lookups).
    sorted: Vec<u16>,
}

fn database() -> &'static Database {
    static DATABASE: OnceLock<Database> = OnceLock::new();
    DATABASE.get_or_init(|| decode(DATA).unwrap_or_default())
}

/// Reads the file; `None` if it is malformed in any way.
fn decode(data: &'static [u8]) -> Option<Database> {
    let mut r = Reader { data, at: 0 };
    if r.bytes(4)? != b"JSTZ" || r.byte()? != 2 {
        return None;
    }
    let version = r.text()?;
    let abbreviations: Vec<&'static str> =
        (0..r.count()?).map(|_| r.text()).collect::<Option<_>>()?;
    let spans = (0..r.count()?)
        .map(|_| {
            let utc = r.signed()?;
            let dst = r.signed()?;
            let abbreviation = match r.unsigned()? {
                0 => None,
                n => Some(*abbreviations.get(usize::try_from(n - 1).ok()?)?),
            };
            Some(Span {
                offset: i32::try_from(utc.checked_add(dst)?).ok()?,
                abbreviation,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let span_index = |n: u64| {
        u16::try_from(n)
            .ok()
            .filter(|&s| usize::from(s) < spans.len())
    };
    // A rule Go cannot parse is no rule (Go then keeps the last transition's offset).
    let rules: Vec<Option<ZoneRule<'static>>> = (0..r.count()?)
        .map(|_| r.text().map(ZoneRule::parse))
        .collect::<Option<_>>()?;
    let zones = (0..r.count()?)
        .map(|_| {
            let first = span_index(r.unsigned()?)?;
            let count = r.count()?;
            let mut times = Vec::with_capacity(count);
            let mut previous: i64 = 0;
            for _ in 0..count {
                previous = previous.checked_add(r.signed()?)?;
                times.push(previous);
            }
            let spans = (0..count)
                .map(|_| span_index(r.unsigned()?))
                .collect::<Option<Vec<_>>>()?;
            let rule = match r.unsigned()? {
                0 => None,
                n => *rules.get(usize::try_from(n - 1).ok()?)?,
            };
            Some(ZoneData {
                first,
                times,
                spans,
                rule,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let names = (0..r.count()?)
        .map(|_| {
            let name = r.text()?;
            let zone = u16::try_from(r.unsigned()?)
                .ok()
                .filter(|&z| usize::from(z) < zones.len())?;
            Some((name, zone))
        })
        .collect::<Option<Vec<_>>>()?;
    let mut sorted: Vec<u16> = (0..u16::try_from(names.len()).ok()?).collect();
    jobscope_sort::sort_by_key(&mut sorted, |&n| names[usize::from(n)].0);
    (r.at == data.len()).then_some(Database {
        version,
        spans,
        zones,
        names,
        sorted,
    })
}

struct Reader {
    data: &'static [u8],
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'static [u8]> {
        let data: &'static [u8] = self.data;
        let slice = data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn unsigned(&mut self) -> Option<u64> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        let zigzag = self.unsigned()?;
        Some((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
    }

    /// A length or count, bounded by the bytes left (so a bad count cannot allocate much).
    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.unsigned()?)
            .ok()
            .filter(|&n| n <= self.data.len() - self.at)
    }

    fn text(&mut self) -> Option<&'static str> {
        let n = self.count()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }
}

impl Tz {
    /// The zone of that exact name (case matters, as in Go's `LoadLocation` on Linux).
    pub(crate) fn from_name(name: &str) -> Option<Tz> {
        let db = database();
        db.sorted
            .binary_search_by(|&n| db.names[usize::from(n)].0.cmp(name))
            .ok()
            .map(|at| Tz(db.sorted[at]))
    }

    pub(crate) fn name(self) -> &'static str {
        database()
            .names
            .get(usize::from(self.0))
            .map_or("UTC", |(name, _)| name)
    }

    fn span_at(self, unix: i64) -> Span {
        let db = database();
        let utc = Span {
            offset: 0,
            abbreviation: Some("UTC"),
        };
        let Some(zone) = db
            .names
            .get(usize::from(self.0))
            .and_then(|&(_, z)| db.zones.get(usize::from(z)))
        else {
            return utc;
        };
        // The last change at or before `unix` (a span starts at its change's second).
        let after = zone.times.partition_point(|&t| t <= unix);
        if after == zone.times.len()
            && let Some(rule) = &zone.rule
        {
            let period = rule.period_at(unix);
            return Span {
                offset: period.offset,
                abbreviation: Some(period.name),
            };
        }
        let span = match after {
            0 => zone.first,
            n => zone.spans[n - 1],
        };
        db.spans.get(usize::from(span)).copied().unwrap_or(utc)
    }

    /// Every instant in `(from, to]` at which the offset can change, in order: the table's
    /// transitions and, where the rule decides, each year's two rule changes and its first
    /// second (a superset: an instant that keeps the offset may be listed). `None` where listing
    /// them is not worth it or not exact: a rule in force before 1970 (Go's truncating `%` then
    /// moves its changes by a day) or over more than a thousand years.
    pub(crate) fn change_candidates(self, from: i64, to: i64) -> Option<Vec<i64>> {
        let db = database();
        let Some(zone) = db
            .names
            .get(usize::from(self.0))
            .and_then(|&(_, z)| db.zones.get(usize::from(z)))
        else {
            return Some(Vec::new());
        };
        let first = zone.times.partition_point(|&t| t <= from);
        let mut out: Vec<i64> = zone.times[first..]
            .iter()
            .copied()
            .take_while(|&t| t <= to)
            .collect();
        if let Some(rule) = &zone.rule {
            let rule_from = zone.times.last().map_or(from, |&last| last.max(from));
            if rule_from < to {
                if rule_from < 0 {
                    return None;
                }
                let year = |unix: i64| crate::time::civil_from_days(unix.div_euclid(86_400)).0;
                let (first_year, last_year) = (year(rule_from), year(to));
                if last_year - first_year > 1_000 {
                    return None;
                }
                for y in first_year..=last_year {
                    out.push(crate::time::days_from_civil(y, 1, 1) * 86_400);
                    out.extend(rule.changes(y).into_iter().flatten());
                }
                out.retain(|&t| from < t && t <= to);
                // A year's changes can come before its first second in the list.
                jobscope_sort::sort_by(&mut out, i64::cmp);
                out.dedup();
            }
        }
        Some(out)
    }

    /// The offset east of UTC, in seconds, at an instant.
    pub(crate) fn offset_at(self, unix: i64) -> i32 {
        self.span_at(unix).offset
    }

    /// The abbreviation at an instant (`EST`), or the offset written as `+05`, `-0330` where
    /// the database has none (as chrono-tz writes it).
    pub(crate) fn abbreviation(self, unix: i64) -> String {
        let span = self.span_at(unix);
        match span.abbreviation {
            Some(name) => name.to_owned(),
            None => {
                let sign = if span.offset < 0 { '-' } else { '+' };
                let minutes = span.offset.unsigned_abs() / 60;
                let (hours, minutes) = (minutes / 60, minutes % 60);
                if minutes == 0 {
                    format!("{sign}{hours:02}")
                } else {
                    format!("{sign}{hours:02}{minutes:02}")
                }
            }
        }
    }
}

/// Every name in the database, in chrono-tz's order.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    database().names.iter().map(|(name, _)| *name)
}

/// The IANA release the data comes from (e.g. `2025b`).
pub(crate) fn version() -> &'static str {
    database().version
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Zone;
    use chrono::{DateTime, Offset, TimeZone};

    fn chrono_offset(tz: chrono_tz::Tz, unix: i64) -> (i32, String) {
        let utc = DateTime::from_timestamp(unix, 0)
            .expect("in range")
            .naive_utc();
        let offset = tz.offset_from_utc_datetime(&utc);
        let name = chrono_tz::OffsetName::abbreviation(&offset)
            .map(str::to_owned)
            .unwrap_or_else(|| offset.to_string());
        (offset.fix().local_minus_utc(), name)
    }

    #[test]
    fn the_file_decodes_whole() {
        let db = decode(DATA).expect("tzdata.bin decodes");
        assert_eq!(db.names.len(), chrono_tz::TZ_VARIANTS.len());
        assert_eq!(db.version, chrono_tz::IANA_TZDB_VERSION);
    }

    #[test]
    fn malformed_data_gives_no_database() {
        assert!(decode(b"JSTZ\x02").is_none());
        assert!(decode(&DATA[..DATA.len() - 1]).is_none());
        assert!(decode(b"").is_none());
    }

    /// Every zone agrees with chrono-tz, offset and abbreviation, up to 2099 (where chrono-tz's
    /// precomputed tables stop): at each change of its table and the second before; at each
    /// change its rule makes from the table's end to 2099 and the second before (so the rule and
    /// the table are the same IANA release, and the port of `tzset` reads them right); and at
    /// weekly samples from 1900 (a change the data lacked would show at the next sample unless
    /// undone within the week). Fails after a chrono-tz update: run `node scripts/gen-tzdata.mjs`.
    #[test]
    fn every_zone_matches_chrono_tz() {
        let db = database();
        let end_of_2099 = 4_102_444_800_i64;
        for tz in chrono_tz::TZ_VARIANTS {
            let ours = Tz::from_name(tz.name()).unwrap_or_else(|| panic!("{} missing", tz.name()));
            assert_eq!(ours.name(), tz.name());
            let zone = &db.zones[usize::from(db.names[usize::from(ours.0)].1)];
            let same_at = |probe: i64| {
                let (offset, abbreviation) = chrono_offset(tz, probe);
                assert_eq!(ours.offset_at(probe), offset, "{} at {probe}", tz.name());
                assert_eq!(
                    ours.abbreviation(probe),
                    abbreviation,
                    "{} at {probe}",
                    tz.name()
                );
            };
            let rule_changes = zone.rule.iter().flat_map(|rule| {
                let from = zone.times.last().map_or(1970, |&t| year_of(t));
                (from..2100).flat_map(|year| rule.changes(year).into_iter().flatten())
            });
            for t in zone.times.iter().copied().chain(rule_changes) {
                if t < end_of_2099 {
                    same_at(t - 1);
                    same_at(t);
                }
            }
            let mut probe = -2_208_988_800_i64;
            while probe < end_of_2099 {
                same_at(probe);
                probe += 7 * 86_400;
            }
        }
    }

    /// Every row Go computed from 2100 to 2400 (`testdata/go-zones-after-2100.tsv`: changes, wall
    /// times through `time.Date`, probes): the same offset, abbreviation and (from the rule)
    /// daylight flag at each change and a different answer the second before, the same instant
    /// for each wall time, the same answer at each probe.
    #[test]
    fn zones_after_2100_follow_go() {
        let text = include_str!("../testdata/go-zones-after-2100.tsv");
        let mut rows = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            // Factory is the one zone chrono-tz lacks; `Zone` carries it (`<-00>0`: never DST).
            let zone = match f[1] {
                "Factory" => Zone::Factory,
                name => Zone::iana(name).unwrap_or_else(|| panic!("{line}")),
            };
            let number = |i: usize| {
                f[i].parse::<i64>()
                    .unwrap_or_else(|e| panic!("{line}: {e}"))
            };
            let answer = |unix: i64| {
                let is_dst = match zone {
                    Zone::Iana(tz) => database().zones
                        [usize::from(database().names[usize::from(tz.0)].1)]
                    .rule
                    .is_some_and(|r| r.period_at(unix).is_dst),
                    _ => false,
                };
                (zone.offset_at(unix), zone.abbreviation(unix), is_dst)
            };
            match f[0] {
                "change" | "probe" => {
                    let unix = number(2);
                    let want = (number(3) as i32, f[4].to_owned(), f[5] == "1");
                    assert_eq!(answer(unix), want, "{line}");
                    if f[0] == "change" {
                        assert_ne!(answer(unix - 1), want, "{line}");
                    }
                }
                "date" => {
                    let wall: Vec<i64> = f[2]
                        .split(['-', 'T', ':'])
                        .map(|n| n.parse().unwrap_or_else(|e| panic!("{line}: {e}")))
                        .collect();
                    let mut clock = crate::time::ZoneClock::new(zone);
                    let got = clock.date(wall[0], wall[1], wall[2], wall[3], wall[4], wall[5], 0);
                    assert_eq!(got.unix, number(3), "{line}");
                    assert_eq!(
                        (zone.offset_at(got.unix), zone.abbreviation(got.unix)),
                        (number(4) as i32, f[5].to_owned()),
                        "{line}"
                    );
                }
                kind => panic!("unknown row kind {kind}"),
            }
            rows += 1;
        }
        assert_eq!(rows, 3416);
    }

    fn year_of(unix: i64) -> i64 {
        crate::time::civil_from_days(unix.div_euclid(86_400)).0
    }

    #[test]
    fn names_resolve_exactly() {
        assert_eq!(
            Tz::from_name("America/New_York").map(Tz::name),
            Some("America/New_York")
        );
        assert_eq!(
            Tz::from_name("US/Eastern").map(Tz::name),
            Some("US/Eastern")
        );
        assert_eq!(Tz::from_name("america/new_york"), None);
        assert_eq!(Tz::from_name("Mars/Olympus"), None);
        assert_eq!(names().count(), chrono_tz::TZ_VARIANTS.len());
    }

    #[test]
    fn numeric_abbreviations_follow_chrono_tz() {
        let kolkata = Tz::from_name("Asia/Kolkata").expect("zone");
        assert_eq!(kolkata.abbreviation(1_700_000_000), "IST");
        let yerevan = Tz::from_name("Asia/Yerevan").expect("zone");
        assert_eq!(yerevan.abbreviation(1_700_000_000), "+04");
        assert_eq!(yerevan.offset_at(1_700_000_000), 4 * 3600);
    }
}

//! robfig/cron v3 `ParseStandard`, ported branch by branch, with the byte span of every token.
//!
//! Port of `parser.go` (v3.0.1, the version Kubernetes vendors): the same acceptance, the same
//! bit sets (including the "star bit" that decides how day-of-month and day-of-week combine),
//! and the same error texts, which the apiserver passes through to users. On top of robfig we
//! keep each field's and each range's position, so an error can point at the bad token and the
//! explanation can describe the schedule as it was written.

use std::fmt;

use jobscope_golang::duration::parse_go_duration;
use jobscope_golang::location::{LoadedLocation, load_location};
use jobscope_golang::strings::go_strconv_quote;
use jobscope_golang::time::{SECOND, Zone};

/// Set when a field was written `*` or `?` (and no step above 1 cleared it).
pub const STAR_BIT: u64 = 1 << 63;

/// The five fields of a standard spec, in order, with their bounds and names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

impl Field {
    pub(crate) const ALL: [Field; 5] = [
        Field::Minute,
        Field::Hour,
        Field::DayOfMonth,
        Field::Month,
        Field::DayOfWeek,
    ];

    pub const fn min(self) -> u32 {
        match self {
            Field::Minute | Field::Hour | Field::DayOfWeek => 0,
            Field::DayOfMonth | Field::Month => 1,
        }
    }

    pub const fn max(self) -> u32 {
        match self {
            Field::Minute => 59,
            Field::Hour => 23,
            Field::DayOfMonth => 31,
            Field::Month => 12,
            Field::DayOfWeek => 6,
        }
    }

    /// Lower-case names robfig accepts (case-insensitively), with their values.
    pub(crate) const fn names(self) -> &'static [(&'static str, u32)] {
        match self {
            Field::Month => &[
                ("jan", 1),
                ("feb", 2),
                ("mar", 3),
                ("apr", 4),
                ("may", 5),
                ("jun", 6),
                ("jul", 7),
                ("aug", 8),
                ("sep", 9),
                ("oct", 10),
                ("nov", 11),
                ("dec", 12),
            ],
            Field::DayOfWeek => &[
                ("sun", 0),
                ("mon", 1),
                ("tue", 2),
                ("wed", 3),
                ("thu", 4),
                ("fri", 5),
                ("sat", 6),
            ],
            _ => &[],
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Field::Minute => "minute",
            Field::Hour => "hour",
            Field::DayOfMonth => "day of month",
            Field::Month => "month",
            Field::DayOfWeek => "day of week",
        }
    }

    /// What the field accepts, for help texts.
    pub(crate) const fn allowed(self) -> &'static str {
        match self {
            Field::Minute => "0-59",
            Field::Hour => "0-23",
            Field::DayOfMonth => "1-31",
            Field::Month => "1-12 or JAN-DEC",
            Field::DayOfWeek => "0-6 (0 is Sunday) or SUN-SAT",
        }
    }
}

/// A parsed schedule: what robfig's `Schedule` is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// A crontab spec or a descriptor other than `@every`.
    Spec(SpecSchedule),
    /// `@every D`: a constant delay in whole seconds (at least one).
    Every { delay_nanos: i64 },
}

/// robfig's `SpecSchedule`: one bit per allowed value, plus the star bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpecSchedule {
    pub(crate) second: u64,
    pub minute: u64,
    pub hour: u64,
    pub dom: u64,
    pub month: u64,
    pub dow: u64,
}

impl SpecSchedule {
    pub(crate) fn bits(&self, field: Field) -> u64 {
        match field {
            Field::Minute => self.minute,
            Field::Hour => self.hour,
            Field::DayOfMonth => self.dom,
            Field::Month => self.month,
            Field::DayOfWeek => self.dow,
        }
    }
}

/// Where the schedule is evaluated, as robfig's `Location`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleLocation {
    /// `time.Local`: no prefix, or `TZ=Local`. Evaluated in the time's own zone, which for the
    /// CronJob controller is kube-controller-manager's local zone.
    Local,
    Zone(Zone),
}

/// One `number | number-number [/step]` element of a field, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RangeSyntax {
    pub(crate) text: String,
    pub(crate) span: (usize, usize),
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) step: u64,
    /// Written as `*` or `?` (robfig ignores anything after `*-`).
    pub(crate) star: bool,
    /// Written `N/step`, which robfig reads as `N-max/step`.
    pub(crate) open_ended: bool,
}

/// A field as written: its text, position and ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldSyntax {
    pub(crate) field: Field,
    pub(crate) text: String,
    pub(crate) span: (usize, usize),
    pub(crate) ranges: Vec<RangeSyntax>,
}

/// How the schedule was written, for explanations and editor hints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ScheduleSyntax {
    Fields(Vec<FieldSyntax>),
    Descriptor { name: String, span: (usize, usize) },
}

/// The result of parsing a schedule string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSchedule {
    pub schedule: Schedule,
    pub location: ScheduleLocation,
    /// The `TZ=`/`CRON_TZ=` prefix, if any: the zone name as written and its span.
    pub tz_prefix: Option<(String, (usize, usize))>,
    pub(crate) syntax: ScheduleSyntax,
}

/// Why robfig rejects a schedule: its message, and the bytes it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub(crate) span: (usize, usize),
    /// robfig panics instead of returning an error (a `TZ=` prefix with no space after it).
    pub panics: bool,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn error(message: String, span: (usize, usize)) -> ParseError {
    ParseError {
        message,
        span,
        panics: false,
    }
}

/// `cron.ParseStandard(spec)`.
pub fn parse_standard(spec: &str) -> Result<ParsedSchedule, ParseError> {
    if spec.is_empty() {
        return Err(error("empty spec string".to_owned(), (0, 0)));
    }
    let mut location = ScheduleLocation::Local;
    let mut tz_prefix = None;
    let mut rest = spec;
    let mut rest_offset = 0;
    if spec.starts_with("TZ=") || spec.starts_with("CRON_TZ=") {
        let eq = spec.find('=').unwrap_or(0);
        let Some(space) = spec.find(' ') else {
            // Go: spec[eq+1 : -1] is out of range, so robfig panics.
            return Err(ParseError {
                message: "robfig/cron panics on a TZ= or CRON_TZ= prefix that is not followed by a space and a schedule"
                    .to_owned(),
                span: (0, spec.len()),
                panics: true,
            });
        };
        let name = &spec[eq + 1..space];
        location = match load_location(name) {
            Ok(LoadedLocation::Local) => ScheduleLocation::Local,
            Ok(LoadedLocation::Zone(zone)) => ScheduleLocation::Zone(zone),
            Err(err) => {
                return Err(error(
                    format!("provided bad location {name}: {err}"),
                    (eq + 1, space),
                ));
            }
        };
        tz_prefix = Some((name.to_owned(), (eq + 1, space)));
        // strings.TrimSpace(spec[i:])
        let after = &spec[space..];
        let trimmed_start = after.trim_start();
        rest_offset = space + (after.len() - trimmed_start.len());
        rest = trimmed_start.trim_end();
    }

    if rest.starts_with('@') {
        let span = (rest_offset, rest_offset + rest.len());
        let schedule = parse_descriptor(rest, span)?;
        return Ok(ParsedSchedule {
            schedule,
            location,
            tz_prefix,
            syntax: ScheduleSyntax::Descriptor {
                name: rest.to_owned(),
                span,
            },
        });
    }

    // strings.Fields: split on Unicode white space.
    let fields: Vec<(&str, usize)> = split_fields(rest, rest_offset);
    if fields.len() != 5 {
        let list: Vec<&str> = fields.iter().map(|(text, _)| *text).collect();
        let span = (rest_offset, rest_offset + rest.len());
        return Err(error(
            format!(
                "expected exactly 5 fields, found {}: [{}]",
                fields.len(),
                list.join(" ")
            ),
            span,
        ));
    }

    let mut bits = [0u64; 5];
    let mut syntax = Vec::with_capacity(5);
    for (index, field) in Field::ALL.into_iter().enumerate() {
        let (text, offset) = fields[index];
        let (field_bits, ranges) = get_field(text, offset, field)?;
        bits[index] = field_bits;
        syntax.push(FieldSyntax {
            field,
            text: text.to_owned(),
            span: (offset, offset + text.len()),
            ranges,
        });
    }
    Ok(ParsedSchedule {
        schedule: Schedule::Spec(SpecSchedule {
            second: 1, // the seconds field defaults to "0"
            minute: bits[0],
            hour: bits[1],
            dom: bits[2],
            month: bits[3],
            dow: bits[4],
        }),
        location,
        tz_prefix,
        syntax: ScheduleSyntax::Fields(syntax),
    })
}

fn split_fields(text: &str, base: usize) -> Vec<(&str, usize)> {
    let mut fields = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(begin) = start.take() {
                fields.push((&text[begin..index], base + begin));
            }
        } else if start.is_none() {
            start = Some(index);
        }
    }
    if let Some(begin) = start {
        fields.push((&text[begin..], base + begin));
    }
    fields
}

/// `getField`: a comma-separated list of ranges (empty items are skipped, as `FieldsFunc` does).
fn get_field(
    text: &str,
    offset: usize,
    field: Field,
) -> Result<(u64, Vec<RangeSyntax>), ParseError> {
    let mut bits = 0;
    let mut ranges = Vec::new();
    let mut position = 0;
    for item in text.split(',') {
        let item_offset = offset + position;
        position += item.len() + 1;
        if item.is_empty() {
            continue;
        }
        let (range_bits, syntax) = get_range(item, item_offset, field)?;
        bits |= range_bits;
        ranges.push(syntax);
    }
    Ok((bits, ranges))
}

/// `getRange`: `number | number "-" number [ "/" number ]`, or `*`/`?` with an optional step.
fn get_range(expr: &str, offset: usize, field: Field) -> Result<(u64, RangeSyntax), ParseError> {
    let span = (offset, offset + expr.len());
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step[0].split('-').collect();
    let single_digit = low_and_high.len() == 1;
    let (min, max) = (u64::from(field.min()), u64::from(field.max()));

    let mut extra = 0;
    let start: u64;
    let mut end: u64;
    let star = low_and_high[0] == "*" || low_and_high[0] == "?";
    if star {
        start = min;
        end = max;
        extra = STAR_BIT;
    } else {
        start = parse_int_or_name(low_and_high[0], field).map_err(|m| error(m, span))?;
        match low_and_high.len() {
            1 => end = start,
            2 => end = parse_int_or_name(low_and_high[1], field).map_err(|m| error(m, span))?,
            _ => return Err(error(format!("too many hyphens: {expr}"), span)),
        }
    }

    let step: u64;
    match range_and_step.len() {
        1 => step = 1,
        2 => {
            step = must_parse_int(range_and_step[1]).map_err(|m| error(m, span))?;
            // "N/step" means "N-max/step".
            if single_digit {
                end = max;
            }
            if step > 1 {
                extra = 0;
            }
        }
        _ => return Err(error(format!("too many slashes: {expr}"), span)),
    }

    if start < min {
        return Err(error(
            format!("beginning of range ({start}) below minimum ({min}): {expr}"),
            span,
        ));
    }
    if end > max {
        return Err(error(
            format!("end of range ({end}) above maximum ({max}): {expr}"),
            span,
        ));
    }
    if start > end {
        return Err(error(
            format!("beginning of range ({start}) beyond end of range ({end}): {expr}"),
            span,
        ));
    }
    if step == 0 {
        return Err(error(
            format!("step of range should be a positive number: {expr}"),
            span,
        ));
    }
    let syntax = RangeSyntax {
        text: expr.to_owned(),
        span,
        start: start as u32,
        end: end as u32,
        step,
        star,
        open_ended: single_digit && range_and_step.len() == 2 && !star,
    };
    Ok((get_bits(start, end, step) | extra, syntax))
}

/// `getBits`: every `step`-th value from `min` to `max`.
fn get_bits(min: u64, max: u64, step: u64) -> u64 {
    let mut bits = 0u64;
    let mut value = min;
    while value <= max {
        bits |= 1 << value;
        match value.checked_add(step) {
            Some(next) => value = next,
            None => break,
        }
    }
    bits
}

fn parse_int_or_name(expr: &str, field: Field) -> Result<u64, String> {
    let lower = jobscope_golang::strings::go_to_lower(expr);
    if let Some((_, value)) = field.names().iter().find(|(name, _)| *name == lower) {
        return Ok(u64::from(*value));
    }
    must_parse_int(expr)
}

/// `mustParseInt`: `strconv.Atoi`, then a sign check, with robfig's and strconv's messages.
fn must_parse_int(expr: &str) -> Result<u64, String> {
    match go_atoi(expr) {
        Ok(number) if number < 0 => Err(format!("negative number ({number}) not allowed: {expr}")),
        Ok(number) => Ok(number as u64),
        Err(reason) => Err(format!(
            "failed to parse int from {expr}: strconv.Atoi: parsing {}: {reason}",
            go_strconv_quote(expr)
        )),
    }
}

/// `strconv.Atoi` on a 64-bit platform: an optional sign, then decimal digits; like Go's
/// `ParseUint`, an overflow is reported as soon as it happens, a bad byte when it is reached.
fn go_atoi(text: &str) -> Result<i64, &'static str> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() {
        return Err("invalid syntax");
    }
    let mut value: u64 = 0;
    for byte in digits.bytes() {
        if !byte.is_ascii_digit() {
            return Err("invalid syntax");
        }
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(byte - b'0')))
            .ok_or("value out of range")?;
    }
    let limit = 1u64 << 63;
    match negative {
        false if value >= limit => Err("value out of range"),
        true if value > limit => Err("value out of range"),
        false => Ok(value as i64),
        true => Ok((value as i64).wrapping_neg()),
    }
}

fn all(field: Field) -> u64 {
    get_bits(u64::from(field.min()), u64::from(field.max()), 1) | STAR_BIT
}

/// `parseDescriptor`: the `@` forms robfig knows.
fn parse_descriptor(descriptor: &str, span: (usize, usize)) -> Result<Schedule, ParseError> {
    let first = |field: Field| 1u64 << field.min();
    let spec = |minute, hour, dom, month, dow| {
        Schedule::Spec(SpecSchedule {
            second: 1,
            minute,
            hour,
            dom,
            month,
            dow,
        })
    };
    use Field::*;
    match descriptor {
        "@yearly" | "@annually" => {
            return Ok(spec(
                first(Minute),
                first(Hour),
                first(DayOfMonth),
                first(Month),
                all(DayOfWeek),
            ));
        }
        "@monthly" => {
            return Ok(spec(
                first(Minute),
                first(Hour),
                first(DayOfMonth),
                all(Month),
                all(DayOfWeek),
            ));
        }
        "@weekly" => {
            return Ok(spec(
                first(Minute),
                first(Hour),
                all(DayOfMonth),
                all(Month),
                first(DayOfWeek),
            ));
        }
        "@daily" | "@midnight" => {
            return Ok(spec(
                first(Minute),
                first(Hour),
                all(DayOfMonth),
                all(Month),
                all(DayOfWeek),
            ));
        }
        "@hourly" => {
            return Ok(spec(
                first(Minute),
                all(Hour),
                all(DayOfMonth),
                all(Month),
                all(DayOfWeek),
            ));
        }
        _ => {}
    }
    if let Some(duration_text) = descriptor.strip_prefix("@every ") {
        return match parse_go_duration(duration_text) {
            Ok(nanos) => {
                // `Every`: under a second becomes a second; fractions of a second are dropped.
                let nanos = nanos.max(SECOND);
                Ok(Schedule::Every {
                    delay_nanos: nanos - nanos % SECOND,
                })
            }
            Err(err) => Err(error(
                format!("failed to parse duration {descriptor}: {err}"),
                span,
            )),
        };
    }
    Err(error(
        format!("unrecognized descriptor: {descriptor}"),
        span,
    ))
}

impl Schedule {}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> SpecSchedule {
        match parse_standard(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .schedule
        {
            Schedule::Spec(spec) => spec,
            other => panic!("{text}: not a spec: {other:?}"),
        }
    }

    fn err(text: &str) -> String {
        parse_standard(text).expect_err(text).message
    }

    fn bits(values: &[u32]) -> u64 {
        values.iter().fold(0, |acc, v| acc | 1 << v)
    }

    #[test]
    fn parses_the_five_standard_fields() {
        let s = spec("5 4 * * *");
        assert_eq!(s.second, 1);
        assert_eq!(s.minute, bits(&[5]));
        assert_eq!(s.hour, bits(&[4]));
        assert_eq!(s.dom, all(Field::DayOfMonth));
        assert_eq!(s.month, all(Field::Month));
        assert_eq!(s.dow, all(Field::DayOfWeek));
    }

    #[test]
    fn ranges_steps_lists_and_names() {
        assert_eq!(spec("0-10/5 * * * *").minute, bits(&[0, 5, 10]));
        assert_eq!(spec("5/20 * * * *").minute, bits(&[5, 25, 45]));
        assert_eq!(spec("1,,3 * * * *").minute, bits(&[1, 3]));
        assert_eq!(spec("0 0 * JAN-mar *").month, bits(&[1, 2, 3]));
        assert_eq!(spec("0 0 * * Mon-FRI").dow, bits(&[1, 2, 3, 4, 5]));
        assert_eq!(spec("+5 005 * * *").minute, bits(&[5]));
        assert_eq!(spec("*/61 * * * *").minute, bits(&[0]));
    }

    #[test]
    fn the_star_bit_survives_step_one_and_lists_but_not_larger_steps() {
        assert_eq!(spec("* * * * *").dom & STAR_BIT, STAR_BIT);
        assert_eq!(spec("* * ? * *").dom & STAR_BIT, STAR_BIT);
        assert_eq!(spec("* * */1 * *").dom & STAR_BIT, STAR_BIT);
        assert_eq!(spec("* * 1,* * *").dom & STAR_BIT, STAR_BIT);
        assert_eq!(
            spec("* * *-5 * *").dom,
            all(Field::DayOfMonth),
            "everything after *- is ignored"
        );
        assert_eq!(spec("* * */2 * *").dom & STAR_BIT, 0);
        assert_eq!(spec("* * 1-31 * *").dom & STAR_BIT, 0);
    }

    #[test]
    fn descriptors() {
        assert_eq!(spec("@daily"), spec("0 0 * * *"));
        assert_eq!(spec("@midnight"), spec("0 0 * * *"));
        assert_eq!(spec("@hourly"), spec("0 * * * *"));
        assert_eq!(spec("@weekly").dow, bits(&[0]));
        assert_eq!(spec("@monthly").dom, bits(&[1]));
        assert_eq!(spec("@yearly"), spec("@annually"));
        assert_eq!(
            parse_standard("@every 1h30m").unwrap().schedule,
            Schedule::Every {
                delay_nanos: 5_400_000_000_000
            }
        );
        assert_eq!(
            parse_standard("@every 1ms").unwrap().schedule,
            Schedule::Every {
                delay_nanos: SECOND
            }
        );
        assert_eq!(
            parse_standard("@every -5s").unwrap().schedule,
            Schedule::Every {
                delay_nanos: SECOND
            }
        );
        assert_eq!(
            parse_standard("@every 1.7s").unwrap().schedule,
            Schedule::Every {
                delay_nanos: SECOND
            }
        );
    }

    #[test]
    fn rejects_with_robfig_messages() {
        let cases = [
            ("", "empty spec string"),
            ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
            (
                "0 0 * * * *",
                "expected exactly 5 fields, found 6: [0 0 * * * *]",
            ),
            ("   ", "expected exactly 5 fields, found 0: []"),
            ("0 0 * * 7", "end of range (7) above maximum (6): 7"),
            ("60 * * * *", "end of range (60) above maximum (59): 60"),
            ("* * 0 * *", "beginning of range (0) below minimum (1): 0"),
            (
                "5-1 * * * *",
                "beginning of range (5) beyond end of range (1): 5-1",
            ),
            (
                "*/0 * * * *",
                "step of range should be a positive number: */0",
            ),
            ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
            ("*/2/3 * * * *", "too many slashes: */2/3"),
            (
                "L * * * *",
                "failed to parse int from L: strconv.Atoi: parsing \"L\": invalid syntax",
            ),
            (
                "-5 * * * *",
                "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax",
            ),
            ("*/-1 * * * *", "negative number (-1) not allowed: -1"),
            (
                "99999999999999999999 * * * *",
                "failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range",
            ),
            (
                "0 0 * * sat-sun",
                "beginning of range (6) beyond end of range (0): sat-sun",
            ),
            (
                "0 0 * * 5#3",
                "failed to parse int from 5#3: strconv.Atoi: parsing \"5#3\": invalid syntax",
            ),
            ("@reboot", "unrecognized descriptor: @reboot"),
            ("@DAILY", "unrecognized descriptor: @DAILY"),
            ("@every", "unrecognized descriptor: @every"),
            (
                "@every 1d",
                "failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"",
            ),
            (
                "@every 10",
                "failed to parse duration @every 10: time: missing unit in duration \"10\"",
            ),
            (
                "TZ=Mars/Olympus 0 * * * *",
                "provided bad location Mars/Olympus: unknown time zone Mars/Olympus",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(err(text), expected, "{text:?}");
        }
    }

    #[test]
    fn day_names_are_not_accepted_in_the_month_field() {
        // The "JAN" case above parses as a day-of-week name? No: names are per field, so "JAN" in
        // the day-of-week position fails; in the month position it is January.
        assert_eq!(spec("0 0 * jan *").month, bits(&[1]));
        assert!(parse_standard("0 0 * * jan").is_err());
    }

    #[test]
    fn time_zone_prefixes() {
        let parsed = parse_standard("TZ=America/New_York 0 2 * * *").unwrap();
        assert_eq!(
            parsed.location,
            ScheduleLocation::Zone(Zone::iana("America/New_York").expect("zone"))
        );
        assert_eq!(parsed.tz_prefix.as_ref().unwrap().0, "America/New_York");
        assert_eq!(
            parse_standard("CRON_TZ=UTC 0 2 * * *").unwrap().location,
            ScheduleLocation::Zone(Zone::Utc)
        );
        assert_eq!(
            parse_standard("TZ= 0 2 * * *").unwrap().location,
            ScheduleLocation::Zone(Zone::Utc)
        );
        assert_eq!(
            parse_standard("TZ=Local 0 2 * * *").unwrap().location,
            ScheduleLocation::Local
        );
        assert_eq!(
            parse_standard("TZ=UTC   @hourly  ").unwrap().syntax,
            ScheduleSyntax::Descriptor {
                name: "@hourly".to_owned(),
                span: (9, 16)
            }
        );
        let panic = parse_standard("TZ=UTC").unwrap_err();
        assert!(panic.panics);
    }

    #[test]
    fn errors_point_at_the_bad_token() {
        let text = "0 0 * * 7";
        let e = parse_standard(text).unwrap_err();
        assert_eq!(&text[e.span.0..e.span.1], "7");
        let text = "0 1,99 * * *";
        let e = parse_standard(text).unwrap_err();
        assert_eq!(&text[e.span.0..e.span.1], "99");
        let text = "TZ=Nowhere 0 * * * *";
        let e = parse_standard(text).unwrap_err();
        assert_eq!(&text[e.span.0..e.span.1], "Nowhere");
    }

    #[test]
    fn fields_keep_their_spans() {
        let text = "  */5\t9-17 * * MON-FRI";
        let ScheduleSyntax::Fields(fields) = parse_standard(text).unwrap().syntax else {
            panic!()
        };
        let written: Vec<&str> = fields.iter().map(|f| &text[f.span.0..f.span.1]).collect();
        assert_eq!(written, ["*/5", "9-17", "*", "*", "MON-FRI"]);
    }
}

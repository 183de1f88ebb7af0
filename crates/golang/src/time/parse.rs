//! Go's `time.Parse(time.RFC3339, …)`: the instants it reads ([`parse_rfc3339`]) and, for
//! `metav1.Time` values, whether it accepts a text and its `*time.ParseError` text otherwise
//! ([`go_parse_rfc3339`]).

use super::{Instant, days_from_civil, days_in_month};

/// Parses an RFC 3339 timestamp (as Go's `time.Parse(time.RFC3339, …)` accepts it, fractional
/// seconds included).
pub fn parse_rfc3339(text: &str) -> Option<Instant> {
    let s = text.trim().as_bytes();
    let number = |range: std::ops::Range<usize>, max: i64| -> Option<i64> {
        let digits = s.get(range)?;
        let mut value = 0;
        for &d in digits {
            if !d.is_ascii_digit() {
                return None;
            }
            value = value * 10 + i64::from(d - b'0');
        }
        (value <= max).then_some(value)
    };
    let year = number(0..4, 9999)?;
    let month = number(5..7, 12).filter(|&m| m >= 1)?;
    let day = number(8..10, 31).filter(|&d| d >= 1)?;
    let (hour, minute, second) = (
        number(11..13, 23)?,
        number(14..16, 59)?,
        number(17..19, 59)?,
    );
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(i, c)| s.get(i) != Some(&c))
        || !matches!(s.get(10), Some(b'T' | b't' | b' '))
        || day > i64::from(days_in_month(year, month as u32))
    {
        return None;
    }
    let mut at = 19;
    let mut nanos: u32 = 0;
    if s.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while s.get(at).is_some_and(u8::is_ascii_digit) {
            // Digits past nanoseconds are read and dropped.
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(s[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        nanos *= 10u32.pow(9u32.saturating_sub((at - start) as u32));
    }
    let offset = match s.get(at..)? {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let [h1, h2, m1, m2] = digits.map(|d| i64::from(d - b'0'));
            let (hours, minutes) = (h1 * 10 + h2, m1 * 10 + m2);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(Instant {
        unix: days * 86_400 + hour * 3600 + minute * 60 + second - offset,
        nanos,
    })
}

/// `time.RFC3339`, the layout `metav1.Time` values are parsed with.
const RFC3339_LAYOUT: &str = "2006-01-02T15:04:05Z07:00";

/// Go's `time.Parse(time.RFC3339, value)` (what `metav1.Time.UnmarshalJSON` calls): `Ok` when Go
/// accepts the text, else the `*time.ParseError` text. Go first tries its RFC 3339 fast path and
/// then the general layout parser, which is laxer (a one-digit hour, a comma before the
/// fraction, a `+24:00` offset) and produces the messages; both are ported from time/format.go
/// and time/format_rfc3339.go, on bytes as Go slices strings.
pub fn go_parse_rfc3339(value: &str) -> Result<(), String> {
    if rfc3339_fast_path(value.as_bytes()) {
        return Ok(());
    }
    rfc3339_layout_parse(value.as_bytes())
}

fn is_digit_at(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// `daysIn(month, year)` for a month in 1..=12.
fn days_in(month: i64, year: i64) -> i64 {
    i64::from(days_in_month(year, month as u32))
}

/// `parseRFC3339`'s `parseUint`: the digits as a number within `min..=max`, or `None`.
fn parse_uint_in(s: &[u8], min: i64, max: i64) -> Option<i64> {
    let mut x: i64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        x = x.saturating_mul(10).saturating_add(i64::from(c - b'0'));
    }
    (min..=max).contains(&x).then_some(x)
}

/// `parseRFC3339`: whether the fast path accepts the text.
fn rfc3339_fast_path(s: &[u8]) -> bool {
    if s.len() < "2006-01-02T15:04:05".len() {
        return false;
    }
    let mut ok = true;
    // A failed field counts as its minimum, as Go's parseUint returns it.
    let mut field = |range: std::ops::Range<usize>, min: i64, max: i64| {
        let parsed = s.get(range).and_then(|part| parse_uint_in(part, min, max));
        ok &= parsed.is_some();
        parsed.unwrap_or(min)
    };
    let year = field(0..4, 0, 9999);
    let month = field(5..7, 1, 12);
    field(8..10, 1, days_in(month, year));
    field(11..13, 0, 23);
    field(14..16, 0, 59);
    field(17..19, 0, 59);
    if !(ok && s[4] == b'-' && s[7] == b'-' && s[10] == b'T' && s[13] == b':' && s[16] == b':') {
        return false;
    }
    let mut rest = &s[19..];
    if rest.len() >= 2 && rest[0] == b'.' && is_digit_at(rest, 1) {
        let mut n = 2;
        while n < rest.len() && is_digit_at(rest, n) {
            n += 1;
        }
        rest = &rest[n..];
    }
    if rest.len() == 1 && rest[0] == b'Z' {
        return true;
    }
    if rest.len() != "-07:00".len() {
        return false;
    }
    let hours = parse_uint_in(&rest[1..3], 0, 23);
    let minutes = parse_uint_in(&rest[4..6], 0, 59);
    hours.is_some() && minutes.is_some() && (rest[0] == b'-' || rest[0] == b'+') && rest[3] == b':'
}

/// `getnum`: one or two digits (`fixed` forces two) and the rest.
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    if !is_digit_at(s, 0) {
        return None;
    }
    if !is_digit_at(s, 1) {
        if fixed {
            return None;
        }
        return Some((i64::from(s[0] - b'0'), &s[1..]));
    }
    Some((
        i64::from(s[0] - b'0') * 10 + i64::from(s[1] - b'0'),
        &s[2..],
    ))
}

/// Go's `time.quote`, which its parse errors (and `ParseDuration`'s) use: double quotes, every
/// byte outside printable ASCII written as `\xNN`, `"` and `\` escaped.
pub fn go_time_quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for &b in s {
        if !(b' '..0x80).contains(&b) {
            out.push_str(&format!("\\x{b:02x}"));
        } else {
            if b == b'"' || b == b'\\' {
                out.push('\\');
            }
            out.push(char::from(b));
        }
    }
    out.push('"');
    out
}

/// `(*ParseError).Error()` with an empty message: which part of the layout did not match.
fn parse_error_at(value: &[u8], layout_elem: &str, value_elem: &[u8]) -> String {
    format!(
        "parsing time {} as {}: cannot parse {} as {}",
        go_time_quote(value),
        go_time_quote(RFC3339_LAYOUT.as_bytes()),
        go_time_quote(value_elem),
        go_time_quote(layout_elem.as_bytes())
    )
}

/// `(*ParseError).Error()` with a message (`: month out of range`, …).
fn parse_error_message(value: &[u8], message: &str) -> String {
    format!("parsing time {}{message}", go_time_quote(value))
}

/// The layout elements of `time.RFC3339` as `nextStdChunk` yields them.
#[derive(Clone, Copy)]
enum LayoutStd {
    LongYear,
    ZeroMonth,
    ZeroDay,
    Hour,
    ZeroMinute,
    ZeroSecond,
    Iso8601ColonTz,
}

/// Go's general `parse(layout, value, …)` for the `time.RFC3339` layout.
fn rfc3339_layout_parse(avalue: &[u8]) -> Result<(), String> {
    const CHUNKS: [(&str, LayoutStd, &str); 7] = [
        ("", LayoutStd::LongYear, "2006"),
        ("-", LayoutStd::ZeroMonth, "01"),
        ("-", LayoutStd::ZeroDay, "02"),
        ("T", LayoutStd::Hour, "15"),
        (":", LayoutStd::ZeroMinute, "04"),
        (":", LayoutStd::ZeroSecond, "05"),
        ("", LayoutStd::Iso8601ColonTz, "Z07:00"),
    ];
    let mut value = avalue;
    let (mut year, mut month, mut day) = (0_i64, -1_i64, -1_i64);
    for (prefix, std, std_str) in CHUNKS {
        // `skip`: the literal text between elements (no spaces in this layout).
        if !prefix.is_empty() {
            if value.first() != prefix.as_bytes().first() {
                return Err(parse_error_at(avalue, prefix, value));
            }
            value = &value[1..];
        }
        let hold = value;
        let mut range_error: Option<&str> = None;
        let mut bad = false;
        match std {
            LayoutStd::LongYear => {
                if value.len() < 4 || !is_digit_at(value, 0) {
                    bad = true;
                } else {
                    match parse_uint_in(&value[..4], 0, 9999) {
                        Some(parsed) => year = parsed,
                        None => bad = true,
                    }
                    value = &value[4..];
                }
            }
            LayoutStd::ZeroMonth => match getnum(value, true) {
                Some((parsed, rest)) => {
                    month = parsed;
                    value = rest;
                    if !(1..=12).contains(&month) {
                        range_error = Some("month");
                    }
                }
                None => bad = true,
            },
            LayoutStd::ZeroDay => match getnum(value, true) {
                Some((parsed, rest)) => {
                    day = parsed;
                    value = rest;
                }
                None => bad = true,
            },
            LayoutStd::Hour => match getnum(value, false) {
                Some((parsed, rest)) => {
                    value = rest;
                    if parsed >= 24 {
                        range_error = Some("hour");
                    }
                }
                None => bad = true,
            },
            LayoutStd::ZeroMinute => match getnum(value, true) {
                Some((parsed, rest)) => {
                    value = rest;
                    if parsed >= 60 {
                        range_error = Some("minute");
                    }
                }
                None => bad = true,
            },
            LayoutStd::ZeroSecond => match getnum(value, true) {
                Some((parsed, rest)) => {
                    value = rest;
                    if parsed >= 60 {
                        range_error = Some("second");
                    } else if value.len() >= 2
                        && (value[0] == b'.' || value[0] == b',')
                        && is_digit_at(value, 1)
                    {
                        // A fraction the layout does not mention is still read (all digits).
                        let mut n = 2;
                        while n < value.len() && is_digit_at(value, n) {
                            n += 1;
                        }
                        value = &value[n..];
                    }
                }
                None => bad = true,
            },
            LayoutStd::Iso8601ColonTz => {
                if value.first() == Some(&b'Z') {
                    value = &value[1..];
                } else if value.len() < 6 || value[3] != b':' {
                    bad = true;
                } else {
                    let (sign, hours, minutes) = (value[0], &value[1..3], &value[4..6]);
                    value = &value[6..];
                    match getnum(hours, true) {
                        Some((hr, _)) => match getnum(minutes, true) {
                            Some((mm, _)) => {
                                // Go tests with `>`: offsets of 24 hours or 60 minutes pass.
                                if hr > 24 {
                                    range_error = Some("time zone offset hour");
                                }
                                if mm > 60 {
                                    range_error = Some("time zone offset minute");
                                }
                            }
                            None => bad = true,
                        },
                        None => bad = true,
                    }
                    if sign != b'+' && sign != b'-' {
                        bad = true;
                    }
                }
            }
        }
        if let Some(what) = range_error {
            return Err(parse_error_message(
                avalue,
                &format!(": {what} out of range"),
            ));
        }
        if bad {
            return Err(parse_error_at(avalue, std_str, hold));
        }
    }
    if !value.is_empty() {
        return Err(parse_error_message(
            avalue,
            &format!(": extra text: {}", go_time_quote(value)),
        ));
    }
    if day < 1 || day > days_in(month, year) {
        return Err(parse_error_message(avalue, ": day out of range"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_like_go() {
        for ok in [
            "2020-01-01T00:00:00Z",
            "2020-01-01T00:00:00.123456789+05:30",
            "2020-01-01T1:00:00Z",
            "2020-01-01T00:00:00,5Z",
            "2020-02-29T00:00:00+24:00",
            "2020-01-01T00:00:00+01:60",
            "0000-01-01T00:00:00Z",
        ] {
            assert_eq!(go_parse_rfc3339(ok), Ok(()), "{ok}");
        }
        let cases = [
            (
                "2020-01-01",
                "parsing time \"2020-01-01\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\"",
            ),
            (
                "yesterday",
                "parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"",
            ),
            (
                "2020-13-01T00:00:00Z",
                "parsing time \"2020-13-01T00:00:00Z\": month out of range",
            ),
            (
                "2021-02-29T00:00:00Z",
                "parsing time \"2021-02-29T00:00:00Z\": day out of range",
            ),
            (
                "2020-01-01T00:00:00",
                "parsing time \"2020-01-01T00:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"",
            ),
            (
                "2020-01-01T00:00:00Zjunk",
                "parsing time \"2020-01-01T00:00:00Zjunk\": extra text: \"junk\"",
            ),
            (
                "2020-01-01T00:00:00+25:00",
                "parsing time \"2020-01-01T00:00:00+25:00\": time zone offset hour out of range",
            ),
            (
                "2020-01-01 00:00:00Z",
                "parsing time \"2020-01-01 00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 00:00:00Z\" as \"T\"",
            ),
            (
                "2020-1-01T00:00:00Z",
                "parsing time \"2020-1-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"1-01T00:00:00Z\" as \"01\"",
            ),
            (
                "2020-01-01T24:00:00Z",
                "parsing time \"2020-01-01T24:00:00Z\": hour out of range",
            ),
            (
                "2020-01-01T00:00:00+01:61",
                "parsing time \"2020-01-01T00:00:00+01:61\": time zone offset minute out of range",
            ),
            (
                "2020-01-01T00:00:00.Z",
                "parsing time \"2020-01-01T00:00:00.Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \".Z\" as \"Z07:00\"",
            ),
            (
                "caf\u{e9}",
                "parsing time \"caf\\xc3\\xa9\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"caf\\xc3\\xa9\" as \"2006\"",
            ),
        ];
        for (value, message) in cases {
            assert_eq!(go_parse_rfc3339(value), Err(message.to_owned()), "{value}");
        }
    }
}

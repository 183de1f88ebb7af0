//! Go's `time.ParseDuration` (with the quoting its errors use) and `Duration.String`, ported for
//! `@every`.
//!
//! robfig/cron passes the text after `@every ` to `time.ParseDuration` and reports its error text
//! verbatim, so the grammar (`[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`), the units and every error
//! message must be Go's.

use crate::time::go_time_quote;

/// Nanoseconds per unit, as in Go's `unitMap`.
fn unit_nanos(unit: &str) -> Option<u64> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

const LIMIT: u64 = 1 << 63;

/// Go's `time.ParseDuration`: nanoseconds, or Go's error message.
pub fn parse_go_duration(original: &str) -> Result<i64, String> {
    let invalid = || {
        format!(
            "time: invalid duration {}",
            go_time_quote(original.as_bytes())
        )
    };
    let mut s = original.as_bytes();
    let mut negative = false;
    if let Some(&sign) = s.first()
        && (sign == b'-' || sign == b'+')
    {
        negative = sign == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // [0-9]*
        let before = s.len();
        let mut whole: u64 = 0;
        while let Some(&digit) = s.first().filter(|c| c.is_ascii_digit()) {
            if whole > LIMIT / 10 {
                return Err(invalid());
            }
            whole = whole * 10 + u64::from(digit - b'0');
            if whole > LIMIT {
                return Err(invalid());
            }
            s = &s[1..];
        }
        let had_whole = before != s.len();
        // (\.[0-9]*)?
        let mut fraction: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut had_fraction = false;
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let before = s.len();
            let mut overflow = false;
            while let Some(&digit) = s.first().filter(|c| c.is_ascii_digit()) {
                s = &s[1..];
                if overflow {
                    continue;
                }
                if fraction > (LIMIT - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let next = fraction * 10 + u64::from(digit - b'0');
                if next > LIMIT {
                    overflow = true;
                    continue;
                }
                fraction = next;
                scale *= 10.0;
            }
            had_fraction = before != s.len();
        }
        if !had_whole && !had_fraction {
            return Err(invalid());
        }
        // The unit runs to the next '.' or digit.
        let unit_len = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!(
                "time: missing unit in duration {}",
                go_time_quote(original.as_bytes())
            ));
        }
        let unit_text = String::from_utf8_lossy(&s[..unit_len]).into_owned();
        s = &s[unit_len..];
        let Some(unit) = unit_nanos(&unit_text) else {
            return Err(format!(
                "time: unknown unit {} in duration {}",
                go_time_quote(unit_text.as_bytes()),
                go_time_quote(original.as_bytes())
            ));
        };
        if whole > LIMIT / unit {
            return Err(invalid());
        }
        let mut value = whole * unit;
        if fraction > 0 {
            // As Go: float64 keeps nanosecond accuracy for fractions of an hour.
            value += (fraction as f64 * (unit as f64 / scale)) as u64;
            if value > LIMIT {
                return Err(invalid());
            }
        }
        total += value;
        if total > LIMIT {
            return Err(invalid());
        }
    }
    if negative {
        return Ok((total as i64).wrapping_neg());
    }
    if total > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// Go's `Duration.String()`: `1h30m0s`, `1.5s`, `500ms`, `0s`.
pub fn format_go_duration(nanos: i64) -> String {
    if nanos == 0 {
        return "0s".to_owned();
    }
    let negative = nanos < 0;
    let u = nanos.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        // Sub-second values use the largest unit that keeps a leading digit.
        let (unit, divisor) = if u < 1_000 {
            ("ns", 1)
        } else if u < 1_000_000 {
            ("\u{b5}s", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&fraction_text(u, divisor));
        out.push_str(unit);
    } else {
        let seconds_part = u % 60_000_000_000;
        let minutes_total = u / 60_000_000_000;
        let hours = minutes_total / 60;
        let minutes = minutes_total % 60;
        if hours > 0 {
            out.push_str(&format!("{hours}h"));
        }
        if hours > 0 || minutes > 0 {
            out.push_str(&format!("{minutes}m"));
        }
        out.push_str(&fraction_text(seconds_part, 1_000_000_000));
        out.push('s');
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

fn fraction_text(value: u64, divisor: u64) -> String {
    let whole = value / divisor;
    let rest = value % divisor;
    if rest == 0 {
        return whole.to_string();
    }
    let width = divisor.ilog10() as usize;
    let digits = format!("{rest:0width$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// `90 s`, `12 min`, `1 h 30 min`, `2 d`: a duration as the page writes it (not a Go
/// format: jobscope's own, shared by the diagrams' tips and sentences).
pub fn human_seconds(seconds: i64) -> String {
    match seconds {
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", s / 60),
        s if s < 2 * 86_400 => {
            let minutes = (s % 3600) / 60;
            if minutes == 0 {
                format!("{} h", s / 3600)
            } else {
                format!("{} h {minutes} min", s / 3600)
            }
        }
        s => format!("{} d", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_go_parses() {
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("1h30m", 5_400_000_000_000),
            ("1.5h", 5_400_000_000_000),
            (".5s", 500_000_000),
            ("5.s", 5_000_000_000),
            ("-1s", -1_000_000_000),
            ("+2m", 120_000_000_000),
            ("1h1m1s1ms1us1ns", 3_661_001_001_001),
            ("1\u{b5}s", 1_000),
            ("1\u{3bc}s", 1_000),
            ("9223372036854775807ns", i64::MAX),
            ("-9223372036854775808ns", i64::MIN),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_go_duration(text), Ok(*expected), "{text}");
        }
    }

    #[test]
    fn rejects_with_go_messages() {
        let cases: &[(&str, &str)] = &[
            ("", "time: invalid duration \"\""),
            ("1d", "time: unknown unit \"d\" in duration \"1d\""),
            ("10", "time: missing unit in duration \"10\""),
            (".s", "time: invalid duration \".s\""),
            (" 1h", "time: invalid duration \" 1h\""),
            ("1h ", "time: unknown unit \"h \" in duration \"1h \""),
            (
                "9223372036854775808ns",
                "time: invalid duration \"9223372036854775808ns\"",
            ),
            (
                "1é",
                "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"",
            ),
            ("-", "time: invalid duration \"-\""),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_go_duration(text),
                Err((*expected).to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn formats_like_go() {
        assert_eq!(format_go_duration(5_400_000_000_000), "1h30m0s");
        assert_eq!(format_go_duration(1_500_000_000), "1.5s");
        assert_eq!(format_go_duration(500_000_000), "500ms");
        assert_eq!(format_go_duration(0), "0s");
        assert_eq!(format_go_duration(-60_000_000_000), "-1m0s");
        assert_eq!(format_go_duration(1_001), "1.001\u{b5}s");
    }
}

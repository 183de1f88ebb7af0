//! How a YAML scalar is read: go-yaml v2's `resolve` (YAML 1.1), which Kubernetes uses through
//! sigs.k8s.io/yaml, so `yes`, `on`, `y` are booleans, `0755` is octal, `1e3` a float and `~` null.
//! Also Go's number formatting, for the JSON the scalar becomes.

/// A resolved scalar, before it becomes JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    /// Integers above `i64::MAX` (go-yaml falls back to `uint64`).
    Uint(u64),
    Float(f64),
    Str(String),
    /// The merge key `<<`.
    Merge,
}

const LONG_TAG_PREFIX: &str = "tag:yaml.org,2002:";

fn normalise_tag(tag: Option<&str>) -> Option<String> {
    tag.map(|tag| {
        if let Some(rest) = tag.strip_prefix("!!") {
            format!("{LONG_TAG_PREFIX}{rest}")
        } else {
            tag.to_owned()
        }
    })
}

/// Resolves a scalar's text: `plain` is true for plain scalars (quoted and block scalars are
/// always strings unless tagged). `Err` carries go-yaml's message for a tag that does not fit.
pub fn resolve(text: &str, plain: bool, tag: Option<&str>) -> Result<Scalar, String> {
    let tag = normalise_tag(tag);
    let Some(tag) = tag else {
        return Ok(if plain {
            resolve_plain(text, None)
        } else {
            Scalar::Str(text.to_owned())
        });
    };
    let short = tag.strip_prefix(LONG_TAG_PREFIX).unwrap_or("");
    match short {
        "str" => Ok(Scalar::Str(text.to_owned())),
        "binary" => Ok(Scalar::Str(
            decode_base64(text).unwrap_or_else(|| text.to_owned()),
        )),
        "bool" | "int" | "float" | "null" | "timestamp" => {
            let resolved = resolve_plain(text, Some(short));
            let got = match &resolved {
                Scalar::Null => "null",
                Scalar::Bool(_) => "bool",
                Scalar::Int(_) | Scalar::Uint(_) => "int",
                Scalar::Float(_) => "float",
                Scalar::Str(_) if short == "timestamp" && looks_like_timestamp(text) => "timestamp",
                Scalar::Str(_) | Scalar::Merge => "str",
            };
            match (got, short) {
                (a, b) if a == b => Ok(if short == "timestamp" {
                    Scalar::Str(text.to_owned())
                } else {
                    resolved
                }),
                ("int", "float") => Ok(match resolved {
                    Scalar::Int(v) => Scalar::Float(v as f64),
                    Scalar::Uint(v) => Scalar::Float(v as f64),
                    other => other,
                }),
                _ => Err(format!("cannot decode !!{got} `{text}` as a !!{short}")),
            }
        }
        // Custom tags are not resolved: the text stays a string.
        _ => Ok(Scalar::Str(text.to_owned())),
    }
}

/// `resolve` for an untagged plain scalar (or one with a core tag).
fn resolve_plain(text: &str, tag: Option<&str>) -> Scalar {
    match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Scalar::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Scalar::Bool(false);
        }
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        "<<" => return Scalar::Merge,
        _ => {}
    }
    match text.as_bytes()[0] {
        b'.' => {
            if let Some(value) = go_parse_float(text) {
                return Scalar::Float(value);
            }
        }
        b'0'..=b'9' | b'+' | b'-' => {
            if matches!(tag, None | Some("timestamp")) && looks_like_timestamp(text) {
                // A timestamp decoded into interface{} stays a string in go-yaml v2.
                return Scalar::Str(text.to_owned());
            }
            let plain: String = text.chars().filter(|c| *c != '_').collect();
            if let Some(value) = go_parse_int_base0(&plain) {
                return match i64::try_from(value) {
                    Ok(v) => Scalar::Int(v),
                    Err(_) => match u64::try_from(value) {
                        Ok(v) => Scalar::Uint(v),
                        Err(_) => Scalar::Str(text.to_owned()),
                    },
                };
            }
            if yaml_style_float(&plain)
                && let Some(value) = go_parse_float(&plain)
            {
                return Scalar::Float(value);
            }
        }
        _ => {}
    }
    Scalar::Str(text.to_owned())
}

/// go-yaml's `parseTimestamp` precondition and formats: `2006-1-2` with optional time.
fn looks_like_timestamp(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || text.as_bytes().get(4) != Some(&b'-') {
        return false;
    }
    // Formats: date, date T/t time with zone, date space time without zone.
    let rest = &text[5..];
    let (date, time) = match rest.find(['T', 't', ' ']) {
        Some(at) => (&rest[..at], Some((&rest[at..at + 1], &rest[at + 1..]))),
        None => (rest, None),
    };
    let mut date_parts = date.split('-');
    let month_ok = date_parts.next().is_some_and(|m| {
        (1..=2).contains(&m.len())
            && m.bytes().all(|b| b.is_ascii_digit())
            && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
    });
    let day_ok = date_parts.next().is_some_and(|d| {
        (1..=2).contains(&d.len())
            && d.bytes().all(|b| b.is_ascii_digit())
            && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
    });
    if !(month_ok && day_ok && date_parts.next().is_none()) {
        return false;
    }
    match time {
        None => true,
        Some((separator, clock)) => {
            let (clock, zone_ok) = if separator == " " {
                (clock, true)
            } else if let Some(stripped) = clock.strip_suffix('Z') {
                (stripped, true)
            } else if let Some(at) = clock.rfind(['+', '-']) {
                let zone = &clock[at + 1..];
                (&clock[..at], zone.len() == 5 && zone.as_bytes()[2] == b':')
            } else {
                (clock, false)
            };
            let mut parts = clock.split(':');
            let hour = parts
                .next()
                .and_then(|h| h.parse::<u32>().ok())
                .is_some_and(|h| h < 24);
            let minute = parts
                .next()
                .and_then(|m| m.parse::<u32>().ok())
                .is_some_and(|m| m < 60);
            let second = parts.next().is_some_and(|s| {
                let whole = s.split('.').next().unwrap_or("");
                whole.parse::<u32>().is_ok_and(|v| v < 60)
            });
            zone_ok && hour && minute && second && parts.next().is_none()
        }
    }
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn yaml_style_float(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}

/// Go's `strconv.ParseInt(s, 0, 64)` (and the `ParseUint` fallback): sign, then `0x`, `0o`,
/// `0b` or a leading `0` for octal. Returns the value in i128 so both fallbacks fit.
fn go_parse_int_base0(text: &str) -> Option<i128> {
    let (negative, body) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) =
        if let Some(rest) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, rest)
        } else if let Some(rest) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, rest)
        } else if let Some(rest) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, rest)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    if digits.is_empty() {
        return None;
    }
    let mut value: i128 = 0;
    for c in digits.chars() {
        value = value * radix as i128 + i128::from(c.to_digit(radix)?);
        if value > i128::from(u64::MAX) {
            return None;
        }
    }
    let value = if negative { -value } else { value };
    if negative && value < i128::from(i64::MIN) {
        return None;
    }
    // ParseInt for signed values, ParseUint for unsigned ones above i64::MAX.
    if negative || value <= i128::from(i64::MAX) || !text.starts_with(['+', '-']) {
        Some(value)
    } else {
        None
    }
}

/// Go's `strconv.ParseFloat(s, 64)` for the decimal forms YAML produces (no hex, no `inf`).
fn go_parse_float(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    // Rust's parser accepts the same decimal grammar ("1.", ".5", "1e5").
    // Go reports an error (and go-yaml keeps the string) when the value overflows to infinity.
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Go's `encoding/json` text of a float64: shortest digits, `e` notation below 1e-6 and from 1e21.
pub fn go_json_float(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        let text = format!("{value:e}");
        let (mantissa, exponent) = text.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let sign = if exponent < 0 { '-' } else { '+' };
        let digits = exponent.unsigned_abs();
        // Go writes at least two exponent digits, then trims a leading zero of a negative one.
        return Some(if exponent < 0 && digits < 10 {
            format!("{mantissa}e{sign}{digits}")
        } else {
            format!("{mantissa}e{sign}{digits:02}")
        });
    }
    let text = format!("{value}");
    Some(if text == "-0" { "-0".to_owned() } else { text })
}

fn decode_base64(text: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Scalar {
        resolve(text, true, None).unwrap()
    }

    #[test]
    fn yaml_1_1_booleans_and_nulls() {
        for text in ["yes", "Yes", "YES", "y", "Y", "on", "ON", "true", "True"] {
            assert_eq!(plain(text), Scalar::Bool(true), "{text}");
        }
        for text in ["no", "n", "N", "off", "Off", "false", "FALSE"] {
            assert_eq!(plain(text), Scalar::Bool(false), "{text}");
        }
        for text in ["~", "null", "Null", ""] {
            assert_eq!(plain(text), Scalar::Null, "{text}");
        }
        assert_eq!(plain("yES"), Scalar::Str("yES".into()));
        assert_eq!(
            resolve("yes", false, None).unwrap(),
            Scalar::Str("yes".into())
        );
    }

    #[test]
    fn numbers_as_go_yaml_reads_them() {
        assert_eq!(plain("0755"), Scalar::Int(493));
        assert_eq!(plain("0o755"), Scalar::Int(493));
        assert_eq!(plain("0x1F"), Scalar::Int(31));
        assert_eq!(plain("0b101"), Scalar::Int(5));
        assert_eq!(plain("1_000"), Scalar::Int(1000));
        assert_eq!(plain("+5"), Scalar::Int(5));
        assert_eq!(plain("-5"), Scalar::Int(-5));
        assert_eq!(plain("08"), Scalar::Float(8.0));
        assert_eq!(plain("1e3"), Scalar::Float(1000.0));
        assert_eq!(plain("1.5"), Scalar::Float(1.5));
        assert_eq!(plain(".5"), Scalar::Float(0.5));
        assert_eq!(plain("18446744073709551615"), Scalar::Uint(u64::MAX));
        assert_eq!(plain("99999999999999999999"), Scalar::Float(1e20));
        assert_eq!(plain("-"), Scalar::Str("-".into()));
        assert_eq!(plain("1e400"), Scalar::Str("1e400".into()));
        assert_eq!(plain("1.2.3"), Scalar::Str("1.2.3".into()));
        assert_eq!(plain("500m"), Scalar::Str("500m".into()));
        assert_eq!(plain("2026-01-01"), Scalar::Str("2026-01-01".into()));
        assert!(matches!(plain(".inf"), Scalar::Float(v) if v.is_infinite()));
        assert_eq!(plain("<<"), Scalar::Merge);
    }

    #[test]
    fn tags() {
        assert_eq!(
            resolve("123", true, Some("!!str")).unwrap(),
            Scalar::Str("123".into())
        );
        assert_eq!(resolve("5", false, Some("!!int")).unwrap(), Scalar::Int(5));
        assert_eq!(
            resolve("5", true, Some("!!float")).unwrap(),
            Scalar::Float(5.0)
        );
        assert_eq!(
            resolve("abc", true, Some("!!int")),
            Err("cannot decode !!str `abc` as a !!int".to_owned())
        );
        assert_eq!(
            resolve("x", true, Some("!custom")).unwrap(),
            Scalar::Str("x".into())
        );
        assert_eq!(
            resolve("aGVsbG8=", true, Some("!!binary")).unwrap(),
            Scalar::Str("hello".into())
        );
    }

    #[test]
    fn json_floats_like_go() {
        assert_eq!(go_json_float(1000.0).unwrap(), "1000");
        assert_eq!(go_json_float(1.5).unwrap(), "1.5");
        assert_eq!(go_json_float(1e21).unwrap(), "1e+21");
        assert_eq!(go_json_float(1e-7).unwrap(), "1e-7");
        assert_eq!(go_json_float(1.5e-10).unwrap(), "1.5e-10");
        assert_eq!(go_json_float(0.000001).unwrap(), "0.000001");
        assert_eq!(go_json_float(f64::INFINITY), None);
    }
}

//! `resource.Quantity` (k8s.io/apimachinery): parsing with the apiserver's acceptance and error
//! texts, exact decimal values, comparison, and the canonical text validation messages print.
//!
//! Values are exact decimals `mantissa × 10^exponent` in i128; the apiserver uses arbitrary
//! precision, so quantities beyond ±10^38 (±10^29 for those Go keeps at nano scale in an
//! inf.Dec; nobody writes them) saturate.

use std::cmp::Ordering;

/// `ErrFormatWrong`.
pub(crate) const FORMAT_WRONG: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/// `ErrNumeric`.
pub(crate) const NUMERIC: &str = "unable to parse numeric part of quantity";
/// `ErrSuffix`.
pub(crate) const SUFFIX: &str = "unable to parse quantity's suffix";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    DecimalExponent,
    BinarySI,
    DecimalSI,
}

/// A parsed quantity.
///
/// `mantissa × 10^exponent` is the value exactly as Go holds it: an `int64Amount{value, scale}`
/// (`dec == false`, mantissa fits an i64) or an `inf.Dec` (`dec == true`, unscaled and −scale).
/// The two differ in how `ScaledValue` overflows and rounds negatives, so the kind is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    mantissa: i128,
    exponent: i32,
    pub(crate) format: Format,
    /// The text as written when the apiserver keeps it (already canonical).
    kept: Option<String>,
    dec: bool,
}

/// `maxAllowed`: binary quantities are capped at 2^63-1.
const MAX_ALLOWED: i128 = i64::MAX as i128;

impl Quantity {
    pub(crate) fn zero() -> Self {
        Quantity {
            mantissa: 0,
            exponent: 0,
            format: Format::DecimalSI,
            kept: None,
            dec: false,
        }
    }

    pub(crate) fn from_int(value: i64) -> Self {
        Quantity {
            mantissa: i128::from(value),
            exponent: 0,
            format: Format::DecimalSI,
            kept: None,
            dec: false,
        }
    }

    /// `ParseQuantity`.
    pub(crate) fn parse(text: &str) -> Result<Quantity, &'static str> {
        if text.is_empty() {
            return Err(FORMAT_WRONG);
        }
        if text == "0" {
            return Ok(Quantity {
                kept: Some("0".to_owned()),
                ..Quantity::zero()
            });
        }
        let parts = split_quantity(text)?;
        let (base, exponent, format) = interpret_suffix(parts.suffix).ok_or(SUFFIX)?;

        // The int64 fast path gives an int64Amount, keeping the written text when canonical.
        // Go computes scales in int32 and lets them wrap; so do we.
        let (precision, scale, multiplier) = match format {
            Format::DecimalExponent | Format::DecimalSI => (
                18 - (parts.num.len() + parts.denom.len()) as i64,
                exponent,
                1i64,
            ),
            Format::BinarySI if exponent >= 0 && parts.denom.is_empty() => {
                let precision =
                    15 - parts.num.len() as i64 - (exponent as f32 * 3.0 / 10.0) as i64 - 1;
                (precision, 0, 1i64.checked_shl(exponent as u32).unwrap_or(0))
            }
            Format::BinarySI => (-1, 0, 1),
        };
        if precision >= 0 {
            let scale = scale.wrapping_sub(parts.denom.len() as i32);
            if scale >= -9 {
                let shifted = format!("{}{}", parts.num, parts.denom);
                let value: i64 = shifted.parse().map_err(|_| NUMERIC)?;
                if let Some(result) = value.checked_mul(multiplier) {
                    let canonical = match format {
                        Format::BinarySI => exponent % 10 == 0 && value & 0x07 != 0,
                        _ => {
                            scale % 3 == 0 && !shifted.ends_with("000") && !shifted.starts_with('0')
                        }
                    };
                    return Ok(Quantity {
                        mantissa: i128::from(if parts.positive { result } else { -result }),
                        exponent: scale,
                        format,
                        kept: canonical.then(|| text.to_owned()),
                        dec: false,
                    });
                }
            }
        }

        // The inf.Dec path: digits × 10^(−len(denom)) × base^exponent, non-zero values rounded
        // (up, away from zero) to exactly the nano scale.
        let digits = format!("{}{}", parts.num, parts.denom);
        let mut mantissa = parse_digits(&digits);
        let mut exponent10 = -(parts.denom.len() as i32);
        if base == 10 {
            exponent10 = exponent10.wrapping_add(exponent);
        } else {
            mantissa =
                mantissa.saturating_mul(1i128.checked_shl(exponent as u32).unwrap_or(i128::MAX));
        }
        if mantissa != 0 {
            mantissa = rescale_round_up(mantissa, exponent10, -9).0;
            exponent10 = -9;
        }
        let mut quantity = Quantity {
            mantissa,
            exponent: exponent10,
            format,
            kept: None,
            dec: true,
        };
        // The cap and the small-value switch look at the magnitude (the sign is put back after).
        if format == Format::BinarySI {
            let max = Quantity {
                mantissa: MAX_ALLOWED,
                ..Quantity::zero()
            };
            if quantity.cmp_value(&max) == Ordering::Greater {
                quantity.mantissa = MAX_ALLOWED;
                quantity.exponent = 0;
            }
            if quantity.mantissa != 0
                && quantity.cmp_value(&Quantity::from_int(1)) == Ordering::Less
            {
                quantity.format = Format::DecimalSI;
            }
        }
        if !parts.positive {
            quantity.mantissa = -quantity.mantissa;
        }
        Ok(quantity)
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    pub fn sign(&self) -> i32 {
        self.mantissa.signum() as i32
    }

    /// Compares the values.
    pub(crate) fn cmp_value(&self, other: &Quantity) -> Ordering {
        let exponent = self.exponent.min(other.exponent);
        scaled(self.mantissa, self.exponent - exponent)
            .cmp(&scaled(other.mantissa, other.exponent - exponent))
    }

    /// `Value()`: the value rounded up to an integer (0 when it overflows an int64amount).
    pub(crate) fn value(&self) -> i64 {
        self.scaled_value(0)
    }

    /// `MilliValue()`.
    pub(crate) fn milli_value(&self) -> i64 {
        self.scaled_value(-3)
    }

    /// `ScaledValue(scale)`: the value in units of 10^scale, rounded up, with Go's overflow:
    /// an int64Amount gives 0 when it does not fit, an inf.Dec its low 64 bits.
    pub(crate) fn scaled_value(&self, scale: i32) -> i64 {
        if self.dec {
            dec_scaled_value(self.mantissa, -i64::from(self.exponent), -i64::from(scale))
        } else {
            let value = self.mantissa as i64;
            let from = i64::from(self.exponent);
            let to = i64::from(scale);
            if from < to {
                negative_scale_int64(value, to - from).0
            } else {
                positive_scale_int64(value, from - to).unwrap_or(0)
            }
        }
    }

    /// `RoundUp(scale)`: rounds away from zero to at least `scale`; false when that lost precision.
    /// An int64Amount already that precise keeps its written text.
    pub(crate) fn round_up(&mut self, scale: i32) -> bool {
        if self.dec {
            self.kept = None;
            let (mantissa, exact) = rescale_round_up(self.mantissa, self.exponent, scale);
            self.mantissa = mantissa;
            self.exponent = scale;
            return exact;
        }
        if self.exponent >= scale {
            return true;
        }
        self.kept = None;
        let (value, exact) = negative_scale_int64(
            self.mantissa as i64,
            i64::from(scale) - i64::from(self.exponent),
        );
        self.mantissa = i128::from(value);
        self.exponent = scale;
        exact
    }

    /// `Add(y)`: the canonical text afterwards; a zero quantity takes `y`'s format.
    pub(crate) fn add(&mut self, y: &Quantity) {
        self.kept = None;
        if !self.dec && !y.dec {
            if self.mantissa == 0 {
                self.format = y.format;
            }
            if let Some((value, scale)) = int64_amount_add(
                self.mantissa as i64,
                self.exponent,
                y.mantissa as i64,
                y.exponent,
            ) {
                self.mantissa = i128::from(value);
                self.exponent = scale;
                return;
            }
        } else if self.is_zero() {
            self.format = y.format;
        }
        let exponent = self.exponent.min(y.exponent);
        self.mantissa = scaled(self.mantissa, self.exponent - exponent)
            .saturating_add(scaled(y.mantissa, y.exponent - exponent));
        self.exponent = exponent;
        self.dec = true;
    }

    /// Whether the value is a whole number of units.
    pub(crate) fn is_integer(&self) -> bool {
        if self.exponent >= 0 {
            return true;
        }
        let divisor = 10i128
            .checked_pow((-self.exponent) as u32)
            .unwrap_or(i128::MAX);
        self.mantissa % divisor == 0
    }

    /// `String()`: the written text when the apiserver keeps it, else the canonical form.
    pub fn text(&self) -> String {
        if let Some(kept) = &self.kept {
            return kept.clone();
        }
        if self.mantissa == 0 {
            return "0".to_owned();
        }
        let mut format = self.format;
        if format == Format::BinarySI {
            let small = self.cmp_value(&Quantity::from_int(-1024)) == Ordering::Greater
                && self.cmp_value(&Quantity::from_int(1024)) == Ordering::Less;
            if small || !self.is_integer() {
                format = Format::DecimalSI;
            }
        }
        match format {
            Format::BinarySI => {
                // is_integer() held above, so a negative exponent divides exactly.
                let mut value = if self.exponent >= 0 {
                    scaled(self.mantissa, self.exponent)
                } else {
                    self.mantissa
                        / 10i128
                            .checked_pow((-self.exponent) as u32)
                            .unwrap_or(i128::MAX)
                };
                let mut power = 0;
                while value != 0 && value % 1024 == 0 {
                    value /= 1024;
                    power += 1;
                }
                let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
                    .get(power)
                    .copied()
                    .unwrap_or("");
                format!("{value}{suffix}")
            }
            _ => {
                let mut mantissa = self.mantissa;
                let mut exponent = self.exponent;
                while mantissa % 10 == 0 {
                    mantissa /= 10;
                    exponent += 1;
                }
                while exponent % 3 != 0 {
                    mantissa = mantissa.saturating_mul(10);
                    exponent -= 1;
                }
                let suffix = if format == Format::DecimalExponent {
                    if exponent == 0 {
                        String::new()
                    } else {
                        format!("e{exponent}")
                    }
                } else {
                    match exponent {
                        -9 => "n",
                        -6 => "u",
                        -3 => "m",
                        3 => "k",
                        6 => "M",
                        9 => "G",
                        12 => "T",
                        15 => "P",
                        18 => "E",
                        _ => "",
                    }
                    .to_owned()
                };
                format!("{mantissa}{suffix}")
            }
        }
    }
}

fn scaled(mantissa: i128, shift: i32) -> i128 {
    if shift <= 0 {
        return mantissa;
    }
    mantissa.saturating_mul(10i128.checked_pow(shift as u32).unwrap_or(i128::MAX))
}

/// Digits as an integer, saturating (Go's inf.Dec has no limit).
fn parse_digits(digits: &str) -> i128 {
    digits.bytes().fold(0i128, |acc, b| {
        acc.saturating_mul(10).saturating_add(i128::from(b - b'0'))
    })
}

/// `mantissa × 10^from` at exactly 10^to, rounding away from zero (inf.RoundUp); whether exact.
fn rescale_round_up(mantissa: i128, from: i32, to: i32) -> (i128, bool) {
    let shift = i64::from(from) - i64::from(to);
    if shift >= 0 {
        let factor = u32::try_from(shift)
            .ok()
            .and_then(|s| 10i128.checked_pow(s));
        return (
            factor.map_or(
                if mantissa == 0 {
                    0
                } else {
                    i128::MAX * mantissa.signum()
                },
                |f| mantissa.saturating_mul(f),
            ),
            true,
        );
    }
    match u32::try_from(-shift)
        .ok()
        .and_then(|s| 10i128.checked_pow(s))
    {
        Some(divisor) => {
            let quotient = mantissa / divisor;
            if mantissa % divisor != 0 {
                (quotient + mantissa.signum(), false)
            } else {
                (quotient, true)
            }
        }
        None => (mantissa.signum(), mantissa == 0),
    }
}

/// `negativeScaleInt64`: divides by 10^scale rounding away from zero; whether exact.
fn negative_scale_int64(base: i64, scale: i64) -> (i64, bool) {
    if scale == 0 {
        return (base, true);
    }
    let mut value = base;
    let mut fraction = false;
    let mut step = 0;
    while step < scale {
        if !fraction && value % 10 != 0 {
            fraction = true;
        }
        value /= 10;
        if value == 0 {
            if fraction {
                return (if base > 0 { 1 } else { -1 }, false);
            }
            return (0, true);
        }
        step += 1;
    }
    if fraction {
        value = if base > 0 { value + 1 } else { value - 1 };
    }
    (value, !fraction)
}

/// `positiveScaleInt64`: multiplies by 10^scale, none on overflow.
fn positive_scale_int64(base: i64, scale: i64) -> Option<i64> {
    if base == 0 {
        return Some(0);
    }
    let mut value = base;
    for _ in 0..scale {
        value = value.checked_mul(10)?;
    }
    Some(value)
}

/// `int64Amount.Add`: none when it overflows (Go then adds as inf.Dec).
fn int64_amount_add(a: i64, a_scale: i32, b: i64, b_scale: i32) -> Option<(i64, i32)> {
    if b == 0 {
        return Some((a, a_scale));
    }
    if a == 0 {
        return Some((b, b_scale));
    }
    match a_scale.cmp(&b_scale) {
        Ordering::Equal => Some((a.checked_add(b)?, a_scale)),
        Ordering::Greater => {
            let shifted = positive_scale_int64(a, i64::from(a_scale) - i64::from(b_scale))?;
            Some((shifted.checked_add(b)?, b_scale))
        }
        Ordering::Less => {
            let shifted = positive_scale_int64(b, i64::from(b_scale) - i64::from(a_scale))?;
            Some((a.checked_add(shifted)?, a_scale))
        }
    }
}

/// `big.Int.Int64()`: the low 64 bits, with the sign.
fn big_int64(value: i128) -> i64 {
    let low = value.unsigned_abs() as u64 as i64;
    if value < 0 { low.wrapping_neg() } else { low }
}

/// `scaledValue(unscaled, scale, newScale)` of an inf.Dec, wrap-arounds included.
fn dec_scaled_value(unscaled: i128, scale: i64, new_scale: i64) -> i64 {
    let dif = scale - new_scale;
    if dif == 0 {
        return big_int64(unscaled);
    }
    if dif < 0 {
        // int64(math.Pow10(n)): exact up to 10^18, then out of range (amd64 gives MinInt64).
        let factor = if -dif <= 18 {
            10i64.pow((-dif) as u32)
        } else {
            i64::MIN
        };
        return big_int64(unscaled).wrapping_mul(factor);
    }
    if unscaled < i128::from(i64::MAX) && dif < 19 {
        let divide = 10i64.pow(dif as u32);
        let value = big_int64(unscaled);
        let result = value / divide;
        return if value % divide != 0 {
            result + 1
        } else {
            result
        };
    }
    // big.Int DivMod is Euclidean: the quotient floors, the remainder is non-negative.
    let (quotient, remainder) = match u32::try_from(dif).ok().and_then(|d| 10i128.checked_pow(d)) {
        Some(divisor) => (unscaled.div_euclid(divisor), unscaled.rem_euclid(divisor)),
        None => (if unscaled < 0 { -1 } else { 0 }, unscaled),
    };
    big_int64(if remainder != 0 {
        quotient + 1
    } else {
        quotient
    })
}

struct Parts<'a> {
    positive: bool,
    num: &'a str,
    denom: &'a str,
    suffix: &'a str,
}

/// `parseQuantityString`.
fn split_quantity(text: &str) -> Result<Parts<'_>, &'static str> {
    let bytes = text.as_bytes();
    let end = bytes.len();
    let mut pos = 0;
    let mut positive = true;
    match bytes.first() {
        Some(b'-') => {
            positive = false;
            pos += 1;
        }
        Some(b'+') => pos += 1,
        _ => {}
    }
    while pos < end && bytes[pos] == b'0' {
        pos += 1;
    }
    if pos >= end {
        return Ok(Parts {
            positive,
            num: "0",
            denom: "",
            suffix: "",
        });
    }
    let num_start = pos;
    while pos < end && bytes[pos].is_ascii_digit() {
        pos += 1;
    }
    let num = if pos == num_start {
        "0"
    } else {
        &text[num_start..pos]
    };
    if pos >= end {
        return Ok(Parts {
            positive,
            num,
            denom: "",
            suffix: "",
        });
    }
    let mut denom = "";
    if bytes[pos] == b'.' {
        pos += 1;
        let denom_start = pos;
        while pos < end && bytes[pos].is_ascii_digit() {
            pos += 1;
        }
        denom = &text[denom_start..pos];
        if pos >= end {
            return Ok(Parts {
                positive,
                num,
                denom,
                suffix: "",
            });
        }
    }
    let suffix_start = pos;
    while pos < end && b"eEinumkKMGTP".contains(&bytes[pos]) {
        pos += 1;
    }
    if pos >= end {
        return Ok(Parts {
            positive,
            num,
            denom,
            suffix: &text[suffix_start..],
        });
    }
    if matches!(bytes[pos], b'-' | b'+') {
        pos += 1;
    }
    while pos < end && bytes[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos >= end {
        return Ok(Parts {
            positive,
            num,
            denom,
            suffix: &text[suffix_start..],
        });
    }
    Err(FORMAT_WRONG)
}

/// The suffixer's `interpret`: base, exponent and format of a suffix.
fn interpret_suffix(suffix: &str) -> Option<(i32, i32, Format)> {
    let decimal = |exponent| Some((10, exponent, Format::DecimalSI));
    match suffix {
        "" => decimal(0),
        "n" => decimal(-9),
        "u" => decimal(-6),
        "m" => decimal(-3),
        "k" => decimal(3),
        "M" => decimal(6),
        "G" => decimal(9),
        "T" => decimal(12),
        "P" => decimal(15),
        "E" => decimal(18),
        "Ki" => Some((2, 10, Format::BinarySI)),
        "Mi" => Some((2, 20, Format::BinarySI)),
        "Gi" => Some((2, 30, Format::BinarySI)),
        "Ti" => Some((2, 40, Format::BinarySI)),
        "Pi" => Some((2, 50, Format::BinarySI)),
        "Ei" => Some((2, 60, Format::BinarySI)),
        _ if suffix.len() > 1 && suffix.starts_with(['e', 'E']) => {
            let exponent: i64 = suffix[1..].parse().ok()?;
            Some((10, exponent as i32, Format::DecimalExponent))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(q: &str) -> String {
        Quantity::parse(q).unwrap().text()
    }

    #[test]
    fn accepts_and_rejects_like_parse_quantity() {
        for ok in [
            "1", "0.5", "500m", "1Gi", "128Mi", "1e3", "1E3", "+1", "-1", ".5", "1.", "0", "100n",
            "1.5Gi", "2e-3",
        ] {
            assert!(Quantity::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Quantity::parse(""), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("1GB"), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("abc"), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("1 Gi"), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("1Gix"), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("true"), Err(FORMAT_WRONG));
        assert_eq!(Quantity::parse("1Mm"), Err(SUFFIX));
    }

    #[test]
    fn canonical_text() {
        assert_eq!(text("0.5"), "500m");
        assert_eq!(text("1000m"), "1");
        assert_eq!(text("500m"), "500m");
        assert_eq!(text("1024Mi"), "1Gi");
        assert_eq!(text("1Gi"), "1Gi");
        assert_eq!(text("1.5Gi"), "1536Mi");
        assert_eq!(text("128Mi"), "128Mi");
        assert_eq!(text("1e3"), "1e3");
        assert_eq!(text("1000"), "1k");
        assert_eq!(text("+1"), "+1");
        assert_eq!(text("0.1m"), "100u");
        assert_eq!(text("1n"), "1n");
        assert_eq!(text("0.0000000001"), "1n");
        assert_eq!(text("100"), "100");
    }

    #[test]
    fn values_and_comparison() {
        let a = Quantity::parse("500m").unwrap();
        let b = Quantity::parse("0.5").unwrap();
        assert_eq!(a.cmp_value(&b), Ordering::Equal);
        assert_eq!(Quantity::parse("1Gi").unwrap().value(), 1 << 30);
        assert_eq!(Quantity::parse("128m").unwrap().milli_value(), 128);
        assert_eq!(Quantity::parse("1.5").unwrap().value(), 2);
        assert!(!Quantity::parse("128m").unwrap().is_integer());
        assert_eq!(Quantity::parse("-1").unwrap().sign(), -1);
        assert!(
            Quantity::parse("2")
                .unwrap()
                .cmp_value(&Quantity::parse("1500m").unwrap())
                .is_gt()
        );
    }
    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap()
    }

    #[test]
    fn round_up_like_defaulting() {
        let mut small = q("100u");
        assert!(!small.round_up(-3));
        assert_eq!(small.text(), "1m");
        let mut negative = q("-0.0001");
        assert!(!negative.round_up(-3));
        assert_eq!(negative.text(), "-1m");
        // An int64Amount already at milli precision keeps its written text.
        let mut plus = q("+1");
        assert!(plus.round_up(-3));
        assert_eq!(plus.text(), "+1");
        let mut binary = q("1.5Gi");
        assert!(binary.round_up(-3));
        assert_eq!(binary.text(), "1536Mi");
    }

    #[test]
    fn add_like_go() {
        for (a, b, sum_text) in [
            ("500m", "1Gi", "1073741824500m"),
            ("0", "1Gi", "1Gi"),
            // Adding clears the kept text.
            ("+1", "0", "1"),
            ("250m", "250m", "500m"),
            // int64 overflow moves the sum to inf.Dec, still exact.
            ("10E", "1", "10000000000000000001"),
        ] {
            let mut sum = q(a);
            sum.add(&q(b));
            assert_eq!(sum.text(), sum_text, "{a} + {b}");
        }
    }

    #[test]
    fn scaled_values_overflow_like_go() {
        // int64Amount: 0 when the result does not fit.
        assert_eq!(q("1e19").value(), 0);
        assert_eq!(q("1e19").milli_value(), 0);
        assert_eq!(q("1e18").value(), 1_000_000_000_000_000_000);
        // inf.Dec: the low 64 bits.
        let big = q("20000000000000000000");
        assert_eq!(big.value(), 20_000_000_000_000_000_000u128 as u64 as i64);
        assert_eq!(
            big.milli_value(),
            20_000_000_000_000_000_000_000u128 as u64 as i64
        );
        // Negatives: int64Amount rounds away from zero, inf.Dec truncates and adds one.
        assert_eq!(q("-1.5").value(), -2);
        assert_eq!(q("-1.0000000001").value(), 0);
    }

    #[test]
    fn binary_values_are_capped() {
        assert_eq!(text("9Ei"), "9223372036854775807");
        assert_eq!(text("-9Ei"), "-9223372036854775807");
        assert_eq!(text("0.5Ki"), "512");
        assert_eq!(text("0.5Mi"), "512Ki");
    }
}

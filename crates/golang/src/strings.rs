//! Go's string conventions that ported messages depend on: `strconv.Quote` (and `%q`),
//! `strconv.FormatUint` (`%d`), `encoding/json`'s string encoding, `strings.ToLower` and
//! `strings.TrimSpace`.
//!
//! Messages of the apiserver, robfig/cron and the controllers are built with these; matching
//! them byte for byte needs the same escaping.

/// `strconv.FormatUint(value, 10)`, written into `buffer` without `fmt` (field-path indexes
/// and CronJob Job names are written on hot paths).
pub fn format_decimal(mut value: u64, buffer: &mut [u8; 20]) -> &str {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    // ASCII digits: always UTF-8.
    std::str::from_utf8(&buffer[start..]).unwrap_or("0")
}

/// `strings.ToLower`: each rune mapped by `unicode.ToLower`, Unicode's simple case mapping.
/// Not `str::to_lowercase`, whose full mapping differs from Go's in two ways a message can show
/// (the apiserver reports some lowered keys as the bad value): a final capital sigma becomes
/// `ς` (Go: `σ`), and `İ` (U+0130) becomes `i` plus a combining dot (Go: `i`).
pub fn go_to_lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\u{130}' {
            out.push('i');
        } else {
            // Every other rune's full lowercase mapping is one rune, its simple mapping.
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `strconv.Quote`: a Go string literal.
pub fn go_strconv_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() && c != ' ' => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `encoding/json`'s encoding of a string: `\"`, `\\`, `\n`, `\r`, `\t`, other control
/// characters as `\u00XX`, and `<`, `>`, `&`, U+2028, U+2029 escaped (Go's HTML-safe default).
pub fn go_json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `go_json_string(text).len()` without building the text (kubectl's annotation size check
/// measures whole objects on every keystroke).
pub fn go_json_string_len(text: &str) -> usize {
    2 + text
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' => 2,
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => 6,
            c if (c as u32) < 0x20 => 6,
            c => c.len_utf8(),
        })
        .sum::<usize>()
}

/// `strings.TrimSpace`: leading and trailing white space removed, as Unicode defines it
/// (`unicode.IsSpace`, which is Rust's `char::is_whitespace`: the Latin-1 spaces, U+0085,
/// U+00A0 and the White_Space property above).
pub fn go_trim_space(text: &str) -> &str {
    text.trim_matches(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each function against the text Go 1.27.3 prints for the same input
    /// (`fmt.Printf("%q\n", …)` of `strings.ToLower`, `strconv.Quote`, `json.Marshal`).
    #[test]
    fn matches_go() {
        type Case = (fn(&str) -> String, &'static str, &'static str);
        let cases: [Case; 12] = [
            (go_to_lower, "Example.COM/Key", "example.com/key"),
            (go_to_lower, "ΟΔΟΣ", "οδοσ"),
            (go_to_lower, "İSTANBUL", "istanbul"),
            // The Kelvin sign lowers to an ASCII k, so such a key can pass as a qualified name.
            (go_to_lower, "\u{212A}ey", "key"),
            (go_to_lower, "ẞ", "ß"),
            (go_strconv_quote, "abc", "\"abc\""),
            (go_strconv_quote, "a\"b\\c", "\"a\\\"b\\\\c\""),
            (go_strconv_quote, "tab\there\n", "\"tab\\there\\n\""),
            (go_strconv_quote, "\u{1}", "\"\\x01\""),
            (go_strconv_quote, "caf\u{e9}", "\"caf\u{e9}\""),
            (
                go_json_string,
                "a<b>&\"c\"",
                "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\"",
            ),
            (go_json_string, "caf\u{e9}\u{1}", "\"caf\u{e9}\\u0001\""),
        ];
        for (function, input, go) in cases {
            assert_eq!(function(input), go, "{input:?}");
        }
    }

    #[test]
    fn json_string_length_matches_the_text() {
        for text in [
            "",
            "plain",
            "a\"b\\c",
            "tab\tnew\nline\r",
            "<&>",
            "\u{1}\u{1f}",
            "ünï 😀",
            "\u{2028}\u{2029}",
        ] {
            assert_eq!(
                go_json_string_len(text),
                go_json_string(text).len(),
                "{text:?}"
            );
        }
    }
}

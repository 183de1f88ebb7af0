//! Go's formatting conventions that ported messages depend on: `strconv.Quote` (and `%q`) and
//! `encoding/json`'s string encoding.
//!
//! Messages of the apiserver, robfig/cron and the controllers are built with these; matching
//! them byte for byte needs the same escaping.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_strconv() {
        assert_eq!(go_strconv_quote("abc"), "\"abc\"");
        assert_eq!(go_strconv_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(go_strconv_quote("tab\there\n"), "\"tab\\there\\n\"");
        assert_eq!(go_strconv_quote("\u{1}"), "\"\\x01\"");
        assert_eq!(go_strconv_quote("caf\u{e9}"), "\"caf\u{e9}\"");
    }

    #[test]
    fn encodes_like_encoding_json() {
        assert_eq!(
            go_json_string("a<b>&\"c\""),
            "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\""
        );
        assert_eq!(go_json_string("caf\u{e9}\u{1}"), "\"caf\u{e9}\\u0001\"");
    }
}

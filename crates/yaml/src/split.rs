//! Splits a multi-document file the way kubectl does (`k8s.io/apimachinery/pkg/util/yaml`
//! `YAMLOrJSONDecoder`): a text whose first non-space character is `{` is a JSON stream, one
//! object after another (`GuessJSONStream`); any other text is YAML, where a line that starts
//! with `---` ends a document (`YAMLReader`) and only spaces and a comment may follow it on that
//! line.
//!
//! Each JSON value is then read by the YAML reader like any document (JSON objects are YAML flow
//! mappings), which keeps one model and one set of positions; what differs is only where a
//! document ends. Where Go's `encoding/json` would refuse text the YAML reader accepts (a
//! trailing comma, a comment), jobscope reads on: such text is not JSON any tool writes.

use jobscope_diagnostic::Span;

/// One document's text, as kubectl would send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub span: Span,
}

/// A separator line kubectl rejects (`--- foo`): `invalid Yaml document separator: foo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadSeparator {
    pub span: Span,
    pub message: String,
}

/// Splits `text` into document chunks; separator lines belong to no chunk. Chunks holding only
/// blank lines and comments are kept: kubectl skips them later, and the UI still lists them.
pub fn split_documents(text: &str) -> (Vec<Chunk>, Vec<BadSeparator>) {
    if text.trim_start().starts_with('{') {
        return (split_json_stream(text), Vec::new());
    }
    let mut chunks = Vec::new();
    let mut bad = Vec::new();
    let mut chunk_start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix("---") else {
            continue;
        };
        // Go's strings.TrimSpace trims Unicode white space.
        let trimmed = rest.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            bad.push(BadSeparator {
                span: Span::new(line_start, line_start + line.trim_end().len()),
                message: format!("invalid Yaml document separator: {trimmed}"),
            });
        }
        if line_start > chunk_start {
            chunks.push(Chunk {
                span: Span::new(chunk_start, line_start),
            });
        }
        chunk_start = offset;
    }
    if text.len() > chunk_start || chunks.is_empty() {
        chunks.push(Chunk {
            span: Span::new(chunk_start, text.len()),
        });
    }
    (chunks, bad)
}

/// The top-level values of a JSON stream, as `json.Decoder` reads them one after another: each
/// ends where its outermost brace or bracket closes (outside strings). Text after the last
/// complete value (an unclosed one, or something that is not an object) is one more chunk, which
/// the YAML reader then reports.
fn split_json_stream(text: &str) -> Vec<Chunk> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut start: Option<usize> = None;
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, &byte) in bytes.iter().enumerate() {
        let Some(from) = start else {
            match byte {
                b'{' | b'[' => {
                    start = Some(at);
                    depth = 1;
                }
                b' ' | b'\t' | b'\r' | b'\n' => {}
                _ => {
                    chunks.push(Chunk {
                        span: Span::new(at, text.len()),
                    });
                    return chunks;
                }
            }
            continue;
        };
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    chunks.push(Chunk {
                        span: Span::new(from, at + 1),
                    });
                    start = None;
                }
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        chunks.push(Chunk {
            span: Span::new(from, text.len()),
        });
    }
    if chunks.is_empty() {
        chunks.push(Chunk {
            span: Span::new(0, text.len()),
        });
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_documents(text)
            .0
            .iter()
            .map(|c| &text[c.span.start..c.span.end])
            .collect()
    }

    #[test]
    fn splits_on_separator_lines() {
        assert_eq!(pieces("a: 1\n---\nb: 2\n"), ["a: 1\n", "b: 2\n"]);
        assert_eq!(pieces("---\na: 1\n--- # next\nb: 2"), ["a: 1\n", "b: 2"]);
        assert_eq!(pieces("a: 1\n---\n"), ["a: 1\n"]);
        assert_eq!(pieces(""), [""]);
        assert_eq!(
            pieces("a: |\n  --- not a separator\n"),
            ["a: |\n  --- not a separator\n"]
        );
    }

    #[test]
    fn reports_separators_kubectl_rejects() {
        let (chunks, bad) = split_documents("a: 1\n--- !tag\nb: 2\n");
        assert_eq!(chunks.len(), 2);
        assert_eq!(bad[0].message, "invalid Yaml document separator: !tag");
        let (_, bad) = split_documents("a: 1\n----\n");
        assert_eq!(bad[0].message, "invalid Yaml document separator: -");
    }

    #[test]
    fn a_text_starting_with_a_brace_is_a_json_stream() {
        assert_eq!(
            pieces("{\"a\": 1}\n{\"b\": \"}{\\\"\"}  {\"c\": [1, {}]}\n"),
            ["{\"a\": 1}", "{\"b\": \"}{\\\"\"}", "{\"c\": [1, {}]}"]
        );
        // A `---` line is not a separator in JSON: what follows the object is read on its own.
        assert_eq!(pieces("  {\"a\": 1}\n---\n"), ["{\"a\": 1}", "---\n"]);
        assert_eq!(pieces("{\"a\": [1,"), ["{\"a\": [1,"]);
        assert!(split_documents("{}\n--- x\n").1.is_empty());
    }
}

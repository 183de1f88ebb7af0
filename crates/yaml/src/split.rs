//! Splits a multi-document file the way kubectl does (`k8s.io/apimachinery/pkg/util/yaml`
//! `YAMLReader`): a line that starts with `---` ends a document; only spaces and a comment may
//! follow it on that line.

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
}

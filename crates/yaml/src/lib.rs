//! YAML text to JSON-like values with byte spans, read the way Kubernetes reads YAML.
//!
//! Why this layer is ours: `serde_yaml` is deprecated upstream and, like every YAML 1.2 loader,
//! reads `yes`, `on` and `0755` differently from Kubernetes. kubectl converts each document to
//! JSON with sigs.k8s.io/yaml over go-yaml v2 (YAML 1.1 scalars, merge keys, an alias-expansion
//! budget). We take the syntax from `libyaml-safer`, a safe Rust port of libyaml: go-yaml v2
//! is itself a port of libyaml, so the scanner accepts the same text and fails with the same
//! problem (`did not find expected key`) at the same mark, which keeps kubectl's syntax errors
//! word for word. It reports byte positions and never recurses on nesting (a state machine with
//! explicit stacks). go-yaml's semantics are ours on top:
//!
//! - [`split`]: kubectl's document splitting (`---` lines);
//! - [`tree`]: parser events to a node arena with byte spans, anchors, a depth limit;
//! - [`scalar`]: go-yaml v2's `resolve` (YAML 1.1) and Go's number formatting;
//! - [`decode`]: aliases, merges, duplicate keys and key conversion, as kubectl's JSON gets them.
//!
//! Invariants: never panics and never gives up (a syntax error keeps the tree before it); every
//! span lies inside the input; every loop and recursion is bounded by the limits below.

pub(crate) mod decode;
pub mod position;
pub mod scalar;
pub mod split;
pub(crate) mod tree;

pub use decode::{DecodeProblem, Entry, ProblemKind, Value, ValueKind};
use jobscope_diagnostic::Span;
pub(crate) use tree::SyntaxError;

/// go-yaml's nesting limit: deeper text is rejected by kubectl with this number in the message.
pub const GO_YAML_MAX_DEPTH: usize = 10_000;

/// The deepest nesting jobscope keeps. Kubernetes objects nest about 20 levels; a bound keeps
/// every later recursion (decoding, validation, drop) shallow enough for a browser's stack.
pub const MAX_TREE_DEPTH: usize = 256;

/// The most values one document may expand to through aliases; beyond it the document is not
/// analysed (go-yaml's own ratio rule usually stops alias bombs well before).
pub(crate) const MAX_VALUE_NODES: usize = 1_000_000;

/// The apiserver refuses request bodies over 3 MiB (`MaxRequestBodyBytes`); a document that
/// large is reported, not parsed.
pub const MAX_DOCUMENT_BYTES: usize = 3 * 1024 * 1024;

/// The most documents of one text jobscope analyses; the rest are counted and reported, not
/// parsed. Why this value: the page analyses the whole text on every keystroke, and a Job
/// document costs 30 to 100 µs (parsing, decoding, defaulting, validation, lint), so 1,000
/// documents stay within about 100 ms; generated manifests (a Helm chart's output) rarely reach
/// a few hundred Jobs and CronJobs, while 100,000 pasted documents took over 3 s.
pub const MAX_DOCUMENTS: usize = 1_000;

/// One `---`-separated document.
#[derive(Clone, Debug)]
pub struct Document {
    /// The document's text (separator lines excluded).
    pub span: Span,
    /// The JSON-like value kubectl would send, if the document converts.
    pub value: Option<Value>,
    pub syntax_error: Option<SyntaxError>,
    /// Conversion problems and limits (duplicate keys, aliasing, depth).
    pub problems: Vec<DecodeProblem>,
    /// Only blank lines and comments: kubectl skips it.
    pub empty: bool,
    /// The document is larger than [`MAX_DOCUMENT_BYTES`] and was not parsed.
    pub too_large: bool,
}

/// A multi-document YAML text.
#[derive(Clone, Debug)]
pub struct Stream {
    pub documents: Vec<Document>,
    /// Separator lines kubectl rejects.
    pub bad_separators: Vec<split::BadSeparator>,
    /// The documents after the first [`MAX_DOCUMENTS`], not parsed.
    pub skipped: Option<Skipped>,
}

/// Documents of a text beyond [`MAX_DOCUMENTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// How many documents were not parsed.
    pub count: usize,
    /// From the first one not parsed to the end of the text.
    pub span: Span,
}

/// Parses every document of `text`.
pub fn parse_stream(text: &str) -> Stream {
    let (chunks, bad_separators) = split::split_documents(text);
    let skipped = chunks.get(MAX_DOCUMENTS).map(|first| Skipped {
        count: chunks.len() - MAX_DOCUMENTS,
        span: Span::new(first.span.start, text.len()),
    });
    let documents = chunks
        .iter()
        .take(MAX_DOCUMENTS)
        .map(|chunk| parse_document(text, chunk.span))
        .collect();
    Stream {
        documents,
        bad_separators,
        skipped,
    }
}

/// Parses one document of `text`: a chunk of [`split::split_documents`]. Reading a text one
/// document at a time keeps memory flat however many documents it has (the CLI's way; the page
/// uses [`parse_stream`] and its limit).
pub fn parse_document(text: &str, span: Span) -> Document {
    let chunk = &text[span.start..span.end];
    let mut document = Document {
        span,
        value: None,
        syntax_error: None,
        problems: Vec::new(),
        empty: false,
        too_large: false,
    };
    if chunk.len() > MAX_DOCUMENT_BYTES {
        document.too_large = true;
        return document;
    }
    let tree = tree::parse_tree(text, span);
    let (value, problems) = decode::decode_tree(&tree, text);
    document.empty = tree.root.is_none()
        || value
            .as_ref()
            .is_some_and(|v| v.kind == ValueKind::Null && tree.syntax_error.is_none());
    document.value = value;
    document.problems = problems;
    document
        .problems
        .extend(tree.limit_errors.iter().map(|e| DecodeProblem {
            kind: ProblemKind::Limit,
            message: e.message.clone(),
            span: e.span,
        }));
    document.syntax_error = tree.syntax_error;
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_document() {
        let stream = parse_stream("a: 1\n---\n# only a comment\n---\nb: [1\n");
        assert_eq!(stream.documents.len(), 3);
        assert!(stream.documents[0].value.is_some());
        assert!(stream.documents[1].empty);
        assert!(stream.documents[2].syntax_error.is_some());
    }

    #[test]
    fn duplicate_keys_point_at_both_occurrences() {
        let stream = parse_stream("a: 1\n---\nx: 1\ny: 2\nx: 3\n");
        let problem = stream.documents[1]
            .problems
            .iter()
            .find(|p| matches!(p.kind, ProblemKind::DuplicateKey { .. }))
            .expect("reported");
        assert_eq!(
            problem.kind,
            ProblemKind::DuplicateKey {
                first: Span::new(9, 10)
            }
        );
        assert_eq!(problem.span, Span::new(19, 20));
    }

    #[test]
    fn documents_beyond_the_limit_are_counted_not_parsed() {
        let text = "a: 1\n---\n".repeat(MAX_DOCUMENTS + 2);
        let stream = parse_stream(&text);
        assert_eq!(stream.documents.len(), MAX_DOCUMENTS);
        // Nothing follows the last separator line: no empty document after it.
        let skipped = stream.skipped.expect("over the limit");
        assert_eq!(skipped.count, 2);
        assert_eq!(skipped.span, Span::new(MAX_DOCUMENTS * 9, text.len()));
        assert!(parse_stream("a: 1\n").skipped.is_none());
    }

    #[test]
    fn oversized_documents_are_not_parsed() {
        let big = format!("a: \"{}\"\n", "x".repeat(MAX_DOCUMENT_BYTES));
        let stream = parse_stream(&big);
        assert!(stream.documents[0].too_large);
    }
}

//! The one façade the UI and the CLI call: text in, plain data out, in editor terms.
//!
//! Invariant: nothing outside this module needs to know how the YAML was parsed; the UI never
//! matches on YAML nodes. Analysis never fails: any text yields an [`Analysis`].

use crate::diagnostic::Span;

/// Everything the page shows about one editor buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub documents: Vec<DocumentOutline>,
}

/// What a document says it is: enough for the page header and the document picker.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentOutline {
    pub span: Span,
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
}

/// Analyses the editor's whole text.
pub fn analyze(text: &str) -> Analysis {
    Analysis {
        documents: outline(text),
    }
}

/// A first, line-based outline: top-level `apiVersion`, `kind` and `metadata.name` of each
/// `---`-separated document. (The YAML layer replaces it with the real tree.)
fn outline(text: &str) -> Vec<DocumentOutline> {
    let mut documents = Vec::new();
    let mut current = DocumentOutline::default();
    let mut in_metadata = false;
    let mut offset = 0;
    let mut saw_content = false;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed_end = line.trim_end();
        if trimmed_end == "---" || trimmed_end.starts_with("--- ") {
            if saw_content {
                current.span.end = line_start;
                documents.push(std::mem::take(&mut current));
            }
            current.span.start = offset;
            in_metadata = false;
            saw_content = false;
            continue;
        }
        let content = trimmed_end.split(" #").next().unwrap_or_default();
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        saw_content = true;
        let indented = content.starts_with([' ', '\t']);
        if !indented {
            in_metadata = content.trim_end() == "metadata:";
            if let Some(value) = content.strip_prefix("kind:") {
                current.kind = scalar(value);
            } else if let Some(value) = content.strip_prefix("apiVersion:") {
                current.api_version = scalar(value);
            }
        } else if in_metadata {
            let inner = content.trim_start();
            let depth = content.len() - inner.len();
            if let Some(value) = inner.strip_prefix("name:")
                && depth <= 4
            {
                current.name = scalar(value);
            }
        }
    }
    if saw_content || documents.is_empty() {
        current.span.end = text.len();
        documents.push(current);
    }
    documents
}

fn scalar(raw: &str) -> Option<String> {
    let value = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_reads_kind_and_name_of_each_document() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi # the job\n---\nkind: \"CronJob\"\nmetadata:\n  labels: {}\n  name: nightly\n";
        let analysis = analyze(text);
        let kinds: Vec<_> = analysis
            .documents
            .iter()
            .map(|d| d.kind.as_deref())
            .collect();
        let names: Vec<_> = analysis
            .documents
            .iter()
            .map(|d| d.name.as_deref())
            .collect();
        assert_eq!(kinds, [Some("Job"), Some("CronJob")]);
        assert_eq!(names, [Some("pi"), Some("nightly")]);
        assert_eq!(
            analysis.documents[0].api_version.as_deref(),
            Some("batch/v1")
        );
    }

    #[test]
    fn empty_text_has_one_empty_document() {
        let analysis = analyze("");
        assert_eq!(analysis.documents.len(), 1);
        assert_eq!(analysis.documents[0].kind, None);
    }
}

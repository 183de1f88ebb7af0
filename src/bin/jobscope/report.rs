//! `validate`'s findings as the output formats read them (one input at a time, the document
//! models already dropped), the formats behind one type, the JSON contract and `--summary`.

use jobscope_analysis::{Diagnostic, DocumentReport, KubernetesVersion, LineIndex, Severity};
use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::ValidateFormat;
use crate::common::write_out;
use crate::{junit, sarif, text_format};

/// One input's findings.
pub struct FileReport {
    /// As given (`-` for stdin).
    pub path: String,
    /// Why it could not be read: message, 1-based line and column.
    pub error: Option<(String, usize, usize)>,
    pub documents: Vec<DocumentResult>,
}

/// One document's outline and findings (an item of a `kind: List` counts as a document).
pub struct DocumentResult {
    pub index: usize,
    pub item: Option<usize>,
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub findings: Vec<Finding>,
}

/// A diagnostic with its lines and columns (1-based; columns in bytes, as before).
pub struct Finding {
    pub diagnostic: Diagnostic,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The start and end columns in UTF-16 code units (SARIF's).
    pub utf16_columns: (usize, usize),
}

impl DocumentResult {
    /// The report's outline and findings (its model dropped).
    pub fn new(text: &str, lines: &LineIndex, report: DocumentReport) -> Self {
        let mut document = DocumentResult {
            index: report.index,
            item: report.item,
            api_version: report.api_version,
            kind: report.kind,
            name: report.name,
            findings: Vec::new(),
        };
        document.add(text, lines, report.diagnostics);
        document
    }

    /// Adds findings: the file-level ones that go with this document.
    pub fn add(&mut self, text: &str, lines: &LineIndex, diagnostics: Vec<Diagnostic>) {
        if diagnostics.is_empty() {
            return;
        }
        self.findings
            .extend(diagnostics.into_iter().map(|diagnostic| {
                let (line, column) = lines.line_col(text, diagnostic.span.start);
                let (end_line, end_column) = lines.line_col(text, diagnostic.span.end);
                let utf16_columns = (
                    utf16_column(text, diagnostic.span.start),
                    utf16_column(text, diagnostic.span.end),
                );
                Finding {
                    diagnostic,
                    line,
                    column,
                    end_line,
                    end_column,
                    utf16_columns,
                }
            }));
        // Stable, by start only: the order of the JSON contract (the report's own findings
        // before the file-level ones at the same place).
        self.findings.sort_by_key(|f| f.diagnostic.span.start);
    }

    /// How the document is named in reports: `Job/pi`, `document 3`.
    pub fn label(&self) -> String {
        let position = match self.item {
            Some(item) => format!("document {}, item {}", self.index + 1, item + 1),
            None => format!("document {}", self.index + 1),
        };
        match (&self.kind, &self.name) {
            (Some(kind), Some(name)) => format!("{kind}/{name} ({position})"),
            (Some(kind), None) => format!("{kind} ({position})"),
            _ => position,
        }
    }
}

/// The 1-based column of byte `offset` in UTF-16 code units.
fn utf16_column(text: &str, offset: usize) -> usize {
    let before = text.get(..offset.min(text.len())).unwrap_or_default();
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    before[start..].encode_utf16().count() + 1
}

/// One document of the `--format json` contract (unchanged since the first CLI), written
/// straight from the findings: building a `Value` tree first was a third of the main thread's
/// time on a long stream.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DocumentJson<'a> {
    index: usize,
    api_version: &'a Option<String>,
    kind: &'a Option<String>,
    name: &'a Option<String>,
    diagnostics: Vec<FindingJson<'a>>,
    /// Only list items have it, so every other output stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FindingJson<'a> {
    severity: &'static str,
    source: &'static str,
    code: &'static str,
    field: &'a str,
    #[serde(rename = "type")]
    error_type: Option<&'static str>,
    message: &'a str,
    help: &'a Option<String>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn document_json(document: &DocumentResult) -> String {
    let findings = document.findings.iter().map(|finding| {
        let diagnostic = &finding.diagnostic;
        FindingJson {
            severity: diagnostic.severity.as_str(),
            source: diagnostic.source.as_str(),
            code: diagnostic.code,
            field: &diagnostic.field,
            error_type: diagnostic.error_type,
            message: &diagnostic.message,
            help: &diagnostic.help,
            line: finding.line,
            column: finding.column,
            end_line: finding.end_line,
            end_column: finding.end_column,
        }
    });
    let json = DocumentJson {
        index: document.index,
        api_version: &document.api_version,
        kind: &document.kind,
        name: &document.name,
        diagnostics: findings.collect(),
        item: document.item,
    };
    // Strings and numbers only: serializing cannot fail.
    serde_json::to_string(&json).unwrap_or_default()
}

/// Where the JSON stream is: `{"kubernetesVersion":…,"files":[{"path":…,"documents":[…],
/// "errors":N},…]}` is written as it goes, a document at a time.
pub struct JsonStream {
    version: KubernetesVersion,
    files: usize,
    documents_in_file: usize,
}

impl JsonStream {
    /// The next file's opening: the stream's header before the first one, a comma after.
    fn open_file(&mut self) -> String {
        self.files += 1;
        self.documents_in_file = 0;
        if self.files == 1 {
            format!("{{\"kubernetesVersion\":\"{}\",\"files\":[", self.version)
        } else {
            ",".to_owned()
        }
    }
}

/// An output format, fed one document at a time. Text, JSON and GitHub commands are written as
/// each document is analysed, so memory does not grow with an input's size; SARIF and JUnit
/// are one document each, written at the end: both keep each document's part serialized (a
/// SARIF result, a JUnit test case), never its findings.
pub enum Output {
    Text(text_format::Text),
    Json(JsonStream),
    Sarif(sarif::Sarif),
    Junit(junit::Junit),
    /// Each annotation's title names the version, as the other formats do.
    Github(KubernetesVersion),
}

impl Output {
    pub fn new(
        format: ValidateFormat,
        fail_on: crate::cli::FailOn,
        version: KubernetesVersion,
    ) -> Self {
        match format {
            ValidateFormat::Text => Output::Text(text_format::Text::new()),
            ValidateFormat::Json => Output::Json(JsonStream {
                version,
                files: 0,
                documents_in_file: 0,
            }),
            ValidateFormat::Sarif => Output::Sarif(sarif::Sarif::new(version)),
            ValidateFormat::Junit => Output::Junit(junit::Junit::new(fail_on, version)),
            ValidateFormat::Github => Output::Github(version),
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self, Output::Text(_))
    }

    /// An input that could not be read.
    pub fn unreadable(&mut self, report: &FileReport) {
        match self {
            Output::Text(out) => write_out(&out.file(report, "")),
            Output::Json(stream) => {
                let (message, ..) = report.error.clone().unwrap_or_default();
                write_out(&format!(
                    "{}{}",
                    stream.open_file(),
                    json!({"path": report.path, "error": message, "documents": []})
                ));
            }
            Output::Sarif(out) => out.file(report),
            Output::Junit(out) => out.unreadable(report),
            Output::Github(version) => write_out(&text_format::github(report, *version)),
        }
    }

    /// A readable input begins.
    pub fn begin_file(&mut self, path: &str) {
        if let Output::Json(stream) = self {
            write_out(&format!(
                "{}{{\"path\":{},\"documents\":[",
                stream.open_file(),
                Value::from(path)
            ));
        }
    }

    /// What renders documents ahead, on the workers ([`Ahead`]).
    pub fn ahead(&self) -> Ahead {
        match self {
            Output::Text(out) => Ahead::Text(out.clone()),
            Output::Json(_) => Ahead::Json,
            Output::Github(version) => Ahead::Github(*version),
            Output::Sarif(_) | Output::Junit(_) => Ahead::Nothing,
        }
    }

    /// One document of the input `report.path` (whose text is `text`; the report holds that
    /// one document), written (or, for SARIF and JUnit, serialized) now; `ahead` is what
    /// [`Ahead::render`] made of it, if it did.
    pub fn document(&mut self, text: &str, report: &FileReport, ahead: Option<String>) {
        let Some(document) = report.documents.first() else {
            return;
        };
        match self {
            Output::Text(out) => write_out(&ahead.unwrap_or_else(|| out.file(report, text))),
            Output::Github(version) => {
                write_out(&ahead.unwrap_or_else(|| text_format::github(report, *version)))
            }
            Output::Json(stream) => {
                if stream.documents_in_file > 0 {
                    write_out(",");
                }
                stream.documents_in_file += 1;
                write_out(&ahead.unwrap_or_else(|| document_json(document)));
            }
            Output::Sarif(out) => out.document(&report.path, document),
            Output::Junit(out) => out.document(&report.path, document),
        }
    }

    /// The readable input `path` ends; `errors` counts its errors.
    pub fn end_file(&mut self, path: &str, errors: usize) {
        match self {
            Output::Json(_) => write_out(&format!("],\"errors\":{errors}}}")),
            Output::Junit(out) => out.end_file(path),
            Output::Sarif(_) | Output::Text(_) | Output::Github(_) => {}
        }
    }

    pub fn finish(self) {
        match self {
            Output::Json(mut stream) => {
                let header = if stream.files == 0 {
                    stream.open_file()
                } else {
                    String::new()
                };
                write_out(&format!("{header}]}}\n"));
            }
            Output::Sarif(out) => out.write(),
            Output::Junit(out) => out.write(),
            Output::Text(_) | Output::Github(_) => {}
        }
    }
}

/// The part of the output formats that needs nothing but the document: text, JSON and GitHub
/// commands are rendered on the workers with the analysis (a third of the main thread's time on
/// a long stream when it was not), SARIF and JUnit on the main thread (they number rules and
/// count as they go).
#[derive(Clone)]
pub enum Ahead {
    Text(text_format::Text),
    Json,
    Github(KubernetesVersion),
    Nothing,
}

impl Ahead {
    /// A one-document report's output, if this format's can be made now.
    pub fn render(&self, report: &FileReport, text: &str) -> Option<String> {
        let document = report.documents.first()?;
        match self {
            Ahead::Text(out) => Some(out.file(report, text)),
            Ahead::Json => Some(document_json(document)),
            Ahead::Github(version) => Some(text_format::github(report, *version)),
            Ahead::Nothing => None,
        }
    }
}

/// `--summary`: documents and findings per input and in total.
#[derive(Default)]
pub struct Summary {
    lines: String,
    files: usize,
    unreadable: usize,
    total: Counts,
}

/// An input's documents and findings by severity.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub documents: usize,
    pub errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    pub fn add(&mut self, document: &DocumentResult) {
        self.documents += 1;
        for finding in &document.findings {
            match finding.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    fn text(self) -> String {
        format!(
            "{} {}, {} {}, {} {}, {} info",
            self.documents,
            plural(self.documents, "document", "documents"),
            self.errors,
            plural(self.errors, "error", "errors"),
            self.warnings,
            plural(self.warnings, "warning", "warnings"),
            self.infos
        )
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

impl Summary {
    /// An input that could not be read.
    pub fn unreadable(&mut self, report: &FileReport) {
        self.files += 1;
        if let Some((message, ..)) = &report.error {
            self.unreadable += 1;
            self.lines
                .push_str(&format!("{}: not read: {message}\n", report.path));
        }
    }

    /// A read input's counts.
    pub fn add(&mut self, path: &str, counts: Counts) {
        self.files += 1;
        self.total.documents += counts.documents;
        self.total.errors += counts.errors;
        self.total.warnings += counts.warnings;
        self.total.infos += counts.infos;
        self.lines.push_str(&format!("{path}: {}\n", counts.text()));
    }

    /// Whether any document gave a finding (an unreadable input is not one: no version answered).
    pub fn any_finding(&self) -> bool {
        self.total.errors + self.total.warnings + self.total.infos > 0
    }

    pub fn text(&self, version: KubernetesVersion) -> String {
        let unreadable = if self.unreadable > 0 {
            format!(", {} not read", self.unreadable)
        } else {
            String::new()
        };
        format!(
            "{}total: {} {}{unreadable}, {} (Kubernetes {version})\n",
            self.lines,
            self.files,
            plural(self.files, "file", "files"),
            self.total.text()
        )
    }
}

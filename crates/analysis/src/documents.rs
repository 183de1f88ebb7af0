//! `analyze`: the findings of every document of a text, layered as the client and the apiserver
//! answer (a YAML error alone; else wrong-type decode errors; else unknown fields (and, for YAML
//! sent as written, keys set twice); else validation errors, with warnings only for a valid
//! object), lint's advice beside them. Which client sends the text ([`ClientPath`]) decides what
//! reaches the apiserver; the findings that depend on it say so.
//!
//! Lint also sees which objects the documents given together define (their identities only,
//! [`DefinedObjects`]): every document of the text that the client would send, plus those of the
//! other inputs in [`Options::defined`] (the CLI's other paths, collected by
//! [`collect_defined_objects`] before any is analysed).

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Instant, LineIndex, Severity, Source, Span};
use jobscope_api::manifest::client::ClientPath;
use jobscope_api::manifest::decode::{DecodeError, DecodeErrorKind};
use jobscope_api::manifest::defaults::{GENERATED_NAME_SUFFIX, PLACEHOLDER_UID};
use jobscope_api::manifest::document::{Manifest, Target, decode_error_prefix, read_sent_manifest};
use jobscope_api::validate::context::{Finding, Loc, Out};
use jobscope_api::validate::field::ErrorType;
use jobscope_api::validate::{job, warnings};
use jobscope_api::version::{GATES, KubernetesVersion};
use jobscope_lint::DefinedObjects;
use jobscope_yaml::split::{BadSeparator, Chunk, split_documents};
use jobscope_yaml::{
    Document, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, ProblemKind, Value, ValueKind, parse_document,
};

/// Everything known about one editor buffer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub documents: Vec<DocumentReport>,
    /// Problems with the file as a whole (separator lines kubectl rejects).
    pub file_diagnostics: Vec<Diagnostic>,
}

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentStatus {
    Job,
    CronJob,
    /// Another kind, passed over.
    Other,
    /// Refused before validation (no kind, removed version, not an object).
    Rejected,
    /// Only comments and blank lines: kubectl skips it.
    Empty,
    /// The YAML could not be read far enough to tell.
    Unreadable,
}

/// One document's findings and model.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentReport {
    pub index: usize,
    /// The item's position when the document is a `kind: List` that kubectl sends item by item
    /// ([`analyze_each`]; the page reports a list as one document).
    pub item: Option<usize>,
    pub span: Span,
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub status: DocumentStatus,
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded and defaulted object, for Jobs and CronJobs.
    pub manifest: Option<Manifest>,
    /// The document as written, for Jobs and CronJobs (a simulation's merge patches apply to
    /// it).
    pub(crate) value: Option<Value>,
}

impl Analysis {
    /// Every diagnostic of the file, in text order.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self
            .file_diagnostics
            .iter()
            .chain(self.documents.iter().flat_map(|d| d.diagnostics.iter()))
            .collect();
        jobscope_sort::sort_by_key(&mut all, |d| (d.span.start, d.span.end));
        all
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// What an analysis needs besides the text. The core has no clock: whoever calls passes "now"
/// (the browser's clock, the CLI's, a fixed instant in tests), which rules looking ahead (DST in
/// the coming year, a schedule that never fires) count from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    #[serde(with = "jobscope_playback::codec::instant")]
    pub now: Instant,
    /// Best-practice rules on (the apiserver's findings are always reported).
    pub lint: bool,
    /// Lint rule codes turned off for this run (`--disable`), besides each document's
    /// `jobscope.dev/ignore` annotation.
    pub disabled_rules: Vec<String>,
    /// The objects the other inputs analysed together with this text define (the CLI's other
    /// paths; [`collect_defined_objects`]); `analyze` adds the text's own documents. Empty for
    /// a text analysed alone (the page), and so never sent to the simulation worker.
    #[serde(skip)]
    pub defined: DefinedObjects,
    /// How the manifest reaches the apiserver (`--client`; default `kubectl apply -f`).
    #[serde(with = "client_name")]
    pub client: ClientPath,
    /// The Kubernetes version whose apiserver answers (`--kubernetes-version`): which feature
    /// gates are on, so which template fields a create drops and which rules apply. Defaults to
    /// the newest supported version.
    #[serde(with = "version_name")]
    pub kubernetes_version: KubernetesVersion,
}

/// The Kubernetes version by its name ("v1.35") in the worker protocol, like the client path.
mod version_name {
    use super::KubernetesVersion;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(
        version: &KubernetesVersion,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(version.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<KubernetesVersion, D::Error> {
        let name = <&str>::deserialize(deserializer)?;
        KubernetesVersion::parse(name).ok_or_else(|| D::Error::custom("unknown Kubernetes version"))
    }
}

/// The client path by its CLI name in the worker protocol (the API crate has no serde).
mod client_name {
    use super::ClientPath;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(client: &ClientPath, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(client.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ClientPath, D::Error> {
        let name = <&str>::deserialize(deserializer)?;
        ClientPath::from_name(name).ok_or_else(|| D::Error::custom("unknown client path"))
    }
}

impl Options {
    /// Every check on, counting from `now`, for `kubectl apply -f`.
    pub fn at(now: Instant) -> Self {
        Options {
            now,
            lint: true,
            disabled_rules: Vec::new(),
            defined: DefinedObjects::new(),
            client: ClientPath::default(),
            kubernetes_version: KubernetesVersion::default(),
        }
    }
}

/// Where kubectl (`apply -f`, `create -f`) stops reading a file: at the first YAML document it cannot
/// convert to JSON (`error parsing FILE: error converting YAML to JSON: …`), or at a bad
/// separator line (the YAML reader fails before returning the document that line ends).
/// Documents from `first_unread` on are never sent.
#[derive(Clone, Debug, PartialEq, Eq)]
struct KubectlStop {
    first_unread: usize,
    /// 1-based line of the error in the file.
    line: usize,
    at_separator: bool,
}

impl KubectlStop {
    fn what(&self) -> &'static str {
        if self.at_separator {
            "the invalid document separator"
        } else {
            "the YAML error"
        }
    }
}

/// The YAML-to-JSON errors of a document: kubectl sends nothing for it (its error reads
/// `error parsing FILE: error converting YAML to JSON: …`); the apiserver, given the YAML, answers
/// 400 with the same conversion error, the kind of the endpoint and a summary of the body.
fn conversion_errors(text: &str, document: &Document, client: ClientPath) -> Vec<Diagnostic> {
    let error = |code: &'static str, span: Span, message: &str| {
        let message = if client.is_kubectl() {
            format!("error converting YAML to JSON: {message}")
        } else {
            let kind = document
                .value
                .as_ref()
                .and_then(|v| v.get("kind"))
                .and_then(Value::as_str)
                .filter(|kind| !kind.is_empty())
                .unwrap_or("<the endpoint's kind>");
            let body = text
                .get(document.span.start..document.span.end)
                .unwrap_or_default();
            format!(
                "the object provided is unrecognized (must be of type {kind}): {message} ({})",
                summarize_body(body.as_bytes())
            )
        };
        Diagnostic::new(code, Severity::Error, Source::Yaml, span, message)
    };
    let syntax = document
        .syntax_error
        .iter()
        .map(|e| error("yaml.syntax", e.span, &e.message));
    let fatal = document
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Fatal)
        .map(|p| error("yaml.conversion", p.span, &p.message));
    syntax.chain(fatal).collect()
}

/// The apiserver's `summarizeData(body, 30)` (`handlers/rest.go`): a JSON body's first 30
/// bytes as text, any other's in hex, ` ...` when cut.
fn summarize_body(body: &[u8]) -> String {
    const MAX: usize = 30;
    if body.is_empty() {
        return "<empty>".to_owned();
    }
    let shown = &body[..body.len().min(MAX)];
    let cut = if body.len() > MAX { " ..." } else { "" };
    if body[0] == b'{' {
        format!("{}{cut}", String::from_utf8_lossy(shown))
    } else {
        let hex: String = shown.iter().map(|b| format!("{b:02x}")).collect();
        format!("{hex}{cut}")
    }
}

/// The documents of a text in order, each parsed when it or its batch is reached, with where kubectl stopped
/// reading before it, if it did: at the first document that does not convert to JSON (the
/// documents after it are not sent), or at the first bad separator line (the document that line
/// ends is not returned either), whichever comes first. A direct API request sends each document
/// on its own, so nothing stops the others. At most a batch of documents is held at a time, so a
/// caller that does not keep them (the CLI) reads any number of documents in flat memory.
struct Sent<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    client: ClientPath,
    chunks: Vec<Chunk>,
    next: usize,
    /// The first document the first bad separator line hides, and that line (kubectl only).
    separator: Option<(usize, usize)>,
    /// Set at the first document that does not convert (kubectl only).
    yaml_stop: Option<KubectlStop>,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, lines: &'a LineIndex, client: ClientPath) -> (Self, Vec<BadSeparator>) {
        let (chunks, bad_separators) = split_documents(text);
        let separator = bad_separators
            .first()
            .filter(|_| client.is_kubectl())
            .map(|bad| {
                let unread = chunks
                    .iter()
                    .filter(|c| c.span.end < bad.span.start)
                    .count();
                (unread, lines.line(bad.span.start))
            });
        let sent = Sent {
            text,
            lines,
            client,
            chunks,
            next: 0,
            separator,
            yaml_stop: None,
        };
        (sent, bad_separators)
    }

    /// Where kubectl stopped before document `index`, once the documents before it are read.
    fn stop_before(&self, index: usize) -> Option<KubectlStop> {
        if let Some(stop) = self.yaml_stop.as_ref().filter(|s| index >= s.first_unread) {
            return Some(stop.clone());
        }
        self.separator
            .filter(|(unread, _)| index >= *unread)
            .map(|(first_unread, line)| KubectlStop {
                first_unread,
                line,
                at_separator: true,
            })
    }

    /// Whether kubectl stops at the bad separator line (no YAML error before it), once the
    /// documents before that line are read.
    fn stops_at_separator(&self) -> bool {
        self.separator.is_some() && self.yaml_stop.is_none()
    }

    /// The documents not read yet.
    fn remaining(&self) -> &[Chunk] {
        self.chunks.get(self.next..).unwrap_or_default()
    }

    /// Where kubectl stopped before document `index`, which was just read (the documents
    /// before it were, in order): a document that does not convert stops it after that one.
    fn accept(&mut self, index: usize, document: &Document) -> Option<KubectlStop> {
        let unread = self.stop_before(index);
        if unread.is_none()
            && self.client.is_kubectl()
            && let Some(error) = conversion_errors(self.text, document, self.client).first()
        {
            self.yaml_stop = Some(KubectlStop {
                first_unread: index + 1,
                line: self.lines.line(error.span.start),
                at_separator: false,
            });
        }
        unread
    }

    /// The next documents, [`BATCH`] at most and [`BATCH_BYTES`] of text at most (one at
    /// least), parsed by `workers`, then read in order as [`Iterator::next`] reads them: the
    /// parse is the costly part, and it needs nothing of the other documents.
    fn next_batch(&mut self, workers: &impl Workers) -> Vec<SentDocument> {
        let start = self.next;
        let mut bytes = 0;
        let spans: Vec<Span> = self
            .remaining()
            .iter()
            .take(BATCH)
            .take_while(|chunk| {
                let first = bytes == 0;
                bytes += chunk.span.end - chunk.span.start;
                first || bytes <= BATCH_BYTES
            })
            .map(|c| c.span)
            .collect();
        self.next += spans.len();
        let text = self.text;
        let documents = workers.map(spans, &|span| parse_document(text, span));
        documents
            .into_iter()
            .zip(start..)
            .map(|(document, index)| {
                let unread = self.accept(index, &document);
                (index, document, unread)
            })
            .collect()
    }
}

/// A document as the client reads it: its index, its parse, and where the client stopped
/// before it, if it did.
type SentDocument = (usize, Document, Option<KubectlStop>);

impl Iterator for Sent<'_> {
    type Item = SentDocument;

    fn next(&mut self) -> Option<Self::Item> {
        let chunk = self.chunks.get(self.next)?;
        let index = self.next;
        self.next += 1;
        let document = parse_document(self.text, chunk.span);
        let unread = self.accept(index, &document);
        Some((index, document, unread))
    }
}

/// Runs independent pieces of one analysis (a document each) and gives their results in the
/// pieces' order. The core starts no thread (it runs in the page too): the CLI passes its
/// threads ([`analyze_each`], [`collect_defined_objects`]), everything else [`InOrder`]. The
/// results are the same whatever runs them: what depends on the documents before (where
/// kubectl stops, a bad separator's finding) is decided afterwards, in order.
pub trait Workers {
    fn map<T: Send, U: Send>(&self, items: Vec<T>, work: &(impl Fn(T) -> U + Sync)) -> Vec<U>;
}

/// One piece after another, on the caller's thread.
pub struct InOrder;

impl Workers for InOrder {
    fn map<T: Send, U: Send>(&self, items: Vec<T>, work: &(impl Fn(T) -> U + Sync)) -> Vec<U> {
        items.into_iter().map(work).collect()
    }
}

/// Documents handed to the workers at a time: enough to keep them busy between the in-order
/// steps, few enough that memory stays flat.
const BATCH: usize = 256;

/// The text a batch holds at most (its first document excepted, which may be up to
/// `MAX_DOCUMENT_BYTES`): the batch's parsed documents take a few times their text, so a stream
/// of large documents is held a few at a time rather than 256 at a time.
const BATCH_BYTES: usize = 4 * 1024 * 1024;

/// The objects the documents of `text` define that `client` would send (with kubectl, those
/// before a YAML error or bad separator), added to `defined`; `kind: List` documents count for
/// their items, as kubectl applies each item. Only identities are kept, and every document is
/// read (no [`MAX_DOCUMENTS`]: the CLI calls it), a batch at a time.
pub fn collect_defined_objects(
    text: &str,
    lines: &LineIndex,
    client: ClientPath,
    workers: &impl Workers,
    defined: &mut DefinedObjects,
) {
    let (mut sent, _) = Sent::new(text, lines, client);
    loop {
        let batch = sent.next_batch(workers);
        if batch.is_empty() {
            return;
        }
        let found = workers.map(batch, &|(_, document, unread)| {
            let mut own = DefinedObjects::new();
            if unread.is_none() {
                add_defined(text, &document, client, &mut own);
            }
            own
        });
        for own in &found {
            defined.extend(own);
        }
    }
}

/// The identity of a document kubectl sends (its items for a list).
fn add_defined(text: &str, document: &Document, client: ClientPath, defined: &mut DefinedObjects) {
    if document.too_large || !conversion_errors(text, document, client).is_empty() {
        return;
    }
    if let Some(value) = &document.value {
        add_object(value, defined, 0);
    }
}

/// A `kind: List` document's items, which kubectl sends one by one (its resource builder
/// flattens lists: `FlattenListVisitor`; an unstructured object whose kind ends in `List` and
/// has `items` is a list).
fn list_items(value: &Value) -> Option<&[Value]> {
    let kind = value.get("kind").and_then(Value::as_str)?;
    match value.get("items") {
        Some(Value {
            kind: ValueKind::Seq(items),
            ..
        }) if kind.ends_with("List") => Some(items),
        _ => None,
    }
}

/// One object's identity; a list's items, one level deep (kubectl flattens lists of lists, but
/// nobody writes them).
fn add_object(value: &Value, defined: &mut DefinedObjects, depth: usize) {
    if depth == 0
        && let Some(items) = list_items(value)
    {
        for item in items {
            add_object(item, defined, depth + 1);
        }
        return;
    }
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let kind = text(value, "kind").unwrap_or_default();
    let metadata = value.get("metadata");
    let name = metadata.and_then(|m| m.get("name")).and_then(Value::as_str);
    let namespace = metadata
        .and_then(|m| m.get("namespace"))
        .and_then(Value::as_str);
    if let (Some(api_version), Some(name)) = (value.get("apiVersion").and_then(Value::as_str), name)
    {
        defined.insert(api_version, &kind, namespace, name);
    }
}

/// The finding for the first bad separator line, when kubectl stops there.
fn separator_diagnostic(bad: &BadSeparator) -> Diagnostic {
    Diagnostic::new("yaml.separator", Severity::Error, Source::Yaml, bad.span, bad.message.clone())
        .with_help("kubectl splits documents at lines starting with `---`; only spaces and a comment may follow on that line")
}

/// Analyses the editor's whole text: its first [`MAX_DOCUMENTS`] documents (the page analyses on
/// every keystroke), the rest counted.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let lines = LineIndex::new(text);
    let (mut sent, bad_separators) = Sent::new(text, &lines, options.client);
    let read: Vec<(usize, Document, Option<KubectlStop>)> =
        sent.by_ref().take(MAX_DOCUMENTS).collect();
    // kubectl reports the first bad separator only if it gets that far.
    let mut file_diagnostics = match bad_separators.first() {
        Some(bad) if sent.stops_at_separator() => vec![separator_diagnostic(bad)],
        _ => Vec::new(),
    };
    if let Some(first) = sent.remaining().first() {
        let skipped = sent.remaining().len();
        let at = Span::new(first.span.start, first.span.start);
        file_diagnostics.push(
            Diagnostic::new(
                "jobscope.limit",
                Severity::Warning,
                Source::Jobscope,
                at,
                format!(
                    "this text has {} documents; jobscope analyses the first {MAX_DOCUMENTS} and skips the {skipped} from here on",
                    MAX_DOCUMENTS + skipped,
                ),
            )
            .with_help(format!("analysing every document on each keystroke would freeze the page, so jobscope stops at {MAX_DOCUMENTS} documents; split the file to check the rest (the CLI has no such limit)")),
        );
    }
    // The objects every document analysed together defines, for lint's reference rules.
    let mut own = DefinedObjects::new();
    if options.lint {
        for (_, document, unread) in &read {
            if unread.is_none() {
                add_defined(text, document, options.client, &mut own);
            }
        }
    }
    let together = if own.is_empty() {
        None
    } else {
        let mut all = options.defined.clone();
        all.extend(&own);
        Some(all)
    };
    let defined = together.as_ref().unwrap_or(&options.defined);
    let documents = read
        .into_iter()
        .map(|(index, mut document, unread)| {
            let context = Context {
                text,
                lines: &lines,
                options,
                defined,
            };
            context.report(index, None, &mut document, unread.as_ref())
        })
        .collect();
    Analysis {
        documents,
        file_diagnostics,
    }
}

/// Analyses every document of `text`, a batch at a time and without the page's
/// [`MAX_DOCUMENTS`]: the CLI's entry point, whose memory does not grow with the number of
/// documents. Each report goes to `each` with the file-level findings that belong to it (a bad
/// separator line goes with the document after it, or with the last one). A `kind: List`
/// document is reported as its items (`DocumentReport::item`), as kubectl sends each item.
///
/// Lint's reference rules see `options.defined` only: the caller collects the objects of this
/// text and of the others analysed with it first ([`collect_defined_objects`]). `lines` indexes
/// `text`. `workers` parse and analyse the documents a batch at a time, and turn each report
/// into what the caller keeps of it (`prepare`: the CLI's findings with their lines and columns,
/// the model dropped); `each` gets those in order.
pub fn analyze_each<R: Send>(
    text: &str,
    lines: &LineIndex,
    options: &Options,
    workers: &impl Workers,
    prepare: impl Fn(DocumentReport) -> R + Sync,
    mut each: impl FnMut(R, Vec<Diagnostic>),
) {
    let (mut sent, bad_separators) = Sent::new(text, lines, options.client);
    let context = Context {
        text,
        lines,
        options,
        defined: &options.defined,
    };
    let mut separator = bad_separators.first();
    // One report held back: a bad separator with no document after it goes with the last one.
    let mut held: Option<(R, Vec<Diagnostic>)> = None;
    loop {
        let batch = sent.next_batch(workers);
        if batch.is_empty() {
            break;
        }
        let batch: Vec<Piece> = batch
            .into_iter()
            .flat_map(|sent| pieces(text, options.client, sent))
            .collect();
        let reports = workers.map(batch, &|(index, item, mut document, unread)| {
            let report = context.report(index, item, &mut document, unread.as_ref());
            (report.span.start, prepare(report))
        });
        for (start, report) in reports {
            if let Some(previous) = held.take() {
                each(previous.0, previous.1);
            }
            let mut extra = Vec::new();
            // Decided once the documents before the line are read: this one is after it.
            if let Some(bad) = separator.filter(|bad| start >= bad.span.end) {
                separator = None;
                if sent.stops_at_separator() {
                    extra.push(separator_diagnostic(bad));
                }
            }
            held = Some((report, extra));
        }
    }
    if let Some((report, mut extra)) = held {
        if let Some(bad) = separator.filter(|_| sent.stops_at_separator()) {
            extra.push(separator_diagnostic(bad));
        }
        each(report, extra);
    }
}

/// A document to report on: its index, its item if it is one of a list's, its parse, and
/// where the client stopped before it.
type Piece = (usize, Option<usize>, Document, Option<KubectlStop>);

/// What a document read is reported as: itself, or the items of a `kind: List` that the client
/// sends (each item on its own, with the YAML problems inside it).
fn pieces(text: &str, client: ClientPath, (index, document, unread): SentDocument) -> Vec<Piece> {
    let items = (unread.is_none()
        && !document.too_large
        && conversion_errors(text, &document, client).is_empty())
    .then(|| document.value.as_ref().and_then(list_items))
    .flatten()
    .filter(|items| !items.is_empty())
    .map(<[Value]>::to_vec);
    let Some(items) = items else {
        return vec![(index, None, document, unread)];
    };
    items
        .into_iter()
        .enumerate()
        .map(|(item, value)| {
            let span = value.span;
            let piece = Document {
                span,
                value: Some(value),
                syntax_error: None,
                problems: document
                    .problems
                    .iter()
                    .filter(|p| p.span.start >= span.start && p.span.end <= span.end)
                    .cloned()
                    .collect(),
                empty: false,
                too_large: false,
            };
            (index, Some(item), piece, None)
        })
        .collect()
}

/// What every document of one analysis shares.
struct Context<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    options: &'a Options,
    defined: &'a DefinedObjects,
}

impl Context<'_> {
    /// One document's report; `item` when it is an item of a list document. Its value is kept
    /// (moved, not copied) for what a simulation of the document patches.
    fn report(
        &self,
        index: usize,
        item: Option<usize>,
        document: &mut Document,
        unread: Option<&KubectlStop>,
    ) -> DocumentReport {
        let mut report = report(
            self.text,
            self.lines,
            index,
            document,
            self.options,
            self.defined,
            unread,
        );
        report.item = item;
        if matches!(report.status, DocumentStatus::Job | DocumentStatus::CronJob) {
            report.value = document.value.take();
        }
        report
    }
}

/// Fills a report's outline (apiVersion, kind, name, status) from the document's model.
fn outline(report: &mut DocumentReport, manifest: &Manifest) {
    report.api_version = manifest.api_version.clone();
    report.kind = manifest.kind.clone();
    report.name = manifest.name.clone();
    report.status = match manifest.target {
        Target::Job => DocumentStatus::Job,
        Target::CronJob => DocumentStatus::CronJob,
        Target::Other => DocumentStatus::Other,
        Target::Rejected(_) => DocumentStatus::Rejected,
    };
}

fn report(
    text: &str,
    lines: &LineIndex,
    index: usize,
    document: &Document,
    options: &Options,
    defined: &DefinedObjects,
    unread: Option<&KubectlStop>,
) -> DocumentReport {
    let mut report = DocumentReport {
        index,
        item: None,
        span: document.span,
        api_version: None,
        kind: None,
        name: None,
        status: DocumentStatus::Unreadable,
        diagnostics: Vec::new(),
        manifest: None,
        value: None,
    };
    let at_start = Span::new(document.span.start, document.span.start);
    if let Some(stop) = unread {
        // Never sent: no finding of its own, but the outline still shows what it is.
        report.diagnostics.push(
            Diagnostic::new(
                "kubectl.not-read",
                Severity::Info,
                Source::Jobscope,
                at_start,
                format!(
                    "kubectl stops reading the file at {} on line {}, so this document is not sent",
                    stop.what(),
                    stop.line
                ),
            )
            .with_help(format!("{} sends the documents before that error and none after it; fix it first (a direct API request would send each document on its own)", options.client.command())),
        );
        if document.empty && document.syntax_error.is_none() {
            report.status = DocumentStatus::Empty;
        } else if let Some(value) = &document.value {
            let manifest = read_sent_manifest(value, options.client, options.kubernetes_version);
            outline(&mut report, &manifest);
            report.manifest = Some(manifest);
        }
        return report;
    }
    if document.too_large {
        report.diagnostics.push(
            Diagnostic::new(
                "apiserver.request-too-large",
                Severity::Error,
                Source::Apiserver,
                at_start,
                format!("Request entity too large: limit is {MAX_DOCUMENT_BYTES}"),
            )
            .with_help("the apiserver refuses request bodies over 3 MiB, so jobscope does not analyse this document"),
        );
        return report;
    }
    // (1) YAML that does not convert to JSON: that error alone; the model still feeds the
    // outline.
    let conversion = conversion_errors(text, document, options.client);
    if !conversion.is_empty() {
        report.diagnostics.extend(conversion);
        if let Some(value) = &document.value {
            let manifest = read_sent_manifest(value, options.client, options.kubernetes_version);
            outline(&mut report, &manifest);
            if report.status == DocumentStatus::Rejected {
                // Half-typed YAML: what it is cannot be told yet.
                report.status = DocumentStatus::Unreadable;
            }
            report.manifest = Some(manifest);
        }
        jobscope_sort::sort_by_key(&mut report.diagnostics, |d| (d.span.start, d.span.end));
        return report;
    }
    // Keys set twice: kubectl's conversion keeps the last value (jobscope warns about explicit
    // repeats); the apiserver's strict decoding of YAML refuses every collision (below).
    let mut collisions = Vec::new();
    for problem in &document.problems {
        match problem.kind {
            ProblemKind::Fatal => {}
            ProblemKind::StrictCollision { line_at } => {
                if !options.client.is_kubectl() {
                    // go-yaml counts lines from the start of the request body: the document.
                    let line = lines.line(line_at) + 1 - lines.line(document.span.start);
                    collisions.push((problem.message.clone(), line, problem.span));
                }
            }
            ProblemKind::DuplicateKey { .. } if !options.client.is_kubectl() => {}
            ProblemKind::Limit => report.diagnostics.push(Diagnostic::new(
                "jobscope.limit",
                Severity::Warning,
                Source::Jobscope,
                problem.span,
                problem.message.clone(),
            )),
            ProblemKind::DuplicateKey { first } => report.diagnostics.push(
                Diagnostic::new(
                    "yaml.duplicate-key",
                    Severity::Warning,
                    Source::Yaml,
                    problem.span,
                    format!(
                        "duplicate key {}: already set on line {}",
                        problem.message,
                        lines.line(first.start)
                    ),
                )
                .with_help(format!("{} keeps the last value silently; a direct API request (the YAML as written, fieldValidation=Strict) is rejected: key {} already set in map", options.client.command(), problem.message)),
            ),
        }
    }
    if document.empty {
        report.status = DocumentStatus::Empty;
        return report;
    }
    let Some(value) = &document.value else {
        return report;
    };
    let manifest = read_sent_manifest(value, options.client, options.kubernetes_version);
    outline(&mut report, &manifest);
    let kind = manifest.kind.clone().unwrap_or_default();
    match &manifest.target {
        Target::Other => {
            report.diagnostics.push(Diagnostic::new(
                "jobscope.not-batch",
                Severity::Info,
                Source::Jobscope,
                at_start,
                format!(
                    "{} ({}) is not a Job or CronJob; jobscope passes over it",
                    if kind.is_empty() {
                        "this document"
                    } else {
                        kind.as_str()
                    },
                    manifest.api_version.as_deref().unwrap_or("no apiVersion")
                ),
            ));
            return report;
        }
        Target::Rejected(message) => {
            let span = value
                .get("apiVersion")
                .or_else(|| value.get("kind"))
                .map_or(at_start, |v| v.span);
            let mut diagnostic = Diagnostic::new(
                "apiserver.unknown-kind",
                Severity::Error,
                Source::Apiserver,
                span,
                message.clone(),
            );
            if message.contains("batch/v1beta1") || message.contains("batch/v2alpha1") {
                diagnostic = diagnostic.with_help("batch/v1beta1 CronJob was removed in Kubernetes 1.25; write apiVersion: batch/v1 (the fields are the same)");
            }
            report.diagnostics.push(diagnostic);
            report.manifest = Some(manifest);
            return report;
        }
        Target::Job | Target::CronJob => {}
    }
    let refused = refused_by_kubectl(value, options.client);
    report.diagnostics.extend(kubectl_diagnostics(
        text,
        &manifest,
        options.client,
        refused.as_ref(),
    ));
    if refused.is_none() {
        report.diagnostics.extend(apiserver_diagnostics(
            text,
            &manifest,
            &kind,
            report.name.as_deref(),
            &collisions,
        ));
    }
    // Lint reads the model even when the apiserver would refuse it: the advice still holds.
    if options.lint {
        report.diagnostics.extend(jobscope_lint::lint_document(
            &manifest,
            options.now,
            &options.disabled_rules,
            defined,
        ));
    }
    jobscope_sort::sort_by_key(&mut report.diagnostics, |d| (d.span.start, d.span.end));
    report.manifest = Some(manifest);
    report
}

/// `kubectl apply` refuses an object without a name but with a `generateName`
/// (`applyOneObject`: "from <generateName>: cannot use generate name with apply") and sends
/// nothing: the span of the `generateName` value and its text.
fn refused_by_kubectl(value: &Value, client: ClientPath) -> Option<(Span, String)> {
    if client != ClientPath::KubectlApply {
        return None;
    }
    let metadata = value.get("metadata");
    let written_name = metadata
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let generate = metadata.and_then(|m| m.get("generateName"))?;
    let base = generate.as_str().filter(|base| !base.is_empty())?;
    written_name
        .is_empty()
        .then(|| (generate.span, base.to_owned()))
}

/// What kubectl does on its side that changes the outcome: annotations it cannot read (all
/// dropped), a namespace it ignores, a resourceVersion it removes, a generateName apply refuses.
fn kubectl_diagnostics(
    text: &str,
    manifest: &Manifest,
    client: ClientPath,
    refused: Option<&(Span, String)>,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let command = client.command();
    for bad in &manifest.kubectl.unreadable_annotations {
        let article = if matches!(bad.json_type, "array" | "object") {
            "an"
        } else {
            "a"
        };
        let (field, what) = match &bad.key {
            Some(key) => (
                format!("metadata.annotations[{key}]"),
                format!("{} is {article} {}, not a string", bad.shown, bad.json_type),
            ),
            None => (
                "metadata.annotations".to_owned(),
                format!(
                    "{} is {article} {}, not a map of strings",
                    bad.shown, bad.json_type
                ),
            ),
        };
        let written = text.get(bad.span.start..bad.span.end).unwrap_or_default();
        let fix = if bad.key.is_some() && !matches!(bad.json_type, "object" | "array") {
            format!("annotation values must be strings; quote it: \"{written}\"")
        } else {
            "annotation values must be strings".to_owned()
        };
        diagnostics.push(
            Diagnostic::new(
                "kubectl.annotations-dropped",
                Severity::Warning,
                Source::Jobscope,
                bad.span,
                format!("{field}: {what}: {command} cannot read the annotations, so every annotation of this object is dropped (only kubectl's last-applied-configuration is sent)"),
            )
            .with_field(field)
            .with_help(format!("{fix}. {command} drops them all silently; `kubectl create` and a direct API request are rejected instead (json: cannot unmarshal {} into Go struct field ObjectMeta.metadata.annotations of type {})", bad.json_type, if bad.key.is_some() { "string" } else { "map[string]string" })),
        );
    }
    if let Some((span, json_type)) = manifest.kubectl.ignored_namespace {
        diagnostics.push(
            Diagnostic::new(
                "kubectl.namespace-ignored",
                Severity::Warning,
                Source::Jobscope,
                span,
                format!("metadata.namespace: a {json_type}, not a string: {command} ignores it and uses the namespace of its context"),
            )
            .with_field("metadata.namespace")
            .with_help(format!("write the namespace as a string, or leave it out to use the context's; kubectl replaces it silently, a direct API request is rejected (json: cannot unmarshal {json_type} into Go struct field ObjectMeta.metadata.namespace of type string)")),
        );
    }
    if let Some(span) = manifest.kubectl.cleared_resource_version {
        diagnostics.push(
            Diagnostic::new(
                "kubectl.resource-version-cleared",
                Severity::Info,
                Source::Jobscope,
                span,
                format!("metadata.resourceVersion: {command} removes it before creating the object, so the apiserver never sees it"),
            )
            .with_field("metadata.resourceVersion")
            .with_help("resourceVersion belongs to an object read from the cluster (`kubectl get -o yaml`); kubectl clears it on create, a direct API request is rejected after validation (resourceVersion should not be set on objects to be created); remove it"),
        );
    }
    if let Some((span, base)) = refused {
        diagnostics.push(
            Diagnostic::new(
                "kubectl.generate-name",
                Severity::Error,
                Source::Jobscope,
                *span,
                format!("`kubectl apply` refuses an object without a name: \"error: from {base}: cannot use generate name with apply\"; nothing is sent"),
            )
            .with_field("metadata.generateName")
            .with_help(format!("`kubectl create` and a direct API request accept generateName (the apiserver appends 5 random characters; jobscope validates the name with `{GENERATED_NAME_SUFFIX}` in their place): choose one of those clients to see what the apiserver says, or write a name")),
        );
    }
    diagnostics
}

/// Where a dropped field is kept: the first supported version whose default turns its gate on.
fn dropped_field_help(gate: &str) -> String {
    let first_on = GATES.iter().find(|row| row.name == gate).and_then(|row| {
        KubernetesVersion::ALL
            .into_iter()
            .find(|v| row.gate.enabled(*v))
    });
    match first_on {
        Some(version) => format!(
            "the apiserver accepts the object without what was written, and nothing says so; Kubernetes {version} and later keep it (or a cluster that turns the {gate} gate on)"
        ),
        None => format!(
            "the apiserver accepts the object without what was written, and nothing says so; no supported version turns the {gate} gate on by default: a cluster must enable it"
        ),
    }
}

/// The apiserver's answer to the create, layered as it answers: a wrong-type decode error stops
/// everything; else the strict decoding errors stop everything (keys set twice in a YAML body,
/// `collisions`: key as go-yaml prints it, its line in the body, where to point; then unknown
/// fields); else the validation errors; the warnings of `WarningsOnCreate` come only with a
/// successful validation (and with the storage layer's resourceVersion refusal, which comes
/// after it). The owner-reference dedup warning is emitted before validation, whatever follows.
fn apiserver_diagnostics(
    text: &str,
    manifest: &Manifest,
    kind: &str,
    name: Option<&str>,
    collisions: &[(String, usize, Span)],
) -> Vec<Diagnostic> {
    let prefix = decode_error_prefix(kind);
    let wrong_type: Vec<&DecodeError> = manifest
        .decode_errors
        .iter()
        .filter(|e| e.kind == DecodeErrorKind::WrongType)
        .collect();
    let unknown: Vec<&DecodeError> = manifest
        .decode_errors
        .iter()
        .filter(|e| e.kind == DecodeErrorKind::UnknownField)
        .collect();
    if !wrong_type.is_empty() {
        return wrong_type
            .into_iter()
            .map(|error| decode_diagnostic(text, error, &prefix))
            .collect();
    }
    if !collisions.is_empty() || !unknown.is_empty() {
        let repeated = collisions.iter().map(|(key, line, span)| {
            Diagnostic::new(
                "apiserver.duplicate-key",
                Severity::Error,
                Source::Apiserver,
                *span,
                format!("{prefix}strict decoding error: yaml: unmarshal errors:\n  line {line}: key {key} already set in map"),
            )
            .with_help("the apiserver decodes a YAML body strictly (fieldValidation=Strict): a key set twice in one map, by hand or through a merge `<<`, is refused; `kubectl apply` and `kubectl create` send JSON that keeps the last value")
        });
        return repeated
            .chain(
                unknown
                    .into_iter()
                    .map(|error| decode_diagnostic(text, error, &prefix)),
            )
            .collect();
    }
    let mut diagnostics = Vec::new();
    for dropped in &manifest.dropped {
        let because = dropped
            .detail
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::new(
                "apiserver.dropped-field",
                Severity::Warning,
                Source::Apiserver,
                dropped.span,
                match dropped.replaced_with {
                    Some(value) => format!("{}: set to \"{value}\" on create{because}: the {} feature gate is off by default in Kubernetes {}", dropped.path, dropped.gate, manifest.version),
                    None => format!("{}: dropped on create{because}: the {} feature gate is off by default in Kubernetes {}", dropped.path, dropped.gate, manifest.version),
                },
            )
            .with_field(dropped.path.clone())
            .with_help(dropped_field_help(dropped.gate)),
        );
    }
    if let Some((_, span)) = manifest.duplicate_owner_references.first() {
        let uids: Vec<&str> = manifest
            .duplicate_owner_references
            .iter()
            .map(|(uid, _)| uid.as_str())
            .collect();
        diagnostics.push(
            Diagnostic::new(
                "apiserver.warning",
                Severity::Warning,
                Source::Apiserver,
                *span,
                format!("Warning: .metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: {}", uids.join(", ")),
            )
            .with_field("metadata.ownerReferences"),
        );
    }
    let Some(object) = &manifest.effective else {
        return diagnostics;
    };
    let extra_annotation_bytes = manifest.kubectl.last_applied_bytes;
    let mut out = Out::default();
    if manifest.target == Target::Job {
        job::validate_job(
            object,
            PLACEHOLDER_UID,
            extra_annotation_bytes,
            manifest.version,
            &mut out,
        );
    } else {
        job::validate_cron_job_create(object, extra_annotation_bytes, manifest.version, &mut out);
    }
    let generated_name = object
        .at(&["metadata", "name"])
        .is_some_and(|n| n.defaulted);
    if out.error_count() == 0 {
        warnings::name_warning(object, &mut out);
        let (spec, path) = if manifest.target == Target::Job {
            (object.get("spec"), "spec")
        } else {
            (
                object.at(&["spec", "jobTemplate", "spec"]),
                "spec.jobTemplate.spec",
            )
        };
        warnings::job_spec_warnings(
            spec,
            &Loc::new(path, spec.map_or(object.span, |s| s.span)),
            &mut out,
        );
        // etcd3 store.Create, after validation: a resourceVersion that parses as a non-zero
        // uint64 is refused (one that does not parse is ignored).
        if let Some(version) = object.at(&["metadata", "resourceVersion"])
            && let Some(text) = version.as_str()
            && !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit())
            && text.parse::<u64>().is_ok_and(|v| v != 0)
        {
            diagnostics.push(
                Diagnostic::new(
                    "apiserver.resource-version-set",
                    Severity::Error,
                    Source::Apiserver,
                    version.span,
                    "resourceVersion should not be set on objects to be created",
                )
                .with_field("metadata.resourceVersion")
                .with_help("resourceVersion belongs to an object read from the cluster (`kubectl get -o yaml`); remove it"),
            );
        }
    }
    diagnostics.extend(findings_to_diagnostics(out, kind, name, generated_name));
    diagnostics
}

fn decode_diagnostic(text: &str, error: &DecodeError, prefix: &str) -> Diagnostic {
    let (code, message) = match error.kind {
        DecodeErrorKind::UnknownField => (
            "apiserver.unknown-field",
            format!("{prefix}strict decoding error: {}", error.message),
        ),
        DecodeErrorKind::WrongType => {
            ("apiserver.wrong-type", format!("{prefix}{}", error.message))
        }
    };
    let mut diagnostic = Diagnostic::new(
        code,
        Severity::Error,
        Source::Apiserver,
        error.span,
        message,
    )
    .with_field(error.field.clone());
    if let Some(suggestion) = error.suggestion {
        diagnostic = diagnostic.with_help(format!("did you mean `{suggestion}`?"));
    } else if let Some(read_as) = error.quote_hint {
        let written = text
            .get(error.span.start..error.span.end)
            .unwrap_or_default();
        diagnostic = diagnostic.with_help(format!(
            "YAML 1.1 reads `{written}` as a {read_as}; quote it to keep it a string: \"{written}\""
        ));
    }
    diagnostic
}

fn findings_to_diagnostics(
    out: Out,
    kind: &str,
    name: Option<&str>,
    generated_name: bool,
) -> Vec<Diagnostic> {
    let mut seen: Vec<String> = Vec::new();
    let mut diagnostics = Vec::new();
    for finding in out.findings {
        match finding {
            Finding::Error { error, span } => {
                let message = error.message();
                // The apiserver collapses identical errors in its answer.
                if seen.contains(&message) {
                    continue;
                }
                seen.push(message.clone());
                let code = match error.error_type {
                    ErrorType::NotFound => "apiserver.not-found",
                    ErrorType::Required => "apiserver.required-value",
                    ErrorType::Duplicate => "apiserver.duplicate-value",
                    ErrorType::Invalid | ErrorType::TypeInvalid => "apiserver.invalid-value",
                    ErrorType::NotSupported => "apiserver.unsupported-value",
                    ErrorType::Forbidden => "apiserver.forbidden",
                    ErrorType::TooLong => "apiserver.too-long",
                    ErrorType::TooMany => "apiserver.too-many",
                    ErrorType::Internal => "apiserver.internal-error",
                };
                let help = help_for(&error.field, &message, kind, name, generated_name);
                let mut diagnostic =
                    Diagnostic::new(code, Severity::Error, Source::Apiserver, span, message)
                        .with_field(error.field.clone())
                        .with_type(error.error_type.as_str());
                if let Some(help) = help {
                    diagnostic = diagnostic.with_help(help);
                }
                diagnostics.push(diagnostic);
            }
            Finding::Warning { message, span } => {
                let field = message.split(": ").next().unwrap_or_default().to_owned();
                diagnostics.push(
                    Diagnostic::new(
                        "apiserver.warning",
                        Severity::Warning,
                        Source::Apiserver,
                        span,
                        format!("Warning: {message}"),
                    )
                    .with_field(field),
                );
            }
        }
    }
    diagnostics
}

/// Help for the errors people hit most, in our words.
fn help_for(
    field: &str,
    message: &str,
    kind: &str,
    name: Option<&str>,
    generated_name: bool,
) -> Option<String> {
    if generated_name && field == "metadata.name" {
        return Some(format!(
            "the apiserver names the object generateName plus 5 random characters; jobscope validates it with `{GENERATED_NAME_SUFFIX}` in their place"
        ));
    }
    if field.ends_with("template.spec.restartPolicy") && message.contains("Required value") {
        return Some("a Job's pods must not restart forever: set `restartPolicy: Never` (a new pod per retry) or `OnFailure` (restart in place); a pod spec defaults to Always".to_owned());
    }
    if field.ends_with("template.spec.restartPolicy") && message.contains("podFailurePolicy") {
        return Some("podFailurePolicy reads the exit codes of failed pods, so the pods must not restart in place: use `restartPolicy: Never`".to_owned());
    }
    if field == "metadata.name" && kind == "CronJob" && message.contains("52 characters") {
        return Some(format!(
            "the controller names each Job `<name>-<minutes since 1970>` (11 more characters), and Job names stop at 63; shorten the name{}",
            name.map(|n| format!(" ({} characters now)", n.len()))
                .unwrap_or_default()
        ));
    }
    if field.ends_with("template.labels")
        && message.contains("must be no more than 63 characters")
        && kind == "Job"
    {
        return Some("the apiserver copies the Job's name into the `job-name` pod label, and label values stop at 63 characters: shorten the Job's name".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_options() -> Options {
        // 2026-01-01T00:00:00Z
        Options::at(Instant::from_unix(1_767_225_600))
    }

    #[test]
    fn outline_reads_kind_and_name_of_each_document() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi # the job\n---\nkind: \"CronJob\"\napiVersion: batch/v1\nmetadata:\n  labels: {}\n  name: nightly\n";
        let analysis = analyze(text, &test_options());
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
        let analysis = analyze("", &test_options());
        assert_eq!(analysis.documents.len(), 1);
        assert_eq!(analysis.documents[0].status, DocumentStatus::Empty);
    }

    #[test]
    fn a_job_without_restart_policy_gets_the_apiserver_error() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.34\n";
        let analysis = analyze(text, &test_options());
        let messages: Vec<&str> = analysis
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""
            ]
        );
    }

    /// Apiserver and kubectl findings only (lint has its own tests).
    fn no_lint() -> Options {
        Options {
            lint: false,
            ..test_options()
        }
    }

    fn codes(report: &DocumentReport) -> Vec<&'static str> {
        report.diagnostics.iter().map(|d| d.code).collect()
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34\n";

    #[test]
    fn kubectl_reads_nothing_after_a_yaml_error() {
        let text = format!("{JOB}---\nkind: Job\nspec: [oops\n---\n{JOB}");
        let analysis = analyze(&text, &no_lint());
        assert!(codes(&analysis.documents[0]).is_empty());
        assert_eq!(codes(&analysis.documents[1]), ["yaml.syntax"]);
        let after = &analysis.documents[2];
        assert_eq!(codes(after), ["kubectl.not-read"]);
        assert!(
            after.diagnostics[0]
                .message
                .contains("the YAML error on line")
        );
        // The outline still knows what the unread document is.
        assert_eq!(after.status, DocumentStatus::Job);
        assert_eq!(after.name.as_deref(), Some("pi"));
        assert!(after.manifest.is_some());
    }

    #[test]
    fn a_bad_separator_hides_the_document_it_ends() {
        let text = format!("{JOB}---\n{JOB}--- junk\n{JOB}");
        let analysis = analyze(&text, &no_lint());
        assert!(codes(&analysis.documents[0]).is_empty());
        assert_eq!(codes(&analysis.documents[1]), ["kubectl.not-read"]);
        assert_eq!(codes(&analysis.documents[2]), ["kubectl.not-read"]);
        assert_eq!(analysis.file_diagnostics.len(), 1);
        assert_eq!(
            analysis.file_diagnostics[0].message,
            "invalid Yaml document separator: junk"
        );
    }

    #[test]
    fn warnings_come_only_with_a_valid_object() {
        let warned = JOB.replace(
            "      containers:",
            "      nodeSelector: {beta.kubernetes.io/os: linux}\n      containers:",
        );
        let analysis = analyze(&warned, &no_lint());
        assert_eq!(codes(&analysis.documents[0]), ["apiserver.warning"]);
        let invalid = warned.replace("Never", "Always");
        let analysis = analyze(&invalid, &no_lint());
        assert_eq!(codes(&analysis.documents[0]), ["apiserver.required-value"]);
    }

    #[test]
    fn duplicate_keys_are_a_yaml_warning() {
        let text = JOB.replace("  name: pi\n", "  name: pi\n  name: pie\n");
        let analysis = analyze(&text, &no_lint());
        let diagnostic = &analysis.documents[0].diagnostics[0];
        assert_eq!(diagnostic.code, "yaml.duplicate-key");
        assert_eq!(diagnostic.severity, Severity::Warning);
        assert_eq!(
            diagnostic.message,
            "duplicate key \"name\": already set on line 4"
        );
        assert_eq!(analysis.documents[0].name.as_deref(), Some("pie"));
    }

    fn sent_by(client: ClientPath) -> Options {
        Options {
            client,
            ..no_lint()
        }
    }

    #[test]
    fn the_client_decides_what_a_key_written_twice_means() {
        let text = JOB.replace("  name: pi\n", "  name: pi\n  name: pie\n");
        for client in [ClientPath::KubectlApply, ClientPath::KubectlCreate] {
            let analysis = analyze(&text, &sent_by(client));
            assert_eq!(codes(&analysis.documents[0]), ["yaml.duplicate-key"]);
        }
        let analysis = analyze(&text, &sent_by(ClientPath::Api));
        let diagnostic = &analysis.documents[0].diagnostics[0];
        assert_eq!(codes(&analysis.documents[0]), ["apiserver.duplicate-key"]);
        assert_eq!(
            diagnostic.message,
            "Job in version \"v1\" cannot be handled as a Job: strict decoding error: yaml: unmarshal errors:\n  line 5: key \"name\" already set in map"
        );
    }

    #[test]
    fn a_direct_request_sends_each_document_on_its_own() {
        let text = format!("{JOB}---\nkind: Job\nspec: [oops\n---\n{JOB}");
        let analysis = analyze(&text, &sent_by(ClientPath::Api));
        assert_eq!(codes(&analysis.documents[1]), ["yaml.syntax"]);
        assert!(analysis.documents[1].diagnostics[0].message.starts_with(
            "the object provided is unrecognized (must be of type Job): yaml: line 2"
        ));
        assert!(codes(&analysis.documents[2]).is_empty());
    }

    #[test]
    fn only_kubectl_apply_refuses_generate_name() {
        let text = JOB.replace("  name: pi\n", "  generateName: pi-\n");
        let analysis = analyze(&text, &sent_by(ClientPath::KubectlApply));
        assert_eq!(codes(&analysis.documents[0]), ["kubectl.generate-name"]);
        for client in [ClientPath::KubectlCreate, ClientPath::Api] {
            assert!(codes(&analyze(&text, &sent_by(client)).documents[0]).is_empty());
        }
    }

    #[test]
    fn request_bodies_are_summarized_as_the_apiserver_does() {
        assert_eq!(summarize_body(b""), "<empty>");
        assert_eq!(summarize_body(b"a: 1"), "613a2031");
        assert_eq!(
            summarize_body(b"apiVersion: batch/v1\nkind: Job\nmetadata: {}"),
            "61706956657273696f6e3a2062617463682f76310a6b696e643a204a6f62 ..."
        );
        assert_eq!(summarize_body(b"{\"kind\": 1}"), "{\"kind\": 1}");
    }

    /// Every report `analyze_each` gives, with the file-level findings it attached.
    fn each(text: &str, options: &Options) -> Vec<(DocumentReport, Vec<Diagnostic>)> {
        each_by(text, options, &InOrder)
    }

    fn each_by(
        text: &str,
        options: &Options,
        workers: &impl Workers,
    ) -> Vec<(DocumentReport, Vec<Diagnostic>)> {
        let mut options = options.clone();
        let lines = LineIndex::new(text);
        collect_defined_objects(text, &lines, options.client, workers, &mut options.defined);
        let mut reports = Vec::new();
        analyze_each(
            text,
            &lines,
            &options,
            workers,
            |r| r,
            |report, extra| {
                reports.push((report, extra));
            },
        );
        reports
    }

    /// Workers that do the last piece first, as threads may: the results must not depend on it.
    struct Backwards;

    impl Workers for Backwards {
        fn map<T: Send, U: Send>(&self, items: Vec<T>, work: &(impl Fn(T) -> U + Sync)) -> Vec<U> {
            let mut done: Vec<U> = items.into_iter().rev().map(work).collect();
            done.reverse();
            done
        }
    }

    #[test]
    fn the_order_work_is_done_in_changes_no_report() {
        // Over several batches, with objects the reference rules look for and Lists; a YAML
        // error in the first batch (kubectl stops after it), a bad separator line in the third,
        // or both.
        let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n";
        let item = JOB.trim_end().replace('\n', "\n  ");
        let list = format!("apiVersion: v1\nkind: List\nitems:\n- {item}\n");
        let documents: Vec<String> = (0..BATCH * 2 + 40)
            .map(|n| match n % 7 {
                0 => secret.to_owned(),
                3 => list.clone(),
                _ => JOB.replace("name: pi", &format!("name: pi-{n}")),
            })
            .collect();
        let join = |yaml_error: bool, bad_separator: bool| {
            let mut text = String::new();
            for (n, document) in documents.iter().enumerate() {
                if n > 0 {
                    let bad = bad_separator && n == BATCH * 2 + 5;
                    text.push_str(if bad { "--- junk\n" } else { "---\n" });
                }
                let broken = yaml_error && n == BATCH - 3;
                text.push_str(if broken {
                    "kind: Job\nspec: [oops\n"
                } else {
                    document
                });
            }
            text
        };
        for (yaml_error, bad_separator) in [(true, false), (false, true), (true, true)] {
            let text = join(yaml_error, bad_separator);
            for client in [ClientPath::KubectlApply, ClientPath::Api] {
                let options = Options {
                    client,
                    ..test_options()
                };
                let in_order = each_by(&text, &options, &InOrder);
                assert_eq!(in_order, each_by(&text, &options, &Backwards), "{client:?}");
                // The page's reader (one document after another, a List as one document: these
                // have one item) sees as many.
                assert_eq!(in_order.len(), analyze(&text, &options).documents.len());
                assert!(split_documents(&text).0.len() > BATCH * 2);
                let separator_reported = in_order
                    .iter()
                    .any(|(_, extra)| extra.iter().any(|d| d.code == "yaml.separator"));
                let kubectl_reaches_it = !yaml_error && client.is_kubectl();
                assert_eq!(separator_reported, bad_separator && kubectl_reaches_it);
            }
        }
    }

    #[test]
    fn analyze_each_finds_what_analyze_finds() {
        let texts = [
            format!("{JOB}---\nkind: Job\nspec: [oops\n---\n{JOB}"),
            format!("{JOB}---\n{JOB}--- junk\n{JOB}"),
            format!("{JOB}--- junk\n"),
            format!("{JOB}---\nkind: Job\nspec: [oops\n---\n{JOB}--- junk\n{JOB}"),
            JOB.replace("Never", "Always"),
            String::new(),
        ];
        for text in &texts {
            for client in [ClientPath::KubectlApply, ClientPath::Api] {
                let options = Options {
                    client,
                    ..test_options()
                };
                let whole = analyze(text, &options);
                let mut expected: Vec<&Diagnostic> = whole.diagnostics();
                let reports = each(text, &options);
                let mut found: Vec<&Diagnostic> = reports
                    .iter()
                    .flat_map(|(report, extra)| report.diagnostics.iter().chain(extra))
                    .collect();
                jobscope_sort::sort_by_key(&mut expected, |d| (d.span.start, d.span.end));
                jobscope_sort::sort_by_key(&mut found, |d| (d.span.start, d.span.end));
                assert_eq!(found, expected, "{client:?} {text}");
                assert_eq!(reports.len(), whole.documents.len());
            }
        }
    }

    #[test]
    fn a_bad_separator_goes_with_the_document_after_it() {
        let text = format!("{JOB}---\n{JOB}--- junk\n{JOB}");
        let reports = each(&text, &no_lint());
        let codes: Vec<Vec<&str>> = reports
            .iter()
            .map(|(_, extra)| extra.iter().map(|d| d.code).collect())
            .collect();
        assert_eq!(codes, [vec![], vec![], vec!["yaml.separator"]]);
        // With no document after it, it goes with the last one.
        let reports = each(&format!("{JOB}--- junk\n"), &no_lint());
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].1[0].code, "yaml.separator");
    }

    #[test]
    fn analyze_each_has_no_document_limit() {
        let text = vec![JOB; MAX_DOCUMENTS + 5].join("---\n");
        let reports = each(&text, &no_lint());
        assert_eq!(reports.len(), MAX_DOCUMENTS + 5);
        assert!(
            reports
                .iter()
                .all(|(r, extra)| r.diagnostics.is_empty() && extra.is_empty())
        );
        let capped = analyze(&text, &no_lint());
        assert_eq!(capped.documents.len(), MAX_DOCUMENTS);
        assert_eq!(capped.file_diagnostics[0].code, "jobscope.limit");
    }

    #[test]
    fn list_items_are_reported_one_by_one() {
        let item = |name: &str, restart: &str| {
            format!(
                "- apiVersion: batch/v1\n  kind: Job\n  metadata: {{name: {name}}}\n  spec:\n    template:\n      spec:\n        restartPolicy: {restart}\n        containers: [{{name: main, image: busybox}}]\n"
            )
        };
        let text = format!(
            "apiVersion: v1\nkind: List\nitems:\n{}{}",
            item("first", "Never"),
            item("second", "Always")
        );
        let reports = each(&text, &no_lint());
        let outline: Vec<(usize, Option<usize>, Option<&str>)> = reports
            .iter()
            .map(|(r, _)| (r.index, r.item, r.name.as_deref()))
            .collect();
        assert_eq!(
            outline,
            [(0, Some(0), Some("first")), (0, Some(1), Some("second"))]
        );
        assert!(reports[0].0.diagnostics.is_empty());
        assert_eq!(codes(&reports[1].0), ["apiserver.required-value"]);
        // The page still shows the list as one document.
        assert_eq!(analyze(&text, &no_lint()).documents.len(), 1);
    }

    #[test]
    fn a_json_stream_is_one_document_per_object() {
        let text = "{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {\"name\": \"a\"}}\n{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"b\"}}\n";
        let reports = each(text, &no_lint());
        let names: Vec<Option<&str>> = reports.iter().map(|(r, _)| r.name.as_deref()).collect();
        assert_eq!(names, [Some("a"), Some("b")]);
    }
}

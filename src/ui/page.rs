//! The state every part of the page reads ([`Page`]): the editor's text as the one source
//! signal, the analysis as a memo derived from it, the picked document, the page's clock and
//! the live region's message.

use leptos::prelude::*;

use jobscope_analysis::{
    Analysis, ClientPath, DocumentStatus, Instant, KubernetesVersion, Options, PlayerInput, analyze,
};

use super::bridge::{self, EditorHandle};
use super::storage;
use super::worker::SimWorker;

/// Share links longer than this are refused: chat apps, mail clients and some browsers cut
/// longer addresses, and a cut link restores nothing.
pub const MAX_SHARE_URL: usize = 16_000;

/// What every part of the page reads: all `Copy`, passed by value.
#[derive(Clone, Copy)]
pub struct Page {
    /// The editor's text, as of the last change.
    pub source: RwSignal<String>,
    /// How many changes the editor has seen (diagnostics are matched to it).
    pub version: RwSignal<u32>,
    pub analysis: Memo<Analysis>,
    /// Which client sends the manifest (the analysis follows it).
    pub client: RwSignal<ClientPath>,
    /// Which Kubernetes version answers (the analysis and the simulation follow it).
    pub kubernetes_version: RwSignal<KubernetesVersion>,
    /// The width diagrams are laid out at, in CSS pixels: the room inside a diagram's frame,
    /// as the diagrams measure it (see `diagram::SceneView`), so they are drawn at 1:1.
    pub chart_width: RwSignal<f64>,
    /// The document the user picked (see [`Page::document`]).
    pub picked: RwSignal<usize>,
    pub editor: StoredValue<Option<EditorHandle>, LocalStorage>,
    /// The page's clock, read once: lint and the Schedule panel look ahead from it.
    pub now: Instant,
    /// What the analysis runs with, but the client and the version (see
    /// [`Page::options_untracked`]).
    options: StoredValue<Options>,
    /// The simulation worker (started when a tab needs it or the browser is idle).
    pub worker: SimWorker,
    pub viewer_zone: StoredValue<String>,
    /// The polite live region's message.
    pub status: RwSignal<String>,
    /// A simulation preset asked for from elsewhere (a lint rule's "Simulate" button): the
    /// Simulation tab opens, loads it into its form and runs it.
    pub simulate_preset: RwSignal<Option<&'static str>>,
    /// The Simulation tab's settings of its last run, and whether it ran a CronJob: the version
    /// comparison simulates every version with them when the shown document is of that kind
    /// (else, or before a first run, with the defaults for the document's kind).
    pub last_run: RwSignal<Option<(bool, PlayerInput)>>,
}

impl Page {
    /// The document the panels show: the picked one if it is a Job or CronJob, else the first
    /// Job or CronJob, else the first document.
    pub fn document(&self) -> usize {
        let picked = self.picked.get();
        self.analysis.with(|analysis| {
            let batch = |i: &usize| {
                analysis.documents.get(*i).is_some_and(|d| {
                    matches!(d.status, DocumentStatus::Job | DocumentStatus::CronJob)
                })
            };
            if batch(&picked) {
                picked
            } else {
                (0..analysis.documents.len()).find(batch).unwrap_or(0)
            }
        })
    }

    /// What the analysis runs with now, the chosen client and version included: the
    /// simulation worker analyses the text with the same.
    pub fn options_untracked(&self) -> Options {
        Options {
            client: self.client.get_untracked(),
            kubernetes_version: self.kubernetes_version.get_untracked(),
            ..self.options.get_value()
        }
    }

    /// [`Page::document`] without subscribing to it (for event handlers).
    pub fn document_untracked(&self) -> usize {
        untrack(|| self.document())
    }

    /// Moves the editor's cursor to a byte range of the current text.
    pub fn reveal(&self, from: usize, to: usize) {
        let text = self.source.get_untracked();
        self.editor.with_value(|editor| {
            if let Some(editor) = editor {
                editor.select_bytes(&text, from, to);
            }
        });
    }

    /// Replaces the editor's text as one undoable change.
    pub fn replace_text(&self, text: &str) {
        self.editor.with_value(|editor| {
            if let Some(editor) = editor {
                editor.set_text(text);
            }
        });
    }

    pub fn say(&self, message: impl Into<String>) {
        self.status.set(message.into());
    }
}

/// A page state with an empty text: the analysis follows `source`.
pub fn new_page() -> Page {
    let now = browser_now();
    let options = Options::at(now);
    let source = RwSignal::new(String::new());
    let client = RwSignal::new(ClientPath::default());
    let kubernetes_version = RwSignal::new(initial_kubernetes_version());
    // One analysis per edit, shared by every view that reads it. Every edit moves some span, so
    // comparing the new analysis with the old one (Memo::new's PartialEq) would cost a walk of
    // both trees to learn what is already known: it changed. The views below keep their own
    // memos where equal outputs are common (the schedule, the diagrams).
    let stored = StoredValue::new(options.clone());
    let analysis: Memo<Analysis> = Memo::new_with_compare(
        move |_| {
            let options = Options {
                client: client.get(),
                kubernetes_version: kubernetes_version.get(),
                ..options.clone()
            };
            source.with(|text| analyze(text, &options))
        },
        |_, _| true,
    );
    Page {
        source,
        version: RwSignal::new(0),
        analysis,
        client,
        kubernetes_version,
        chart_width: RwSignal::new(jobscope_analysis::DEFAULT_CHART_WIDTH),
        picked: RwSignal::new(0),
        editor: StoredValue::new_local(None),
        now,
        options: stored,
        worker: SimWorker::new(),
        viewer_zone: StoredValue::new(bridge::viewer_time_zone()),
        status: RwSignal::new(String::new()),
        simulate_preset: RwSignal::new(None),
        last_run: RwSignal::new(None),
    }
}

/// The version a link names (`?k8s=v1.35`: a share link or an embed shows what its author
/// saw), else the one the user chose last, else the newest.
fn initial_kubernetes_version() -> KubernetesVersion {
    storage::query_param(storage::KUBERNETES_VERSION_PARAM)
        .or_else(|| storage::load(storage::KUBERNETES_VERSION_KEY))
        .and_then(|name| KubernetesVersion::parse(&name))
        .unwrap_or_default()
}

/// The browser's current time.
pub fn browser_now() -> Instant {
    let millis = js_sys::Date::now();
    Instant::from_unix((millis / 1000.0).floor() as i64)
}

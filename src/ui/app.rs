//! `<App/>`: the editor text as the one source signal, the analysis as a memo derived from it.

use leptos::prelude::*;

use crate::analysis::{Analysis, Options, analyze};
use crate::cron::Instant;

use super::DEFAULT_EXAMPLE;

#[component]
pub fn App() -> impl IntoView {
    let source = RwSignal::new(DEFAULT_EXAMPLE.to_owned());
    // One analysis per edit, shared by every view that reads it.
    // The page's clock, read once: lint looks ahead from it.
    let options = Options::at(browser_now());
    let analysis: Memo<Analysis> = Memo::new(move |_| source.with(|text| analyze(text, &options)));
    let first_document = move || {
        analysis.with(|analysis| {
            analysis
                .documents
                .first()
                .map(|d| (d.kind.clone(), d.name.clone(), d.api_version.clone()))
                .unwrap_or_default()
        })
    };

    view! {
        <header class="app-header">
            <h1 class="brand">"jobscope"</h1>
            <p class="tagline">"See what a Kubernetes Job or CronJob will do before you apply it."</p>
        </header>
        <main class="workspace">
            <section class="editor-pane" aria-label="Manifest editor">
                <label class="pane-title" for="editor">"Manifest (YAML)"</label>
                <textarea
                    id="editor"
                    class="editor"
                    data-testid="editor"
                    spellcheck="false"
                    autocomplete="off"
                    // Set once: rewriting `value` on every keystroke would move the caret.
                    prop:value=source.get_untracked()
                    on:input:target=move |event| source.set(event.target().value())
                ></textarea>
            </section>
            <aside class="summary-pane" aria-label="Document summary" data-testid="summary">
                <h2 class="pane-title">"Document"</h2>
                <DocumentSummary document=Signal::derive(first_document) />
                <p class="document-count" data-testid="document-count">
                    {move || {
                        let count = analysis.with(|analysis| analysis.documents.len());
                        if count == 1 { "1 document".to_owned() } else { format!("{count} documents") }
                    }}
                </p>
            </aside>
        </main>
    }
}

/// Kind, name and API version of a document.
type Outline = (Option<String>, Option<String>, Option<String>);

#[component]
fn DocumentSummary(document: Signal<Outline>) -> impl IntoView {
    let field = move |pick: fn(&Outline) -> Option<String>| {
        move || document.with(|document| pick(document).unwrap_or_else(|| "—".to_owned()))
    };
    view! {
        <dl class="summary-fields">
            <dt>"Kind"</dt>
            <dd data-testid="doc-kind">{field(|document| document.0.clone())}</dd>
            <dt>"Name"</dt>
            <dd data-testid="doc-name">{field(|document| document.1.clone())}</dd>
            <dt>"API version"</dt>
            <dd data-testid="doc-api-version">{field(|document| document.2.clone())}</dd>
        </dl>
    }
}

/// The browser's current time.
fn browser_now() -> Instant {
    let millis = web_sys::js_sys::Date::now();
    Instant::from_unix((millis / 1000.0).floor() as i64)
}

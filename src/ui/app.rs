//! `<App/>`: the editor text as the one source signal, the analysis as a memo derived from it,
//! and the page around them: header (examples, reset, share link, theme), the editor, the
//! document bar and the tabbed panels.

use leptos::prelude::*;
use leptos::task::spawn_local;

use jobscope_analysis::{DocumentStatus, quick_fixes};
use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};

use crate::drafts::Reason;

use super::DEFAULT_EXAMPLE;
use super::bridge::{self, EditorDiagnostic, Hooks, SHARE_PREFIX, ShareError};
use super::drafts;
use super::examples::{DEFAULT_EXAMPLE_FILE, EXAMPLES, find};
use super::page::{MAX_SHARE_URL, Page, new_page};
use super::split::{SplitState, WideToggle, separator};
use super::storage::{self, EXAMPLE_KEY, PREVIOUS_KEY, TEXT_KEY, THEME_KEY};

/// After this long without a change the text is recorded as a draft (the autosave is at once).
const DRAFT_PAUSE: std::time::Duration = std::time::Duration::from_secs(2);
use super::tabs::{TABS, TabPanels};

#[component]
pub fn App() -> impl IntoView {
    if let Some(view) = super::embed::embed_view() {
        let panel = TABS.iter().find(|t| t.id == view).map(|t| t.panel);
        return view! { <super::embed::EmbedApp view=view panel=panel /> }.into_any();
    }
    let page = new_page();
    provide_context(page);
    // CodeMirror downloads while the app renders and reads the saved text.
    bridge::preload_editor();

    let theme = RwSignal::new(storage::load(THEME_KEY).unwrap_or_else(|| "system".to_owned()));
    Effect::new(move |_| storage::apply_theme(&theme.get()));

    // The editor's diagnostics follow the analysis: underlines, gutter markers, hover text.
    Effect::new(move |_| {
        let version = page.version.get();
        page.source.with(|text| {
            page.analysis.with(|analysis| {
                let list: Vec<EditorDiagnostic<'_>> = analysis
                    .diagnostics()
                    .into_iter()
                    .map(|diagnostic| EditorDiagnostic {
                        diagnostic,
                        fixes: quick_fixes(text, diagnostic),
                    })
                    .collect();
                page.editor.with_value(|editor| {
                    if let Some(editor) = editor {
                        editor.set_diagnostics(version, text, &list);
                    }
                });
            })
        });
    });

    let split = SplitState::new();
    let host = NodeRef::<leptos::html::Div>::new();
    let attached = split.clone();
    Effect::new(move |_| {
        let Some(element) = host.get() else { return };
        if page.editor.with_value(Option::is_some) {
            return;
        }
        // The page's elements exist now.
        attached.attach();
        spawn_local(async move {
            let text = initial_text(page).await;
            // The text the page opens with is a draft too (an equal one is not stored twice).
            drafts::record(page, text.clone(), Reason::Edited);
            let pause = StoredValue::new_local(None::<TimeoutHandle>);
            let hooks = Hooks {
                change: Box::new(move |text: String, version: u32| {
                    super::crash::crash_test(&text);
                    storage::save(TEXT_KEY, &text);
                    page.source.set(text);
                    page.version.set(version);
                    // A draft once typing pauses.
                    if let Some(handle) = pause.get_value() {
                        handle.clear();
                    }
                    let handle = set_timeout_with_handle(
                        move || drafts::record(page, page.source.get_untracked(), Reason::Edited),
                        DRAFT_PAUSE,
                    );
                    pause.set_value(handle.ok());
                }),
                complete: Box::new(move |text: &str, offset: usize| {
                    let version = page.kubernetes_version.get_untracked();
                    jobscope_analysis::complete(text, offset, version)
                }),
                hover: Box::new(move |text: &str, offset: usize| {
                    let version = page.kubernetes_version.get_untracked();
                    jobscope_analysis::hover(text, offset, version)
                }),
            };
            // The panels show the text's analysis while CodeMirror arrives.
            page.source.set(text.clone());
            page.version.set(0);
            match bridge::mount_editor(&element, &text, hooks).await {
                Ok(editor) => {
                    page.editor.set_value(Some(editor));
                    // The diagnostics effect ran before there was an editor: run it again.
                    page.version.set(0);
                    // The simulation worker loads while the user reads: the first run does
                    // not wait for it. The offline cache registers then too.
                    super::worker::prefetch_when_idle(page.worker);
                    bridge::register_offline();
                }
                Err(error) => page.say(format!(
                    "The editor could not load ({error}). Reload the page; your text is saved."
                )),
            }
        });
    });

    view! {
        <a class="skip-link" href="#panels">"Skip to the panels"</a>
        <header class="app-header">
            <h1 class="brand">"jobscope"</h1>
            <p class="tagline">"See what a Kubernetes Job or CronJob will do before you apply it."</p>
            <Toolbar theme=theme />
        </header>
        <p class="status" role="status" aria-live="polite" data-testid="status">
            {move || page.status.get()}
        </p>
        <main class="workspace">
            <section class="editor-pane" id="editor-pane" aria-labelledby="editor-title">
                <h2 class="pane-title" id="editor-title">"Manifest (YAML)"</h2>
                <div class="editor-host" data-testid="editor" node_ref=host></div>
                <p class="editor-keys">
                    "Ctrl+Space completes, Ctrl+. applies a quick fix, Ctrl+F searches; "
                    "Esc then Tab leaves the editor."
                </p>
            </section>
            {separator()}
            <section class="side-pane" id="panels" aria-labelledby="panels-title" data-testid="summary" tabindex="-1">
                // A heading for the panels' h3s (the wide view hides the editor's h2).
                <h2 class="visually-hidden" id="panels-title">"Results"</h2>
                <DocumentBar />
                <div class="pickers">
                    <super::client::ClientPicker />
                    <super::client::VersionPicker />
                    <WideToggle split=split />
                </div>
                <super::versions::VersionDifferences />
                <TabPanels />
            </section>
        </main>
    }
    .into_any()
}

/// What the editor starts with: a share link's text, else the autosaved text, else the default
/// example. A share link never loses the text it replaces: that is kept, with a way back.
async fn initial_text(page: Page) -> String {
    let saved = storage::load(TEXT_KEY);
    let fragment = storage::fragment();
    if fragment.starts_with(SHARE_PREFIX) {
        storage::clear_fragment();
        match bridge::decode_share(&fragment).await {
            Ok(shared) => {
                if let Some(saved) = saved.filter(|s| *s != shared) {
                    storage::save(PREVIOUS_KEY, &saved);
                    drafts::record(page, saved, Reason::ShareLink);
                }
                storage::save(TEXT_KEY, &shared);
                page.say("Opened the manifest from the share link.");
                return shared;
            }
            Err(ShareError::TooLarge(what)) => page.say(format!(
                "This share link was not opened: {what}, more than the page accepts (the apiserver's request limit). Your text is unchanged."
            )),
            Err(ShareError::Damaged(error)) => page.say(format!(
                "This share link is damaged ({error}); showing your saved text instead."
            )),
        }
    }
    saved.unwrap_or_else(|| DEFAULT_EXAMPLE.to_owned())
}

/// The header's controls.
#[component]
fn Toolbar(theme: RwSignal<String>) -> impl IntoView {
    let page = expect_context::<Page>();
    let example = RwSignal::new(
        storage::load(EXAMPLE_KEY)
            .filter(|f| find(f).is_some())
            .unwrap_or_else(|| DEFAULT_EXAMPLE_FILE.to_owned()),
    );
    let confirming = RwSignal::new(false);
    let share_url = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let has_previous = RwSignal::new(storage::load(PREVIOUS_KEY).is_some());
    let recent_open = RwSignal::new(false);

    let load_example = move |file: String, announce: &'static str, reason: Reason| {
        let Some(found) = find(&file) else { return };
        spawn_local(async move {
            match bridge::fetch_text(&format!("examples/{}", found.file)).await {
                Ok(text) => {
                    drafts::record(page, page.source.get_untracked(), reason);
                    page.replace_text(&text);
                    page.picked.set(0);
                    page.say(format!(
                        "{announce} “{}”. Ctrl+Z brings your text back.",
                        found.title
                    ));
                }
                Err(error) => page.say(format!("Could not load the example: {error}")),
            }
        });
    };

    let share = move |_| {
        copied.set(false);
        let text = page.source.get_untracked();
        spawn_local(async move {
            let fragment = match bridge::encode_share(&text).await {
                Ok(fragment) => fragment,
                Err(error) => {
                    page.say(format!("Could not make a share link: {error}"));
                    return;
                }
            };
            let url = format!(
                "{}?{}={}{fragment}",
                storage::base_address(),
                storage::KUBERNETES_VERSION_PARAM,
                page.kubernetes_version.get_untracked()
            );
            if url.len() > MAX_SHARE_URL {
                share_url.set(String::new());
                page.say(format!(
                    "This manifest is too large for a share link: the link would be {} characters long, and links over {MAX_SHARE_URL} characters get cut by chat apps and browsers. Share the file instead.",
                    url.len()
                ));
                return;
            }
            share_url.set(url.clone());
            if bridge::copy_text(&url).await {
                copied.set(true);
                page.say("Link copied. It holds the whole manifest; nothing is sent to a server.");
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(3));
            } else {
                page.say("The browser refused the clipboard: copy the link from the field below the toolbar.");
            }
        });
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Manifest">
            <label class="field">
                <span>"Example"</span>
                <select
                    data-testid="examples"
                    prop:value=move || example.get()
                    on:change:target=move |event| {
                        let file = event.target().value();
                        example.set(file.clone());
                        storage::save(EXAMPLE_KEY, &file);
                        load_example(file, "Loaded the example", Reason::Example);
                    }
                >
                    {EXAMPLES
                        .iter()
                        .map(|e| view! { <option value=e.file>{e.title}</option> })
                        .collect_view()}
                </select>
            </label>
            <button type="button" data-testid="reset" on:click=move |_| confirming.set(true)>
                "Reset to example"
            </button>
            <button type="button" data-testid="share" on:click=share>
                {move || if copied.get() { "Link copied ✓" } else { "Copy share link" }}
            </button>
            <label class="field">
                <span>"Theme"</span>
                <select
                    data-testid="theme"
                    prop:value=move || theme.get()
                    on:change:target=move |event| {
                        let value = event.target().value();
                        storage::save(THEME_KEY, &value);
                        theme.set(value);
                    }
                >
                    <option value="system">"System"</option>
                    <option value="light">"Light"</option>
                    <option value="dark">"Dark"</option>
                </select>
            </label>
            <super::recent::RecentButton open=recent_open />
        </div>
        <Show when=move || confirming.get()>
            <ConfirmReset
                title=Signal::derive(move || {
                    find(&example.get()).map(|e| e.title).unwrap_or_default().to_owned()
                })
                on_confirm=move || {
                    confirming.set(false);
                    load_example(example.get_untracked(), "Reset to the example", Reason::Reset);
                }
                on_cancel=move || confirming.set(false)
            />
        </Show>
        <super::recent::RecentList open=recent_open />
        <super::recent::OtherTabNotice />
        <Show when=move || !share_url.get().is_empty()>
            <label class="share-field">
                <span>"Share link"</span>
                <input
                    type="text"
                    readonly
                    data-testid="share-url"
                    prop:value=move || share_url.get()
                    on:focus:target=move |event| event.target().select()
                />
            </label>
        </Show>
        <Show when=move || has_previous.get()>
            <p class="notice" data-testid="previous-notice">
                "A share link replaced your previous text (it and older ones are in Recent). "
                <button
                    type="button"
                    data-testid="restore-previous"
                    on:click=move |_| {
                        if let Some(previous) = storage::load(PREVIOUS_KEY) {
                            drafts::record(page, page.source.get_untracked(), Reason::Restore);
                            page.replace_text(&previous);
                            page.say("Your previous text is back. Ctrl+Z shows the shared one again.");
                        }
                        storage::remove(PREVIOUS_KEY);
                        has_previous.set(false);
                    }
                >
                    "Bring it back"
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        storage::remove(PREVIOUS_KEY);
                        has_previous.set(false);
                    }
                >
                    "Dismiss"
                </button>
            </p>
        </Show>
    }
}

/// "Replace your text with the example?" asked inline; focus moves to it and Escape cancels.
#[component]
fn ConfirmReset(
    title: Signal<String>,
    on_confirm: impl Fn() + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let cancel = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div
            class="confirm"
            role="alertdialog"
            aria-labelledby="confirm-text"
            data-testid="confirm-reset"
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    on_cancel();
                }
            }
        >
            <p id="confirm-text">
                "Replace the whole editor text with the example “" {move || title.get()}
                "”? Ctrl+Z in the editor undoes it."
            </p>
            <button type="button" class="danger" data-testid="confirm-yes" on:click=move |_| on_confirm()>
                "Replace my text"
            </button>
            <button type="button" node_ref=cancel data-testid="confirm-no" on:click=move |_| on_cancel()>
                "Cancel"
            </button>
        </div>
    }
}

/// Kind, name and API version of a document.
type Outline = (Option<String>, Option<String>, Option<String>);

/// The document picker (multi-document files) and the picked document's outline.
#[component]
fn DocumentBar() -> impl IntoView {
    let page = expect_context::<Page>();
    let outline = move || {
        let index = page.document();
        page.analysis.with(|analysis| {
            analysis
                .documents
                .get(index)
                .map(|d| (d.kind.clone(), d.name.clone(), d.api_version.clone()))
                .unwrap_or_default()
        })
    };
    let field = move |pick: fn(&Outline) -> Option<String>| {
        move || pick(&outline()).unwrap_or_else(|| "—".to_owned())
    };
    let count = move || page.analysis.with(|a| a.documents.len());
    view! {
        <div class="doc-bar">
            <Show when=move || { count() > 1 }>
                <label class="field">
                    <span>"Document"</span>
                    <select
                        data-testid="document-picker"
                        prop:value=move || page.document().to_string()
                        on:change:target=move |event| {
                            if let Ok(index) = event.target().value().parse::<usize>() {
                                page.picked.set(index);
                            }
                        }
                    >
                        {move || {
                            page.analysis.with(|analysis| {
                                analysis
                                    .documents
                                    .iter()
                                    .map(|d| {
                                        let batch = matches!(d.status, DocumentStatus::Job | DocumentStatus::CronJob);
                                        let label = format!(
                                            "{}: {} {}{}",
                                            d.index + 1,
                                            d.kind.as_deref().unwrap_or("(no kind)"),
                                            d.name.as_deref().unwrap_or(""),
                                            if batch { "" } else { " (passed over)" },
                                        );
                                        view! {
                                            <option value=d.index.to_string() disabled=!batch>{label}</option>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </select>
                </label>
            </Show>
            <dl class="summary-fields">
                <dt>"Kind"</dt>
                <dd data-testid="doc-kind">{field(|o| o.0.clone())}</dd>
                <dt>"Name"</dt>
                <dd data-testid="doc-name">{field(|o| o.1.clone())}</dd>
                <dt>"API version"</dt>
                <dd data-testid="doc-api-version">{field(|o| o.2.clone())}</dd>
            </dl>
            <p class="document-count" data-testid="document-count">
                {move || if count() == 1 { "1 document".to_owned() } else { format!("{} documents", count()) }}
            </p>
        </div>
    }
}

//! The "Recent" menu (the drafts history: restore one, its time, why it was kept and its first
//! line shown) and the notice that another tab saved a different text (load it or keep this
//! one; both are kept as drafts). A disclosure button and a list of buttons, so Tab, Enter and
//! Escape are all it takes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::drafts::Reason;

use super::bridge;
use super::drafts::{self, Entry};
use super::page::Page;
use super::storage::{self, TEXT_KEY};

const BUTTON_ID: &str = "recent-button";
const LIST_ID: &str = "recent-list";

fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The toolbar's "Recent" button: opens and closes the list.
#[component]
pub fn RecentButton(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            id=BUTTON_ID
            data-testid="recent"
            aria-controls=LIST_ID
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "Recent"
        </button>
    }
}

/// The drafts, newest first; choosing one puts it in the editor (the text it replaces is kept
/// as a draft too). Escape closes the list and returns to the button.
#[component]
pub fn RecentList(open: RwSignal<bool>) -> impl IntoView {
    let page = expect_context::<Page>();
    let entries = RwSignal::new(None::<Result<Vec<Entry>, String>>);
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        entries.set(None);
        spawn_local(async move {
            entries.set(Some(drafts::list().await));
            request_animation_frame(|| focus("[data-testid=recent-item]"));
        });
    });
    let close = move || {
        open.set(false);
        focus(&format!("#{BUTTON_ID}"));
    };
    let restore = move |entry: Entry| {
        spawn_local(async move {
            match drafts::load(entry.id).await {
                Ok(text) => {
                    drafts::record(page, page.source.get_untracked(), Reason::Restore);
                    page.replace_text(&text);
                    page.say(format!(
                        "Restored the draft from {}. Ctrl+Z brings back the text before it.",
                        entry.when
                    ));
                    close();
                }
                Err(error) => page.say(format!("That draft could not be read: {error}")),
            }
        });
    };
    view! {
        <Show when=move || open.get()>
            <div
                class="recent"
                id=LIST_ID
                role="region"
                aria-label="Recent drafts"
                data-testid="recent-list"
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        close();
                    }
                }
            >
                {move || {
                    let said = entries.with(|entries| match entries {
                        None => "Reading the drafts…".to_owned(),
                        Some(Err(error)) => {
                            format!("Recent drafts are unavailable in this browser: {error}")
                        }
                        Some(Ok(list)) if list.is_empty() => {
                            "No drafts yet: they are kept as you type.".to_owned()
                        }
                        Some(Ok(_)) => String::new(),
                    });
                    (!said.is_empty()).then(|| view! { <p>{said}</p> })
                }}
                {move || {
                    entries.get().and_then(Result::ok).filter(|list| !list.is_empty()).map(|list| {
                        view! {
                            <ul>
                                {list
                                    .into_iter()
                                    .map(|entry| {
                                        let chosen = entry.clone();
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    data-testid="recent-item"
                                                    data-reason=entry.reason.as_str()
                                                    on:click=move |_| restore(chosen.clone())
                                                >
                                                    <span class="recent-when">{entry.when}</span>
                                                    <span class="recent-reason">{entry.reason.label()}</span>
                                                    <span class="recent-line">{entry.line}</span>
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                }}
                <button type="button" data-testid="recent-close" on:click=move |_| close()>
                    "Close"
                </button>
            </div>
        </Show>
    }
}

/// When another tab saves a different text: the choice between it and this tab's own. Both
/// texts are kept as drafts whichever is chosen.
#[component]
pub fn OtherTabNotice() -> impl IntoView {
    let page = expect_context::<Page>();
    let other = RwSignal::new(None::<String>);
    let changed = Closure::<dyn Fn(String)>::new(move |text: String| {
        let own = page.source.get_untracked();
        if text == own {
            other.set(None);
            return;
        }
        if other.with_untracked(Option::is_none) {
            drafts::record(page, own, Reason::OtherTab);
            // Kept at once too: this tab's autosave overwrites the shared key at its next
            // change, and the other tab may close before its own pause records an edit.
            drafts::record(page, text.clone(), Reason::OtherTab);
            page.say("Another tab saved a different text: load it or keep yours (both are kept in Recent).");
        }
        other.set(Some(text));
    });
    bridge::on_saved_elsewhere(TEXT_KEY, &changed);
    // The listener lives as long as the page.
    changed.forget();
    let load = move |_| {
        // The newest the other tab saved (each of its saves updates it). Not the shared key:
        // this tab's own autosave may have written it since.
        let Some(text) = other.get_untracked() else {
            return;
        };
        drafts::record(page, page.source.get_untracked(), Reason::OtherTab);
        page.replace_text(&text);
        other.set(None);
        page.say("Loaded the other tab's text. Yours is in Recent; Ctrl+Z brings it back.");
    };
    let keep = move |_| {
        if let Some(text) = other.get_untracked() {
            drafts::record(page, text, Reason::OtherTab);
        }
        storage::save(TEXT_KEY, &page.source.get_untracked());
        other.set(None);
        page.say("Kept your text. The other tab's is in Recent.");
    };
    view! {
        <Show when=move || other.with(Option::is_some)>
            <p class="notice" data-testid="other-tab-notice">
                "Another tab saved a different text. "
                <button type="button" data-testid="other-tab-load" on:click=load>
                    "Load the other tab's text"
                </button>
                <button type="button" data-testid="other-tab-keep" on:click=keep>
                    "Keep mine"
                </button>
            </p>
        </Show>
    }
}

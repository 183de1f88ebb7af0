//! The embed mode: `?embed=<view>&k8s=<version>#s1.<manifest>` shows one view (timeline,
//! concurrency, simulation, schedule) of the manifest in the fragment, as that Kubernetes
//! version answers it, read-only, compact, without the editor, sized to its iframe; and the
//! "Embed" snippet each view offers. The manifest stays in the
//! fragment (never sent to a server) and is never written to the visitor's autosave.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bridge;
use super::page::{Page, new_page};
use super::storage;

/// The views an embed URL can name.
pub const EMBED_VIEWS: &[&str] = &["timeline", "concurrency", "simulation", "schedule"];

/// The view named by `?embed=` (`None` outside the embed mode or for an unknown name).
pub fn embed_view() -> Option<&'static str> {
    let value = storage::query_param("embed")?;
    EMBED_VIEWS.iter().copied().find(|v| *v == value)
}

/// The embed app: one view of the fragment's manifest.
#[component]
pub fn EmbedApp(view: &'static str, panel: Option<fn(Page) -> AnyView>) -> impl IntoView {
    let page = new_page();
    provide_context(page);
    let loaded = RwSignal::new(false);
    spawn_local(async move {
        let fragment = storage::fragment();
        if fragment.starts_with(bridge::SHARE_PREFIX) {
            match bridge::decode_share(&fragment).await {
                Ok(text) => page.source.set(text),
                Err(bridge::ShareError::TooLarge(what)) => page.say(format!(
                    "This embed was not opened: {what}, more than the page accepts (the apiserver's request limit)."
                )),
                Err(bridge::ShareError::Damaged(error)) => {
                    page.say(format!("This embed link is damaged ({error})."))
                }
            }
        } else {
            page.say("This embed link holds no manifest.");
        }
        loaded.set(true);
    });
    let open_url = move || {
        format!(
            "{}?{}={}{}",
            storage::base_address(),
            storage::KUBERNETES_VERSION_PARAM,
            page.kubernetes_version.get(),
            storage::fragment()
        )
    };
    view! {
        <main class="embed" data-testid="embed" data-view=view>
            <p class="status" role="status" aria-live="polite" data-testid="status">
                {move || page.status.get()}
            </p>
            <Show when=move || loaded.get() && !page.source.with(String::is_empty)>
                <div class="embed-view" data-testid="summary">
                    {panel.map(|panel| panel(page))}
                </div>
            </Show>
            <p class="embed-footer">
                <a href=open_url target="_blank" rel="noopener noreferrer">
                    "Open in jobscope"
                </a>
            </p>
        </main>
    }
}

/// "Embed this view": an iframe snippet with the manifest in its URL's fragment.
#[component]
pub fn EmbedSnippet(view: &'static str) -> impl IntoView {
    let page = expect_context::<Page>();
    let snippet = RwSignal::new(String::new());
    if embed_view().is_some() {
        return ().into_any();
    }
    let make = move |_| {
        let text = page.source.get_untracked();
        let name = page.analysis.with_untracked(|a| {
            a.documents
                .get(page.document())
                .and_then(|d| d.name.clone())
                .unwrap_or_default()
        });
        spawn_local(async move {
            match bridge::encode_share(&text).await {
                Ok(fragment) => {
                    let url = format!(
                        "{}?embed={view}&{}={}{fragment}",
                        storage::base_address(),
                        storage::KUBERNETES_VERSION_PARAM,
                        page.kubernetes_version.get_untracked()
                    );
                    if url.len() > super::page::MAX_SHARE_URL {
                        snippet.set(String::new());
                        page.say("This manifest is too large for an embed link.");
                        return;
                    }
                    // Attribute values are escaped: the name is user text.
                    let title = jobscope_analysis::escape(&format!("jobscope {view} of {name}"));
                    snippet.set(format!(
                        "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"{}\" loading=\"lazy\" style=\"border:0\"></iframe>",
                        jobscope_analysis::escape(&url),
                        if view == "simulation" { 900 } else { 420 }
                    ));
                    page.say("The embed snippet is below the button.");
                }
                Err(error) => page.say(format!("Could not make the embed link: {error}")),
            }
        });
    };
    view! {
        <div class="embed-snippet">
            <button type="button" data-testid=format!("{view}-embed") on:click=make>
                "Embed this view"
            </button>
            <Show when=move || !snippet.get().is_empty()>
                <label class="field wide">
                    <span>"HTML to paste into your docs"</span>
                    <textarea
                        readonly
                        rows="3"
                        data-testid=format!("{view}-embed-snippet")
                        prop:value=move || snippet.get()
                        on:focus:target=move |e| e.target().select()
                    ></textarea>
                </label>
            </Show>
        </div>
    }
    .into_any()
}

//! The client-path picker beside the document bar: which client sends the manifest to the
//! apiserver (`kubectl apply -f`, `kubectl create -f`, or a direct API request with the YAML as
//! written), since some findings depend on it. The choice is remembered in localStorage.

use leptos::prelude::*;

use jobscope_analysis::ClientPath;

use super::page::Page;
use super::storage;

/// Where the choice is kept: the client's `--client` name.
const CLIENT_KEY: &str = "jobscope.client";

/// The picker's words for each path.
fn label(client: ClientPath) -> &'static str {
    match client {
        ClientPath::KubectlApply => "kubectl apply",
        ClientPath::KubectlCreate => "kubectl create",
        ClientPath::Api => "API request (YAML as written)",
    }
}

#[component]
pub fn ClientPicker() -> impl IntoView {
    let page = expect_context::<Page>();
    if let Some(saved) = storage::load(CLIENT_KEY).and_then(|name| ClientPath::from_name(&name)) {
        page.client.set(saved);
    }
    view! {
        <label class="field client-picker">
            <span>"Sent with"</span>
            <select
                data-testid="client-path"
                title=move || page.client.get().summary()
                prop:value=move || page.client.get().name()
                on:change:target=move |event| {
                    if let Some(client) = ClientPath::from_name(&event.target().value()) {
                        storage::save(CLIENT_KEY, client.name());
                        page.client.set(client);
                    }
                }
            >
                {ClientPath::ALL
                    .iter()
                    .map(|&client| {
                        view! {
                            <option value=client.name() title=client.summary()>{label(client)}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

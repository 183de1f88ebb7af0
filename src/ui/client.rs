//! The pickers beside the document bar: which client sends the manifest to the apiserver
//! (`kubectl apply -f`, `kubectl create -f`, or a direct API request with the YAML as written),
//! and which Kubernetes version answers (v1.32 to v1.37: gates, dropped fields, controller
//! behaviour), since findings depend on both. Each choice is remembered in localStorage.

use leptos::prelude::*;

use jobscope_analysis::{ClientPath, KubernetesVersion};

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

/// The Kubernetes version picker. A share link's or embed's version (`?k8s=`) is shown without
/// being remembered; picking one remembers it.
#[component]
pub fn VersionPicker() -> impl IntoView {
    let page = expect_context::<Page>();
    view! {
        <label class="field version-picker">
            <span>"Kubernetes"</span>
            <select
                data-testid="kubernetes-version"
                title="The apiserver and controllers of this version answer: which feature gates are on by default, so which fields a create drops, which rules apply, how the Job controller behaves"
                prop:value=move || page.kubernetes_version.get().name()
                on:change:target=move |event| {
                    if let Some(version) = KubernetesVersion::parse(&event.target().value()) {
                        storage::save(storage::KUBERNETES_VERSION_KEY, version.name());
                        page.kubernetes_version.set(version);
                        page.say(format!("Answering as Kubernetes {version}."));
                    }
                }
            >
                {KubernetesVersion::ALL
                    .iter()
                    .rev()
                    .map(|&version| {
                        view! { <option value=version.name()>{version.name()}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

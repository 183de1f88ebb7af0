//! What the page keeps in the browser: the editor text (autosaved on every change), the text a
//! share link replaced, the chosen example and the theme, all in localStorage; and the URL
//! fragment a share link carries. Nothing here is ever sent anywhere.

/// The editor's text, saved on every change.
pub const TEXT_KEY: &str = "jobscope.text";
/// The text that was there before a share link replaced it.
pub const PREVIOUS_KEY: &str = "jobscope.previous-text";
/// The example "reset" goes back to.
pub const EXAMPLE_KEY: &str = "jobscope.example";
/// `system`, `light` or `dark`.
pub const THEME_KEY: &str = "jobscope.theme";
/// The editor's share of the width, in percent (`crate::split`).
pub const SPLIT_KEY: &str = "jobscope.split";
/// The Kubernetes version the page answers for (`v1.35`).
pub const KUBERNETES_VERSION_KEY: &str = "jobscope.kubernetes-version";
/// The query parameter that carries it in share and embed links.
pub const KUBERNETES_VERSION_PARAM: &str = "k8s";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A saved value (none when storage is unavailable, as in some private windows).
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves a value; a full or disabled storage is ignored (the page still works, unsaved).
pub fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Saves the editor's text under [`TEXT_KEY`]; false when storage is unavailable or full (the
/// panic hook tells the user so).
pub fn save_text(text: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(TEXT_KEY, text).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// A query parameter of the page's address (`?embed=timeline&k8s=v1.35`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let query = search.strip_prefix('?').unwrap_or(&search);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.to_owned())
    })
}

/// The page's address without query and fragment: the base of share and embed links.
pub fn base_address() -> String {
    let address = page_address();
    match address.find('?') {
        Some(at) => address[..at].to_owned(),
        None => address,
    }
}

/// The URL fragment, `#` included (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment (and the share link's version) from the address bar without
/// reloading, so a reload restores the autosaved text and the user's own version choice rather
/// than the shared ones.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(KUBERNETES_VERSION_PARAM))
        .collect();
    let search = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The page's address without its fragment, for share links.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}{}",
                location.origin().ok()?,
                location.pathname().ok()?,
                location.search().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Applies a theme choice: `light` or `dark` set `data-theme` on `<html>`; `system` removes it
/// so the `prefers-color-scheme` rules apply.
pub fn apply_theme(theme: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    match theme {
        "light" | "dark" => {
            let _ = root.set_attribute("data-theme", theme);
        }
        _ => {
            let _ = root.remove_attribute("data-theme");
        }
    }
}

//! The Rust side of the JavaScript bridge: the small module `web/generated/page.js` (from
//! `web/src/page.js`) imported through wasm-bindgen, which loads the CodeMirror editor bundle
//! (`web/src/editor.js`) on demand, and the conversions between the façade's data (byte offsets)
//! and the plain JS objects the bridge takes (UTF-16 offsets).
//!
//! Why `#[wasm_bindgen(module = ...)]` rather than a global set by a separate script: wasm-bindgen
//! copies the module next to its own glue and imports it, so the helpers load with the app in
//! every build (Trunk, the wasm-bindgen test runner), in the right order, with no extra
//! `<script>` in index.html and no global name to collide with. The editor bundle is the one
//! thing loaded later: it is most of the page's JavaScript, and embeds never show an editor.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use jobscope_analysis::Diagnostic;
use jobscope_analysis::{Completions, Hover, QuickFix, TextEdit, Utf16Map};

#[wasm_bindgen(module = "/web/generated/page.js")]
extern "C" {
    /// A CodeMirror editor mounted in an element.
    pub type EditorHandle;

    /// Loads the editor bundle (once) and mounts an editor: a promise of an `EditorHandle`.
    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(parent: &web_sys::HtmlElement, text: &str, hooks: &Object) -> Promise;

    /// Starts downloading the editor bundle without waiting for it.
    #[wasm_bindgen(js_name = loadEditorModule)]
    fn load_editor_module() -> Promise;

    /// Uses `create` (CodeMirror's `createEditor`) instead of loading the bundle.
    #[wasm_bindgen(js_name = provideEditor)]
    pub fn provide_editor(create: &js_sys::Function);

    /// Registers the offline cache's service worker; a promise of whether it could.
    #[wasm_bindgen(js_name = registerOffline)]
    fn register_offline_js() -> Promise;

    #[wasm_bindgen(method, js_name = getText)]
    pub fn get_text(this: &EditorHandle) -> String;

    /// Replaces the whole text as one undoable change.
    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &EditorHandle, text: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics_js(this: &EditorHandle, version: u32, list: &Array) -> bool;

    #[wasm_bindgen(method)]
    fn select(this: &EditorHandle, from: u32, to: u32);

    #[wasm_bindgen(method, js_name = applyEdits)]
    fn apply_edits_js(this: &EditorHandle, edits: &Array) -> bool;

    #[wasm_bindgen(method)]
    pub fn focus(this: &EditorHandle);

    #[wasm_bindgen(js_name = encodeShare)]
    fn encode_share_js(text: &str) -> Promise;

    #[wasm_bindgen(js_name = decodeShare)]
    fn decode_share_js(fragment: &str) -> Promise;

    #[wasm_bindgen(js_name = copyText)]
    fn copy_text_js(text: &str) -> Promise;

    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text_js(url: &str) -> Promise;

    /// The text of the editor on the page, if one is mounted (for the panic hook, which must
    /// not touch the app's state).
    #[wasm_bindgen(js_name = currentText)]
    pub fn current_text() -> Option<String>;

    /// Calls `report` once with the error's text when WebAssembly traps (an uncaught
    /// `WebAssembly.RuntimeError`): the release build's panics trap without running the hook.
    #[wasm_bindgen(js_name = onWasmTrap)]
    pub fn on_wasm_trap(report: &Closure<dyn Fn(String)>);

    /// Records a text in the drafts history (IndexedDB); `plan` decides what is kept. A promise
    /// of whether it was written; rejected when storage is unavailable or full.
    #[wasm_bindgen(js_name = recordDraft)]
    pub fn record_draft(
        text: &str,
        reason: &str,
        plan: &Closure<dyn Fn(Array, JsValue) -> JsValue>,
    ) -> Promise;

    /// A promise of the drafts, newest first: `{ id, time, when, reason, head }`.
    #[wasm_bindgen(js_name = listDrafts)]
    pub fn list_drafts() -> Promise;

    /// A promise of a draft's text.
    #[wasm_bindgen(js_name = loadDraft)]
    pub fn load_draft(id: u32) -> Promise;

    /// Calls `changed` with the text another tab of this page saved under `key`.
    #[wasm_bindgen(js_name = onSavedElsewhere)]
    pub fn on_saved_elsewhere(key: &str, changed: &Closure<dyn Fn(String)>);

    /// The viewer's IANA time zone (the browser's), `UTC` when unknown.
    #[wasm_bindgen(js_name = viewerTimeZone)]
    pub fn viewer_time_zone() -> String;
}

/// The fragment prefix of share links, format 1 (deflate-raw, base64url); `SHARE_PREFIX` in
/// web/src/page.js.
pub const SHARE_PREFIX: &str = "#s1.";

/// An assist at a byte offset of the editor's text.
pub type Assist<T> = Box<dyn Fn(&str, usize) -> Option<T>>;

/// What the editor asks of the app.
pub struct Hooks {
    /// The text changed; `version` counts changes.
    pub change: Box<dyn Fn(String, u32)>,
    /// Completions at a byte offset of the text (for the version chosen when asked).
    pub complete: Assist<Completions>,
    /// Hover at a byte offset of the text (likewise).
    pub hover: Assist<Hover>,
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn offset(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Starts downloading the editor bundle, so it arrives while the page does other work.
pub fn preload_editor() {
    // The promise is awaited by `mount_editor`; a failed download is reported there.
    let _ = load_editor_module();
}

/// Registers the offline cache (the full page only; embeds do not cache).
pub fn register_offline() {
    let _ = register_offline_js();
}

/// Loads CodeMirror and mounts it in `parent` with `text`, wired to `hooks`.
pub async fn mount_editor(
    parent: &web_sys::HtmlElement,
    text: &str,
    hooks: Hooks,
) -> Result<EditorHandle, String> {
    let object = Object::new();
    let Hooks {
        change,
        complete,
        hover,
    } = hooks;
    let change = Closure::<dyn Fn(String, u32)>::new(move |text: String, version: u32| {
        change(text, version)
    });
    let complete = Closure::<dyn Fn(String, u32, bool) -> JsValue>::new(
        move |text: String, pos: u32, _explicit: bool| {
            let map = Utf16Map::new(&text);
            match complete(&text, map.to_byte(pos as usize)) {
                Some(found) => completions_to_js(&map, &found).into(),
                None => JsValue::UNDEFINED,
            }
        },
    );
    let hover = Closure::<dyn Fn(String, u32) -> JsValue>::new(move |text: String, pos: u32| {
        let map = Utf16Map::new(&text);
        match hover(&text, map.to_byte(pos as usize)) {
            Some(found) => hover_to_js(&map, &found).into(),
            None => JsValue::UNDEFINED,
        }
    });
    // The editor lives as long as the page: JavaScript owns the closures from here on.
    set(&object, "change", change.into_js_value());
    set(&object, "complete", complete.into_js_value());
    set(&object, "hover", hover.into_js_value());
    match JsFuture::from(create_editor(parent, text, &object)).await {
        Ok(handle) => Ok(handle.unchecked_into()),
        Err(error) => Err(js_sys::Error::from(error)
            .message()
            .as_string()
            .unwrap_or_else(|| "the editor did not load".to_owned())),
    }
}

fn completions_to_js(map: &Utf16Map, found: &Completions) -> Object {
    let result = Object::new();
    set(&result, "from", offset(map.to_utf16(found.from)));
    set(&result, "to", offset(map.to_utf16(found.to)));
    let options = Array::new();
    for item in &found.items {
        let option = Object::new();
        set(&option, "label", item.label.as_str());
        set(&option, "detail", item.detail.as_str());
        set(&option, "info", item.info.as_str());
        set(&option, "type", item.kind.as_str());
        set(&option, "apply", item.apply.as_str());
        set(&option, "boost", i32::from(item.boost));
        set(
            &option,
            "snippet",
            item.kind == jobscope_analysis::CompletionKind::Snippet,
        );
        options.push(&option);
    }
    set(&result, "options", options);
    result
}

fn hover_to_js(map: &Utf16Map, found: &Hover) -> Object {
    let result = Object::new();
    set(&result, "from", offset(map.to_utf16(found.from)));
    set(&result, "to", offset(map.to_utf16(found.to)));
    set(&result, "path", found.path.as_str());
    set(&result, "owner", found.owner.as_str());
    set(&result, "type", found.type_label.as_str());
    if let Some(default) = &found.default {
        set(&result, "default", default.as_str());
    }
    let allowed = Array::new();
    for value in &found.allowed {
        allowed.push(&JsValue::from_str(value));
    }
    set(&result, "allowed", allowed);
    set(&result, "description", found.description.as_str());
    if let Some(note) = &found.version_note {
        set(&result, "versionNote", note.as_str());
    }
    result
}

fn edits_to_js(map: &Utf16Map, edits: &[TextEdit]) -> Array {
    let list = Array::new();
    for edit in edits {
        let item = Object::new();
        set(&item, "from", offset(map.to_utf16(edit.from)));
        set(&item, "to", offset(map.to_utf16(edit.to)));
        set(&item, "insert", edit.insert.as_str());
        list.push(&item);
    }
    list
}

/// One diagnostic with its fixes, for the editor.
pub struct EditorDiagnostic<'a> {
    pub diagnostic: &'a Diagnostic,
    pub fixes: Vec<QuickFix>,
}

impl EditorHandle {
    /// Shows the diagnostics of document version `version` of `text`.
    pub fn set_diagnostics(&self, version: u32, text: &str, list: &[EditorDiagnostic<'_>]) {
        let map = Utf16Map::new(text);
        let array = Array::new();
        for entry in list {
            let d = entry.diagnostic;
            let item = Object::new();
            set(&item, "from", offset(map.to_utf16(d.span.start)));
            set(&item, "to", offset(map.to_utf16(d.span.end)));
            set(&item, "severity", d.severity.as_str());
            set(&item, "source", d.source.as_str());
            set(&item, "code", d.code);
            set(&item, "message", d.message.as_str());
            if let Some(help) = &d.help {
                set(&item, "help", help.as_str());
            }
            let fixes = Array::new();
            for fix in &entry.fixes {
                let object = Object::new();
                set(&object, "title", fix.title.as_str());
                set(&object, "edits", edits_to_js(&map, &fix.edits));
                fixes.push(&object);
            }
            set(&item, "fixes", fixes);
            array.push(&item);
        }
        self.set_diagnostics_js(version, &array);
    }

    /// Selects `from..to` (byte offsets of `text`), scrolls there and focuses the editor.
    pub fn select_bytes(&self, text: &str, from: usize, to: usize) {
        let map = Utf16Map::new(text);
        self.select(offset(map.to_utf16(from)), offset(map.to_utf16(to)));
    }

    /// Applies a quick fix computed on `text`.
    pub fn apply_fix(&self, text: &str, fix: &QuickFix) {
        let map = Utf16Map::new(text);
        self.apply_edits_js(&edits_to_js(&map, &fix.edits));
    }
}

pub async fn string_of(promise: Promise) -> Result<String, String> {
    match JsFuture::from(promise).await {
        Ok(value) => value.as_string().ok_or_else(|| "not a string".to_owned()),
        Err(error) => Err(js_sys::Error::from(error)
            .message()
            .as_string()
            .unwrap_or_else(|| "failed".to_owned())),
    }
}

/// The share fragment (`#s1.…`) for a text.
pub async fn encode_share(text: &str) -> Result<String, String> {
    string_of(encode_share_js(text)).await
}

/// Why a share fragment gave no text.
pub enum ShareError {
    /// It holds more than `MAX_SHARE_TEXT` in web/src/page.js (3 MiB); decoding stopped there.
    TooLarge(String),
    /// It is not valid base64url, deflate or UTF-8.
    Damaged(String),
}

/// The text of a share fragment, inflated up to the page's limit.
pub async fn decode_share(fragment: &str) -> Result<String, ShareError> {
    match JsFuture::from(decode_share_js(fragment)).await {
        Ok(value) => value
            .as_string()
            .ok_or_else(|| ShareError::Damaged("not a string".to_owned())),
        Err(error) => {
            let error = js_sys::Error::from(error);
            let message = error
                .message()
                .as_string()
                .unwrap_or_else(|| "failed".to_owned());
            if error.name().as_string().as_deref() == Some("ShareTooLarge") {
                Err(ShareError::TooLarge(message))
            } else {
                Err(ShareError::Damaged(message))
            }
        }
    }
}

/// Copies to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    JsFuture::from(copy_text_js(text))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Fetches a text file relative to the page.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    string_of(fetch_text_js(url)).await
}

//! The browser UI (Leptos, client-side rendered): the only module that names leptos, web-sys or
//! wasm-bindgen. Components map the façade's plain data to DOM; no analysis happens here.
//!
//! - `app`: the page (header, editor, document bar); `page`: the shared [`page::Page`] state;
//!   `client`: the picker of the client that sends the manifest; `split`: the editor/panels
//!   separator and the wide view (the rules are `crate::split`);
//! - `bridge`: the browser helpers of `web/src/page.js` and the CodeMirror editor of
//!   `web/src/editor.js` (loaded on demand), via wasm-bindgen;
//! - `tab`: what a tab is; `tabs`: the tab registry and the accessible tab list; `problems`, `schedule`, `effective`:
//!   one tab each;
//! - `timeline`, `concurrency`, `player`: the visualization tabs; `diagram` draws a core
//!   `Scene` as SVG elements and exports it (SVG, PNG, Mermaid); `embed`: the `?embed=<view>`
//!   mode and the iframe snippet;
//! - `examples`, `storage`: the examples menu's list; localStorage and the URL fragment;
//! - `drafts`: the drafts history in IndexedDB (the policy is `crate::drafts`); `recent`: the
//!   "Recent" menu and the notice that another tab saved a different text;
//! - `crash`: the panic hook (keeps the editor's text, tells the user);
//! - `worker`: the simulation worker (start, requests, answers, Stop);
//! - `zoom`: the zoom buttons and keys of a chart's time axis (the timeline, the Gantt chart).

mod app;
mod bridge;
mod client;
mod concurrency;
mod crash;
mod diagram;
mod drafts;
mod effective;
mod embed;
mod examples;
mod page;
mod player;
mod problems;
mod recent;
mod schedule;
mod split;
mod storage;
mod tab;
mod tabs;
mod timeline;
mod versions;
mod worker;
mod zoom;

pub use app::App;
pub use crash::report_crash;

/// The example the page opens with: the `database-backup` CronJob.
pub const DEFAULT_EXAMPLE: &str = include_str!("../../public/examples/backup-cronjob.yaml");

/// Mounts the app in index.html's `#app`, replacing the static shell; called once from `main`.
pub fn mount() {
    // Before anything can panic: a panic keeps the editor's text and says so on the page.
    crash::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match root {
        Some(root) => {
            // The shell painted the frame before the wasm arrived; the app draws the same frame
            // in this task, so the browser never paints an empty page in between.
            root.set_text_content(None);
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// Gives the app CodeMirror's `createEditor` instead of loading the editor bundle: for hosts
/// that serve only the wasm and its glue (the wasm-bindgen browser tests).
pub fn provide_editor(create: &js_sys::Function) {
    bridge::provide_editor(create);
}

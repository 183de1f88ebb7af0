//! The browser UI (Leptos, client-side rendered): the only module that names leptos, web-sys or
//! wasm-bindgen. Components map the façade's plain data to DOM; no analysis happens here.
//!
//! - `app`: the page (header, editor, document bar) and the shared [`app::Page`] state;
//! - `bridge`: the CodeMirror editor and browser APIs in `web/src/editor.js`, via wasm-bindgen;
//! - `tabs`: the tab registry and the accessible tab list; `problems`, `schedule`, `effective`:
//!   one tab each;
//! - `examples`, `storage`: the examples menu's list; localStorage and the URL fragment.

mod app;
mod bridge;
mod effective;
mod examples;
mod problems;
mod schedule;
mod storage;
mod tabs;

pub use app::App;

/// The example the page opens with: the `database-backup` CronJob.
pub const DEFAULT_EXAMPLE: &str = include_str!("../../public/examples/backup-cronjob.yaml");

/// Mounts the app on `<body>`; called once from `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

//! The browser UI (Leptos, client-side rendered): the only module that names leptos, web-sys or
//! wasm-bindgen. Components map the façade's plain data to DOM; no analysis happens here.

mod app;

pub use app::App;

/// The example the page opens with: the `database-backup` CronJob.
pub const DEFAULT_EXAMPLE: &str = include_str!("../../public/examples/backup-cronjob.yaml");

/// Mounts the app on `<body>`; called once from `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

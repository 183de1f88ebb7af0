//! The web app's entry point: mounts the UI, nothing else (a no-op outside wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    jobscope::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

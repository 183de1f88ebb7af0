//! jobscope, the app: the browser UI (wasm32 only) over the engine in `crates/`, reached only
//! through its façade, `jobscope_analysis` (the package's one dependency outside the browser
//! stack). The native CLI is `src/bin/jobscope`; the web entry point is `src/main.rs`.
//!
//! `ui` is the only module that names the browser stack (the tidy test enforces it). `drafts`
//! is the drafts history's policy and `split` the editor/panels split's, plain Rust, tested
//! natively.

pub mod drafts;
pub mod split;

#[cfg(target_arch = "wasm32")]
pub mod ui;

//! The `jobscope` command line: the same engine as the web app, for CI and for checking against
//! real Kubernetes. `cli` declares the commands (clap); each command lives in its own module;
//! `validate`'s output formats each have one.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod common;
#[cfg(not(target_arch = "wasm32"))]
mod inputs;
#[cfg(not(target_arch = "wasm32"))]
mod junit;
#[cfg(not(target_arch = "wasm32"))]
mod render_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod rules_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod sarif;
#[cfg(not(target_arch = "wasm32"))]
mod schedule_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod simulate_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod text_format;
#[cfg(not(target_arch = "wasm32"))]
mod threads;
#[cfg(not(target_arch = "wasm32"))]
mod validate_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod versions_cmd;

/// mimalloc instead of the system allocator: see the reason beside it in Cargo.toml.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

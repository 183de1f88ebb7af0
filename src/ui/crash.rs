//! The panic hook and the trap report: a panic in WebAssembly stops the app for good, so before
//! anything else the hook saves the editor's current text to localStorage (where the page
//! restores it from on the next load) and puts a message on the page saying what happened and
//! that the text is kept.
//!
//! Why the text is read from the editor (JavaScript) rather than from the app's signals: the
//! panic may have happened while a signal was borrowed, and a second panic inside the hook would
//! abort before saving. Everything here is fallible and ignored on failure; the message is built
//! with `textContent` and CSSOM styles only (never HTML from strings, never a `style` attribute),
//! so it shows under the page's Content-Security-Policy and no panic message can inject markup.

use std::sync::Once;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::bridge;
use super::storage;

/// Installs the hook once: keep the text, tell the user, then log the panic to the console.
/// The same report runs when WebAssembly traps: the release build is compiled with
/// `-Cpanic=immediate-abort` (dev.sh; 17 KB less gzipped), where a panic traps at once and no
/// hook runs, so the editor bridge reports the trap it sees in JavaScript.
pub fn install() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            report_crash(&info.to_string());
            console_error_panic_hook::hook(info);
        }));
        let on_trap = Closure::<dyn Fn(String)>::new(|message: String| {
            report_crash(&message);
        });
        bridge::on_wasm_trap(&on_trap);
        // The listener lives as long as the page.
        on_trap.forget();
    });
}

/// The line that makes a test build panic (see [`crash_test`]).
#[cfg(feature = "crash-test")]
const CRASH_TEST_LINE: &str = "# jobscope: crash test";

/// In test builds only (the `crash-test` feature, never in dist/): panics when the editor's text
/// holds [`CRASH_TEST_LINE`], so the end-to-end tests make the release wasm trap for real, from
/// where a real panic would trap (the editor's change hook). A no-op in every other build.
pub fn crash_test(text: &str) {
    #[cfg(feature = "crash-test")]
    if text.contains(CRASH_TEST_LINE) {
        panic!("crash test: the text asked for a panic");
    }
    #[cfg(not(feature = "crash-test"))]
    let _ = text;
}

/// What the hook does, callable on its own (the browser tests call it: the release build has no
/// way to panic on purpose). Returns whether the editor's text was saved.
pub fn report_crash(message: &str) -> bool {
    let saved = bridge::current_text().map(|text| storage::save_text(&text));
    show_message(saved, message);
    saved == Some(true)
}

/// `saved`: none when there is no editor yet (the text autosaved before is untouched).
fn show_message(saved: Option<bool>, message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    // One message, however many panics follow the first.
    if document
        .query_selector("[data-testid=crash]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Ok(box_) = document.create_element("div") else {
        return;
    };
    let _ = box_.set_attribute("role", "alert");
    let _ = box_.set_attribute("data-testid", "crash");
    if let Some(element) = box_.dyn_ref::<web_sys::HtmlElement>() {
        let style = element.style();
        for (property, value) in [
            ("position", "fixed"),
            ("inset", "0 0 auto 0"),
            ("z-index", "2147483647"),
            ("padding", "1em 1.5em"),
            ("background", "#7f1d1d"),
            ("color", "#ffffff"),
            ("font", "16px/1.5 system-ui, sans-serif"),
            ("white-space", "pre-wrap"),
        ] {
            let _ = style.set_property(property, value);
        }
    }
    let kept = match saved {
        Some(true) => "Your text is saved in this browser: reload the page to get it back.",
        Some(false) => {
            "Your text could not be saved (this browser's storage is unavailable or full): copy it from the editor before you reload."
        }
        None => "The text you last edited is kept in this browser: reload the page to get it back.",
    };
    box_.set_text_content(Some(&format!(
        "jobscope hit an internal error and stopped working. {kept}\n\nWhat happened: {message}"
    )));
    let _ = body.prepend_with_node_1(&box_);
}

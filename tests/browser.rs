//! Browser tests (wasm-bindgen-test in headless Chromium): the mounted app, with its CodeMirror
//! editor, shows the default example and follows typing with its outline and diagnostics.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

// The editor bundle under its fixed name (web/build.mjs writes it for these tests): the test
// runner serves only the wasm and its glue, not dist/'s lazily loaded bundle, so the tests hand
// CodeMirror's `createEditor` to the app.
#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/generated/editor.js")]
extern "C" {
    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(parent: &HtmlElement, text: &str, hooks: &JsValue) -> JsValue;
}

fn use_bundled_editor() {
    let create =
        wasm_bindgen::closure::Closure::<dyn Fn(HtmlElement, String, JsValue) -> JsValue>::new(
            |parent: HtmlElement, text: String, hooks: JsValue| {
                create_editor(&parent, &text, &hooks)
            },
        );
    jobscope::ui::provide_editor(create.into_js_value().unchecked_ref());
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn find(selector: &str) -> Option<Element> {
    document().query_selector(selector).unwrap()
}

fn text_of(test_id: &str) -> String {
    find(&format!("[data-testid={test_id}]"))
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .text_content()
        .unwrap_or_default()
}

async fn sleep(millis: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(50).await;
    }
    let body = document().body().unwrap().inner_html();
    panic!(
        "timed out waiting for {what}: {}",
        &body[..body.len().min(3000)]
    );
}

/// The editor's scripting hook (set by web/src/editor.js on its element).
fn editor() -> JsValue {
    let host = find("[data-testid=editor]").expect("the editor host");
    Reflect::get(&host, &JsValue::from_str("jobscopeEditor")).unwrap()
}

fn call(method: &str, args: &[JsValue]) -> JsValue {
    let handle = editor();
    let function: Function = Reflect::get(&handle, &JsValue::from_str(method))
        .unwrap()
        .unchecked_into();
    let array: js_sys::Array = args.iter().collect();
    function.apply(&handle, &array).unwrap()
}

#[wasm_bindgen_test]
async fn the_app_shows_the_default_example_and_follows_typing() {
    // Start from the default example, whatever an earlier run saved.
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    // No stylesheet here: give the editor room, so CodeMirror draws every line.
    host.style().set_property("height", "900px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    use_bundled_editor();
    let handle = leptos::mount::mount_to(host, jobscope::ui::App);
    until("the editor", || find(".cm-content").is_some()).await;

    assert_eq!(text_of("doc-kind"), "CronJob");
    assert_eq!(text_of("doc-name"), "database-backup");
    let text = call("getText", &[]).as_string().unwrap();
    assert!(text.contains("name: database-backup"));

    call(
        "setText",
        &[JsValue::from_str(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.34\n",
        )],
    );
    until("the new outline", || text_of("doc-kind") == "Job").await;
    assert_eq!(text_of("doc-name"), "pi");
    // The missing restartPolicy is underlined in the editor and listed in Problems.
    until("the underline", || {
        find(".cm-lintRange-error, .cm-lintPoint-error").is_some()
    })
    .await;
    let problems = text_of("problem-list");
    assert!(
        problems.contains("restartPolicy: Required value"),
        "{problems}"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_panic_hook_keeps_the_text_and_says_what_happened() {
    // The release build has no way to panic on purpose, so this calls what the hook does
    // (`report_crash`) on a mounted app; `ui::mount` installs it as the panic hook.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.style().set_property("height", "600px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    use_bundled_editor();
    let handle = leptos::mount::mount_to(host, jobscope::ui::App);
    until("the editor", || find(".cm-content").is_some()).await;
    let text = "kind: Job\nmetadata:\n  name: \"<img src=x>\" # not yet saved by the hook\n";
    call("setText", &[JsValue::from_str(text)]);
    // Forget what the autosave wrote: only the hook may save it now.
    storage.clear().unwrap();

    let saved =
        jobscope::ui::report_crash("panicked at src/x.rs:1:1: <img src=x onerror=alert(1)>");

    assert!(saved);
    assert_eq!(
        storage.get_item("jobscope.text").unwrap().as_deref(),
        Some(text)
    );
    let message = text_of("crash");
    assert!(
        message.contains("Your text is saved in this browser"),
        "{message}"
    );
    // The panic message is shown as text, never as markup.
    assert!(
        message.contains("<img src=x onerror=alert(1)>"),
        "{message}"
    );
    assert!(find("[data-testid=crash] img").is_none());
    assert_eq!(
        find("[data-testid=crash]")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
    // A second panic does not add or replace the message.
    jobscope::ui::report_crash("again");
    assert!(!text_of("crash").contains("again"));
    find("[data-testid=crash]").unwrap().remove();
    assert!(find("[data-testid=crash]").is_none());
    drop(handle);
}

//! Browser tests (wasm-bindgen-test in headless Chromium): the mounted app reacts to typing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(test_id: &str) -> String {
    document()
        .query_selector(&format!("[data-testid={test_id}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_app_shows_the_default_example_and_follows_typing() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, jobscope::ui::App);
    leptos::task::tick().await;

    assert_eq!(text_of("doc-kind"), "CronJob");
    assert_eq!(text_of("doc-name"), "database-backup");

    let editor: HtmlTextAreaElement = document()
        .query_selector("[data-testid=editor]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(editor.value().contains("name: database-backup"));
    editor.set_value("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n");
    editor
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;

    assert_eq!(text_of("doc-kind"), "Job");
    assert_eq!(text_of("doc-name"), "pi");
    drop(handle);
}

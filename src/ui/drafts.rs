//! The drafts history on the page: records the user's texts in IndexedDB (through
//! `web/src/page.js`) with the policy of `crate::drafts` deciding what is kept, lists them for the
//! "Recent" menu and reads one back. When the browser's storage is unavailable or full the page
//! says so once and goes on (the autosave in localStorage is separate).

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Reflect};
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::drafts::{New, Reason, Stored, Write, enqueue, first_line, plan};

use super::bridge;
use super::page::Page;

/// One entry of the "Recent" menu.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: u32,
    /// The local date and time it was recorded.
    pub when: String,
    pub reason: Reason,
    /// Its first meaningful line.
    pub line: String,
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(object: &JsValue, key: &str) -> f64 {
    get(object, key).as_f64().unwrap_or(0.0)
}

fn text(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_default()
}

/// The policy as JavaScript calls it inside its transaction: the stored drafts' records and the
/// new text's, to `{ write: "add" | "skip" | id, reason, delete: [id] }`.
fn plan_js(stored: Array, added: JsValue) -> JsValue {
    let stored: Vec<Stored> = stored
        .iter()
        .map(|record| Stored {
            id: number(&record, "id") as u32,
            started: number(&record, "started"),
            time: number(&record, "time"),
            bytes: number(&record, "bytes") as usize,
            reason: Reason::parse(&text(&record, "reason")),
            own: get(&record, "own").is_truthy(),
            same_text: get(&record, "same").is_truthy(),
        })
        .collect();
    let new = New {
        time: number(&added, "time"),
        bytes: number(&added, "bytes") as usize,
        reason: Reason::parse(&text(&added, "reason")),
    };
    let decided = plan(&stored, &new);
    let answer = Object::new();
    let write = match decided.write {
        Write::Add => JsValue::from_str("add"),
        Write::Skip => JsValue::from_str("skip"),
        Write::Overwrite(id) => JsValue::from(id),
    };
    let delete: Array = decided.delete.into_iter().map(JsValue::from).collect();
    for (key, value) in [
        ("write", write),
        ("reason", JsValue::from_str(decided.reason.as_str())),
        ("delete", delete.into()),
    ] {
        let _ = Reflect::set(&answer, &JsValue::from_str(key), &value);
    }
    answer.into()
}

thread_local! {
    /// The policy's closure, made once: JavaScript calls it in every recording.
    static PLAN: Closure<dyn Fn(Array, JsValue) -> JsValue> = Closure::new(plan_js);
    /// Whether the page said the drafts cannot be kept (it says so once).
    static FAILED_SAID: Cell<bool> = const { Cell::new(false) };
    /// Recordings wait for the one before (each is a transaction; order keeps the newest last),
    /// bounded by `enqueue`.
    static QUEUE: RefCell<Vec<(String, Reason)>> = const { RefCell::new(Vec::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// Records `text` for `reason` (in the background, in order); tells the user once if the
/// browser keeps no drafts.
pub fn record(page: Page, text: String, reason: Reason) {
    QUEUE.with_borrow_mut(|queue| enqueue(queue, text, reason));
    if RUNNING.replace(true) {
        return;
    }
    spawn_local(async move {
        while let Some((text, reason)) =
            QUEUE.with_borrow_mut(|queue| (!queue.is_empty()).then(|| queue.remove(0)))
        {
            let promise = PLAN.with(|plan| bridge::record_draft(&text, reason.as_str(), plan));
            if let Err(error) = JsFuture::from(promise).await {
                let message = js_sys::Error::from(error)
                    .message()
                    .as_string()
                    .unwrap_or_default();
                if !FAILED_SAID.replace(true) {
                    page.say(format!(
                        "Recent drafts are not kept: this browser's storage is unavailable or full ({message}). Your text is still autosaved."
                    ));
                }
            }
        }
        RUNNING.set(false);
    });
}

/// The drafts, newest first.
pub async fn list() -> Result<Vec<Entry>, String> {
    let value = JsFuture::from(bridge::list_drafts())
        .await
        .map_err(|error| {
            js_sys::Error::from(error)
                .message()
                .as_string()
                .unwrap_or_else(|| "storage unavailable".to_owned())
        })?;
    Ok(Array::from(&value)
        .iter()
        .map(|record| Entry {
            id: number(&record, "id") as u32,
            when: text(&record, "when"),
            reason: Reason::parse(&text(&record, "reason")),
            line: first_line(&text(&record, "head")),
        })
        .collect())
}

/// A draft's text.
pub async fn load(id: u32) -> Result<String, String> {
    bridge::string_of(bridge::load_draft(id)).await
}

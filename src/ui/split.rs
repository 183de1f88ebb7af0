//! The separator between the editor and the panels (the WAI-ARIA window splitter), and the
//! "Wide view" button. The rules (steps, limits, what is stored) are `crate::split`; this
//! module reads the keys and the pointer, stores the share and tells the page to re-measure.
//!
//! What the split changes in the page (the grid's columns as `--split-columns` and the wide
//! view as `data-wide` on `<html>`, the separator's value, the button's state) is set through
//! the DOM by one function (`apply`), not by reactive attributes in the views: the first
//! version, with a signal, reactive attributes and an `on:` handler per event, cost the bundle
//! 6.1 KiB gzipped against 3.9 now (measured with `./dev.sh build`).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::split::{MAX_PERCENT, Split, SplitKey};

use super::storage::{self, SPLIT_KEY};

/// Where the split is. Not a signal: nothing in the views reads it, [`apply`] sets what it
/// changes, and a signal of a new type costs the bundle its own copy of the reactive code.
/// The second field says whether the separator listens yet ([`SplitState::attach`]).
#[derive(Clone)]
pub struct SplitState(Rc<Cell<Split>>, Rc<Cell<bool>>);

impl SplitState {
    /// The split as the page opens: the stored share, the editor shown.
    pub fn new() -> SplitState {
        SplitState(
            Rc::new(Cell::new(Split::from_stored(
                storage::load(SPLIT_KEY).as_deref(),
            ))),
            Rc::new(Cell::new(false)),
        )
    }

    /// Applies the split to the page and makes the separator listen: called once, when the
    /// page's elements exist (from the app's mount effect: an effect of its own would cost
    /// the bundle another copy of Leptos's effect code).
    pub fn attach(&self) {
        // Once: a second listener would move the split twice a key.
        if self.1.replace(true) {
            return;
        }
        apply(self.get());
        if let Some(separator) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("splitter"))
        {
            listen(separator, self.clone());
        }
    }

    fn get(&self) -> Split {
        self.0.get()
    }

    /// Shows a split while the pointer drags (stored when the drag ends).
    fn show(&self, split: Split) {
        self.0.set(split);
        apply(split);
    }

    /// Shows a split, stores it and has the diagrams re-measure their frames.
    fn settle(&self, split: Split) {
        self.show(split);
        storage::save(SPLIT_KEY, &split.stored());
        relayout();
    }
}

fn apply(split: Split) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root
            .style()
            .set_property("--split-columns", &split.columns());
        let _ = if split.wide {
            root.set_attribute("data-wide", "")
        } else {
            root.remove_attribute("data-wide")
        };
    }
    if let Some(separator) = document.get_element_by_id("splitter") {
        let _ = separator.set_attribute("aria-valuenow", &split.value_now().to_string());
        let _ = separator.set_attribute("aria-valuetext", &split.value_text());
    }
    if let Some(button) = document.get_element_by_id("wide-view") {
        let pressed = if split.wide { "true" } else { "false" };
        let _ = button.set_attribute("aria-pressed", pressed);
    }
}

/// The panes changed width: the diagrams measure their frames on the window's `resize` (as
/// CodeMirror does), so the page sends one rather than giving every view a second signal.
fn relayout() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("resize")) {
        let _ = window.dispatch_event(&event);
    }
}

/// The focusable separator: arrows, Home/End and Enter (collapse the editor) from the keyboard,
/// a drag with the pointer (captured, so it follows outside the separator), a double click
/// for the default width. Its listener is plain DOM ([`SplitState::attach`]): one listener
/// serves the five events, where five `on:` handlers cost the bundle a copy of Leptos's event
/// code each.
pub fn separator() -> impl IntoView {
    view! {
        <div
            class="splitter"
            id="splitter"
            role="separator"
            tabindex="0"
            aria-orientation="vertical"
            aria-controls="editor-pane"
            aria-label="Editor width (arrow keys; Enter hides or shows the editor)"
            aria-valuemin="0"
            aria-valuemax=MAX_PERCENT
            title="Drag to resize the editor; double-click for the default width"
            data-testid="splitter"
        ></div>
    }
}

const EVENTS: [&str; 5] = [
    "keydown",
    "pointerdown",
    "pointermove",
    "lostpointercapture",
    "dblclick",
];

fn listen(separator: web_sys::Element, split: SplitState) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let dragging = Cell::new(false);
    let element = separator.clone();
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        match event.type_().as_str() {
            "keydown" => {
                let Some(keyboard) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // Alt+← is the browser's Back, Ctrl+arrows its own: only Shift is ours.
                if keyboard.ctrl_key() || keyboard.meta_key() || keyboard.alt_key() {
                    return;
                }
                if let Some(key) = SplitKey::from_key(&keyboard.key()) {
                    event.prevent_default();
                    split.settle(split.get().after_key(key, keyboard.shift_key()));
                }
            }
            "pointerdown" => {
                let Some(pointer) = event.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                // A drag only with the pointer captured: its release then always arrives.
                if pointer.button() == 0
                    && element.set_pointer_capture(pointer.pointer_id()).is_ok()
                {
                    // No text selection while dragging.
                    event.prevent_default();
                    dragging.set(true);
                }
            }
            "pointermove" if dragging.get() => {
                if let Some(pointer) = event.dyn_ref::<web_sys::PointerEvent>() {
                    drag(&element, &split, f64::from(pointer.client_x()));
                }
            }
            // The pointer was released or the drag cancelled: the capture ends either way.
            "lostpointercapture" if dragging.replace(false) => split.settle(split.get()),
            "dblclick" => split.settle(Split::default()),
            _ => {}
        }
    });
    for name in EVENTS {
        let _ = separator.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    // The separator lives as long as the page, and so does its listener.
    handler.forget();
}

/// The split with the separator at `x`: the workspace runs from the editor's left edge to the
/// panels' right edge.
fn drag(separator: &web_sys::Element, split: &SplitState, x: f64) {
    let Some(workspace) = separator.parent_element() else {
        return;
    };
    let (Some(editor), Some(panels)) = (
        workspace.first_element_child(),
        workspace.last_element_child(),
    ) else {
        return;
    };
    // A hidden editor (the wide view) has no box: start from the workspace's edge.
    let editor = editor.get_bounding_client_rect();
    let left = if editor.width() > 0.0 {
        editor.left()
    } else {
        workspace.get_bounding_client_rect().left()
    };
    let right = panels.get_bounding_client_rect().right();
    split.show(split.get().dragged_to(x, left, right - left));
}

/// The button that gives the panels the whole window (and gives the editor back).
#[component]
pub fn WideToggle(split: SplitState) -> impl IntoView {
    view! {
        <button
            type="button"
            class="wide-toggle"
            id="wide-view"
            data-testid="wide-view"
            aria-pressed="false"
            title="Hide the editor so the diagrams have the whole window (Enter on the separator does the same)"
            on:click=move |_| split.settle(split.get().after_key(SplitKey::Enter, false))
        >
            "Wide view"
        </button>
    }
}

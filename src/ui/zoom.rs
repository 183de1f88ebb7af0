//! The zoom of a chart's time axis, for the timeline and the simulation's Gantt chart: the
//! buttons (Zoom in, Zoom out, Earlier, Later, the whole window) and the keys its frame answers
//! (`+` `−` Shift+arrows `0`). The rules (views inside the window, the shortest view, whole
//! units) are the core's `Axis`; each chart says where a zoom centres.

use leptos::prelude::*;

use jobscope_analysis::Axis;

/// A chart's zoom: its view (the part of the window shown, `None` for all of it), its axis
/// (`None` before there is a chart), and how it zooms (by a factor, around the point the chart
/// chooses) and pans (by a share of the view).
#[derive(Clone, Copy)]
pub struct Zoom {
    pub view: RwSignal<Option<(i64, i64)>>,
    pub axis: Signal<Option<Axis>>,
    pub zoom: Callback<f64>,
    pub pan: Callback<f64>,
}

impl Zoom {
    /// The chart frame's keys; true when one was used (the caller stops the browser's default).
    /// Ctrl/⌘ with `+` `−` `0` is the browser's own zoom: never taken.
    pub fn key(self, ev: &web_sys::KeyboardEvent) -> bool {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return false;
        }
        match (ev.key().as_str(), ev.shift_key()) {
            ("+" | "=", _) => self.zoom.run(0.5),
            ("-" | "_", _) => self.zoom.run(2.0),
            ("ArrowLeft", true) => self.pan.run(-0.25),
            ("ArrowRight", true) => self.pan.run(0.25),
            ("0", _) => self.view.set(None),
            _ => return false,
        }
        true
    }
}

/// The buttons, each disabled where it would do nothing. `id` prefixes their test ids
/// (`timeline-zoom-in`); `whole` names the whole window ("Whole run").
#[component]
pub fn ZoomControls(
    zoom: Zoom,
    id: &'static str,
    label: &'static str,
    whole: &'static str,
) -> impl IntoView {
    let Zoom {
        view, axis, pan, ..
    } = zoom;
    let shortest = move || {
        view.get()
            .zip(axis.get())
            .is_some_and(|((start, end), axis)| end - start <= axis.min)
    };
    let at_end = move || {
        view.get()
            .zip(axis.get())
            .is_none_or(|((_, end), axis)| end >= axis.length)
    };
    view! {
        <div class="zoom-controls" role="group" aria-label=label>
            <button type="button" data-testid=format!("{id}-zoom-in") title="Zoom in (+)"
                prop:disabled=shortest on:click=move |_| zoom.zoom.run(0.5)>"Zoom in"</button>
            <button type="button" data-testid=format!("{id}-zoom-out") title="Zoom out (−)"
                prop:disabled=move || view.get().is_none() on:click=move |_| zoom.zoom.run(2.0)>"Zoom out"</button>
            <button type="button" data-testid=format!("{id}-earlier") title="Earlier (Shift+←)"
                prop:disabled=move || view.get().is_none_or(|(start, _)| start <= 0)
                on:click=move |_| pan.run(-0.25)>"◀ Earlier"</button>
            <button type="button" data-testid=format!("{id}-later") title="Later (Shift+→)"
                prop:disabled=at_end on:click=move |_| pan.run(0.25)>"Later ▶"</button>
            <button type="button" data-testid=format!("{id}-whole") title=format!("{whole} (0)")
                prop:disabled=move || view.get().is_none() on:click=move |_| view.set(None)>{whole}</button>
        </div>
    }
}

//! The Timeline tab: every CronJob of the file on its own lane over a day, week, month or year,
//! in the schedules' zone or the viewer's, DST skips and repeats marked, dense schedules as a
//! heat map, runs as bars with a modelled duration, collisions counted; a table says the same.

use leptos::prelude::*;

use super::diagram::{Exports, SceneView};
use super::embed::EmbedSnippet;
use super::page::Page;
use super::tab::Tab;
use super::zoom::{Zoom, ZoomControls};
use jobscope_analysis::format_rfc3339;
use jobscope_analysis::{
    CHART_LABEL, Scene, Timeline, TimelineSpan, pan_timeline, start_of_day, suggested_span,
    timeline_axis, timeline_lanes, timeline_mermaid, timeline_scene, timeline_view, zone_named,
    zoom_timeline,
};

pub const TAB: Tab = Tab {
    id: "timeline",
    title,
    panel,
};

fn title(_: Page) -> AnyView {
    view! { "Timeline" }.into_any()
}

fn span_of(value: &str) -> TimelineSpan {
    match value {
        "week" => TimelineSpan::Week,
        "month" => TimelineSpan::Month,
        "year" => TimelineSpan::Year,
        _ => TimelineSpan::Day,
    }
}

pub fn panel(page: Page) -> AnyView {
    // The user's window; until they pick one, the one that suits the schedules
    // (`suggested_span`: a day for minutely, a week for daily…).
    let chosen_span = RwSignal::new(None::<String>);
    // The part of the window shown (seconds from its start; `None`: all of it).
    let view = RwSignal::new(None::<(i64, i64)>);
    // "schedule": the first CronJob's timeZone (UTC without one); "viewer": the browser's.
    let zone_choice = RwSignal::new("schedule".to_owned());
    let duration_minutes = RwSignal::new(0i64);
    let laid: Memo<Option<Timeline>> = Memo::new(move |_| {
        let minutes = duration_minutes.get();
        let lanes = page
            .analysis
            .with(|a| timeline_lanes(a, (minutes > 0).then_some(minutes * 60)));
        if lanes.is_empty() {
            return None;
        }
        let zone = if zone_choice.get() == "viewer" {
            page.viewer_zone.get_value()
        } else {
            lanes[0]
                .time_zone
                .clone()
                .unwrap_or_else(|| "UTC".to_owned())
        };
        let from = start_of_day(page.now, zone_named(&zone));
        let span = chosen_span.with(|chosen| match chosen {
            Some(chosen) => span_of(chosen),
            None => suggested_span(&lanes, from),
        });
        Some(timeline_view(&lanes, from, span, view.get(), &zone))
    });
    // A view belongs to its window: a new window (picked, or suggested anew for an edited
    // schedule) shows all of itself.
    Effect::new(move |previous: Option<Option<TimelineSpan>>| {
        let span = laid.with(|t| t.as_ref().map(Timeline::span));
        if previous.is_some_and(|previous| previous != span) {
            view.set(None);
        }
        span
    });
    let zoom_by = move |factor: f64, anchor: f64| {
        laid.with_untracked(|t| {
            if let Some(t) = t {
                view.set(zoom_timeline(
                    t.span(),
                    view.get_untracked(),
                    factor,
                    anchor,
                ));
            }
        });
    };
    // The buttons and the frame's keys zoom around the middle.
    let zoom = Zoom {
        view,
        axis: Signal::derive(move || laid.with(|t| t.as_ref().map(|t| timeline_axis(t.span())))),
        zoom: Callback::new(move |factor| zoom_by(factor, 0.5)),
        pan: Callback::new(move |fraction| {
            laid.with_untracked(|t| {
                if let Some(t) = t {
                    view.set(pan_timeline(t.span(), view.get_untracked(), fraction));
                }
            });
        }),
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if zoom.key(&ev) {
            ev.prevent_default();
        }
    };
    // Ctrl+wheel (and a trackpad's pinch, which arrives as one) zooms around the pointer.
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        if !ev.ctrl_key() || ev.delta_y() == 0.0 {
            return;
        }
        ev.prevent_default();
        let Some(svg) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|frame| frame.query_selector("svg").ok().flatten())
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        // The plot runs from the lane labels to 10 px before the right edge (the scenes'
        // geometry, drawn 1:1).
        let plot = rect.width() - CHART_LABEL - 10.0;
        let anchor = (f64::from(ev.client_x()) - rect.left() - CHART_LABEL) / plot.max(1.0);
        // In proportion to the wheel: a trackpad's pinch sends many small deltas, a wheel's
        // notch one of about 100 (a notch halves or doubles the view).
        zoom_by((ev.delta_y() * 0.007).exp().clamp(0.5, 2.0), anchor);
    };
    let span = Memo::new(move |_| laid.with(|t| t.as_ref().map_or("day", |t| t.span().as_str())));
    let scene = Signal::derive(move || {
        laid.with(|t| {
            t.as_ref()
                .map(|t| timeline_scene(t, page.chart_width.get()))
                .unwrap_or_else(|| Scene::new(1.0, 1.0, ""))
        })
    });
    let mermaid =
        Signal::derive(move || laid.with(|t| t.as_ref().map(timeline_mermaid).unwrap_or_default()));
    let stem = Signal::derive(move || format!("timeline-{}", span.get()));
    view! {
        <div class="view-controls">
            <label class="field">
                <span>"Window"</span>
                <select
                    data-testid="timeline-span"
                    prop:value=move || span.get()
                    on:change:target=move |e| {
                        view.set(None);
                        chosen_span.set(Some(e.target().value()));
                    }
                >
                    <option value="day">"Day"</option>
                    <option value="week">"Week"</option>
                    <option value="month">"Month"</option>
                    <option value="year">"Year"</option>
                </select>
            </label>
            <label class="field">
                <span>"Times in"</span>
                <select
                    data-testid="timeline-zone"
                    prop:value=move || zone_choice.get()
                    on:change:target=move |e| zone_choice.set(e.target().value())
                >
                    <option value="schedule">"the schedule's zone"</option>
                    <option value="viewer">
                        {move || format!("your zone ({})", page.viewer_zone.get_value())}
                    </option>
                </select>
            </label>
            <label class="field">
                <span>"Job duration (min, 0 = marks)"</span>
                <input
                    type="number"
                    min="0"
                    max="10080"
                    data-testid="timeline-duration"
                    prop:value=move || duration_minutes.get().to_string()
                    on:change:target=move |e| {
                        duration_minutes.set(e.target().value().parse::<i64>().unwrap_or(0).clamp(0, 10_080))
                    }
                />
            </label>
        </div>
        {move || {
            laid.with(|t| match t {
                None => view! {
                    <p class="empty" data-testid="timeline-empty">
                        "The timeline shows CronJobs, and this file has none with a schedule."
                    </p>
                }
                .into_any(),
                Some(t) => {
                    let collisions = t.collision_count;
                    let rows = t
                        .lanes
                        .iter()
                        .map(|lane| {
                            let first = lane
                                .runs
                                .iter()
                                .take(3)
                                .map(|r| format_rfc3339(r.at, zone_named(&t.display_zone)))
                                .collect::<Vec<_>>()
                                .join(", ");
                            let dst = lane
                                .dst
                                .iter()
                                .map(jobscope_analysis::dst_text)
                                .collect::<Vec<_>>()
                                .join("; ");
                            view! {
                                <tr data-testid="timeline-lane">
                                    <th scope="row">{lane.name.clone()}</th>
                                    <td><code>{lane.schedule.clone()}</code></td>
                                    <td>{lane.zone.clone()}</td>
                                    <td>
                                        {lane.error.clone().unwrap_or_else(|| {
                                            format!(
                                                "{}{}",
                                                lane.total_runs,
                                                if lane.truncated { "+" } else { "" }
                                            )
                                        })}
                                    </td>
                                    <td>{lane.overlapping_runs}</td>
                                    <td>{first}</td>
                                    <td>{if dst.is_empty() { "—".to_owned() } else { dst }}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let conclusions = t
                        .conclusions()
                        .into_iter()
                        .map(|sentence| view! { <li>{sentence}</li> })
                        .collect_view();
                    view! {
                        <ul class="conclusions" data-testid="timeline-conclusions">{conclusions}</ul>
                        <p class="view-summary" data-testid="timeline-collisions">
                            {format!(
                                "{} CronJob{} · {} collision{} (several CronJobs starting the same minute) · times in {}",
                                t.lanes.len(),
                                if t.lanes.len() == 1 { "" } else { "s" },
                                collisions,
                                if collisions == 1 { "" } else { "s" },
                                t.display_zone
                            )}
                        </p>
                        <table class="data-table" data-testid="timeline-table">
                            <caption>"Runs in the window (the chart as a table)"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"CronJob"</th>
                                    <th scope="col">"Schedule"</th>
                                    <th scope="col">"Zone"</th>
                                    <th scope="col">"Runs"</th>
                                    <th scope="col">"Overlapping"</th>
                                    <th scope="col">"First runs"</th>
                                    <th scope="col">"DST"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any()
                }
            })
        }}
        <Show when=move || laid.with(Option::is_some)>
            <ZoomControls zoom=zoom id="timeline" label="Zoom the time axis (also + − Shift+arrows 0 on the chart, and Ctrl+wheel)" whole="Whole window" />
            <div class="diagram" tabindex="0" role="group" on:keydown=on_key on:wheel=on_wheel
                aria-label="Timeline diagram: + and − zoom, Shift+arrows move in time (scrolls sideways when wider than the pane)">
                <SceneView scene=scene testid="timeline-chart" />
            </div>
            <Exports scene=scene stem=stem mermaid=mermaid testid="timeline-export" />
            <EmbedSnippet view="timeline" />
        </Show>
    }
    .into_any()
}

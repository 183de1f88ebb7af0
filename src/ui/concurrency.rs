//! The Concurrency tab: the picked CronJob's coming runs under Allow, Forbid and Replace side by
//! side, simulated by the CronJob controller port for a job duration the user slides; the
//! manifest's policy highlighted; a table with the same numbers.

use leptos::prelude::*;

use super::diagram::{Exports, SceneView};
use super::embed::EmbedSnippet;
use super::page::Page;
use super::tab::Tab;
use super::worker::Channel;
use jobscope_analysis::worker::{Request, Response};
use jobscope_analysis::{
    Concurrency, DocumentStatus, Outcome, Scene, concurrency_mermaid, concurrency_scene,
    human_seconds, schedule_period,
};

pub const TAB: Tab = Tab {
    id: "concurrency",
    title,
    panel,
};

/// Scheduled runs per diagram.
const RUNS: usize = 12;

fn title(_: Page) -> AnyView {
    view! { "Concurrency" }.into_any()
}

pub fn panel(page: Page) -> AnyView {
    let is_cron = Memo::new(move |_| {
        let index = page.document();
        page.analysis.with(|a| {
            a.documents
                .get(index)
                .is_some_and(|d| d.status == DocumentStatus::CronJob)
        })
    });
    // The schedule's period around now (seconds between the next two runs), for the slider.
    let period = Memo::new(move |_| {
        let index = page.document();
        page.analysis.with(|a| {
            a.documents
                .get(index)
                .and_then(|report| schedule_period(report, page.now))
        })
    });
    // The job duration as a share of the period, in percent: the slider's value.
    let share = RwSignal::new(150i64);
    let duration = Memo::new(move |_| {
        period
            .get()
            .map(|p| (p * share.get() / 100).max(1))
            .unwrap_or(60)
    });
    // The worker simulates the three policies; `None` while it works. Only the answer to the
    // latest request is kept (the slider and the editor ask faster than it answers).
    let diagram = RwSignal::new(None::<Result<Concurrency, String>>);
    let latest = StoredValue::new(0u32);
    let worker = page.worker;
    worker.listen(Channel::Concurrency, move |response| match response {
        Response::Concurrency { id, result } if id == latest.get_value() => {
            diagram.try_set(Some(result));
        }
        Response::Failed(message) => {
            diagram.try_set(Some(Err(message)));
        }
        _ => {}
    });
    Effect::new(move |_| {
        // Asked again when the worker was replaced (Stop, a crash): its answer died with it.
        worker.generation.track();
        if !is_cron.get() {
            diagram.set(Some(Err(
                "The concurrency diagram shows a CronJob; pick one.".to_owned(),
            )));
            return;
        }
        let seconds = duration.get();
        let document = page.document();
        let id = latest.get_value().wrapping_add(1);
        latest.set_value(id);
        page.source.with(|text| {
            worker.send(&Request::Concurrency {
                id,
                text: text.clone(),
                document,
                options: page.options_untracked(),
                duration_seconds: seconds,
                runs: RUNS,
            });
        });
    });
    let diagram = Memo::new(move |_| {
        diagram
            .get()
            .unwrap_or_else(|| Err("Simulating the three policies…".to_owned()))
    });
    let scene = Signal::derive(move || {
        diagram.with(|d| {
            d.as_ref()
                .map(|d| concurrency_scene(d, page.chart_width.get()))
                .unwrap_or_else(|_| Scene::new(1.0, 1.0, ""))
        })
    });
    let mermaid = Signal::derive(move || {
        diagram.with(|d| d.as_ref().map(concurrency_mermaid).unwrap_or_default())
    });
    let stem = Signal::derive(move || {
        diagram.with(|d| {
            d.as_ref()
                .map(|c| format!("concurrency-{}", c.name))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="view-controls">
            <label class="field slider">
                <span>"Job duration"</span>
                <input
                    type="range"
                    min="10"
                    max="500"
                    step="10"
                    data-testid="concurrency-duration"
                    aria-valuetext=move || human_seconds(duration.get())
                    prop:value=move || share.get().to_string()
                    on:input:target=move |e| share.set(e.target().value().parse().unwrap_or(150))
                />
                <output data-testid="concurrency-duration-text">
                    {move || {
                        format!(
                            "{} ({}% of the {} between runs)",
                            human_seconds(duration.get()),
                            share.get(),
                            human_seconds(period.get().unwrap_or(0))
                        )
                    }}
                </output>
            </label>
        </div>
        {move || {
            diagram.with(|d| match d {
                Err(message) => view! { <p class="empty" data-testid="concurrency-empty">{message.clone()}</p> }.into_any(),
                Ok(c) => {
                    let rows = c
                        .lanes
                        .iter()
                        .map(|lane| {
                            let count = |o: Outcome| lane.runs.iter().filter(|r| r.outcome == o).count();
                            view! {
                                <tr
                                    data-testid="concurrency-row"
                                    data-policy=lane.policy.as_str()
                                    class:in-manifest=lane.in_manifest
                                >
                                    <th scope="row">
                                        {lane.policy.as_str()}
                                        {lane.in_manifest.then_some(" (in the manifest)")}
                                    </th>
                                    <td data-testid="started">{lane.runs.len()}</td>
                                    <td data-testid="skipped">{lane.skipped.len()}</td>
                                    <td data-testid="replaced">{count(Outcome::Replaced)}</td>
                                    <td>{count(Outcome::Completed)}</td>
                                    <td data-testid="failed">{count(Outcome::Failed)}</td>
                                    <td data-testid="max-concurrent">{lane.max_concurrent}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let conclusions = c
                        .conclusions()
                        .into_iter()
                        .map(|sentence| view! { <li>{sentence}</li> })
                        .collect_view();
                    view! {
                        <ul class="conclusions" data-testid="concurrency-conclusions">{conclusions}</ul>
                        <div class="table-scroll" tabindex="0" role="group" aria-label="The concurrency table (scrolls sideways when wider than the pane)">
                        <table class="data-table numbers" data-testid="concurrency-table">
                            <caption>
                                {format!(
                                    "The next {} runs of {} ({}), jobs of {} (the chart as a table)",
                                    c.slots.len(),
                                    c.name,
                                    c.schedule,
                                    human_seconds(c.duration_seconds)
                                )}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Policy"</th>
                                    <th scope="col">"Jobs started"</th>
                                    <th scope="col">"Runs skipped"</th>
                                    <th scope="col">"Jobs replaced"</th>
                                    <th scope="col">"Jobs completed"</th>
                                    <th scope="col" title="Jobs that failed, for example at the job template's activeDeadlineSeconds">"Jobs failed"</th>
                                    <th scope="col">"Most at once"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        </div>
                    }
                    .into_any()
                }
            })
        }}
        <Show when=move || diagram.with(Result::is_ok)>
            <div class="diagram" tabindex="0" role="group" aria-label="Concurrency diagram (scrolls sideways when wider than the pane)">
                <SceneView scene=scene testid="concurrency-chart" />
            </div>
            <p class="legend">
                <span class="key"><span class="swatch p-succeeded"></span>"completed"</span>
                <span class="key"><span class="swatch failed-end p-failed"></span>"failed (dark end)"</span>
                <span class="key"><span class="swatch p-run"></span>"running"</span>
                <span class="key"><span class="swatch p-terminated"></span>"replaced"</span>
                <span class="key"><span class="skip p-failed">"×"</span>" skipped"</span>
            </p>
            <Exports scene=scene stem=stem mermaid=mermaid testid="concurrency-export" />
            <EmbedSnippet view="concurrency" />
        </Show>
    }
    .into_any()
}

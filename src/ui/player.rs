//! The Simulation tab: a form for the pod model and the cluster's actions, prefilled for the
//! picked Job or CronJob from a preset (the core's list; a lint rule's "Simulate" button asks for
//! one through the page state); the simulation run in chunks between frames with a progress bar; then
//! playback over the virtual time (play, pause, step to the next event, speed, a scrubber) with
//! the pods' Gantt chart, the Jobs' counters and conditions, the events as `kubectl describe`
//! lists them, and kube-state-metrics charts with the example alert rules' firing spans.

use std::time::Duration;

use leptos::prelude::*;

use super::diagram::{Exports, SceneView};
use super::embed::EmbedSnippet;
use super::page::Page;
use super::tab::Tab;
use super::worker::Channel;
use super::zoom::{Zoom, ZoomControls};
use jobscope_analysis::worker::{Phase, Request, Response};
use jobscope_analysis::{
    DocumentStatus, Frame, Instant, PRESETS, PlayerInput, PodState, Scene, Summary, Zone,
    format_rfc3339, human_seconds, layout_width, preset,
};

pub const TAB: Tab = Tab {
    id: "simulation",
    title,
    panel,
};

/// Playback ticks per second.
const TICK_MS: u64 = 50;

fn title(_: Page) -> AnyView {
    view! { "Simulation" }.into_any()
}

/// The form's fields as text, so half-typed numbers never fight the user.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Form {
    hours: String,
    run_min: String,
    run_max: String,
    failing_attempts: String,
    failing_indexes: String,
    exit_code: String,
    evict_at: String,
    ignore_sigterm: bool,
    suspend_at: String,
    resume_at: String,
    outage_at: String,
    outage_for: String,
    seed: String,
}

impl Form {
    fn from_input(input: &PlayerInput) -> Form {
        Form {
            hours: (input.duration_seconds / 3600).to_string(),
            run_min: input.run_min_seconds.to_string(),
            run_max: input.run_max_seconds.to_string(),
            failing_attempts: input.failing_attempts.to_string(),
            failing_indexes: String::new(),
            exit_code: input.exit_code.to_string(),
            evict_at: input.evict_at.map(|t| t.to_string()).unwrap_or_default(),
            ignore_sigterm: input.ignore_sigterm,
            suspend_at: String::new(),
            resume_at: String::new(),
            outage_at: String::new(),
            outage_for: String::new(),
            seed: input.seed.to_string(),
        }
    }

    /// The input, or the first field that does not read, in words.
    fn input(&self, start: Instant) -> Result<PlayerInput, String> {
        fn number(text: &str, what: &str) -> Result<Option<i64>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<i64>()
                .map(Some)
                .map_err(|_| format!("{what}: \"{text}\" is not a whole number"))
        }
        let hours = number(&self.hours, "Simulate for (hours)")?.unwrap_or(1);
        if !(1..=24 * 366).contains(&hours) {
            return Err(format!(
                "Simulate for (hours): {hours} is outside 1 to {}",
                24 * 366
            ));
        }
        let indexes = self
            .failing_indexes
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<i64>()
                    .map_err(|_| format!("Failing indexes: \"{s}\" is not an index"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let outage = match (
            number(&self.outage_at, "Outage at")?,
            number(&self.outage_for, "Outage length")?,
        ) {
            (Some(at), Some(length)) => Some((at, length)),
            (Some(at), None) => Some((at, 600)),
            _ => None,
        };
        Ok(PlayerInput {
            start,
            duration_seconds: hours * 3600,
            seed: number(&self.seed, "Seed")?.unwrap_or(1).max(0) as u64,
            run_min_seconds: number(&self.run_min, "Pods run from")?.unwrap_or(30).max(0),
            run_max_seconds: number(&self.run_max, "Pods run to")?.unwrap_or(30).max(0),
            failing_attempts: number(&self.failing_attempts, "Failing attempts")?
                .unwrap_or(0)
                .clamp(0, 100) as u32,
            failing_indexes: indexes,
            exit_code: number(&self.exit_code, "Exit code")?
                .unwrap_or(1)
                .clamp(0, 255) as i32,
            evict_at: number(&self.evict_at, "Evict the first pod at")?,
            ignore_sigterm: self.ignore_sigterm,
            suspend_at: number(&self.suspend_at, "Suspend at")?,
            resume_at: number(&self.resume_at, "Resume at")?,
            outage,
        })
    }
}

/// A text field of the form.
fn field(
    form: RwSignal<Form>,
    label: &'static str,
    testid: &'static str,
    get: fn(&Form) -> &String,
    set: fn(&mut Form, String),
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="text"
                inputmode="numeric"
                data-testid=testid
                prop:value=move || form.with(|f| get(f).clone())
                on:change:target=move |e| {
                    let value = e.target().value();
                    form.update(|f| set(f, value));
                }
            />
        </label>
    }
}

/// A virtual time as the player prints it.
fn at(t: i64) -> String {
    format_rfc3339(Instant::from_millis(t), Zone::Utc)
}

pub fn panel(page: Page) -> AnyView {
    let kind = Memo::new(move |_| {
        let index = page.document();
        page.analysis
            .with(|a| a.documents.get(index).map(|d| d.status))
    });
    let is_batch = move || {
        matches!(
            kind.get(),
            Some(DocumentStatus::Job | DocumentStatus::CronJob)
        )
    };
    let default_form = move || {
        Form::from_input(&PlayerInput::for_kind(
            kind.get_untracked() == Some(DocumentStatus::CronJob),
            page.now,
        ))
    };
    let form = RwSignal::new(default_form());
    let chosen = RwSignal::new(PRESETS[0].id);
    let load_preset = move |id: &str| {
        if let Some(preset) = preset(id) {
            chosen.set(preset.id);
            form.set(Form::from_input(&preset.input(
                kind.get_untracked() == Some(DocumentStatus::CronJob),
                page.now,
            )));
        }
    };
    let problem = RwSignal::new(String::new());
    // (phase, share done) while the worker runs.
    let progress = RwSignal::new(None::<(Phase, f64)>);
    let summary = RwSignal::new(None::<Summary>);
    let frame = RwSignal::new(None::<Frame>);
    // The virtual time shown; frames follow it, one request in flight at a time.
    let time = RwSignal::new(0i64);
    let in_flight = StoredValue::new(false);
    // A recording whose first frame has not come yet.
    let pending = StoredValue::new(None::<Summary>);
    let playing = RwSignal::new(false);
    // Virtual milliseconds per real second; 0 = the whole run in about 30 s.
    let speed = RwSignal::new(0i64);
    let worker = page.worker;
    // The part of the run the charts show (milliseconds from its start; `None`: all of it).
    let view = RwSignal::new(None::<(i64, i64)>);

    let request_frame = move |t: i64| {
        if in_flight.get_value() {
            return;
        }
        in_flight.set_value(true);
        worker.send(&Request::Frame {
            time: t,
            width: page.chart_width.get_untracked(),
            view: view.get_untracked(),
        });
    };
    // Whether a frame was laid out for another width than the diagrams have now.
    let other_width = move |frame: &Frame| {
        (frame.gantt.width - layout_width(page.chart_width.get_untracked())).abs() > 0.5
    };
    worker.listen(Channel::Simulation, move |response| match response {
        Response::Progress { phase, done } => {
            progress.try_set(Some((phase, done)));
        }
        Response::Recorded(recorded) => {
            // Held until its first frame, which follows at once: the summary and the frame
            // then change together, so a preview on screen is redrawn once, not twice.
            pending.try_set_value(Some(recorded));
            in_flight.try_set_value(true);
        }
        Response::Frame(next) => {
            in_flight.try_set_value(false);
            let shown = next.time;
            if let Some(recorded) = pending.try_update_value(Option::take).flatten() {
                // A preview's frame comes while the rest of the run is simulated.
                if recorded.complete && progress.try_get_untracked().flatten().is_some() {
                    progress.try_set(None);
                    page.say("The simulation finished: press Play or move the time slider.");
                }
                time.try_set(recorded.start);
                summary.try_set(Some(recorded));
            }
            let resized = other_width(&next) || view.try_get_untracked() != Some(next.view);
            frame.try_set(Some(next));
            // The playback moved on (or the pane was resized) while this frame was drawn: ask
            // for where it is now.
            if let Some(wanted) = time.try_get_untracked()
                && (wanted != shown || resized)
            {
                request_frame(wanted);
            }
        }
        Response::Failed(message) => {
            in_flight.try_set_value(false);
            progress.try_set(None);
            playing.try_set(false);
            problem.try_set(message);
        }
        Response::Ready
        | Response::Concurrency { .. }
        | Response::OutcomesProgress { .. }
        | Response::Outcomes { .. } => {}
    });
    // Frames follow the time (playback, the scrubber, "Next event").
    Effect::new(move |last_time: Option<i64>| {
        let t = time.get();
        let shown = view.get();
        page.chart_width.track();
        let Some((start, axis)) =
            summary.with_untracked(|r| r.as_ref().map(|r| (r.start, r.axis())))
        else {
            return t;
        };
        // A time that moves out of a zoomed view takes the view along (and runs this again);
        // the view moved away from the time by the user stays where it was put.
        let followed = axis.follow(shown, t - start);
        if last_time != Some(t) && followed != shown {
            view.set(followed);
            return t;
        }
        if frame.with_untracked(|f| {
            f.as_ref()
                .is_none_or(|f| f.time != t || f.view != shown || other_width(f))
        }) {
            request_frame(t);
        }
        t
    });
    let zoom_by = move |factor: f64| {
        summary.with_untracked(|r| {
            if let Some(r) = r {
                // Around the time shown when it is in the view, else the middle.
                let at = time.get_untracked() - r.start;
                view.set(r.axis().zoom_at(view.get_untracked(), factor, at));
            }
        });
    };
    let zoom = Zoom {
        view,
        axis: Signal::derive(move || summary.with(|r| r.as_ref().map(Summary::axis))),
        zoom: Callback::new(zoom_by),
        pan: Callback::new(move |fraction| {
            summary.with_untracked(|r| {
                if let Some(r) = r {
                    view.set(r.axis().pan(view.get_untracked(), fraction));
                }
            });
        }),
    };
    // The Gantt chart's keys: + and − zoom around the time shown, Shift+arrows pan, 0 shows
    // the whole run.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if zoom.key(&ev) {
            ev.prevent_default();
        }
    };

    let run = move || {
        problem.set(String::new());
        playing.set(false);
        let input = match form.with_untracked(|f| f.input(page.now)) {
            Ok(input) => input,
            Err(message) => {
                problem.set(message);
                return;
            }
        };
        // A run still going is replaced: its worker ends, a fresh one takes the new run.
        if progress.get_untracked().is_some() {
            worker.stop();
        }
        summary.set(None);
        frame.set(None);
        view.set(None);
        pending.set_value(None);
        in_flight.set_value(false);
        progress.set(Some((Phase::Simulating, 0.0)));
        page.last_run.set(Some((
            kind.get_untracked() == Some(DocumentStatus::CronJob),
            input.clone(),
        )));
        worker.send(&Request::Simulate {
            text: page.source.get_untracked(),
            document: page.document_untracked(),
            options: page.options_untracked(),
            input,
            width: page.chart_width.get_untracked(),
        });
    };
    let stop = move || {
        worker.stop();
        progress.set(None);
        pending.set_value(None);
        in_flight.set_value(false);
        page.say("Simulation stopped. Your text and settings are as they were; run it again when you like.");
    };

    // A preset asked for from elsewhere (a lint rule's button): load it and run it.
    if let Some(id) = page.simulate_preset.get_untracked() {
        page.simulate_preset.set(None);
        load_preset(id);
        request_animation_frame(run);
    }

    let tick = move || {
        if !playing.get_untracked() {
            return;
        }
        summary.with_untracked(|rec| {
            let Some(rec) = rec else { return };
            let per_second = match speed.get_untracked() {
                0 => ((rec.shown_end - rec.start) / 30).max(1000),
                s => s,
            };
            let next =
                (time.get_untracked() + per_second * TICK_MS as i64 / 1000).min(rec.shown_end);
            time.set(next);
            if next >= rec.shown_end {
                playing.set(false);
            }
        });
    };
    let interval = StoredValue::new_local(None::<IntervalHandle>);
    Effect::new(move |_| {
        if playing.get() {
            if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(TICK_MS)) {
                interval.set_value(Some(handle));
            }
        } else if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    on_cleanup(move || {
        if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });

    let step = move || {
        playing.set(false);
        let end = summary.with_untracked(|r| r.as_ref().map(|r| r.shown_end));
        let next = frame.with_untracked(|f| f.as_ref().and_then(|f| f.next_event));
        if let Some(end) = end {
            time.set(next.unwrap_or(end).min(end));
        }
    };

    let gantt = Signal::derive(move || {
        frame.with(|f| {
            f.as_ref()
                .map(|f| f.gantt.clone())
                .unwrap_or_else(|| Scene::new(1.0, 1.0, ""))
        })
    });
    let stem = Signal::derive(move || {
        summary.with(|r| {
            r.as_ref()
                .map(|r| format!("simulation-{}", r.name))
                .unwrap_or_default()
        })
    });
    let offset = move || summary.with(|r| r.as_ref().map(|r| r.start).unwrap_or(0));
    // A long run's first day is shown before the whole is ready (the worker's preview).
    let previewing = move || summary.with(|r| r.as_ref().is_some_and(|r| !r.complete));

    view! {
        <Show
            when=is_batch
            fallback=|| view! { <p class="empty" data-testid="simulation-empty">"Pick a Job or CronJob to simulate."</p> }
        >
            <form
                class="player-form"
                data-testid="player-form"
                on:submit=move |e| {
                    e.prevent_default();
                    run();
                }
            >
                <label class="field">
                    <span>"Preset"</span>
                    <select
                        data-testid="sim-preset"
                        prop:value=move || chosen.get()
                        on:change:target=move |e| load_preset(&e.target().value())
                    >
                        {PRESETS
                            .iter()
                            .map(|preset| view! { <option value=preset.id>{preset.title}</option> })
                            .collect_view()}
                    </select>
                </label>
                <p class="hint" data-testid="sim-preset-note">
                    {move || preset(chosen.get()).map(|preset| preset.description).unwrap_or_default()}
                </p>
                <fieldset>
                    <legend>"Pods"</legend>
                    {field(form, "Run from (s)", "pod-run-min", |f| &f.run_min, |f, v| f.run_min = v)}
                    {field(form, "to (s)", "pod-run-max", |f| &f.run_max, |f, v| f.run_max = v)}
                    {field(form, "First attempts that fail", "pod-failing-attempts", |f| &f.failing_attempts, |f, v| f.failing_attempts = v)}
                    {field(form, "Indexes that always fail", "pod-failing-indexes", |f| &f.failing_indexes, |f, v| f.failing_indexes = v)}
                    {field(form, "Failing exit code", "pod-exit-code", |f| &f.exit_code, |f, v| f.exit_code = v)}
                    {field(form, "Evict the first pod at (s)", "pod-evict-at", |f| &f.evict_at, |f, v| f.evict_at = v)}
                    <label class="field check">
                        <input
                            type="checkbox"
                            data-testid="pod-ignore-sigterm"
                            prop:checked=move || form.with(|f| f.ignore_sigterm)
                            on:change:target=move |e| {
                                let checked = e.target().checked();
                                form.update(|f| f.ignore_sigterm = checked);
                            }
                        />
                        <span>"Pods ignore SIGTERM (killed, exit code 137, when the grace period ends)"</span>
                    </label>
                </fieldset>
                <fieldset>
                    <legend>"Cluster"</legend>
                    {field(form, "Simulate for (hours)", "sim-hours", |f| &f.hours, |f, v| f.hours = v)}
                    {field(form, "Suspend at (s)", "sim-suspend-at", |f| &f.suspend_at, |f, v| f.suspend_at = v)}
                    {field(form, "Resume at (s)", "sim-resume-at", |f| &f.resume_at, |f, v| f.resume_at = v)}
                    {field(form, "Controller outage at (s)", "sim-outage-at", |f| &f.outage_at, |f, v| f.outage_at = v)}
                    {field(form, "for (s)", "sim-outage-for", |f| &f.outage_for, |f, v| f.outage_for = v)}
                    {field(form, "Seed", "sim-seed", |f| &f.seed, |f, v| f.seed = v)}
                </fieldset>
                <button type="submit" class="primary" data-testid="sim-run">"Run simulation"</button>
                <p class="problem-text" role="alert" data-testid="sim-problem">{move || problem.get()}</p>
            </form>
            <Show when=move || progress.get().is_some()>
                <div class="progress">
                    <label>
                        <span>
                            {move || match progress.get() {
                                Some((Phase::Recording, _)) => "Preparing the playback…",
                                _ => "Simulating…",
                            }}
                        </span>
                        <progress
                            data-testid="sim-progress"
                            max="100"
                            value=move || format!("{:.0}", progress.get().map_or(0.0, |p| p.1) * 100.0)
                        ></progress>
                    </label>
                    <button type="button" data-testid="sim-stop" on:click=move |_| stop()>
                        "Stop"
                    </button>
                </div>
            </Show>
            // Until the first frame, an invisible frame like the Gantt chart's measures the room
            // it will have, so the run's frames are laid out at the right width from the first
            // one (a later re-layout redraws every bar at once).
            <Show when=move || frame.with(Option::is_none)>
                <div class="diagram measure" aria-hidden="true">
                    <SceneView scene=Signal::derive(|| Scene::new(1.0, 1.0, "")) testid="sim-gantt-measure" />
                </div>
            </Show>
            <Show when=move || summary.with(Option::is_some) && frame.with(Option::is_some)>
                <Show when=previewing>
                    <p class="hint" data-testid="sim-preview">
                        "The first day of the run, shown while the rest is simulated; playback starts when the whole run is ready."
                    </p>
                </Show>
                <div class="player-controls" role="group" aria-label="Playback">
                    <button
                        type="button"
                        data-testid="sim-play"
                        disabled=previewing
                        aria-pressed=move || playing.get().to_string()
                        on:click=move |_| {
                            if !playing.get_untracked() {
                                summary.with_untracked(|r| {
                                    if let Some(r) = r && time.get_untracked() >= r.shown_end {
                                        time.set(r.start);
                                    }
                                });
                            }
                            playing.update(|p| *p = !*p);
                        }
                    >
                        {move || if playing.get() { "Pause" } else { "Play" }}
                    </button>
                    <button type="button" data-testid="sim-step" disabled=previewing on:click=move |_| step()>
                        "Next event"
                    </button>
                    <label class="field">
                        <span>"Speed"</span>
                        <select
                            data-testid="sim-speed"
                            prop:value=move || speed.get().to_string()
                            on:change:target=move |e| speed.set(e.target().value().parse().unwrap_or(0))
                        >
                            <option value="0">"whole run in 30 s"</option>
                            <option value="10000">"10 s per second"</option>
                            <option value="60000">"1 min per second"</option>
                            <option value="600000">"10 min per second"</option>
                            <option value="3600000">"1 h per second"</option>
                        </select>
                    </label>
                    <label class="field scrubber">
                        <span>"Virtual time"</span>
                        <input
                            type="range"
                            min="0"
                            step="1"
                            data-testid="sim-time"
                            disabled=previewing
                            max=move || summary.with(|r| r.as_ref().map(|r| (r.shown_end - r.start) / 1000).unwrap_or(0).to_string())
                            prop:value=move || ((time.get() - offset()) / 1000).to_string()
                            aria-valuetext=move || at(time.get())
                            on:input:target=move |e| {
                                let seconds = e.target().value().parse::<i64>().unwrap_or(0);
                                summary.with_untracked(|r| {
                                    if let Some(r) = r {
                                        time.set((r.start + seconds * 1000).min(r.shown_end));
                                    }
                                });
                            }
                        />
                        <output data-testid="sim-clock">
                            {move || format!("{} (+{})", at(time.get()), human_seconds((time.get() - offset()) / 1000))}
                        </output>
                    </label>
                </div>
                {move || summary.with(|r| r.as_ref().filter(|r| r.complete).map(|r| summary_view(r, frame)))}
                <ZoomControls zoom=zoom id="sim" label="Zoom the simulation's time axis (also + − Shift+arrows 0 on the chart)" whole="Whole run" />
                <div class="diagram" tabindex="0" role="group" on:keydown=on_key
                    aria-label="Simulation Gantt chart: + and − zoom, Shift+arrows move in time (scrolls sideways when wider than the pane)">
                    <SceneView scene=gantt testid="sim-gantt" />
                </div>
                <p class="legend">
                    <span class="key"><span class="swatch p-pending"></span>"pending"</span>
                    <span class="key"><span class="swatch p-run"></span>"running"</span>
                    <span class="key"><span class="swatch p-succeeded"></span>"succeeded"</span>
                    <span class="key"><span class="swatch failed-end p-failed"></span>"failed (dark end)"</span>
                    <span class="key"><span class="swatch p-terminated"></span>"deleted"</span>
                </p>
                <Exports scene=gantt stem=stem testid="sim-export" />
                {pods_view(frame)}
                {move || summary.with(|r| r.as_ref().filter(|r| r.complete).map(|r| charts_view(r, frame)))}
                {events_view(frame)}
                <EmbedSnippet view="simulation" />
            </Show>
        </Show>
    }
    .into_any()
}

// The player's tables follow the frame through memos of their own rows and keyed rows: a frame
// arrives twenty times a second during playback, and rebuilding every row each time cost most of
// the main thread's frame budget.

fn summary_view(rec: &Summary, frame: RwSignal<Option<Frame>>) -> AnyView {
    let (kind, name) = (rec.kind.clone(), rec.name.clone());
    let line = Memo::new(move |_| {
        frame.with(|f| {
            let Some(frame) = f else { return String::new() };
            format!(
                "{kind} {name} · pods pending {}, running {}, succeeded {}, failed or deleted {} · {} events so far{}",
                frame.pods_pending,
                frame.pods_running,
                frame.pods_succeeded,
                frame.pods_failed,
                frame.events_so_far,
                match frame.alerts_firing_total {
                    0 => String::new(),
                    n if n > frame.alerts_firing.len() => format!(
                        " · firing: {} and {} more",
                        frame.alerts_firing.join(", "),
                        n - frame.alerts_firing.len()
                    ),
                    _ => format!(" · firing: {}", frame.alerts_firing.join(", ")),
                }
            )
        })
    });
    let jobs =
        Memo::new(move |_| frame.with(|f| f.as_ref().map(|f| f.jobs.clone()).unwrap_or_default()));
    let conclusions = rec
        .conclusions
        .iter()
        .map(|sentence| view! { <li>{sentence.clone()}</li> })
        .collect_view();
    view! {
        <ul class="conclusions" data-testid="sim-conclusions">{conclusions}</ul>
        <p class="view-summary" data-testid="sim-summary">{move || line.get()}</p>
        {(!rec.notes.is_empty())
            .then(|| {
                view! {
                    <ul class="notice" role="note" data-testid="sim-notes">
                        {rec.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                    </ul>
                }
            })}
        <table class="data-table" data-testid="sim-jobs">
            <caption>{format!("Jobs at this time (newest first, up to {})", jobscope_analysis::MAX_FRAME_JOBS)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Job"</th>
                    <th scope="col">"Active"</th>
                    <th scope="col">"Ready"</th>
                    <th scope="col">"Terminating"</th>
                    <th scope="col">"Succeeded"</th>
                    <th scope="col">"Failed"</th>
                    <th scope="col">"Conditions"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || jobs.get() key=|job| job.clone() let:job>
                    <tr data-testid="sim-job">
                        <th scope="row">{job.name.clone()}</th>
                        <td data-testid="sim-active">{job.active}</td>
                        <td>{job.ready}</td>
                        <td>{job.terminating}</td>
                        <td data-testid="sim-succeeded">{job.succeeded}</td>
                        <td data-testid="sim-failed">{job.failed}</td>
                        <td data-testid="sim-conditions">{if job.conditions.is_empty() { "—".to_owned() } else { job.conditions.clone() }}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}

/// The Gantt chart as a table: the pods that exist at the frame's time, the latest first.
fn pods_view(frame: RwSignal<Option<Frame>>) -> AnyView {
    let pods =
        Memo::new(move |_| frame.with(|f| f.as_ref().map(|f| f.pods.clone()).unwrap_or_default()));
    let existing = Memo::new(move |_| frame.with(|f| f.as_ref().map_or(0, |f| f.pods_existing)));
    view! {
        <details class="pods-table">
            <summary>{move || format!("Pods at this time ({}; the chart as a table)", existing.get())}</summary>
            <table class="data-table" data-testid="sim-pods">
                <caption>{format!("The latest {} pods", jobscope_analysis::MAX_FRAME_PODS)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Pod"</th>
                        <th scope="col">"Index"</th>
                        <th scope="col">"Attempt"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Exit code"</th>
                        <th scope="col">"Restarts"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || pods.get() key=|pod| pod.clone() let:pod>
                        <tr data-testid="sim-pod">
                            <td>{pod.name.clone()}</td>
                            <td>{pod.index.map(|i| i.to_string()).unwrap_or_else(|| "—".to_owned())}</td>
                            <td>{pod.attempt}</td>
                            <td>{pod.state.as_str()}</td>
                            <td>
                                {match pod.state {
                                    PodState::Failed | PodState::Terminated => {
                                        pod.exit_code.map(|c| c.to_string()).unwrap_or_default()
                                    }
                                    _ => String::new(),
                                }}
                            </td>
                            <td>{pod.restarts}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </details>
    }
    .into_any()
}

/// kubectl's short ages: `45s`, `12m`, `3h`, `2d`.
fn age(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    match s {
        s if s < 120 => format!("{s}s"),
        s if s < 2 * 3600 => format!("{}m", s / 60),
        s if s < 2 * 86_400 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    }
}

fn events_view(frame: RwSignal<Option<Frame>>) -> AnyView {
    let now = Memo::new(move |_| frame.with(|f| f.as_ref().map_or(0, |f| f.time)));
    let events = Memo::new(move |_| {
        frame.with(|f| f.as_ref().map(|f| f.events.clone()).unwrap_or_default())
    });
    let caption = Memo::new(move |_| {
        frame.with(|f| {
            f.as_ref().map_or(String::new(), |f| {
                format!(
                    "Events (the last {} of {} so far, as kubectl describe lists them)",
                    f.events.len(),
                    f.events_so_far
                )
            })
        })
    });
    view! {
        <table class="data-table events" data-testid="sim-events">
            <caption>{move || caption.get()}</caption>
            <thead>
                <tr>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Reason"</th>
                    <th scope="col">"Age"</th>
                    <th scope="col">"From"</th>
                    <th scope="col">"Object"</th>
                    <th scope="col">"Message"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || events.get() key=|e| e.clone() let:e>
                    <tr data-testid="sim-event">
                        <td>{if e.warning { "Warning" } else { "Normal" }}</td>
                        <td>{e.reason.clone()}</td>
                        <td>{move || age(now.get() - e.time)}</td>
                        <td>{e.from.clone()}</td>
                        <td>{e.object.clone()}</td>
                        <td>{e.message.clone()}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}

fn charts_view(rec: &Summary, frame: RwSignal<Option<Frame>>) -> AnyView {
    let count = frame.with_untracked(|f| f.as_ref().map_or(0, |f| f.charts.len()));
    let charts = (0..count)
        .map(|n| {
            let scene = Signal::derive(move || {
                frame.with(|f| {
                    f.as_ref()
                        .and_then(|f| f.charts.get(n).cloned())
                        .unwrap_or_else(|| Scene::new(1.0, 1.0, ""))
                })
            });
            view! {
                <div
                    class="diagram chart"
                    tabindex="0"
                    role="group"
                    aria-label=move || scene.with(|s| format!("{} (scrolls sideways when wider than the pane)", s.title))
                >
                    <SceneView scene=scene testid="sim-chart" />
                </div>
            }
        })
        .collect_view();
    let alerts = rec
        .alerts
        .iter()
        .map(|a| {
            view! {
                <tr data-testid="sim-alert">
                    <td title=a.expr.clone()>{a.rule.clone()}</td>
                    <td>{a.subject.clone()}</td>
                    <td>{at(a.pending)}</td>
                    <td>{at(a.firing)}</td>
                    <td>{a.resolved.map(at).unwrap_or_else(|| "still firing".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 class="view-heading">"kube-state-metrics"</h3>
        {charts}
        <table class="data-table" data-testid="sim-alerts">
            <caption>
                "Alert rules of the example PrometheusRule (KubernetesJobFailed, KubernetesJobRunningTooLong, CronJobNotScheduled, CronJobSuspended) over this run"
                {(rec.alerts_total > rec.alerts.len()).then(|| format!(
                    ": the first {} of {} alerts",
                    rec.alerts.len(),
                    rec.alerts_total
                ))}
            </caption>
            <thead>
                <tr>
                    <th scope="col">"Alert"</th>
                    <th scope="col">"For"</th>
                    <th scope="col">"Pending from"</th>
                    <th scope="col">"Firing from"</th>
                    <th scope="col">"Resolved"</th>
                </tr>
            </thead>
            <tbody>{alerts}</tbody>
        </table>
    }
    .into_any()
}

//! The Schedule tab (CronJobs): the schedule in words, its warnings, the next runs in
//! `spec.timeZone` and in the viewer's zone side by side, and the "why didn't it run?" form,
//! which replays one sync of the CronJob controller. The data comes from the façade
//! (`schedule_view`, `why_not_run`): the same answers as `jobscope explain`, `next` and `missed`.

use leptos::prelude::*;

use super::page::Page;
use super::tab::Tab;
use jobscope_analysis::{DocumentStatus, WhyInput, instant_text, schedule_view, why_not_run};

pub const TAB: Tab = Tab {
    id: "schedule",
    title,
    panel,
};

fn title(_: Page) -> AnyView {
    view! { "Schedule" }.into_any()
}

fn panel(page: Page) -> AnyView {
    let view_now = move || {
        let index = page.document();
        let zone = page.viewer_zone.get_value();
        page.analysis.with(|analysis| {
            let report = analysis.documents.get(index)?;
            match report.status {
                DocumentStatus::CronJob => Some(Ok(schedule_view(report, page.now, &zone))),
                DocumentStatus::Job => Some(Err("This document is a Job: it runs once, when it is created. Schedules belong to CronJobs.")),
                _ => Some(Err("No CronJob here: pick or write a CronJob to see its schedule.")),
            }
        })
    };
    let schedule = Memo::new(move |_| view_now());
    view! {
        <div class="schedule" data-testid="schedule">
            {move || match schedule.get() {
                None => view! { <p class="empty">"No document."</p> }.into_any(),
                Some(Err(message)) => view! { <p class="empty">{message}</p> }.into_any(),
                Some(Ok(None)) => view! { <p class="empty">"This CronJob has no schedule yet: write spec.schedule."</p> }.into_any(),
                Some(Ok(Some(view))) => {
                    let viewer = view.viewer_zone.clone();
                    let zone = view.zone.clone();
                    view! {
                        <h3 class="schedule-summary" data-testid="schedule-summary">
                            {view.summary.clone().unwrap_or_else(|| format!("`{}`", view.schedule))}
                        </h3>
                        <p class="schedule-zone">
                            {format!("Runs in {} (from {}). Your time zone: {}.", view.zone, view.zone_source, view.viewer_zone)}
                        </p>
                        {view.suspended.then(|| view! {
                            <p class="callout warning">"spec.suspend is true: the controller creates no Jobs until it is set to false."</p>
                        })}
                        {view.error.clone().map(|(message, help)| view! {
                            <div class="callout error" data-testid="schedule-error">
                                <p>{message}</p>
                                {help.map(|help| view! { <p class="help">{help}</p> })}
                            </div>
                        })}
                        {(!view.apiserver_errors.is_empty()).then(|| view! {
                            <ul class="callout error">
                                {view.apiserver_errors.iter().map(|e| view! { <li>{format!("apiserver: {e}")}</li> }).collect_view()}
                            </ul>
                        })}
                        {(!view.warnings.is_empty()).then(|| view! {
                            <h4>"Warnings"</h4>
                            <ul class="schedule-warnings" data-testid="schedule-warnings">
                                {view.warnings.iter().map(|(code, message)| view! {
                                    <li><span class="code">{*code}</span>" "{message.clone()}</li>
                                }).collect_view()}
                            </ul>
                        })}
                        {(!view.fields.is_empty()).then(|| view! {
                            <table class="fields">
                                <caption>"The five fields"</caption>
                                <thead><tr><th scope="col">"Field"</th><th scope="col">"Written"</th><th scope="col">"Means"</th><th scope="col">"Allowed"</th></tr></thead>
                                <tbody>
                                    {view.fields.iter().map(|f| view! {
                                        <tr><th scope="row">{f.field}</th><td><code>{f.text.clone()}</code></td><td>{f.meaning.clone()}</td><td>{f.allowed}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(!view.runs.is_empty()).then(|| view! {
                            <table class="runs" data-testid="next-runs">
                                <caption>{format!("The next {} runs", view.runs.len())}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"#"</th>
                                        <th scope="col">{format!("In {zone}")}</th>
                                        <th scope="col">{format!("In your zone ({viewer})")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {view.runs.iter().enumerate().map(|(i, run)| view! {
                                        <tr>
                                            <td>{i + 1}</td>
                                            <td><time datetime=run.rfc3339.clone()>{run.in_zone.clone()}</time></td>
                                            <td>{run.in_viewer.clone()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {view.runs_end.clone().map(|end| view! { <p class="callout warning">{end}</p> })}
                        <WhyForm />
                    }
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// "Why didn't it run?": lastScheduleTime (or a pasted status), the creation time, and now.
#[component]
fn WhyForm() -> impl IntoView {
    let page = expect_context::<Page>();
    let last = RwSignal::new(String::new());
    let created = RwSignal::new(String::new());
    let now = RwSignal::new(instant_text(page.now));
    let pasted = RwSignal::new(String::new());
    let answer = RwSignal::new(None);
    let decide = move || {
        let input = WhyInput {
            created: created.get_untracked(),
            last_schedule: last.get_untracked(),
            now: now.get_untracked(),
            pasted: pasted.get_untracked(),
        };
        let index = page.document();
        let zone = page.viewer_zone.get_value();
        let result = page.analysis.with_untracked(|analysis| {
            let report = analysis.documents.get(index)?;
            let view = schedule_view(report, page.now, &zone)?;
            Some(why_not_run(&view, &input))
        });
        answer.set(Some(
            result.unwrap_or_else(|| Err("No CronJob to ask about.".to_owned())),
        ));
    };
    let input =
        |label: &'static str, id: &'static str, hint: &'static str, value: RwSignal<String>| {
            view! {
                <label class="form-field" for=id>
                    <span>{label}</span>
                    <input
                        id=id
                        type="text"
                        data-testid=id
                        placeholder=hint
                        spellcheck="false"
                        prop:value=move || value.get()
                        on:input:target=move |event| value.set(event.target().value())
                    />
                </label>
            }
        };
    view! {
        <form
            class="why"
            data-testid="why-form"
            on:submit=move |event| {
                event.prevent_default();
                decide();
            }
        >
            <h4>"Why didn't it run?"</h4>
            <p class="hint">
                "Give the CronJob's status.lastScheduleTime (or its creation time if it never ran) and the moment to look at; "
                "jobscope replays what the CronJob controller decides at that moment."
            </p>
            {input("status.lastScheduleTime", "why-last", "2026-03-06T07:00:00Z", last)}
            {input("metadata.creationTimestamp", "why-created", "only needed if it never ran", created)}
            {input("Now", "why-now", "2026-03-06T07:10:00Z", now)}
            <label class="form-field" for="why-pasted">
                <span>"Or paste `kubectl get cronjob NAME -o yaml` (fills the empty fields)"</span>
                <textarea
                    id="why-pasted"
                    data-testid="why-pasted"
                    rows="3"
                    spellcheck="false"
                    prop:value=move || pasted.get()
                    on:input:target=move |event| pasted.set(event.target().value())
                ></textarea>
            </label>
            <button type="submit" data-testid="why-submit">"Explain the controller's decision"</button>
            <div class="why-answer" aria-live="polite" data-testid="why-answer">
                {move || answer.get().map(|result: Result<jobscope_analysis::WhyReport, String>| match result {
                    Err(message) => view! { <p class="callout error">{message}</p> }.into_any(),
                    Ok(report) => view! {
                        <p class="verdict" data-testid="why-verdict">{report.verdict.clone()}</p>
                        <dl class="why-details">
                            {report.most_recent.clone().map(|t| view! { <dt>"Most recent unmet run"</dt><dd>{t}</dd> })}
                            <dt>"Missed runs"</dt><dd>{report.missed}</dd>
                            {report.next_sync.clone().map(|t| view! { <dt>"Looks again at"</dt><dd>{t}</dd> })}
                            {report.inputs.iter().map(|(k, v)| view! { <dt>{*k}</dt><dd>{v.clone()}</dd> }).collect_view()}
                        </dl>
                        {(!report.events.is_empty()).then(|| view! {
                            <h5>"Events the controller records"</h5>
                            <ul class="events">
                                {report.events.iter().map(|e| view! {
                                    <li>
                                        <span class=if e.warning { "event warning" } else { "event normal" }>
                                            {if e.warning { "Warning" } else { "Normal" }}
                                        </span>
                                        " " <strong>{e.reason}</strong> ": " {e.message.clone()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                        <ul class="notes">
                            {report.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </div>
        </form>
    }
}

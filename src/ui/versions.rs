//! "Differs between Kubernetes versions": for the current text, the places whose findings are
//! not the same in every supported version, version range by version range (the table
//! `jobscope validate --all-versions` prints, from the same `VersionComparer`). Six analyses
//! of the text, so they run when the user opens the section or asks again, never on every
//! keystroke, one version per frame with the progress said; a table made for an older text (or
//! other options) says so. The shown Job or CronJob is also simulated in every version by the
//! worker, with the Simulation tab's last settings (or its defaults): where the outcomes are
//! not the same, they are a row of the same table.

use leptos::prelude::*;

use jobscope_analysis::worker::{Request, Response};
use jobscope_analysis::{
    DocumentStatus, InOrder, KubernetesVersion, OUTCOME_CODE, OUTCOME_FIELD, Options, PlayerInput,
    Severity, SimulatedOutcomes, VersionComparer, VersionDifference, line_col, version_range_name,
};

use super::page::Page;
use super::worker::Channel;

/// Where the simulated outcomes are (one signal: each signal type adds code to the page).
#[derive(Clone, Debug, Default, PartialEq)]
enum Simulated {
    /// Not asked for, or the document is not a Job or CronJob.
    #[default]
    Nothing,
    /// The worker runs them: this many versions are done.
    Running(usize),
    Done(SimulatedOutcomes),
    Failed(String),
}

/// What a table was made from: the editor's change count and the options.
type Basis = (u32, Options);

/// What the live region says once part of a comparison is done: the findings' count (once the
/// findings are done) and the outcomes (once they are), so neither answer hides the other.
fn announce(page: Page, findings: Option<usize>, simulated: &Simulated) {
    let mut said = match findings {
        None => String::new(),
        Some(0) => {
            "The apiserver of every version from v1.32 to v1.37 says the same about this text."
                .to_owned()
        }
        Some(1) => "One place differs between Kubernetes versions.".to_owned(),
        Some(n) => format!("{n} places differ between Kubernetes versions."),
    };
    let outcome = match simulated {
        Simulated::Done(o) if o.difference().is_some() => {
            "The simulated outcome differs between versions."
        }
        Simulated::Done(o) if o.simulated_anywhere() => {
            "The simulated outcome is the same in every version."
        }
        _ => "",
    };
    if !said.is_empty() && !outcome.is_empty() {
        said.push(' ');
    }
    said.push_str(outcome);
    if !said.is_empty() {
        page.say(said);
    }
}

#[component]
pub fn VersionDifferences() -> impl IntoView {
    let page = expect_context::<Page>();
    let table: RwSignal<Option<(Basis, Vec<VersionDifference>)>> = RwSignal::new(None);
    // The version being analysed (1 to 6) while a comparison runs.
    let busy = RwSignal::new(None::<usize>);
    let simulated = RwSignal::new(Simulated::Nothing);
    // Whether the outcomes use the Simulation tab's last settings (else its defaults).
    let from_tab = StoredValue::new(false);
    let latest = StoredValue::new(0u32);
    let worker = page.worker;
    let running = move || matches!(simulated.get_untracked(), Simulated::Running(_));
    worker.listen(Channel::Versions, move |response| match response {
        Response::OutcomesProgress { id, done } if id == latest.get_value() => {
            simulated.try_set(Simulated::Running(done));
        }
        Response::Outcomes { id, result } if id == latest.get_value() => {
            let outcome = result.map_or(Simulated::Nothing, Simulated::Done);
            // The findings' count too, when they finished first.
            let findings = busy
                .get_untracked()
                .is_none()
                .then(|| table.with_untracked(|t| t.as_ref().map(|(_, d)| d.len())))
                .flatten();
            announce(page, findings, &outcome);
            simulated.try_set(outcome);
        }
        // `Failed` comes here only when the worker crashed or could not load (every panel
        // hears that); a request's own failure goes to the Simulation tab.
        Response::Failed(message) if running() => {
            simulated.try_set(Simulated::Failed(message));
        }
        _ => {}
    });
    // Stop in the Simulation tab ends the worker, and any outcomes it was simulating.
    Effect::new(move |previous: Option<u32>| {
        let generation = worker.generation.get();
        if previous.is_some_and(|p| p != generation) && running() {
            simulated.set(Simulated::Failed(
                "The simulation was stopped before every version ran; compare again.".to_owned(),
            ));
        }
        generation
    });
    let simulate_outcomes = move || {
        let shown = page.document_untracked();
        // The worker names documents as the analysis reports them, not by their place in it.
        let found = page.analysis.with_untracked(|a| {
            a.documents
                .get(shown)
                .map(|d| ((d.index, d.item), d.status))
        });
        let Some((document, kind @ (DocumentStatus::Job | DocumentStatus::CronJob))) = found else {
            simulated.set(Simulated::Nothing);
            return;
        };
        let cronjob = kind == DocumentStatus::CronJob;
        // A Job's settings (an hour, its pods) say little of a CronJob's day, and back.
        let last_run = page
            .last_run
            .get_untracked()
            .filter(|(was_cronjob, _)| *was_cronjob == cronjob);
        from_tab.set_value(last_run.is_some());
        let input = last_run.map_or_else(|| PlayerInput::for_kind(cronjob, page.now), |(_, i)| i);
        let id = latest.get_value().wrapping_add(1);
        latest.set_value(id);
        simulated.set(Simulated::Running(0));
        worker.send(&Request::Outcomes {
            id,
            text: page.source.get_untracked(),
            document,
            options: page.options_untracked(),
            input,
        });
    };
    // The outcomes' row, when they differ between versions.
    let outcome_row = move || {
        simulated.with(|s| match s {
            Simulated::Done(outcomes) => outcomes.difference(),
            _ => None,
        })
    };
    let compare = move || {
        if busy.get_untracked().is_some() {
            return;
        }
        simulate_outcomes();
        let basis: Basis = (page.version.get_untracked(), page.options_untracked());
        let text = page.source.get_untracked();
        let comparer = StoredValue::new_local(Some(VersionComparer::new()));
        // One version per frame: each step is one analysis, as one keystroke costs.
        fn step(
            n: usize,
            page: Page,
            text: String,
            basis: Basis,
            comparer: StoredValue<Option<VersionComparer>, LocalStorage>,
            busy: RwSignal<Option<usize>>,
            table: RwSignal<Option<(Basis, Vec<VersionDifference>)>>,
            simulated: RwSignal<Simulated>,
        ) {
            let Some(&version) = KubernetesVersion::ALL.get(n) else {
                let Some(comparer) = comparer.try_update_value(Option::take).flatten() else {
                    return;
                };
                let differences = comparer.finish().differences;
                simulated.with_untracked(|s| announce(page, Some(differences.len()), s));
                busy.try_set(None);
                table.try_set(Some((basis, differences)));
                return;
            };
            busy.try_set(Some(n + 1));
            comparer.update_value(|c| {
                if let Some(c) = c {
                    c.add(version, &text, &basis.1, &InOrder);
                }
            });
            request_animation_frame(move || {
                step(n + 1, page, text, basis, comparer, busy, table, simulated)
            });
        }
        busy.set(Some(0));
        page.say("Comparing the Kubernetes versions…");
        request_animation_frame(move || {
            step(0, page, text, basis, comparer, busy, table, simulated)
        });
    };
    // A memo: the table itself is not redrawn on every keystroke, only what says it is stale.
    let stale = Memo::new(move |_| {
        table.with(|t| {
            t.as_ref().is_some_and(|((version, options), _)| {
                *version != page.version.get() || options.client != page.client.get()
            })
        })
    });
    let groups = move || {
        let text = page.source.get_untracked();
        let outcome_row = outcome_row();
        table.with(|t| {
            let Some((_, differences)) = t else {
                return Vec::new();
            };
            differences
                .iter()
                .chain(outcome_row.as_ref())
                .map(|difference| {
                    let (line, column) = line_col(&text, difference.span.start);
                    let (from, to) = (difference.span.start, difference.span.end);
                    let ranges = difference.ranges();
                    let span = ranges.len();
                    let rows = ranges
                        .into_iter()
                        .enumerate()
                        .map(|(n, (first, last, said))| {
                            let versions = version_range_name(first, last);
                            let place = (n == 0).then(|| {
                                view! {
                                    <th scope="rowgroup" rowspan=span>
                                        <button
                                            type="button"
                                            class="go-to"
                                            title="Show in the editor"
                                            disabled=move || stale.get()
                                            on:click=move |_| page.reveal(from, to)
                                        >
                                            {format!("Line {line}, column {column}")}
                                        </button>
                                        {if difference.field == OUTCOME_FIELD {
                                            view! { <span class="outcome-place">{OUTCOME_FIELD}</span> }.into_any()
                                        } else {
                                            view! { <code class="field-path">{difference.field.clone()}</code> }.into_any()
                                        }}
                                    </th>
                                }
                            });
                            let what = if said.is_empty() {
                                view! { <td class="muted">"Nothing to report"</td> }.into_any()
                            } else {
                                let items = said
                                    .iter()
                                    .map(|said| {
                                        let (class, label) = match said.severity {
                                            _ if said.code == OUTCOME_CODE => {
                                                ("outcome", "Outcome")
                                            }
                                            Severity::Error => ("error", "Error"),
                                            Severity::Warning => ("warning", "Warning"),
                                            Severity::Info => ("info", "Note"),
                                        };
                                        let message = said.message_for(first, last);
                                        view! {
                                            <p class=format!("said {class}")>
                                                <span class="severity">{label}</span>" "
                                                <span class="message">{message}</span>
                                            </p>
                                        }
                                    })
                                    .collect_view();
                                view! { <td>{items}</td> }.into_any()
                            };
                            view! {
                                <tr data-testid="version-difference">
                                    {place}
                                    <td class="versions">{versions}</td>
                                    {what}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! { <tbody>{rows}</tbody> }
                })
                .collect_view()
        })
    };
    view! {
        <details
            class="version-differences"
            data-testid="version-differences"
            on:toggle:target=move |event| {
                if event.target().open() && table.with_untracked(Option::is_none) {
                    compare();
                }
            }
        >
            <summary>"Differs between Kubernetes versions"</summary>
            <p class="muted">
                "What the apiserver of each version from v1.32 to v1.37 says differently about this text (fields dropped or unknown, rules a feature gate changes), and how the shown Job or CronJob ends when each version's controllers run it. "
                <button
                    type="button"
                    data-testid="compare-versions"
                    disabled=move || busy.get().is_some()
                    on:click=move |_| compare()
                >
                    "Compare again"
                </button>
                <span role="status" aria-live="polite">
                    {move || {
                        busy.get()
                            .map(|n| {
                                format!(" Comparing… {} of {}", n, KubernetesVersion::ALL.len())
                            })
                    }}
                    {move || {
                        simulated
                            .with(|s| match s {
                                Simulated::Running(n) => Some(*n),
                                _ => None,
                            })
                            .map(|n| {
                                format!(
                                    " Simulating each version… {} of {}",
                                    n,
                                    KubernetesVersion::ALL.len(),
                                )
                            })
                    }}
                    {move || stale.get().then_some(" The text or the client changed since this table was made.")}
                </span>
            </p>
            <p class="muted" data-testid="outcome-note">
                {move || {
                    simulated
                        .with(|s| match s {
                            Simulated::Nothing | Simulated::Running(_) => None,
                            Simulated::Failed(message) => Some(message.clone()),
                            Simulated::Done(outcomes) if !outcomes.simulated_anywhere() => {
                                Some(
                                    "No version simulates this document: each refuses it (see its findings)."
                                        .to_owned(),
                                )
                            }
                            Simulated::Done(outcomes) => {
                                let settings = if from_tab.get_value() {
                                    "the Simulation tab's last settings"
                                } else {
                                    "the Simulation tab's default settings"
                                };
                                Some(if outcomes.difference().is_some() {
                                    format!(
                                        "The simulated outcome differs between versions (simulated with {settings}): see its row."
                                    )
                                } else {
                                    format!(
                                        "The simulated outcome is the same in every version (simulated with {settings})."
                                    )
                                })
                            }
                        })
                }}
            </p>
            <Show
                when=move || {
                    // The outcome's row waits for the findings' table it is a part of.
                    table
                        .with(|t| {
                            t.as_ref().map(|(_, d)| !d.is_empty())
                        })
                        .is_some_and(|findings| findings || outcome_row().is_some())
                }
                fallback=move || {
                    table
                        .with(Option::is_some)
                        .then(|| view! { <p data-testid="versions-same">"Every supported version reports the same."</p> })
                }
            >
                <div class="table-scroll" tabindex="0" role="group" aria-label="Findings by Kubernetes version (scrolls sideways when wider than the pane)">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Where"</th>
                                <th scope="col">"Versions"</th>
                                <th scope="col">"What the apiserver or the simulation says"</th>
                            </tr>
                        </thead>
                        {groups}
                    </table>
                </div>
            </Show>
        </details>
    }
}

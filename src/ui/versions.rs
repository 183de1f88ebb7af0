//! "Differs between Kubernetes versions": for the current text, the findings that are not the
//! same in every supported version, version range by version range (the table
//! `jobscope validate --all-versions` prints, from the same `version_differences`). Six
//! analyses of the text, so they run when the user opens the section or asks again, never on
//! every keystroke; a table computed for an older text says so.

use leptos::prelude::*;

use jobscope_analysis::{KubernetesVersion, Severity, VersionDifference, version_differences};

use super::page::Page;

/// "v1.32–v1.34", or one name.
fn range_name(first: KubernetesVersion, last: KubernetesVersion) -> String {
    if first == last {
        first.name().to_owned()
    } else {
        format!("{first}–{last}")
    }
}

#[component]
pub fn VersionDifferences() -> impl IntoView {
    let page = expect_context::<Page>();
    // The differences and the editor change count they were computed for.
    let table: RwSignal<Option<(u32, Vec<VersionDifference>)>> = RwSignal::new(None);
    let compare = move || {
        let options = page.options_untracked();
        let differences = page
            .source
            .with_untracked(|text| version_differences(text, &options));
        let count = differences.len();
        table.set(Some((page.version.get_untracked(), differences)));
        page.say(match count {
            0 => "Every Kubernetes version from v1.32 to v1.37 reports the same.".to_owned(),
            1 => "One finding differs between Kubernetes versions.".to_owned(),
            n => format!("{n} findings differ between Kubernetes versions."),
        });
    };
    let stale = move || {
        table.with(|t| {
            t.as_ref()
                .is_some_and(|(version, _)| *version != page.version.get())
        })
    };
    let rows = move || {
        let text = page.source.get_untracked();
        table.with(|t| {
            let Some((_, differences)) = t else {
                return Vec::new();
            };
            differences
                .iter()
                .map(|difference| {
                    let (line, column) = jobscope_analysis::line_col(&text, difference.span.start);
                    let (from, to) = (difference.span.start, difference.span.end);
                    let ranges = difference.ranges();
                    let span = ranges.len();
                    ranges
                        .into_iter()
                        .enumerate()
                        .map(|(n, (first, last, said))| {
                            let versions = range_name(first, last);
                            let place = (n == 0).then(|| {
                                view! {
                                    <th scope="rowgroup" rowspan=span>
                                        <button type="button" class="go-to" title="Show in the editor" on:click=move |_| page.reveal(from, to)>
                                            {format!("Line {line}, column {column}")}
                                        </button>
                                        <code class="field-path">{difference.field.clone()}</code>
                                    </th>
                                }
                            });
                            let what = match said {
                                Some(said) => {
                                    let (class, label) = match said.severity {
                                        Severity::Error => ("error", "Error"),
                                        Severity::Warning => ("warning", "Warning"),
                                        Severity::Info => ("info", "Note"),
                                    };
                                    // A message naming its version names the range it stands for.
                                    let message = said.message.replace(first.name(), &versions);
                                    view! {
                                        <td class=format!("said {class}")>
                                            <span class="severity">{label}</span>" "
                                            <span class="message">{message}</span>
                                        </td>
                                    }
                                    .into_any()
                                }
                                None => view! { <td class="muted">"Nothing to report"</td> }.into_any(),
                            };
                            view! {
                                <tr data-testid="version-difference">
                                    {place}
                                    <td class="versions">{versions}</td>
                                    {what}
                                </tr>
                            }
                        })
                        .collect_view()
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
                "What the apiserver of each version from v1.32 to v1.37 says differently about this text (fields dropped or unknown, rules a feature gate changes). "
                <button type="button" data-testid="compare-versions" on:click=move |_| compare()>
                    "Compare again"
                </button>
                <Show when=stale>
                    " "<span class="notice-inline">"The text changed since this table was made."</span>
                </Show>
            </p>
            <Show
                when=move || table.with(|t| t.as_ref().is_some_and(|(_, d)| !d.is_empty()))
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
                                <th scope="col">"What the apiserver says"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}

//! The Problems tab: every diagnostic of the file with its severity, line, field path and
//! message; activating one moves the editor's cursor there; quick fixes and, for lint findings,
//! the rule's documentation on demand. The tab's title carries the counts.

use leptos::prelude::*;

use super::page::Page;
use super::tab::Tab;
use jobscope_analysis::Severity;
use jobscope_analysis::{line_col, presets_for_rule, quick_fixes, rule_docs};

pub const TAB: Tab = Tab {
    id: "problems",
    title,
    panel,
};

fn title(page: Page) -> AnyView {
    let counts = move || {
        page.analysis.with(|a| {
            (
                a.count(Severity::Error),
                a.count(Severity::Warning),
                a.count(Severity::Info),
            )
        })
    };
    let badge = move |pick: fn((usize, usize, usize)) -> usize,
                      class: &'static str,
                      one: &'static str,
                      many: &'static str| {
        move || {
            let n = pick(counts());
            (n > 0).then(|| {
                view! {
                    <span class=format!("count {class}") aria-label=format!("{n} {}", if n == 1 { one } else { many })>
                        {n}
                    </span>
                }
            })
        }
    };
    view! {
        "Problems"
        <span class="counts" data-testid="problem-counts">
            {badge(|c| c.0, "error", "error", "errors")}
            {badge(|c| c.1, "warning", "warning", "warnings")}
            {badge(|c| c.2, "info", "note", "notes")}
        </span>
    }
    .into_any()
}

fn panel(page: Page) -> AnyView {
    view! {
        <div class="problems">
            {move || {
                let text = page.source.get();
                page.analysis.with(|analysis| {
                    let diagnostics = analysis.diagnostics();
                    if diagnostics.is_empty() {
                        return view! {
                            <p class="empty" data-testid="no-problems">
                                "No problems: the apiserver would accept this, and lint has no advice."
                            </p>
                        }
                        .into_any();
                    }
                    let many_documents = analysis.documents.len() > 1;
                    let rows = diagnostics
                        .into_iter()
                        .map(|d| {
                            let (line, column) = line_col(&text, d.span.start);
                            let (from, to) = (d.span.start, d.span.end);
                            let document_index = analysis
                                .documents
                                .iter()
                                .find(|doc| doc.span.start <= from && from <= doc.span.end)
                                .map(|doc| doc.index);
                            let document = document_index.map(|index| index + 1);
                            let fixes = quick_fixes(&text, d);
                            let severity = d.severity.as_str();
                            let label = match d.severity {
                                Severity::Error => "Error",
                                Severity::Warning => "Warning",
                                Severity::Info => "Note",
                            };
                            let docs = rule_docs(d.code);
                            let fix_text = text.clone();
                            view! {
                                <li class=format!("problem {severity}") data-testid="problem" data-line=line data-code=d.code>
                                    <button
                                        type="button"
                                        class="problem-go"
                                        data-testid="problem-go"
                                        on:click=move |_| page.reveal(from, to)
                                    >
                                        <span class="severity">{label}</span>
                                        <span class="where">
                                            {format!("Line {line}, column {column}")}
                                            {(many_documents && document.is_some()).then(|| format!(" · document {}", document.unwrap_or(1)))}
                                        </span>
                                        {(!d.field.is_empty()).then(|| view! { <code class="field-path">{d.field.clone()}</code> })}
                                        <span class="message">{d.message.clone()}</span>
                                    </button>
                                    {d.help.clone().map(|help| view! { <p class="help">{help}</p> })}
                                    <div class="problem-actions">
                                        {fixes
                                            .into_iter()
                                            .map(|fix| {
                                                let fix_title = fix.title.clone();
                                                let text = fix_text.clone();
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="fix"
                                                        data-testid="problem-fix"
                                                        on:click=move |_| {
                                                            page.editor.with_value(|editor| {
                                                                if let Some(editor) = editor {
                                                                    editor.apply_fix(&text, &fix);
                                                                }
                                                            });
                                                            page.say(format!("Applied: {}", fix.title));
                                                        }
                                                    >
                                                        {format!("Fix: {fix_title}")}
                                                    </button>
                                                }
                                            })
                                            .collect_view()}
                                        {presets_for_rule(d.code)
                                            .map(|preset| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="fix"
                                                        data-testid="problem-simulate"
                                                        title=preset.description
                                                        on:click=move |_| {
                                                            if let Some(index) = document_index {
                                                                page.picked.set(index);
                                                            }
                                                            page.simulate_preset.set(Some(preset.id));
                                                        }
                                                    >
                                                        {format!("Simulate: {}", preset.title)}
                                                    </button>
                                                }
                                            })
                                            .collect_view()}
                                        <span class="code">{format!("{} · {}", d.code, d.source.as_str())}</span>
                                    </div>
                                    {docs.map(|(summary, docs)| view! {
                                        <details class="rule-docs">
                                            <summary>{format!("About this rule: {summary}")}</summary>
                                            <h4>"What it does"</h4>
                                            <p>{docs.what_it_does}</p>
                                            <h4>"Why it matters"</h4>
                                            <p>{docs.why_it_matters}</p>
                                            <h4>"Example"</h4>
                                            <pre>{docs.example}</pre>
                                            <h4>"Use instead"</h4>
                                            <pre>{docs.use_instead}</pre>
                                        </details>
                                    })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="problem-list" data-testid="problem-list">{rows}</ul> }.into_any()
                })
            }}
        </div>
    }
    .into_any()
}

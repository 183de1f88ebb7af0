//! The Effective YAML tab: the picked Job or CronJob as the apiserver stores it after
//! defaulting, read-only, each line the apiserver added marked (and ending in `# defaulted`, so
//! a copy stays valid YAML that says where it came from).

use leptos::prelude::*;

use super::bridge;
use super::page::Page;
use super::tab::Tab;
use jobscope_analysis::effective_yaml;

pub const TAB: Tab = Tab {
    id: "effective",
    title,
    panel,
};

fn title(_: Page) -> AnyView {
    view! { "Effective YAML" }.into_any()
}

fn panel(page: Page) -> AnyView {
    let lines = Memo::new(move |_| {
        let index = page.document();
        page.analysis
            .with(|analysis| analysis.documents.get(index).and_then(effective_yaml))
    });
    let copy = move |_| {
        let text = lines.with_untracked(|lines| {
            lines
                .iter()
                .flatten()
                .map(|l| {
                    if l.defaulted {
                        format!("{}  # defaulted\n", l.text)
                    } else {
                        format!("{}\n", l.text)
                    }
                })
                .collect::<String>()
        });
        leptos::task::spawn_local(async move {
            if bridge::copy_text(&text).await {
                page.say("Effective YAML copied.");
            } else {
                page.say("The browser refused the clipboard.");
            }
        });
    };
    view! {
        <div class="effective">
            {move || match lines.get() {
                None => view! {
                    <p class="empty">"No Job or CronJob to show: the effective manifest appears once the document is a Job or CronJob."</p>
                }
                .into_any(),
                Some(lines) => {
                    let defaulted = lines.iter().filter(|l| l.defaulted).count();
                    view! {
                        <p class="legend">
                            <span class="defaulted-swatch" aria-hidden="true"></span>
                            {format!(
                                "{defaulted} marked line{} the apiserver adds by defaulting; the rest is what you wrote.",
                                if defaulted == 1 { " is" } else { "s are" }
                            )}
                            " "
                            <button type="button" data-testid="copy-effective" on:click=copy>"Copy"</button>
                        </p>
                        <pre class="effective-yaml" data-testid="effective-yaml" tabindex="0" aria-label="Effective manifest, read-only"><code>
                            {lines
                                .into_iter()
                                .map(|line| {
                                    if line.defaulted {
                                        view! {
                                            <span class="line defaulted" data-testid="defaulted-line">
                                                {line.text}
                                                <span class="defaulted-mark">"  # defaulted"</span>
                                            </span>
                                        }
                                        .into_any()
                                    } else {
                                        view! { <span class="line">{line.text}</span> }.into_any()
                                    }
                                })
                                .collect_view()}
                        </code></pre>
                    }
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}

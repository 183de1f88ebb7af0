//! The panels beside the editor as an accessible tab list (WAI-ARIA tabs with automatic
//! activation): `role=tablist/tab/tabpanel`, arrow keys, Home and End move between tabs, only the
//! selected tab is in the Tab order.
//!
//! A panel is one entry in [`TABS`]: its id, a title view (which may show counts) and a panel
//! view. Later views (timeline, concurrency, simulation) join by adding an entry. Only the
//! selected panel is rendered, so a hidden panel costs nothing per keystroke.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::page::Page;
use super::tab::Tab;
use super::{concurrency, effective, player, problems, schedule, timeline};

/// Every tab, in order.
pub static TABS: &[Tab] = &[
    problems::TAB,
    schedule::TAB,
    timeline::TAB,
    concurrency::TAB,
    player::TAB,
    effective::TAB,
];

fn focus_tab(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{id}")))
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}

#[component]
pub fn TabPanels() -> impl IntoView {
    let page = expect_context::<Page>();
    let active = RwSignal::new(0usize);
    let last = TABS.len() - 1;
    // A simulation preset asked for elsewhere opens the Simulation tab, which takes it.
    Effect::new(move |_| {
        if page.simulate_preset.get().is_some()
            && let Some(index) = TABS.iter().position(|tab| tab.id == player::TAB.id)
        {
            active.set(index);
        }
    });
    let on_keydown = move |event: KeyboardEvent| {
        let current = active.get_untracked();
        let next = match event.key().as_str() {
            "ArrowRight" => (current + 1) % TABS.len(),
            "ArrowLeft" => (current + last) % TABS.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        event.prevent_default();
        active.set(next);
        focus_tab(TABS[next].id);
    };
    view! {
        <div class="tablist" role="tablist" aria-label="Results" on:keydown=on_keydown>
            {TABS
                .iter()
                .enumerate()
                .map(|(index, tab)| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=format!("tab-{}", tab.id)
                            data-testid=format!("tab-{}", tab.id)
                            aria-controls=format!("panel-{}", tab.id)
                            aria-selected=move || (active.get() == index).to_string()
                            tabindex=move || if active.get() == index { "0" } else { "-1" }
                            on:click=move |_| active.set(index)
                        >
                            {(tab.title)(page)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        {TABS
            .iter()
            .enumerate()
            .map(|(index, tab)| {
                view! {
                    <div
                        role="tabpanel"
                        class="tabpanel"
                        id=format!("panel-{}", tab.id)
                        data-testid=format!("panel-{}", tab.id)
                        aria-labelledby=format!("tab-{}", tab.id)
                        tabindex="0"
                        hidden=move || active.get() != index
                    >
                        {move || (active.get() == index).then(|| (tab.panel)(page))}
                    </div>
                }
            })
            .collect_view()}
    }
}

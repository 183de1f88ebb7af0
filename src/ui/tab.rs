//! What a tab of the page is: an id, a title view and a panel view ([`super::tabs`] lists them).

use leptos::prelude::*;

use super::page::Page;

/// One tab.
pub struct Tab {
    /// Stable id: element ids `tab-<id>`, `panel-<id>` and test ids use it.
    pub id: &'static str,
    /// The tab's label, possibly with live counts.
    pub title: fn(Page) -> AnyView,
    pub panel: fn(Page) -> AnyView,
}

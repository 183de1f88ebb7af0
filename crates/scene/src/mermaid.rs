//! Mermaid `gantt` text helpers shared by the diagrams' Mermaid exports: task names reduced to
//! the characters Mermaid accepts, instants in its `dateFormat`.

use jobscope_golang::time::{Instant, Zone, format_rfc3339};

/// Mermaid reads `:` and `#` in a task name as syntax; keep names plain.
pub fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Mermaid's `dateFormat YYYY-MM-DDTHH:mm:ss` (UTC, no offset).
pub fn date(t: Instant) -> String {
    format_rfc3339(t, Zone::Utc)
        .trim_end_matches('Z')
        .to_owned()
}

//! Editor assistance, pure: completion, hover and quick fixes at byte offsets of the editor's
//! text, and the data of the Schedule panel. No browser, no clock, no I/O: the UI reaches all of
//! it through `crate::analysis` and turns byte offsets into its own positions.
//!
//! - [`cursor`]: where the cursor is (path of keys and items, key or value), from indentation,
//!   so half-typed YAML works;
//! - [`fields`]: the API schema along a path, and type names for people;
//! - [`docs`]: one-line descriptions and defaults of the fields people write;
//! - [`complete`], [`hover`], [`fixes`]: the three assists;
//! - [`schedule`]: the Schedule panel (explanation, next runs, "why didn't it run?");
//! - [`text`]: UTF-8 byte offsets to UTF-16 (JavaScript) offsets and back.
//!
//! Invariant: never panics on any text or offset (offsets past the end or inside a character
//! are clamped), and every offset returned lies inside the text it was computed from.

pub mod complete;
pub mod cursor;
pub mod docs;
pub mod fields;
pub mod fixes;
pub mod hover;
pub mod schedule;
pub mod text;

pub use complete::{Completion, CompletionKind, Completions, complete};
pub use fixes::{QuickFix, TextEdit, apply_edits, quick_fixes};
pub use hover::{Hover, hover};
pub use schedule::{Run, ScheduleField, ScheduleView, WhyEvent, WhyInput, WhyReport};
pub use text::Utf16Map;

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze};
    use crate::cron::Instant;
    use crate::diagnostic::Severity;
    use std::path::Path;

    /// The editor page's examples: each is listed in the menu, passes the apiserver, and every
    /// assist runs on it at every offset without panicking.
    #[test]
    fn the_page_examples_are_listed_clean_and_assisted() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let menu = std::fs::read_to_string(root.join("src/ui/examples.rs")).unwrap();
        let mut count = 0;
        for entry in std::fs::read_dir(root.join("public/examples")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            count += 1;
            assert!(
                menu.contains(&format!("\"{name}\"")),
                "{name} is not in the examples menu"
            );
            let analysis = analyze(&text, &Options::at(Instant::from_unix(1_767_225_600)));
            let errors: Vec<_> = analysis
                .diagnostics()
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.message.clone())
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
            assert!(
                text.starts_with('#'),
                "{name}: examples open with a comment"
            );
            for offset in 0..=text.len() {
                let _ = super::complete(&text, offset);
                let _ = super::hover(&text, offset);
            }
            for diagnostic in analysis.diagnostics() {
                for fix in super::quick_fixes(&text, diagnostic) {
                    let _ = super::apply_edits(&text, &fix.edits);
                }
            }
        }
        assert!(
            count >= 10,
            "expected an example per use case, found {count}"
        );
    }
}

//! Editor assistance, pure: completion, hover and quick fixes at byte offsets of the editor's
//! text. No browser, no clock, no I/O: the UI reaches it through `jobscope_analysis` and turns
//! byte offsets into its own positions.
//!
//! - [`cursor`]: where the cursor is (path of keys and items, key or value), from indentation,
//!   so half-typed YAML works;
//! - [`fields`]: the API schema along a path, and type names for people;
//! - [`docs`]: one-line descriptions and defaults of the fields people write;
//! - [`complete`], [`hover`], [`fixes`]: the three assists;
//! - [`text`]: UTF-8 byte offsets to UTF-16 (JavaScript) offsets and back.
//!
//! Invariant: never panics on any text or offset (offsets past the end or inside a character
//! are clamped), and every offset returned lies inside the text it was computed from.

pub mod complete;
pub(crate) mod cursor;
pub(crate) mod docs;
pub(crate) mod fields;
pub(crate) mod fixes;
pub mod hover;
pub(crate) mod text;

pub use complete::{Completion, CompletionKind, Completions, complete};
pub use fixes::{QuickFix, TextEdit, apply_edits, quick_fixes};
pub use hover::{Hover, hover};
pub use text::Utf16Map;

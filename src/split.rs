//! The editor/panels split's rules: how wide the editor is, how the separator's keys and the
//! pointer move it, and what the page stores. Plain data and pure functions, tested natively;
//! the page (`src/ui/split.rs`) only reads events and sets the grid.
//!
//! The split follows the WAI-ARIA window splitter pattern: the separator is focusable, its
//! value is the editor's share of the width in percent, Left/Right move it by [`STEP`]
//! (Shift: [`BIG_STEP`]), Home/End go to the limits, and Enter collapses the editor (the
//! *wide view*: the panels take the whole window) or brings it back at its last width.
//!
//! The share is a whole percent (1% is 13 px of a 1280 px window): formatting or parsing an
//! `f64` would link the float printing and parsing code into the page, about 6 KiB gzipped.

/// The editor's share of the workspace's width (percent) before the user moves the split: the
/// 11:9 the layout had before the split could move.
pub const DEFAULT_PERCENT: u32 = 55;
/// The narrowest editor (percent), short of collapsing it.
pub const MIN_PERCENT: u32 = 20;
/// The widest editor (percent): the panels keep room for the document bar and the tab list
/// (and their 20 rem minimum besides, in the CSS grid).
pub const MAX_PERCENT: u32 = 70;
/// One arrow key's move (percent).
pub const STEP: u32 = 2;
/// One arrow key's move with Shift (percent).
pub const BIG_STEP: u32 = 10;

/// Where the split is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    /// The editor's share of the width when it is shown (percent, within the limits).
    pub percent: u32,
    /// The editor is collapsed: the panels have the whole width (the wide view).
    pub wide: bool,
}

impl Default for Split {
    fn default() -> Self {
        Split {
            percent: DEFAULT_PERCENT,
            wide: false,
        }
    }
}

/// A key pressed on the focused separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitKey {
    Left,
    Right,
    Home,
    End,
    Enter,
}

impl SplitKey {
    /// The key named by a `KeyboardEvent.key`, if the separator answers it.
    pub fn from_key(key: &str) -> Option<SplitKey> {
        match key {
            "ArrowLeft" => Some(SplitKey::Left),
            "ArrowRight" => Some(SplitKey::Right),
            "Home" => Some(SplitKey::Home),
            "End" => Some(SplitKey::End),
            "Enter" => Some(SplitKey::Enter),
            _ => None,
        }
    }
}

fn clamp(percent: u32) -> u32 {
    percent.clamp(MIN_PERCENT, MAX_PERCENT)
}

impl Split {
    /// The split after a key on the separator. In the wide view an arrow or Home/End first
    /// brings the editor back (at its last width), as a collapsed pane's splitter does.
    pub fn after_key(self, key: SplitKey, shift: bool) -> Split {
        let step = if shift { BIG_STEP } else { STEP };
        let percent = match key {
            SplitKey::Enter => {
                return Split {
                    wide: !self.wide,
                    ..self
                };
            }
            _ if self.wide => self.percent,
            SplitKey::Left => self.percent.saturating_sub(step),
            SplitKey::Right => self.percent.saturating_add(step),
            SplitKey::Home => MIN_PERCENT,
            SplitKey::End => MAX_PERCENT,
        };
        Split {
            percent: clamp(percent),
            wide: false,
        }
    }

    /// The split with the separator dragged to `x`, in a workspace from `left` that is `width`
    /// wide (the same units: CSS pixels). Dragging always shows the editor.
    pub fn dragged_to(self, x: f64, left: f64, width: f64) -> Split {
        let share = (x - left) / width * 100.0;
        if !(width.is_finite() && width > 0.0 && share.is_finite()) {
            return self;
        }
        Split {
            // In range after the clamp (an f64 to u32 cast saturates; the limits are whole).
            percent: clamp(share.clamp(0.0, 100.0).round() as u32),
            wide: false,
        }
    }

    /// The separator's `aria-valuenow`: the editor's share, 0 when collapsed.
    pub fn value_now(self) -> u32 {
        if self.wide { 0 } else { self.percent }
    }

    /// What a screen reader says of the separator's value.
    pub fn value_text(self) -> String {
        if self.wide {
            "Editor hidden: the panels have the whole width".to_owned()
        } else {
            format!("Editor {}% of the width", self.value_now())
        }
    }

    /// The workspace's grid columns (editor, separator, panels). In the wide view the editor
    /// is not displayed and the separator stays, at the left edge, where the keyboard and the
    /// pointer can still reach it.
    pub fn columns(self) -> String {
        if self.wide {
            "auto minmax(0, 1fr)".to_owned()
        } else {
            let editor = self.percent;
            let panels = 100 - editor;
            format!("minmax(0, {editor}fr) auto minmax(20rem, {panels}fr)")
        }
    }

    /// What the page stores: the editor's share only. The wide view is a moment's choice; a
    /// page that opens with no editor would look broken.
    pub fn stored(self) -> String {
        format!("{}", self.percent)
    }

    /// The split a stored value gives: the default when it is missing or not a number.
    pub fn from_stored(stored: Option<&str>) -> Split {
        let percent = stored
            .and_then(|s| s.trim().parse::<u32>().ok())
            .map_or(DEFAULT_PERCENT, clamp);
        Split {
            percent,
            wide: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_by_a_step_and_stop_at_the_limits() {
        let split = Split::default();
        assert_eq!(split.after_key(SplitKey::Left, false).percent, 53);
        assert_eq!(split.after_key(SplitKey::Right, true).percent, 65);
        assert_eq!(split.after_key(SplitKey::Home, false).percent, MIN_PERCENT);
        assert_eq!(split.after_key(SplitKey::End, false).percent, MAX_PERCENT);
        let mut at_edge = Split::default();
        for _ in 0..40 {
            at_edge = at_edge.after_key(SplitKey::Right, true);
        }
        assert_eq!(at_edge.percent, MAX_PERCENT);
    }

    #[test]
    fn enter_collapses_the_editor_and_brings_it_back_at_its_width() {
        let split = Split::default().after_key(SplitKey::Left, true);
        let wide = split.after_key(SplitKey::Enter, false);
        assert!(wide.wide);
        assert_eq!(wide.value_now(), 0);
        assert_eq!(wide.columns(), "auto minmax(0, 1fr)");
        assert_eq!(wide.after_key(SplitKey::Enter, false), split);
        // An arrow in the wide view shows the editor again, where it was.
        assert_eq!(wide.after_key(SplitKey::Right, false), split);
    }

    #[test]
    fn dragging_follows_the_pointer_within_the_limits() {
        let split = Split::default();
        assert_eq!(split.dragged_to(400.0, 100.0, 1000.0).percent, 30);
        assert_eq!(split.dragged_to(404.9, 100.0, 1000.0).percent, 30);
        assert_eq!(split.dragged_to(405.1, 100.0, 1000.0).percent, 31);
        assert_eq!(split.dragged_to(0.0, 100.0, 1000.0).percent, MIN_PERCENT);
        assert_eq!(split.dragged_to(5000.0, 100.0, 1000.0).percent, MAX_PERCENT);
        assert_eq!(split.dragged_to(400.0, 100.0, 0.0), split);
        assert_eq!(split.dragged_to(f64::NAN, 100.0, 1000.0), split);
        assert_eq!(split.dragged_to(400.0, 100.0, f64::INFINITY), split);
        let wide = Split {
            wide: true,
            ..split
        };
        assert!(!wide.dragged_to(600.0, 100.0, 1000.0).wide);
    }

    #[test]
    fn the_stored_share_comes_back_and_bad_values_fall_back() {
        let split = Split::default().after_key(SplitKey::Left, false);
        assert_eq!(Split::from_stored(Some(&split.stored())), split);
        let cases = [
            (None, DEFAULT_PERCENT),
            (Some("abc"), DEFAULT_PERCENT),
            (Some("-3"), DEFAULT_PERCENT),
            (Some("42.5"), DEFAULT_PERCENT),
            (Some("99999999999"), DEFAULT_PERCENT),
            (Some("5"), MIN_PERCENT),
            (Some(" 99 "), MAX_PERCENT),
            (Some("42"), 42),
        ];
        for (stored, percent) in cases {
            assert_eq!(Split::from_stored(stored).percent, percent, "{stored:?}");
        }
        // The wide view is not stored.
        let wide = split.after_key(SplitKey::Enter, false);
        assert!(!Split::from_stored(Some(&wide.stored())).wide);
    }

    #[test]
    fn the_columns_and_the_value_text_follow_the_share() {
        let split = Split::default();
        assert_eq!(split.columns(), "minmax(0, 55fr) auto minmax(20rem, 45fr)");
        assert_eq!(split.value_text(), "Editor 55% of the width");
        assert_eq!(SplitKey::from_key("ArrowLeft"), Some(SplitKey::Left));
        assert_eq!(SplitKey::from_key("a"), None);
    }
}

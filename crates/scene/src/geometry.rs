//! The geometry every diagram shares: the width a diagram is laid out at (the page passes its
//! pane's, so a diagram is drawn at 1:1 and its text keeps its size), the label column, lane
//! height and top margin, where a fraction of the time axis lands, and how a zoomed view of
//! the time axis moves ([`Axis`]).

/// The width a diagram is laid out at when nothing asks for another (the CLI's files, tests).
pub const WIDTH: f64 = 960.0;
/// The narrowest layout: a narrower pane scrolls the diagram sideways rather than squeeze the
/// time axis next to the label column.
pub const MIN_WIDTH: f64 = 480.0;
/// The widest layout (a bound on what a caller may ask for).
pub const MAX_WIDTH: f64 = 4096.0;
/// Width of the label column on the left.
pub const LABEL: f64 = 180.0;
/// Height of one lane.
pub const LANE: f64 = 40.0;
/// Space above the first lane (the axis labels).
pub const TOP: f64 = 40.0;
/// The size of every text, in CSS pixels at 1:1 (the smallest that reads at 100% zoom).
pub const TEXT: f64 = 12.0;

/// A requested layout width made safe: within [`MIN_WIDTH`, `MAX_WIDTH`], [`WIDTH`] when it is
/// not a number.
pub fn layout_width(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        WIDTH
    }
}

/// The x of a point at fraction `x` (0 to 1) of the time axis of a diagram `width` wide.
pub fn x_at(x: f64, width: f64) -> f64 {
    LABEL + x * (width - LABEL - 10.0)
}

/// A time axis that can be zoomed: a window `[0, length)` in the caller's units (the timeline's
/// seconds, the player's milliseconds) and the rules its views keep. A view is the part
/// `[start, end)` a chart shows; `None` is the whole window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    pub length: i64,
    /// The shortest view zooming in reaches.
    pub min: i64,
    /// A view's edges fall on multiples of this (the timeline's minutes, the player's seconds).
    pub grain: i64,
}

impl Axis {
    /// The view if it lies inside the window (a view kept from a longer window does not):
    /// anything else is the whole window.
    pub fn valid(self, view: Option<(i64, i64)>) -> Option<(i64, i64)> {
        view.filter(|&(start, end)| 0 <= start && start < end && end <= self.length)
    }

    fn snap(self, value: f64) -> i64 {
        let grain = self.grain.max(1);
        if value.is_finite() {
            (value / grain as f64).round() as i64 * grain
        } else {
            0
        }
    }

    /// The view after zooming by `factor` (below 1 in, above 1 out) around the point `anchor`
    /// of the view (0 its left edge, 1 its right edge), which keeps its place on the screen.
    /// The view stays inside the window and at least `min` long; zooming out to the whole
    /// window gives `None`.
    pub fn zoom(self, view: Option<(i64, i64)>, factor: f64, anchor: f64) -> Option<(i64, i64)> {
        let window = self.length.max(1);
        let (start, end) = self.valid(view).unwrap_or((0, window));
        let length = (end - start) as f64;
        let anchor = if anchor.is_finite() {
            anchor.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let new_length = self
            .snap(length * factor)
            .clamp(self.min.clamp(1, window), window);
        if new_length >= window {
            return None;
        }
        let at = start as f64 + length * anchor;
        let new_start = self
            .snap(at - new_length as f64 * anchor)
            .clamp(0, window - new_length);
        Some((new_start, new_start + new_length))
    }

    /// The view after zooming by `factor` around the point `at` (in the window's units) when
    /// the view holds it, so that point keeps its place on the screen (the player's time
    /// shown); around the view's middle when it lies outside.
    pub fn zoom_at(self, view: Option<(i64, i64)>, factor: f64, at: i64) -> Option<(i64, i64)> {
        let (from, to) = self.valid(view).unwrap_or((0, self.length.max(1)));
        let anchor = if (from..=to).contains(&at) {
            (at - from) as f64 / (to - from).max(1) as f64
        } else {
            0.5
        };
        self.zoom(view, factor, anchor)
    }

    /// The view moved by `fraction` of its length (negative: earlier), inside the window; the
    /// whole window does not move.
    pub fn pan(self, view: Option<(i64, i64)>, fraction: f64) -> Option<(i64, i64)> {
        let window = self.length.max(1);
        let (start, end) = self.valid(view)?;
        let length = (end - start).clamp(1, window);
        let shift = if fraction.is_finite() {
            self.snap(length as f64 * fraction)
        } else {
            0
        };
        let new_start = start.saturating_add(shift).clamp(0, window - length);
        Some((new_start, new_start + length))
    }

    /// The view that shows `at` a quarter of the way in, the same length as `view`: where a
    /// playback that ran out of the view goes on.
    pub fn follow(self, view: Option<(i64, i64)>, at: i64) -> Option<(i64, i64)> {
        let window = self.length.max(1);
        let (start, end) = self.valid(view)?;
        if (start..=end).contains(&at) {
            return view;
        }
        let length = (end - start).clamp(1, window);
        let new_start = (at - length / 4).clamp(0, window - length);
        Some((new_start, new_start + length))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_at_a_point_keeps_it_in_place_when_the_view_holds_it() {
        let axis = Axis {
            length: 1000,
            min: 10,
            grain: 1,
        };
        // The whole window, zoomed in at 250: 250 stays a quarter of the way across.
        assert_eq!(axis.zoom_at(None, 0.5, 250), Some((125, 625)));
        // A point outside the view: around the view's middle.
        assert_eq!(
            axis.zoom_at(Some((0, 400)), 0.5, 900),
            axis.zoom(Some((0, 400)), 0.5, 0.5)
        );
        assert_eq!(axis.zoom_at(Some((0, 400)), 0.5, 900), Some((100, 300)));
    }

    #[test]
    fn widths_are_bounded() {
        assert_eq!(layout_width(f64::NAN), WIDTH);
        assert_eq!(layout_width(f64::INFINITY), WIDTH);
        assert_eq!(layout_width(100.0), MIN_WIDTH);
        assert_eq!(layout_width(1e9), MAX_WIDTH);
        assert_eq!(layout_width(700.0), 700.0);
        assert_eq!(x_at(0.0, 700.0), LABEL);
        assert_eq!(x_at(1.0, 700.0), 690.0);
    }

    #[test]
    fn an_axis_view_follows_a_playback_that_leaves_it() {
        let axis = Axis {
            length: 100_000,
            min: 1_000,
            grain: 1_000,
        };
        let view = Some((10_000, 30_000));
        assert_eq!(axis.follow(view, 20_000), view);
        assert_eq!(axis.follow(view, 50_000), Some((45_000, 65_000)));
        assert_eq!(axis.follow(view, 99_000), Some((80_000, 100_000)));
        assert_eq!(axis.follow(None, 50_000), None);
        // Seconds for the player: the edges land on whole seconds.
        assert_eq!(axis.zoom(None, 0.3, 0.5), Some((35_000, 65_000)));
        assert_eq!(axis.pan(Some((0, 30_000)), 0.25), Some((8_000, 38_000)));
        // A view from a longer window (the span changed under it) is the whole window: no
        // panic, nothing to pan.
        let stale = Some((259_200, 432_000));
        assert_eq!(axis.pan(stale, -0.25), None);
        assert_eq!(axis.follow(stale, 5_000), None);
        assert_eq!(axis.zoom(stale, 2.0, 0.5), None);
        assert_eq!(axis.zoom(stale, 0.5, 0.5), Some((25_000, 75_000)));
    }
}

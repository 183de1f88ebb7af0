//! The geometry every diagram shares: the width a diagram is laid out at (the page passes its
//! pane's, so a diagram is drawn at 1:1 and its text keeps its size), the label column, lane
//! height and top margin, and where a fraction of the time axis lands.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}

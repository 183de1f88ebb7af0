//! The geometry every diagram shares: the width the page scales to its column, the label column,
//! lane height and top margin, and where a fraction of the time axis lands.

/// Width of every diagram, in pixels (the page scales it to its column).
pub const WIDTH: f64 = 960.0;
/// Width of the label column on the left.
pub const LABEL: f64 = 180.0;
/// Height of one lane.
pub const LANE: f64 = 40.0;
/// Space above the first lane (the axis labels).
pub const TOP: f64 = 40.0;

/// The x of a point at fraction `x` (0 to 1) of the time axis.
pub fn x_at(x: f64) -> f64 {
    LABEL + x * (WIDTH - LABEL - 10.0)
}

//! Lays out scheduled runs over a time window as shapes in SVG user units.

//! A drawing as plain data: rectangles, lines, markers, polylines and text in pixels, each with
//! a paint role and an optional tooltip. Every diagram (timeline, concurrency, Gantt, metric
//! charts) is built once as a [`Scene`]; the page draws it as SVG elements (text as text nodes,
//! never markup), [`Scene::to_svg`] writes the downloadable file, and the PNG export paints the
//! same items on a canvas. One layout, three renderings, so the exports match the page.
//!
//! - [`geometry`]: the width, label column, lane height and time axis every diagram shares;
//! - [`time_axis`]: the time axis's ticks and the local calendar's day starts;
//! - [`mermaid`]: helpers for the diagrams' Mermaid `gantt` exports.
//!
//! Invariant: coordinates are finite; text is stored raw and escaped only by [`Scene::to_svg`].

pub mod geometry;
pub mod mermaid;
pub mod time_axis;

use serde::{Deserialize, Serialize};

/// What an item stands for; the page maps it to a theme colour (CSS class `paint-<name>`), the
/// exports to a fixed light-theme colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paint {
    Background,
    Ink,
    Muted,
    Grid,
    GridStrong,
    /// A scheduled run, a running pod.
    Run,
    Overlap,
    Succeeded,
    Failed,
    /// Deleted before it finished (Replace, a deadline, an eviction).
    Terminated,
    Pending,
    Warning,
    Alert,
}

impl Paint {
    pub fn name(self) -> &'static str {
        match self {
            Paint::Background => "background",
            Paint::Ink => "ink",
            Paint::Muted => "muted",
            Paint::Grid => "grid",
            Paint::GridStrong => "grid-strong",
            Paint::Run => "run",
            Paint::Overlap => "overlap",
            Paint::Succeeded => "succeeded",
            Paint::Failed => "failed",
            Paint::Terminated => "terminated",
            Paint::Pending => "pending",
            Paint::Warning => "warning",
            Paint::Alert => "alert",
        }
    }

    /// The colour in exported files (light theme; `style/main.css` has the same, and the dark
    /// theme's). The outcome colours (run, succeeded, failed, deleted, pending) were chosen to
    /// stay apart under protanopia, deuteranopia and tritanopia, with 3:1 against the page in
    /// both themes: the palette test (`tests/integration/palette.rs`) checks both.
    pub fn color(self) -> &'static str {
        match self {
            Paint::Background => "#ffffff",
            Paint::Ink => "#111111",
            Paint::Muted => "#57606a",
            Paint::Grid => "#dddddd",
            Paint::GridStrong => "#999999",
            Paint::Run => "#1f6feb",
            Paint::Overlap | Paint::Failed => "#8a240f",
            Paint::Succeeded => "#119c57",
            Paint::Terminated => "#732673",
            Paint::Pending => "#8c959f",
            Paint::Warning => "#bf8700",
            Paint::Alert => "#cf222e",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint,
        opacity: f64,
        tip: Option<String>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        paint: Paint,
        width: f64,
        tip: Option<String>,
    },
    /// A small downward triangle with its tip at (x, y): a DST change, an alert.
    Marker {
        x: f64,
        y: f64,
        paint: Paint,
        tip: Option<String>,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        paint: Paint,
        width: f64,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        paint: Paint,
        anchor: Anchor,
        size: f64,
        bold: bool,
        tip: Option<String>,
    },
}

/// A box in a scene's coordinates: where a tooltip points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Item {
    /// The item's tip and the box it covers, for the page's tooltip and keyboard ring; `None`
    /// for an item without a tip. A text's box is estimated from its length (0.6 em a
    /// character, the width of a digit in system sans-serif faces).
    pub fn tip_bounds(&self) -> Option<(Bounds, &str)> {
        let (bounds, tip) = match self {
            Item::Rect {
                x, y, w, h, tip, ..
            } => (
                Bounds {
                    x: *x,
                    y: *y,
                    w: *w,
                    h: *h,
                },
                tip,
            ),
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                tip,
                ..
            } => (
                Bounds {
                    x: x1.min(*x2),
                    y: y1.min(*y2),
                    w: (x2 - x1).abs(),
                    h: (y2 - y1).abs(),
                },
                tip,
            ),
            // The triangle of `marker_path`: 10 wide, 8 tall, its tip at (x, y).
            Item::Marker { x, y, tip, .. } => (
                Bounds {
                    x: x - 5.0,
                    y: y - 8.0,
                    w: 10.0,
                    h: 8.0,
                },
                tip,
            ),
            Item::Polyline { .. } => return None,
            Item::Text {
                x,
                y,
                text,
                anchor,
                size,
                tip,
                ..
            } => {
                let w = text.chars().count() as f64 * size * 0.6;
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                (
                    Bounds {
                        x: left,
                        y: y - size,
                        w,
                        h: *size * 1.2,
                    },
                    tip,
                )
            }
        };
        Some((bounds, tip.as_deref()?))
    }
}

impl Scene {
    /// How many items have a tip.
    pub fn tip_count(&self) -> usize {
        self.items
            .iter()
            .filter(|item| item.tip_bounds().is_some())
            .count()
    }

    /// The `index`th item with a tip, in drawing order: its box and its tip.
    pub fn tip(&self, index: usize) -> Option<(Bounds, &str)> {
        self.items.iter().filter_map(Item::tip_bounds).nth(index)
    }

    /// Every text drawn, in drawing order (what a reader sees on the chart: labels, ticks).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// A drawing of `width` × `height` pixels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The accessible name (SVG `<title>`).
    pub title: String,
    pub items: Vec<Item>,
}

fn finite(v: f64) -> f64 {
    if v.is_finite() { v } else { 0.0 }
}

impl Scene {
    pub fn new(width: f64, height: f64, title: impl Into<String>) -> Scene {
        Scene {
            width,
            height,
            title: title.into(),
            items: Vec::new(),
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, paint: Paint, tip: Option<String>) {
        self.rect_alpha(x, y, w, h, paint, 1.0, tip);
    }

    /// A Job's or a pod's bar in its outcome's paint. A failed one also ends in a 3 px bar of
    /// ink (when it is 6 px or wider): failure is told by a shape as well as by its colour,
    /// for readers who cannot tell the colours apart.
    pub fn outcome_bar(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint,
        tip: Option<String>,
    ) {
        self.rect(x, y, w, h, paint, tip);
        if paint == Paint::Failed && w >= 6.0 {
            self.rect(x + w - 3.0, y, 3.0, h, Paint::Ink, None);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn rect_alpha(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint,
        opacity: f64,
        tip: Option<String>,
    ) {
        self.items.push(Item::Rect {
            x: finite(x),
            y: finite(y),
            w: finite(w).max(0.0),
            h: finite(h).max(0.0),
            paint,
            opacity: finite(opacity).clamp(0.0, 1.0),
            tip,
        });
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), paint: Paint, width: f64) {
        self.items.push(Item::Line {
            x1: finite(x1),
            y1: finite(y1),
            x2: finite(x2),
            y2: finite(y2),
            paint,
            width,
            tip: None,
        });
    }

    pub fn mark(&mut self, x: f64, y1: f64, y2: f64, paint: Paint, tip: String) {
        self.items.push(Item::Line {
            x1: finite(x),
            y1: finite(y1),
            x2: finite(x),
            y2: finite(y2),
            paint,
            width: 2.0,
            tip: Some(tip),
        });
    }

    pub fn marker(&mut self, x: f64, y: f64, paint: Paint, tip: String) {
        self.items.push(Item::Marker {
            x: finite(x),
            y: finite(y),
            paint,
            tip: Some(tip),
        });
    }

    pub fn polyline(&mut self, points: Vec<(f64, f64)>, paint: Paint, width: f64) {
        let points = points
            .into_iter()
            .map(|(x, y)| (finite(x), finite(y)))
            .collect();
        self.items.push(Item::Polyline {
            points,
            paint,
            width,
        });
    }

    pub fn text(&mut self, x: f64, y: f64, text: impl Into<String>, paint: Paint) {
        self.text_styled(x, y, text, paint, Anchor::Start, 12.0, false);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text_styled(
        &mut self,
        x: f64,
        y: f64,
        text: impl Into<String>,
        paint: Paint,
        anchor: Anchor,
        size: f64,
        bold: bool,
    ) {
        self.items.push(Item::Text {
            x: finite(x),
            y: finite(y),
            text: text.into(),
            paint,
            anchor,
            size,
            bold,
            tip: None,
        });
    }

    /// Gives the item drawn last a tip (a lane's label, say): text drawn with [`Scene::text`]
    /// and the like takes one this way. A polyline has none.
    pub fn with_tip(&mut self, tip: String) {
        match self.items.last_mut() {
            Some(
                Item::Rect { tip: slot, .. }
                | Item::Line { tip: slot, .. }
                | Item::Marker { tip: slot, .. }
                | Item::Text { tip: slot, .. },
            ) => *slot = Some(tip),
            Some(Item::Polyline { .. }) | None => {}
        }
    }

    /// A standalone SVG file (fixed light colours, every text escaped).
    pub fn to_svg(&self) -> String {
        let (w, h) = (self.width, self.height);
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<title>{}</title>\n<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n",
            escape(&self.title),
            Paint::Background.color()
        );
        for item in &self.items {
            let tip = |tip: &Option<String>| {
                tip.as_ref()
                    .map(|t| format!("<title>{}</title>", escape(t)))
                    .unwrap_or_default()
            };
            let line = match item {
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    paint,
                    opacity,
                    tip: t,
                } => format!(
                    "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.2}\" height=\"{h:.1}\" fill=\"{}\"{}>{}</rect>",
                    paint.color(),
                    if *opacity < 1.0 {
                        format!(" fill-opacity=\"{opacity:.2}\"")
                    } else {
                        String::new()
                    },
                    tip(t)
                ),
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    paint,
                    width,
                    tip: t,
                } => format!(
                    "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" stroke-width=\"{width}\">{}</line>",
                    paint.color(),
                    tip(t)
                ),
                Item::Marker {
                    x,
                    y,
                    paint,
                    tip: t,
                } => format!(
                    "<path d=\"{}\" fill=\"{}\">{}</path>",
                    marker_path(*x, *y),
                    paint.color(),
                    tip(t)
                ),
                Item::Polyline {
                    points,
                    paint,
                    width,
                } => format!(
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"/>",
                    polyline_points(points),
                    paint.color()
                ),
                Item::Text {
                    x,
                    y,
                    text,
                    paint,
                    anchor,
                    size,
                    bold,
                    tip: t,
                } => format!(
                    "<text x=\"{x:.1}\" y=\"{y:.1}\" fill=\"{}\" text-anchor=\"{}\" font-size=\"{size}\"{}>{}{}</text>",
                    paint.color(),
                    anchor.as_str(),
                    if *bold { " font-weight=\"bold\"" } else { "" },
                    escape(text),
                    tip(t)
                ),
            };
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str("</svg>\n");
        out
    }

    /// How many items of each kind (for tests and the text alternative).
    pub fn count(&self, kind: fn(&Item) -> bool) -> usize {
        self.items.iter().filter(|i| kind(i)).count()
    }
}

/// The SVG path of a marker with its tip at (x, y).
pub fn marker_path(x: f64, y: f64) -> String {
    format!("M{x:.1} {y:.1} l-5 -8 h10 z")
}

/// SVG `points` of a polyline.
pub fn polyline_points(points: &[(f64, f64)]) -> String {
    let mut out = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{x:.1},{y:.1}"));
    }
    out
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 forbids most control characters even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_bar_ends_in_ink_and_others_do_not() {
        let mut scene = Scene::new(100.0, 50.0, "bars");
        scene.outcome_bar(
            10.0,
            5.0,
            40.0,
            8.0,
            Paint::Failed,
            Some("failed".to_owned()),
        );
        scene.outcome_bar(10.0, 20.0, 40.0, 8.0, Paint::Succeeded, None);
        // Too narrow for an end: the colour alone.
        scene.outcome_bar(10.0, 35.0, 4.0, 8.0, Paint::Failed, None);
        let rects: Vec<(f64, f64, Paint)> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Rect { x, w, paint, .. } => Some((*x, *w, *paint)),
                _ => None,
            })
            .collect();
        assert_eq!(
            rects,
            [
                (10.0, 40.0, Paint::Failed),
                (47.0, 3.0, Paint::Ink),
                (10.0, 40.0, Paint::Succeeded),
                (10.0, 4.0, Paint::Failed),
            ]
        );
        // The end carries no tip of its own: the keyboard steps over it.
        assert_eq!(scene.tip_count(), 1);
        // A label takes a tip after it is drawn.
        scene.text(0.0, 10.0, "lane", Paint::Ink);
        scene.with_tip("the lane".to_owned());
        assert_eq!(scene.tip_count(), 2);
        assert_eq!(scene.tip(1).map(|(_, tip)| tip), Some("the lane"));
    }

    #[test]
    fn svg_escapes_text_titles_and_tips() {
        let mut scene = Scene::new(100.0, 50.0, "a <b> & c");
        scene.text(1.0, 2.0, "<script>alert(1)</script>", Paint::Ink);
        scene.rect(
            0.0,
            0.0,
            5.0,
            5.0,
            Paint::Run,
            Some("\"x\" onload='y'".to_owned()),
        );
        scene.marker(3.0, 4.0, Paint::Warning, "\u{1}bell".to_owned());
        let svg = scene.to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<script>") && !svg.contains("onload='"));
        assert!(svg.contains("&lt;script&gt;") && svg.contains("a &lt;b&gt; &amp; c"));
        assert!(svg.contains("\u{FFFD}bell"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn tips_point_at_the_box_their_item_covers() {
        let mut scene = Scene::new(200.0, 50.0, "t");
        scene.rect(10.0, 5.0, 30.0, 12.0, Paint::Run, Some("a run".to_owned()));
        scene.rect(0.0, 0.0, 5.0, 5.0, Paint::Run, None);
        scene.marker(50.0, 20.0, Paint::Warning, "DST".to_owned());
        assert_eq!(scene.tip_count(), 2);
        assert_eq!(scene.tip(2), None);
        assert_eq!(
            [scene.tip(0).unwrap(), scene.tip(1).unwrap()],
            [
                (
                    Bounds {
                        x: 10.0,
                        y: 5.0,
                        w: 30.0,
                        h: 12.0
                    },
                    "a run"
                ),
                (
                    Bounds {
                        x: 45.0,
                        y: 12.0,
                        w: 10.0,
                        h: 8.0
                    },
                    "DST"
                ),
            ]
        );
        let label = Item::Text {
            x: 100.0,
            y: 30.0,
            text: "abcd".to_owned(),
            paint: Paint::Ink,
            anchor: Anchor::End,
            size: 10.0,
            bold: false,
            tip: Some("lane".to_owned()),
        };
        let (bounds, _) = label.tip_bounds().unwrap();
        assert_eq!((bounds.x, bounds.w, bounds.y), (76.0, 24.0, 20.0));
    }

    #[test]
    fn coordinates_are_always_finite() {
        let mut scene = Scene::new(10.0, 10.0, "t");
        scene.rect(f64::NAN, f64::INFINITY, -3.0, 2.0, Paint::Run, None);
        scene.polyline(vec![(f64::NEG_INFINITY, 1.0)], Paint::Ink, 1.0);
        let svg = scene.to_svg();
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert!(svg.contains("width=\"0.00\""));
    }
}

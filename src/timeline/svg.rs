//! The timeline and the concurrency diagram as [`Scene`]s (what the page draws and the PNG
//! export paints) and as standalone SVG files (for the download buttons): fixed geometry,
//! every text escaped by [`Scene::to_svg`].

use super::Timeline;
use super::concurrency::{Concurrency, Outcome};
use super::scene::{Anchor, Paint, Scene};
use crate::cron::Zone;
use crate::cron::gotime::{Instant, format_rfc3339};

pub use super::scene::escape;

/// Width of every diagram, in pixels (the page scales it to its column).
pub const WIDTH: f64 = 960.0;
const LABEL: f64 = 180.0;
const LANE: f64 = 40.0;
const TOP: f64 = 40.0;

fn x_at(x: f64) -> f64 {
    LABEL + x * (WIDTH - LABEL - 10.0)
}

/// The schedule timeline.
pub fn timeline_scene(t: &Timeline) -> Scene {
    let height = TOP + LANE * t.lanes.len().max(1) as f64 + 30.0;
    let mut s = Scene::new(
        WIDTH,
        height,
        format!("Schedule timeline ({})", t.span.as_str()),
    );
    for tick in &t.ticks {
        let x = x_at(t.x(tick.at));
        s.line(
            (x, TOP - 12.0),
            (x, height - 20.0),
            if tick.major {
                Paint::GridStrong
            } else {
                Paint::Grid
            },
            1.0,
        );
        s.text_styled(
            x,
            TOP - 16.0,
            tick.label.clone(),
            Paint::Muted,
            Anchor::Middle,
            12.0,
            false,
        );
    }
    for (n, lane) in t.lanes.iter().enumerate() {
        let y = TOP + LANE * n as f64;
        s.text(8.0, y + 16.0, lane.name.clone(), Paint::Ink);
        s.text_styled(
            8.0,
            y + 30.0,
            format!(
                "{} · {} runs{}",
                lane.schedule,
                lane.total_runs,
                if lane.suspended { " · suspended" } else { "" }
            ),
            Paint::Muted,
            Anchor::Start,
            10.0,
            false,
        );
        if let Some(error) = &lane.error {
            s.text(LABEL, y + 22.0, error.clone(), Paint::Failed);
            continue;
        }
        if !lane.heat.is_empty() {
            let max = lane.heat.iter().copied().max().unwrap_or(1).max(1) as f64;
            let w = (WIDTH - LABEL - 10.0) / lane.heat.len() as f64;
            for (i, &count) in lane.heat.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                s.rect_alpha(
                    LABEL + w * i as f64,
                    y + 6.0,
                    w,
                    24.0,
                    Paint::Run,
                    0.15 + 0.85 * f64::from(count) / max,
                    Some(format!("{count} runs")),
                );
            }
        }
        for run in &lane.runs {
            let x = x_at(t.x(run.at));
            let paint = if run.overlaps_previous {
                Paint::Overlap
            } else {
                Paint::Run
            };
            let tip = format!(
                "{}{}",
                format_rfc3339(run.at, Zone::Utc),
                if run.overlaps_previous {
                    " (starts before the previous run ends)"
                } else {
                    ""
                }
            );
            match run.end {
                Some(end) => {
                    let x2 = x_at(t.x(end)).max(x + 1.0);
                    s.rect_alpha(x, y + 12.0, x2 - x, 12.0, paint, 0.6, Some(tip));
                }
                None => s.mark(x, y + 6.0, y + 30.0, paint, tip),
            }
        }
        for effect in &lane.dst {
            let x = x_at(t.x(effect.at));
            s.marker(x, y + 6.0, Paint::Warning, dst_text(effect));
        }
    }
    s.text(
        8.0,
        height - 6.0,
        format!(
            "{} collision{} · times in {}",
            t.collision_count,
            if t.collision_count == 1 { "" } else { "s" },
            t.display_zone
        ),
        Paint::Muted,
    );
    s
}

/// A DST effect in words.
pub fn dst_text(effect: &crate::cron::explain::DstEffect) -> String {
    if effect.skipped.is_empty() {
        format!(
            "DST {}: runs at {} happen twice",
            effect.date,
            effect.repeated.join(", ")
        )
    } else {
        format!(
            "DST {}: runs at {} skipped",
            effect.date,
            effect.skipped.join(", ")
        )
    }
}

/// The schedule timeline as an SVG document.
pub fn timeline_svg(t: &Timeline) -> String {
    timeline_scene(t).to_svg()
}

pub fn outcome_paint(outcome: Outcome) -> Paint {
    match outcome {
        Outcome::Completed => Paint::Succeeded,
        Outcome::Failed => Paint::Failed,
        Outcome::Replaced => Paint::Terminated,
        Outcome::Running => Paint::Run,
    }
}

/// The concurrency diagram: the three policies side by side.
pub fn concurrency_scene(c: &Concurrency) -> Scene {
    let height = TOP + LANE * 3.0 * 1.5 + 40.0;
    let mut s = Scene::new(
        WIDTH,
        height,
        format!("Concurrency policies for {}", c.name),
    );
    for slot in &c.slots {
        let x = x_at(c.x(*slot));
        s.line((x, TOP - 8.0), (x, height - 30.0), Paint::Grid, 1.0);
    }
    for (n, lane) in c.lanes.iter().enumerate() {
        let y = TOP + LANE * 1.5 * n as f64;
        s.text_styled(
            8.0,
            y + 16.0,
            format!(
                "{}{}",
                lane.policy.as_str(),
                if lane.in_manifest { " (manifest)" } else { "" }
            ),
            Paint::Ink,
            Anchor::Start,
            12.0,
            lane.in_manifest,
        );
        s.text_styled(
            8.0,
            y + 30.0,
            format!(
                "up to {} at once · {} skipped",
                lane.max_concurrent,
                lane.skipped.len()
            ),
            Paint::Muted,
            Anchor::Start,
            10.0,
            false,
        );
        if lane.in_manifest {
            s.rect_alpha(
                LABEL - 6.0,
                y,
                WIDTH - LABEL,
                LANE * 1.5 - 4.0,
                Paint::Run,
                0.06,
                None,
            );
        }
        // Overlapping runs stack in rows.
        let mut row_ends: Vec<Instant> = Vec::new();
        for run in &lane.runs {
            let row = row_ends
                .iter()
                .position(|end| *end <= run.start)
                .unwrap_or(row_ends.len());
            if row == row_ends.len() {
                row_ends.push(run.end);
            } else {
                row_ends[row] = run.end;
            }
            let x = x_at(c.x(run.start));
            let x2 = x_at(c.x(run.end)).max(x + 2.0);
            // A pixel's gap, so back-to-back runs (Replace) read as separate Jobs.
            let width = if x2 - x > 4.0 { x2 - x - 1.0 } else { x2 - x };
            s.rect(
                x,
                y + 4.0 + 10.0 * (row % 5) as f64,
                width,
                8.0,
                outcome_paint(run.outcome),
                Some(format!("{} ({})", run.name, run.outcome.as_str())),
            );
        }
        for skipped in &lane.skipped {
            let x = x_at(c.x(*skipped));
            s.items.push(super::scene::Item::Text {
                x,
                y: y + 52.0,
                text: "×".to_owned(),
                paint: Paint::Failed,
                anchor: Anchor::Middle,
                size: 14.0,
                bold: true,
                tip: Some(format!("skipped {}", format_rfc3339(*skipped, Zone::Utc))),
            });
        }
    }
    s.text(
        8.0,
        height - 8.0,
        format!("{} · jobs of {} s", c.schedule, c.duration_seconds),
        Paint::Muted,
    );
    s
}

/// The concurrency diagram as an SVG document.
pub fn concurrency_svg(c: &Concurrency) -> String {
    concurrency_scene(c).to_svg()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{LaneInput, Span, layout};

    #[test]
    fn escapes_markup_in_names() {
        assert_eq!(escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let t = layout(
            &[LaneInput {
                name: "<script>".to_owned(),
                schedule: "0 * * * *".to_owned(),
                time_zone: None,
                suspended: false,
                duration_seconds: None,
            }],
            Instant::from_unix(1_772_323_200),
            Span::Day,
            Zone::Utc,
        );
        let svg = timeline_svg(&t);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<line").count(), 24 + t.ticks.len());
    }
}

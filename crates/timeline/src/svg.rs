//! The timeline as a [`Scene`] (what the page draws and the PNG export paints) and as a
//! standalone SVG file (for the download buttons): the diagrams' shared geometry
//! ([`jobscope_scene::geometry`]), every text escaped by [`Scene::to_svg`].

use super::Timeline;
use jobscope_cron::Zone;
use jobscope_golang::time::format_rfc3339;
use jobscope_scene::geometry::{LABEL, LANE, TEXT, TOP, layout_width, x_at};
use jobscope_scene::{Anchor, Paint, Scene};

/// The schedule timeline, laid out `width` CSS pixels wide (see
/// [`jobscope_scene::geometry::layout_width`]).
pub fn timeline_scene(t: &Timeline, width: f64) -> Scene {
    let width = layout_width(width);
    let height = TOP + LANE * t.lanes.len().max(1) as f64 + 30.0;
    let mut s = Scene::new(
        width,
        height,
        format!("Schedule timeline ({})", t.span.as_str()),
    );
    for tick in &t.ticks {
        let x = x_at(t.x(tick.at), width);
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
            TEXT,
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
            TEXT,
            false,
        );
        if let Some(error) = &lane.error {
            s.text(LABEL, y + 22.0, error.clone(), Paint::Failed);
            continue;
        }
        if !lane.heat.is_empty() {
            let max = lane.heat.iter().copied().max().unwrap_or(1).max(1) as f64;
            let w = (width - LABEL - 10.0) / lane.heat.len() as f64;
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
            let x = x_at(t.x(run.at), width);
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
                    let x2 = x_at(t.x(end), width).max(x + 1.0);
                    s.rect_alpha(x, y + 12.0, x2 - x, 12.0, paint, 0.6, Some(tip));
                }
                None => s.mark(x, y + 6.0, y + 30.0, paint, tip),
            }
        }
        for effect in &lane.dst {
            let x = x_at(t.x(effect.at), width);
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
pub fn dst_text(effect: &jobscope_cron::explain::DstEffect) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LaneInput, Span, layout};
    use jobscope_golang::time::Instant;
    use jobscope_scene::escape;

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
        let svg = timeline_scene(&t, jobscope_scene::geometry::WIDTH).to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<line").count(), 24 + t.ticks.len());
    }
}

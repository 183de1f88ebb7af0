//! Standalone SVG files of the timeline and the concurrency diagram (for the download
//! buttons): fixed geometry, system fonts, every text escaped.

use super::Timeline;
use super::concurrency::{Concurrency, Outcome};
use crate::cron::Zone;
use crate::cron::gotime::{Instant, format_rfc3339};

const WIDTH: f64 = 960.0;
const LABEL: f64 = 180.0;
const LANE: f64 = 40.0;
const TOP: f64 = 40.0;

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

fn header(width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<title>{}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n",
        escape(title)
    )
}

fn x_at(x: f64) -> f64 {
    LABEL + x * (WIDTH - LABEL - 10.0)
}

/// The schedule timeline as an SVG document.
pub fn timeline_svg(t: &Timeline) -> String {
    let height = TOP + LANE * t.lanes.len().max(1) as f64 + 30.0;
    let mut out = header(
        WIDTH,
        height,
        &format!("Schedule timeline ({})", t.span.as_str()),
    );
    for tick in &t.ticks {
        let x = x_at(t.x(tick.at));
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{}\"/>\n<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#444\">{}</text>\n",
            TOP - 12.0,
            height - 20.0,
            if tick.major { "#999" } else { "#ddd" },
            TOP - 16.0,
            escape(&tick.label)
        ));
    }
    for (n, lane) in t.lanes.iter().enumerate() {
        let y = TOP + LANE * n as f64;
        out.push_str(&format!(
            "<text x=\"8\" y=\"{:.1}\" fill=\"#111\">{}</text>\n<text x=\"8\" y=\"{:.1}\" fill=\"#666\" font-size=\"10\">{}</text>\n",
            y + 16.0,
            escape(&lane.name),
            y + 30.0,
            escape(&format!("{} · {} runs", lane.schedule, lane.total_runs))
        ));
        if let Some(error) = &lane.error {
            out.push_str(&format!(
                "<text x=\"{LABEL}\" y=\"{:.1}\" fill=\"#b00020\">{}</text>\n",
                y + 22.0,
                escape(error)
            ));
            continue;
        }
        if !lane.heat.is_empty() {
            let max = lane.heat.iter().copied().max().unwrap_or(1).max(1) as f64;
            let w = (WIDTH - LABEL - 10.0) / lane.heat.len() as f64;
            for (i, &count) in lane.heat.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let opacity = 0.15 + 0.85 * f64::from(count) / max;
                out.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.2}\" height=\"24\" fill=\"#1f6feb\" fill-opacity=\"{opacity:.2}\"><title>{count} runs</title></rect>\n",
                    LABEL + w * i as f64,
                    y + 6.0,
                    w
                ));
            }
        }
        for run in &lane.runs {
            let x = x_at(t.x(run.at));
            let color = if run.overlaps_previous {
                "#d1242f"
            } else {
                "#1f6feb"
            };
            match run.end {
                Some(end) => {
                    let x2 = x_at(t.x(end)).max(x + 1.0);
                    out.push_str(&format!(
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{color}\" fill-opacity=\"0.6\"><title>{}</title></rect>\n",
                        y + 12.0,
                        x2 - x,
                        escape(&format_rfc3339(run.at, Zone::Utc))
                    ));
                }
                None => out.push_str(&format!(
                    "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-width=\"2\"><title>{}</title></line>\n",
                    y + 6.0,
                    y + 30.0,
                    escape(&format_rfc3339(run.at, Zone::Utc))
                )),
            }
        }
        for effect in &lane.dst {
            let x = x_at(t.x(effect.at));
            let what = if effect.skipped.is_empty() {
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
            };
            out.push_str(&format!(
                "<path d=\"M{x:.1} {:.1} l-5 -8 h10 z\" fill=\"#bf8700\"><title>{}</title></path>\n",
                y + 6.0,
                escape(&what)
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"8\" y=\"{:.1}\" fill=\"#444\">{} collision{} · times in {}</text>\n</svg>\n",
        height - 6.0,
        t.collision_count,
        if t.collision_count == 1 { "" } else { "s" },
        escape(&t.display_zone)
    ));
    out
}

fn outcome_color(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Completed => "#1a7f37",
        Outcome::Failed => "#d1242f",
        Outcome::Replaced => "#8250df",
        Outcome::Running => "#1f6feb",
    }
}

/// The concurrency diagram as an SVG document.
pub fn concurrency_svg(c: &Concurrency) -> String {
    let height = TOP + LANE * 3.0 * 1.5 + 40.0;
    let mut out = header(
        WIDTH,
        height,
        &format!("Concurrency policies for {}", c.name),
    );
    for slot in &c.slots {
        let x = x_at(c.x(*slot));
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/>\n",
            TOP - 8.0,
            height - 30.0
        ));
    }
    for (n, lane) in c.lanes.iter().enumerate() {
        let y = TOP + LANE * 1.5 * n as f64;
        out.push_str(&format!(
            "<text x=\"8\" y=\"{:.1}\" fill=\"#111\" font-weight=\"{}\">{}{}</text>\n<text x=\"8\" y=\"{:.1}\" fill=\"#666\" font-size=\"10\">up to {} at once · {} skipped</text>\n",
            y + 16.0,
            if lane.in_manifest { "bold" } else { "normal" },
            lane.policy.as_str(),
            if lane.in_manifest { " (manifest)" } else { "" },
            y + 30.0,
            lane.max_concurrent,
            lane.skipped.len()
        ));
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
            out.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" fill=\"{}\"><title>{} ({})</title></rect>\n",
                y + 4.0 + 10.0 * (row % 5) as f64,
                x2 - x,
                outcome_color(run.outcome),
                escape(&run.name),
                run.outcome.as_str()
            ));
        }
        for skipped in &lane.skipped {
            let x = x_at(c.x(*skipped));
            out.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#d1242f\">×<title>skipped {}</title></text>\n",
                y + 52.0,
                escape(&format_rfc3339(*skipped, Zone::Utc))
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"8\" y=\"{:.1}\" fill=\"#444\">{} · jobs of {} s</text>\n</svg>\n",
        height - 8.0,
        escape(&c.schedule),
        c.duration_seconds
    ));
    out
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

//! The concurrency diagram as a [`Scene`] (what the page draws, the PNG export paints and the SVG
//! download writes) and as Mermaid `gantt` text, in the diagrams' shared geometry.

use jobscope_scene::geometry::{LABEL, LANE, TEXT, TOP, layout_width, x_at};
use jobscope_scene::mermaid::{date, plain};
use jobscope_scene::{Anchor, Paint, Scene};

use crate::concurrency::{Concurrency, Outcome};
use jobscope_golang::time::{Instant, Zone, format_rfc3339};

pub(crate) fn outcome_paint(outcome: Outcome) -> Paint {
    match outcome {
        Outcome::Completed => Paint::Succeeded,
        Outcome::Failed => Paint::Failed,
        Outcome::Replaced => Paint::Terminated,
        Outcome::Running => Paint::Run,
    }
}

/// The concurrency diagram: the three policies one above the other, laid out `width` CSS
/// pixels wide.
pub fn concurrency_scene(c: &Concurrency, width: f64) -> Scene {
    let width = layout_width(width);
    let height = TOP + LANE * 3.0 * 1.5 + 40.0;
    let mut s = Scene::new(
        width,
        height,
        format!("Concurrency policies for {}", c.name),
    );
    for slot in &c.slots {
        let x = x_at(c.x(*slot), width);
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
            TEXT,
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
            TEXT,
            false,
        );
        if lane.in_manifest {
            s.rect_alpha(
                LABEL - 6.0,
                y,
                width - LABEL,
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
            let x = x_at(c.x(run.start), width);
            let x2 = x_at(c.x(run.end), width).max(x + 2.0);
            // A pixel's gap, so back-to-back runs (Replace) read as separate Jobs.
            let bar = if x2 - x > 4.0 { x2 - x - 1.0 } else { x2 - x };
            s.rect(
                x,
                y + 4.0 + 10.0 * (row % 5) as f64,
                bar,
                8.0,
                outcome_paint(run.outcome),
                Some(format!("{} ({})", run.name, run.outcome.as_str())),
            );
        }
        for skipped in &lane.skipped {
            let x = x_at(c.x(*skipped), width);
            s.items.push(jobscope_scene::Item::Text {
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

/// One section per policy; replaced runs are marked `crit`, skipped slots as milestones.
pub fn concurrency_mermaid(c: &Concurrency) -> String {
    let mut out = format!(
        "gantt\n  title {} ({}), jobs of {} s\n  dateFormat YYYY-MM-DDTHH:mm:ss\n  axisFormat %H:%M\n",
        plain(&c.name),
        plain(&c.schedule),
        c.duration_seconds
    );
    for lane in &c.lanes {
        out.push_str(&format!(
            "  section {}{}\n",
            lane.policy.as_str(),
            if lane.in_manifest { " (manifest)" } else { "" }
        ));
        for run in &lane.runs {
            let tag = match run.outcome {
                Outcome::Replaced | Outcome::Failed => "crit, ",
                Outcome::Completed => "done, ",
                Outcome::Running => "active, ",
            };
            out.push_str(&format!(
                "  {} :{tag}{}, {}\n",
                plain(&run.name),
                date(run.start),
                date(run.end)
            ));
        }
        for skipped in &lane.skipped {
            out.push_str(&format!("  skipped :milestone, {}, 0s\n", date(*skipped)));
        }
    }
    out
}

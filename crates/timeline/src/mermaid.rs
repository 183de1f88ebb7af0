//! Mermaid `gantt` text of the timeline, for docs that render Mermaid.

use super::Timeline;
use jobscope_scene::mermaid::{date, plain};

/// The runs of each lane (marks, so at most the drawn ones), one section per lane.
pub fn timeline_mermaid(t: &Timeline) -> String {
    let mut out = format!(
        "gantt\n  title Schedule timeline ({}{}, UTC)\n  dateFormat YYYY-MM-DDTHH:mm:ss\n  axisFormat %m-%d %H:%M\n",
        t.span.as_str(),
        // Mermaid's title takes no colons: a zoomed view's times are in its dates.
        if t.zoomed { ", zoomed" } else { "" }
    );
    for lane in &t.lanes {
        out.push_str(&format!("  section {}\n", plain(&lane.name)));
        if lane.runs.is_empty() {
            out.push_str(&format!(
                "  {} runs (too many to list) :milestone, {}, 0s\n",
                lane.total_runs,
                date(t.from)
            ));
        }
        for (n, run) in lane.runs.iter().enumerate() {
            let end = run.end.unwrap_or(run.at.add_nanos(60_000_000_000));
            out.push_str(&format!(
                "  run {} :{}{}, {}\n",
                n + 1,
                if run.overlaps_previous { "crit, " } else { "" },
                date(run.at),
                date(end)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LaneInput, Span, layout};
    use jobscope_cron::Zone;
    use jobscope_golang::time::Instant;

    #[test]
    fn writes_a_gantt_section_per_lane() {
        let t = layout(
            &[LaneInput {
                name: "night: #1".to_owned(),
                schedule: "0 */6 * * *".to_owned(),
                time_zone: None,
                suspended: false,
                duration_seconds: Some(600),
            }],
            Instant::from_unix(1_772_323_200),
            Span::Day,
            Zone::Utc,
        );
        let text = timeline_mermaid(&t);
        assert!(text.starts_with("gantt\n"));
        assert!(text.contains("section night_ _1"));
        assert!(text.contains("run 1 :2026-03-01T00:00:00, 2026-03-01T00:10:00"));
        assert_eq!(text.matches("run ").count(), 4);
    }
}

//! Mermaid `gantt` text of the timeline and the concurrency diagram, for docs that render
//! Mermaid. Names are reduced to the characters Mermaid task names accept.

use super::Timeline;
use super::concurrency::Concurrency;
use crate::cron::Zone;
use crate::cron::gotime::{Instant, format_rfc3339};

/// Mermaid reads `:` and `#` in a task name as syntax; keep names plain.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Mermaid's `dateFormat YYYY-MM-DDTHH:mm:ss` (UTC, no offset).
fn date(t: Instant) -> String {
    format_rfc3339(t, Zone::Utc)
        .trim_end_matches('Z')
        .to_owned()
}

/// The runs of each lane (marks, so at most the drawn ones), one section per lane.
pub fn timeline_mermaid(t: &Timeline) -> String {
    let mut out = format!(
        "gantt\n  title Schedule timeline ({}, UTC)\n  dateFormat YYYY-MM-DDTHH:mm:ss\n  axisFormat %m-%d %H:%M\n",
        t.span.as_str()
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
                super::concurrency::Outcome::Replaced | super::concurrency::Outcome::Failed => {
                    "crit, "
                }
                super::concurrency::Outcome::Completed => "done, ",
                super::concurrency::Outcome::Running => "active, ",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{LaneInput, Span, layout};

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

//! The timeline as a [`Scene`] (what the page draws and the PNG export paints) and as a
//! standalone SVG file (for the download buttons): the diagrams' shared geometry
//! ([`jobscope_scene::geometry`]), every text escaped by [`Scene::to_svg`].

use super::{Lane, Run, Timeline};
use jobscope_golang::time::{format_readable, format_readable_with_utc};
use jobscope_scene::geometry::{LABEL, LANE, TEXT, TOP, layout_width, x_at};
use jobscope_scene::time_axis::draw_ticks;
use jobscope_scene::{Anchor, Paint, Scene};

/// The schedule timeline, laid out `width` CSS pixels wide (see
/// [`jobscope_scene::geometry::layout_width`]).
pub fn timeline_scene(t: &Timeline, width: f64) -> Scene {
    let width = layout_width(width);
    let height = TOP + LANE * t.lanes.len().max(1) as f64 + 30.0;
    let mut s = Scene::new(width, height, t.title());
    draw_ticks(
        &mut s,
        &t.ticks,
        |at| x_at(t.x(at), width),
        (TOP - 12.0, height - 20.0),
        TOP - 16.0,
    );
    // One scale for every lane, so a darker cell means more runs whichever lane it is in.
    let heated: Vec<&Lane> = t
        .lanes
        .iter()
        .filter(|lane| heat_map(lane, width))
        .collect();
    let heat_max = heated
        .iter()
        .flat_map(|lane| lane.heat.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let heat_max_f = f64::from(heat_max);
    for (n, lane) in t.lanes.iter().enumerate() {
        let y = TOP + LANE * n as f64;
        s.text(8.0, y + 16.0, lane.name.clone(), Paint::Ink);
        s.with_tip(lane_tip(lane));
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
        if heat_map(lane, width) {
            for (i, &count) in lane.heat.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let (Some(start), Some(end)) = (t.cell_edges.get(i), t.cell_edges.get(i + 1))
                else {
                    continue;
                };
                let x = x_at(t.x(*start), width);
                let w = x_at(t.x(*end), width) - x;
                // A pixel between cells wide enough to spare one, so cells read as cells.
                let gap = if w >= 4.0 { 1.0 } else { 0.0 };
                s.rect_alpha(
                    x,
                    y + 6.0,
                    (w - gap).max(0.5),
                    24.0,
                    Paint::Run,
                    0.15 + 0.85 * f64::from(count) / heat_max_f,
                    Some(heat_tip(t, lane, i, count)),
                );
            }
        }
        for run in lane.runs.iter().filter(|_| !heat_map(lane, width)) {
            let x = x_at(t.x(run.at), width);
            let paint = if run.overlaps_previous {
                Paint::Overlap
            } else {
                Paint::Run
            };
            let tip = run_tip(lane, run);
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
            s.marker(
                x,
                y + 6.0,
                Paint::Warning,
                format!("{}\n{}", lane.name, dst_text(effect)),
            );
        }
    }
    // The heat map's legend: what a cell counts and what the darkest holds.
    let legend = if heated.is_empty() {
        String::new()
    } else {
        format!(
            " · heat map: runs per {}, the darkest cell {heat_max}",
            t.cell.as_str()
        )
    };
    s.text(
        8.0,
        height - 6.0,
        format!(
            "{} collision{} · times in {}{legend}",
            t.collision_count,
            if t.collision_count == 1 { "" } else { "s" },
            t.display_zone
        ),
        Paint::Muted,
    );
    s
}

/// The narrowest room a run's mark gets (CSS px): closer marks cannot be told apart, and the
/// heat map shows the lane instead.
const MARK_ROOM: f64 = 3.0;

/// Whether a lane is drawn as a heat map: it has runs, and either it did not keep them one by
/// one (more than [`crate::MAX_MARKS`]) or the chart is too narrow to tell their marks apart.
fn heat_map(lane: &Lane, width: f64) -> bool {
    lane.error.is_none()
        && lane.total_runs > 0
        && (lane.runs.is_empty() || lane.runs.len() as f64 * MARK_ROOM > width - LABEL - 10.0)
}

/// A lane's tip: its CronJob, schedule and zone, and what the lane holds.
fn lane_tip(lane: &Lane) -> String {
    let state = match (&lane.error, lane.suspended) {
        (Some(error), _) => format!("never runs: {error}"),
        (None, true) => format!("suspended: none of its {} runs starts", lane.total_runs),
        (None, false) => format!(
            "{}{} run{} shown, {} overlapping the one before",
            lane.total_runs,
            if lane.truncated { "+" } else { "" },
            if lane.total_runs == 1 { "" } else { "s" },
            lane.overlapping_runs
        ),
    };
    format!(
        "{}\nschedule {} in {}\n{state}",
        lane.name, lane.schedule, lane.zone
    )
}

/// A run's tip: the CronJob, the scheduled time in the schedule's zone and in UTC, when the
/// modelled Job ends, and whether it overlaps the previous one. Lines, as the tooltip shows
/// them.
fn run_tip(lane: &Lane, run: &Run) -> String {
    let mut tip = format!(
        "{}\nscheduled {}",
        lane.name,
        format_readable_with_utc(run.at, lane.location)
    );
    if let Some(end) = run.end {
        tip.push_str(&format!(
            "\nthe Job runs until {}",
            format_readable(end, lane.location)
        ));
    }
    if run.overlaps_previous {
        tip.push_str("\nstarts before the previous run ends");
    }
    tip
}

/// A heat-map cell's tip: the runs it counts and the stretch of time it covers, in the
/// display zone (the cells' midnights are its).
fn heat_tip(t: &Timeline, lane: &Lane, cell: usize, count: u32) -> String {
    let edge = |i: usize| t.cell_edges.get(i).copied().unwrap_or(t.to);
    format!(
        "{}: {count} run{}\nfrom {}\nto {}",
        lane.name,
        if count == 1 { "" } else { "s" },
        format_readable_with_utc(edge(cell), t.display),
        format_readable_with_utc(edge(cell + 1), t.display)
    )
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
    use jobscope_cron::Zone;
    use jobscope_golang::time::{Instant, parse_rfc3339};
    use jobscope_scene::escape;

    fn tips(t: &Timeline) -> Vec<String> {
        let scene = timeline_scene(t, jobscope_scene::geometry::WIDTH);
        (0..scene.tip_count())
            .filter_map(|i| scene.tip(i).map(|(_, tip)| tip.to_owned()))
            .collect()
    }

    #[test]
    fn tick_labels_never_run_into_each_other() {
        let lanes = [LaneInput {
            name: "m".to_owned(),
            schedule: "* * * * *".to_owned(),
            time_zone: None,
            suspended: false,
            duration_seconds: None,
        }];
        let from = parse_rfc3339("2026-03-02T00:00:00Z").unwrap();
        let t = crate::layout_view(&lanes, from, Span::Day, Some((36_000, 46_800)), Zone::Utc);
        assert_eq!(t.ticks.len(), 11);
        let labels = |width: f64| {
            let scene = timeline_scene(&t, width);
            scene
                .items
                .iter()
                .filter_map(|item| match item {
                    jobscope_scene::Item::Text { x, text, .. }
                        if text.len() == 5 && text.as_bytes()[2] == b':' =>
                    {
                        Some(*x)
                    }
                    _ => None,
                })
                .collect::<Vec<f64>>()
        };
        // Wide: every label. Narrow: fewer, none closer than a label's width.
        assert_eq!(labels(960.0).len(), 11);
        let narrow = labels(480.0);
        assert!(narrow.len() < 11 && narrow.len() >= 4, "{narrow:?}");
        assert!(
            narrow
                .windows(2)
                .all(|w| w[1] - w[0] >= 5.0 * TEXT * 0.6 + 8.0)
        );
    }

    #[test]
    fn run_tips_name_the_cronjob_and_give_both_zones_and_the_end() {
        let from = parse_rfc3339("2026-03-09T04:00:00Z").unwrap();
        let t = layout(
            &[LaneInput {
                name: "nightly".to_owned(),
                schedule: "30 2 * * *".to_owned(),
                time_zone: Some("America/New_York".to_owned()),
                suspended: false,
                duration_seconds: Some(300),
            }],
            from,
            Span::Day,
            Zone::Utc,
        );
        assert_eq!(
            tips(&t),
            [
                "nightly\nschedule 30 2 * * * in America/New_York\n1 run shown, 0 overlapping the one before",
                "nightly\nscheduled Mon 9 Mar 2026 02:30 EDT (06:30 UTC)\nthe Job runs until Mon 9 Mar 2026 02:35 EDT"
            ]
        );
    }

    #[test]
    fn dense_lanes_become_hour_cells_with_a_legend() {
        let from = parse_rfc3339("2026-03-02T00:00:00Z").unwrap();
        let lane = |name: &str, schedule: &str| LaneInput {
            name: name.to_owned(),
            schedule: schedule.to_owned(),
            time_zone: None,
            suspended: false,
            duration_seconds: None,
        };
        let t = layout(
            &[lane("minutely", "* * * * *"), lane("hourly", "0 * * * *")],
            from,
            Span::Day,
            Zone::Utc,
        );
        let tips = tips(&t);
        // Each lane's label, then the minutely lane's 24 hour cells of 60 runs and the hourly
        // one's 24 marks.
        assert_eq!(tips.len(), 50);
        assert_eq!(
            tips[2],
            "minutely: 60 runs\nfrom Mon 2 Mar 2026 01:00 UTC\nto Mon 2 Mar 2026 02:00 UTC"
        );
        assert_eq!(tips[26], "hourly\nscheduled Mon 2 Mar 2026 00:00 UTC");
        let svg = timeline_scene(&t, jobscope_scene::geometry::WIDTH).to_svg();
        assert!(svg.contains("heat map: runs per hour, the darkest cell 60"));
        // Too narrow to tell 24 marks apart, and the hourly lane becomes cells too.
        let narrow = layout(&[lane("hourly", "0 * * * *")], from, Span::Week, Zone::Utc);
        let scene = timeline_scene(&narrow, jobscope_scene::geometry::MIN_WIDTH);
        assert_eq!(
            scene.tip(1).map(|(_, tip)| tip),
            Some("hourly: 1 run\nfrom Mon 2 Mar 2026 00:00 UTC\nto Mon 2 Mar 2026 01:00 UTC")
        );
        assert!(
            timeline_scene(&narrow, 4096.0)
                .tip(1)
                .unwrap()
                .1
                .starts_with("hourly\nscheduled")
        );
    }

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

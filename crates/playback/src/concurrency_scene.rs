//! The concurrency diagram as a [`Scene`] (what the page draws, the PNG export paints and the SVG
//! download writes) and as Mermaid `gantt` text, in the diagrams' shared geometry.

use jobscope_scene::geometry::{LABEL, LANE, TEXT, TOP, layout_width, x_at};
use jobscope_scene::mermaid::{date, plain};
use jobscope_scene::time_axis::{draw_ticks, ticks};
use jobscope_scene::{Anchor, Paint, Scene};

use crate::concurrency::{Concurrency, Outcome, Policy, PolicyLane, PolicyRun, human_seconds};
use jobscope_golang::time::{Instant, Zone, format_readable, format_readable_with_utc};

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
    let zone = c.zone();
    let height = TOP + LANE * 3.0 * 1.5 + 40.0;
    let mut s = Scene::new(
        width,
        height,
        format!("Concurrency policies for {}", c.name),
    );
    // The time axis above the lanes: short ticks with local labels (the scheduled runs' own
    // lines below are the grid).
    draw_ticks(
        &mut s,
        &ticks(c.from, c.to, zone),
        |at| x_at(c.x(at), width),
        (TOP - 14.0, TOP - 9.0),
        TOP - 18.0,
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
        s.with_tip(format!(
            "{}{}\n{}\n{} Job{}, up to {} at once, {} run{} skipped",
            lane.policy.as_str(),
            if lane.in_manifest {
                " (the manifest's policy)"
            } else {
                ""
            },
            match lane.policy {
                Policy::Allow => "a due run starts a Job even while earlier ones run",
                Policy::Forbid => "a due run is skipped while a Job runs",
                Policy::Replace => "a due run deletes the running Job and starts a new one",
            },
            lane.runs.len(),
            if lane.runs.len() == 1 { "" } else { "s" },
            lane.max_concurrent,
            lane.skipped.len(),
            if lane.skipped.len() == 1 { "" } else { "s" }
        ));
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
            s.outcome_bar(
                x,
                y + 4.0 + 10.0 * (row % 5) as f64,
                bar,
                8.0,
                outcome_paint(run.outcome),
                Some(run_tip(c, lane, run, zone)),
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
                tip: Some(skipped_tip(c, lane, *skipped, zone)),
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

/// A Job's tip: its name and outcome with the reason, when it was scheduled (in the CronJob's
/// zone and UTC), when it ended and how long it ran.
fn run_tip(c: &Concurrency, lane: &PolicyLane, run: &PolicyRun, zone: Zone) -> String {
    let outcome = match run.outcome {
        Outcome::Failed if !run.reason.is_empty() => format!("failed ({})", run.reason),
        Outcome::Replaced => {
            // Replace deletes it when it starts the next Job (the first one created after it).
            match lane.runs.iter().find(|next| next.start > run.start) {
                Some(next) => format!("deleted by Replace to start {}", next.name),
                None => "deleted by Replace for the next scheduled run".to_owned(),
            }
        }
        Outcome::Running => "still running at the end of the diagram".to_owned(),
        Outcome::Completed | Outcome::Failed => run.outcome.as_str().to_owned(),
    };
    let ended = match run.outcome {
        Outcome::Running => String::new(),
        _ => format!(
            "\nended {} after {}",
            format_readable(run.end, zone),
            human_seconds(run.end.unix - run.start.unix)
        ),
    };
    format!(
        "{}: {outcome}\nscheduled {}{ended}\n{} policy{}",
        run.name,
        format_readable_with_utc(run.scheduled, zone),
        lane.policy.as_str(),
        if lane.in_manifest {
            format!(
                " (the manifest's) · jobs of {}",
                human_seconds(c.duration_seconds)
            )
        } else {
            String::new()
        }
    )
}

/// A skipped run's tip: when it was due and which Job held it back (Forbid skips a run while
/// an earlier Job is still running).
fn skipped_tip(c: &Concurrency, lane: &PolicyLane, at: Instant, zone: Zone) -> String {
    let blocking = lane
        .runs
        .iter()
        .filter(|run| run.start <= at && run.end > at)
        .map(|run| run.name.as_str())
        .next();
    format!(
        "{}: the run due {}\n{}",
        c.name,
        format_readable_with_utc(at, zone),
        match blocking {
            Some(name) => format!(
                "skipped by {}: {name} was still running",
                lane.policy.as_str()
            ),
            None => "no Job was created for it".to_owned(),
        }
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Instant {
        // 2026-03-09T06:30:00Z, 02:30 in New York (EDT).
        Instant::from_unix(1_773_037_800 + seconds)
    }

    fn run(name: &str, start: i64, end: i64, outcome: Outcome, reason: &str) -> PolicyRun {
        PolicyRun {
            name: name.to_owned(),
            scheduled: at(start),
            start: at(start),
            end: at(end),
            outcome,
            reason: reason.to_owned(),
        }
    }

    fn tips(c: &Concurrency) -> Vec<String> {
        let scene = concurrency_scene(c, 960.0);
        (0..scene.tip_count())
            .filter_map(|i| scene.tip(i).map(|(_, tip)| tip.to_owned()))
            .collect()
    }

    #[test]
    fn the_axis_is_in_the_schedule_s_zone() {
        let c = Concurrency {
            name: "report".to_owned(),
            schedule: "*/10 * * * *".to_owned(),
            time_zone: Some("America/New_York".to_owned()),
            duration_seconds: 900,
            from: at(0),
            to: at(2 * 3600),
            slots: Vec::new(),
            lanes: Vec::new(),
        };
        let scene = concurrency_scene(&c, 960.0);
        let labels: Vec<&str> = scene.texts().collect();
        // From 02:30 EDT, every 10 minutes of New York's clock.
        assert_eq!(labels[..3], ["02:40", "02:50", "03:00"], "{labels:?}");
    }

    #[test]
    fn tips_say_the_outcome_its_reason_and_the_times_in_both_zones() {
        let c = Concurrency {
            name: "report".to_owned(),
            schedule: "* * * * *".to_owned(),
            time_zone: Some("America/New_York".to_owned()),
            duration_seconds: 90,
            from: at(0),
            to: at(200),
            slots: vec![at(0), at(60)],
            lanes: vec![
                PolicyLane {
                    policy: Policy::Forbid,
                    in_manifest: true,
                    runs: vec![run(
                        "report-1",
                        0,
                        90,
                        Outcome::Failed,
                        "DeadlineExceeded: Job was active longer than specified deadline",
                    )],
                    skipped: vec![at(60)],
                    max_concurrent: 1,
                },
                PolicyLane {
                    policy: Policy::Replace,
                    in_manifest: false,
                    runs: vec![
                        run("report-1", 0, 60, Outcome::Replaced, ""),
                        run("report-2", 60, 200, Outcome::Running, ""),
                    ],
                    skipped: Vec::new(),
                    max_concurrent: 1,
                },
            ],
        };
        assert_eq!(
            tips(&c),
            [
                "Forbid (the manifest's policy)\na due run is skipped while a Job runs\n1 Job, up to 1 at once, 1 run skipped",
                "report-1: failed (DeadlineExceeded: Job was active longer than specified deadline)\nscheduled Mon 9 Mar 2026 02:30 EDT (06:30 UTC)\nended Mon 9 Mar 2026 02:31:30 EDT after 90 s\nForbid policy (the manifest's) · jobs of 90 s",
                "report: the run due Mon 9 Mar 2026 02:31 EDT (06:31 UTC)\nskipped by Forbid: report-1 was still running",
                "Replace\na due run deletes the running Job and starts a new one\n2 Jobs, up to 1 at once, 0 runs skipped",
                "report-1: deleted by Replace to start report-2\nscheduled Mon 9 Mar 2026 02:30 EDT (06:30 UTC)\nended Mon 9 Mar 2026 02:31 EDT after 60 s\nReplace policy",
                "report-2: still running at the end of the diagram\nscheduled Mon 9 Mar 2026 02:31 EDT (06:31 UTC)\nReplace policy",
            ]
        );
    }
}

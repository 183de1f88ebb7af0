//! What the page and the simulation worker say to each other, and the worker's side of it.
//!
//! The page (main thread) sends a [`Request`]; the worker answers with [`Response`]s: progress
//! while it works, then the result. Both travel as bytes ([`encode`], [`decode`]): the page and
//! the worker are two wasm binaries built from this one definition, so the format needs no
//! schema of its own, and a message that does not decode is an error, never a panic.
//!
//! The worker receives the text and the options, not the page's analysis: analysing again costs
//! a few milliseconds there and keeps the protocol to plain data. It analyses with lint off
//! (lint cannot change what a simulation does).
//!
//! [`Session`] (with the `simulation` feature) is the worker's logic, free of any browser API so
//! it runs in native tests: `src/worker` only moves bytes between it and `postMessage`.
//!
//! Invariants: one request at a time (the worker's message loop); a `Frame` request is answered
//! from the last finished run only; every response is bounded in size (frames carry at most
//! `MAX_FRAME_*` rows, and the Gantt chart its `MAX_BARS`).

use serde::{Deserialize, Serialize};

use crate::{Concurrency, DocumentKey, Frame, Options, PlayerInput, SimulatedOutcomes, Summary};

pub use jobscope_playback::codec::{CodecError, decode, encode};

/// The page's side: what it asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Simulate document `document` of `text` (analysed with `options`) as `input` says, then
    /// record it for playback: answered with progress, then `Recorded` and the first `Frame`,
    /// or `Failed`. A run longer than two days also gets, once its first day is simulated, a
    /// preview: a `Recorded` whose summary is not `complete` and its first `Frame`.
    Simulate {
        text: String,
        document: usize,
        options: Options,
        input: PlayerInput,
        /// The width the frames' charts are laid out at (the page's pane, CSS pixels).
        width: f64,
    },
    /// The finished run's frame at virtual time `time` (milliseconds), its charts `width` CSS
    /// pixels wide over the view `view` of the run (milliseconds from its start; `None`: all
    /// of it; see `Summary::axis`).
    Frame {
        time: i64,
        width: f64,
        view: Option<(i64, i64)>,
    },
    /// The concurrency diagram of the CronJob document `document`: `runs` scheduled runs from
    /// `options.now`, each Job taking `duration_seconds`. `id` comes back with the answer, so
    /// the page keeps only the latest.
    Concurrency {
        id: u32,
        text: String,
        document: usize,
        options: Options,
        duration_seconds: i64,
        runs: usize,
    },
    /// The document `document` names (its index and list item, as the page's analysis reports
    /// them) simulated as `input` says in every supported version (`options`'s own version is
    /// not used), for the "differs between versions" table:
    /// answered with `OutcomesProgress` after each version, then `Outcomes`. `id` comes back
    /// with each answer.
    Outcomes {
        id: u32,
        text: String,
        document: DocumentKey,
        options: Options,
        input: PlayerInput,
    },
}

/// What a simulation is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// The controllers run on the virtual clock.
    Simulating,
    /// The finished run is read into the player's recording.
    Recording,
}

/// The worker's side: progress and results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Sent once the worker's wasm is running: requests sent before are not lost, but the page
    /// waits for this to know the worker loaded.
    Ready,
    /// `done` of the phase's work, from 0 to 1.
    Progress {
        phase: Phase,
        done: f64,
    },
    /// The run is recorded: what the playback keeps for its whole length (or, when not
    /// `complete`, a preview of its start).
    Recorded(Summary),
    Frame(Frame),
    Concurrency {
        id: u32,
        result: Result<Concurrency, String>,
    },
    /// `done` of the supported versions are simulated for `Outcomes` request `id`.
    OutcomesProgress {
        id: u32,
        done: usize,
    },
    /// The outcomes of `Outcomes` request `id` (`None`: the text has no such document, or it
    /// is not a Job or CronJob).
    Outcomes {
        id: u32,
        result: Option<SimulatedOutcomes>,
    },
    /// The request could not be done (the document does not validate, no run to play...).
    Failed(String),
}

#[cfg(feature = "simulation")]
pub use session::Session;

#[cfg(feature = "simulation")]
mod session {
    use super::{Phase, Request, Response};
    use crate::{DocumentReport, Options, PlayerInput, Recorder, Recording, analyze};

    /// Controller tasks between two progress messages (a few milliseconds of work).
    const TASKS_PER_STEP: u64 = 20_000;
    /// Recording units (a pod, a Job, an event, an object's series) between two progress
    /// messages.
    const UNITS_PER_STEP: usize = 5_000;
    /// A run longer than twice this (virtual milliseconds) sends a preview once the simulation
    /// has passed it: the first day of a month-long run is on screen in a tenth of the time the
    /// whole takes, while the rest is simulated (the preview's recording costs about a
    /// thirtieth of the full one).
    const PREVIEW_MS: i64 = 86_400_000;

    /// The worker's state between requests: the last finished run, for its frames.
    #[derive(Default)]
    pub struct Session {
        recording: Option<Recording>,
    }

    impl Session {
        pub fn new() -> Session {
            Session::default()
        }

        /// Does what `request` asks, giving each response to `send` as soon as it is known.
        pub fn handle(&mut self, request: Request, send: &mut dyn FnMut(Response)) {
            match request {
                Request::Simulate {
                    text,
                    document,
                    options,
                    input,
                    width,
                } => {
                    // A new run replaces the old one, even when it fails.
                    self.recording = None;
                    match simulate(&text, document, &options, &input, width, send) {
                        Ok(recording) => {
                            send(Response::Recorded(recording.summary()));
                            send(Response::Frame(recording.frame(recording.start, width)));
                            self.recording = Some(recording);
                        }
                        Err(message) => send(Response::Failed(message)),
                    }
                }
                Request::Frame { time, width, view } => match &self.recording {
                    Some(recording) => send(Response::Frame(recording.frame_in(time, width, view))),
                    None => send(Response::Failed(
                        "there is no finished simulation to play back".to_owned(),
                    )),
                },
                Request::Concurrency {
                    id,
                    text,
                    document,
                    options,
                    duration_seconds,
                    runs,
                } => {
                    let now = options.now;
                    let result = with_document(&text, document, &options, |report| {
                        crate::concurrency_view(report, now, duration_seconds, runs)
                    });
                    send(Response::Concurrency { id, result });
                }
                Request::Outcomes {
                    id,
                    text,
                    document,
                    options,
                    input,
                } => {
                    let result = crate::simulated_outcomes(
                        &text,
                        &options,
                        Some(document),
                        &|_| input.clone(),
                        &crate::InOrder,
                        |done| send(Response::OutcomesProgress { id, done }),
                    )
                    .pop();
                    send(Response::Outcomes { id, result });
                }
            }
        }
    }

    /// Runs `f` on document `document` of `text`, analysed with `options` but without lint.
    fn with_document<T>(
        text: &str,
        document: usize,
        options: &Options,
        f: impl FnOnce(&DocumentReport) -> Result<T, String>,
    ) -> Result<T, String> {
        let options = Options {
            lint: false,
            ..options.clone()
        };
        let analysis = analyze(text, &options);
        match analysis.documents.get(document) {
            Some(report) => f(report),
            None => Err(format!(
                "the text has no document {} (it has {})",
                document + 1,
                analysis.documents.len()
            )),
        }
    }

    fn simulate(
        text: &str,
        document: usize,
        options: &Options,
        input: &PlayerInput,
        width: f64,
        send: &mut dyn FnMut(Response),
    ) -> Result<Recording, String> {
        let mut simulation = with_document(text, document, options, |report| {
            crate::start_simulation(report, input)
        })?;
        send(Response::Progress {
            phase: Phase::Simulating,
            done: 0.0,
        });
        let mut preview_at = (simulation.until() - simulation.start() > 2 * PREVIEW_MS)
            .then(|| simulation.start() + PREVIEW_MS);
        while !simulation.step(TASKS_PER_STEP) {
            if let Some(at) = preview_at
                && simulation.now() >= at
            {
                preview_at = None;
                let preview = Recorder::new(&simulation).finish();
                send(Response::Recorded(preview.summary()));
                send(Response::Frame(preview.frame(preview.start, width)));
            }
            send(Response::Progress {
                phase: Phase::Simulating,
                done: simulation.progress(),
            });
        }
        let mut recorder = Recorder::new(&simulation);
        send(Response::Progress {
            phase: Phase::Recording,
            done: 0.0,
        });
        while !recorder.step(UNITS_PER_STEP) {
            send(Response::Progress {
                phase: Phase::Recording,
                done: recorder.progress(),
            });
        }
        Ok(recorder.finish())
    }
}

#[cfg(all(test, feature = "simulation"))]
mod tests {
    use super::*;
    use crate::{Instant, KubernetesVersion};

    const CRON: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: \"*/5 * * * *\"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";

    fn now() -> Instant {
        crate::parse_rfc3339("2026-03-01T10:00:30Z").unwrap()
    }

    /// Sends `request` through the codec both ways, as the page and the worker do, and
    /// collects the decoded responses.
    fn exchange(session: &mut Session, request: &Request) -> Vec<Response> {
        let request: Request = decode(&encode(request)).expect("the request decodes");
        let mut responses = Vec::new();
        session.handle(request, &mut |response| {
            responses.push(decode(&encode(&response)).expect("the response decodes"));
        });
        responses
    }

    fn simulate_request(text: &str, hours: i64) -> Request {
        let mut input = PlayerInput::for_kind(true, now());
        input.duration_seconds = hours * 3600;
        Request::Simulate {
            text: text.to_owned(),
            document: 0,
            options: Options::at(now()),
            input,
            width: 700.0,
        }
    }

    #[test]
    fn a_simulation_reports_progress_then_its_summary_and_first_frame() {
        let mut session = Session::new();
        let responses = exchange(&mut session, &simulate_request(CRON, 24));
        let progress: Vec<(Phase, f64)> = responses
            .iter()
            .filter_map(|r| match r {
                Response::Progress { phase, done } => Some((*phase, *done)),
                _ => None,
            })
            .collect();
        assert_eq!(progress.first(), Some(&(Phase::Simulating, 0.0)));
        assert!(progress.contains(&(Phase::Recording, 0.0)));
        assert!(progress.iter().all(|(_, done)| (0.0..=1.0).contains(done)));
        let [.., Response::Recorded(summary), Response::Frame(frame)] = &responses[..] else {
            panic!("no summary and frame at the end: {responses:?}")
        };
        assert_eq!(
            (summary.kind.as_str(), summary.name.as_str()),
            ("CronJob", "report")
        );
        assert_eq!(frame.time, summary.start);
        // The charts are laid out at the width the page asked for.
        assert_eq!(frame.gantt.width, 700.0);
        assert!(frame.charts.iter().all(|c| c.width == 700.0));
        // A day of a five-minute CronJob: frames later in the run see its Jobs.
        let later = exchange(
            &mut session,
            &Request::Frame {
                time: summary.start + 3 * 3600 * 1000,
                width: 1200.0,
                view: None,
            },
        );
        let [Response::Frame(later)] = &later[..] else {
            panic!("{later:?}")
        };
        // Zoomed to the hour around that time: the frame says so, and its Gantt chart shows
        // that hour's pods only.
        let hour = (2 * 3600 * 1000 + 1800 * 1000, 3 * 3600 * 1000 + 1800 * 1000);
        let zoomed = exchange(
            &mut session,
            &Request::Frame {
                time: summary.start + 3 * 3600 * 1000,
                width: 1200.0,
                view: Some(hour),
            },
        );
        let [Response::Frame(zoomed)] = &zoomed[..] else {
            panic!("{zoomed:?}")
        };
        assert_eq!(zoomed.view, Some(hour));
        // The title names the hour shown (the run starts at the page's clock).
        assert!(
            zoomed.gantt.title.contains(" from ") && zoomed.gantt.title != later.gantt.title,
            "{}",
            zoomed.gantt.title
        );
        let bars = |frame: &Frame| {
            frame
                .gantt
                .items
                .iter()
                .filter(|item| matches!(item, jobscope_scene::Item::Rect { .. }))
                .count()
        };
        // Bars' tips (every row's label has one too).
        let tips = |frame: &Frame| {
            frame
                .gantt
                .items
                .iter()
                .filter(|item| matches!(item, jobscope_scene::Item::Rect { tip: Some(_), .. }))
                .count()
        };
        assert!(
            bars(zoomed) < bars(later),
            "{} < {}",
            bars(zoomed),
            bars(later)
        );
        // A day's pods are slivers too narrow to point at, without tips; an hour's have room.
        assert_eq!(tips(later), 0);
        assert!(tips(zoomed) > 0);
        // A view that is not inside the run is all of it.
        let outside = exchange(
            &mut session,
            &Request::Frame {
                time: summary.start,
                width: 1200.0,
                view: Some((0, i64::MAX)),
            },
        );
        let [Response::Frame(outside)] = &outside[..] else {
            panic!("{outside:?}")
        };
        assert_eq!(outside.gantt.title, frame.gantt.title, "not zoomed");
        assert!(later.events_so_far > frame.events_so_far);
        assert_eq!(later.gantt.width, 1200.0);
        assert!(!later.jobs.is_empty() && later.jobs.len() <= crate::MAX_FRAME_JOBS);
        assert!(later.events.len() <= crate::MAX_FRAME_EVENTS);
        assert!(later.next_event.is_some_and(|t| t > later.time));
    }

    /// A week-long run sends a preview once its first day is simulated (spanning the whole
    /// run, so its chart keeps its scale), then the complete recording; a day sends only the
    /// complete one. Each summary is followed by its first frame.
    #[test]
    fn a_long_run_previews_its_first_day_before_the_whole() {
        // Minutely: enough controller work that the run takes many steps.
        let minutely = CRON.replace("*/5 * * * *", "* * * * *");
        let run = |hours| {
            let mut session = Session::new();
            exchange(&mut session, &simulate_request(&minutely, hours))
        };
        let week = run(7 * 24);
        let mut simulated = 0.0;
        let mut recorded = Vec::new();
        for (i, response) in week.iter().enumerate() {
            match response {
                Response::Progress {
                    phase: Phase::Simulating,
                    done,
                } => simulated = *done,
                Response::Recorded(summary) => {
                    recorded.push((
                        summary.complete,
                        simulated,
                        summary.shown_end - summary.start,
                    ));
                    assert!(
                        matches!(week.get(i + 1), Some(Response::Frame(f)) if f.time == summary.start)
                    );
                }
                _ => {}
            }
        }
        let [(false, at, preview_span), (true, _, whole_span)] = recorded[..] else {
            panic!("{recorded:?}")
        };
        assert!(
            at < 0.5,
            "the preview comes early: at {at} of the simulation"
        );
        assert_eq!(preview_span, 7 * 24 * 3600 * 1000);
        assert!(whole_span > 6 * 24 * 3600 * 1000, "{whole_span} ms");
        let day = run(24);
        let complete: Vec<bool> = day
            .iter()
            .filter_map(|r| match r {
                Response::Recorded(s) => Some(s.complete),
                _ => None,
            })
            .collect();
        assert_eq!(complete, [true]);
    }

    #[test]
    fn an_invalid_document_fails_with_the_apiservers_first_error() {
        let mut session = Session::new();
        let text = CRON.replace("*/5 * * * *", "*/5 * * *");
        let responses = exchange(&mut session, &simulate_request(&text, 1));
        let [Response::Failed(message)] = &responses[..] else {
            panic!("{responses:?}")
        };
        assert!(message.contains("schedule"), "{message}");
        // And no frame of an older run is played.
        let frame = exchange(
            &mut session,
            &Request::Frame {
                time: 0,
                width: 960.0,
                view: None,
            },
        );
        assert!(matches!(&frame[..], [Response::Failed(_)]), "{frame:?}");
    }

    #[test]
    fn a_missing_document_is_a_failure_not_a_panic() {
        let mut session = Session::new();
        let mut request = simulate_request(CRON, 1);
        if let Request::Simulate { document, .. } = &mut request {
            *document = 7;
        }
        let responses = exchange(&mut session, &request);
        assert!(matches!(&responses[..], [Response::Failed(m)] if m.contains("no document 8")));
    }

    #[test]
    fn the_concurrency_diagram_comes_back_with_its_request_id() {
        let mut session = Session::new();
        let responses = exchange(
            &mut session,
            &Request::Concurrency {
                id: 42,
                text: CRON.to_owned(),
                document: 0,
                options: Options::at(now()),
                duration_seconds: 450,
                runs: 6,
            },
        );
        let [
            Response::Concurrency {
                id: 42,
                result: Ok(diagram),
            },
        ] = &responses[..]
        else {
            panic!("{responses:?}")
        };
        assert_eq!(diagram.slots.len(), 6);
        let forbid = &diagram.lanes[1];
        assert!(forbid.in_manifest && !forbid.skipped.is_empty());
    }

    #[test]
    fn outcomes_come_back_per_version_with_their_request_id() {
        let mut session = Session::new();
        let request = |id, document: DocumentKey| Request::Outcomes {
            id,
            text: CRON.to_owned(),
            document,
            options: Options::at(now()),
            input: PlayerInput::for_kind(true, now()),
        };
        let responses = exchange(&mut session, &request(7, (0, None)));
        let done: Vec<usize> = responses
            .iter()
            .filter_map(|r| match r {
                Response::OutcomesProgress { id: 7, done } => Some(*done),
                _ => None,
            })
            .collect();
        assert_eq!(done, [1, 2, 3, 4, 5, 6]);
        let Some(Response::Outcomes {
            id: 7,
            result: Some(outcomes),
        }) = responses.last()
        else {
            panic!("{responses:?}")
        };
        assert_eq!(outcomes.by_version.len(), KubernetesVersion::ALL.len());
        assert_eq!(
            outcomes.by_version[0][0],
            "288 Jobs created: 287 complete, 1 running at the end"
        );
        // This CronJob behaves alike in every version: no row for the table.
        assert_eq!(outcomes.difference(), None);
        // A document the text does not have: an answer, not a panic.
        let responses = exchange(&mut session, &request(8, (3, None)));
        assert!(
            matches!(
                responses.last(),
                Some(Response::Outcomes {
                    id: 8,
                    result: None
                })
            ),
            "{responses:?}"
        );
    }
}

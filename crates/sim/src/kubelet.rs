//! The kubelet's side of a pod's life, on the cluster: start-up, container exits, in-place
//! restarts with back-off (`OnFailure`), the phase once containers stop, and graceful
//! termination (SIGTERM, then SIGKILL at the end of the grace period). Each step is a task on
//! the agenda, and each change a pod update the Job controller hears of.

use crate::cluster::{Cluster, Task};
use crate::model::{Ms, Phase, PodId, RestartPolicy, SECOND};

/// Container restart back-off: 10 s doubling to 300 s.
const KUBELET_BACKOFF_INITIAL: Ms = 10 * SECOND;
const KUBELET_BACKOFF_MAX: Ms = 300 * SECOND;

impl Cluster {
    pub(crate) fn pod_start(&mut self, pod: PodId) {
        if self.pods[pod].deletion.is_some() || self.pods[pod].phase != Phase::Pending {
            return;
        }
        self.start_containers(pod);
        self.pod_changed(pod);
    }

    pub(crate) fn start_containers(&mut self, pod_id: PodId) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        pod.phase = Phase::Running;
        pod.started = Some(now);
        if pod.behaviour.ready {
            pod.ready = true;
            pod.ready_changed = now;
        }
        let run_for = pod.behaviour.run_for;
        for c in &mut pod.containers {
            c.running_since = Some(now);
        }
        for n in 0..self.pods[pod_id].containers.len() {
            self.push(now + run_for, Task::ContainerExit(pod_id, n, now));
        }
    }

    pub(crate) fn container_exit(&mut self, pod_id: PodId, n: usize, run_started: Ms) {
        let now = self.now;
        let restart_policy = self.jobs[self.pods[pod_id].job].spec.restart_policy;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.containers[n].running_since != Some(run_started) {
            return;
        }
        let code = pod.containers[n].planned_exit_code;
        self.terminate_container(pod_id, n, code);
        let pod = &mut self.pods[pod_id];
        if code != 0 && restart_policy == RestartPolicy::OnFailure && pod.deletion.is_none() {
            // The kubelet restarts it in place: at once the first time, then after 10 s, 20 s…
            let restarts = pod.containers[n].restarts;
            let delay = if restarts == 0 {
                0
            } else {
                KUBELET_BACKOFF_INITIAL
                    .saturating_mul(1 << (restarts - 1).min(20))
                    .min(KUBELET_BACKOFF_MAX)
            };
            self.push(now + delay, Task::ContainerRestart(pod_id, n));
        }
        self.settle_phase(pod_id);
        self.pod_changed(pod_id);
    }

    fn terminate_container(&mut self, pod_id: PodId, n: usize, code: i32) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        let container = &mut pod.containers[n];
        container.running_since = None;
        container.terminated = Some((code, now));
        if code != 0 && container.first_failure.is_none() {
            container.first_failure = Some(code);
        }
        if pod.ready {
            pod.ready = false;
            pod.ready_changed = now;
        }
    }

    pub(crate) fn container_restart(&mut self, pod_id: PodId, n: usize) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.deletion.is_some() {
            return;
        }
        let container = &mut pod.containers[n];
        container.restarts += 1;
        container.terminated = None;
        container.running_since = Some(now);
        let run_for = pod.behaviour.run_for;
        if pod.behaviour.ready && pod.containers.iter().all(|c| c.running_since.is_some()) {
            pod.ready = true;
            pod.ready_changed = now;
        }
        self.push(now + run_for, Task::ContainerExit(pod_id, n, now));
        self.pod_changed(pod_id);
    }

    /// The pod's phase once containers have stopped: all terminated → Succeeded when every
    /// exit was 0, else Failed (OnFailure pods fail only when they are being deleted).
    fn settle_phase(&mut self, pod_id: PodId) {
        let restart_policy = self.jobs[self.pods[pod_id].job].spec.restart_policy;
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.containers.iter().any(|c| c.terminated.is_none()) {
            return;
        }
        let all_zero = pod
            .containers
            .iter()
            .all(|c| c.terminated.is_some_and(|(code, _)| code == 0));
        if all_zero {
            pod.phase = Phase::Succeeded;
        } else if restart_policy == RestartPolicy::Never || pod.deletion.is_some() {
            pod.phase = Phase::Failed;
        } else {
            return;
        }
        pod.finished = Some(now);
        self.maybe_gone(pod_id);
    }

    /// The kubelet stops a deleted pod: at once (SIGTERM handled, or never started) or at the
    /// end of its grace period.
    pub(crate) fn pod_terminate(&mut self, pod_id: PodId) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        let Some((_, grace)) = pod.deletion else {
            return;
        };
        if pod.phase.terminal() {
            return;
        }
        if pod.phase == Phase::Pending {
            pod.phase = Phase::Failed;
            pod.finished = Some(now);
            pod.ready = false;
        } else if pod.behaviour.exits_on_sigterm || grace == 0 {
            let code = if pod.behaviour.exits_on_sigterm {
                143
            } else {
                137
            };
            self.kill_containers(pod_id, code);
        } else {
            self.push(now + grace * SECOND, Task::GraceOver(pod_id));
            return;
        }
        self.maybe_gone(pod_id);
        self.pod_changed(pod_id);
    }

    fn kill_containers(&mut self, pod_id: PodId, code: i32) {
        for n in 0..self.pods[pod_id].containers.len() {
            if self.pods[pod_id].containers[n].terminated.is_none() {
                self.terminate_container(pod_id, n, code);
            }
        }
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if !pod.phase.terminal() {
            // A pod killed while terminating ends Failed, whatever its containers said.
            let all_zero = pod
                .containers
                .iter()
                .all(|c| c.terminated.is_some_and(|(c, _)| c == 0));
            pod.phase = if all_zero {
                Phase::Succeeded
            } else {
                Phase::Failed
            };
            pod.finished = Some(now);
        }
    }

    pub(crate) fn grace_over(&mut self, pod_id: PodId) {
        if self.pods[pod_id].phase.terminal() {
            return;
        }
        self.kill_containers(pod_id, 137);
        self.maybe_gone(pod_id);
        self.pod_changed(pod_id);
    }
}

#[cfg(test)]
mod tests {
    use crate::cluster::tests::{cluster_with_job, run_kubelet};
    use crate::model::{Phase, SECOND};
    use crate::scenario::PodRule;

    /// A pod that exits on SIGTERM stops at once with 143; one that ignores it is killed with
    /// 137 when its grace period (here 30 s) is over; both end Failed and leave the API once
    /// their finalizer is gone.
    #[test]
    fn graceful_termination() {
        for (exits_on_sigterm, code, after) in [(true, 143, 0), (false, 137, 30 * SECOND)] {
            let rule = PodRule {
                exits_on_sigterm,
                run_for: crate::scenario::RunFor::Fixed(3600 * SECOND),
                ..PodRule::fallback()
            };
            let (mut c, job) = cluster_with_job(vec![rule]);
            let pod = c.create_pod(job, None, 0, 0);
            run_kubelet(&mut c, 10 * SECOND);
            assert_eq!(c.pods[pod].phase, Phase::Running);
            c.delete_pod(pod, false);
            run_kubelet(&mut c, 10 * SECOND);
            assert_eq!(c.pods[pod].phase.terminal(), after == 0, "{code}");
            if after > 0 {
                run_kubelet(&mut c, 10 * SECOND + after - 1);
                assert!(
                    !c.pods[pod].phase.terminal(),
                    "killed only at the end of the grace"
                );
                run_kubelet(&mut c, 10 * SECOND + after);
            }
            assert_eq!(c.pods[pod].phase, Phase::Failed);
            assert_eq!(c.pods[pod].exit_code(), Some(code));
            assert_eq!(c.pods[pod].finished, Some(10 * SECOND + after));
            assert!(c.pods[pod].gone.is_none(), "the Job's finalizer holds it");
            c.remove_finalizer(pod);
            assert_eq!(c.pods[pod].gone, Some(10 * SECOND + after));
        }
    }

    /// `OnFailure` pods restart in place: at once, then after 10 s, 20 s, … (capped at 300 s).
    #[test]
    fn on_failure_restarts_back_off() {
        let rule = PodRule {
            exit_code: 1,
            run_for: crate::scenario::RunFor::Fixed(SECOND),
            ..PodRule::fallback()
        };
        let (mut c, job) = cluster_with_job_on_failure(vec![rule]);
        let pod = c.create_pod(job, None, 0, 0);
        // Runs 1 s, restarts at once, runs 1 s, waits 10 s, runs 1 s, waits 20 s, runs 1 s.
        run_kubelet(&mut c, 34 * SECOND);
        assert_eq!(c.pods[pod].restarts(), 3);
        assert_eq!(c.pods[pod].phase, Phase::Running);

        fn cluster_with_job_on_failure(
            rules: Vec<PodRule>,
        ) -> (crate::cluster::Cluster, crate::model::JobId) {
            crate::cluster::tests::cluster_with_job_text(
                rules,
                "template: {spec: {restartPolicy: OnFailure, containers: [{name: main}]}}",
            )
        }
    }
}

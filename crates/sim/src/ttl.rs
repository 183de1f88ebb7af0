//! The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
//! `ttlSecondsAfterFinished` is deleted, with foreground propagation, that many seconds after
//! its terminal condition's transition time. It emits no event.

use super::engine::Simulation;
use super::model::{JobId, SECOND};

impl Simulation {
    /// `needsCleanup`: a TTL and a terminal condition, and not already being deleted.
    fn ttl_needs_cleanup(&self, job: JobId) -> bool {
        let job = &self.jobs[job];
        job.spec.ttl_seconds_after_finished.is_some()
            && job.status.finished().is_some()
            && job.deleted_at.is_none()
            && !job.gone
    }

    /// The controller's informer saw the Job added or updated.
    pub(super) fn ttl_job_changed(&mut self, job: JobId) {
        if self.ttl_needs_cleanup(job) {
            self.enqueue_ttl(job, 0);
        }
    }

    /// `processJob`: delete when expired, else look again when it expires.
    pub(super) fn ttl_process(&mut self, job_id: JobId) {
        if !self.ttl_needs_cleanup(job_id) {
            return;
        }
        let job = &self.jobs[job_id];
        let (Some(ttl), Some(finished)) =
            (job.spec.ttl_seconds_after_finished, job.status.finished())
        else {
            return;
        };
        let expires = finished.time.saturating_add(ttl.saturating_mul(SECOND));
        if self.now >= expires {
            self.delete_job(job_id, true);
        } else {
            let remaining = expires - self.now;
            self.enqueue_ttl(job_id, remaining);
        }
    }
}

//! The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
//! `ttlSecondsAfterFinished` is deleted, with foreground propagation, that many seconds after
//! its terminal condition's transition time. It emits no event and keeps no state of its own
//! (its informer's handler, `Cluster::ttl_job_changed`, queues the Jobs it must look at).

use crate::cluster::Cluster;
use crate::model::{JobId, SECOND};

/// `processJob`: delete when expired, else look again when it expires.
pub(crate) fn process_job(c: &mut Cluster, job_id: JobId) {
    if !c.jobs[job_id].needs_ttl_cleanup() {
        return;
    }
    let job = &c.jobs[job_id];
    let (Some(ttl), Some(finished)) = (job.spec.ttl_seconds_after_finished, job.status.finished())
    else {
        return;
    };
    let expires = finished.time.saturating_add(ttl.saturating_mul(SECOND));
    if c.now >= expires {
        c.delete_job(job_id, true);
    } else {
        let remaining = expires - c.now;
        c.enqueue_ttl(job_id, remaining);
    }
}

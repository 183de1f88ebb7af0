//! The examples menu's list: our own commented manifests in `public/examples/`, one per use case,
//! fetched from the site when chosen (only the default one is compiled in).

/// One example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// File name under `examples/` in the built site.
    pub file: &'static str,
    pub title: &'static str,
}

/// Every example, in the menu's order.
pub const EXAMPLES: &[Example] = &[
    Example {
        file: "one-off-job.yaml",
        title: "One-off computation (Job)",
    },
    Example {
        file: "database-migration.yaml",
        title: "Database migration (Job)",
    },
    Example {
        file: "fixed-completions.yaml",
        title: "Fixed number of completions (Job)",
    },
    Example {
        file: "indexed-work-queue.yaml",
        title: "Indexed work queue (Job)",
    },
    Example {
        file: "failure-policies.yaml",
        title: "Failure policies (Job)",
    },
    Example {
        file: "backup-cronjob.yaml",
        title: "Nightly backup (CronJob)",
    },
    Example {
        file: "cleanup-cronjob.yaml",
        title: "Cleanup with RBAC (CronJob and RBAC)",
    },
    Example {
        file: "weekly-report.yaml",
        title: "Weekly report (CronJob)",
    },
    Example {
        file: "gpu-job.yaml",
        title: "GPU job (Job)",
    },
    Example {
        file: "graceful-shutdown.yaml",
        title: "Graceful shutdown (Job)",
    },
    Example {
        file: "concurrency-policies.yaml",
        title: "Concurrency policies (three CronJobs)",
    },
];

/// The example the page opens with.
pub const DEFAULT_EXAMPLE_FILE: &str = "backup-cronjob.yaml";

pub fn find(file: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.file == file)
}

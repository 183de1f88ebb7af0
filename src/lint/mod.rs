//! Best-practice rules for batch workloads, one rule per file.

use crate::analysis::Options;
use crate::diagnostic::Diagnostic;
use crate::manifest::document::Manifest;

/// The lint findings for one Job or CronJob document (none for other documents).
pub fn lint_document(manifest: &Manifest, options: &Options) -> Vec<Diagnostic> {
    let _ = (manifest, options);
    Vec::new()
}

//! Best-practice rules for batch workloads, one rule per file.

//! The one integration test binary: every native cross-module test is a module of it.

mod analysis_props;
mod cli;
mod cron_props;
mod hostile;
mod hostile_inputs;
mod lint_fixtures;
mod simulate_fixtures;
mod simulate_props;
mod tidy;
mod validate_fixtures;

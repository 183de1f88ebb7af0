//! Argument parsing and dispatch to the subcommands; the exit-code conventions live here.
//!
//! Exit codes: 0 success, 1 the input has errors (or a schedule/zone is rejected), 2 usage errors.

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use jobscope_analysis::analyze;

use crate::common::{UsageError, now, write_err, write_out};
use crate::{rules_cmd, schedule_cmd, simulate_cmd, validate_cmd};

pub const USAGE: &str = "\
jobscope: see what a Kubernetes Job or CronJob will do before you apply it

Usage:
  jobscope validate [PATH ...] [--client kubectl-apply|kubectl-create|api] [--format text|json]
                    [--no-lint] [--disable CODE,...] [--now RFC3339]
      what the kube-apiserver would reject or warn about in each document (no path or - reads
      stdin), and best-practice advice (lint; --no-lint leaves it out, --disable turns rules
      off); exit 1 when any document has an error. --now: the time lint looks ahead from.
      The paths are taken together: a Job's ServiceAccount, Secrets, ConfigMaps and
      PriorityClass are checked against the objects of those kinds that all of them define
      --client: how the manifest reaches the apiserver (default kubectl-apply):
        kubectl-apply   kubectl apply -f: kubectl converts the YAML (a key written twice keeps
                        its last value), adds its last-applied annotation (counted in the 256 KiB
                        limit; a non-string annotation value drops them all), removes null map
                        values, fills the namespace, clears resourceVersion; stops at a YAML error
        kubectl-create  kubectl create -f: the same conversion, no last-applied annotation (a
                        non-string annotation value is a type error), generateName accepted
        api             a direct API request: each document's YAML as written, POST
                        application/yaml with fieldValidation=Strict (client libraries, many
                        deployment tools): a key set twice is refused, non-string annotations and
                        namespaces are type errors, nothing is filled in
  jobscope next --schedule EXPR [--time-zone ZONE] [--from RFC3339] [--count N] [--format text|json]
      the next N fire times (default 10) strictly after --from (default now), as the CronJob
      controller computes them
  jobscope explain --schedule EXPR [--time-zone ZONE] [--format text|json]
      the schedule in words, its traps, and whether the apiserver accepts it on create
  jobscope missed --schedule EXPR [--time-zone ZONE] --created RFC3339 [--last-schedule RFC3339]
                  --now RFC3339 [--starting-deadline-seconds N] [--format text|json]
      one sync of the CronJob controller at --now: which run it starts, what it missed, and
      when it looks again
  jobscope simulate SCENARIO.yaml [--format text|json]
      runs the Job, CronJob and TTL controllers on a virtual clock (see README: scenario
      format); text is the event list and outcome, JSON the full result
  jobscope rules [--format text|json]
      every lint rule: code, default severity and summary (JSON adds each rule's help and
      documentation); turn rules off with validate --disable or the jobscope.dev/ignore annotation
  jobscope outline [PATH ...]      kind and name of each document (no path or - reads stdin)
  jobscope help                    this text
  jobscope --version

Common options:
  --controller-time-zone ZONE   the zone kube-controller-manager runs in, used when a CronJob
                                has no timeZone (default UTC)

Exit codes: 0 fine, 1 rejected input, 2 usage error.
";

pub fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        return usage_error("no command given");
    };
    let rest: Vec<OsString> = args.collect();
    let result = match command.to_string_lossy().as_ref() {
        "validate" => validate_cmd::validate(rest),
        "next" => schedule_cmd::next(rest),
        "explain" => schedule_cmd::explain(rest),
        "missed" => schedule_cmd::missed(rest),
        "simulate" => simulate_cmd::simulate(rest),
        "rules" => rules_cmd::rules_command(rest),
        "outline" => Ok(outline(rest)),
        "help" | "--help" | "-h" => {
            write_out(USAGE);
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            write_out(&format!("jobscope {}\n", env!("CARGO_PKG_VERSION")));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError(format!("unknown command `{other}`"))),
    };
    result.unwrap_or_else(|UsageError(message)| usage_error(&message))
}

fn usage_error(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "jobscope: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn outline(paths: Vec<OsString>) -> ExitCode {
    let paths: Vec<String> = if paths.is_empty() {
        vec!["-".to_owned()]
    } else {
        paths
            .iter()
            .map(|path| path.to_string_lossy().into_owned())
            .collect()
    };
    let mut out = String::new();
    for path in &paths {
        let text = if path == "-" {
            let mut text = String::new();
            if let Err(error) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                write_err(&format!("jobscope: reading stdin: {error}\n"));
                return ExitCode::from(2);
            }
            text
        } else {
            match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => {
                    write_err(&format!("jobscope: {path}: {error}\n"));
                    return ExitCode::from(2);
                }
            }
        };
        let options = jobscope_analysis::Options {
            lint: false,
            ..jobscope_analysis::Options::at(now())
        };
        for (index, document) in analyze(&text, &options).documents.iter().enumerate() {
            out.push_str(&format!(
                "{path}[{index}]: {} {} {}\n",
                document.api_version.as_deref().unwrap_or("-"),
                document.kind.as_deref().unwrap_or("-"),
                document.name.as_deref().unwrap_or("-"),
            ));
        }
    }
    write_out(&out);
    ExitCode::SUCCESS
}

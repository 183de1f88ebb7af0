//! Argument parsing and dispatch to the subcommands; the exit-code conventions live here.
//!
//! Exit codes: 0 success, 1 the input has errors (or a schedule/zone is rejected), 2 usage errors.

use std::io::Write;
use std::process::ExitCode;

use jobscope::analysis::analyze;

const USAGE: &str = "\
jobscope: see what a Kubernetes Job or CronJob will do before you apply it

Usage:
  jobscope outline [PATH ...]      kind and name of each document (no path or - reads stdin)
  jobscope help                    this text
  jobscope --version
";

pub fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        return usage_error("no command given");
    };
    let rest: Vec<_> = args.collect();
    match command.to_string_lossy().as_ref() {
        "outline" => outline(rest),
        "help" | "--help" | "-h" => {
            write_out(USAGE);
            ExitCode::SUCCESS
        }
        "--version" | "-V" => {
            write_out(&format!("jobscope {}\n", env!("CARGO_PKG_VERSION")));
            ExitCode::SUCCESS
        }
        other => usage_error(&format!("unknown command `{other}`")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "jobscope: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn write_out(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

fn outline(paths: Vec<std::ffi::OsString>) -> ExitCode {
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
                let _ = writeln!(std::io::stderr(), "jobscope: reading stdin: {error}");
                return ExitCode::from(2);
            }
            text
        } else {
            match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => {
                    let _ = writeln!(std::io::stderr(), "jobscope: {path}: {error}");
                    return ExitCode::from(2);
                }
            }
        };
        for (index, document) in analyze(&text).documents.iter().enumerate() {
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

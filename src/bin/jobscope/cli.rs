//! The command line as data (clap's derive): every subcommand, option and help text, and the
//! dispatch to the command modules. clap gives `-h/--help` on every subcommand, `--version`,
//! typo suggestions, `--` handling, environment variables and shell completions; a usage
//! error is one line, a tip and the usage line, exit 2.
//!
//! Exit codes: 0 success, 1 the input has errors (or findings at `--fail-on`; a schedule or zone
//! is rejected), 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use jobscope_analysis::{ClientPath, Instant, KubernetesVersion, Severity, Zone};

use crate::common::{
    client_value, controller_zone_value, kubernetes_version_value, rule_code_value, time_value,
};
use crate::{render_cmd, rules_cmd, schedule_cmd, simulate_cmd, validate_cmd};

#[derive(Parser, Debug)]
#[command(
    name = "jobscope",
    version,
    about = "See what a Kubernetes Job or CronJob will do before you apply it",
    long_about = "See what a Kubernetes batch/v1 Job or CronJob will do before you apply it: what \
                  the kube-apiserver would reject or warn about, best-practice advice, the \
                  schedule as the CronJob controller reads it, and a simulation of the \
                  controllers.",
    after_help = "Exit codes: 0 fine, 1 rejected input (or findings at --fail-on), 2 usage error.",
    arg_required_else_help = true,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// What the kube-apiserver would reject or warn about, and best-practice advice
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// The next fire times of a schedule, as the CronJob controller computes them
    #[command(after_help = NEXT_EXAMPLES)]
    Next(NextArgs),
    /// A schedule in words, its traps, and whether the apiserver accepts it
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// One sync of the CronJob controller: which run it starts, what it missed
    #[command(after_help = MISSED_EXAMPLES)]
    Missed(MissedArgs),
    /// Run the Job, CronJob and TTL controllers on a virtual clock
    #[command(after_help = SIMULATE_EXAMPLES)]
    Simulate(SimulateArgs),
    /// Write a diagram (timeline, concurrency, simulation) as SVG or Mermaid, as the page does
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// Every lint rule: code, default severity and summary
    #[command(after_help = "Examples:\n  jobscope rules\n  jobscope rules --format json")]
    Rules(RulesArgs),
    /// Kind and name of each document
    #[command(
        after_help = "Examples:\n  jobscope outline k8s/jobs.yaml\n  helm template . | jobscope outline"
    )]
    Outline(OutlineArgs),
    /// Shell completions for bash, zsh, fish, elvish or powershell, on stdout
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
}

const VALIDATE_EXAMPLES: &str = "\
Examples:
  jobscope validate job.yaml
  jobscope validate k8s/ --exclude '**/kustomization.yaml'
  helm template my-chart | jobscope validate --summary
  jobscope validate k8s/ --format sarif > jobscope.sarif
  jobscope validate k8s/ --format junit > jobscope.xml
  jobscope validate job.yaml --fail-on warning --disable lint.run-as-root

The paths are taken together, as by one `kubectl apply`: a Job's ServiceAccount, Secrets,
ConfigMaps and PriorityClass are checked against the objects all of them define.
Directories are read recursively (.yaml, .yml and .json files); no path or `-` reads stdin.
A file whose first character is `{` is a JSON stream, and a `kind: List` is checked item by
item, as kubectl reads them.

--client: how the manifest reaches the apiserver:
  kubectl-apply   kubectl apply -f: kubectl converts the YAML (a key written twice keeps its
                  last value), adds its last-applied annotation (counted in the 256 KiB limit;
                  a non-string annotation value drops them all), removes null map values, fills
                  the namespace, clears resourceVersion; stops at a YAML error
  kubectl-create  kubectl create -f: the same conversion, no last-applied annotation (a
                  non-string annotation value is a type error), generateName accepted
  api             a direct API request: each document's YAML as written, POST
                  application/yaml with fieldValidation=Strict: a key set twice is refused,
                  non-string annotations and namespaces are type errors, nothing is filled in";

const NEXT_EXAMPLES: &str = "\
Examples:
  jobscope next --schedule '30 2 * * *' --time-zone America/New_York --count 4
  jobscope next --schedule '@hourly' --from 2026-03-08T00:00:00Z --format json";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  jobscope explain --schedule '0 9-17 * * 1-5' --time-zone Europe/Berlin
  jobscope explain --schedule '0 0 31 2 *' --format json";

const MISSED_EXAMPLES: &str = "\
Examples:
  jobscope missed --schedule '0 * * * *' --created 2026-01-01T00:00:00Z \\
    --now 2026-01-01T05:30:00Z --starting-deadline-seconds 600";

const SIMULATE_EXAMPLES: &str = "\
Examples:
  jobscope simulate job.yaml                          # the page's default pod model
  jobscope simulate job.yaml --fail-first 2 --exit-code 42 --run-for 30s
  jobscope simulate cronjob.yaml --until 72h --format json
  jobscope simulate scenario.yaml                     # a scenario file (see README)

A file with a `manifest:` or `manifestFile:` key is a scenario; any other file is a manifest,
simulated with the page's pod model (pods run 30 to 90 s, the first attempt of each fails
with exit code 1; an hour for a Job, a day for a CronJob), which the options change.";

const RENDER_EXAMPLES: &str = "\
Examples:
  jobscope render timeline cronjobs.yaml --window week -o docs/timeline.svg
  jobscope render concurrency backup.yaml --format mermaid
  jobscope render simulation job.yaml --fail-first 1 -o docs/job.svg

The same drawing as the page's SVG and Mermaid downloads, from the same scene code.";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  jobscope completions bash > /etc/bash_completion.d/jobscope
  jobscope completions zsh > \"${fpath[1]}/_jobscope\"
  jobscope completions fish > ~/.config/fish/completions/jobscope.fish";

/// The formats of `validate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// compiler-style: the source line with a caret under the span
    Text,
    /// the stable machine-readable shape
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// JUnit XML, one test case per document
    Junit,
    /// GitHub Actions workflow commands (annotations)
    Github,
}

/// The formats of the other commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The lowest severity that makes `validate` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => matches!(severity, Severity::Error | Severity::Warning),
            FailOn::Info => true,
        }
    }
}

/// The Kubernetes version whose apiserver and controllers answer.
#[derive(Args, Clone, Copy, Debug)]
pub struct VersionArgs {
    /// The Kubernetes version to answer for, 1.32 to 1.37 (`v1.35` or `1.35`; a patch
    /// version is refused: gates change with the minor)
    #[arg(
        long = "kubernetes-version",
        value_name = "VERSION",
        env = "JOBSCOPE_KUBERNETES_VERSION",
        default_value_t = KubernetesVersion::NEWEST,
        value_parser = kubernetes_version_value
    )]
    pub kubernetes_version: KubernetesVersion,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Files and directories; none or `-` reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub version: VersionArgs,
    /// Every supported version at once: each finding that differs between versions, and in
    /// which, and each Job's or CronJob's simulated outcome where it differs (text or json;
    /// --kubernetes-version does not apply; exit 1 when any version has a finding at --fail-on)
    #[arg(long)]
    pub all_versions: bool,
    /// With --all-versions: findings only, no simulations (six per Job or CronJob; a day of a
    /// minutely CronJob takes a few milliseconds each)
    #[arg(long, requires = "all_versions")]
    pub no_outcomes: bool,
    /// How the manifest reaches the apiserver (kubectl-apply, kubectl-create, api)
    #[arg(long, value_name = "CLIENT", default_value = "kubectl-apply", value_parser = client_value)]
    pub client: ClientPath,
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
    /// Leave best-practice advice (lint) out: the apiserver's findings only
    #[arg(long)]
    pub no_lint: bool,
    /// Lint rules to turn off (`jobscope rules` lists them)
    #[arg(long, value_name = "CODE,...", value_delimiter = ',', value_parser = rule_code_value)]
    pub disable: Vec<String>,
    /// The time lint looks ahead from (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub now: Option<Instant>,
    /// Skip files and directories whose path matches (repeatable; `**` crosses directories)
    #[arg(long, value_name = "GLOB", value_parser = glob_value)]
    pub exclude: Vec<glob::Pattern>,
    /// The name stdin's findings are reported under (default `-`): the file a Helm template
    /// came from, so GitHub annotations and SARIF results land on it
    #[arg(long, value_name = "NAME", default_value = "-")]
    pub stdin_name: String,
    /// Print the number of documents and findings per file and in total (to stderr for
    /// machine formats)
    #[arg(long)]
    pub summary: bool,
    /// The lowest severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Documents analysed at once, on that many threads (default: the machine's cores); the
    /// output is the same for any number
    #[arg(short = 'n', long, value_name = "N", env = "JOBSCOPE_WORKERS",
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub workers: Option<u16>,
}

fn glob_value(text: &str) -> Result<glob::Pattern, String> {
    glob::Pattern::new(text).map_err(|e| format!("not a glob pattern: {e}"))
}

/// The options every schedule command shares.
#[derive(Args, Debug)]
pub struct ScheduleArgs {
    /// The cron expression (robfig/cron v3 standard parser, as spec.schedule)
    #[arg(long, value_name = "EXPR")]
    pub schedule: String,
    /// The CronJob's spec.timeZone (an IANA name)
    #[arg(long, value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// The zone kube-controller-manager runs in, used when there is no timeZone
    #[arg(
        long,
        value_name = "ZONE",
        env = "JOBSCOPE_CONTROLLER_TIME_ZONE",
        default_value = "UTC",
        value_parser = controller_zone_value
    )]
    pub controller_time_zone: Zone,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct NextArgs {
    #[command(flatten)]
    pub schedule: ScheduleArgs,
    /// Fire times strictly after this time (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub from: Option<Instant>,
    /// How many fire times
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(..=schedule_cmd::MAX_COUNT))]
    pub count: u64,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub schedule: ScheduleArgs,
    /// The time the upcoming runs are counted from (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub now: Option<Instant>,
    #[command(flatten)]
    pub version: VersionArgs,
}

#[derive(Args, Debug)]
pub struct MissedArgs {
    #[command(flatten)]
    pub schedule: ScheduleArgs,
    /// The CronJob's creationTimestamp
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub created: Instant,
    /// status.lastScheduleTime
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub last_schedule: Option<Instant>,
    /// When the controller syncs
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub now: Instant,
    /// spec.startingDeadlineSeconds
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub starting_deadline_seconds: Option<i64>,
    /// The CronJob's name (for the Job names)
    #[arg(long, default_value = "cronjob")]
    pub name: String,
    #[command(flatten)]
    pub version: VersionArgs,
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// A scenario file, or a manifest with a Job or CronJob (`-`: stdin)
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// With --format json: leave the kube-state-metrics samples out (most of its size on a long
    /// run: 509 of 626 MB for ten years of a minutely CronJob)
    #[arg(long)]
    pub no_metrics: bool,
    #[command(flatten)]
    pub model: PodModelArgs,
    #[command(flatten)]
    pub version: VersionArgs,
}

/// The page's pod model and what changes it (for a manifest, not a scenario file).
#[derive(Args, Clone, Debug, Default)]
pub struct PodModelArgs {
    /// Which Job or CronJob of the manifest: its 0-based document index or its name
    #[arg(long, value_name = "N|NAME")]
    pub document: Option<String>,
    /// How long to simulate: a Go duration (default 1h for a Job, 24h for a CronJob)
    #[arg(long, value_name = "DURATION")]
    pub until: Option<String>,
    /// How long each pod runs: a Go duration, or MIN..MAX (default 30s..90s)
    #[arg(long, value_name = "DURATION")]
    pub run_for: Option<String>,
    /// The first N attempts of each index fail (default 1)
    #[arg(long, value_name = "N")]
    pub fail_first: Option<u32>,
    /// The exit code of a failing pod (default 1)
    #[arg(long, value_name = "CODE", allow_negative_numbers = true)]
    pub exit_code: Option<i32>,
    /// The seed of pod name suffixes and run times (default 1)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// When the simulation starts (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub start: Option<Instant>,
}

impl PodModelArgs {
    pub fn is_set(&self) -> bool {
        self.document.is_some()
            || self.until.is_some()
            || self.run_for.is_some()
            || self.fail_first.is_some()
            || self.exit_code.is_some()
            || self.seed.is_some()
            || self.start.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Diagram {
    /// scheduled runs of every CronJob over a window
    Timeline,
    /// one CronJob's runs under Allow, Forbid and Replace
    Concurrency,
    /// the simulation's pods as a Gantt chart
    Simulation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagramFormat {
    Svg,
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Window {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// Which diagram
    #[arg(value_enum)]
    pub diagram: Diagram,
    /// The manifest (`-` reads stdin)
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = DiagramFormat::Svg)]
    pub format: DiagramFormat,
    /// Write to this file instead of stdout
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The timeline's window (default: the shortest that shows three runs of some CronJob: a
    /// day for minutely or hourly schedules, a week for daily ones, a month for weekly ones)
    #[arg(long, value_enum)]
    pub window: Option<Window>,
    /// The timeline's zone (default: the first CronJob's timeZone, else UTC)
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// Each run lasts this long: the timeline's bars (default: marks) and the concurrency
    /// diagram's jobs (default: 1.5 times the schedule's period); a Go duration
    #[arg(long, value_name = "DURATION")]
    pub job_duration: Option<String>,
    /// The time the diagrams start from (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = time_value)]
    pub now: Option<Instant>,
    #[command(flatten)]
    pub model: PodModelArgs,
    #[command(flatten)]
    pub version: VersionArgs,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct OutlineArgs {
    /// Files and directories; none or `-` reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate_cmd::validate(args),
        Command::Next(args) => schedule_cmd::next(args),
        Command::Explain(args) => schedule_cmd::explain(args),
        Command::Missed(args) => schedule_cmd::missed(args),
        Command::Simulate(args) => simulate_cmd::simulate(args),
        Command::Render(args) => render_cmd::render(args),
        Command::Rules(args) => rules_cmd::rules_command(args),
        Command::Outline(args) => validate_cmd::outline(args),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "jobscope", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// A usage problem found after parsing (a file that cannot be found, a bad duration): clap's
/// one-line error with its tip, exit 2.
pub fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    let error = Cli::command().error(clap::error::ErrorKind::ValueValidation, message);
    let _ = error.print();
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}

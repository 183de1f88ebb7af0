//! The editor page: assists at byte offsets of the editor's text, and the data of its panels.
//! Everything here is computed on demand from the text (or a document's report), never stored
//! in an `Analysis`, so `analyze` costs the same whether the page uses them or not.

use crate::{Diagnostic, DocumentReport, DocumentStatus, Instant, KubernetesVersion, LineIndex};

pub use jobscope_assist::{
    Completion, CompletionKind, Completions, Hover, QuickFix, TextEdit, Utf16Map,
};
pub(crate) use jobscope_lint::RuleDocs;
pub use jobscope_schedule::{Run, ScheduleField, ScheduleView, WhyEvent, WhyInput, WhyReport};

/// Completion candidates at byte `offset` of the editor's text, for `version`'s apiserver.
pub fn complete(text: &str, offset: usize, version: KubernetesVersion) -> Option<Completions> {
    jobscope_assist::complete(text, offset, version)
}

/// What hovering the key at byte `offset` shows, in `version`.
pub fn hover(text: &str, offset: usize, version: KubernetesVersion) -> Option<Hover> {
    jobscope_assist::hover(text, offset, version)
}

/// The certain fixes for a diagnostic of `text`.
pub fn quick_fixes(text: &str, diagnostic: &Diagnostic) -> Vec<QuickFix> {
    jobscope_assist::quick_fixes(text, diagnostic)
}

/// `text` with `edits` applied (what the editor does with a quick fix).
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    jobscope_assist::apply_edits(text, edits)
}

/// 1-based line and column (in characters) of a byte offset, for people.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// The Schedule panel of a CronJob document, at `now`, for a viewer in the IANA zone
/// `viewer_zone` (UTC when unknown). `None` for other documents or without a schedule.
pub fn schedule_view(
    report: &DocumentReport,
    now: Instant,
    viewer_zone: &str,
) -> Option<ScheduleView> {
    if report.status != DocumentStatus::CronJob {
        return None;
    }
    let object = report.manifest.as_ref()?.effective.as_ref()?;
    jobscope_schedule::schedule_view(object, now, viewer_zone)
}

/// "Why didn't it run?": one sync of the CronJob controller for the panel's CronJob.
pub fn why_not_run(view: &ScheduleView, input: &WhyInput) -> Result<WhyReport, String> {
    jobscope_schedule::why_not_run(view, input)
}

/// An instant as the "why didn't it run?" form shows it (RFC 3339, UTC).
pub fn instant_text(now: Instant) -> String {
    jobscope_schedule::now_text(now)
}

/// One line of the effective manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectiveLine {
    pub text: String,
    /// Added by the apiserver's defaulting, not written by the user.
    pub defaulted: bool,
}

/// A Job or CronJob document after apiserver defaulting, as YAML lines, defaulted ones marked.
pub fn effective_yaml(report: &DocumentReport) -> Option<Vec<EffectiveLine>> {
    if !matches!(report.status, DocumentStatus::Job | DocumentStatus::CronJob) {
        return None;
    }
    let object = report.manifest.as_ref()?.effective.as_ref()?;
    Some(
        jobscope_api::manifest::render::render_yaml(object)
            .into_iter()
            .map(|line| EffectiveLine {
                text: line.text,
                defaulted: line.defaulted,
            })
            .collect(),
    )
}

/// A lint rule's summary and documentation, by code (`lint.job-ttl-missing`).
pub fn rule_docs(code: &str) -> Option<(&'static str, RuleDocs)> {
    jobscope_lint::rule(code).map(|rule| (rule.summary, rule.docs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Severity, analyze};

    fn options() -> Options {
        Options::at(Instant::from_unix(1_767_225_600))
    }

    /// Applies the first fix for the first diagnostic with `code`; returns the fixed text.
    fn fix(text: &str, code: &str) -> Option<(String, String)> {
        let analysis = analyze(text, &options());
        let diagnostic = analysis
            .diagnostics()
            .into_iter()
            .find(|d| d.code == code)
            .cloned()?;
        let fix = quick_fixes(text, &diagnostic).into_iter().next()?;
        Some((fix.title, apply_edits(text, &fix.edits)))
    }

    fn codes(text: &str) -> Vec<&'static str> {
        analyze(text, &options())
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect()
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34\n        env:\n        - name: DEBUG\n          value: yes\n";

    #[test]
    fn quotes_a_boolean_where_a_string_is_expected() {
        let (title, fixed) = fix(JOB, "apiserver.wrong-type").expect("a fix");
        assert_eq!(title, "Quote yes to keep it a string");
        assert!(fixed.contains("value: \"yes\"\n"));
        assert!(!codes(&fixed).contains(&"apiserver.wrong-type"));
        let annotated = JOB.replace(
            "  name: pi\n",
            "  name: pi\n  annotations:\n    retries: 3\n",
        );
        let fixed = JOB.replace("value: yes", "value: \"yes\"");
        let annotated = annotated.replace("value: yes", "value: \"yes\"");
        let (_, fixed_annotation) = fix(&annotated, "kubectl.annotations-dropped").expect("a fix");
        assert!(fixed_annotation.contains("retries: \"3\""));
        assert!(codes(&fixed).iter().all(|c| *c != "apiserver.wrong-type"));
    }

    #[test]
    fn renames_an_unknown_field() {
        let text = JOB
            .replace(
                "image: perl:5.34",
                "imagePullPolice: Always\n        image: perl:5.34",
            )
            .replace("value: yes", "value: \"yes\"");
        let (title, fixed) = fix(&text, "apiserver.unknown-field").expect("a fix");
        assert_eq!(title, "Rename to imagePullPolicy");
        assert!(fixed.contains("imagePullPolicy: Always"));
    }

    #[test]
    fn restart_policy_never_for_pod_failure_policy() {
        let text = JOB
            .replace("restartPolicy: Never", "restartPolicy: OnFailure")
            .replace("value: yes", "value: \"yes\"")
            .replace(
                "spec:\n  template:",
                "spec:\n  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n  template:",
            );
        let (title, fixed) = fix(&text, "apiserver.invalid-value").expect("a fix");
        assert!(title.contains("Never"));
        assert!(fixed.contains("restartPolicy: Never"));
        assert!(!codes(&fixed).contains(&"apiserver.invalid-value"));
    }

    const CRON: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"CRON_TZ=Europe/Berlin 0 2 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: busybox:1.36\n";

    #[test]
    fn moves_a_tz_prefix_into_time_zone() {
        let (title, fixed) = fix(CRON, "apiserver.invalid-value").expect("a fix");
        assert_eq!(title, "Move Europe/Berlin from the schedule to timeZone");
        assert!(
            fixed.contains("  schedule: \"0 2 * * *\"\n  timeZone: Europe/Berlin\n"),
            "{fixed}"
        );
        assert!(!codes(&fixed).contains(&"apiserver.invalid-value"));
        // An existing timeZone is replaced; a matching one is left alone.
        let text = CRON.replace("  jobTemplate:", "  timeZone: UTC # here\n  jobTemplate:");
        let (_, fixed) = fix(&text, "apiserver.invalid-value").unwrap();
        assert!(
            fixed.contains("  timeZone: Europe/Berlin # here\n"),
            "{fixed}"
        );
        let text = CRON
            .replace(
                "  jobTemplate:",
                "  timeZone: \"Europe/Berlin\"\n  jobTemplate:",
            )
            .replace(
                "\"CRON_TZ=Europe/Berlin 0 2 * * *\"",
                "TZ=Europe/Berlin */5 * * * *",
            );
        let (_, fixed) = fix(&text, "apiserver.invalid-value").unwrap();
        assert!(
            fixed.contains("  schedule: \"*/5 * * * *\"\n  timeZone: \"Europe/Berlin\"\n"),
            "{fixed}"
        );
    }

    /// The guide's trap: FailJob on 137 before Ignore on DisruptionTarget, each rule with its
    /// comment, a blank line between.
    const POLICY: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: resilient-job\nspec:\n  podFailurePolicy:\n    rules:\n      # Do not retry on out-of-memory errors\n      - action: FailJob\n        onExitCodes:\n          containerName: worker\n          operator: In\n          values: [137]  # OOMKilled exit code\n\n      # Ignore transient infrastructure failures\n      - action: Ignore\n        onPodConditions:\n          - type: DisruptionTarget\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: worker\n          image: worker:1.4\n";

    #[test]
    fn moves_the_disruption_rule_first_with_its_comment() {
        let (title, fixed) = fix(POLICY, "lint.failure-policy-disruption-shadowed").expect("a fix");
        assert_eq!(title, "Move rules[1] (DisruptionTarget) above rules[0]");
        assert!(
            fixed.contains("    rules:\n      # Ignore transient infrastructure failures\n      - action: Ignore\n        onPodConditions:\n          - type: DisruptionTarget\n\n      # Do not retry on out-of-memory errors\n      - action: FailJob\n        onExitCodes:\n          containerName: worker\n          operator: In\n          values: [137]  # OOMKilled exit code\n  template:\n"),
            "{fixed}"
        );
        let after = codes(&fixed);
        assert!(!after.contains(&"lint.failure-policy-disruption-shadowed"));
        assert!(
            after.iter().all(|c| !c.starts_with("apiserver.")),
            "{after:?}"
        );
        assert_eq!(fixed.len(), POLICY.len());
    }

    #[test]
    fn moves_a_rule_over_several_and_in_a_cron_job() {
        // Flow-style rules, one per line, in a CronJob; the rule jumps over two.
        let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 2 * * *\"\n  jobTemplate:\n    spec:\n      podFailurePolicy:\n        rules:\n        - {action: Count, onExitCodes: {operator: NotIn, values: [0]}}\n        - {action: FailJob, onExitCodes: {operator: In, values: [42]}}\n        - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}\n        - {action: FailJob, onPodConditions: [{type: ConfigIssue}]}\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox:1.36}]\n";
        let (title, fixed) = fix(text, "lint.failure-policy-disruption-shadowed").expect("a fix");
        assert_eq!(title, "Move rules[2] (DisruptionTarget) above rules[0]");
        assert!(
            fixed.contains("        rules:\n        - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}\n        - {action: Count, onExitCodes: {operator: NotIn, values: [0]}}\n        - {action: FailJob, onExitCodes: {operator: In, values: [42]}}\n        - {action: FailJob, onPodConditions: [{type: ConfigIssue}]}\n"),
            "{fixed}"
        );
        assert!(!codes(&fixed).contains(&"lint.failure-policy-disruption-shadowed"));
    }

    #[test]
    fn no_move_for_a_flow_sequence_or_a_stale_diagnostic() {
        let flow = POLICY.replace(
            "    rules:\n      # Do not retry on out-of-memory errors\n      - action: FailJob\n        onExitCodes:\n          containerName: worker\n          operator: In\n          values: [137]  # OOMKilled exit code\n\n      # Ignore transient infrastructure failures\n      - action: Ignore\n        onPodConditions:\n          - type: DisruptionTarget\n",
            "    rules: [{action: FailJob, onExitCodes: {operator: In, values: [137]}}, {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]\n",
        );
        assert!(codes(&flow).contains(&"lint.failure-policy-disruption-shadowed"));
        assert!(fix(&flow, "lint.failure-policy-disruption-shadowed").is_none());
        // A diagnostic of another text finds nothing to move in this one.
        let analysis = analyze(POLICY, &options());
        let diagnostic = analysis
            .diagnostics()
            .into_iter()
            .find(|d| d.code == "lint.failure-policy-disruption-shadowed")
            .cloned()
            .unwrap();
        let shifted = format!("# a comment\n{POLICY}");
        assert!(quick_fixes(&shifted, &diagnostic).is_empty());
    }

    /// A preset that shows a rule's trap and the rule's documentation name each other.
    #[test]
    fn presets_and_rule_docs_link_both_ways() {
        let mut linked = 0;
        for preset in crate::PRESETS.iter() {
            let Some(code) = preset.rule else { continue };
            let (_, docs) = rule_docs(code).unwrap_or_else(|| panic!("{code} is not a rule"));
            assert!(
                docs.why_it_matters
                    .contains(&format!("\"{}\"", preset.title)),
                "{code} does not name the preset {:?}",
                preset.title
            );
            assert_eq!(
                crate::presets_for_rule(code).next().map(|p| p.id),
                Some(preset.id)
            );
            linked += 1;
        }
        assert!(linked >= 1);
    }

    #[test]
    fn no_fix_when_the_text_does_not_match() {
        let analysis = analyze(JOB, &options());
        let diagnostic = analysis
            .diagnostics()
            .into_iter()
            .find(|d| d.code == "apiserver.wrong-type")
            .cloned()
            .unwrap();
        let other = JOB.replace("value: yes", "value: [1]");
        assert!(quick_fixes(&other, &diagnostic).is_empty());
        assert!(quick_fixes("", &diagnostic).is_empty());
    }

    /// The Job and CronJob snippets completion offers in an empty document are manifests the
    /// apiserver and lint accept once each field holds its default.
    #[test]
    fn snippets_are_valid_manifests() {
        let completions =
            complete("", 0, KubernetesVersion::NEWEST).expect("completions at the start");
        let templates: Vec<String> = completions
            .items
            .iter()
            .filter(|c| c.kind == CompletionKind::Snippet)
            .map(|c| c.apply.clone())
            .collect();
        assert_eq!(templates.len(), 2, "a Job and a CronJob snippet");
        for template in &templates {
            let template = template.as_str();
            // Fill each field with its default, as accepting the snippet does.
            let mut text = String::new();
            let mut rest = template;
            while let Some(start) = rest.find("${") {
                text.push_str(&rest[..start]);
                let end = start + rest[start..].find('}').unwrap();
                let field = &rest[start + 2..end];
                text.push_str(field.split_once(':').map_or("", |(_, d)| d));
                rest = &rest[end + 1..];
            }
            text.push_str(rest);
            let analysis = analyze(&text, &options());
            let problems: Vec<_> = analysis
                .diagnostics()
                .into_iter()
                .filter(|d| d.severity != Severity::Info)
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect();
            assert!(problems.is_empty(), "{problems:#?}\n{text}");
        }
    }
}

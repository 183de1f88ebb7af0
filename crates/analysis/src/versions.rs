//! What changes with the Kubernetes version: one text analysed as every supported version's
//! apiserver would answer it, and the places whose findings are not the same in all of them (a
//! field dropped in one version and kept in the next, a field newer than an old API, a rule a
//! gate relaxes). The page's "differs between versions" table and `validate --all-versions`
//! both show this list.
//!
//! Findings are grouped by the field they are about (document, list item and field path), so
//! one row tells a field's story: an unknown field in one version, dropped in the next, kept
//! after. Two versions read a place alike when they report the same findings there, compared
//! with the version's own name taken out ("off by default in Kubernetes v1.33" and "… v1.34"
//! are one finding). [`VersionComparer`] takes the versions one at a time, so the page can
//! spread the six analyses over as many frames.

use crate::{
    Diagnostic, KubernetesVersion, LineIndex, Options, Severity, Span, Workers, analyze_each,
};

/// One finding one version reports at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
}

/// "v1.32–v1.34", or one version's name: a row of the table.
pub fn version_range_name(first: KubernetesVersion, last: KubernetesVersion) -> String {
    if first == last {
        first.name().to_owned()
    } else {
        format!("{first}–{last}")
    }
}

impl Said {
    /// The message as the row of versions `first` to `last` shows it: a message that names its
    /// own version (the first of the row's) names the whole row.
    pub fn message_for(&self, first: KubernetesVersion, last: KubernetesVersion) -> String {
        self.message
            .replace(first.name(), &version_range_name(first, last))
    }

    /// The finding with the version's own name taken out, for comparing across versions. A
    /// simulated outcome is compared as written: its lines name no version of their own (a
    /// note may name a fixed one, "fixed in v1.37", which must not read as its own).
    fn normal(&self, version: KubernetesVersion) -> (&'static str, Severity, String, Span) {
        let message = if self.code == OUTCOME_CODE {
            self.message.clone()
        } else {
            self.message.replace(version.name(), "v1.?")
        };
        (self.code, self.severity, message, self.span)
    }
}

/// A place (a field of a document) that some supported versions report differently, or not at
/// all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionDifference {
    /// The document's 0-based index (and its list item, for a `kind: List`).
    pub document: usize,
    pub item: Option<usize>,
    /// The field path (empty for findings about the text itself).
    pub field: String,
    /// Where the place's first finding points, in any version.
    pub span: Span,
    /// What each of [`KubernetesVersion::ALL`] reports here, in that order (empty: nothing).
    pub by_version: Vec<Vec<Said>>,
}

/// One row of a difference's table: versions `first` to `last` report `said` alike.
pub type VersionRange<'a> = (KubernetesVersion, KubernetesVersion, &'a [Said]);

impl VersionDifference {
    /// Consecutive versions that report the same, oldest first.
    pub fn ranges(&self) -> Vec<VersionRange<'_>> {
        let normal = |version: KubernetesVersion, said: &[Said]| {
            said.iter().map(|s| s.normal(version)).collect::<Vec<_>>()
        };
        let mut ranges: Vec<VersionRange<'_>> = Vec::new();
        for (version, said) in KubernetesVersion::ALL.into_iter().zip(&self.by_version) {
            match ranges.last_mut() {
                Some((first, last, what)) if normal(*first, what) == normal(version, said) => {
                    *last = version;
                }
                _ => ranges.push((version, version, said)),
            }
        }
        ranges
    }
}

/// The comparison of a text across the supported versions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionComparison {
    /// The places that differ, in document and text order.
    pub differences: Vec<VersionDifference>,
    /// The most severe finding each version reports anywhere (`None`: no finding), in the order
    /// of [`KubernetesVersion::ALL`]: whether a version rejects the text, for an exit code.
    pub most_severe: Vec<Option<Severity>>,
}

type Place = (usize, Option<usize>, String);

/// Builds a [`VersionComparison`] one version at a time.
#[derive(Debug, Default)]
pub struct VersionComparer {
    /// Every finding of every version so far, with its place and version; grouped by place
    /// once, at the end (a sort: no hash map is linked into the page for this).
    findings: Vec<(Place, usize, Said)>,
    most_severe: Vec<Option<Severity>>,
}

impl VersionComparer {
    pub fn new() -> Self {
        VersionComparer {
            most_severe: vec![None; KubernetesVersion::ALL.len()],
            ..VersionComparer::default()
        }
    }

    /// Analyses `text` as `version`'s apiserver answers it (`options` give everything but the
    /// version), the documents run by `workers`.
    pub fn add(
        &mut self,
        version: KubernetesVersion,
        text: &str,
        options: &Options,
        workers: &impl Workers,
    ) {
        let Some(n) = KubernetesVersion::ALL.iter().position(|v| *v == version) else {
            return;
        };
        let options = Options {
            kubernetes_version: version,
            ..options.clone()
        };
        let lines = LineIndex::new(text);
        analyze_each(
            text,
            &lines,
            &options,
            workers,
            |r| r,
            |report, extra| {
                for diagnostic in report.diagnostics.iter().chain(&extra) {
                    self.record(n, report.index, report.item, diagnostic);
                }
            },
        );
    }

    fn record(&mut self, n: usize, document: usize, item: Option<usize>, diagnostic: &Diagnostic) {
        if let Some(severe) = self.most_severe.get_mut(n)
            // Severity orders Error first.
            && severe.is_none_or(|s| diagnostic.severity < s)
        {
            *severe = Some(diagnostic.severity);
        }
        self.findings.push((
            (document, item, diagnostic.field.clone()),
            n,
            Said {
                code: diagnostic.code,
                severity: diagnostic.severity,
                message: diagnostic.message.clone(),
                span: diagnostic.span,
            },
        ));
    }

    /// The places whose findings are not the same in every version.
    pub fn finish(self) -> VersionComparison {
        let versions = KubernetesVersion::ALL.len();
        let mut findings = self.findings;
        // Stable: each version's findings keep their order at a place.
        jobscope_sort::sort_by(&mut findings, |a, b| a.0.cmp(&b.0));
        let mut places: Vec<(Place, Vec<Vec<Said>>)> = Vec::new();
        for (place, n, said) in findings {
            if places.last().is_none_or(|(last, _)| *last != place) {
                places.push((place, vec![Vec::new(); versions]));
            }
            if let Some((_, by_version)) = places.last_mut()
                && let Some(said_here) = by_version.get_mut(n)
            {
                said_here.push(said);
            }
        }
        let mut differences: Vec<VersionDifference> = places
            .into_iter()
            .filter_map(|((document, item, field), by_version)| {
                let span = by_version
                    .iter()
                    .flatten()
                    .map(|s| s.span)
                    .min_by_key(|s| s.start)?;
                let difference = VersionDifference {
                    document,
                    item,
                    field,
                    span,
                    by_version,
                };
                (difference.ranges().len() > 1).then_some(difference)
            })
            .collect();
        jobscope_sort::sort_by_key(&mut differences, |d| (d.document, d.item, d.span.start));
        VersionComparison {
            differences,
            most_severe: self.most_severe,
        }
    }
}

/// The code of the simulated-outcome rows (not a diagnostic: no version reports it).
pub const OUTCOME_CODE: &str = "simulation.outcome";
/// The "field" of the simulated-outcome rows, where a finding's field path would be.
pub const OUTCOME_FIELD: &str = "simulated outcome";
/// How a version's outcome begins when it could not simulate the document.
pub const NOT_SIMULATED: &str = "not simulated: ";

/// One Job or CronJob document simulated in every supported version (plain data: the
/// simulation worker sends it to the page).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SimulatedOutcomes {
    /// The document's 0-based index (and its list item, for a `kind: List`).
    pub document: usize,
    pub item: Option<usize>,
    /// The document's byte span in the text, as (start, end).
    pub span: (usize, usize),
    /// The outcome's lines in each of [`KubernetesVersion::ALL`], in that order.
    pub by_version: Vec<Vec<String>>,
}

impl SimulatedOutcomes {
    /// Whether some version simulated the document (else every one refused it).
    pub fn simulated_anywhere(&self) -> bool {
        self.by_version
            .iter()
            .any(|lines| lines.first().is_none_or(|l| !l.starts_with(NOT_SIMULATED)))
    }

    /// The outcomes as a row of the table, when they are not the same in every version: each
    /// line a note at the document's start.
    pub fn difference(&self) -> Option<VersionDifference> {
        let span = Span::new(self.span.0, self.span.0);
        let difference = VersionDifference {
            document: self.document,
            item: self.item,
            field: OUTCOME_FIELD.to_owned(),
            span,
            by_version: self
                .by_version
                .iter()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|line| Said {
                            code: OUTCOME_CODE,
                            severity: Severity::Info,
                            message: line.clone(),
                            span,
                        })
                        .collect()
                })
                .collect(),
        };
        (difference.ranges().len() > 1).then_some(difference)
    }
}

/// A document as `analyze_each` names it: its index, and its item in a `kind: List`.
pub type DocumentKey = (usize, Option<usize>);

/// Simulates Job and CronJob documents of `text` once per supported version, each run to its
/// end: the document `only` names, or every Job and CronJob (no cap on their number: the
/// documents are read a batch at a time and simulated by `workers`; only their outcome lines
/// are kept). `input` gives the run's settings
/// for a CronJob (`true`) or a Job. `progress` is told how many versions are done. A version
/// whose apiserver refuses a document says so in its lines.
#[cfg(feature = "simulation")]
pub fn simulated_outcomes(
    text: &str,
    options: &Options,
    only: Option<DocumentKey>,
    input: &(dyn Fn(bool) -> crate::PlayerInput + Sync),
    workers: &impl Workers,
    mut progress: impl FnMut(usize),
) -> Vec<SimulatedOutcomes> {
    use crate::DocumentStatus;
    use std::collections::HashMap;
    let lines = LineIndex::new(text);
    let mut found: Vec<SimulatedOutcomes> = Vec::new();
    let mut position: HashMap<DocumentKey, usize> = HashMap::new();
    for (n, version) in KubernetesVersion::ALL.into_iter().enumerate() {
        let options = Options {
            lint: false,
            kubernetes_version: version,
            ..options.clone()
        };
        analyze_each(
            text,
            &lines,
            &options,
            workers,
            |report| {
                let key = (report.index, report.item);
                let batch = matches!(report.status, DocumentStatus::Job | DocumentStatus::CronJob);
                if !batch || only.is_some_and(|only| only != key) {
                    return None;
                }
                let settings = input(report.status == DocumentStatus::CronJob);
                let said = match crate::start_simulation(&report, &settings) {
                    Ok(mut simulation) => {
                        simulation.run_to_end();
                        jobscope_sim_views::outcome::outcome_lines(&simulation)
                    }
                    Err(message) => vec![format!("{NOT_SIMULATED}{message}")],
                };
                Some((key, (report.span.start, report.span.end), said))
            },
            |result, _| {
                let Some((key, span, said)) = result else {
                    return;
                };
                match position.get(&key) {
                    Some(&at) => found[at].by_version.push(said),
                    // The first version to see a Job or CronJob here (the others' lines
                    // before it are filled in below).
                    None => {
                        position.insert(key, found.len());
                        found.push(SimulatedOutcomes {
                            document: key.0,
                            item: key.1,
                            span,
                            by_version: vec![Vec::new(); n],
                        });
                        if let Some(last) = found.last_mut() {
                            last.by_version.push(said);
                        }
                    }
                }
            },
        );
        for outcomes in &mut found {
            if outcomes.by_version.len() == n {
                outcomes
                    .by_version
                    .push(vec![format!("{NOT_SIMULATED}not a Job or CronJob")]);
            }
        }
        progress(n + 1);
    }
    for outcomes in &mut found {
        for said in &mut outcomes.by_version {
            if said.is_empty() {
                said.push(format!("{NOT_SIMULATED}not a Job or CronJob"));
            }
        }
    }
    jobscope_sort::sort_by_key(&mut found, |o| (o.document, o.item));
    found
}

/// Every version at once (the CLI's `validate --all-versions`): six analyses of `text`, the
/// documents run by `workers`.
pub fn compare_versions(
    text: &str,
    options: &Options,
    workers: &impl Workers,
) -> VersionComparison {
    let mut comparer = VersionComparer::new();
    for version in KubernetesVersion::ALL {
        comparer.add(version, text, options, workers);
    }
    comparer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{InOrder, Instant};
    use KubernetesVersion::*;

    fn differences(pod_spec: &str) -> Vec<VersionDifference> {
        let text = format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: j}}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{{name: a, image: busybox}}]\n{pod_spec}"
        );
        let options = Options {
            lint: false,
            ..Options::at(Instant::from_unix(1_767_225_600))
        };
        compare_versions(&text, &options, &InOrder).differences
    }

    #[test]
    fn a_manifest_every_version_reads_alike_has_no_difference() {
        assert_eq!(differences(""), []);
    }

    #[test]
    fn a_field_newer_than_old_apis_then_gated_then_kept() {
        let found = differences("      hostnameOverride: worker\n");
        let [difference] = found.as_slice() else {
            panic!("{found:?}");
        };
        assert_eq!(difference.field, "spec.template.spec.hostnameOverride");
        let ranges = difference.ranges();
        let summary: Vec<(KubernetesVersion, KubernetesVersion, Option<&str>)> = ranges
            .iter()
            .map(|(first, last, said)| (*first, *last, said.first().map(|s| s.code)))
            .collect();
        // Unknown to the v1.32 and v1.33 APIs, dropped by the gate in v1.34, kept after.
        assert_eq!(
            summary,
            [
                (V1_32, V1_33, Some("apiserver.unknown-field")),
                (V1_34, V1_34, Some("apiserver.dropped-field")),
                (V1_35, V1_37, None),
            ]
        );
        assert_eq!(
            ranges[1].2.iter().map(|s| s.severity).collect::<Vec<_>>(),
            [Severity::Warning]
        );
    }

    #[test]
    fn messages_naming_their_own_version_are_one_finding() {
        // Pod certificates stay behind an off gate in every version from v1.34 on: the same
        // "dropped" finding, each naming its own version, is not a difference there.
        let found = differences(
            "      volumes: [{name: v, projected: {sources: [{podCertificate: {signerName: a/b, keyType: RSA3072, credentialBundlePath: c}}]}}]\n",
        );
        let [difference] = found.as_slice() else {
            panic!("{found:?}");
        };
        let ranges = difference.ranges();
        assert_eq!(ranges.len(), 2, "{ranges:?}");
        assert_eq!((ranges[1].0, ranges[1].1), (V1_34, V1_37));
        assert_eq!(
            ranges[1].2.iter().map(|s| s.code).collect::<Vec<_>>(),
            ["apiserver.dropped-field"]
        );
    }

    #[test]
    fn one_field_is_one_place_whatever_its_findings_point_at() {
        // A regular container's restartPolicy: forbidden (at the value) before the gate
        // existed, dropped (at the key) while it is off, accepted once it is on.
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: busybox, restartPolicy: Never}]\n";
        let options = Options {
            lint: false,
            ..Options::at(Instant::from_unix(1_767_225_600))
        };
        let comparison = compare_versions(text, &options, &InOrder);
        let [difference] = comparison.differences.as_slice() else {
            panic!("{:?}", comparison.differences);
        };
        let codes: Vec<Vec<&str>> = difference
            .ranges()
            .iter()
            .map(|(_, _, said)| said.iter().map(|s| s.code).collect())
            .collect();
        assert_eq!(
            codes,
            [
                vec!["apiserver.forbidden"],
                vec!["apiserver.dropped-field"],
                vec![]
            ]
        );
        // v1.32 and v1.33 reject the Job; the others accept it, v1.34 with a warning.
        assert_eq!(
            comparison.most_severe,
            [
                Some(Severity::Error),
                Some(Severity::Error),
                Some(Severity::Warning),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn outcome_lines_are_compared_as_written() {
        let outcomes = |lines: &[&str]| SimulatedOutcomes {
            document: 0,
            item: None,
            span: (0, 10),
            by_version: vec![lines.iter().map(|l| l.to_string()).collect(); 6],
        };
        // A line naming a fixed version is the same line in every version (a finding's own
        // version name would be taken out, and v1.37's line would then differ).
        let same = outcomes(&["note 1s after the start: fixed in v1.37"]);
        assert_eq!(same.difference(), None);
        assert!(same.simulated_anywhere());
        let refused = outcomes(&["not simulated: spec: Required value"]);
        assert!(!refused.simulated_anywhere());
        let mut mixed = refused.clone();
        mixed.by_version[5] =
            vec!["Job j: Complete (CompletionsReached) 1m0s after the start".to_owned()];
        assert!(mixed.simulated_anywhere());
        let row = mixed.difference().expect("v1.37 differs");
        assert_eq!(row.ranges().len(), 2);
        assert_eq!((row.span.start, row.span.end), (0, 0));
    }

    #[cfg(feature = "simulation")]
    #[test]
    fn a_resume_after_the_deadline_ends_differently_from_v1_36() {
        // Suspended a minute in, resumed after the ten-minute deadline: up to v1.35 the old
        // startTime fails the Job at the resume; from v1.36 the suspension cleared it.
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  activeDeadlineSeconds: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: busybox}]\n";
        let options = Options {
            lint: false,
            ..Options::at(Instant::from_unix(1_767_225_600))
        };
        let input = crate::PlayerInput {
            run_min_seconds: 300,
            run_max_seconds: 300,
            failing_attempts: 0,
            suspend_at: Some(60),
            resume_at: Some(900),
            ..crate::PlayerInput::for_kind(false, options.now)
        };
        let mut done = Vec::new();
        let all = simulated_outcomes(text, &options, None, &|_| input.clone(), &InOrder, |n| {
            done.push(n)
        });
        let [outcomes] = all.as_slice() else {
            panic!("{all:?}")
        };
        assert_eq!(done, [1, 2, 3, 4, 5, 6]);
        assert_eq!((outcomes.document, outcomes.span.0), (0, 0));
        let difference = outcomes.difference().expect("the outcomes differ");
        assert_eq!(difference.field, OUTCOME_FIELD);
        let ranges: Vec<(KubernetesVersion, KubernetesVersion, String)> = difference
            .ranges()
            .iter()
            .map(|(first, last, said)| (*first, *last, said[0].message.clone()))
            .collect();
        assert_eq!(ranges.len(), 2, "{ranges:?}");
        assert_eq!((ranges[0].0, ranges[0].1), (V1_32, V1_35));
        assert!(
            ranges[0]
                .2
                .starts_with("Job j: Failed (DeadlineExceeded) 15m0s after"),
            "{ranges:?}"
        );
        assert_eq!((ranges[1].0, ranges[1].1), (V1_36, V1_37));
        assert!(ranges[1].2.starts_with("Job j: Complete ("), "{ranges:?}");
        // Without the suspension every version ends alike: no row.
        let plain = crate::PlayerInput {
            suspend_at: None,
            resume_at: None,
            ..input
        };
        let same = simulated_outcomes(
            text,
            &options,
            Some((0, None)),
            &|_| plain.clone(),
            &InOrder,
            |_| {},
        );
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].difference(), None, "{:?}", same[0].by_version);
        // Not a Job or CronJob, or no such document: nothing to simulate.
        let other = format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\n---\n{text}");
        let only_job =
            simulated_outcomes(&other, &options, None, &|_| plain.clone(), &InOrder, |_| {});
        assert_eq!(only_job.iter().map(|o| o.document).collect::<Vec<_>>(), [1]);
        for only in [(0, None), (9, None), (1, Some(0))] {
            let none = simulated_outcomes(
                &other,
                &options,
                Some(only),
                &|_| plain.clone(),
                &InOrder,
                |_| {},
            );
            assert_eq!(none, [], "{only:?}");
        }
    }
}

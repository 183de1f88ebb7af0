//! Property tests of the analysis façade on damaged manifests: mutations of the validation
//! fixtures and the seed examples (lines deleted, duplicated, re-indented, scalars replaced,
//! junk lines inserted, truncation at any byte) never make `analyze` panic, every span it
//! reports lies inside the text on character boundaries, and every field path it names can be
//! found in the document.
//!
//! The field-path invariant, as the code keeps it: a diagnostic's `field` is the apiserver's path
//! (`spec.template.spec.containers[0].image`, `metadata.labels[app]`), unescaped, so keys with
//! `.` or `[` are matched against the document rather than split. Decode errors name what was
//! written (an unknown field is not in the decoded model), validation names the defaulted model
//! (`manifest.effective`), so a path is looked up in both. It need not resolve itself: `Required
//! value` names a missing field and a map key can be named before the map is valid. What holds
//! for the apiserver's and kubectl's findings is that the path resolves or only its last step is
//! missing (its parent is there). Lint names the field to add or change, which may be missing
//! along with its parents (`resources.requests` without `resources`), so for lint the invariant
//! is only that the path is rooted in the document (its first step resolves).

use std::path::Path;
use std::sync::LazyLock;

use jobscope_analysis::{Analysis, Options, analyze};
use jobscope_api::manifest::object::{Node, NodeValue};
use jobscope_cron::Instant;
use jobscope_diagnostic::{Source, Span};
use jobscope_yaml::{Value, ValueKind, parse_stream};
use proptest::prelude::*;

use crate::yaml_files;

/// Every validation fixture and seed example, the texts the mutations start from.
static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("tests/fixtures/validate"), &mut files);
    yaml_files(&root.join("public/examples"), &mut files);
    files.sort();
    let seeds: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    assert!(seeds.len() > 20, "the fixtures are missing");
    seeds
});

fn options() -> Options {
    // 2026-01-01T00:00:00Z; lint on, so its paths are checked too.
    Options::at(Instant::from_unix(1_767_225_600))
}

/// Scalars that stress decoding and validation: YAML 1.1 spellings, numbers at Go's limits,
/// quotes, non-ASCII, flow openers, anchors and aliases.
const SCALARS: &[&str] = &[
    "",
    "~",
    "null",
    "yes",
    "off",
    "0755",
    "0x1F",
    "1e400",
    "-1",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    ".nan",
    "'single'",
    "\"dou\\\"ble\"",
    "\"\\u00e9\\U0001F600\"",
    "é😀ü",
    "[",
    "{",
    "[a, {b: c}]",
    "{a: 1, a: 2}",
    "&anchor x",
    "*anchor",
    "<<: *anchor",
    "!!str 5",
    "!!binary aGVsbG8=",
    "|",
    ">-",
    "\"unterminated",
    "- item",
    "key: value",
    "\t",
    "@every 1h",
    "* * * * *",
    "TZ=Europe/Berlin 0 3 * * *",
    "Never",
    "Always",
    "OnFailure",
    "100Mi",
    "1.5Gi",
    "kubernetes.io/foo",
];

#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    /// Adds (positive) or removes (negative) leading spaces of a line.
    Indent(usize, i8),
    /// Replaces what follows the first `: ` (or `- `) of a line.
    Scalar(usize, usize),
    /// Inserts a line of arbitrary characters.
    Insert(usize, String),
    /// Cuts the text at a byte (moved down to a character boundary: `analyze` takes a `&str`).
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::DeleteLine),
        2 => any::<usize>().prop_map(Mutation::DuplicateLine),
        3 => (any::<usize>(), -6i8..=6).prop_map(|(l, d)| Mutation::Indent(l, d)),
        4 => (any::<usize>(), 0..SCALARS.len()).prop_map(|(l, s)| Mutation::Scalar(l, s)),
        1 => (any::<usize>(), "[ -~\\t\u{e9}\u{1F600}]{0,24}").prop_map(|(l, t)| Mutation::Insert(l, t)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let n = lines.len();
    match mutation {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => {
            let line = lines[i % n].clone();
            lines.insert(i % n, line);
        }
        Mutation::Indent(i, delta) => {
            let line = &mut lines[i % n];
            if *delta >= 0 {
                line.insert_str(0, &" ".repeat(*delta as usize));
            } else {
                let leading = line.len() - line.trim_start_matches(' ').len();
                let cut = leading.min(delta.unsigned_abs() as usize);
                line.drain(..cut);
            }
        }
        Mutation::Scalar(i, s) => {
            let line = &mut lines[i % n];
            let at = line
                .find(": ")
                .map(|p| p + 2)
                .or_else(|| line.find("- ").map(|p| p + 2))
                .unwrap_or(line.len());
            line.truncate(at);
            line.push_str(SCALARS[*s]);
        }
        Mutation::Insert(i, t) => lines.insert(i % (n + 1), t.clone()),
        Mutation::Truncate(at) => {
            let joined = lines.join("\n");
            let mut cut = at % (joined.len() + 1);
            while !joined.is_char_boundary(cut) {
                cut -= 1;
            }
            return joined[..cut].to_owned();
        }
    }
    lines.join("\n")
}

fn damaged() -> impl Strategy<Value = String> {
    (0..SEEDS.len(), proptest::collection::vec(mutation(), 1..6)).prop_map(|(seed, mutations)| {
        mutations
            .iter()
            .fold(SEEDS[seed].clone(), |text, m| apply(&text, m))
    })
}

/// The tree a path is looked up in: the written YAML or the defaulted model.
trait Tree {
    /// The child named by a map key or field name.
    fn child(&self, key: &str) -> Option<&Self>;
    /// The item at an index of a list.
    fn item(&self, index: usize) -> Option<&Self>;
    /// Every key of a map or object, to match keys that contain `.`, `[` or `]`.
    fn keys(&self) -> Vec<&str>;
}

impl Tree for Value {
    fn child(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            // kubectl keeps the last of duplicate keys; either one is "written".
            ValueKind::Map(entries) => entries
                .iter()
                .rev()
                .find(|e| e.key == key)
                .map(|e| &e.value),
            _ => None,
        }
    }
    fn item(&self, index: usize) -> Option<&Value> {
        match &self.kind {
            ValueKind::Seq(items) => items.get(index),
            _ => None,
        }
    }
    fn keys(&self) -> Vec<&str> {
        match &self.kind {
            ValueKind::Map(entries) => entries.iter().map(|e| e.key.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

impl Tree for Node {
    fn child(&self, key: &str) -> Option<&Node> {
        self.get(key)
    }
    fn item(&self, index: usize) -> Option<&Node> {
        self.items().get(index)
    }
    fn keys(&self) -> Vec<&str> {
        match &self.value {
            NodeValue::Object(_, fields) => fields.iter().map(|(k, _)| *k).collect(),
            NodeValue::Map(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

/// A path step ends at the end of the path or before `.` or `[`.
fn step_end(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
}

/// The length of the longest prefix of `path` (ending at a step boundary) that names a node of
/// `tree`. The apiserver's paths are not escaped (`metadata.labels[a.b/c]`, an unknown field
/// `x.y`), so keys are matched against the tree rather than split at every `.`.
fn resolved_len<T: Tree>(tree: &T, path: &str, at: usize) -> usize {
    let rest = &path[at..];
    if rest.is_empty() {
        return at;
    }
    let mut best = 0;
    // A field name (`.name`, or `name` at the root) or a bracketed key or index.
    let (field, bracket) = match rest.strip_prefix('.') {
        Some(after) => (Some((after, at + 1)), None),
        None if at == 0 => (Some((rest, at)), None),
        None => (None, rest.strip_prefix('[').map(|after| (after, at + 1))),
    };
    for key in tree.keys() {
        if let Some((after, start)) = field
            && after.starts_with(key)
            && step_end(&after[key.len()..])
        {
            best = best.max(resolved_len(
                tree.child(key).unwrap(),
                path,
                start + key.len(),
            ));
        }
        if let Some((after, start)) = bracket
            && after.starts_with(key)
            && after[key.len()..].starts_with(']')
            && step_end(&after[key.len() + 1..])
        {
            best = best.max(resolved_len(
                tree.child(key).unwrap(),
                path,
                start + key.len() + 1,
            ));
        }
    }
    if let Some((after, start)) = bracket
        && let Some(close) = after.find(']')
        && let Ok(index) = after[..close].parse::<usize>()
        && let Some(item) = tree.item(index)
    {
        best = best.max(resolved_len(item, path, start + close + 1));
    }
    best.max(at)
}

/// One step of a path that names nothing: `.field` (or `field` at the root) with no `.` or `[`
/// in it, or a `[key]` that runs to the end.
fn is_one_step(rest: &str, at_root: bool) -> bool {
    let field = rest
        .strip_prefix('.')
        .or(if at_root { Some(rest) } else { None });
    match field {
        Some(name) => !name.is_empty() && !name.contains(['.', '[']),
        None => rest.starts_with('[') && rest.ends_with(']'),
    }
}

/// Checks every invariant of one analysis; the error names the first broken one.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let in_text = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for d in analysis.diagnostics() {
        if !in_text(d.span) {
            return Err(format!(
                "{} span {:?} outside the text of {} bytes or not on a character boundary",
                d.code,
                d.span,
                text.len()
            ));
        }
    }
    let stream = parse_stream(text);
    if stream.documents.len() != analysis.documents.len() {
        return Err("one report per document".to_owned());
    }
    for (report, document) in analysis.documents.iter().zip(&stream.documents) {
        if !in_text(report.span) {
            return Err(format!("document span {:?} outside the text", report.span));
        }
        let effective = report.manifest.as_ref().and_then(|m| m.effective.as_ref());
        for d in &report.diagnostics {
            if d.span.start < report.span.start || d.span.end > report.span.end {
                return Err(format!(
                    "{} span {:?} outside its document {:?}",
                    d.code, d.span, report.span
                ));
            }
            if d.field.is_empty() {
                continue;
            }
            let resolved = effective.map_or(0, |n| resolved_len(n, &d.field, 0)).max(
                document
                    .value
                    .as_ref()
                    .map_or(0, |v| resolved_len(v, &d.field, 0)),
            );
            let rest = &d.field[resolved..];
            let ok = if d.source == Source::Lint {
                // Lint names the field to add or change, which may be missing with its parents
                // (`resources.requests` without `resources`); it is rooted in the document.
                resolved > 0
            } else {
                // The field itself, or a missing field (or map key) of a node that is there.
                rest.is_empty()
                    || is_one_step(rest, resolved == 0)
                    // The apiserver's own path for a downward API volume's item leaves out
                    // `items[i]` (validateDownwardAPIVolumeSource passes its own path on).
                    || (d.field[..resolved].ends_with("downwardAPI") && !rest.contains("items"))
                    // A selector that does not match the template's labels is reported at
                    // `template.metadata.labels` whether or not the template has any
                    // (validateJobSpec: `fldPath.Child("template", "metadata", "labels")`).
                    || d.field.ends_with("spec.template.metadata.labels")
            };
            if !ok {
                return Err(format!(
                    "{}: field {:?}: only {:?} is in document {}",
                    d.code,
                    d.field,
                    &d.field[..resolved],
                    report.index
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn paths_resolve_keys_with_dots_and_brackets() {
    let text =
        "metadata:\n  labels: {a.b/c: x, \"k[1]\": y}\nspec:\n  list: [{name: n}]\n\"x.y\": 1\n";
    let value = parse_stream(text).documents[0].value.clone().unwrap();
    let whole = |path: &str| resolved_len(&value, path, 0) == path.len();
    assert!(whole("metadata.labels[a.b/c]"));
    assert!(whole("metadata.labels[k[1]]"));
    assert!(whole("spec.list[0].name"));
    assert!(whole("x.y"));
    assert_eq!(
        resolved_len(&value, "spec.list[1].name", 0),
        "spec.list".len()
    );
    assert_eq!(resolved_len(&value, "spec.nothing.here", 0), "spec".len());
    assert!(is_one_step(".restartPolicy", false));
    assert!(is_one_step("[a.b]", false));
    assert!(!is_one_step(".nothing.here", false));
}

#[test]
fn every_seed_keeps_the_invariants() {
    // The unmutated fixtures carry most of the paths the rules can name.
    let mut with_fields = 0;
    for seed in SEEDS.iter() {
        let analysis = analyze(seed, &options());
        with_fields += analysis
            .diagnostics()
            .iter()
            .filter(|d| !d.field.is_empty())
            .count();
        if let Err(e) = check(seed, &analysis) {
            panic!("{e}\n--- text ---\n{seed}");
        }
    }
    assert!(
        with_fields > 100,
        "only {with_fields} diagnostics with a field path"
    );
}

#[test]
fn a_path_nowhere_in_the_document_is_caught() {
    // The check itself must be able to fail.
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n";
    let mut analysis = analyze(text, &options());
    assert!(check(text, &analysis).is_ok());
    let mut bogus = jobscope_diagnostic::Diagnostic::new(
        "test.bogus",
        jobscope_diagnostic::Severity::Info,
        jobscope_diagnostic::Source::Jobscope,
        jobscope_diagnostic::Span::new(0, 1),
        "bogus",
    )
    .with_field("spec.nowhere.at.all");
    analysis.documents[0].diagnostics.push(bogus.clone());
    assert!(check(text, &analysis).is_err());
    bogus.field.clear();
    bogus.span = jobscope_diagnostic::Span::new(0, text.len() + 1);
    analysis.documents[0].diagnostics.pop();
    analysis.documents[0].diagnostics.push(bogus);
    assert!(check(text, &analysis).is_err());
}

proptest! {
    // Each case analyses a whole manifest (validation and lint included); 160 cases keep this
    // module under a second or two in a debug build.
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn damaged_manifests_keep_the_invariants(text in damaged()) {
        let analysis = analyze(&text, &options());
        if let Err(e) = check(&text, &analysis) {
            prop_assert!(false, "{}\n--- text ---\n{}", e, text);
        }
    }

    #[test]
    fn arbitrary_text_keeps_the_invariants(text in "[ -~\\t\\n\u{e9}\u{1F600}]{0,200}") {
        let analysis = analyze(&text, &options());
        if let Err(e) = check(&text, &analysis) {
            prop_assert!(false, "{}\n--- text ---\n{}", e, text);
        }
    }
}

//! Simulation fixtures: each `tests/fixtures/simulate/*.scenario.yaml` is run through
//! `jobscope simulate --format json` and checked against the `.expect.yaml` beside it (as
//! Kubernetes v1.34 simulates it) and against each `.vX.YZ.expect.yaml` (as that version does).
//!
//! Expectations are a subset of the output: a mapping matches when each of its keys matches;
//! a list matches element by element (same length); `{contains: [...]}` matches when each
//! listed item matches some element, in order; `{length: N}` checks a list's length; a string
//! starting with `~` is a pattern where `*` stands for any text. A new case is two new files.

use std::path::Path;

use jobscope_yaml::{Value as Yaml, ValueKind, parse_stream};
use serde_json::Value;

fn to_json(value: &Yaml) -> Value {
    match &value.kind {
        ValueKind::Null => Value::Null,
        ValueKind::Bool(b) => Value::Bool(*b),
        ValueKind::Int(i) => Value::from(*i),
        ValueKind::Uint(u) => Value::from(*u),
        ValueKind::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        ValueKind::Str(s) => Value::String(s.clone()),
        ValueKind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        ValueKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
    }
}

/// `*` matches any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = parts.split_first() else {
        return pattern == text;
    };
    let Some(mut remaining) = text.strip_prefix(first) else {
        return false;
    };
    for (n, part) in rest.iter().enumerate() {
        if n == rest.len() - 1 {
            return remaining.ends_with(part);
        }
        match remaining.find(part) {
            Some(at) => remaining = &remaining[at + part.len()..],
            None => return false,
        }
    }
    remaining.is_empty()
}

/// Why `actual` does not match `expected`, if it does not.
fn mismatch(path: &str, expected: &Value, actual: &Value) -> Option<String> {
    match expected {
        Value::Object(map) if map.len() == 1 && map.contains_key("contains") => {
            let Some(items) = actual.as_array() else {
                return Some(format!("{path}: expected a list, got {actual}"));
            };
            let wanted = map["contains"].as_array().cloned().unwrap_or_default();
            let mut from = 0;
            for (n, want) in wanted.iter().enumerate() {
                match items[from..]
                    .iter()
                    .position(|item| mismatch("", want, item).is_none())
                {
                    Some(at) => from += at + 1,
                    None => {
                        return Some(format!(
                            "{path}: no element (after position {from}) matches item {n}: {want}"
                        ));
                    }
                }
            }
            None
        }
        Value::Object(map) if map.len() == 1 && map.contains_key("length") => {
            let length = actual.as_array().map(Vec::len);
            (length.map(|l| l as u64) != map["length"].as_u64())
                .then(|| format!("{path}: length {length:?}, expected {}", map["length"]))
        }
        Value::Object(map) => {
            for (key, want) in map {
                let got = actual.get(key).unwrap_or(&Value::Null);
                if actual.get(key).is_none() && !want.is_null() {
                    return Some(format!("{path}.{key}: missing"));
                }
                if let Some(problem) = mismatch(&format!("{path}.{key}"), want, got) {
                    return Some(problem);
                }
            }
            None
        }
        Value::Array(wanted) => {
            let Some(items) = actual.as_array() else {
                return Some(format!("{path}: expected a list, got {actual}"));
            };
            if items.len() != wanted.len() {
                return Some(format!(
                    "{path}: {} elements, expected {}: {actual}",
                    items.len(),
                    wanted.len()
                ));
            }
            wanted
                .iter()
                .zip(items)
                .enumerate()
                .find_map(|(n, (want, got))| mismatch(&format!("{path}[{n}]"), want, got))
        }
        Value::String(pattern) if pattern.starts_with('~') => match actual.as_str() {
            Some(text) if glob(&pattern[1..], text) => None,
            _ => Some(format!("{path}: {actual} does not match {pattern}")),
        },
        Value::Number(n) => {
            (actual.as_f64() != n.as_f64()).then(|| format!("{path}: {actual}, expected {n}"))
        }
        _ => (expected != actual).then(|| format!("{path}: {actual}, expected {expected}")),
    }
}

#[test]
fn simulation_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/simulate");
    let mut scenarios: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".scenario.yaml"))
        .collect();
    scenarios.sort();
    assert!(
        scenarios.len() >= 30,
        "expected the simulation fixtures, found {}",
        scenarios.len()
    );
    let mut failures = Vec::new();
    let mut versioned = 0;
    for scenario in &scenarios {
        let name = scenario.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".scenario.yaml");
        // `NAME.expect.yaml` holds for v1.34, the version the engine was ported from;
        // `NAME.v1.36.expect.yaml` for the version it names (a behaviour that changed).
        let mut expectations: Vec<(String, String)> = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("fixture folder").flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(middle) = file
                .strip_prefix(stem)
                .and_then(|rest| rest.strip_suffix("expect.yaml"))
            else {
                continue;
            };
            match middle {
                "." => expectations.push((file, "v1.34".to_owned())),
                _ if middle.starts_with(".v1.") && middle.ends_with('.') => {
                    versioned += 1;
                    expectations.push((file.clone(), middle[1..middle.len() - 1].to_owned()));
                }
                _ => {}
            }
        }
        if !expectations.iter().any(|(_, v)| v == "v1.34") {
            failures.push(format!(
                "{name}: no {stem}.expect.yaml (the v1.34 expectations)"
            ));
        }
        expectations.sort();
        for (expect_name, version) in expectations {
            let Ok(expect_text) = std::fs::read_to_string(dir.join(&expect_name)) else {
                failures.push(format!("{expect_name}: unreadable"));
                continue;
            };
            let stream = parse_stream(&expect_text);
            let Some(expected) = stream.documents.first().and_then(|d| d.value.as_ref()) else {
                failures.push(format!("{expect_name}: unreadable expectations"));
                continue;
            };
            let output = crate::jobscope()
                .args([
                    "simulate",
                    "--format",
                    "json",
                    "--kubernetes-version",
                    &version,
                ])
                .arg(scenario)
                .output()
                .expect("run jobscope");
            let stdout = String::from_utf8_lossy(&output.stdout);
            let Ok(actual) = serde_json::from_str::<Value>(stdout.trim()) else {
                failures.push(format!(
                    "{expect_name}: no JSON; stderr: {}",
                    String::from_utf8_lossy(&output.stderr)
                ));
                continue;
            };
            if actual["kubernetesVersion"] != version.as_str() {
                failures.push(format!(
                    "{expect_name}: the output names {}",
                    actual["kubernetesVersion"]
                ));
            }
            if let Some(problem) = mismatch("", &to_json(expected), &actual) {
                failures.push(format!("{expect_name}: {problem}"));
            }
        }
    }
    assert!(versioned >= 1, "expected fixtures of other versions");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn globs_match_like_a_shell() {
    assert!(glob("demo-*-x", "demo-abc-x"));
    assert!(glob("*", "anything"));
    assert!(!glob("demo-*", "other"));
    assert!(glob("a*b*c", "aXbYc"));
}

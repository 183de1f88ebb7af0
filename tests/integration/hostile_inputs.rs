//! The hostile inputs of the hardening issue, as text: shared by the hostile-input tests
//! (`tests/integration/hostile.rs`, which check the diagnostics) and the benchmark
//! (`benches/hostile.rs`, which measures the time; the target is 100 ms each).

// The bench includes this file with `#[path]` and does not use every helper.
#![allow(dead_code)]

/// A Job the apiserver accepts, to pad and repeat.
pub const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34\n";

/// The "billion laughs": nine levels of ten aliases each, 10^9 strings once expanded.
pub fn billion_laughs() -> String {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (previous, name) in ('a'..='h').zip('b'..='i') {
        let items = vec![format!("*{previous}"); 10].join(",");
        text.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    text
}

/// Merges of merges: nine levels, each merging the level below ten times (as many keys set as
/// a billion laughs has strings).
pub fn merge_bomb() -> String {
    let mut text = String::from("a: &a {x: 1, y: 2}\n");
    for (previous, name) in ('a'..='h').zip('b'..='i') {
        let items = vec![format!("*{previous}"); 10].join(", ");
        text.push_str(&format!("{name}: &{name} {{<<: [{items}]}}\n"));
    }
    text
}

/// `depth` nested block sequences (`- - - … x`) as the value of a Job's annotation (an
/// indentless sequence at its key's column, so the YAML is well formed at any depth).
pub fn nested_block(depth: usize) -> String {
    format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: deep\n  annotations:\n    a:\n    {}x\n",
        "- ".repeat(depth)
    )
}

/// `depth` nested flow sequences and mappings (`[{a: [{a: …}]}]`).
pub fn nested_flow(depth: usize) -> String {
    let mut text = String::from("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: deep\nspec: ");
    for level in 0..depth {
        text.push_str(if level % 2 == 0 { "[" } else { "{a: " });
    }
    text.push('x');
    for level in (0..depth).rev() {
        text.push(if level % 2 == 0 { ']' } else { '}' });
    }
    text.push('\n');
    text
}

/// `depth` nested flow sequences around `items` items: deep and long at once (each token used
/// to cost a look at every open `[`).
pub fn deep_and_long(depth: usize, items: usize) -> String {
    format!(
        "{}{}{}\n",
        "[".repeat(depth),
        "1,".repeat(items),
        "]".repeat(depth)
    )
}

/// One Job document of at least `bytes` bytes: its container has as many environment variables
/// as it takes (ordinary, valid YAML, just a lot of it).
pub fn big_document(bytes: usize) -> String {
    let mut text = String::from(JOB);
    text.push_str("        env:\n");
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "        - name: VARIABLE_{n}\n          value: \"some value for variable number {n}\"\n"
        ));
        n += 1;
    }
    text
}

/// `count` documents: the Job, again and again.
pub fn many_documents(count: usize) -> String {
    vec![JOB; count].join("---\n")
}

/// `count` tiny documents (`---` and a number): the most documents per byte.
pub fn many_tiny_documents(count: usize) -> String {
    "---\n1\n".repeat(count)
}

/// A Job with one annotation whose value is a single line of `bytes` bytes.
pub fn long_line(bytes: usize) -> String {
    JOB.replace(
        "  name: pi\n",
        &format!(
            "  name: pi\n  annotations:\n    note: \"{}\"\n",
            "x".repeat(bytes)
        ),
    )
}

/// A single plain line of `bytes` bytes, no structure at all.
pub fn long_plain_line(bytes: usize) -> String {
    "y".repeat(bytes)
}

/// A simulation scenario: a Job that wants 2,147,483,647 completions 100,000 at a time.
pub const HUGE_JOB_SCENARIO: &str = "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {name: huge}\n  spec:\n    completions: 2147483647\n    parallelism: 100000\n    backoffLimit: 6\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{name: main, image: busybox}]\nuntil: 24h\n";

/// A simulation scenario: a CronJob firing every minute, for ten years.
pub const EVERY_MINUTE_TEN_YEARS_SCENARIO: &str = "manifest: |\n  apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: every-minute}\n  spec:\n    schedule: \"* * * * *\"\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            restartPolicy: Never\n            containers: [{name: main, image: busybox}]\nuntil: 87660h\n";

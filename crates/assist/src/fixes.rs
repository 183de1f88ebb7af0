//! Quick fixes: edits offered for a diagnostic when the right change is certain.
//!
//! - a value YAML 1.1 reads as a boolean or number where a string is expected: quote it;
//! - an unknown field with a close known one (`imagePullPolice`): rename it;
//! - `restartPolicy` other than `Never` beside a podFailurePolicy: make it `Never`;
//! - a `TZ=`/`CRON_TZ=` prefix in `schedule`: move the zone to `timeZone`;
//! - a `podFailurePolicy` rule on `DisruptionTarget` that an earlier exit-code rule shadows
//!   (`lint.failure-policy-disruption-shadowed`): move it above that rule, its comments with it.
//!
//! Every fix is checked against the text it edits (the span must hold what the diagnostic
//! says), so a stale or unexpected diagnostic yields no fix rather than a wrong edit.

use super::cursor::{Place, cursor_at, unquote};
use super::text::{line_end, line_start};
use jobscope_diagnostic::Diagnostic;
use jobscope_yaml::{Value, ValueKind, parse_stream};

/// Replace `from..to` (byte offsets) with `insert`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub from: usize,
    pub to: usize,
    pub insert: String,
}

/// A named set of edits applied together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickFix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// The fixes for `diagnostic`, found in `text` (the text it was computed from).
pub fn quick_fixes(text: &str, diagnostic: &Diagnostic) -> Vec<QuickFix> {
    let span = diagnostic.span;
    let Some(written) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let help = diagnostic.help.as_deref().unwrap_or_default();
    let mut fixes = Vec::new();
    match diagnostic.code {
        "apiserver.wrong-type" | "kubectl.annotations-dropped"
            if help.contains("quote it") && is_plain_scalar(written) =>
        {
            fixes.push(QuickFix {
                title: format!("Quote {written} to keep it a string"),
                edits: vec![TextEdit {
                    from: span.start,
                    to: span.end,
                    insert: format!("\"{}\"", written.replace('\\', "\\\\").replace('"', "\\\"")),
                }],
            });
        }
        "apiserver.unknown-field" => {
            if let Some(suggestion) = help
                .strip_prefix("did you mean `")
                .and_then(|rest| rest.strip_suffix("`?"))
            {
                let wrong = diagnostic.field.rsplit('.').next().unwrap_or_default();
                if unquote(written) == wrong && !wrong.is_empty() {
                    let (from, to) = if written.starts_with(['"', '\'']) {
                        (span.start + 1, span.end - 1)
                    } else {
                        (span.start, span.end)
                    };
                    fixes.push(QuickFix {
                        title: format!("Rename to {suggestion}"),
                        edits: vec![TextEdit {
                            from,
                            to,
                            insert: suggestion.to_owned(),
                        }],
                    });
                }
            }
        }
        "apiserver.invalid-value" | "apiserver.unsupported-value"
            if diagnostic.field.ends_with("template.spec.restartPolicy")
                && diagnostic.message.contains("podFailurePolicy")
                && matches!(unquote(written).as_str(), "OnFailure" | "Always") =>
        {
            fixes.push(QuickFix {
                title: "Set restartPolicy to Never (podFailurePolicy needs it)".to_owned(),
                edits: vec![TextEdit {
                    from: span.start,
                    to: span.end,
                    insert: "Never".to_owned(),
                }],
            });
        }
        "apiserver.invalid-value"
            if diagnostic.field == "spec.schedule"
                && diagnostic.message.contains("cannot use TZ or CRON_TZ") =>
        {
            fixes.extend(move_tz_prefix(text, span.start, span.end));
        }
        "lint.failure-policy-disruption-shadowed" => {
            fixes.extend(move_policy_rule(text, diagnostic));
        }
        _ => {}
    }
    fixes
}

/// A plain (unquoted) one-line scalar.
fn is_plain_scalar(written: &str) -> bool {
    !written.is_empty()
        && !written.contains('\n')
        && !written.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!'])
}

/// `schedule: "TZ=Europe/Berlin 0 2 * * *"` → `schedule: "0 2 * * *"` and
/// `timeZone: Europe/Berlin` (added below the schedule, or replacing the one written).
fn move_tz_prefix(text: &str, start: usize, end: usize) -> Option<QuickFix> {
    let written = &text[start..end];
    let quote = written.chars().next().filter(|c| *c == '"' || *c == '\'');
    let value = unquote(written);
    let rest = value
        .strip_prefix("CRON_TZ=")
        .or_else(|| value.strip_prefix("TZ="))?;
    let (zone, schedule) = rest.split_once(' ')?;
    let schedule = schedule.trim_start();
    if zone.is_empty() || schedule.is_empty() || schedule.contains("TZ") {
        return None;
    }
    let new_value = match quote {
        Some(q) => format!("{q}{schedule}{q}"),
        // `*` would start an alias: a plain schedule starting with it needs quotes.
        None if schedule.starts_with(['*', '@']) => format!("\"{schedule}\""),
        None => schedule.to_owned(),
    };
    let mut edits = vec![TextEdit {
        from: start,
        to: end,
        insert: new_value,
    }];
    // Where is `schedule:` written, and is there a `timeZone:` beside it?
    let key_line = line_start(text, start);
    let indent = text[key_line..start].len() - text[key_line..start].trim_start().len();
    let cursor = cursor_at(text, key_line + indent + 1)?;
    let Place::Key { siblings, .. } = &cursor.place else {
        return None;
    };
    if siblings.iter().any(|s| s == "timeZone") {
        // Find the timeZone line among the lines of the same mapping (same indentation).
        let doc = &text[cursor.doc.start..cursor.doc.end];
        let mut offset = cursor.doc.start;
        let mut target = None;
        for line in doc.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let line_indent = line.len() - trimmed.len();
            if line_indent == indent
                && let Some(after) = trimmed.strip_prefix("timeZone:")
            {
                let value_start = offset + line_indent + "timeZone:".len();
                let value_text = after.split(" #").next().unwrap_or_default();
                let lead = value_text.len() - value_text.trim_start().len();
                let trimmed_value = value_text.trim();
                target = Some((value_start + lead, value_start + lead + trimmed_value.len()));
                if unquote(trimmed_value) == zone {
                    target = Some((0, 0));
                }
                break;
            }
            offset += line.len();
        }
        match target? {
            (0, 0) => {}
            (from, to) => edits.push(TextEdit {
                from,
                to,
                insert: zone.to_owned(),
            }),
        }
    } else {
        let end_of_line = line_end(text, end);
        edits.push(TextEdit {
            from: end_of_line,
            to: end_of_line,
            insert: format!("\n{}timeZone: {zone}", " ".repeat(indent)),
        });
    }
    Some(QuickFix {
        title: format!("Move {zone} from the schedule to timeZone"),
        edits,
    })
}

/// `move `rules[L]` above `rules[E]`` at the start of the rule's help: the two indexes.
fn move_indexes(help: &str) -> Option<(usize, usize)> {
    let rest = help.strip_prefix("move `rules[")?;
    let (later, rest) = rest.split_once("]` above `rules[")?;
    let (earlier, _) = rest.split_once("]`")?;
    Some((later.parse().ok()?, earlier.parse().ok()?))
}

/// The value at a field path (`spec.jobTemplate.spec.podFailurePolicy.rules`, keys only).
fn value_at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |value, key| value.get(key))
}

/// Moves the `podFailurePolicy` rule the diagnostic points at (`rules[L]`) above `rules[E]`,
/// as its help says, in a block sequence written one item per `- ` line. Each moved rule takes
/// the comment lines right above it along; the blank lines between rules stay where they are.
fn move_policy_rule(text: &str, diagnostic: &Diagnostic) -> Option<QuickFix> {
    let (later, earlier) = move_indexes(diagnostic.help.as_deref()?)?;
    let sequence_path = diagnostic
        .field
        .strip_suffix(&format!(".rules[{later}]"))
        .map(|prefix| format!("{prefix}.rules"))?;
    if earlier >= later {
        return None;
    }
    let stream = parse_stream(text);
    let document = stream
        .documents
        .iter()
        .find(|d| d.span.start <= diagnostic.span.start && diagnostic.span.end <= d.span.end)?;
    let ValueKind::Seq(items) = &value_at(document.value.as_ref()?, &sequence_path)?.kind else {
        return None;
    };
    // The diagnostic must describe this text: the rule it names is where it points.
    if items.get(later)?.span != diagnostic.span {
        return None;
    }
    // Where each item's block starts: its `- ` line, or the comment lines right above it.
    let block_start = |item: &Value| -> Option<usize> {
        let dash_line = line_start(text, item.span.start);
        let lead = text[dash_line..item.span.start].trim_start();
        if !lead.starts_with('-') || !lead[1..].chars().all(|c| c == ' ') || lead.len() < 2 {
            return None;
        }
        let mut start = dash_line;
        while start > 0 {
            let above = line_start(text, start - 1);
            if !text[above..start].trim_start().starts_with('#') {
                break;
            }
            start = above;
        }
        Some(start)
    };
    let starts: Vec<usize> = items[earlier..=later]
        .iter()
        .map(block_start)
        .collect::<Option<_>>()?;
    let end = match items.get(later + 1) {
        Some(next) => block_start(next)?,
        None => {
            let last = &items[later];
            let end = line_end(text, last.span.end.saturating_sub(1).max(last.span.start));
            // The last line must end with a newline for the rules to stay one per line.
            (text.get(end..end + 1) == Some("\n")).then_some(end + 1)?
        }
    };
    // Each block as (body, the blank lines after it).
    let blocks: Vec<(&str, &str)> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let block = &text[start..starts.get(i + 1).copied().unwrap_or(end)];
            let body_len = block.trim_end().len();
            let body_end = block[body_len..]
                .find('\n')
                .map_or(block.len(), |n| body_len + n + 1);
            block.split_at(body_end)
        })
        .collect();
    let (moved, _) = blocks[blocks.len() - 1];
    let mut bodies = vec![moved];
    bodies.extend(blocks[..blocks.len() - 1].iter().map(|(body, _)| *body));
    let mut insert = String::new();
    for (body, (_, gap)) in bodies.iter().zip(&blocks) {
        insert.push_str(body);
        insert.push_str(gap);
    }
    Some(QuickFix {
        title: format!("Move rules[{later}] (DisruptionTarget) above rules[{earlier}]"),
        edits: vec![TextEdit {
            from: starts[0],
            to: end,
            insert,
        }],
    })
}

/// Applies edits (non-overlapping, any order) to a text.
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    jobscope_sort::sort_by_key(&mut sorted, |e| std::cmp::Reverse(e.from));
    let mut out = text.to_owned();
    for edit in sorted {
        if edit.from <= edit.to
            && edit.to <= out.len()
            && out.is_char_boundary(edit.from)
            && out.is_char_boundary(edit.to)
        {
            out.replace_range(edit.from..edit.to, &edit.insert);
        }
    }
    out
}

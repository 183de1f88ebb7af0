//! The effective manifest as YAML: the object after apiserver defaulting, fields in the order
//! written (defaulted ones after them), each line marked when the apiserver added it.

use super::object::{IntOrString, Node, NodeValue};
use jobscope_yaml::scalar::{Scalar, go_json_float, resolve};
use jobscope_yaml::{Value, ValueKind};

/// One rendered line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// The apiserver's defaulting added this line.
    pub defaulted: bool,
}

/// Renders an object (a mapping) as block YAML.
pub fn render_yaml(node: &Node) -> Vec<Line> {
    let mut lines = Vec::new();
    render_mapping(&entries(node), 0, false, &mut lines);
    lines
}

/// Fields of an object or entries of a map, written ones first.
fn entries(node: &Node) -> Vec<(String, &Node)> {
    let mut pairs: Vec<(String, &Node)> = match &node.value {
        NodeValue::Object(_, fields) => fields.iter().map(|(k, v)| ((*k).to_owned(), v)).collect(),
        NodeValue::Map(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        _ => Vec::new(),
    };
    jobscope_sort::sort_by_key(&mut pairs, |(_, v)| v.defaulted);
    pairs
}

fn push(lines: &mut Vec<Line>, indent: usize, text: String, defaulted: bool) {
    lines.push(Line {
        text: format!("{}{text}", " ".repeat(indent)),
        defaulted,
    });
}

fn render_mapping(
    pairs: &[(String, &Node)],
    indent: usize,
    parent_defaulted: bool,
    lines: &mut Vec<Line>,
) {
    for (key, value) in pairs {
        let defaulted = parent_defaulted || value.defaulted;
        render_entry(&quote_key(key), value, indent, defaulted, lines);
    }
}

fn render_entry(key: &str, value: &Node, indent: usize, defaulted: bool, lines: &mut Vec<Line>) {
    match &value.value {
        NodeValue::Object(..) | NodeValue::Map(_) => {
            let children = entries(value);
            if children.is_empty() {
                push(lines, indent, format!("{key}: {{}}"), defaulted);
            } else {
                push(lines, indent, format!("{key}:"), defaulted);
                render_mapping(&children, indent + 2, defaulted, lines);
            }
        }
        NodeValue::List(items) => {
            if items.is_empty() {
                push(lines, indent, format!("{key}: []"), defaulted);
            } else {
                push(lines, indent, format!("{key}:"), defaulted);
                render_list(items, indent, defaulted, lines);
            }
        }
        NodeValue::Any(any) => render_value_entry(key, any, indent, defaulted, lines),
        NodeValue::Str(text) if text.contains('\n') && block_scalar_ok(text) => {
            push(
                lines,
                indent,
                format!("{key}: {}", if text.ends_with('\n') { "|" } else { "|-" }),
                defaulted,
            );
            for line in text.trim_end_matches('\n').split('\n') {
                if line.is_empty() {
                    lines.push(Line {
                        text: String::new(),
                        defaulted,
                    });
                } else {
                    push(lines, indent + 2, line.to_owned(), defaulted);
                }
            }
        }
        _ => push(
            lines,
            indent,
            format!("{key}: {}", scalar_text(value)),
            defaulted,
        ),
    }
}

fn render_list(items: &[Node], indent: usize, defaulted: bool, lines: &mut Vec<Line>) {
    for item in items {
        let item_defaulted = defaulted || item.defaulted;
        match &item.value {
            NodeValue::Object(..) | NodeValue::Map(_) => {
                let children = entries(item);
                if children.is_empty() {
                    push(lines, indent, "- {}".to_owned(), item_defaulted);
                    continue;
                }
                // The first field goes on the dash line.
                let mut nested = Vec::new();
                render_mapping(&children, indent + 2, item_defaulted, &mut nested);
                if let Some(first) = nested.first_mut() {
                    first.text = format!("{}- {}", " ".repeat(indent), first.text.trim_start());
                }
                lines.extend(nested);
            }
            NodeValue::List(inner) if !inner.is_empty() => {
                push(lines, indent, "-".to_owned(), item_defaulted);
                render_list(inner, indent + 2, item_defaulted, lines);
            }
            _ => push(
                lines,
                indent,
                format!("- {}", scalar_text(item)),
                item_defaulted,
            ),
        }
    }
}

fn render_value_entry(
    key: &str,
    value: &Value,
    indent: usize,
    defaulted: bool,
    lines: &mut Vec<Line>,
) {
    push(
        lines,
        indent,
        format!("{key}: {}", value_json(value)),
        defaulted,
    );
}

/// A free-form value as flow YAML (JSON is valid YAML).
fn value_json(value: &Value) -> String {
    match &value.kind {
        ValueKind::Null => "null".to_owned(),
        ValueKind::Bool(v) => v.to_string(),
        ValueKind::Int(v) => v.to_string(),
        ValueKind::Uint(v) => v.to_string(),
        ValueKind::Float(v) => go_json_float(*v).unwrap_or_else(|| "null".to_owned()),
        ValueKind::Str(text) => jobscope_golang::strings::go_json_string(text),
        ValueKind::Seq(items) => format!(
            "[{}]",
            items.iter().map(value_json).collect::<Vec<_>>().join(", ")
        ),
        ValueKind::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|e| format!(
                    "{}: {}",
                    jobscope_golang::strings::go_json_string(&e.key),
                    value_json(&e.value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn scalar_text(node: &Node) -> String {
    match &node.value {
        NodeValue::Bool(v) => v.to_string(),
        NodeValue::Int(v) => v.to_string(),
        NodeValue::Float(v) => go_json_float(*v).unwrap_or_else(|| "0".to_owned()),
        NodeValue::Str(text) | NodeValue::Time(text) | NodeValue::Bytes(text) => quote_string(text),
        NodeValue::Quantity(q) => quote_string(&q.text()),
        NodeValue::IntOrString(IntOrString::Int(v)) => v.to_string(),
        NodeValue::IntOrString(IntOrString::Str(text)) => quote_string(text),
        NodeValue::Any(value) => value_json(value),
        NodeValue::List(_) => "[]".to_owned(),
        NodeValue::Map(_) | NodeValue::Object(..) => "{}".to_owned(),
    }
}

/// A string as a plain scalar when YAML 1.1 reads it back as the same string, else quoted.
fn quote_string(text: &str) -> String {
    let special_start = text.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`', ' ',
    ]);
    let risky = text.is_empty()
        || special_start
        || text.ends_with(' ')
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.chars().any(|c| c.is_control());
    let reads_back = matches!(resolve(text, true, None), Ok(Scalar::Str(ref s)) if s == text);
    if risky || !reads_back {
        jobscope_golang::strings::go_json_string(text)
    } else {
        text.to_owned()
    }
}

fn quote_key(key: &str) -> String {
    quote_string(key)
}

/// A literal block keeps the text exactly when no line has trailing spaces or tabs and the
/// first line does not start with a space.
fn block_scalar_ok(text: &str) -> bool {
    !text.starts_with(' ')
        && !text.contains('\t')
        && !text.contains('\r')
        && text
            .trim_end_matches('\n')
            .split('\n')
            .all(|line| !line.ends_with(' '))
        && !text.ends_with("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rendered lines as one text, defaulted lines marked.
    fn render_yaml_text(node: &Node) -> String {
        let mut out = String::new();
        for line in render_yaml(node) {
            out.push_str(&line.text);
            if line.defaulted {
                out.push_str("  # defaulted");
            }
            out.push('\n');
        }
        out
    }
    use crate::manifest::decode::decode_object;
    use crate::manifest::defaults::default_job;
    use crate::manifest::schema::BATCH_JOB;
    use jobscope_yaml::parse_stream;

    #[test]
    fn renders_defaults_and_round_trips() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34\n        command: [\"perl\", \"-e\", \"print 1\"]\n        env:\n        - {name: A, value: \"yes\"}\n";
        let stream = parse_stream(text);
        let (mut job, _) = decode_object(stream.documents[0].value.as_ref().unwrap(), &BATCH_JOB);
        default_job(&mut job, crate::version::KubernetesVersion::V1_34);
        let rendered = render_yaml_text(&job);
        assert!(
            rendered.contains("  backoffLimit: 6  # defaulted\n"),
            "{rendered}"
        );
        assert!(rendered.contains("        value: \"yes\"\n"), "{rendered}");
        assert!(rendered.contains("      - name: pi\n"), "{rendered}");
        // What we render parses back to the same object.
        let again = parse_stream(&rendered);
        let (reparsed, errors) =
            decode_object(again.documents[0].value.as_ref().unwrap(), &BATCH_JOB);
        assert!(errors.is_empty(), "{errors:?}\n{rendered}");
        assert_eq!(
            reparsed
                .at(&["spec", "template", "spec", "containers"])
                .unwrap()
                .items()[0]
                .get("image")
                .and_then(Node::as_str),
            Some("perl:5.34")
        );
        assert_eq!(
            reparsed
                .at(&["spec", "backoffLimit"])
                .and_then(Node::as_i64),
            Some(6)
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_string("plain"), "plain");
        assert_eq!(quote_string("yes"), "\"yes\"");
        assert_eq!(quote_string("8080"), "\"8080\"");
        assert_eq!(quote_string("a: b"), "\"a: b\"");
        assert_eq!(quote_string(""), "\"\"");
        assert_eq!(quote_string("-c"), "\"-c\"");
    }
}

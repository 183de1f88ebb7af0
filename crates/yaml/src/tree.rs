//! YAML events (from libyaml-safer, the libyaml that go-yaml v2 ports) to a node arena with byte spans, anchors resolved to node
//! ids, and a depth limit. Parsing stops at the first syntax error and keeps what came before it.

use libyaml_safer::{
    Error, ErrorKind, EventData, MappingStyle, Mark, Parser, ScalarStyle, SequenceStyle,
};

use super::{GO_YAML_MAX_DEPTH, MAX_TREE_DEPTH};
use jobscope_diagnostic::Span;

pub(crate) type NodeId = u32;

/// How a scalar was written; only plain scalars are resolved to bools, numbers and null.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Quoted,
    Block,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NodeKind {
    Scalar {
        text: String,
        style: Style,
    },
    Seq(Vec<NodeId>),
    Map(Vec<(NodeId, NodeId)>),
    /// `*name`: the anchored node it refers to.
    Alias {
        target: NodeId,
        name: String,
    },
    /// Content nested deeper than [`MAX_TREE_DEPTH`], not kept.
    TooDeep,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) kind: NodeKind,
    pub(crate) span: Span,
    /// The full tag (`tag:yaml.org,2002:str`, `!custom`), if one was written.
    pub(crate) tag: Option<String>,
}

/// A syntax error: the parser's problem (in go-yaml/libyaml words) and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

/// The nodes of one YAML document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
    pub(crate) root: Option<NodeId>,
    pub(crate) syntax_error: Option<SyntaxError>,
    /// Errors that do not stop parsing (too deep).
    pub(crate) limit_errors: Vec<SyntaxError>,
    /// The chunk held more than one YAML document (after `...`); only the first is used, as
    /// go-yaml does.
    pub(crate) extra_documents: bool,
}

impl Tree {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }
}

enum Frame {
    Seq {
        id: NodeId,
        items: Vec<NodeId>,
    },
    Map {
        id: NodeId,
        entries: Vec<(NodeId, NodeId)>,
        key: Option<NodeId>,
    },
}

/// Parses one document chunk `text[span]` of the whole `text`.
pub(crate) fn parse_tree(text: &str, span: Span) -> Tree {
    let chunk = &text[span.start..span.end];
    // libyaml marks count bytes of the chunk.
    let offset = |mark: Mark| span.start + (mark.index as usize).min(chunk.len());
    let mut tree = Tree::default();
    let mut anchors: Vec<(String, NodeId)> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Depth of collections opened beyond MAX_TREE_DEPTH (not kept).
    let mut skipped_depth: usize = 0;
    // go-yaml's scanner limits: flow nesting, and block indentation levels.
    let mut nesting: Vec<Nesting> = Vec::new();
    let mut documents = 0;
    // libyaml-safer 0.3 panics when a block scalar (or a line break) meets the end of the input:
    // C libyaml reads a NUL past the end, the port does not. kubectl's reader ends every document
    // with a line break anyway (`a: |` then `x` at the end of a file is "x\n" for go-yaml too),
    // so give the parser one.
    let terminated;
    let mut input = if chunk.ends_with('\n') {
        chunk.as_bytes()
    } else {
        terminated = format!("{chunk}\n");
        terminated.as_bytes()
    };
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    loop {
        let event = match parser.parse() {
            Ok(event) => event,
            Err(error) => {
                tree.syntax_error = Some(syntax_error(&error, &offset));
                break;
            }
        };
        let event_span = Span::new(
            offset(event.start_mark),
            offset(event.end_mark).max(offset(event.start_mark)),
        );
        match event.data {
            EventData::DocumentStart { .. } => {
                documents += 1;
                if documents > 1 {
                    tree.extra_documents = true;
                    break;
                }
            }
            EventData::StreamEnd => break,
            EventData::SequenceStart { .. } | EventData::MappingStart { .. } => {
                let (is_map, anchor, tag, flow) = match event.data {
                    EventData::MappingStart {
                        anchor, tag, style, ..
                    } => (true, anchor, tag, style == MappingStyle::Flow),
                    EventData::SequenceStart {
                        anchor, tag, style, ..
                    } => (false, anchor, tag, style == SequenceStyle::Flow),
                    _ => continue,
                };
                let level = nesting_level(&nesting, flow, is_map, event.start_mark);
                nesting.push(level);
                if level.flow > GO_YAML_MAX_DEPTH || level.indents > GO_YAML_MAX_DEPTH {
                    // A scanner error: go-yaml names its line counted from 1, or none on the first.
                    let line = event.start_mark.line;
                    let problem = format!("exceeded max depth of {GO_YAML_MAX_DEPTH}");
                    tree.syntax_error = Some(SyntaxError {
                        message: if line == 0 {
                            format!("yaml: {problem}")
                        } else {
                            format!("yaml: line {}: {problem}", line + 1)
                        },
                        span: Span::new(event_span.start, event_span.start),
                    });
                    break;
                }
                if skipped_depth > 0 || stack.len() >= MAX_TREE_DEPTH {
                    if skipped_depth == 0 {
                        let id = push(&mut tree, NodeKind::TooDeep, event_span, None);
                        attach(&mut tree, &mut stack, id);
                        tree.limit_errors.push(SyntaxError {
                            message: format!("nested deeper than {MAX_TREE_DEPTH} levels; jobscope does not analyse what is inside"),
                            span: event_span,
                        });
                    }
                    skipped_depth += 1;
                    continue;
                }
                let kind = if is_map {
                    NodeKind::Map(Vec::new())
                } else {
                    NodeKind::Seq(Vec::new())
                };
                let id = push(&mut tree, kind, event_span, tag);
                if let Some(anchor) = anchor {
                    anchors.push((anchor, id));
                }
                stack.push(if is_map {
                    Frame::Map {
                        id,
                        entries: Vec::new(),
                        key: None,
                    }
                } else {
                    Frame::Seq {
                        id,
                        items: Vec::new(),
                    }
                });
            }
            EventData::SequenceEnd | EventData::MappingEnd => {
                nesting.pop();
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                let id = close(&mut tree, frame, event_span.start);
                attach(&mut tree, &mut stack, id);
            }
            EventData::Scalar {
                anchor,
                tag,
                value,
                style,
                ..
            } => {
                if skipped_depth > 0 {
                    continue;
                }
                let style = match style {
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                    // The parser reports written styles only; `Any` is an emitter setting.
                    _ => Style::Plain,
                };
                let id = push(
                    &mut tree,
                    NodeKind::Scalar { text: value, style },
                    event_span,
                    tag,
                );
                if let Some(anchor) = anchor {
                    anchors.push((anchor, id));
                }
                attach(&mut tree, &mut stack, id);
            }
            EventData::Alias { anchor } => {
                if skipped_depth > 0 {
                    continue;
                }
                // The latest anchor of that name, as go-yaml resolves it. An unknown one is a
                // decode error in go-yaml ("unknown anchor 'x' referenced"), not a syntax error.
                let Some(&(_, target)) = anchors.iter().rev().find(|(a, _)| *a == anchor) else {
                    tree.syntax_error = Some(SyntaxError {
                        message: format!("yaml: unknown anchor '{anchor}' referenced"),
                        span: event_span,
                    });
                    break;
                };
                let id = push(
                    &mut tree,
                    NodeKind::Alias {
                        target,
                        name: anchor,
                    },
                    event_span,
                    None,
                );
                attach(&mut tree, &mut stack, id);
            }
            EventData::StreamStart { .. } | EventData::DocumentEnd { .. } => {}
        }
    }
    // Close what a syntax error left open, so the partial tree is still a tree.
    while let Some(frame) = stack.pop() {
        let end = tree
            .syntax_error
            .as_ref()
            .map_or(span.end, |e| e.span.start);
        let id = close(&mut tree, frame, end);
        attach(&mut tree, &mut stack, id);
    }
    tree
}

/// How deep go-yaml's scanner is at a collection: flow levels, and block indentation levels.
#[derive(Clone, Copy)]
struct Nesting {
    flow: usize,
    indents: usize,
    column: u64,
    is_map: bool,
}

fn nesting_level(outer: &[Nesting], flow: bool, is_map: bool, mark: Mark) -> Nesting {
    let parent = outer.last().copied().unwrap_or(Nesting {
        flow: 0,
        indents: 0,
        column: 0,
        is_map: true,
    });
    if flow {
        return Nesting {
            flow: parent.flow + 1,
            column: mark.column,
            is_map,
            ..parent
        };
    }
    // A block collection rolls the indentation, except a sequence written at its parent
    // mapping's column (`key:\n- item`), which go-yaml scans as an indentless sequence.
    let indentless = !is_map
        && parent.is_map
        && parent.flow == 0
        && !outer.is_empty()
        && mark.column == parent.column;
    Nesting {
        flow: parent.flow,
        indents: parent.indents + usize::from(!indentless),
        column: mark.column,
        is_map,
    }
}

fn push(tree: &mut Tree, kind: NodeKind, span: Span, tag: Option<String>) -> NodeId {
    tree.nodes.push(Node { kind, span, tag });
    (tree.nodes.len() - 1) as NodeId
}

fn attach(tree: &mut Tree, stack: &mut [Frame], id: NodeId) {
    match stack.last_mut() {
        None => {
            if tree.root.is_none() {
                tree.root = Some(id);
            }
        }
        Some(Frame::Seq { items, .. }) => items.push(id),
        Some(Frame::Map { entries, key, .. }) => match key.take() {
            None => *key = Some(id),
            Some(k) => entries.push((k, id)),
        },
    }
}

/// Stores a finished collection; its span runs from its start to its last child (block
/// collections end where the next token starts, which may be lines later).
fn close(tree: &mut Tree, frame: Frame, end_hint: usize) -> NodeId {
    match frame {
        Frame::Seq { id, items } => {
            let end = items
                .last()
                .map_or(end_hint, |last| tree.nodes[*last as usize].span.end);
            let node = &mut tree.nodes[id as usize];
            node.span.end = end.max(node.span.start);
            node.kind = NodeKind::Seq(items);
            id
        }
        Frame::Map {
            id,
            mut entries,
            key,
        } => {
            // A key without a value (cut off by an error) still counts, with a null value.
            if let Some(k) = key {
                let key_span = tree.nodes[k as usize].span;
                let null = push(
                    tree,
                    NodeKind::Scalar {
                        text: String::new(),
                        style: Style::Plain,
                    },
                    Span::new(key_span.end, key_span.end),
                    None,
                );
                entries.push((k, null));
            }
            let end = entries
                .last()
                .map_or(end_hint, |(_, value)| tree.nodes[*value as usize].span.end);
            let node = &mut tree.nodes[id as usize];
            node.span.end = end.max(node.span.start);
            node.kind = NodeKind::Map(entries);
            id
        }
    }
}

/// The parser's error as go-yaml (and so kubectl) words it: `yaml: line N: <problem>`, where N
/// follows go-yaml's `parser.fail`: a scanner error's line counts from 1, a parser error's from 0
/// (it names the line before the problem), and a problem on the first line names no line.
fn syntax_error(error: &Error, offset: &impl Fn(Mark) -> usize) -> SyntaxError {
    let problem = error.problem();
    let problem_mark = error.problem_mark().unwrap_or_default();
    let context_mark = error.context_mark().unwrap_or_default();
    let line = if problem_mark.line != 0 {
        problem_mark.line + u64::from(error.kind() == ErrorKind::Scanner)
    } else {
        context_mark.line
    };
    let message = if line != 0 {
        format!("yaml: line {line}: {problem}")
    } else {
        format!("yaml: {problem}")
    };
    let at = offset(problem_mark);
    SyntaxError {
        message,
        span: Span::new(at, at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Tree {
        parse_tree(text, Span::new(0, text.len()))
    }

    #[test]
    fn builds_maps_and_sequences_with_spans() {
        let text = "a: 1\nb:\n  - x\n  - 'y'\n";
        let t = tree(text);
        let NodeKind::Map(entries) = &t.node(t.root.unwrap()).kind else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
        let (key, value) = entries[1];
        assert_eq!(&text[t.node(key).span.start..t.node(key).span.end], "b");
        let NodeKind::Seq(items) = &t.node(value).kind else {
            panic!()
        };
        assert_eq!(
            &text[t.node(items[1]).span.start..t.node(items[1]).span.end],
            "'y'"
        );
        assert!(matches!(
            &t.node(items[1]).kind,
            NodeKind::Scalar {
                style: Style::Quoted,
                ..
            }
        ));
    }

    #[test]
    fn keeps_the_tree_before_a_syntax_error() {
        let text = "a: 1\nb: [1, 2\nc: 3\n";
        let t = tree(text);
        assert!(t.syntax_error.is_some());
        assert!(t.root.is_some());
    }

    #[test]
    fn aliases_point_at_their_anchor() {
        let t = tree("a: &x {k: v}\nb: *x\n");
        let NodeKind::Map(entries) = &t.node(t.root.unwrap()).kind else {
            panic!()
        };
        let NodeKind::Alias { target, name } = &t.node(entries[1].1).kind else {
            panic!()
        };
        assert_eq!(*target, entries[0].1);
        assert_eq!(name, "x");
    }

    #[test]
    fn deep_nesting_is_cut_not_recursed() {
        // Block nesting beyond our depth is cut (one limit error, no syntax error).
        let depth = MAX_TREE_DEPTH + 50;
        let text: String = (0..depth)
            .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
            .collect();
        let t = tree(&text);
        assert!(t.syntax_error.is_none(), "{:?}", t.syntax_error);
        assert_eq!(t.limit_errors.len(), 1);
        // Flow nesting is cut the same way.
        let text = format!("{}{}", "[".repeat(300), "]".repeat(300));
        let t = tree(&text);
        assert!(t.syntax_error.is_none());
        assert_eq!(t.limit_errors.len(), 1);
        // Beyond go-yaml's own limit, kubectl's error.
        // (Compact nested sequences: `- - - x` nests one level per dash on a single line.)
        let text = format!("{}x\n", "- ".repeat(GO_YAML_MAX_DEPTH + 2));
        let t = tree(&text);
        assert_eq!(
            t.syntax_error.map(|e| e.message),
            Some(format!("yaml: exceeded max depth of {GO_YAML_MAX_DEPTH}"))
        );
        let text = format!("a: 1\nb: {}x\n", "[".repeat(GO_YAML_MAX_DEPTH + 1));
        assert_eq!(
            tree(&text).syntax_error.map(|e| e.message),
            Some(format!(
                "yaml: line 2: exceeded max depth of {GO_YAML_MAX_DEPTH}"
            ))
        );
    }

    #[test]
    fn block_scalars_at_the_end_of_the_text() {
        // libyaml-safer panics on these without the line break we add.
        for text in ["|\n m", "a: |\n  x", "k: >\n  text", "|-\n m"] {
            let t = tree(text);
            assert!(t.syntax_error.is_none(), "{text:?}: {:?}", t.syntax_error);
            assert!(t.nodes.iter().all(|n| n.span.end <= text.len()));
        }
    }

    #[test]
    fn tags_before_a_comma_in_flow() {
        // libyaml-safer 0.3 panicked on these (see third_party/libyaml-safer/PATCHES.md).
        for text in ["[!!str, a]", "{a: !x, b: c}", "k: [!t,]"] {
            let t = tree(text);
            assert!(t.syntax_error.is_none(), "{text:?}: {:?}", t.syntax_error);
        }
        // Outside a flow collection the comma is still an error, as in C.
        assert!(tree("k: !t,x\n").syntax_error.is_some());
    }

    #[test]
    fn multibyte_text_keeps_byte_spans() {
        let text = "é: 'ü'\nname: ß\n";
        let t = tree(text);
        let NodeKind::Map(entries) = &t.node(t.root.unwrap()).kind else {
            panic!()
        };
        let value = t.node(entries[1].1);
        assert_eq!(&text[value.span.start..value.span.end], "ß");
    }
}

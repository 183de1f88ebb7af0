//! Where the cursor is in a YAML document: the path of keys and list items that holds it, and
//! whether it is on a key or a value.
//!
//! Why line by line and not the YAML tree: completion runs on text that is being typed, which is
//! almost never valid YAML (`  backo` with no colon, a dash with nothing after it). The parser
//! keeps the tree before the first syntax error, but the cursor is usually *at* that error. Block
//! YAML, which is what people write for Kubernetes, carries its structure in indentation, so a
//! forward scan that keeps a stack of (column, key or item) frames finds the path of any line,
//! broken or not. Flow collections spanning lines and complex keys are rare in manifests; the
//! scan treats them as values and offers nothing inside them.

use super::text::{floor_char, line_end, line_start};
use jobscope_diagnostic::Span;
use jobscope_yaml::split::split_documents;

/// One step of a path: a mapping key or a sequence item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Item,
}

#[cfg(test)]
impl Seg {
    /// A path written as keys, `-` for a list item: `["spec", "containers", "-"]`.
    pub(crate) fn path(parts: &[&str]) -> Vec<Seg> {
        parts
            .iter()
            .map(|p| {
                if *p == "-" {
                    Seg::Item
                } else {
                    Seg::Key((*p).to_owned())
                }
            })
            .collect()
    }
}

/// Where the cursor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// The `---`-separated document holding the cursor.
    pub(crate) doc: Span,
    /// The document's top-level `kind:` value, wherever it is written.
    pub(crate) kind: Option<String>,
    /// The path of the mapping or sequence the cursor's key or value belongs to.
    pub(crate) parent: Vec<Seg>,
    pub(crate) place: Place,
}

/// What the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A key being typed (or a bare scalar after a dash); `word` is the key's text (without
    /// quotes), possibly empty, and holds the cursor.
    Key {
        word: Span,
        /// Column of the key: nested content goes two columns further in.
        column: usize,
        /// The key already has its `:`.
        colon_follows: bool,
        /// The other keys of the same mapping, anywhere in the document.
        siblings: Vec<String>,
    },
    /// The value of `key`; `value` is its text without quotes (possibly empty) and holds the
    /// cursor.
    Value {
        key: String,
        key_span: Span,
        value: Span,
        quoted: bool,
    },
}

/// One line, split into YAML block tokens (columns are byte offsets in the line).
#[derive(Debug, Default)]
struct LineTokens {
    /// Only spaces, or a comment.
    blank: bool,
    indent: usize,
    dashes: Vec<usize>,
    /// Where the content after the dashes starts.
    content: usize,
    /// The key's token (quotes included), its name, and the colon's column.
    key: Option<(usize, usize, String, usize)>,
    /// The value's token (quotes included), comment and trailing spaces excluded.
    value: Option<(usize, usize)>,
    comment: Option<usize>,
}

impl LineTokens {
    fn first_col(&self) -> usize {
        self.dashes.first().copied().unwrap_or(self.content)
    }
}

/// The end of a quoted scalar starting at `start` (the column after its closing quote).
fn quoted_end(line: &str, start: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Where a plain scalar starting at `start` ends: before ` #` or the line's end, trailing
/// spaces trimmed. Returns the end and the comment's column.
fn plain_end(line: &str, start: usize) -> (usize, Option<usize>) {
    let bytes = line.as_bytes();
    let mut end = line.len();
    let mut comment = None;
    for i in start..bytes.len() {
        if bytes[i] == b'#' && i > start && matches!(bytes[i - 1], b' ' | b'\t') {
            end = i;
            comment = Some(i);
            break;
        }
    }
    (start + line[start..end].trim_end().len(), comment)
}

/// Reads the value that starts at or after `from`.
fn read_value(line: &str, from: usize, tokens: &mut LineTokens) {
    let start = from + (line[from..].len() - line[from..].trim_start().len());
    if start >= line.len() {
        return;
    }
    if line.as_bytes()[start] == b'#' {
        tokens.comment = Some(start);
        return;
    }
    if matches!(line.as_bytes()[start], b'"' | b'\'') {
        let end = quoted_end(line, start).unwrap_or(line.len());
        tokens.value = Some((start, end));
        let (_, comment) = plain_end(line, end);
        tokens.comment = comment;
        return;
    }
    let (end, comment) = plain_end(line, start);
    tokens.comment = comment;
    if end > start {
        tokens.value = Some((start, end));
    }
}

fn tokenize(line: &str) -> LineTokens {
    let bytes = line.as_bytes();
    let indent = bytes.iter().take_while(|b| **b == b' ').count();
    let mut tokens = LineTokens {
        indent,
        content: indent,
        ..LineTokens::default()
    };
    let mut i = indent;
    // `- `, possibly several (`- - x`), each opening a sequence item.
    while i < bytes.len() && bytes[i] == b'-' && matches!(bytes.get(i + 1), None | Some(b' ')) {
        tokens.dashes.push(i);
        i += 1;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
    }
    tokens.content = i;
    if i >= bytes.len() {
        tokens.blank = tokens.dashes.is_empty();
        return tokens;
    }
    if bytes[i] == b'#' {
        tokens.comment = Some(i);
        tokens.blank = tokens.dashes.is_empty();
        return tokens;
    }
    // A key: a quoted or plain scalar followed by `:` and a space or the line's end.
    let key_end = if matches!(bytes[i], b'"' | b'\'') {
        quoted_end(line, i)
    } else if matches!(
        bytes[i],
        b'[' | b'{' | b'|' | b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'?'
    ) {
        None
    } else {
        let (end, _) = plain_end(line, i);
        let scan = &line[i..end];
        scan.char_indices()
            .find(|(at, c)| {
                *c == ':' && matches!(scan.as_bytes().get(at + 1), None | Some(b' ' | b'\t'))
            })
            .map(|(at, _)| i + scan[..at].trim_end().len())
    };
    if let Some(end) = key_end {
        let colon = end + (line[end..].len() - line[end..].trim_start().len());
        if bytes.get(colon) == Some(&b':')
            && matches!(bytes.get(colon + 1), None | Some(b' ' | b'\t'))
            && end > i
        {
            let name = unquote(&line[i..end]);
            tokens.key = Some((i, end, name, colon));
            read_value(line, colon + 1, &mut tokens);
            return tokens;
        }
    }
    read_value(line, i, &mut tokens);
    tokens
}

/// A key or scalar's text without its quotes (escapes are left alone: keys never need them).
pub(crate) fn unquote(token: &str) -> String {
    let token = token.trim();
    for quote in ['"', '\''] {
        if token.len() >= 2 && token.starts_with(quote) && token.ends_with(quote) {
            return token[1..token.len() - 1].to_owned();
        }
    }
    token.to_owned()
}

struct Frame {
    col: usize,
    seg: Seg,
    id: usize,
    /// A key whose value is written on its own line (`key: value`): nothing nests under it.
    inline_value: bool,
}

/// Leaves on the stack only the frames that hold a line starting at column `x`.
fn pop_to(stack: &mut Vec<Frame>, x: usize, dash_line: bool) {
    while let Some(top) = stack.last() {
        if top.col > x {
            stack.pop();
            continue;
        }
        if top.col == x {
            // `key:` followed by `- item` at the key's own column: an indentless sequence.
            if dash_line && matches!(top.seg, Seg::Key(_)) && !top.inline_value {
                break;
            }
            stack.pop();
            continue;
        }
        break;
    }
}

/// The span of the document holding `offset` (an empty one after a trailing separator).
pub(crate) fn document_span(text: &str, offset: usize) -> Span {
    let (chunks, _) = split_documents(text);
    chunks
        .iter()
        .map(|c| c.span)
        .find(|span| span.start <= offset && offset <= span.end)
        .unwrap_or_else(|| {
            let start = line_start(text, offset);
            Span::new(start, line_end(text, offset))
        })
}

/// Where the cursor at byte `offset` is, or `None` inside a comment, a block scalar, a flow
/// collection or the indentation before a line's content.
pub(crate) fn cursor_at(text: &str, offset: usize) -> Option<Cursor> {
    let offset = floor_char(text, offset);
    let doc = document_span(text, offset);
    let mut stack: Vec<Frame> = Vec::new();
    let mut next_id = 1;
    let mut siblings: Vec<(usize, String)> = Vec::new();
    // Lines indented deeper than this column belong to a block scalar.
    let mut block: Option<usize> = None;
    let mut kind = None;
    let mut found: Option<(Vec<Seg>, Place, usize)> = None;
    let mut line_start_at = doc.start;
    let body = &text[doc.start..doc.end];
    for raw in body.split_inclusive('\n') {
        let start = line_start_at;
        line_start_at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let is_cursor_line = found.is_none() && start <= offset && offset <= start + line.len();
        let column = offset.saturating_sub(start);
        let tokens = tokenize(line);
        if let Some(base) = block {
            let indent = if tokens.blank && tokens.comment.is_none() {
                if is_cursor_line { column } else { usize::MAX }
            } else {
                tokens.indent
            };
            if indent > base {
                if is_cursor_line {
                    return None;
                }
                continue;
            }
            block = None;
        }
        if tokens.blank {
            if is_cursor_line {
                if tokens.comment.is_some_and(|c| column > c) || !line[..column].trim().is_empty() {
                    return None;
                }
                pop_to(&mut stack, column, false);
                let parent = stack.last().map_or(0, |f| f.id);
                found = Some((
                    path_of(&stack),
                    Place::Key {
                        word: Span::new(offset, offset),
                        column,
                        colon_follows: false,
                        siblings: Vec::new(),
                    },
                    parent,
                ));
            }
            continue;
        }
        if is_cursor_line
            && (tokens.comment.is_some_and(|c| column > c)
                || column < tokens.first_col()
                || tokens.dashes.last().is_some_and(|d| column <= *d))
        {
            return None;
        }
        pop_to(&mut stack, tokens.first_col(), !tokens.dashes.is_empty());
        for dash in &tokens.dashes {
            stack.push(Frame {
                col: *dash,
                seg: Seg::Item,
                id: next_id,
                inline_value: false,
            });
            next_id += 1;
        }
        let parent = stack.last().map_or(0, |f| f.id);
        let block_indicator = |value: Option<(usize, usize)>| {
            value.is_some_and(|(s, _)| matches!(line.as_bytes()[s], b'|' | b'>'))
        };
        match &tokens.key {
            Some((key_start, key_end, name, colon)) => {
                if stack.is_empty() && name == "kind" {
                    kind = tokens.value.map(|(s, e)| unquote(&line[s..e]));
                }
                if is_cursor_line {
                    let (inner_start, inner_end) = inner(line, *key_start, *key_end);
                    let place = if column <= *colon {
                        if column < inner_start || column > inner_end.max(inner_start) {
                            return None;
                        }
                        Place::Key {
                            word: Span::new(
                                start + inner_start,
                                start + inner_end.max(inner_start),
                            ),
                            column: *key_start,
                            colon_follows: true,
                            siblings: Vec::new(),
                        }
                    } else {
                        let value = match tokens.value {
                            None => Span::new(offset, offset),
                            Some((s, _)) if column < s => Span::new(offset, offset),
                            Some((s, e)) if column <= e => {
                                if matches!(line.as_bytes()[s], b'[' | b'{' | b'|' | b'>') {
                                    return None;
                                }
                                let (vs, ve) = inner(line, s, e);
                                if column < vs || column > ve {
                                    return None;
                                }
                                Span::new(start + vs, start + ve)
                            }
                            Some(_) => return None,
                        };
                        Place::Value {
                            key: name.clone(),
                            key_span: Span::new(start + key_start, start + key_end),
                            value,
                            quoted: tokens
                                .value
                                .is_some_and(|(s, _)| matches!(line.as_bytes()[s], b'"' | b'\'')),
                        }
                    };
                    found = Some((path_of(&stack), place, parent));
                } else {
                    siblings.push((parent, name.clone()));
                }
                stack.push(Frame {
                    col: *key_start,
                    seg: Seg::Key(name.clone()),
                    id: next_id,
                    inline_value: tokens.value.is_some(),
                });
                next_id += 1;
                if block_indicator(tokens.value) {
                    block = Some(*key_start);
                }
            }
            None => {
                if is_cursor_line {
                    // A key being typed (no colon yet) or a bare item value.
                    let word_end = tokens.content
                        + line[tokens.content..]
                            .find(|c: char| !(c.is_alphanumeric() || "-_./".contains(c)))
                            .unwrap_or(line.len() - tokens.content);
                    if column < tokens.content
                        || column > word_end
                        || !line[word_end..].trim().is_empty()
                    {
                        return None;
                    }
                    found = Some((
                        path_of(&stack),
                        Place::Key {
                            word: Span::new(start + tokens.content, start + word_end),
                            column: tokens.content,
                            colon_follows: false,
                            siblings: Vec::new(),
                        },
                        parent,
                    ));
                    // Lines nested under the key being typed are not its siblings.
                    stack.push(Frame {
                        col: tokens.content,
                        seg: Seg::Key(String::new()),
                        id: next_id,
                        inline_value: false,
                    });
                    next_id += 1;
                } else if block_indicator(tokens.value) {
                    block = Some(tokens.dashes.last().copied().unwrap_or(tokens.indent));
                }
            }
        }
    }
    if found.is_none() && offset == line_start_at && offset == doc.end {
        // The cursor on an empty last line.
        pop_to(&mut stack, 0, false);
        found = Some((
            Vec::new(),
            Place::Key {
                word: Span::new(offset, offset),
                column: 0,
                colon_follows: false,
                siblings: Vec::new(),
            },
            0,
        ));
    }
    let (parent, mut place, parent_id) = found?;
    if let Place::Key {
        siblings: ref mut own,
        ..
    } = place
    {
        *own = siblings
            .into_iter()
            .filter(|(id, _)| *id == parent_id)
            .map(|(_, name)| name)
            .collect();
    }
    Some(Cursor {
        doc,
        kind,
        parent,
        place,
    })
}

/// A token's range without its quotes.
fn inner(line: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = line.as_bytes();
    if end > start && matches!(bytes[start], b'"' | b'\'') {
        let quote = bytes[start];
        let close = if end - start >= 2 && bytes[end - 1] == quote {
            end - 1
        } else {
            end
        };
        (start + 1, close)
    } else {
        (start, end)
    }
}

fn path_of(stack: &[Frame]) -> Vec<Seg> {
    stack.iter().map(|f| f.seg.clone()).collect()
}

/// A path as people read it: `spec.template.spec.containers[].image`.
pub(crate) fn path_label(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Item => out.push_str("[]"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text_with_caret: &str) -> Option<Cursor> {
        let offset = text_with_caret.find('|').expect("a caret");
        let text = text_with_caret.replacen('|', "", 1);
        cursor_at(&text, offset)
    }

    fn key(path: &[&str]) -> Vec<Seg> {
        Seg::path(path)
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl\n";

    #[test]
    fn a_key_being_typed_without_a_colon() {
        let cursor = at("kind: Job\nspec:\n  backo|\n  template: {}\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec"]));
        assert_eq!(cursor.kind.as_deref(), Some("Job"));
        let Place::Key {
            word,
            colon_follows,
            siblings,
            column,
        } = cursor.place
        else {
            panic!()
        };
        assert_eq!(word, Span::new(18, 23));
        assert!(!colon_follows);
        assert_eq!(column, 2);
        assert_eq!(siblings, ["template"]);
    }

    #[test]
    fn blank_lines_take_the_cursor_column() {
        let text = JOB.replace(
            "      restartPolicy: Never\n",
            "      restartPolicy: Never\n      |\n",
        );
        let cursor = at(&text).unwrap();
        assert_eq!(cursor.parent, key(&["spec", "template", "spec"]));
        let Place::Key { siblings, .. } = cursor.place else {
            panic!()
        };
        assert_eq!(siblings, ["restartPolicy", "containers"]);
        let text = JOB.replace("        image: perl\n", "        image: perl\n        |\n");
        assert_eq!(
            at(&text).unwrap().parent,
            key(&["spec", "template", "spec", "containers", "-"])
        );
        let text = JOB.replace("        image: perl\n", "        image: perl\n  |\n");
        assert_eq!(at(&text).unwrap().parent, key(&["spec"]));
        let text = format!("{JOB}|");
        assert_eq!(at(&text).unwrap().parent, key(&[]));
    }

    #[test]
    fn dashes_open_items_indented_or_not() {
        let cursor = at("spec:\n  containers:\n  - name: a\n  - |\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec", "containers", "-"]));
        let cursor = at("spec:\n  containers:\n    - name: a\n      ima|\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec", "containers", "-"]));
        let Place::Key { siblings, .. } = cursor.place else {
            panic!()
        };
        assert_eq!(siblings, ["name"]);
        let cursor = at("spec:\n  containers:\n  - name: a\n  volu|\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec"]));
    }

    #[test]
    fn values_with_and_without_quotes() {
        let cursor = at("spec:\n  concurrencyPolicy: Fo|rbid # x\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec"]));
        let Place::Value {
            key: name,
            value,
            quoted,
            ..
        } = cursor.place
        else {
            panic!()
        };
        assert_eq!(name, "concurrencyPolicy");
        assert_eq!(value, Span::new(27, 33));
        assert!(!quoted);
        let cursor = at("spec:\n  timeZone: \"Europe/|\"\n").unwrap();
        let Place::Value { value, quoted, .. } = cursor.place else {
            panic!()
        };
        assert_eq!(value, Span::new(19, 26));
        assert!(quoted);
        let cursor = at("spec:\n  suspend: |\n").unwrap();
        assert!(matches!(cursor.place, Place::Value { value, .. } if value == Span::new(17, 17)));
    }

    #[test]
    fn nothing_inside_comments_block_scalars_and_flow() {
        assert_eq!(at("a: 1 # co|mment\n"), None);
        assert_eq!(at("# |x\n"), None);
        assert_eq!(at("script: >\n  echo |hi\nnext: 1\n"), None);
        assert_eq!(at("command: [\"a\", |\"b\"]\n"), None);
        // After the block scalar ends, keys again.
        let cursor = at("spec:\n  script: >\n    echo hi\n  |\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec"]));
    }

    #[test]
    fn on_a_complete_key() {
        let cursor = at("spec:\n  back|offLimit: 3\n").unwrap();
        let Place::Key {
            word,
            colon_follows,
            ..
        } = cursor.place
        else {
            panic!()
        };
        assert_eq!(word, Span::new(8, 20));
        assert!(colon_follows);
        let cursor = at("\"spec\":\n  \"back|offLimit\": 3\n").unwrap();
        assert_eq!(cursor.parent, key(&["spec"]));
    }

    #[test]
    fn documents_are_separate() {
        let cursor = at("kind: Job\nspec: {}\n---\nkind: CronJob\nspec:\n  sch|\n").unwrap();
        assert_eq!(cursor.kind.as_deref(), Some("CronJob"));
        assert_eq!(cursor.doc.start, 23);
        let cursor = at("kind: Job\n---\n|").unwrap();
        assert_eq!(cursor.kind, None);
        assert_eq!(cursor.parent, key(&[]));
    }

    #[test]
    fn never_panics_on_any_prefix_or_offset() {
        let text = format!(
            "{JOB}---\n\"quoted: key\": 'it''s'\n- - x\n  ? odd\n\tweird: é\nbad: \"unterminated\n"
        );
        for end in 0..=text.len() {
            if !text.is_char_boundary(end) {
                continue;
            }
            let cut = &text[..end];
            for offset in 0..=cut.len() + 1 {
                let _ = cursor_at(cut, offset);
            }
        }
    }
}

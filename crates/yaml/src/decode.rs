//! A node arena to the JSON-like value kubectl sends: go-yaml v2's decoding into
//! `interface{}` followed by sigs.k8s.io/yaml's conversion to JSON. Aliases are expanded under
//! go-yaml's "excessive aliasing" rule, merge keys (`<<`) are applied as go-yaml v2 applies them
//! (in document order), keys become strings, and an explicit key written twice is reported; so is
//! every key go-yaml's strict decoding (the apiserver's, for YAML request bodies) finds set twice.

use super::scalar::{Scalar, go_json_float, resolve};
use super::tree::{NodeId, NodeKind, Style, Tree};
use super::{MAX_TREE_DEPTH, MAX_VALUE_NODES};
use jobscope_diagnostic::Span;

/// A JSON value with the span of the YAML it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
    /// A plain (unquoted) scalar: YAML read it as a bool, number or null by its spelling.
    pub plain: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Value>),
    Map(Vec<Entry>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Value,
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            ValueKind::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The JSON type name encoding/json uses in its errors (`string`, `number`, `bool`, …).
    pub fn json_type(&self) -> &'static str {
        match self.kind {
            ValueKind::Null => "null",
            ValueKind::Bool(_) => "bool",
            ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_) => "number",
            ValueKind::Str(_) => "string",
            ValueKind::Seq(_) => "array",
            ValueKind::Map(_) => "object",
        }
    }

    /// The JSON text of a number, as encoding/json writes it.
    pub fn number_text(&self) -> Option<String> {
        match self.kind {
            ValueKind::Int(v) => Some(v.to_string()),
            ValueKind::Uint(v) => Some(v.to_string()),
            ValueKind::Float(v) => go_json_float(v),
            _ => None,
        }
    }
}

/// Why a document could not be turned into JSON at all, or a problem in part of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeProblem {
    pub kind: ProblemKind,
    pub message: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// go-yaml or the JSON conversion fails: kubectl cannot send the document at all.
    Fatal,
    /// An explicit key written twice in one mapping (kubectl's conversion silently keeps the
    /// last one). `first` is the key written first; the problem's span is the later one and its
    /// message the key as go-yaml prints it.
    DuplicateKey { first: Span },
    /// A key go-yaml v2's strict decoding finds already set in its map (`line N: key K already
    /// set in map`): an explicit key written again, a key a merge (`<<`) sets that the map
    /// already holds, or an explicit key after a merge that set it. The apiserver runs that
    /// decoding on YAML request bodies. `line_at` is the byte offset go-yaml's line comes from
    /// (the start of the value being set, which for a merged key lies in the merged map); the
    /// span is the later key, or the `<<` whose merge collides; the message is the key as
    /// go-yaml prints it (`%#v`).
    StrictCollision { line_at: usize },
    /// Content jobscope does not analyse (too deep, too many nodes).
    Limit,
}

/// Decodes the tree's root.
pub(crate) fn decode_tree(tree: &Tree, text: &str) -> (Option<Value>, Vec<DecodeProblem>) {
    let Some(root) = tree.root else {
        return (None, Vec::new());
    };
    let mut decoder = Decoder {
        tree,
        text,
        decode_count: 0,
        alias_count: 0,
        alias_depth: 0,
        active_aliases: Vec::new(),
        problems: Vec::new(),
        nodes: 0,
        merge_source: None,
        walked: 0,
    };
    match decoder.decode(root, 0) {
        Ok(value) => (Some(value), decoder.problems),
        Err(fatal) => {
            decoder.problems.push(fatal);
            (None, decoder.problems)
        }
    }
}

struct Decoder<'a> {
    tree: &'a Tree,
    text: &'a str,
    decode_count: u64,
    alias_count: u64,
    alias_depth: u32,
    active_aliases: Vec<NodeId>,
    problems: Vec<DecodeProblem>,
    nodes: usize,
    /// The mapping `merge` is about to decode: go-yaml decodes it into the map that merges it,
    /// so its keys' collisions are that map's (found by its own walk), not its own.
    merge_source: Option<NodeId>,
    /// Keys the strict walks have visited: merges of merges can multiply them as aliases do,
    /// so past [`MAX_VALUE_NODES`] the walks stop (the decoding itself refuses such a document
    /// for excessive aliasing or its size).
    walked: usize,
}

/// go-yaml's `allowedAliasRatio`.
fn allowed_alias_ratio(decode_count: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    if decode_count <= LOW {
        0.99
    } else if decode_count >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decode_count - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

impl Decoder<'_> {
    fn fatal(&self, message: String, span: Span) -> DecodeProblem {
        DecodeProblem {
            kind: ProblemKind::Fatal,
            message,
            span,
        }
    }

    /// go-yaml's `unmarshal` bookkeeping: counts every decode, and refuses documents where
    /// alias expansion dominates.
    fn count(&mut self, span: Span) -> Result<(), DecodeProblem> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        if self.alias_count > 100
            && self.decode_count > 1000
            && self.alias_count as f64 / self.decode_count as f64
                > allowed_alias_ratio(self.decode_count)
        {
            return Err(self.fatal(
                "yaml: document contains excessive aliasing".to_owned(),
                span,
            ));
        }
        self.nodes += 1;
        if self.nodes > MAX_VALUE_NODES {
            return Err(DecodeProblem {
                kind: ProblemKind::Limit,
                message: format!(
                    "the document expands to more than {MAX_VALUE_NODES} values; jobscope stops reading it"
                ),
                span,
            });
        }
        Ok(())
    }

    fn decode(&mut self, id: NodeId, depth: usize) -> Result<Value, DecodeProblem> {
        let node = self.tree.node(id);
        self.count(node.span)?;
        if depth > MAX_TREE_DEPTH {
            self.problems.push(DecodeProblem {
                kind: ProblemKind::Limit,
                message: format!("aliases nest deeper than {MAX_TREE_DEPTH} levels; jobscope does not analyse what is inside"),
                span: node.span,
            });
            return Ok(Value {
                kind: ValueKind::Null,
                span: node.span,
                plain: false,
            });
        }
        let span = node.span;
        match &node.kind {
            NodeKind::Alias { target, name } => {
                if self.active_aliases.contains(target) {
                    return Err(
                        self.fatal(format!("yaml: anchor '{name}' value contains itself"), span)
                    );
                }
                self.active_aliases.push(*target);
                self.alias_depth += 1;
                let result = self.decode(*target, depth + 1);
                self.alias_depth -= 1;
                self.active_aliases.pop();
                result
            }
            NodeKind::TooDeep => Ok(Value {
                kind: ValueKind::Null,
                span,
                plain: false,
            }),
            NodeKind::Scalar { text, style } => {
                let scalar = resolve(text, *style == Style::Plain, node.tag.as_deref())
                    .map_err(|message| self.fatal(format!("yaml: {message}"), span))?;
                let kind = match scalar {
                    Scalar::Null => ValueKind::Null,
                    Scalar::Bool(v) => ValueKind::Bool(v),
                    Scalar::Int(v) => ValueKind::Int(v),
                    Scalar::Uint(v) => ValueKind::Uint(v),
                    Scalar::Float(v) => {
                        if !v.is_finite() {
                            // sigs.k8s.io/yaml marshals the result to JSON, which has no NaN or Inf.
                            let shown = if v.is_nan() {
                                "NaN".to_owned()
                            } else if v > 0.0 {
                                "+Inf".to_owned()
                            } else {
                                "-Inf".to_owned()
                            };
                            return Err(
                                self.fatal(format!("json: unsupported value: {shown}"), span)
                            );
                        }
                        ValueKind::Float(v)
                    }
                    Scalar::Str(v) => ValueKind::Str(v),
                    Scalar::Merge => ValueKind::Str("<<".to_owned()),
                };
                Ok(Value {
                    kind,
                    span,
                    plain: *style == Style::Plain && node.tag.is_none(),
                })
            }
            NodeKind::Seq(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.decode(*item, depth + 1)?);
                }
                Ok(Value {
                    kind: ValueKind::Seq(values),
                    span,
                    plain: false,
                })
            }
            NodeKind::Map(pairs) => {
                if self.merge_source.take() != Some(id) {
                    let mut seen = Vec::new();
                    let mut walking = Vec::new();
                    self.strict_walk(id, &mut seen, None, &mut walking);
                }
                let mut entries: Vec<Entry> = Vec::with_capacity(pairs.len());
                // Explicit keys seen in this mapping, with their go-yaml identity and span.
                let mut explicit: Vec<(KeyIdentity, Span)> = Vec::new();
                for (key_id, value_id) in pairs {
                    if self.is_merge(*key_id) {
                        self.merge(*value_id, depth, &mut entries)?;
                        continue;
                    }
                    let key_node = self.tree.node(*key_id);
                    let key_value = self.decode(*key_id, depth + 1)?;
                    let (key, identity) = self.key_string(&key_value)?;
                    let value = self.decode(*value_id, depth + 1)?;
                    if let Some((_, first)) = explicit.iter().find(|(k, _)| *k == identity) {
                        self.problems.push(DecodeProblem {
                            kind: ProblemKind::DuplicateKey { first: *first },
                            message: identity.go_syntax(),
                            span: key_node.span,
                        });
                    }
                    explicit.push((identity, key_node.span));
                    set_entry(
                        &mut entries,
                        Entry {
                            key,
                            key_span: key_node.span,
                            value,
                        },
                    );
                }
                Ok(Value {
                    kind: ValueKind::Map(entries),
                    span,
                    plain: false,
                })
            }
        }
    }

    fn is_merge(&self, id: NodeId) -> bool {
        let node = self.tree.node(id);
        match &node.kind {
            NodeKind::Scalar { text, style } => {
                text == "<<"
                    && ((*style == Style::Plain && node.tag.is_none())
                        || node.tag.as_deref() == Some("tag:yaml.org,2002:merge"))
            }
            _ => false,
        }
    }

    /// go-yaml v2's `merge`: a mapping, an alias of one, or a sequence of those (taken from the
    /// last to the first); each merged key overwrites what the map holds so far.
    fn merge(
        &mut self,
        id: NodeId,
        depth: usize,
        entries: &mut Vec<Entry>,
    ) -> Result<(), DecodeProblem> {
        let node = self.tree.node(id);
        let want_map =
            || "yaml: map merge requires map or sequence of maps as the value".to_owned();
        let target_kind = |decoder: &Self, id: NodeId| -> &NodeKind {
            match &decoder.tree.node(id).kind {
                NodeKind::Alias { target, .. } => &decoder.tree.node(*target).kind,
                other => other,
            }
        };
        let sources: Vec<NodeId> = match &node.kind {
            NodeKind::Map(_) | NodeKind::Alias { .. } => {
                if !matches!(target_kind(self, id), NodeKind::Map(_)) {
                    return Err(self.fatal(want_map(), node.span));
                }
                vec![id]
            }
            NodeKind::Seq(items) => {
                let mut sources = Vec::new();
                for item in items.iter().rev() {
                    if !matches!(target_kind(self, *item), NodeKind::Map(_)) {
                        return Err(self.fatal(want_map(), self.tree.node(*item).span));
                    }
                    sources.push(*item);
                }
                sources
            }
            _ => return Err(self.fatal(want_map(), node.span)),
        };
        for source in sources {
            self.merge_source = Some(self.resolve_alias(source));
            let merged = self.decode(source, depth + 1);
            self.merge_source = None;
            let merged = merged?;
            if let ValueKind::Map(merged_entries) = merged.kind {
                for entry in merged_entries {
                    set_entry(entries, entry);
                }
            }
        }
        Ok(())
    }

    /// The node an alias stands for (any other node is itself).
    fn resolve_alias(&self, id: NodeId) -> NodeId {
        match self.tree.node(id).kind {
            NodeKind::Alias { target, .. } => target,
            _ => id,
        }
    }

    /// go-yaml v2's strict decoding of one mapping into a map (`d.mapping` with `d.strict`):
    /// keys are set in document order, and a merge (`<<`) sets the keys of its mapping (or of
    /// each mapping of its sequence, from the last to the first) right there, through the same
    /// walk; a key already in the map is a collision and is not set. `seen` holds the keys set
    /// so far, `merged_at` the `<<` key of the walked map when this is a merged mapping,
    /// `walking` the mappings being walked (a mapping merging itself is a fatal error of the
    /// decoding, so the walk just stops there).
    fn strict_walk(
        &mut self,
        map: NodeId,
        seen: &mut Vec<KeyIdentity>,
        merged_at: Option<Span>,
        walking: &mut Vec<NodeId>,
    ) {
        let map = self.resolve_alias(map);
        let NodeKind::Map(pairs) = &self.tree.node(map).kind else {
            return;
        };
        if walking.contains(&map) || walking.len() > MAX_TREE_DEPTH {
            return;
        }
        walking.push(map);
        for &(key_id, value_id) in pairs {
            self.walked += 1;
            if self.walked > MAX_VALUE_NODES {
                break;
            }
            let key_span = self.tree.node(key_id).span;
            if self.is_merge(key_id) {
                let at = merged_at.or(Some(key_span));
                let value = self.resolve_alias(value_id);
                match &self.tree.node(value).kind {
                    NodeKind::Seq(items) => {
                        for &item in items.iter().rev() {
                            self.strict_walk(item, seen, at, walking);
                        }
                    }
                    _ => self.strict_walk(value, seen, at, walking),
                }
                continue;
            }
            let Some(identity) = self.key_identity(key_id) else {
                continue;
            };
            if seen.contains(&identity) {
                self.problems.push(DecodeProblem {
                    kind: ProblemKind::StrictCollision {
                        line_at: self.tree.node(value_id).span.start,
                    },
                    message: identity.go_syntax(),
                    span: merged_at.unwrap_or(key_span),
                });
            } else {
                seen.push(identity);
            }
        }
        walking.pop();
    }

    /// A key's identity as go-yaml compares keys in an `interface{}` map, without decoding it
    /// (which would count towards the alias budget); `None` for keys that are not scalars (the
    /// decoding fails on those anyway).
    fn key_identity(&self, key_id: NodeId) -> Option<KeyIdentity> {
        let node = self.tree.node(self.resolve_alias(key_id));
        let NodeKind::Scalar { text, style } = &node.kind else {
            return None;
        };
        match resolve(text, *style == Style::Plain, node.tag.as_deref()).ok()? {
            Scalar::Str(s) => Some(KeyIdentity::Str(s)),
            Scalar::Int(v) => Some(KeyIdentity::Int(v)),
            Scalar::Bool(v) => Some(KeyIdentity::Bool(v)),
            Scalar::Float(v) => Some(KeyIdentity::Other(v.to_string())),
            Scalar::Uint(v) => Some(KeyIdentity::Other(v.to_string())),
            Scalar::Null => Some(KeyIdentity::Other("<nil>".to_owned())),
            Scalar::Merge => Some(KeyIdentity::Str("<<".to_owned())),
        }
    }

    /// sigs.k8s.io/yaml's key conversion: strings stay, ints and bools are printed, floats are
    /// printed with 32-bit precision; anything else cannot be a JSON key.
    fn key_string(&self, key: &Value) -> Result<(String, KeyIdentity), DecodeProblem> {
        let text =
            &self.text[key.span.start.min(self.text.len())..key.span.end.min(self.text.len())];
        match &key.kind {
            ValueKind::Str(s) => Ok((s.clone(), KeyIdentity::Str(s.clone()))),
            ValueKind::Int(v) => Ok((v.to_string(), KeyIdentity::Int(*v))),
            ValueKind::Bool(v) => Ok((v.to_string(), KeyIdentity::Bool(*v))),
            ValueKind::Float(v) => {
                Ok((format!("{}", *v as f32), KeyIdentity::Other(v.to_string())))
            }
            ValueKind::Uint(v) => Err(self.fatal(
                format!("unsupported map key of type: uint64, key: 0x{v:x}"),
                key.span,
            )),
            ValueKind::Null => Err(self.fatal(
                "unsupported map key of type: %!s(<nil>), key: <nil>".to_owned(),
                key.span,
            )),
            ValueKind::Seq(_) | ValueKind::Map(_) => {
                Err(self.fatal(format!("yaml: invalid map key: {}", text.trim()), key.span))
            }
        }
    }
}

/// A key as go-yaml compares it (an int 1 and a string "1" are different keys).
#[derive(Clone, Debug, PartialEq)]
enum KeyIdentity {
    Str(String),
    Int(i64),
    Bool(bool),
    Other(String),
}

impl KeyIdentity {
    /// Go's `%#v` of the key.
    fn go_syntax(&self) -> String {
        match self {
            KeyIdentity::Str(s) => jobscope_golang::strings::go_strconv_quote(s),
            KeyIdentity::Int(v) => v.to_string(),
            KeyIdentity::Bool(v) => v.to_string(),
            KeyIdentity::Other(v) => v.clone(),
        }
    }
}

/// Sets a key, replacing an earlier value in place (a later write wins, as in a Go map).
fn set_entry(entries: &mut Vec<Entry>, entry: Entry) {
    match entries.iter_mut().find(|e| e.key == entry.key) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse_tree;

    fn decode(text: &str) -> (Option<Value>, Vec<DecodeProblem>) {
        let tree = parse_tree(text, Span::new(0, text.len()));
        decode_tree(&tree, text)
    }

    /// The value of a text kubectl converts without a word (strict collisions aside).
    fn value(text: &str) -> Value {
        let (value, problems) = decode(text);
        assert!(
            problems
                .iter()
                .all(|p| matches!(p.kind, ProblemKind::StrictCollision { .. })),
            "{problems:?}"
        );
        value.unwrap()
    }

    #[test]
    fn scalars_follow_yaml_1_1() {
        let v = value("a: yes\nb: 'yes'\nc: 0755\nd: ~\ne: 1e3\n");
        assert_eq!(v.get("a").unwrap().kind, ValueKind::Bool(true));
        assert_eq!(v.get("b").unwrap().kind, ValueKind::Str("yes".into()));
        assert_eq!(v.get("c").unwrap().kind, ValueKind::Int(493));
        assert_eq!(v.get("d").unwrap().kind, ValueKind::Null);
        assert_eq!(v.get("e").unwrap().number_text().unwrap(), "1000");
        assert!(v.get("a").unwrap().plain);
    }

    #[test]
    fn aliases_and_merges_like_go_yaml_v2() {
        let v = value("base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\n");
        let m = v.get("m").unwrap();
        assert_eq!(m.get("x").unwrap().kind, ValueKind::Int(1));
        assert_eq!(m.get("z").unwrap().kind, ValueKind::Int(3));
        // go-yaml v2 applies the merge where it stands: an explicit key before it is overwritten.
        let v = value("base: &b {z: 2}\nm:\n  z: 3\n  <<: *b\n");
        assert_eq!(
            v.get("m").unwrap().get("z").unwrap().kind,
            ValueKind::Int(2)
        );
        // YAML 1.1 reads the key `y` as the boolean true, which becomes the JSON key "true".
        let v = value("y: 1\n");
        assert_eq!(v.get("true").unwrap().kind, ValueKind::Int(1));
        let v = value("a: &a {x: 1}\nb: &b {x: 2}\nm: {<<: [*a, *b]}\n");
        assert_eq!(
            v.get("m").unwrap().get("x").unwrap().kind,
            ValueKind::Int(1)
        );
    }

    #[test]
    fn duplicate_keys_are_reported_and_the_last_wins() {
        let (v, problems) = decode("image: a\nname: n\nimage: b\n");
        assert_eq!(
            v.unwrap().get("image").unwrap().kind,
            ValueKind::Str("b".into())
        );
        let problems: Vec<_> = problems
            .into_iter()
            .filter(|p| matches!(p.kind, ProblemKind::DuplicateKey { .. }))
            .collect();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "\"image\"");
        assert_eq!(
            problems[0].kind,
            ProblemKind::DuplicateKey {
                first: Span::new(0, 5)
            }
        );
        assert_eq!(problems[0].span, Span::new(17, 22));
    }

    /// The collisions of go-yaml's strict decoding, with the 1-based line its error names
    /// (texts and lines printed by go.yaml.in/yaml/v2 v2.4.2's UnmarshalStrict).
    fn collisions(text: &str) -> Vec<(String, usize)> {
        let (_, problems) = decode(text);
        problems
            .into_iter()
            .filter_map(|p| match p.kind {
                ProblemKind::StrictCollision { line_at } => {
                    Some((p.message, 1 + text[..line_at].matches('\n').count()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn strict_collisions_are_go_yaml_strict() {
        let owned = |list: &[(&str, usize)]| -> Vec<(String, usize)> {
            list.iter().map(|(k, l)| ((*k).to_owned(), *l)).collect()
        };
        // The line is the repeated value's: a block map's first key, an empty value's key.
        assert_eq!(
            collisions("a: 1\nmetadata:\n  x: 1\nmetadata:\n  y: 2\n"),
            owned(&[("\"metadata\"", 5)])
        );
        assert_eq!(collisions("a: 1\na:\nb: 2\n"), owned(&[("\"a\"", 2)]));
        // An explicit `? key` / `: value` pair: the line of the `:`'s value.
        assert_eq!(collisions("? a\n: 1\n? a\n: 2\n"), owned(&[("\"a\"", 4)]));
        // A merge, then the key it set: the explicit key's line.
        let merged = "labels: &base {team: a, tier: web}\nannotations:\n  <<: *base\n  team: z\n";
        assert_eq!(collisions(merged), owned(&[("\"team\"", 4)]));
        // The key, then a merge that sets it: the line of the value in the merged map.
        let merged = "labels: &base {team: x}\nannotations:\n  team: z\n  <<: *base\n";
        assert_eq!(collisions(merged), owned(&[("\"team\"", 1)]));
        // Two merged maps sharing a key (taken from the last to the first).
        let merged = "a: &a {team: x}\nb: &b {team: b}\nm: {<<: [*a, *b]}\n";
        assert_eq!(collisions(merged), owned(&[("\"team\"", 1)]));
        // Keys compare as typed values: 1 and "1" differ, y and true do not.
        assert_eq!(collisions("1: a\n\"1\": b\n"), owned(&[]));
        assert_eq!(collisions("y: a\ntrue: b\n"), owned(&[("true", 2)]));
        // A merged map's own duplicate collides once, where it is merged.
        let merged = "base: &b {x: 1, x: 2}\nm: {<<: *b}\n";
        assert_eq!(collisions(merged), owned(&[("\"x\"", 1), ("\"x\"", 1)]));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..9 {
            let refs = vec![format!("*a{}", level - 1); 10].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        let (value, problems) = decode(&text);
        assert!(value.is_none());
        assert_eq!(
            problems.last().unwrap().message,
            "yaml: document contains excessive aliasing"
        );
    }

    #[test]
    fn fatal_conversions() {
        let (_, problems) = decode("a: .inf\n");
        assert_eq!(problems[0].message, "json: unsupported value: +Inf");
        let (_, problems) = decode("a: &x [*x]\n");
        assert_eq!(
            problems[0].message,
            "yaml: anchor 'x' value contains itself"
        );
        let (_, problems) = decode("<<: [1]\n");
        assert_eq!(
            problems[0].message,
            "yaml: map merge requires map or sequence of maps as the value"
        );
        let (_, problems) = decode("a: !!int abc\n");
        assert_eq!(
            problems[0].message,
            "yaml: cannot decode !!str `abc` as a !!int"
        );
    }

    #[test]
    fn keys_become_strings() {
        let v = value("1: a\ntrue: b\n");
        let ValueKind::Map(entries) = v.kind else {
            panic!()
        };
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["1", "true"]);
    }
}

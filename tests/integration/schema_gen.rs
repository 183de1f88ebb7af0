//! The generator of `crates/api/src/manifest/schema.rs`, and the test that holds the module to
//! it: the module is what `generate` writes from `crates/api/schema/v1.34.txt` (the Go API types,
//! extracted by `scripts/extract-api-types.mjs`), laid out by rustfmt.
//! `JOBSCOPE_BLESS=1 cargo test` rewrites the module after the data file changes.
//!
//! The data file says what Go declares; the choices about Rust are made here: which value kind
//! each Go type decodes as, which string types are enums, what the statics are called and the
//! order they are written in.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// The package whose types are named without a package prefix (`POD_SPEC`, not `CORE_POD_SPEC`):
/// most of the schema is core/v1, so only the others are marked (`BATCH_JOB`, `META_OBJECT_META`).
const UNPREFIXED_PACKAGE: &str = "k8s.io/api/core/v1";

/// The value kind of a type that decodes itself (the data file marks it `opaque`: it has an
/// `UnmarshalJSON`), by import path and name: what its decoder accepts, not its Go fields.
fn opaque_kind(import_path: &str, name: &str) -> Option<&'static str> {
    match (import_path, name) {
        ("k8s.io/apimachinery/pkg/api/resource", "Quantity") => Some("Ty::Quantity"),
        ("k8s.io/apimachinery/pkg/util/intstr", "IntOrString") => Some("Ty::IntOrString"),
        ("k8s.io/apimachinery/pkg/apis/meta/v1", "Time") => Some("Ty::Time"),
        ("k8s.io/apimachinery/pkg/apis/meta/v1", "FieldsV1") => Some("Ty::AnyJson"),
        ("k8s.io/apimachinery/pkg/runtime", "RawExtension") => Some("Ty::AnyJson"),
        _ => None,
    }
}

/// A declared type: the data file's package id and the Go name (`("core", "PodSpec")`).
type Key = (String, String);

/// A Go type expression from the data file, qualified with package ids (`*core.PodSpec`).
#[derive(Debug)]
enum GoType {
    Builtin(String),
    Named(Key),
    Pointer(Box<GoType>),
    Slice(Box<GoType>),
    /// A fixed-length array, its length dropped: JSON has no such value, so using one is an error.
    Array(Box<GoType>),
    Map(Box<GoType>, Box<GoType>),
}

impl fmt::Display for GoType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoType::Builtin(name) => write!(f, "{name}"),
            GoType::Named((id, name)) => write!(f, "{id}.{name}"),
            GoType::Pointer(elem) => write!(f, "*{elem}"),
            GoType::Slice(elem) => write!(f, "[]{elem}"),
            GoType::Array(elem) => write!(f, "[N]{elem}"),
            GoType::Map(key, value) => write!(f, "map[{key}]{value}"),
        }
    }
}

/// One line inside a struct, in Go declaration order.
enum Member {
    Field {
        json: String,
        ty: GoType,
    },
    /// An embedded struct without a JSON name: its fields are the outer struct's.
    Embed(GoType),
}

enum Decl {
    Struct(Vec<Member>),
    /// A defined non-struct type: its underlying type and its string constants' values.
    Named(GoType, Vec<String>),
    Alias(GoType),
    /// A type with its own `UnmarshalJSON`: see `opaque_kind`.
    Opaque,
}

struct Package {
    import_path: String,
    /// The Go package name, as reflect (and so the apiserver's errors) prints types: `v1`.
    name: String,
}

/// The data file, read.
struct Data {
    kubernetes: String,
    packages: HashMap<String, Package>,
    roots: Vec<Key>,
    decls: HashMap<Key, Decl>,
}

/// Parses a type expression (`map[core.ResourceName]resource.Quantity`).
fn parse_type(text: &str) -> Result<GoType, String> {
    if let Some(elem) = text.strip_prefix('*') {
        return Ok(GoType::Pointer(Box::new(parse_type(elem)?)));
    }
    if let Some(elem) = text.strip_prefix("[]") {
        return Ok(GoType::Slice(Box::new(parse_type(elem)?)));
    }
    if let Some(rest) = text.strip_prefix("map[") {
        // The key ends at the `]` that closes `map[`.
        let mut depth = 1;
        for (at, c) in rest.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                let key = parse_type(&rest[..at])?;
                let value = parse_type(&rest[at + 1..])?;
                return Ok(GoType::Map(Box::new(key), Box::new(value)));
            }
        }
        return Err(format!("unclosed map key in `{text}`"));
    }
    if let Some(rest) = text.strip_prefix('[') {
        let (_, elem) = rest
            .split_once(']')
            .ok_or_else(|| format!("unclosed array length in `{text}`"))?;
        return Ok(GoType::Array(Box::new(parse_type(elem)?)));
    }
    let is_name = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    match text.split_once('.') {
        Some((id, name)) if is_name(id) && is_name(name) => {
            Ok(GoType::Named((id.to_owned(), name.to_owned())))
        }
        None if is_name(text) => Ok(GoType::Builtin(text.to_owned())),
        _ => Err(format!("`{text}` is not a type")),
    }
}

/// Parses `id.Name`.
fn parse_key(text: &str) -> Result<Key, String> {
    match parse_type(text)? {
        GoType::Named(key) => Ok(key),
        _ => Err(format!("`{text}` is not a package-qualified type name")),
    }
}

/// Reads a quoted constant value: the extractor writes only values that need no escapes.
fn parse_quoted(text: &str) -> Result<String, String> {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains(['"', '\\']))
        .map(str::to_owned)
        .ok_or_else(|| format!("`{text}` is not a quoted value without escapes"))
}

/// Reads the data file (its format is described at its top). Errors name the line.
fn parse(input: &str) -> Result<Data, String> {
    let mut data = Data {
        kubernetes: String::new(),
        packages: HashMap::new(),
        roots: Vec::new(),
        decls: HashMap::new(),
    };
    // The struct or named type that the indented lines below it belong to.
    let mut open: Option<Key> = None;
    for (index, line) in input.lines().enumerate() {
        let at = |message: String| format!("line {}: {message}", index + 1);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = trimmed.split(' ').collect();
        let word = |n: usize| {
            words
                .get(n)
                .copied()
                .ok_or_else(|| at(format!("`{}` needs more words", words[0])))
        };
        let arity = |n: usize| {
            if words.len() == n {
                Ok(())
            } else {
                Err(at(format!("`{}` takes {} words", words[0], n - 1)))
            }
        };
        let indented = line.starts_with(' ');
        match (indented, words[0]) {
            (false, "kubernetes") => {
                arity(2)?;
                data.kubernetes = words[1].to_owned();
            }
            // Provenance, for the reader.
            (false, "module") => arity(5)?,
            (false, "file") => arity(3)?,
            (false, "package") => {
                arity(4)?;
                let package = Package {
                    import_path: words[2].to_owned(),
                    name: words[3].to_owned(),
                };
                if data.packages.insert(words[1].to_owned(), package).is_some() {
                    return Err(at(format!("package {} is declared twice", words[1])));
                }
            }
            (false, "root") => {
                arity(2)?;
                data.roots.push(parse_key(words[1]).map_err(at)?);
            }
            (false, kind @ ("struct" | "named" | "alias" | "opaque")) => {
                let key = parse_key(word(1)?).map_err(at)?;
                let decl = match kind {
                    "struct" => {
                        arity(2)?;
                        Decl::Struct(Vec::new())
                    }
                    // The `+enum` marker is not used: see `Generator::enum_values`.
                    "named" if words.len() == 3 || words.len() == 4 && words[3] == "+enum" => {
                        Decl::Named(parse_type(words[2]).map_err(at)?, Vec::new())
                    }
                    "named" => return Err(at("`named` takes a name, a type and `+enum`".into())),
                    "alias" => {
                        arity(3)?;
                        Decl::Alias(parse_type(words[2]).map_err(at)?)
                    }
                    _ => {
                        arity(3)?;
                        Decl::Opaque
                    }
                };
                if data.decls.insert(key.clone(), decl).is_some() {
                    return Err(at(format!("{}.{} is declared twice", key.0, key.1)));
                }
                open = Some(key);
            }
            (true, kind @ ("field" | "embed" | "skip" | "const")) => {
                let decl = open.as_ref().and_then(|key| data.decls.get_mut(key));
                match (kind, decl) {
                    // The json options (omitempty, omitzero, inline) do not change decoding.
                    ("field", Some(Decl::Struct(members))) => {
                        let ty = parse_type(word(3)?).map_err(at)?;
                        let json = words[2].to_owned();
                        members.push(Member::Field { json, ty });
                    }
                    ("embed", Some(Decl::Struct(members))) => {
                        members.push(Member::Embed(parse_type(word(1)?).map_err(at)?));
                    }
                    // A field JSON never sees.
                    ("skip", Some(Decl::Struct(_))) => {}
                    ("const", Some(Decl::Named(_, values))) => {
                        arity(3)?;
                        values.push(parse_quoted(words[2]).map_err(at)?);
                    }
                    _ => {
                        return Err(at(format!(
                            "`{kind}` outside a declaration it can belong to"
                        )));
                    }
                }
            }
            _ => return Err(at(format!("unknown line `{trimmed}`"))),
        }
    }
    if data.kubernetes.is_empty() || data.roots.is_empty() {
        return Err("the data names no Kubernetes version or no root type".to_owned());
    }
    Ok(data)
}

/// Whether a type is Go's `byte` (`[]byte` is base64 text in JSON, not a list).
fn is_byte(ty: &GoType) -> bool {
    matches!(ty, GoType::Builtin(name) if name == "byte" || name == "uint8")
}

/// `PodSELinuxChangePolicy` → `POD_SE_LINUX_CHANGE_POLICY`: a word starts at a capital after a
/// lowercase letter or digit, or at the last capital of a run followed by lowercase (`DNSPolicy`).
fn screaming_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (at, &c) in chars.iter().enumerate() {
        if at > 0 && c.is_ascii_uppercase() {
            let before = chars[at - 1];
            let next_is_lower = chars.get(at + 1).is_some_and(char::is_ascii_lowercase);
            if before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || before.is_ascii_uppercase() && next_is_lower
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// One field as the schema writes it: the `Ty` expression and Go type as source text.
struct Field {
    json: String,
    ty: String,
    go: String,
    pointer: bool,
}

/// Walks the types breadth first from the roots, converting each struct's fields and noting
/// the structs and enums the fields name.
struct Generator<'a> {
    data: &'a Data,
    seen: HashSet<Key>,
    queue: VecDeque<Key>,
    /// Enums met, by import path and name (the order they are written in), with their key.
    enums: BTreeSet<(String, String, Key)>,
}

impl<'a> Generator<'a> {
    fn package(&self, id: &str) -> Result<&'a Package, String> {
        let packages = &self.data.packages;
        packages
            .get(id)
            .ok_or_else(|| format!("no `package` line for the id {id}"))
    }

    /// A declaration, through aliases (reflect, too, names an alias by the type it stands for).
    fn decl(&self, key: &Key) -> Result<&'a Decl, String> {
        let decls = &self.data.decls;
        let mut decl = decls.get(key);
        // Bounded, so an alias cycle in bad data is an error rather than a hang.
        for _ in 0..8 {
            match decl {
                Some(Decl::Alias(GoType::Named(target))) => decl = decls.get(target),
                Some(decl) => return Ok(decl),
                None => break,
            }
        }
        Err(format!("{}.{} is used but not declared", key.0, key.1))
    }

    fn static_name(&self, (id, name): &Key) -> Result<String, String> {
        let prefix = if self.package(id)?.import_path == UNPREFIXED_PACKAGE {
            String::new()
        } else {
            format!("{}_", id.to_ascii_uppercase())
        };
        Ok(format!("{prefix}{}", screaming_snake(name)))
    }

    /// The fields JSON sees, in order: embedded structs without a JSON name contribute theirs.
    fn json_fields(&self, key: &Key) -> Result<Vec<(&'a str, &'a GoType)>, String> {
        let Decl::Struct(members) = self.decl(key)? else {
            return Err(format!("{}.{} is not a struct", key.0, key.1));
        };
        let mut fields = Vec::new();
        for member in members {
            match member {
                Member::Field { json, ty } => fields.push((json.as_str(), ty)),
                Member::Embed(ty) => {
                    let named = match ty {
                        GoType::Pointer(elem) => elem.as_ref(),
                        ty => ty,
                    };
                    let GoType::Named(embedded) = named else {
                        return Err(format!("{}.{} embeds {ty}", key.0, key.1));
                    };
                    fields.extend(self.json_fields(embedded)?);
                }
            }
        }
        // encoding/json would let the shallower of two same-named fields win; the API never
        // repeats a name, and this generator does not model the rule.
        for (at, (json, _)) in fields.iter().enumerate() {
            if fields[..at].iter().any(|(other, _)| other == json) {
                return Err(format!("{}.{} has two fields named {json}", key.0, key.1));
            }
        }
        Ok(fields)
    }

    /// Whether a type's underlying type is `string` (an enum candidate, a JSON object key).
    fn is_string(&self, ty: &GoType) -> Result<bool, String> {
        Ok(match ty {
            GoType::Builtin(name) => name == "string",
            GoType::Named(key) => match self.decl(key)? {
                Decl::Named(underlying, _) | Decl::Alias(underlying) => {
                    self.is_string(underlying)?
                }
                Decl::Struct(_) | Decl::Opaque => false,
            },
            _ => false,
        })
    }

    /// The values of an enum: a named string type with declared constants. The `+enum` marker
    /// is not the test: `ConditionStatus`, `PodConditionType`, `ResourceName` and a dozen more
    /// carry no marker, yet the schema lists their values like those of the marked types.
    fn enum_values(&self, key: &Key) -> Result<Option<&'a [String]>, String> {
        match self.decl(key)? {
            Decl::Named(underlying, values)
                if !values.is_empty() && self.is_string(underlying)? =>
            {
                Ok(Some(values))
            }
            _ => Ok(None),
        }
    }

    /// The value kind (a `Ty` expression) of a type, and its Go type as reflect prints it.
    fn convert(&mut self, ty: &GoType) -> Result<(String, String), String> {
        match ty {
            GoType::Builtin(name) => {
                let kind = match name.as_str() {
                    "string" => "Ty::String",
                    "bool" => "Ty::Bool",
                    "int32" => "Ty::Int32",
                    "int64" => "Ty::Int64",
                    "float64" => "Ty::Float64",
                    _ => return Err(format!("no value kind for the Go type {name}")),
                };
                Ok((kind.to_owned(), name.clone()))
            }
            // Inside a list or a map (a field's own pointer is taken off by `fields`).
            GoType::Pointer(elem) => {
                let (kind, go) = self.convert(elem)?;
                Ok((kind, format!("*{go}")))
            }
            // encoding/json reads []byte as base64; reflect calls byte uint8.
            GoType::Slice(elem) if is_byte(elem) => {
                Ok(("Ty::Bytes".to_owned(), "[]uint8".to_owned()))
            }
            GoType::Slice(elem) => {
                let (kind, go) = self.convert(elem)?;
                Ok((format!("Ty::List(&{kind}, \"{go}\")"), format!("[]{go}")))
            }
            GoType::Map(key, value) => {
                if !self.is_string(key)? {
                    return Err(format!("{ty}: JSON object keys are strings"));
                }
                let (_, key_go) = self.convert(key)?;
                let (kind, go) = self.convert(value)?;
                let map = format!("Ty::Map(&{kind}, \"{go}\")");
                Ok((map, format!("map[{key_go}]{go}")))
            }
            GoType::Array(_) => Err(format!("{ty}: no value kind for a fixed-length array")),
            GoType::Named(key) => self.convert_named(key),
        }
    }

    fn convert_named(&mut self, key: &Key) -> Result<(String, String), String> {
        let (id, name) = key;
        let package = self.package(id)?;
        let go = format!("{}.{name}", package.name);
        match self.decl(key)? {
            // An alias of an unnamed type (`decl` follows aliases of named ones) is that type.
            Decl::Alias(target) => self.convert(target),
            Decl::Opaque => {
                let path = &package.import_path;
                let kind = opaque_kind(path, name).ok_or_else(|| {
                    format!("{path}.{name} decodes itself; add it to opaque_kind")
                })?;
                Ok((kind.to_owned(), go))
            }
            Decl::Struct(_) => {
                if self.seen.insert(key.clone()) {
                    self.queue.push_back(key.clone());
                }
                Ok((format!("Ty::Object(&{})", self.static_name(key)?), go))
            }
            Decl::Named(..) if self.enum_values(key)?.is_some() => {
                let entry = (package.import_path.clone(), name.clone(), key.clone());
                self.enums.insert(entry);
                Ok((format!("Ty::Enum(&ENUM_{})", self.static_name(key)?), go))
            }
            // Any other defined type decodes as its underlying type, under its own name.
            Decl::Named(underlying, _) => {
                let (kind, _) = self.convert(underlying)?;
                Ok((kind, go))
            }
        }
    }

    fn fields(&mut self, key: &Key) -> Result<Vec<Field>, String> {
        let mut out = Vec::new();
        for (json, ty) in self.json_fields(key)? {
            // A pointer field may be absent (nil); decode errors name the type it points to.
            let (pointer, ty) = match ty {
                GoType::Pointer(elem) => (true, elem.as_ref()),
                ty => (false, ty),
            };
            let (ty, go) = self
                .convert(ty)
                .map_err(|e| format!("{}.{} field {json}: {e}", key.0, key.1))?;
            let json = json.to_owned();
            out.push(Field {
                json,
                ty,
                go,
                pointer,
            });
        }
        Ok(out)
    }
}

/// The module's doc comment, for the minor version and the release the data was read from.
const MODULE_DOC: &str = "\
//! The batch/v1 Job and CronJob API schema (Kubernetes {minor}): every object type reachable
//! from Job and CronJob, every field with its JSON name, value kind and Go type (for the
//! apiserver's decode errors). Generated once from the {version} API types; regenerate when the
//! target Kubernetes version moves.
";

/// Writes the schema module from the API type data, unformatted: rustfmt lays it out.
pub fn generate(input: &str) -> Result<String, String> {
    let data = parse(input)?;
    let mut generator = Generator {
        data: &data,
        seen: HashSet::new(),
        queue: VecDeque::new(),
        enums: BTreeSet::new(),
    };
    for key in &data.roots {
        if generator.seen.insert(key.clone()) {
            generator.queue.push_back(key.clone());
        }
    }
    let mut types = Vec::new();
    while let Some(key) = generator.queue.pop_front() {
        let fields = generator.fields(&key)?;
        types.push((generator.static_name(&key)?, key.1, fields));
    }
    let mut enums = Vec::new();
    for (_, name, key) in &generator.enums {
        let values = generator.enum_values(key)?.unwrap_or_default();
        let go = format!("{}.{name}", generator.package(&key.0)?.name);
        enums.push((generator.static_name(key)?, go, values));
    }

    // The doc names the minor version the schema follows: v1.34.1 → v1.34.
    let mut parts = data.kubernetes.splitn(3, '.');
    let (Some(major), Some(minor), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("`{}` is not a vX.Y.Z version", data.kubernetes));
    };
    let mut out = String::new();
    write_module(
        &mut out,
        &format!("{major}.{minor}"),
        &data.kubernetes,
        &enums,
        &types,
    )
    .map_err(|e| format!("cannot write the module: {e}"))?;
    Ok(out)
}

fn write_module(
    out: &mut String,
    minor: &str,
    version: &str,
    enums: &[(String, String, &[String])],
    types: &[(String, String, Vec<Field>)],
) -> fmt::Result {
    let doc = MODULE_DOC.replace("{minor}", minor);
    out.push_str(&doc.replace("{version}", version));
    writeln!(out)?;
    writeln!(out, "use super::types::{{EnumDef, FieldDef, Ty, TypeDef}};")?;
    writeln!(out)?;
    for (static_name, go, values) in enums {
        let values: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
        let values = values.join(", ");
        writeln!(out, "pub static ENUM_{static_name}: EnumDef = EnumDef {{")?;
        writeln!(out, "go: \"{go}\", values: &[{values}] }};")?;
    }
    for (static_name, name, fields) in types {
        writeln!(out)?;
        writeln!(out, "pub static {static_name}: TypeDef = TypeDef {{")?;
        writeln!(out, "name: \"{name}\", fields: &[")?;
        for f in fields {
            let (json, ty, go, pointer) = (&f.json, &f.ty, &f.go, f.pointer);
            writeln!(
                out,
                "FieldDef {{ json: \"{json}\", ty: {ty}, go: \"{go}\", pointer: {pointer} }},"
            )?;
        }
        writeln!(out, "] }};")?;
    }
    writeln!(out)?;
    writeln!(out, "/// Every object type, for lookups by name.")?;
    writeln!(out, "pub static ALL_TYPES: &[&TypeDef] = &[")?;
    for (static_name, _, _) in types {
        writeln!(out, "&{static_name},")?;
    }
    writeln!(out, "];")
}

/// Lays Rust source out as `cargo fmt` does: rustfmt with the workspace's edition, run in the
/// workspace so it finds the same configuration (it reads stdin when given no file, and
/// `--emit stdout` writes the result there).
fn rustfmt(source: &str, dir: &Path) -> Result<String, String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt has no stdin")?;
    // Written from another thread: rustfmt may fill the stdout pipe before it has read stdin.
    let source = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "the thread writing to rustfmt panicked".to_owned())?
        .map_err(|e| format!("cannot write to rustfmt: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("rustfmt failed: {stderr}"));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt wrote non-UTF-8: {e}"))
}

#[test]
fn schema_rs_is_what_the_generator_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data_path = root.join("crates/api/schema/v1.34.txt");
    let schema_path = root.join("crates/api/src/manifest/schema.rs");
    let data = std::fs::read_to_string(&data_path).expect("the API type data is readable");
    let generated = generate(&data).unwrap_or_else(|e| panic!("{}: {e}", data_path.display()));
    let formatted = rustfmt(&generated, root).unwrap_or_else(|e| panic!("{e}"));
    let current = std::fs::read_to_string(&schema_path).unwrap_or_default();
    if formatted == current {
        return;
    }
    if std::env::var_os("JOBSCOPE_BLESS").is_some() {
        std::fs::write(&schema_path, &formatted).expect("schema.rs is writable");
        return;
    }
    // The first line that differs, so the failure says where without printing 5,000 lines.
    let current_lines: Vec<&str> = current.lines().collect();
    let generated_lines: Vec<&str> = formatted.lines().collect();
    let line = (0..current_lines.len().max(generated_lines.len()))
        .find(|&at| current_lines.get(at) != generated_lines.get(at))
        .unwrap_or(current_lines.len());
    let expected = current_lines.get(line).unwrap_or(&"<end of file>");
    let actual = generated_lines.get(line).unwrap_or(&"<end of file>");
    panic!(
        "{} is not what the generator writes from {} (JOBSCOPE_BLESS=1 rewrites it); \
         first difference at line {}:\n  file:      {expected}\n  generated: {actual}",
        schema_path.display(),
        data_path.display(),
        line + 1,
    );
}

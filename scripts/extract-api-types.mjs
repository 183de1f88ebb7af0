#!/usr/bin/env node
// Writes the API type data crates/api/schema/v<minor>.txt: every Go type reachable from batch/v1
// Job and CronJob, read from the kubernetes/api and kubernetes/apimachinery sources at a tag.
// tests/integration/schema_gen.rs turns that file into crates/api/src/manifest/schema.rs.
//
// Why a data file between the Go source and the Rust: the generator stays a std-only Rust test
// with no Go parser, and a version bump shows up as a readable diff of types, fields and enum
// values before any Rust changes.
//
// Usage:
//   node scripts/extract-api-types.mjs <kubernetes/api git dir> <kubernetes/apimachinery git dir> \
//     <api tag> <apimachinery tag> > crates/api/schema/v1.34.txt
// e.g. the tags v0.34.1 v0.34.1 for Kubernetes v1.34.1. The git dirs need no work tree: files are
// read with `git --git-dir=DIR show TAG:path`.
//
// Nothing about Job or its fields is written down here: packages are found through the imports
// of the files that use them, so other tags work as long as the Go declarations keep the shapes
// the small parser below reads (top-level type, const and func declarations).

import { execFileSync } from 'node:child_process';

const USAGE =
  'usage: node scripts/extract-api-types.mjs <api-git-dir> <apimachinery-git-dir> <api-tag> <apimachinery-tag>';

// The two modules the types live in. An import path under a module's path is a directory in
// that module's repository.
const [apiDir, machineryDir, apiTag, machineryTag, ...extra] = process.argv.slice(2);
if (!machineryTag || extra.length > 0) fail(USAGE);
const MODULES = [
  { module: 'k8s.io/api', repo: 'kubernetes/api', gitDir: apiDir, tag: apiTag },
  { module: 'k8s.io/apimachinery', repo: 'kubernetes/apimachinery', gitDir: machineryDir, tag: machineryTag },
];

// The objects the schema describes; everything else is reached through their fields.
const ROOTS = [
  ['k8s.io/api/batch/v1', 'Job'],
  ['k8s.io/api/batch/v1', 'CronJob'],
];

// Go's predeclared types: never qualified with a package.
const PREDECLARED = new Set(
  ('bool string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune ' +
    'float32 float64 complex64 complex128 error any').split(' '),
);

function fail(message) {
  process.stderr.write(`extract-api-types: ${message}\n`);
  process.exit(1);
}

function git(mod, args) {
  return execFileSync('git', [`--git-dir=${mod.gitDir}`, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
}

// ---------------------------------------------------------------------------------------------
// Go tokens. Only what top-level declarations need: identifiers, literals, punctuation, comments
// (for `// +enum`), and the semicolons Go inserts at line ends (they end field and const specs).

const PUNCT3 = ['<<=', '>>=', '&^=', '...'];
const PUNCT2 = ['<<', '>>', '&^', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':='];
const ENDS_LINE = new Set(['ident', 'int', 'float', 'imag', 'rune', 'string']);
const ENDS_LINE_WORDS = new Set(['break', 'continue', 'fallthrough', 'return']);
const ENDS_LINE_PUNCT = new Set([')', ']', '}', '++', '--']);
const KEYWORDS = new Set(
  ('break case chan const continue default defer else fallthrough for func go goto if import ' +
    'interface map package range return select struct switch type var').split(' '),
);

function tokenize(src, file) {
  const tokens = [];
  let comments = []; // { first, last, text }: comment lines since the last token
  let i = 0;
  let line = 1;
  const push = (kind, text) => {
    // A token's doc is the run of comment lines that ends on the line just above it.
    const doc = [];
    let want = line - 1;
    for (let k = comments.length - 1; k >= 0 && comments[k].last === want; k--) {
      doc.unshift(comments[k].text);
      want = comments[k].first - 1;
    }
    tokens.push({ kind, text, line, doc });
    comments = [];
  };
  const newline = () => {
    const t = tokens[tokens.length - 1];
    const word = t?.kind === 'ident' && KEYWORDS.has(t.text);
    const ends =
      t &&
      !t.auto &&
      ((ENDS_LINE.has(t.kind) && (!word || ENDS_LINE_WORDS.has(t.text))) ||
        (t.kind === 'punct' && ENDS_LINE_PUNCT.has(t.text)));
    if (ends) tokens.push({ kind: 'punct', text: ';', line, doc: [], auto: true });
    line++;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      newline();
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (src.startsWith('//', i)) {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      comments.push({ first: line, last: line, text: src.slice(i + 2, stop) });
      i = stop;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail(`${file}:${line}: unterminated comment`);
      const text = src.slice(i + 2, end);
      const lines = text.split('\n').length - 1;
      comments.push({ first: line, last: line + lines, text });
      i = end + 2;
      if (lines > 0) {
        // A general comment spanning lines acts like a newline.
        newline();
        line += lines - 1;
      }
    } else if (/[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127) {
      let j = i + 1;
      while (j < src.length && (/[A-Za-z0-9_]/.test(src[j]) || src.charCodeAt(j) > 127)) j++;
      push('ident', src.slice(i, j));
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const hex = /^0[xX]/.test(src.slice(i, i + 2));
      let j = i + 1;
      while (j < src.length && /[0-9A-Za-z_.]/.test(src[j])) {
        // An exponent's sign belongs to the number: 1e-3, 0x1p+4 (in hex, e is a digit).
        if ((hex ? /[pP]/ : /[eE]/).test(src[j]) && /[+-]/.test(src[j + 1] ?? '')) j++;
        j++;
      }
      const text = src.slice(i, j);
      const float = /[.pP]/.test(text) || (!hex && /[eE]/.test(text));
      push(text.endsWith('i') ? 'imag' : float ? 'float' : 'int', text);
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\') j++;
        if (src[j] === '\n') fail(`${file}:${line}: newline in string literal`);
        j++;
      }
      push('string', src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) fail(`${file}:${line}: unterminated raw string`);
      const text = src.slice(i, end + 1);
      push('string', text);
      line += text.split('\n').length - 1;
      i = end + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\') j++;
        j++;
      }
      push('rune', src.slice(i, j + 1));
      i = j + 1;
    } else {
      const op =
        PUNCT3.find((p) => src.startsWith(p, i)) ?? PUNCT2.find((p) => src.startsWith(p, i)) ?? c;
      push('punct', op);
      i += op.length;
    }
  }
  newline();
  tokens.push({ kind: 'eof', text: '', line, doc: [] });
  return tokens;
}

/** The value of a Go string literal token (interpreted or raw). */
function stringValue(tok, where) {
  if (tok.kind !== 'string') fail(`${where}: expected a string literal, found ${tok.text}`);
  if (tok.text.startsWith('`')) return tok.text.slice(1, -1).replace(/\r/g, '');
  // Go's interpreted strings escape like JSON for the characters API sources use.
  try {
    return JSON.parse(tok.text);
  } catch {
    return fail(`${where}: cannot read the string literal ${tok.text}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Top-level declarations of one file.

/**
 * Parses a Go file into { name, imports, types, consts, unmarshalers }. Function bodies,
 * variables and anything else at the top level are skipped with bracket matching.
 * Type expressions come back as trees: { kind: 'named', pkg (local qualifier or null), name },
 * { kind: 'pointer' | 'slice', elem }, { kind: 'array', len, elem }, { kind: 'map', key, elem },
 * { kind: 'struct', fields }, or { kind: 'other', text } for shapes API types never use.
 */
function parseFile(src, file) {
  const toks = tokenize(src, file);
  let p = 0;
  const peek = (k = 0) => toks[p + k];
  const at = () => `${file}:${peek().line}`;
  const next = () => toks[p++];
  const is = (text, k = 0) => peek(k).text === text && peek(k).kind !== 'string';
  const expect = (text) => {
    if (!is(text)) fail(`${at()}: expected '${text}', found '${peek().text}'`);
    return next();
  };
  const ident = () => {
    if (peek().kind !== 'ident') fail(`${at()}: expected a name, found '${peek().text}'`);
    return next().text;
  };
  const skipSemis = () => {
    while (is(';')) p++;
  };
  /** Skips a bracketed group starting at the current opening bracket. */
  const skipGroup = () => {
    const open = next().text;
    const close = { '(': ')', '[': ']', '{': '}' }[open];
    let depth = 1;
    while (depth > 0) {
      const t = next();
      if (t.kind === 'eof') fail(`${file}: unbalanced '${open}'`);
      if (t.kind !== 'punct') continue;
      if (t.text === open) depth++;
      else if (t.text === close) depth--;
    }
  };
  /** Skips to the end of the current spec: a ';' or closing ')' at depth 0 (not consumed). */
  const skipSpec = () => {
    while (!is(';') && !is(')') && peek().kind !== 'eof') {
      if (is('(') || is('[') || is('{')) skipGroup();
      else p++;
    }
  };

  const typeExpr = () => {
    const t = peek();
    if (is('*')) {
      p++;
      return { kind: 'pointer', elem: typeExpr() };
    }
    if (is('(')) {
      p++;
      const inner = typeExpr();
      expect(')');
      return inner;
    }
    if (is('[')) {
      p++;
      if (is(']')) {
        p++;
        return { kind: 'slice', elem: typeExpr() };
      }
      const len = [];
      while (!is(']')) len.push(next().text);
      p++;
      return { kind: 'array', len: len.join(''), elem: typeExpr() };
    }
    if (t.kind !== 'ident') fail(`${at()}: expected a type, found '${t.text}'`);
    if (t.text === 'map') {
      p++;
      expect('[');
      const key = typeExpr();
      expect(']');
      return { kind: 'map', key, elem: typeExpr() };
    }
    if (t.text === 'struct') {
      p++;
      return { kind: 'struct', fields: structFields() };
    }
    if (t.text === 'interface' || t.text === 'func' || t.text === 'chan') {
      // Not JSON data; recorded by its text so a reachable use is reported, not misread.
      const start = p;
      p++;
      if (t.text === 'func') {
        skipGroup();
        if (is('(')) skipGroup();
        else if (!is(';') && !is('}') && !is(')') && peek().kind !== 'string') typeExpr();
      } else if (t.text === 'interface') {
        skipGroup();
      } else {
        if (is('<-')) p++;
        typeExpr();
      }
      return { kind: 'other', text: toks.slice(start, p).map((x) => x.text).join(' ') };
    }
    p++;
    if (is('.')) {
      p++;
      return { kind: 'named', pkg: t.text, name: ident(), ...typeArgs() };
    }
    return { kind: 'named', pkg: null, name: t.text, ...typeArgs() };
  };
  // Generic instantiations (`List[T]`) never appear in API types; flagged so they are reported.
  const typeArgs = () => {
    if (!is('[') || is(']', 1)) return {};
    const start = p;
    skipGroup();
    return { typeArgs: toks.slice(start, p).map((x) => x.text).join('') };
  };

  const structFields = () => {
    expect('{');
    const fields = [];
    skipSemis();
    while (!is('}')) {
      const line = peek().line;
      const names = [];
      let type;
      // An embedded field is a (possibly pointer, possibly qualified) type name alone.
      const embedded =
        is('*') ||
        (peek().kind === 'ident' && (is('.', 1) || is(';', 1) || is('}', 1) || peek(1).kind === 'string'));
      if (embedded) {
        type = typeExpr();
      } else {
        names.push(ident());
        while (is(',')) {
          p++;
          names.push(ident());
        }
        type = typeExpr();
      }
      const tag = peek().kind === 'string' ? stringValue(next(), `${file}:${line}`) : null;
      if (!is('}')) expect(';');
      skipSemis();
      if (embedded) fields.push({ embedded: true, name: null, type, tag, line });
      else for (const name of names) fields.push({ embedded: false, name, type, tag, line });
    }
    p++;
    return fields;
  };

  const out = { name: null, imports: [], types: [], consts: [], unmarshalers: [] };
  const docOf = (tok) => tok.doc.join('\n');

  const typeSpec = (doc) => {
    const nameTok = peek();
    const name = ident();
    // Type parameters: `type X[T any] ...` (an array type has a length, not a name and a bound).
    if (is('[') && peek(1).kind === 'ident' && !is(']', 2)) {
      skipSpec();
      out.types.push({ name, generic: true, line: nameTok.line, doc });
      return;
    }
    const alias = is('=');
    if (alias) p++;
    const type = typeExpr();
    out.types.push({ name, alias, type, line: nameTok.line, doc: doc + '\n' + docOf(nameTok) });
  };

  const constGroup = () => {
    // Implicit repetition: a spec with names only repeats the previous type and values.
    let prev = { type: null, values: [] };
    const spec = () => {
      const names = [ident()];
      while (is(',')) {
        p++;
        names.push(ident());
      }
      let type = null;
      let values = [];
      if (!is('=') && !is(';') && !is(')')) type = typeExpr();
      if (is('=')) {
        p++;
        // Each value: a lone string literal is kept; any other expression is kept as text.
        for (;;) {
          const start = p;
          while (!is(',') && !is(';') && !is(')')) {
            if (is('(') || is('[') || is('{')) skipGroup();
            else p++;
          }
          const expr = toks.slice(start, p);
          values.push(
            expr.length === 1 && expr[0].kind === 'string'
              ? { string: stringValue(expr[0], at()) }
              : { text: expr.map((x) => x.text).join(' ') },
          );
          if (!is(',')) break;
          p++;
        }
        prev = { type, values };
      } else if (type === null) {
        ({ type, values } = prev);
      }
      names.forEach((name, k) => out.consts.push({ name, type, value: values[k] ?? null }));
    };
    if (is('(')) {
      p++;
      skipSemis();
      while (!is(')')) {
        spec();
        skipSemis();
      }
      p++;
    } else {
      spec();
    }
  };

  const funcDecl = () => {
    // Only methods named UnmarshalJSON matter: such a type decodes itself (Quantity, Time, ...).
    let receiver = null;
    if (is('(')) {
      // `(q *Quantity)`, `(Quantity)`, `(l *List[T])`: the type is the last name before any `[`.
      const start = p;
      skipGroup();
      const inner = toks.slice(start + 1, p - 1);
      const cut = inner.findIndex((t) => t.text === '[');
      const names = (cut < 0 ? inner : inner.slice(0, cut)).filter((t) => t.kind === 'ident');
      receiver = names[names.length - 1]?.text ?? null;
    }
    const name = ident();
    if (is('[')) skipGroup(); // type parameters
    skipGroup(); // parameters
    // Results, up to the body: skip brackets, and the braces of interface{} and struct{} types.
    while (!is('{') && !is(';') && peek().kind !== 'eof') {
      if (is('interface') || is('struct')) {
        p++;
        skipGroup();
      } else if (is('(') || is('[')) skipGroup();
      else p++;
    }
    if (is('{')) skipGroup();
    if (receiver && name === 'UnmarshalJSON') out.unmarshalers.push(receiver);
  };

  skipSemis();
  while (peek().kind !== 'eof') {
    const tok = next();
    switch (tok.text) {
      case 'package':
        out.name = ident();
        break;
      case 'import': {
        const spec = () => {
          let alias = null;
          if (peek().kind === 'ident' || is('.') || is('_')) alias = next().text;
          out.imports.push({ alias, path: stringValue(next(), at()) });
        };
        if (is('(')) {
          p++;
          skipSemis();
          while (!is(')')) {
            spec();
            skipSemis();
          }
          p++;
        } else spec();
        break;
      }
      case 'type':
        if (is('(')) {
          p++;
          skipSemis();
          while (!is(')')) {
            typeSpec('');
            skipSemis();
          }
          p++;
        } else typeSpec(docOf(tok));
        break;
      case 'const':
        constGroup();
        break;
      case 'func':
        funcDecl();
        break;
      case 'var':
        if (is('(')) skipGroup();
        else skipSpec();
        break;
      default:
        fail(`${file}:${tok.line}: unexpected '${tok.text}' at the top level`);
    }
    skipSemis();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Packages, loaded when a reachable type first names them.

const packages = new Map(); // import path -> package
const packageOrder = [];

function moduleOf(importPath) {
  return MODULES.find((m) => importPath === m.module || importPath.startsWith(m.module + '/'));
}

/** The short id the data file names a package by: `core` for k8s.io/api/core/v1, `meta` for
 * .../apis/meta/v1, `resource` for .../api/resource: the last path element that is not a
 * version. */
function packageId(importPath) {
  const parts = importPath.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+((alpha|beta)\d*)?$/.test(last) ? parts[parts.length - 2] : last;
}

// Go's marker for generated files (https://go.dev/s/generatedcode): deepcopy, protobuf and
// swagger-doc code, which declare no API types.
const GENERATED = /^\/\/ Code generated .* DO NOT EDIT\.$/m;

// The build the apiserver is: linux/amd64, with no custom build tags. Files that only build
// with other tags are left out: since v1.36 metav1 declares FieldsV1 twice, once under the
// `fieldsv1string` tag and once under `!fieldsv1string`.
const GOOS = 'linux';
const GOARCH = 'amd64';
const KNOWN_GOOS = new Set(
  ('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 ' +
    'solaris wasip1 windows zos').split(' '),
);
const KNOWN_GOARCH = new Set(
  ('386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64 ' +
    'wasm').split(' '),
);
const satisfied = (tag) =>
  tag === GOOS || tag === GOARCH || tag === 'unix' || tag === 'gc' || /^go1\.\d+$/.test(tag);

/** Whether a `//go:build` expression holds for that build (`!a && (b || c)`). */
function buildHolds(expr, where) {
  const toks = expr.match(/!|&&|\|\||\(|\)|[\w.]+/g) ?? [];
  let p = 0;
  const or = () => {
    let v = and();
    while (toks[p] === '||') {
      p++;
      v = and() || v;
    }
    return v;
  };
  const and = () => {
    let v = not();
    while (toks[p] === '&&') {
      p++;
      v = not() && v;
    }
    return v;
  };
  const not = () => {
    if (toks[p] === '!') {
      p++;
      return !not();
    }
    if (toks[p] === '(') {
      p++;
      const v = or();
      if (toks[p++] !== ')') fail(`${where}: cannot read //go:build ${expr}`);
      return v;
    }
    const tag = toks[p++];
    if (tag === undefined || !/^[\w.]+$/.test(tag)) fail(`${where}: cannot read //go:build ${expr}`);
    return satisfied(tag);
  };
  const v = or();
  if (p !== toks.length) fail(`${where}: cannot read //go:build ${expr}`);
  return v;
}

/** Whether a file is in the build: its name's _GOOS/_GOARCH suffixes and its //go:build line. */
function inBuild(name, head, where) {
  const parts = name.replace(/\.go$/, '').split('_');
  const last = parts[parts.length - 1];
  const before = parts.length > 2 ? parts[parts.length - 2] : null;
  if (parts.length > 1 && KNOWN_GOARCH.has(last) && last !== GOARCH) return false;
  if (KNOWN_GOARCH.has(last) && before !== null && KNOWN_GOOS.has(before) && before !== GOOS) return false;
  if (parts.length > 1 && KNOWN_GOOS.has(last) && last !== GOOS) return false;
  const build = /^\/\/go:build (.*)$/m.exec(head);
  return build === null || buildHolds(build[1].trim(), where);
}

function loadPackage(importPath) {
  if (packages.has(importPath)) return packages.get(importPath);
  const mod = moduleOf(importPath);
  if (!mod) fail(`a reachable type is in ${importPath}, outside the two modules read`);
  const dir = importPath.slice(mod.module.length + 1);
  const listing = git(mod, ['ls-tree', '--name-only', `${mod.tag}:${dir}`])
    .split('\n')
    .filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'))
    .sort();
  const pkg = {
    importPath,
    id: packageId(importPath),
    mod,
    dir,
    name: null,
    files: [],
    types: new Map(),
    consts: [],
    unmarshalers: new Set(),
  };
  for (const other of packages.values()) {
    if (other.id === pkg.id) fail(`packages ${other.importPath} and ${importPath} would share the id ${pkg.id}`);
  }
  for (const name of listing) {
    const path = `${dir}/${name}`;
    const src = git(mod, ['show', `${mod.tag}:${path}`]);
    const head = src.slice(0, src.search(/^package /m));
    if (GENERATED.test(head) || !inBuild(name, head, `${mod.repo}@${mod.tag}:${path}`)) continue;
    const parsed = parseFile(src, `${mod.repo}@${mod.tag}:${path}`);
    if (pkg.name !== null && parsed.name !== pkg.name) fail(`${path}: package ${parsed.name}, expected ${pkg.name}`);
    pkg.name = parsed.name;
    const file = { path, imports: parsed.imports };
    pkg.files.push(file);
    for (const t of parsed.types) {
      if (pkg.types.has(t.name)) fail(`${path}:${t.line}: ${t.name} is declared twice`);
      pkg.types.set(t.name, { ...t, file });
    }
    for (const c of parsed.consts) pkg.consts.push({ ...c, file });
    for (const u of parsed.unmarshalers) pkg.unmarshalers.add(u);
  }
  if (pkg.name === null) fail(`no Go files in ${mod.repo}@${mod.tag}:${dir}`);
  packages.set(importPath, pkg);
  packageOrder.push(pkg);
  return pkg;
}

/** The import path a qualifier names in a file. Unaliased imports go by the imported package's
 * own name, assumed to be the path's last element and checked when the package loads. */
function resolveQualifier(file, qualifier, where) {
  const explicit = file.imports.find((i) => i.alias === qualifier);
  if (explicit) return explicit.path;
  const implicit = file.imports.find((i) => i.alias === null && i.path.split('/').pop() === qualifier);
  if (!implicit) fail(`${where}: no import for the qualifier ${qualifier}`);
  const pkg = loadPackage(implicit.path);
  if (pkg.name !== qualifier) fail(`${where}: ${implicit.path} is package ${pkg.name}, not ${qualifier}`);
  return implicit.path;
}

// ---------------------------------------------------------------------------------------------
// Reachability: breadth first from the roots, so the file reads from Job down.

const reached = new Map(); // "importPath.Name" -> { pkg, decl }
const queue = [];

function reach(importPath, name, where) {
  const key = `${importPath}.${name}`;
  if (reached.has(key)) return reached.get(key);
  const pkg = loadPackage(importPath);
  const decl = pkg.types.get(name);
  if (!decl) fail(`${where}: ${importPath} declares no type ${name}`);
  if (decl.generic) fail(`${where}: ${importPath}.${name} is generic`);
  const entry = { pkg, decl, name };
  reached.set(key, entry);
  queue.push(entry);
  return entry;
}

/** Writes a type expression with package ids (`*core.PodSpec`, `map[string]string`), reaching
 * every named type in it. */
function render(type, pkg, file, where) {
  switch (type.kind) {
    case 'pointer':
      return '*' + render(type.elem, pkg, file, where);
    case 'slice':
      return '[]' + render(type.elem, pkg, file, where);
    case 'array':
      return `[${type.len}]` + render(type.elem, pkg, file, where);
    case 'map':
      return `map[${render(type.key, pkg, file, where)}]${render(type.elem, pkg, file, where)}`;
    case 'named': {
      if (type.typeArgs) fail(`${where}: generic type ${type.name}${type.typeArgs}`);
      if (type.pkg === null && PREDECLARED.has(type.name)) return type.name;
      const path = type.pkg === null ? pkg.importPath : resolveQualifier(file, type.pkg, where);
      const target = reach(path, type.name, where);
      return `${target.pkg.id}.${type.name}`;
    }
    case 'struct':
      fail(`${where}: anonymous struct types are not supported`);
      break;
    default:
      fail(`${where}: ${type.text} is not a JSON type`);
  }
}

/** The JSON encoding of a field, from its `json:"name,opts"` tag (reflect.StructTag rules). */
function jsonTag(tag) {
  if (tag === null) return null;
  const m = /(?:^|\s)json:"((?:[^"\\]|\\.)*)"/.exec(tag);
  return m ? JSON.parse(`"${m[1]}"`) : null;
}

const WORD = /^[\x21-\x7e]+$/;
function word(text, what) {
  if (!WORD.test(text)) fail(`${what} ${JSON.stringify(text)} is not one printable word`);
  return text;
}
// Declared values are written quoted, and need no escapes: printable ASCII without '"' or '\'.
function quoted(text, what) {
  if (!/^[\x20-\x7e]*$/.test(text) || /["\\]/.test(text)) fail(`${what} ${JSON.stringify(text)} needs escaping`);
  return `"${text}"`;
}

const body = [];
for (const [path, name] of ROOTS) reach(path, name, 'roots');
while (queue.length > 0) {
  const { pkg, decl, name } = queue.shift();
  const qualified = `${pkg.id}.${name}`;
  const where = `${pkg.mod.repo}@${pkg.mod.tag}:${decl.file.path}:${decl.line}`;
  if (pkg.unmarshalers.has(name)) {
    // Its JSON is whatever its UnmarshalJSON accepts, not its Go fields.
    body.push(`opaque ${qualified} ${decl.type.kind === 'named' ? decl.type.name : decl.type.kind}`);
    continue;
  }
  if (decl.alias) {
    body.push(`alias ${qualified} ${render(decl.type, pkg, decl.file, where)}`);
    continue;
  }
  if (decl.type.kind !== 'struct') {
    const marker = /^\s*\+enum\s*$/m.test(decl.doc) ? ' +enum' : '';
    body.push(`named ${qualified} ${render(decl.type, pkg, decl.file, where)}${marker}`);
    // Its declared constants, in declaration order (file by file, as the package lists them).
    for (const c of pkg.consts) {
      if (c.type?.kind !== 'named' || c.type.pkg !== null || c.type.name !== name) continue;
      if (!c.value || c.value.string === undefined) {
        body.push(`# ${c.name} = ${c.value ? c.value.text : '(no value)'}: not a string literal, left out`);
        continue;
      }
      body.push(`  const ${word(c.name, 'constant name')} ${quoted(c.value.string, `${c.name} value`)}`);
    }
    continue;
  }
  body.push(`struct ${qualified}`);
  for (const f of decl.type.fields) {
    const at = `${pkg.mod.repo}@${pkg.mod.tag}:${decl.file.path}:${f.line}`;
    const tag = jsonTag(f.tag);
    const [jsonName, ...options] = tag === null ? [''] : tag.split(',');
    const goName = f.embedded ? (f.type.kind === 'pointer' ? f.type.elem : f.type).name : f.name;
    // encoding/json ignores unexported fields (embedded structs excepted) and `json:"-"`.
    if (tag === '-' || (!f.embedded && !/^[A-Z]/.test(goName))) {
      const why = tag === '-' ? 'json:"-"' : 'unexported';
      body.push(`  skip ${word(goName, 'field name')} ${why}`);
      continue;
    }
    const type = render(f.type, pkg, decl.file, at);
    const opts = options.filter((o) => o !== '').map((o) => ' ' + word(o, 'json option')).join('');
    if (f.embedded && jsonName === '') {
      body.push(`  embed ${type}${opts}`);
    } else {
      body.push(`  field ${word(goName, 'field name')} ${word(jsonName || goName, 'JSON name')} ${type}${opts}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Output: provenance first, then the declarations.

const kubernetes = apiTag.replace(/^v0\./, 'v1.');
const header = [
  `# The Go API types reachable from batch/v1 Job and CronJob, Kubernetes ${kubernetes}.`,
  '# Written by scripts/extract-api-types.mjs; tests/integration/schema_gen.rs turns it into',
  '# crates/api/src/manifest/schema.rs. Do not edit: rerun the script.',
  '#',
  '# One declaration a line, words separated by one space; `#` starts a comment line.',
  '#   kubernetes VERSION                   the Kubernetes release these types ship in',
  '#   module PATH REPO TAG COMMIT          a Go module, its repository, the tag read and its commit',
  '#   package ID IMPORT-PATH NAME          a package: its id in this file and its Go package name',
  '#   file REPO PATH                       a source file read (generated files, and files',
  '#                                        outside a linux/amd64 build, are skipped)',
  '#   root ID.Name                         a type the schema starts from',
  '#   struct ID.Name                       a struct; its fields follow, indented, in Go order:',
  '#     field GoName jsonName TYPE OPT*    a field, its JSON name, type and json tag options',
  '#     embed TYPE OPT*                    an embedded struct without a JSON name: its fields',
  '#                                        are the outer struct\'s (the `json:",inline"` case)',
  '#     skip GoName WHY                    a field JSON ignores (json:"-", or unexported)',
  '#   named ID.Name TYPE [+enum]           a defined non-struct type, its underlying type, and',
  '#                                        whether its doc comment carries the +enum marker;',
  '#     const GoName "value"               followed by its typed string constants, in order',
  '#   alias ID.Name TYPE                   a type alias (type A = B)',
  '#   opaque ID.Name KIND                  a type with its own UnmarshalJSON (Quantity, Time):',
  '#                                        its JSON is not its fields, which are not listed',
  '# TYPE is Go syntax with package ids for qualifiers: *core.PodSpec, []string,',
  '# map[core.ResourceName]resource.Quantity. Types are listed breadth first from the roots.',
  '',
  `kubernetes ${kubernetes}`,
];
for (const mod of MODULES) {
  const commit = git(mod, ['rev-parse', `${mod.tag}^{commit}`]).trim();
  header.push(`module ${mod.module} ${mod.repo} ${mod.tag} ${commit}`);
}
for (const pkg of packageOrder) header.push(`package ${pkg.id} ${pkg.importPath} ${pkg.name}`);
for (const pkg of packageOrder) for (const file of pkg.files) header.push(`file ${pkg.mod.repo} ${file.path}`);
for (const [path, name] of ROOTS) header.push(`root ${packages.get(path).id}.${name}`);

process.stdout.write([...header, '', ...body, ''].join('\n'));

#!/usr/bin/env node
//! Writes crates/golang/src/tzdata.bin, the compact IANA time-zone database the app ships, from the
//! tables of the chrono-tz crate this project pins (its prebuilt Rust source, read as text) and the
//! POSIX TZ rules ("footers") of the same IANA release as zic compiles them.
//!
//! Why: chrono-tz compiles every zone's transitions as Rust statics (about 860 KB of wasm, a
//! sixth of the page); the same transitions, deduplicated and delta-encoded, take a fraction.
//! The check test `jobscope_golang::tzdb` compares every zone with chrono-tz and fails when chrono-tz is
//! updated without running this script again.
//!
//! Why the footers: Go keeps a zone as zic writes it (TZif): explicit transitions up to the last
//! one the rules do not explain, then a POSIX TZ string that `time.Location.lookup` evaluates for
//! every later instant. chrono-tz has no rules, only transitions it precomputed up to 2099, so its
//! tables alone freeze the last offset from 2100 on. We keep Go's shape: each zone's table stops at
//! the TZif's last transition and carries the footer. Both come from the TZif files of PyPI's
//! `tzdata` package of the same IANA release (`tzdata.IANA_VERSION`; 2025b is `tzdata==2025.2`),
//! whose footers equal those of Go's embedded `time/tzdata` for every zone.
//!
//! Usage: node scripts/gen-tzdata.mjs [TZDATA.whl]
//!   (needs `cargo` and the crate sources fetched; without a wheel it runs
//!   `python3 -m pip download tzdata==<version>` into target/tzdata/)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--locked'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }),
);
const crate = metadata.packages.find((p) => p.name === 'chrono-tz');
if (!crate) throw new Error('chrono-tz is not in Cargo.lock (it is a dev-dependency)');
const src = join(dirname(crate.manifest_path), 'src', 'prebuilt');
const timezones = readFileSync(join(src, 'timezones.rs'), 'utf8');
const directory = readFileSync(join(src, 'directory.rs'), 'utf8');

const version = /IANA_TZDB_VERSION: &str = "([^"]+)"/.exec(directory)[1];

// The TZif files of the same IANA release: PyPI's `tzdata` numbers 2025b as 2025.2.
const pypiVersion = (() => {
  const m = /^(\d{4})([a-z])$/.exec(version);
  if (!m) throw new Error(`unexpected IANA version ${version}`);
  return `${m[1]}.${m[2].charCodeAt(0) - 96}`;
})();
let wheel = process.argv[2];
if (!wheel) {
  const dir = join(root, 'target', 'tzdata');
  wheel = join(dir, `tzdata-${pypiVersion}-py2.py3-none-any.whl`);
  if (!existsSync(wheel)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'python3',
      ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--dest', dir, `tzdata==${pypiVersion}`],
      { stdio: 'inherit' },
    );
  }
}
const unpacked = join(root, 'target', 'tzdata', 'unpacked');
rmSync(unpacked, { recursive: true, force: true });
execFileSync('python3', ['-m', 'zipfile', '-e', wheel, unpacked]);
const wheelVersion = /IANA_VERSION = "([^"]+)"/.exec(readFileSync(join(unpacked, 'tzdata', '__init__.py'), 'utf8'))[1];
if (wheelVersion !== version) throw new Error(`tzdata wheel is IANA ${wheelVersion}, chrono-tz is ${version}`);

// A TZif file's last explicit transition (Unix seconds, or null) and footer (RFC 8536: the v1
// block, the v2+ header and block with 64-bit times, then "\n<TZ string>\n").
const readTzif = (name) => {
  const b = readFileSync(join(unpacked, 'tzdata', 'zoneinfo', ...name.split('/')));
  if (b.toString('latin1', 0, 4) !== 'TZif' || b[4] < 0x32) throw new Error(`${name}: not TZif v2+`);
  const counts = (at) => [0, 1, 2, 3, 4, 5].map((k) => b.readUInt32BE(at + 20 + 4 * k));
  let [isut, isstd, leap, time, type, chars] = counts(0);
  const second = 44 + time * 5 + type * 6 + chars + leap * 8 + isstd + isut;
  [isut, isstd, leap, time, type, chars] = counts(second);
  let at = second + 44;
  const last = time > 0 ? b.readBigInt64BE(at + 8 * (time - 1)) : null;
  at += time * 9 + type * 6 + chars + leap * 12 + isstd + isut;
  const footer = b.toString('latin1', at);
  if (!/^\n[^\n]*\n$/.test(footer)) throw new Error(`${name}: bad footer ${JSON.stringify(footer)}`);
  return { last, footer: footer.slice(1, -1) };
};

// Names, in TZ_VARIANTS order (the order chrono-tz lists them), and the variant each names.
const variantOf = new Map();
for (const m of timezones.matchAll(/^\s+Tz::(\w+) => "([^"]+)",$/gm)) variantOf.set(m[1], m[2]);
const variantsText = /pub static TZ_VARIANTS: \[Tz; (\d+)\] = \[([^\]]*)\]/.exec(timezones);
const variants = [...variantsText[2].matchAll(/Tz::(\w+)/g)].map((m) => m[1]);
if (variants.length !== Number(variantsText[1])) throw new Error('TZ_VARIANTS not read whole');

// Each variant's spans: the first, then (UTC second the span starts, span) pairs.
const spanText = String.raw`FixedTimespan \{\s*utc_offset: (-?\d+),\s*dst_offset: (-?\d+),\s*name: (?:Some\("([^"]*)"\)|None),?\s*\}`;
const body = timezones.slice(timezones.indexOf('impl TimeSpans for Tz'));
const arms = body.split(/\n {12}Tz::(\w+) => \{/);
const zonesOf = new Map();
for (let k = 1; k < arms.length; k += 2) {
  const text = arms[k + 1];
  const rest = [...text.matchAll(new RegExp(String.raw`\((-?\d+), ` + spanText + String.raw`\)`, 'g'))].map(
    (m) => [BigInt(m[1]), [Number(m[2]), Number(m[3]), m[4] ?? null]],
  );
  const first = new RegExp(String.raw`first: ` + spanText).exec(text);
  if (!first) throw new Error(`no first span for ${arms[k]}`);
  zonesOf.set(arms[k], { first: [Number(first[1]), Number(first[2]), first[3] ?? null], rest });
}

// Tables shared by all zones: abbreviations, spans, and the zone data (links share theirs).
const abbreviations = [];
const abbreviationIndex = new Map();
const spans = [];
const spanIndex = new Map();
const span = ([utc, dst, name]) => {
  let a = 0;
  if (name !== null) {
    if (!abbreviationIndex.has(name)) {
      abbreviationIndex.set(name, abbreviations.length);
      abbreviations.push(name);
    }
    a = abbreviationIndex.get(name) + 1;
  }
  const key = `${utc},${dst},${a}`;
  if (!spanIndex.has(key)) {
    spanIndex.set(key, spans.length);
    spans.push([utc, dst, a]);
  }
  return spanIndex.get(key);
};
const footers = [];
const footerIndex = new Map();
const zones = [];
const zoneIndex = new Map();
const names = [];
let dropped = 0;
let noOps = 0;
for (const variant of variants) {
  const zone = zonesOf.get(variant);
  if (!zone) throw new Error(`no spans for ${variant}`);
  // chrono-tz's changes up to the TZif's last one; the footer explains every later one (the
  // tzdb test checks that against chrono-tz's changes up to 2099).
  const name = variantOf.get(variant);
  const tzif = readTzif(name);
  const kept = zone.rest.filter(([t]) => tzif.last !== null && t <= tzif.last);
  const lastKept = kept.length > 0 ? kept[kept.length - 1][0] : null;
  if (lastKept !== tzif.last) {
    // zic also writes transitions that change no offset or name (Tijuana switching from
    // Mexico's rules to the US's), which chrono-tz leaves out; the footer starts there in Go.
    noOps += 1;
    kept.push([tzif.last, kept.length > 0 ? kept[kept.length - 1][1] : zone.first]);
  }
  dropped += zone.rest.length - kept.length;
  if (!footerIndex.has(tzif.footer)) {
    footerIndex.set(tzif.footer, footers.length);
    footers.push(tzif.footer);
  }
  const encoded = {
    first: span(zone.first),
    rest: kept.map(([t, s]) => [t, span(s)]),
    footer: footerIndex.get(tzif.footer) + 1,
  };
  const key = JSON.stringify(encoded, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  if (!zoneIndex.has(key)) {
    zoneIndex.set(key, zones.length);
    zones.push(encoded);
  }
  names.push([variantOf.get(variant), zoneIndex.get(key)]);
}

// Encoding: LEB128 varints (zigzag for signed values); times as deltas from the previous one.
const out = [];
const uvar = (n) => {
  let v = BigInt(n);
  if (v < 0n) throw new Error('negative');
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
};
const svar = (n) => {
  const v = BigInt(n);
  uvar(v < 0n ? (-v << 1n) - 1n : v << 1n);
};
const text = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  uvar(bytes.length);
  out.push(...bytes);
};
out.push(...Buffer.from('JSTZ'), 2);
text(version);
uvar(abbreviations.length);
abbreviations.forEach(text);
uvar(spans.length);
for (const [utc, dst, a] of spans) {
  svar(utc);
  svar(dst);
  uvar(a);
}
uvar(footers.length);
footers.forEach(text);
uvar(zones.length);
for (const zone of zones) {
  uvar(zone.first);
  uvar(zone.rest.length);
  let previous = 0n;
  for (const [t] of zone.rest) {
    svar(t - previous);
    previous = t;
  }
  for (const [, s] of zone.rest) uvar(s);
  uvar(zone.footer);
}
uvar(names.length);
for (const [name, zone] of names) {
  text(name);
  uvar(zone);
}
const file = join(root, 'crates', 'golang', 'src', 'tzdata.bin');
writeFileSync(file, Buffer.from(out));
const transitions = zones.reduce((n, z) => n + z.rest.length, 0);
console.log(
  `tzdata ${version}: ${names.length} names, ${zones.length} distinct zones, ${transitions} transitions, ${spans.length} spans, ${abbreviations.length} abbreviations, ${footers.length} footers (${dropped} later changes left to them; ${noOps} tables end in a change of rules only) -> ${out.length} bytes (${file})`,
);

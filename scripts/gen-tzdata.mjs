#!/usr/bin/env node
//! Writes crates/golang/src/tzdata.bin, the compact IANA time-zone database the app ships, from the
//! tables of the chrono-tz crate this project pins (its prebuilt Rust source, read as text).
//!
//! Why: chrono-tz compiles every zone's transitions as Rust statics (about 860 KB of wasm, a
//! sixth of the page); the same transitions, deduplicated and delta-encoded, take a fraction.
//! The check test `jobscope_golang::tzdb` compares every zone with chrono-tz and fails when chrono-tz is
//! updated without running this script again.
//!
//! Usage: node scripts/gen-tzdata.mjs        (needs `cargo` and the crate sources fetched)

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
const zones = [];
const zoneIndex = new Map();
const names = [];
for (const variant of variants) {
  const zone = zonesOf.get(variant);
  if (!zone) throw new Error(`no spans for ${variant}`);
  const encoded = { first: span(zone.first), rest: zone.rest.map(([t, s]) => [t, span(s)]) };
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
out.push(...Buffer.from('JSTZ'), 1);
text(version);
uvar(abbreviations.length);
abbreviations.forEach(text);
uvar(spans.length);
for (const [utc, dst, a] of spans) {
  svar(utc);
  svar(dst);
  uvar(a);
}
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
  `tzdata ${version}: ${names.length} names, ${zones.length} distinct zones, ${transitions} transitions, ${spans.length} spans, ${abbreviations.length} abbreviations -> ${out.length} bytes (${file})`,
);

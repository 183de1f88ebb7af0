// Prints the size of every file in a build directory, raw and gzipped (level 9), and the totals;
// also writes them to target/size-report.json so the numbers can be compared between builds.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = process.argv[2] ?? "dist";
const rows = [];
function walk(current) {
  for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
    const full = path.join(current, entry.name);
    if (entry.isDirectory()) walk(full);
    else {
      const bytes = fs.readFileSync(full);
      rows.push({ file: path.relative(dir, full), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
    }
  }
}
walk(dir);
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(9) + " KiB";
console.log(`${"file".padEnd(48)} ${"raw".padStart(13)} ${"gzip".padStart(13)}`);
for (const row of rows) console.log(`${row.file.padEnd(48)} ${kb(row.raw)} ${kb(row.gzip)}`);
console.log(`${"total".padEnd(48)} ${kb(total.raw)} ${kb(total.gzip)}`);
fs.mkdirSync("target", { recursive: true });
fs.writeFileSync("target/size-report.json", JSON.stringify({ files: rows, total }, null, 2));

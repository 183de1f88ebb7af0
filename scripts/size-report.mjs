// Prints the size of every file in a build directory, raw, gzipped (level 9) and, for hosts that
// serve it, brotli (quality 11), and the totals;
// then loads the page in headless Chromium (served on loopback under a sub-path, as the
// end-to-end tests do) and reports the gzipped size of everything the page itself loads, file by
// file, against the budget. Writes both to target/size-report.json so builds can be compared.
// A measurement, not a test: over budget prints a warning and still exits 0.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = process.argv[2] ?? "dist";
/** The page's budget: everything it loads, gzipped. */
const BUDGET_KIB = 450;

const rows = [];
function walk(current) {
  for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
    const full = path.join(current, entry.name);
    if (entry.isDirectory()) walk(full);
    else {
      const bytes = fs.readFileSync(full);
      const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      rows.push({ file: path.relative(dir, full), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, brotli });
    }
  }
}
walk(dir);
rows.sort((a, b) => b.gzip - a.gzip);
const sum = (list) =>
  list.reduce((s, row) => ({ raw: s.raw + row.raw, gzip: s.gzip + row.gzip, brotli: s.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const total = sum(rows);
const kb = (n) => (n / 1024).toFixed(1).padStart(9) + " KiB";
const print = (list, totalRow, label) => {
  console.log(`${label.padEnd(60)} ${"raw".padStart(13)} ${"gzip".padStart(13)} ${"brotli".padStart(13)}`);
  for (const row of list) console.log(`${row.file.padEnd(60)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}`);
  console.log(`${"total".padEnd(60)} ${kb(totalRow.raw)} ${kb(totalRow.gzip)} ${kb(totalRow.brotli)}`);
};
print(rows, total, `files in ${dir}/`);

// What the page loads, as a browser sees it.
let page = null;
try {
  const { serveDist, launchBrowser, openRecordedPage, waitForApp } = await import("../tests/e2e/harness.mjs");
  const served = await serveDist({ dir: path.resolve(dir) });
  const browser = await launchBrowser();
  try {
    const opened = await openRecordedPage(browser);
    await opened.page.goto(served.url, { waitUntil: "networkidle" });
    await waitForApp(opened.page);
    await opened.page.waitForLoadState("networkidle");
    const loaded = [...new Set(opened.record.requests)]
      .filter((url) => url.startsWith(served.url))
      .map((url) => {
        let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(served.url).pathname.length));
        if (rel === "") rel = "index.html";
        return rows.find((row) => row.file === rel) ?? { file: rel, raw: 0, gzip: 0, brotli: 0 };
      })
      .sort((a, b) => b.gzip - a.gzip);
    page = { files: loaded, total: sum(loaded), budgetKiB: BUDGET_KIB };
    console.log("");
    print(loaded, page.total, "what the page loads");
    const verdict = page.total.gzip <= BUDGET_KIB * 1024 ? "within" : "OVER";
    console.log(
      `page total gzipped: ${(page.total.gzip / 1024).toFixed(1)} KiB, ${verdict} the ${BUDGET_KIB} KiB budget ` +
        `(brotli: ${(page.total.brotli / 1024).toFixed(1)} KiB)`,
    );
  } finally {
    await browser.close();
    served.server.close();
  }
} catch (error) {
  console.log(`(page load not measured: ${error.message})`);
}
fs.mkdirSync("target", { recursive: true });
fs.writeFileSync("target/size-report.json", JSON.stringify({ files: rows, total, page }, null, 2));

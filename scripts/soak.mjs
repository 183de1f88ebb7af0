// A soak of the release build (a script, not a test: it takes minutes; not part of ./dev.sh
// test). Serves dist/ as the end-to-end tests do and drives one headless Chromium page through
// a loop of what users do: type, switch examples, open share links, run simulations, reload.
// After every step it checks that the autosaved text equals the editor's text; it samples the
// JS heap (after a garbage collection) and reports it at the start, every minute and at the end,
// with the drafts history's size. Exits 1 when a check failed.
// Usage: node scripts/soak.mjs [dist] [SECONDS]   (default dist/, 600 s)
import fs from "node:fs";
import path from "node:path";
import {
  editorText,
  launchBrowser,
  openRecordedPage,
  serveDist,
  shareFragment,
  typeAtEnd,
  waitForApp,
  waitForDiagnostics,
} from "../tests/e2e/harness.mjs";

const dist = path.resolve(process.argv[2] ?? "dist");
const seconds = Number(process.argv[3] ?? 600);

const served = await serveDist({ dir: dist });
const browser = await launchBrowser();
const { page, record } = await openRecordedPage(browser);
await page.goto(served.url);
await waitForApp(page);
const cdp = await page.context().newCDPSession(page);

/** The JS heap in use, in MiB, after a garbage collection. The session follows navigations of
 * the page (a reload starts a new heap: the figure is the page's current one). */
async function heapMiB() {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return Math.round((usedSize / 1048576) * 10) / 10;
}

/** How many drafts the history holds, and their bytes. */
function drafts() {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("jobscope-drafts");
        open.onerror = () => resolve({ count: -1, bytes: 0 });
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve({ count: 0, bytes: 0 });
          const request = db.transaction("drafts").objectStore("drafts").getAll();
          request.onsuccess = () => {
            resolve({ count: request.result.length, bytes: request.result.reduce((n, r) => n + r.bytes, 0) });
            db.close();
          };
        };
      }),
  );
}

const examples = await page.locator("[data-testid=examples] option").evaluateAll((o) => o.map((x) => x.value));
const failures = [];
const counts = {};
let step = 0;

async function check(kind) {
  // The autosave runs in the change hook, so the two agree as soon as the change is shown.
  const [saved, shown] = await Promise.all([
    page.evaluate(() => localStorage.getItem("jobscope.text")),
    editorText(page),
  ]);
  if (saved !== shown) failures.push(`step ${step} (${kind}): saved text (${saved?.length}) != editor text (${shown.length})`);
}

const steps = {
  async type() {
    await typeAtEnd(page, `# soak step ${step}\n`);
  },
  async example() {
    const before = await editorText(page);
    const file = examples[step % examples.length];
    const current = await page.inputValue("[data-testid=examples]");
    await page.selectOption("[data-testid=examples]", file === current ? examples[(step + 1) % examples.length] : file);
    await page.waitForFunction((t) => document.querySelector("[data-testid=editor]").jobscopeEditor.getText() !== t, before);
    await waitForDiagnostics(page);
  },
  async share() {
    const text = (await editorText(page)) + `# shared at step ${step}\n`;
    await page.goto("about:blank");
    await page.goto(served.url + shareFragment(text));
    await waitForApp(page);
    if ((await editorText(page)) !== text) failures.push(`step ${step} (share): the link's text did not open`);
  },
  async simulate() {
    await page.click("[data-testid=tab-simulation]");
    await page.click("[data-testid=sim-run]");
    await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 60_000 });
    await page.click("[data-testid=tab-problems]");
  },
  async reload() {
    const before = await editorText(page);
    await page.reload();
    await waitForApp(page);
    if ((await editorText(page)) !== before) failures.push(`step ${step} (reload): the text changed across the reload`);
  },
};
const order = ["type", "example", "type", "simulate", "share", "type", "reload"];

const started = Date.now();
const samples = [{ at: 0, heapMiB: await heapMiB(), step: 0 }];
let nextSample = 60_000;
console.log(`soak: ${seconds} s on ${served.url}; heap at start ${samples[0].heapMiB} MiB`);
while (Date.now() - started < seconds * 1000) {
  const kind = order[step % order.length];
  try {
    await steps[kind]();
    await check(kind);
  } catch (error) {
    failures.push(`step ${step} (${kind}): ${String(error).split("\n")[0]}`);
  }
  counts[kind] = (counts[kind] ?? 0) + 1;
  step += 1;
  if (Date.now() - started >= nextSample) {
    samples.push({ at: Math.round((Date.now() - started) / 1000), heapMiB: await heapMiB(), step });
    console.log(`soak: ${samples.at(-1).at} s, ${step} steps, heap ${samples.at(-1).heapMiB} MiB`);
    nextSample += 60_000;
  }
}
samples.push({ at: Math.round((Date.now() - started) / 1000), heapMiB: await heapMiB(), step });
const report = {
  seconds: samples.at(-1).at,
  steps: step,
  counts,
  heapMiB: { start: samples[0].heapMiB, end: samples.at(-1).heapMiB, max: Math.max(...samples.map((s) => s.heapMiB)) },
  samples,
  drafts: await drafts(),
  failures,
  pageErrors: record.pageErrors,
  consoleErrors: record.consoleErrors,
};
fs.mkdirSync("target", { recursive: true });
fs.writeFileSync("target/soak-report.json", JSON.stringify(report, null, 2));
console.log(JSON.stringify({ ...report, samples: undefined }, null, 2));
await browser.close();
served.server.close();
process.exit(failures.length || record.pageErrors.length ? 1 : 0);

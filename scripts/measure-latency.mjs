// Measures keystroke-to-diagnostics time in the release build (not a test): serves dist/ on
// loopback, opens the page in headless Chromium, loads the largest example, and types into it,
// one key at a time (a letter, then Backspace, alternately). For each key it records, in the
// page's own clock, the time from the keydown event to
//   - the editor showing the diagnostics of the new text (the bridge's `jobscope-diagnostics`
//     event, dispatched right after CodeMirror applied them), and
//   - the next animation frame after that (every panel re-rendered).
// Prints the median and p95 of both. Usage: node scripts/measure-latency.mjs [keys=200] [dist]
import fs from "node:fs";
import path from "node:path";
import {
  launchBrowser,
  openRecordedPage,
  selectInEditor,
  serveDist,
  setEditorText,
  waitForApp,
  waitForDiagnostics,
} from "../tests/e2e/harness.mjs";

const keys = Number(process.argv[2] ?? 200);
const dist = path.resolve(process.argv[3] ?? "dist");
const examples = path.join(dist, "examples");
const [largest] = fs
  .readdirSync(examples)
  .map((file) => ({ file, size: fs.statSync(path.join(examples, file)).size }))
  .sort((a, b) => b.size - a.size);
const text = fs.readFileSync(path.join(examples, largest.file), "utf8");

const served = await serveDist({ dir: dist });
const browser = await launchBrowser();
try {
  const { page } = await openRecordedPage(browser);
  await page.goto(served.url);
  await waitForApp(page);
  await setEditorText(page, text);
  await page.evaluate(() => {
    window.__latency = { applied: [], frame: [] };
    let start = 0;
    document.addEventListener("keydown", (event) => { start = event.timeStamp; }, true);
    document.querySelector("[data-testid=editor]").addEventListener("jobscope-diagnostics", () => {
      if (!start) return;
      const began = start;
      start = 0;
      window.__latency.applied.push(performance.now() - began);
      requestAnimationFrame(() => window.__latency.frame.push(performance.now() - began));
    });
  });
  // Type in the middle of the CronJob's spec, where every check runs.
  const at = text.indexOf("concurrencyPolicy: Forbid") + "concurrencyPolicy: Forbid".length;
  await selectInEditor(page, at > 0 ? at : Math.floor(text.length / 2));
  for (let i = 0; i < keys; i += 1) {
    await page.keyboard.press(i % 2 === 0 ? "x" : "Backspace");
    await waitForDiagnostics(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  const { applied, frame } = await page.evaluate(() => window.__latency);
  const stats = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (n=${sorted.length})`;
  };
  console.log(`example: ${largest.file} (${text.length} bytes), ${keys} keystrokes`);
  console.log(`keydown → diagnostics in the editor: ${stats(applied)}`);
  console.log(`keydown → next frame (all panels):   ${stats(frame)}`);
} finally {
  await browser.close();
  served.server.close();
}

// Measures the visualizations in the release build (not a test): serves dist/ on loopback,
// opens the page in headless Chromium and reports
//   - the time from clicking each view's tab to its chart being in the DOM and painted (the next
//     animation frame), for the largest example, median of 5 tries per view;
//   - the simulation of a 1,000-pod Job (start to recording), and the frame times while the
//     player plays it back (requestAnimationFrame intervals over 5 s: median, p95, max).
// Usage: node scripts/measure-views.mjs [dist]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, openRecordedPage, serveDist, setEditorText, waitForApp } from "../tests/e2e/harness.mjs";

const dist = path.resolve(process.argv[2] ?? "dist");
const examples = fs.readdirSync(path.join(dist, "examples")).filter((f) => f.endsWith(".yaml"));
const largest = examples
  .map((f) => ({ f, size: fs.statSync(path.join(dist, "examples", f)).size }))
  .sort((a, b) => b.size - a.size)[0];

const served = await serveDist({ dir: dist });
const browser = await launchBrowser();
const { page } = await openRecordedPage(browser);
await page.goto(served.url);
await waitForApp(page);
await setEditorText(page, fs.readFileSync(path.join(dist, "examples", largest.f), "utf8"));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** ms from clicking a tab to `selector` existing, plus one frame. */
async function timeView(tab, selector) {
  await page.click("[data-testid=tab-problems]");
  return page.evaluate(
    ([tab, selector]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        document.querySelector(`[data-testid=tab-${tab}]`).click();
        const poll = () => {
          if (document.querySelector(selector)) {
            requestAnimationFrame(() => resolve(performance.now() - t0));
          } else {
            requestAnimationFrame(poll);
          }
        };
        poll();
      }),
    [tab, selector],
  );
}

console.log(`largest example: ${largest.f} (${largest.size} bytes)`);
for (const [tab, selector] of [
  ["schedule", "[data-testid=next-runs]"],
  ["timeline", "[data-testid=timeline-chart]"],
  ["concurrency", "[data-testid=concurrency-chart]"],
  ["effective", "[data-testid=effective-yaml]"],
]) {
  const times = [];
  for (let i = 0; i < 5; i += 1) times.push(await timeView(tab, selector));
  console.log(`first render of ${tab}: median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`);
}

/** Clicks "Run simulation"; resolves with the milliseconds to the first Gantt frame. */
function runToGantt() {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        document.querySelector("[data-testid=sim-run]").click();
        const poll = () => (document.querySelector("[data-testid=sim-gantt]") ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(poll));
        poll();
      }),
  );
}

// The simulation view: its form first, then a run of the largest example.
const simTimes = [];
for (let i = 0; i < 5; i += 1) simTimes.push(await timeView("simulation", "[data-testid=player-form]"));
console.log(`first render of simulation (form): median ${median(simTimes).toFixed(1)} ms`);
const run = await runToGantt();
console.log(`simulation of ${largest.f} to its first Gantt frame: ${run.toFixed(0)} ms`);

// A 1,000-pod Job.
const big = `apiVersion: batch/v1
kind: Job
metadata:
  name: thousand
spec:
  completions: 1000
  parallelism: 100
  backoffLimit: 100
  ttlSecondsAfterFinished: 3600
  activeDeadlineSeconds: 36000
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 64Mi }
`;
await setEditorText(page, big);
await page.click("[data-testid=tab-problems]");
await page.click("[data-testid=tab-simulation]");
await page.fill("[data-testid=pod-failing-attempts]", "0");
const bigRun = await runToGantt();
const pods = await page.textContent("[data-testid=sim-summary]");
console.log(`1,000-pod Job simulated and recorded in ${bigRun.toFixed(0)} ms (${pods.trim()})`);
await page.click("[data-testid=sim-play]");
const frames = await page.evaluate(
  () =>
    new Promise((resolve) => {
      const gaps = [];
      let last = performance.now();
      const end = last + 5000;
      const tick = (now) => {
        gaps.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve(gaps);
      };
      requestAnimationFrame(tick);
    }),
);
const bars = await page.locator("[data-testid=sim-gantt] rect").count();
console.log(
  `player frames over 5 s while playing (${bars} bars drawn at the end): n=${frames.length}, median ${median(frames).toFixed(1)} ms, p95 ${p95(frames).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
);
// A minutely CronJob over 30 days (43,200 Jobs): wall time from the click to the finished
// player (timed here, outside the page: a page polling itself slowed the run), and the long
// tasks (over 50 ms of main-thread work at once) meanwhile. The run and the recording are done
// in slices; the longest task left is the recording's final ordering and sums plus the first
// render.
await setEditorText(page, fs.readFileSync(path.join(dist, "examples", "concurrency-policies.yaml"), "utf8"));
await page.click("[data-testid=tab-problems]");
await page.click("[data-testid=tab-simulation]");
await page.fill("[data-testid=sim-hours]", "720");
await page.fill("[data-testid=pod-failing-attempts]", "0");
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: "longtask" });
});
const monthStart = Date.now();
await page.click("[data-testid=sim-run]");
await page.waitForFunction(
  () => !document.querySelector("[data-testid=sim-progress]") && document.querySelector("[data-testid=sim-gantt]"),
  null,
  { timeout: 120_000, polling: 50 },
);
const monthWall = Date.now() - monthStart;
await page.waitForTimeout(300);
const longTasks = await page.evaluate(() => window.__longTasks);
console.log(
  `30 days of a minutely CronJob: ${monthWall} ms from the click to the player; long tasks: ${longTasks.length ? longTasks.join(", ") + " ms" : "none"}`,
);
await browser.close();
served.server.close();

// Measures how the release build reaches people (a report, not a test; the machine is noisy):
//
// 1. Lighthouse (pinned in package.json) on dist/ served as a production host would serve it
//    (gzip, the README's cache headers and Content-Security-Policy, under a sub-path), with the
//    mobile preset (Lighthouse's default: simulated slow 4G and a 4× slower CPU) and the desktop
//    preset: the four category scores and FCP, LCP, TBT, CLS, Speed Index and TTI.
// 2. The longest main-thread task (PerformanceObserver `longtask`, headless Chromium, no
//    throttling) during each of: the page's load; typing 200 characters into the largest example;
//    opening every tab; running a 30-day simulation of a minutely CronJob and playing it; and the
//    time from the click on "Run simulation" to the first Gantt frame of that run (its first
//    day's preview) and to the whole run being ready to play.
//
// Prints both and writes them to target/lighthouse-report.json (next to the size report).
// Usage: node scripts/lighthouse.mjs [dist] [runs per preset, default 1; 0 measures only part 2]
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import {
  launchBrowser,
  openRecordedPage,
  serveDist,
  setEditorText,
  selectInEditor,
  waitForApp,
  waitForDiagnostics,
} from "../tests/e2e/harness.mjs";

const dist = path.resolve(process.argv[2] ?? "dist");
const runs = Number(process.argv[3] ?? 1);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const served = await serveDist({ dir: dist, gzip: true });
const report = { url: served.url, lighthouse: {}, longTasks: {} };

// ---- 1. Lighthouse --------------------------------------------------------------------------
const METRICS = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
  "speed-index": "SI",
  interactive: "TTI",
};
async function lighthouseRun(config) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(served.url, { port: chrome.port, output: "json", logLevel: "error" }, config);
    const lhr = result.lhr;
    const scores = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
    );
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([id, name]) => [name, lhr.audits[id]?.numericValue ?? null]),
    );
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    return { scores, metrics, failing };
  } finally {
    await chrome.kill();
  }
}
const show = (ms, name) => (name === "CLS" ? ms.toFixed(3) : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
for (const [preset, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
  report.lighthouse[preset] = [];
  for (let n = 0; n < runs; n += 1) {
    const run = await lighthouseRun(config);
    report.lighthouse[preset].push(run);
    const s = run.scores;
    console.log(
      `lighthouse ${preset.padEnd(7)} perf ${s.performance} · a11y ${s.accessibility} · best practices ${s["best-practices"]} · SEO ${s.seo} · ` +
        Object.entries(run.metrics).map(([k, v]) => `${k} ${v === null ? "?" : show(v, k)}`).join(", ") +
        (run.failing.length ? ` · failing audits: ${run.failing.join(", ")}` : ""),
    );
  }
}

// ---- 2. Long tasks --------------------------------------------------------------------------
const browser = await launchBrowser();
try {
  const { context, page } = await openRecordedPage(browser);
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const longest = async (name, activity) => {
    await page.evaluate(() => { window.__longTasks = []; });
    const began = Date.now();
    await activity();
    await page.waitForTimeout(200);
    const tasks = await page.evaluate(() => window.__longTasks);
    const max = tasks.length ? Math.max(...tasks) : 0;
    report.longTasks[name] = { longestMs: max, count: tasks.length, seconds: (Date.now() - began) / 1000 };
    console.log(`longest main-thread task, ${name}: ${max ? `${Math.round(max)} ms (${tasks.length} over 50 ms)` : "none over 50 ms"}`);
  };

  // The load: the observer is installed before any script, so `buffered` sees the load's tasks.
  await page.goto(served.url);
  await waitForApp(page);
  await page.waitForTimeout(500);
  {
    const tasks = await page.evaluate(() => window.__longTasks);
    const max = tasks.length ? Math.max(...tasks) : 0;
    report.longTasks.load = { longestMs: max, count: tasks.length };
    console.log(`longest main-thread task, load: ${max ? `${Math.round(max)} ms (${tasks.length} over 50 ms)` : "none over 50 ms"}`);
  }

  const examples = path.join(dist, "examples");
  const [largest] = fs
    .readdirSync(examples)
    .map((file) => ({ file, size: fs.statSync(path.join(examples, file)).size }))
    .sort((a, b) => b.size - a.size);
  const text = fs.readFileSync(path.join(examples, largest.file), "utf8");
  await setEditorText(page, text);
  await longest(`typing 200 characters into ${largest.file}`, async () => {
    await selectInEditor(page, Math.floor(text.length / 2));
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.type(i % 20 === 19 ? "\n" : "x");
    }
    await waitForDiagnostics(page);
  });

  await longest("opening every tab", async () => {
    for (const tab of await page.locator("[role=tab]").all()) {
      await tab.click();
      await page.waitForTimeout(150);
    }
  });

  const minutely = [
    "apiVersion: batch/v1",
    "kind: CronJob",
    "metadata:",
    "  name: every-minute",
    "spec:",
    '  schedule: "* * * * *"',
    "  jobTemplate:",
    "    spec:",
    "      template:",
    "        spec:",
    "          restartPolicy: Never",
    "          containers:",
    "          - name: main",
    "            image: busybox:1.36",
    "",
  ].join("\n");
  await setEditorText(page, minutely);
  await page.click("[data-testid=tab-simulation]");
  await page.fill("[data-testid=sim-hours]", String(30 * 24));
  await page.dispatchEvent("[data-testid=sim-hours]", "change");
  let firstFrameMs = null;
  let wholeRunMs = null;
  await longest("running and playing a 30-day minutely CronJob", async () => {
    // Timed in the page: the click's event time to the mutation that inserts the chart (polling
    // from here would add the harness's own latency, a few hundred ms).
    await page.evaluate(() => {
      window.__ganttShown = null;
      window.__runClicked = null;
      document.querySelector("[data-testid=sim-run]").addEventListener(
        "click",
        (event) => { window.__runClicked = event.timeStamp; },
        { once: true, capture: true },
      );
      const observer = new MutationObserver(() => {
        if (document.querySelector("svg[data-testid=sim-gantt]")) {
          window.__ganttShown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    await page.click("[data-testid=sim-run]");
    await page.waitForSelector("svg[data-testid=sim-gantt]", { timeout: 120_000 });
    firstFrameMs = await page.evaluate(() => window.__ganttShown - window.__runClicked);
    // The first frame of a long run is its first day's preview; the whole is ready when the
    // progress bar goes (polled from here: a few tens of ms late at most).
    await page.waitForSelector("[data-testid=sim-progress]", { state: "detached", timeout: 120_000 });
    wholeRunMs = (await page.evaluate(() => performance.now())) - (await page.evaluate(() => window.__runClicked));
    await page.click("[data-testid=sim-play]");
    await page.waitForTimeout(5_000);
    await page.click("[data-testid=sim-play]");
  });
  report.firstGanttFrameMs = firstFrameMs;
  report.wholeRunReadyMs = wholeRunMs;
  console.log(
    `click on "Run simulation" to the first Gantt frame (30-day minutely CronJob): ${Math.round(firstFrameMs)} ms; ` +
      `to the whole run ready to play: ${Math.round(wholeRunMs)} ms`,
  );
  await context.close();
} finally {
  await browser.close();
  served.server.close();
}

fs.mkdirSync("target", { recursive: true });
fs.writeFileSync("target/lighthouse-report.json", JSON.stringify(report, null, 2));

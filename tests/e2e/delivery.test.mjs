// How the page is delivered: the static shell paints before the wasm, embeds load no editor,
// the simulation runs in a worker that Stop ends at once while the editor keeps working, the
// page works offline after a first visit, and the month-long simulation leaves the main thread
// free (no long task).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  distDir,
  serveDist,
  openRecordedPage,
  screenshot,
  setEditorText,
  shareFragment,
  typeAtEnd,
  useServedBrowser,
  waitForApp,
} from "./harness.mjs";

const env = useServedBrowser();

const MINUTELY = [
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

/** Opens the Simulation tab and sets "Simulate for (hours)". */
async function simulateFor(page, hours) {
  await page.click("[data-testid=tab-simulation]");
  await page.fill("[data-testid=sim-hours]", String(hours));
  await page.dispatchEvent("[data-testid=sim-hours]", "change");
}

test("the static shell paints the page's frame before the wasm arrives, and the app takes it over without a shift", async () => {
  const { context, page } = await openRecordedPage(env.browser);
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Hold the wasm back until the shell has been looked at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.served.url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".shell-loading", { state: "visible" });
  assert.equal(await page.textContent(".app-header .brand"), "jobscope");
  assert.match(await page.textContent(".editor-pane"), /Loading the editor and the analyser/);
  assert.equal(await page.locator("[data-testid=editor]").count(), 0, "the app has not run yet");
  await screenshot(page, "19-static-shell");
  release();
  await waitForApp(page);
  assert.equal(await page.locator(".shell-loading").count(), 0, "the app replaced the shell");
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts.filter((v) => v > 0), [], "layout shifts while the app took over");
  await context.close();
});

test("an embed loads neither CodeMirror nor, unless it shows a simulation, the worker", async () => {
  const backup = fs.readFileSync(path.join(distDir, "examples", "backup-cronjob.yaml"), "utf8");
  for (const [view, ready, worker] of [
    ["timeline", "svg[data-testid=timeline-chart]", false],
    ["schedule", "[data-testid=embed] [data-testid=summary]", false],
    ["concurrency", "svg[data-testid=concurrency-chart]", true],
  ]) {
    const { context, page, record } = await openRecordedPage(env.browser);
    await page.goto(`${env.served.url}?embed=${view}${shareFragment(backup)}`);
    await page.waitForSelector(ready, { timeout: 30_000 });
    await page.waitForTimeout(1_500);
    const editor = record.requests.filter((url) => url.includes("/lazy/editor-"));
    assert.deepEqual(editor, [], `${view}: the editor bundle was loaded`);
    const workers = record.requests.filter((url) => url.includes("/jobscope-worker-"));
    assert.equal(workers.length > 0, worker, `${view}: worker requests ${workers}`);
    assert.deepEqual(record.pageErrors, [], `${view}: page errors`);
    await context.close();
  }
});

test("Stop ends a runaway simulation at once, and typing works while it runs", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  await page.goto(env.served.url);
  await waitForApp(page);
  await setEditorText(page, MINUTELY);
  // A year of a minutely CronJob: far longer than this test waits.
  await simulateFor(page, 24 * 366);
  await page.click("[data-testid=sim-run]");
  await page.waitForSelector("[data-testid=sim-stop]");
  // The main thread is free: the editor takes keys and shows the new text's analysis.
  const typed = await typeAtEnd(page, "# typed while simulating\n");
  assert.match(typed, /# typed while simulating/);
  assert.ok(await page.isVisible("[data-testid=sim-progress]"), "the simulation is still running");
  const stopped = Date.now();
  await page.click("[data-testid=sim-stop]");
  await page.waitForSelector("[data-testid=sim-progress]", { state: "detached", timeout: 2_000 });
  assert.ok(Date.now() - stopped < 2_000);
  assert.match(await page.textContent("[data-testid=status]"), /Simulation stopped/);
  // A new run starts a fresh worker and finishes.
  await simulateFor(page, 2);
  await page.click("[data-testid=sim-run]");
  await page.waitForSelector("[data-testid=sim-summary]", { timeout: 30_000 });
  assert.match(await page.textContent("[data-testid=sim-summary]"), /CronJob every-minute/);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("after a first visit the page works offline: it reloads, and typing is analysed", async () => {
  // A server of its own, stopped for good half way: the host is gone, not just emulated away
  // (Chromium's offline emulation also cuts the service worker off from its own cache).
  const host = await serveDist();
  const { context, page, record } = await openRecordedPage(env.browser);
  try {
    await page.goto(host.url);
    await waitForApp(page);
    // The service worker registers once the editor is ready, caches the build, and takes
    // control of the page.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
    await new Promise((resolve) => {
      host.server.closeAllConnections();
      host.server.close(resolve);
    });
    await page.reload();
    await waitForApp(page);
    const typed = await typeAtEnd(page, "\n# offline\n");
    assert.match(typed, /# offline/);
    // A tab the page computes and one the worker computes both work offline.
    await page.click("[data-testid=tab-concurrency]");
    await page.waitForSelector("[data-testid=concurrency-table]", { timeout: 30_000 });
    await screenshot(page, "19-offline");
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
    host.server.close();
  }
});

test("a month of a minutely CronJob runs and plays with no main-thread task over 50 ms", async () => {
  const { context, page } = await openRecordedPage(env.browser);
  await page.goto(env.served.url);
  await waitForApp(page);
  await setEditorText(page, MINUTELY);
  await simulateFor(page, 30 * 24);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: "longtask" });
  });
  await page.click("[data-testid=sim-run]");
  await page.waitForSelector("svg[data-testid=sim-gantt]", { timeout: 120_000 });
  await page.click("[data-testid=sim-play]");
  await page.waitForTimeout(3_000);
  await page.click("[data-testid=sim-step]");
  await page.fill("[data-testid=sim-time]", "2000000");
  await page.waitForTimeout(1_000);
  const tasks = await page.evaluate(() => window.__longTasks);
  assert.deepEqual(tasks, [], "main-thread tasks over 50 ms (ms)");
  await context.close();
});

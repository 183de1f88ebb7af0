// End-to-end tests of the visualizations, from the release build in headless Chromium: the
// timeline, concurrency and simulation tabs for every example, the Forbid diagram with long
// jobs, the player, the SVG / PNG / Mermaid downloads and the embed mode inside an iframe of a
// page from another origin. Screenshots under target/e2e-screenshots/.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import {
  axeViolations,
  openApp,
  useServedBrowser,
  openRecordedPage,
  screenshot,
  setEditorText,
  waitForApp,
  waitForDiagnostics,
} from "./harness.mjs";

const env = useServedBrowser();

/** Loads an example from the menu and waits until the editor holds exactly that file. */
async function loadExample(page, file) {
  const expected = fs.readFileSync(new URL(`../../public/examples/${file}`, import.meta.url), "utf8");
  await page.selectOption("[data-testid=examples]", file);
  await page.waitForFunction(
    (t) => document.querySelector("[data-testid=editor]").jobscopeEditor.getText() === t,
    expected,
  );
  await waitForDiagnostics(page);
}

/** The page with an example loaded and the tab of one diagram (`timeline`, `concurrency`) shown,
 * its chart drawn. */
async function openDiagram(example, tab) {
  const app = await openApp(env);
  await loadExample(app.page, example);
  await app.page.click(`[data-testid=tab-${tab}]`);
  const chart = app.page.locator(`[data-testid=${tab}-chart]`);
  await chart.waitFor();
  return { app, page: app.page, chart };
}

async function runSimulation(page) {
  await page.click("[data-testid=tab-simulation]");
  await page.click("[data-testid=sim-run]");
  await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 60_000 });
}


test("every view renders for every example without a console error", async () => {
  const app = await openApp(env);
  const { page } = app;
  const files = await page.locator("[data-testid=examples] option").evaluateAll((o) => o.map((x) => x.value));
  assert.ok(files.length >= 10, files.join());
  for (const file of files) {
    const example = { file };
    await loadExample(page, example.file);
    const kind = await page.textContent("[data-testid=doc-kind]");
    await page.click("[data-testid=tab-timeline]");
    await page.click("[data-testid=tab-concurrency]");
    if (kind === "CronJob") {
      await page.click("[data-testid=tab-timeline]");
      await page.locator("[data-testid=timeline-chart]").waitFor();
      assert.ok((await page.locator("[data-testid=timeline-lane]").count()) >= 1, example.file);
      await page.click("[data-testid=tab-concurrency]");
      await page.locator("[data-testid=concurrency-chart]").waitFor();
      assert.equal(await page.locator("[data-testid=concurrency-row]").count(), 3, example.file);
    } else {
      await page.click("[data-testid=tab-timeline]");
      await page.locator("[data-testid=timeline-empty]").waitFor();
    }
    await runSimulation(page);
    assert.match(await page.textContent("[data-testid=sim-summary]"), new RegExp(`^${kind} `), example.file);
    await screenshot(page, `30-simulation-${example.file.replace(/\.yaml$/, "")}`);
  }
  await app.close();
});

test("the timeline marks every CronJob on its lane, with a heat map for dense schedules", async () => {
  const { app, page } = await openDiagram("concurrency-policies.yaml", "timeline");
  assert.equal(await page.locator("[data-testid=timeline-lane]").count(), 3);
  assert.match(await page.textContent("[data-testid=timeline-collisions]"), /3 CronJobs · \d+ collisions?/);
  // The window suits the schedule: a day for these minutely CronJobs.
  assert.equal(await page.locator("[data-testid=timeline-span]").inputValue(), "day");
  // Sentences say what the chart shows; the dense lanes are hour cells with a legend.
  const sentences = await page.textContent("[data-testid=timeline-conclusions]");
  assert.match(sentences, /allow-concurrent runs 1440 times in this day\./);
  assert.match(sentences, /Several CronJobs start in the same minute 1440 times/);
  assert.match(await page.textContent("[data-testid=timeline-chart]"), /heat map: runs per hour, the darkest cell 60/);
  const cellTip = await page.locator("[data-testid=timeline-chart] rect[data-tip]").first().getAttribute("data-tip");
  assert.match(cellTip, /^allow-concurrent: 60 runs\nfrom .* 00:00 UTC\nto .* 01:00 UTC$/);
  await screenshot(page, "31-timeline-day");
  // A minutely schedule over a year: a heat map, not half a million marks.
  const text = (await page.evaluate(() => document.querySelector("[data-testid=editor]").jobscopeEditor.getText()))
    .replace(/schedule: "[^"]*"/, 'schedule: "* * * * *"');
  await setEditorText(page, text);
  await page.selectOption("[data-testid=timeline-span]", "year");
  await page.waitForFunction(() => /525,?600|525600/.test(document.querySelector("[data-testid=timeline-table]")?.textContent ?? ""));
  const marks = await page.locator("[data-testid=timeline-chart] line").count();
  assert.ok(marks < 2_000, `a heat map, not a mark per run (${marks} lines)`);
  await screenshot(page, "32-timeline-year-heatmap");
  await page.locator("[data-testid=timeline-chart]").screenshot({ path: "target/e2e-screenshots/32-timeline-chart.png" });
  // A weekly schedule opens on a month (once the user has not picked a window).
  const fresh = await openApp(env);
  await loadExample(fresh.page, "weekly-report.yaml");
  await fresh.page.click("[data-testid=tab-timeline]");
  await fresh.page.locator("[data-testid=timeline-chart]").waitFor();
  assert.equal(await fresh.page.locator("[data-testid=timeline-span]").inputValue(), "month");
  await fresh.close();
  await app.close();
});

test("the concurrency diagram shows Forbid skipping runs when jobs run long", async () => {
  const app = await openApp(env);
  const { page } = app;
  await loadExample(page, "concurrency-policies.yaml");
  await page.waitForFunction(() => document.querySelector("[data-testid=document-count]")?.textContent === "3 documents");
  await page.selectOption("[data-testid=document-picker]", "1");
  await page.waitForFunction(() => document.querySelector("[data-testid=doc-name]")?.textContent === "forbid-concurrent");
  await page.click("[data-testid=tab-concurrency]");
  await page.locator("[data-testid=concurrency-chart]").waitFor();
  // Jobs 3.5 periods long.
  const slider = page.locator("[data-testid=concurrency-duration]");
  await slider.focus();
  await slider.fill("350");
  await page.waitForFunction(() => /350%/.test(document.querySelector("[data-testid=concurrency-duration-text]").textContent));
  const row = (policy) => page.locator(`[data-testid=concurrency-row][data-policy=${policy}]`);
  assert.match(await row("Forbid").locator("th").textContent(), /in the manifest/);
  assert.ok(Number(await row("Forbid").locator("[data-testid=skipped]").textContent()) > 0, "Forbid skips");
  assert.equal(await row("Forbid").locator("[data-testid=max-concurrent]").textContent(), "1");
  assert.ok(Number(await row("Allow").locator("[data-testid=max-concurrent]").textContent()) >= 3, "Allow piles up");
  assert.ok(Number(await row("Replace").locator("[data-testid=replaced]").textContent()) > 0, "Replace replaces");
  assert.ok((await page.locator("[data-testid=concurrency-chart] text", { hasText: "×" }).count()) > 0);
  // The conclusion in words, from the same data.
  assert.match(
    await page.textContent("[data-testid=concurrency-conclusions]"),
    /Forbid \(the manifest's policy\) skips \d+ of \d+ runs because each Job takes 3 min, longer than the 60 s between runs\./,
  );
  await screenshot(page, "33-concurrency-forbid-long-jobs");
  await page.locator("[data-testid=concurrency-chart]").screenshot({ path: "target/e2e-screenshots/33-concurrency-chart.png" });
  // The slider works with the keyboard.
  const before = await page.textContent("[data-testid=concurrency-duration-text]");
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((b) => document.querySelector("[data-testid=concurrency-duration-text]").textContent !== b, before);
  await app.close();
});

test("every mark's tip shows on hover and from the keyboard; Escape closes it", async () => {
  const { app, page, chart } = await openDiagram("concurrency-policies.yaml", "concurrency");
  const tip = page.locator("[data-testid=scene-tip]");
  const tips = await chart.evaluate((svg) => [...svg.querySelectorAll("[data-tip]")].map((e) => e.getAttribute("data-tip")));
  assert.ok(tips.length > 3, `the diagram has marks with tips (${tips.length})`);

  // Keyboard: the frame takes focus; the arrows step through the marks in drawing order.
  await chart.evaluate((svg) => svg.parentElement.focus());
  await page.keyboard.press("ArrowRight");
  await tip.waitFor();
  assert.equal(await tip.textContent(), tips[0]);
  assert.equal(await page.textContent("[data-testid=scene-announced]"), `${tips[0]} (1 of ${tips.length})`);
  const ring = chart.locator(".tip-ring");
  assert.equal(await ring.getAttribute("visibility"), null, "the chosen mark is ringed");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((t) => document.querySelector("[data-testid=scene-tip]:not([hidden])")?.textContent === t, tips[1]);
  await page.keyboard.press("End");
  await page.waitForFunction((t) => document.querySelector("[data-testid=scene-tip]:not([hidden])")?.textContent === t, tips.at(-1));
  // The tip stays inside the window and is not clipped by the frame.
  const box = await tip.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, JSON.stringify(box));
  await screenshot(page, "63-diagram-tip-keyboard");
  assert.deepEqual(await axeViolations(page), []);
  // The same in the dark theme: the tip stays open, and axe finds nothing there either.
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "63-diagram-tip-keyboard-dark");
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ colorScheme: "light" });
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });
  assert.equal(await ring.getAttribute("visibility"), "hidden");
  assert.equal(await page.textContent("[data-testid=scene-announced]"), "");

  // Pointer: hovering a mark shows its tip by the pointer; leaving the diagram hides it.
  const mark = await chart.locator("rect[data-tip]").last().boundingBox();
  const [x, y] = [mark.x + mark.width / 2, mark.y + mark.height / 2];
  await page.mouse.move(x, y);
  await tip.waitFor();
  const hovered = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute("data-tip"), [x, y]);
  assert.ok(hovered, "a mark with a tip is under the pointer");
  assert.equal(await tip.textContent(), hovered);
  await page.mouse.move(2, 2);
  await tip.waitFor({ state: "hidden" });
  await app.close();
});

test("the player runs, steps and scrubs; the Gantt chart follows", async () => {
  const app = await openApp(env);
  const { page } = app;
  await loadExample(page, "indexed-work-queue.yaml");
  await page.click("[data-testid=tab-simulation]");
  await page.fill("[data-testid=pod-failing-indexes]", "2");
  await page.click("[data-testid=sim-run]");
  await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 60_000 });
  const bars = () => page.locator("[data-testid=sim-gantt] rect").count();
  const clock = () => page.textContent("[data-testid=sim-clock]");
  const at0 = await bars();
  const start = await clock();
  await screenshot(page, "34-player-start");
  for (let i = 0; i < 3; i += 1) await page.click("[data-testid=sim-step]");
  assert.notEqual(await clock(), start);
  const stepped = await bars();
  assert.ok(stepped > at0, `pods appear as time moves (${at0} → ${stepped})`);
  // The scrubber, by keyboard: End jumps to the end of the run.
  await page.focus("[data-testid=sim-time]");
  await page.keyboard.press("End");
  await page.waitForFunction((s) => document.querySelectorAll("[data-testid=sim-gantt] rect").length > s, stepped);
  // Frames come from the worker one at a time: the last one, at the end, says how it ended.
  await page.waitForFunction(() => /Failed|Complete/.test(document.querySelector("[data-testid=sim-conditions]")?.textContent ?? ""));
  assert.ok((await page.locator("[data-testid=sim-event]").count()) > 0);
  assert.ok((await page.locator("[data-testid=sim-gantt] .p-failed").count()) > 0, "index 2 fails");
  assert.ok((await page.locator("[data-testid=sim-alert]", { hasText: "KubernetesJobFailed" }).count()) > 0);
  // The sentence above the chart says how the Job ended and why.
  assert.match(await page.textContent("[data-testid=sim-conclusions]"), /failed .* after it was created: \w+ \(/);
  // A failed pod's bar ends in ink (the shape that does not rely on colour), and its tip
  // says what happened to it.
  const failedBar = page.locator("[data-testid=sim-gantt] rect.p-failed[data-tip]").first();
  assert.match(await failedBar.getAttribute("data-tip"), /\nFailed \(exit code \d+\)\ncreated \d\d:\d\d:\d\d UTC,\nstarted \d\d:\d\d:\d\d UTC after .*,\nfinished \d\d:\d\d:\d\d UTC after /);
  assert.ok((await page.locator("[data-testid=sim-gantt] rect.p-ink").count()) > 0, "failed bars end in ink");
  await screenshot(page, "35-player-end");
  await page.locator("[data-testid=sim-gantt]").screenshot({ path: "target/e2e-screenshots/35-player-gantt.png" });
  await page.locator("[data-testid=sim-chart] >> nth=2").screenshot({ path: "target/e2e-screenshots/35-player-failed-chart.png" });
  // Zoom around the time shown (the end): the chart's title names the stretch it shows.
  const ganttTitle = () => page.getAttribute("[data-testid=sim-gantt]", "aria-label");
  const whole = await ganttTitle();
  const zoomed = / from \w{3} \d+ \w{3} \d{4} \d\d:\d\d(:\d\d)? UTC to .* \d\d:\d\d(:\d\d)? UTC$/;
  // The whole run's axis marks its minutes; zoomed in, it marks finer steps.
  const axisLabels = () => page.locator("[data-testid=sim-gantt] text").evaluateAll((texts) => texts.map((t) => t.textContent).filter((t) => /^\d\d:\d\d(:\d\d)?$/.test(t)));
  assert.ok((await axisLabels()).length >= 2, "the Gantt chart has a time axis");
  await page.click("[data-testid=sim-zoom-in]");
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector("[data-testid=sim-gantt]").getAttribute("aria-label")), zoomed.source);
  assert.ok((await axisLabels()).length >= 2, "the zoomed Gantt chart keeps a time axis");
  const atEnd = await ganttTitle();
  await page.click("[data-testid=sim-earlier]");
  await page.waitForFunction((t) => document.querySelector("[data-testid=sim-gantt]").getAttribute("aria-label") !== t, atEnd);
  assert.match(await ganttTitle(), zoomed);
  await screenshot(page, "67-player-zoomed");
  // The time moving out of the view takes the view along.
  const earlier = await ganttTitle();
  await page.focus("[data-testid=sim-time]");
  await page.keyboard.press("Home");
  await page.waitForFunction((t) => document.querySelector("[data-testid=sim-gantt]").getAttribute("aria-label") !== t, earlier);
  assert.match(await ganttTitle(), zoomed);
  await page.click("[data-testid=sim-whole]");
  await page.waitForFunction((t) => document.querySelector("[data-testid=sim-gantt]").getAttribute("aria-label") === t, whole);
  // Play from the start moves the clock by itself.
  await page.focus("[data-testid=sim-time]");
  await page.keyboard.press("Home");
  const home = await clock();
  await page.click("[data-testid=sim-play]");
  await page.waitForFunction((h) => document.querySelector("[data-testid=sim-clock]").textContent !== h, home);
  await page.click("[data-testid=sim-play]");
  assert.equal(await page.getAttribute("[data-testid=sim-play]", "aria-pressed"), "false");
  await app.close();
});

test("a long simulation runs in chunks with progress and the page stays responsive", async () => {
  const app = await openApp(env);
  const { page } = app;
  await loadExample(page, "concurrency-policies.yaml");
  await page.click("[data-testid=tab-simulation]");
  // A minutely CronJob over 30 days: 43,200 Jobs.
  await page.fill("[data-testid=sim-hours]", "720");
  await page.fill("[data-testid=pod-failing-attempts]", "0");
  await page.click("[data-testid=sim-run]");
  await page.locator("[data-testid=sim-progress]").waitFor({ timeout: 10_000 });
  // While it runs, the page answers: a frame is painted and the editor still reads its text.
  const frame = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  assert.ok(frame);
  // The first day shows while the rest is simulated, its playback controls off until then.
  await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 120_000 });
  await page.locator("[data-testid=sim-preview]").waitFor({ timeout: 1_000 });
  assert.ok(await page.isVisible("[data-testid=sim-progress]"), "the run goes on behind the preview");
  assert.ok(await page.isDisabled("[data-testid=sim-play]"));
  await page.locator("[data-testid=sim-progress]").waitFor({ state: "detached", timeout: 120_000 });
  assert.equal(await page.locator("[data-testid=sim-preview]").count(), 0);
  assert.ok(await page.isEnabled("[data-testid=sim-play]"));
  assert.match(await page.textContent("[data-testid=sim-gantt]"), /more pods not drawn/);
  await screenshot(page, "38-long-simulation");
  await app.close();
});

/** Saves the download a click starts; returns its bytes and suggested name. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

test("diagrams download as valid SVG, PNG and Mermaid files", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.click("[data-testid=tab-timeline]");
  await page.locator("[data-testid=timeline-chart]").waitFor();
  const svg = await download(page, "[data-testid=timeline-export-svg]");
  // The default example runs daily: the timeline opens on a week.
  assert.equal(svg.name, "timeline-week.svg");
  const svgText = svg.bytes.toString("utf8");
  assert.ok(svgText.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  // The browser's XML parser accepts it.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { error: doc.querySelector("parsererror")?.textContent ?? null, root: doc.documentElement.nodeName };
  }, svgText);
  assert.deepEqual(parsed, { error: null, root: "svg" });
  assert.match(svgText, /database-backup/);

  const png = await download(page, "[data-testid=timeline-export-png]");
  assert.equal(png.name, "timeline-week.png");
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.bytes.toString("latin1", 12, 16), "IHDR");
  // Twice the diagram's width: the scene laid out at the pane's width.
  const drawnWidth = Number(await page.getAttribute("[data-testid=timeline-chart]", "width"));
  assert.ok(drawnWidth >= 480, `laid out at ${drawnWidth} px`);
  assert.equal(png.bytes.readUInt32BE(16), 2 * drawnWidth, "twice the diagram's width");
  assert.ok(png.bytes.length > 5_000, `a real picture (${png.bytes.length} bytes)`);

  const mermaid = await download(page, "[data-testid=timeline-export-mermaid]");
  assert.match(mermaid.bytes.toString("utf8"), /^gantt\b|^timeline\b/m);

  await page.click("[data-testid=tab-concurrency]");
  await page.locator("[data-testid=concurrency-chart]").waitFor();
  const csvg = await download(page, "[data-testid=concurrency-export-svg]");
  assert.match(csvg.bytes.toString("utf8"), /Forbid \(manifest\)/);
  const cpng = await download(page, "[data-testid=concurrency-export-png]");
  assert.equal(cpng.bytes.toString("latin1", 1, 4), "PNG");

  await runSimulation(page);
  const gantt = await download(page, "[data-testid=sim-export-svg]");
  assert.match(gantt.name, /^simulation-database-backup\.svg$/);
  await app.close();
});

test("an embed URL shows one view inside an iframe of a page from another origin", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.click("[data-testid=tab-concurrency]");
  await page.click("[data-testid=concurrency-embed]");
  const snippet = await page.locator("[data-testid=concurrency-embed-snippet]").inputValue();
  assert.match(snippet, /^<iframe src="[^"]*\?embed=concurrency&amp;k8s=v1\.37#s1\.[A-Za-z0-9_-]+" title="jobscope concurrency of database-backup"/);
  await page.click("[data-testid=tab-timeline]");
  await page.click("[data-testid=timeline-embed]");
  const timelineSnippet = await page.locator("[data-testid=timeline-embed-snippet]").inputValue();
  await app.close();

  // A docs page on another loopback port embeds both snippets, as they were copied.
  const host = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Internal docs</title><h1>Our backup job</h1>${snippet}${timelineSnippet}`);
  });
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  const docs = await openRecordedPage(env.browser);
  await docs.page.goto(`http://127.0.0.1:${host.address().port}/`);
  const concurrency = docs.page.frameLocator("iframe >> nth=0");
  await concurrency.locator("[data-testid=embed][data-view=concurrency]").waitFor({ timeout: 30_000 });
  await concurrency.locator("[data-testid=concurrency-chart]").waitFor({ timeout: 30_000 });
  assert.equal(await concurrency.locator("[data-testid=editor]").count(), 0, "no editor in the embed");
  assert.equal(await concurrency.locator("[data-testid=tab-problems]").count(), 0, "no tabs in the embed");
  assert.equal(await concurrency.locator("[data-testid=concurrency-embed]").count(), 0, "no snippet button");
  const timeline = docs.page.frameLocator("iframe >> nth=1");
  await timeline.locator("[data-testid=timeline-chart]").waitFor({ timeout: 30_000 });
  await screenshot(docs.page, "36-embed-in-docs");
  assert.deepEqual(docs.record.pageErrors, []);
  assert.deepEqual(docs.record.consoleErrors, []);
  // The embed never writes the visitor's autosave.
  const frame = docs.page.frames().find((f) => f.url().includes("embed=concurrency"));
  assert.equal(await frame.evaluate(() => localStorage.length), 0);
  await docs.context.close();
  host.close();
});

test("the example embed page under public/ shows two views", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  await page.goto(env.served.url + "embed-example.html");
  const frames = page.locator("iframe");
  assert.equal(await frames.count(), 2);
  await page.frameLocator("iframe >> nth=0").locator("[data-testid=timeline-chart]").waitFor({ timeout: 30_000 });
  await page.frameLocator("iframe >> nth=1").locator("[data-testid=concurrency-chart]").waitFor({ timeout: 30_000 });
  await screenshot(page, "37-embed-example-page");
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

/**
 * The smallest text of the diagrams on screen, in CSS pixels as drawn (the font size times the
 * SVG's scale), and how far any diagram or table sticks out of the results pane.
 */
async function legibility(page) {
  return page.evaluate(() => {
    const pane = document.querySelector("#panels").getBoundingClientRect();
    let smallest = Infinity;
    for (const text of document.querySelectorAll("svg.scene text")) {
      if (!text.getClientRects().length) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    let overflow = 0;
    for (const element of document.querySelectorAll("#panels svg.scene, #panels table, #panels .diagram")) {
      if (!element.getClientRects().length) continue;
      // A diagram's frame scrolls what it holds; only what shows counts.
      const frame = element.closest(".diagram, .table-scroll");
      const box = (frame && frame !== element ? frame : element).getBoundingClientRect();
      overflow = Math.max(overflow, box.right - pane.right);
    }
    // A scrolling region that has to scroll: something is cut off at this width.
    for (const region of document.querySelectorAll("#panels .table-scroll")) {
      if (!region.getClientRects().length) continue;
      overflow = Math.max(overflow, region.scrollWidth - region.clientWidth);
    }
    return { smallest, overflow };
  });
}

test("at 1280 px every diagram fills its pane with text of 12 px or more, and nothing sticks out", async () => {
  const { app, page } = await openDiagram("concurrency-policies.yaml", "timeline");
  let seen = await legibility(page);
  assert.ok(seen.smallest >= 12, `timeline text ${seen.smallest} px`);
  assert.ok(seen.overflow <= 1, `timeline sticks out ${seen.overflow} px`);
  // Drawn at its frame's width, not a thumbnail: within a few pixels of the room there.
  const fill = () =>
    page.evaluate(() => {
      const svg = document.querySelector("[data-testid=timeline-chart]");
      const frame = svg.parentElement;
      const style = getComputedStyle(frame);
      const room = frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { drawn: svg.getBoundingClientRect().width, room };
    });
  let { drawn, room } = await fill();
  assert.ok(Math.abs(drawn - room) <= 2, `timeline ${drawn} px in ${room} px`);
  await page.click("[data-testid=tab-concurrency]");
  await page.locator("[data-testid=concurrency-chart]").waitFor();
  seen = await legibility(page);
  assert.ok(seen.smallest >= 12, `concurrency text ${seen.smallest} px`);
  assert.ok(seen.overflow <= 1, `concurrency diagram or table sticks out ${seen.overflow} px`);
  await runSimulation(page);
  seen = await legibility(page);
  assert.ok(seen.smallest >= 12, `simulation text ${seen.smallest} px`);
  assert.ok(seen.overflow <= 1, `simulation sticks out ${seen.overflow} px`);
  await screenshot(page, "61-simulation-full-width");
  // A wider window re-lays the diagrams out at the new width (a pane narrower than 480 px
  // scrolls a 480 px diagram instead).
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.click("[data-testid=tab-timeline]");
  await page.waitForFunction(() => {
    const svg = document.querySelector("[data-testid=timeline-chart]");
    const frame = svg?.parentElement;
    if (!frame) return false;
    const style = getComputedStyle(frame);
    const room = frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return room > 600 && Math.abs(svg.getBoundingClientRect().width - room) <= 2;
  });
  ({ drawn, room } = await fill());
  assert.ok(Math.abs(drawn - room) <= 2, `after resizing: timeline ${drawn} px in ${room} px`);
  await screenshot(page, "62-timeline-after-resize");
  await app.close();
});

test("the editor/panels split moves with the keys and the pointer, is remembered, and the wide view gives the diagrams the whole window", async () => {
  const { app, page, chart } = await openDiagram("concurrency-policies.yaml", "timeline");
  const splitter = page.locator("[data-testid=splitter]");
  const editor = page.locator("#editor-pane");
  const valueNow = async () => Number(await splitter.getAttribute("aria-valuenow"));
  // The chart fills its frame again after each move: the frame's room and the drawing's width.
  const filled = () =>
    page.waitForFunction(() => {
      const svg = document.querySelector("[data-testid=timeline-chart]");
      const frame = svg?.parentElement;
      if (!frame) return false;
      const style = getComputedStyle(frame);
      const room = frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return Math.abs(svg.getBoundingClientRect().width - room) <= 2 ? room : false;
    }).then((handle) => handle.jsonValue());
  const startValue = await valueNow();
  assert.equal(startValue, 55);
  const startEditor = (await editor.boundingBox()).width;
  const startRoom = await filled();

  // Keyboard: Shift+ArrowLeft moves 10 points, ArrowLeft 2; the chart grows with its pane.
  await splitter.focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await valueNow(), 43);
  assert.equal(await splitter.getAttribute("aria-valuetext"), "Editor 43% of the width");
  assert.ok((await editor.boundingBox()).width < startEditor - 100, "the editor is narrower");
  const widerRoom = await filled();
  assert.ok(widerRoom > startRoom + 100, `the timeline re-laid out wider: ${startRoom} → ${widerRoom} px`);
  await page.keyboard.press("Home");
  assert.equal(await valueNow(), 20);
  await page.keyboard.press("End");
  assert.equal(await valueNow(), 70);
  await screenshot(page, "64-split-keyboard");

  // Pointer: drag the separator to 40% of the workspace (panels narrower than 480 px would
  // scroll a 480 px diagram instead of filling).
  const box = await splitter.boundingBox();
  const work = await page.evaluate(() => {
    const pane = document.querySelector("#editor-pane").getBoundingClientRect();
    const panels = document.querySelector("#panels").getBoundingClientRect();
    return { left: pane.left, right: panels.right };
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const target = work.left + 0.4 * (work.right - work.left);
  await page.mouse.move(target - 50, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(target, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const dragged = await valueNow();
  assert.ok(Math.abs(dragged - 40) <= 2, `dragged to ${dragged}%`);
  await filled();

  // Remembered across a reload.
  await page.reload();
  await waitForApp(page);
  assert.equal(await valueNow(), dragged);

  // The wide view: the editor goes, the panels take the window; Enter on the separator (or the
  // button again) brings the editor back at its width.
  await page.click("[data-testid=tab-timeline]");
  await chart.waitFor();
  const before = await filled();
  await page.click("[data-testid=wide-view]");
  assert.equal(await page.getAttribute("[data-testid=wide-view]", "aria-pressed"), "true");
  await editor.waitFor({ state: "hidden" });
  assert.equal(await valueNow(), 0);
  const wide = await filled();
  assert.ok(wide > before + 200 && wide > 1000, `wide view: ${before} → ${wide} px at 1280 px`);
  await screenshot(page, "65-wide-view");
  assert.deepEqual(await axeViolations(page), []);
  await splitter.focus();
  await page.keyboard.press("Enter");
  await editor.waitFor();
  assert.equal(await valueNow(), dragged);
  assert.equal(await page.getAttribute("[data-testid=wide-view]", "aria-pressed"), "false");
  // The editor works again after being hidden.
  await setEditorText(page, "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: back\n");
  await waitForDiagnostics(page);
  await app.close();
});

test("the timeline zooms and pans: buttons, keys and Ctrl+wheel change the time shown, and the ticks follow", async () => {
  const { app, page, chart } = await openDiagram("concurrency-policies.yaml", "timeline");
  const title = () => chart.getAttribute("aria-label");
  const ticks = () =>
    chart.evaluate((svg) => [...svg.querySelectorAll("text")].map((t) => t.textContent).filter((t) => /^\d\d:\d\d$/.test(t)));
  assert.equal(await title(), "Schedule timeline (day)");
  // Labels every 3 hours (a narrow chart leaves some out rather than overlap them).
  let labels = await ticks();
  assert.equal(labels[0], "03:00");
  assert.ok(labels.every((l) => Number(l.slice(0, 2)) % 3 === 0 && l.endsWith(":00")), labels.join(" "));
  assert.ok(await page.isDisabled("[data-testid=timeline-zoom-out]"));
  // A disabled button looks inactive: no pointer, muted text.
  assert.equal(await page.$eval("[data-testid=timeline-zoom-out]", (b) => getComputedStyle(b).cursor), "not-allowed");

  // Zoom in three times around the middle: 3 hours, ticks every quarter hour, the runs as
  // minute cells or marks.
  for (let i = 0; i < 3; i += 1) await page.click("[data-testid=timeline-zoom-in]");
  await page.waitForFunction(() => /zoomed to .* 10:30 UTC – .* 13:30 UTC/.test(document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label")));
  labels = await ticks();
  assert.equal(labels[0], "10:45");
  assert.ok(labels.every((l) => Number(l.slice(3)) % 15 === 0), labels.join(" "));
  assert.match(await page.textContent("[data-testid=timeline-conclusions]"), /allow-concurrent runs 180 times in this view/);
  await screenshot(page, "66-timeline-zoomed");
  await chart.screenshot({ path: "target/e2e-screenshots/66-timeline-zoomed-chart.png" });

  // Later moves by a quarter of the view; the keyboard does the same on the focused chart.
  await page.click("[data-testid=timeline-later]");
  await page.waitForFunction(() => /11:15 UTC – .* 14:15 UTC/.test(document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label")));
  await chart.evaluate((svg) => svg.parentElement.focus());
  await page.keyboard.press("Shift+ArrowLeft");
  await page.waitForFunction(() => /10:30 UTC – .* 13:30 UTC/.test(document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label")));
  await page.keyboard.press("+");
  await page.waitForFunction(() => /11:15 UTC – .* 12:45 UTC/.test(document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label")));
  await page.keyboard.press("0");
  await page.waitForFunction(() => document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label") === "Schedule timeline (day)");

  // Ctrl+wheel zooms around the pointer: near the left edge of the plot, the view starts there.
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + 190, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -120);
  await page.keyboard.up("Control");
  await page.waitForFunction(() => /zoomed to .* 00:\d\d UTC – .* 12:\d\d UTC/.test(document.querySelector("[data-testid=timeline-chart]").getAttribute("aria-label")));
  assert.deepEqual(await axeViolations(page), []);
  await app.close();
});

test("each diagram in the wide view, light and dark, with a tip open: screenshots, and axe finds nothing", async () => {
  const { app, page } = await openDiagram("concurrency-policies.yaml", "timeline");
  await page.click("[data-testid=wide-view]");
  await page.locator("#editor-pane").waitFor({ state: "hidden" });
  const tip = page.locator("[data-testid=scene-tip]");
  const diagrams = [
    ["timeline", "timeline-chart"],
    ["concurrency", "concurrency-chart"],
    ["simulation", "sim-gantt"],
  ];
  for (const [tab, chart] of diagrams) {
    await page.click(`[data-testid=tab-${tab}]`);
    const svg = page.locator(`[data-testid=${chart}]`);
    if (tab === "simulation") {
      // Run, then show its first hour: the pods appear as time moves (a CronJob's pods share
      // slot rows, one after another).
      await page.click("[data-testid=sim-run]");
      await svg.waitFor({ timeout: 60_000 });
      await page.fill("[data-testid=sim-time]", "3600");
      await page.waitForFunction((id) => document.querySelectorAll(`[data-testid=${id}] rect`).length > 10, chart);
    }
    await svg.waitFor({ timeout: 60_000 });
    // Laid out at the wide frame's width (a tab shown the first time measures its frame and
    // draws again, which closes a tip).
    await page.waitForFunction((id) => {
      const svg = document.querySelector(`[data-testid=${id}]`);
      const frame = svg?.parentElement;
      if (!frame) return false;
      const style = getComputedStyle(frame);
      const room = frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return room > 1000 && Math.abs(svg.getBoundingClientRect().width - room) <= 2;
    }, chart);
    // The keyboard's first, then second mark: a tip open (the pointer out of the way, so no
    // hover takes over).
    await page.mouse.move(1, 1);
    await svg.scrollIntoViewIfNeeded();
    await svg.evaluate((s) => s.parentElement.focus());
    // A day of three minutely CronJobs' pods are slivers too narrow to point at: zoom in
    // (the chart's + key) until they have room.
    // (Row and lane labels carry tips of their own; the marks are what needs room.)
    const markTips = () => svg.locator("rect[data-tip], path[data-tip], line[data-tip]").count();
    for (let i = 0; i < 8 && (await markTips()) < 2; i += 1) {
      const before = await svg.getAttribute("aria-label");
      await page.keyboard.press("+");
      await page.waitForFunction(([id, t]) => document.querySelector(`[data-testid=${id}]`).getAttribute("aria-label") !== t, [chart, before]);
    }
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await tip.waitFor();
    assert.ok((await tip.textContent()).length > 0);
    if (tab === "simulation") {
      // The rows' labels come first; End reaches the last pod drawn, whose tip says its times.
      await page.keyboard.press("End");
      await page.waitForFunction(() => /\ncreated \d\d:\d\d:\d\d UTC/.test(document.querySelector("[data-testid=scene-tip]").textContent));
    }
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `68-wide-${tab}-${scheme}`);
      assert.deepEqual(await axeViolations(page), [], `${tab}, ${scheme}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.keyboard.press("Escape");
    await tip.waitFor({ state: "hidden" });
  }
  await app.close();
});

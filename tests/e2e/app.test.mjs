// End-to-end: the release build in headless Chromium loads cleanly and follows the editor.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  axeViolations,
  useServedBrowser,
  editorText,
  openApp,
  openRecordedPage,
  screenshot,
  setEditorText,
  selectInEditor,
  waitForApp,
  waitForDiagnostics,
} from "./harness.mjs";

const env = useServedBrowser();

test("the page loads with no console error, no failed request and no other origin", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  await page.goto(env.served.url, { waitUntil: "networkidle" });
  await waitForApp(page);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.failedRequests, []);
  assert.deepEqual(record.badResponses, []);
  assert.ok(record.requests.length >= 4, `expected the page, its scripts and its wasm: ${record.requests}`);
  assert.ok(
    record.requests.some((url) => /\/lazy\/editor-[0-9a-f]{16}\.js$/.test(url)),
    `the editor bundle is loaded: ${record.requests}`,
  );
  const foreign = record.requests.filter((url) => !url.startsWith(env.served.origin + "/"));
  assert.deepEqual(foreign, [], "requests to another origin");
  await screenshot(page, "01-loaded-light");
  await context.close();
});

test("the default example is shown with its kind and name", async () => {
  const { context, page } = await openRecordedPage(env.browser);
  await page.goto(env.served.url);
  await waitForApp(page);
  assert.match(await editorText(page), /name: database-backup/);
  assert.equal(await page.textContent("[data-testid=doc-kind]"), "CronJob");
  assert.equal(await page.textContent("[data-testid=doc-name]"), "database-backup");
  await context.close();
});

test("typing a different kind updates the page", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  await page.goto(env.served.url);
  await waitForApp(page);
  const text = await editorText(page);
  const kindAt = text.indexOf("kind: CronJob") + "kind: ".length;
  // Select "CronJob" and type over it, the way a person would.
  await selectInEditor(page, kindAt, kindAt + "CronJob".length);
  await page.keyboard.type("Job");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=doc-kind]")?.textContent === "Job",
    null,
    { timeout: 5_000 },
  );
  await waitForDiagnostics(page);
  assert.equal(await page.textContent("[data-testid=doc-name]"), "database-backup");
  assert.deepEqual(record.pageErrors, []);
  await screenshot(page, "02-typed-kind");
  await context.close();
});

test("dark mode follows the system", async () => {
  const { context, page } = await openRecordedPage(env.browser, { colorScheme: "dark" });
  await page.goto(env.served.url);
  await waitForApp(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background expected, got ${background}`);
  await screenshot(page, "03-loaded-dark");
  await context.close();
});

test("axe finds no violation on the page or on any tab, light or dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page, record } = await openRecordedPage(env.browser, { colorScheme });
    await page.goto(env.served.url);
    await waitForApp(page);
    const found = [];
    const check = async (where) => {
      for (const violation of await axeViolations(page)) found.push(`${colorScheme} ${where}: ${violation}`);
    };
    await check("load");
    const tabs = await page.$$eval("[role=tab]", (all) => all.map((t) => t.getAttribute("data-testid")));
    assert.ok(tabs.length >= 6, `tabs: ${tabs}`);
    for (const tab of tabs) {
      await page.click(`[data-testid=${tab}]`);
      await page.waitForSelector(`[data-testid=${tab}][aria-selected=true]`);
      if (tab === "tab-simulation") {
        // The player's controls, charts and tables appear only after a run.
        await page.click("[data-testid=sim-run]");
        await page.waitForSelector("[data-testid=sim-play]:not([disabled])", { timeout: 30_000 });
      }
      await check(tab);
    }
    assert.deepEqual(found, []);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  }
});

test("the Kubernetes version picker changes the apiserver's answer, is remembered, and the versions table shows what differs", async () => {
  const app = await openApp(env);
  const { page } = app;
  const manifest = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: demo}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      hostnameOverride: worker-0\n      containers: [{name: main, image: busybox}]\n";
  await setEditorText(page, manifest);
  await waitForDiagnostics(page);
  const picker = page.locator("[data-testid=kubernetes-version]");
  // The newest version by default: it keeps the field, so nothing is reported about it.
  assert.equal(await picker.inputValue(), "v1.37");
  const unknown = page.locator("[data-testid=problem][data-code='apiserver.unknown-field']");
  const dropped = page.locator("[data-testid=problem][data-code='apiserver.dropped-field']");
  assert.equal(await unknown.count(), 0);
  assert.equal(await dropped.count(), 0);
  // v1.34: the gate is off, the field is dropped on create (a warning naming the version).
  await picker.selectOption("v1.34");
  await dropped.waitFor();
  assert.match(await dropped.textContent(), /HostnameOverride feature gate is off by default in Kubernetes v1\.34/);
  // Hover (and completion) answer for the chosen version too.
  const key = page.locator(".cm-line", { hasText: "hostnameOverride: worker-0" }).locator("span", { hasText: "hostnameOverride" });
  await key.first().hover();
  const hover = page.locator("[data-testid=hover]");
  await hover.waitFor({ timeout: 5_000 });
  assert.match(await hover.textContent(), /Kubernetes v1\.34: the HostnameOverride feature gate is alpha, off by default, so the apiserver drops spec\.hostnameOverride/);
  await page.mouse.move(0, 0);
  // v1.32: the field is not in the API at all.
  await picker.selectOption("v1.32");
  await unknown.waitFor();
  assert.equal(await dropped.count(), 0);
  // Remembered across a reload.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("[data-testid=kubernetes-version]").inputValue(), "v1.32");
  await page.locator("[data-testid=problem][data-code='apiserver.unknown-field']").waitFor();
  // The versions table: unknown (v1.32–v1.33), dropped (v1.34), nothing (v1.35–v1.37).
  // The simulated outcome is a row too: v1.32 and v1.33 refuse the Job, the others run it.
  await page.click("[data-testid=version-differences] summary");
  const rows = page.locator("[data-testid=version-difference]");
  await page.locator("[data-testid=version-differences] .said.outcome").first().waitFor({ timeout: 30_000 });
  assert.equal(await rows.count(), 5);
  const text = await page.textContent("[data-testid=version-differences] table");
  assert.match(text, /v1\.32–v1\.33.*unknown field/s);
  assert.match(text, /v1\.34.*dropped on create/s);
  assert.match(text, /v1\.35–v1\.37\s*Nothing to report/);
  assert.match(text, /simulated outcome\s*v1\.32–v1\.33\s*Outcome not simulated: Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field/);
  assert.match(text, /v1\.34–v1\.37\s*Outcome Job demo: Complete \(CompletionsReached\)/);
  assert.match(await page.textContent("[data-testid=outcome-note]"), /differs between versions \(simulated with the Simulation tab's default settings\)/);
  assert.deepEqual(await axeViolations(page, "[data-testid=version-differences]"), []);
  await screenshot(page, "60-version-differences");
  await app.close();
});

test("the versions table simulates every version with the Simulation tab's settings: a Job resumed after its deadline fails up to v1.35 and completes from v1.36", async () => {
  const app = await openApp(env);
  const { page } = app;
  const manifest = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: demo}\nspec:\n  activeDeadlineSeconds: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: main, image: busybox}]\n";
  await setEditorText(page, manifest);
  await waitForDiagnostics(page);
  // Pods of five minutes that succeed; suspended a minute in, resumed after the deadline.
  await page.click("[data-testid=tab-simulation]");
  for (const [field, value] of [["pod-run-min", 300], ["pod-run-max", 300], ["pod-failing-attempts", 0], ["sim-suspend-at", 60], ["sim-resume-at", 900]]) {
    await page.fill(`[data-testid=${field}]`, String(value));
    await page.dispatchEvent(`[data-testid=${field}]`, "change");
  }
  await page.click("[data-testid=sim-run]");
  await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 60_000 });
  await page.click("[data-testid=version-differences] summary");
  const outcome = page.locator("[data-testid=version-differences] .said.outcome");
  await outcome.first().waitFor({ timeout: 30_000 });
  const text = await page.textContent("[data-testid=version-differences] table");
  assert.match(text, /v1\.32–v1\.35\s*Outcome Job demo: Failed \(DeadlineExceeded\) 15m0s after the start/);
  assert.match(text, /v1\.36–v1\.37\s*Outcome Job demo: Complete \(CompletionsReached\)/);
  assert.match(await page.textContent("[data-testid=outcome-note]"), /simulated with the Simulation tab's last settings/);
  assert.deepEqual(await axeViolations(page, "[data-testid=version-differences]"), []);
  await app.close();
});

test("in an older version, keys below a dropped field say so on hover, and a stop signal is reported as dropped", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.locator("[data-testid=kubernetes-version]").selectOption("v1.33");
  const manifest = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: demo}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      resources:\n        limits: {cpu: '1'}\n      containers:\n      - name: main\n        image: busybox\n        lifecycle: {stopSignal: SIGUSR1}\n";
  await setEditorText(page, manifest);
  await waitForDiagnostics(page);
  const dropped = page.locator("[data-testid=problem][data-code='apiserver.dropped-field']");
  await dropped.first().waitFor();
  const texts = (await dropped.allTextContents()).join("\n");
  assert.match(texts, /lifecycle\.stopSignal: dropped on create: the ContainerStopSignals feature gate is off by default in Kubernetes v1\.33/);
  assert.match(texts, /spec\.template\.spec\.resources: dropped on create: the PodLevelResources feature gate/);
  // `limits` belongs to the pod-level resources v1.33 drops: its hover says so.
  const key = page.locator(".cm-line", { hasText: "limits: {cpu" }).locator("span", { hasText: "limits" });
  await key.first().hover();
  const hover = page.locator("[data-testid=hover]");
  await hover.waitFor({ timeout: 5_000 });
  assert.match(await hover.textContent(), /Kubernetes v1\.33: the PodLevelResources feature gate is alpha, off by default/);
  await app.close();
});

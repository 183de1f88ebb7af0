// End-to-end tests of the editor page, from the release build in headless Chromium: live
// diagnostics, completion, hover, quick fixes, examples, autosave, share links, the panels and
// keyboard-only use. Each state is kept as a screenshot under target/e2e-screenshots/.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  openApp,
  useServedBrowser,
  editorCursor,
  editorText,
  openRecordedPage,
  screenshot,
  selectInEditor,
  setEditorText,
  typeAtEnd,
  waitForApp,
  waitForDiagnostics,
} from "./harness.mjs";

const env = useServedBrowser();

/** The 1-based line of a UTF-16 offset. */
function lineOf(text, offset) {
  return text.slice(0, offset).split("\n").length;
}

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: quote-me
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          env:
            - name: DEBUG
              value: yes
`;

test("a broken field is underlined and listed in Problems at its line", async () => {
  const app = await openApp(env);
  const { page } = app;
  const text = await editorText(page);
  const at = text.indexOf("concurrencyPolicy: Forbid") + "concurrencyPolicy: ".length;
  await selectInEditor(page, at, at + "Forbid".length);
  await page.keyboard.type("Sometimes");
  await waitForDiagnostics(page);
  const underline = page.locator(".cm-lintRange-error");
  await underline.first().waitFor();
  assert.equal(await underline.first().textContent(), "Sometimes");
  const line = lineOf(text, at);
  const problem = page.locator(`[data-testid=problem][data-line="${line}"]`, { hasText: "Unsupported value" });
  await problem.waitFor();
  assert.match(await problem.textContent(), /spec\.concurrencyPolicy/);
  assert.match(await page.textContent("[data-testid=tab-problems]"), /1/);
  await screenshot(page, "10-broken-field");
  // Activating the entry puts the cursor on the value.
  await selectInEditor(page, 0);
  await problem.locator("[data-testid=problem-go]").click();
  assert.equal(await editorCursor(page), at + "Sometimes".length);
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")));
  await app.close();
});

test("a completion is offered where the cursor is, and accepted", async () => {
  const app = await openApp(env);
  const { page } = app;
  const text = await editorText(page);
  const at = text.indexOf("activeDeadlineSeconds: 7200") + "activeDeadlineSeconds: 7200".length;
  await selectInEditor(page, at);
  await page.keyboard.press("Enter");
  await page.keyboard.type("ttlSec");
  const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "ttlSecondsAfterFinished" });
  await option.first().waitFor();
  await screenshot(page, "11-completion-open");
  await page.keyboard.press("Enter");
  await page.keyboard.type("3600");
  await waitForDiagnostics(page);
  assert.match(await editorText(page), /\n {6}activeDeadlineSeconds: 7200\n {6}ttlSecondsAfterFinished: 3600\n/);
  // Enum values on request (Ctrl+Space) after a key.
  const policy = (await editorText(page)).indexOf("concurrencyPolicy: Forbid") + "concurrencyPolicy: ".length;
  await selectInEditor(page, policy, policy + "Forbid".length);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Control+Space");
  const values = page.locator(".cm-tooltip-autocomplete li");
  await values.first().waitFor();
  assert.deepEqual(
    (await values.allTextContents()).map((t) => t.replace(/ConcurrencyPolicy$/, "").trim()),
    ["Allow", "Forbid", "Replace"],
  );
  await screenshot(page, "12-completion-values");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.match(await editorText(page), /concurrencyPolicy: Forbid\n/);
  await app.close();
});

test("hovering a key shows its type, default, allowed values and description", async () => {
  const app = await openApp(env);
  const { page } = app;
  const key = page.locator(".cm-line", { hasText: "concurrencyPolicy: Forbid" }).locator("span", { hasText: "concurrencyPolicy" });
  await key.first().hover();
  const hover = page.locator("[data-testid=hover]");
  await hover.waitFor({ timeout: 5_000 });
  const content = await hover.textContent();
  assert.match(content, /spec\.concurrencyPolicy/);
  assert.match(content, /Default\s*Allow/);
  assert.match(content, /Allow, Forbid, Replace/);
  assert.match(content, /previous Job still runs/);
  await screenshot(page, "13-hover");
  await app.close();
});

test("quick fixes: quote a YAML boolean from Problems, move a TZ prefix with Ctrl+.", async () => {
  const app = await openApp(env);
  const { page } = app;
  await setEditorText(page, JOB);
  const fix = page.locator("[data-testid=problem-fix]", { hasText: "Quote yes" });
  await fix.waitFor();
  await screenshot(page, "14-quick-fix-offered");
  await fix.click();
  await waitForDiagnostics(page);
  assert.match(await editorText(page), /value: "yes"\n/);
  assert.equal(await page.locator("[data-testid=problem][data-code='apiserver.wrong-type']").count(), 0);

  const cron = (await editorText(page))
    .replace("kind: Job", "kind: CronJob")
    .replace(
      "spec:\n  backoffLimit: 2\n  template:\n    spec:",
      'spec:\n  schedule: "TZ=Europe/Berlin 0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:',
    )
    .replace(/\n      (restartPolicy|containers|  - name|    image|    env|      - name|        value)/g, "\n          $1");
  await setEditorText(page, cron);
  const schedule = cron.indexOf("TZ=Europe");
  await selectInEditor(page, schedule + 3);
  await page.keyboard.press("Control+.");
  await waitForDiagnostics(page);
  assert.match(await editorText(page), /\n {2}schedule: "0 2 \* \* \*"\n {2}timeZone: Europe\/Berlin\n/);
  await screenshot(page, "15-quick-fix-applied");
  await app.close();
});

const TRAP = `apiVersion: batch/v1
kind: Job
metadata:
  name: resilient-job
spec:
  podFailurePolicy:
    rules:
      # Do not retry on out-of-memory errors
      - action: FailJob
        onExitCodes:
          containerName: worker
          operator: In
          values: [137]

      # Ignore transient infrastructure failures
      - action: Ignore
        onPodConditions:
          - type: DisruptionTarget
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: worker:1.4
`;

test("the DisruptionTarget trap: simulated from Problems (the Job fails), then fixed by moving the rule", async () => {
  const app = await openApp(env);
  const { page } = app;
  await setEditorText(page, TRAP);
  const problem = page.locator("[data-testid=problem][data-code='lint.failure-policy-disruption-shadowed']");
  await problem.waitFor();
  assert.match(await problem.textContent(), /exits 137/);

  // The rule's preset: the evicted pod ignores SIGTERM, is killed with 137, rule 0 fails the Job.
  await problem.locator("[data-testid=problem-simulate]").click();
  assert.equal(await page.getAttribute("[data-testid=tab-simulation]", "aria-selected"), "true");
  assert.equal(await page.inputValue("[data-testid=sim-preset]"), "eviction-ignoring-sigterm");
  assert.equal(await page.isChecked("[data-testid=pod-ignore-sigterm]"), true);
  await page.locator("[data-testid=sim-gantt]").waitFor({ timeout: 60_000 });
  await page.focus("[data-testid=sim-time]");
  await page.keyboard.press("End");
  await page.waitForFunction(() => /PodFailurePolicy/.test(document.querySelector("[data-testid=sim-conditions]")?.textContent ?? ""));
  assert.match(await page.textContent("[data-testid=sim-conditions]"), /Failed \(PodFailurePolicy\)/);
  await screenshot(page, "15b-disruption-trap-simulated");

  await page.click("[data-testid=tab-problems]");
  const fix = problem.locator("[data-testid=problem-fix]", { hasText: "Move rules[1] (DisruptionTarget) above rules[0]" });
  await fix.click();
  await waitForDiagnostics(page);
  const fixed = await editorText(page);
  assert.ok(
    fixed.indexOf("type: DisruptionTarget") < fixed.indexOf("values: [137]"),
    fixed,
  );
  assert.match(fixed, /rules:\n {6}# Ignore transient infrastructure failures\n {6}- action: Ignore\n/);
  assert.equal(await page.locator("[data-testid=problem][data-code='lint.failure-policy-disruption-shadowed']").count(), 0);
  await screenshot(page, "15c-disruption-trap-fixed");
  await app.close();
});

test("examples load from the menu, the document picker selects, Ctrl+Z undoes", async () => {
  const app = await openApp(env);
  const { page } = app;
  const before = await editorText(page);
  await page.selectOption("[data-testid=examples]", "indexed-work-queue.yaml");
  await page.waitForFunction(() => document.querySelector("[data-testid=doc-name]")?.textContent === "indexed-batch-processor");
  await waitForDiagnostics(page);
  assert.equal(await page.textContent("[data-testid=doc-kind]"), "Job");
  assert.match(await editorText(page), /completionMode: Indexed/);
  await screenshot(page, "16-example-indexed");

  await page.selectOption("[data-testid=examples]", "cleanup-cronjob.yaml");
  await page.waitForFunction(() => document.querySelector("[data-testid=document-count]")?.textContent === "4 documents");
  const options = await page.locator("[data-testid=document-picker] option").allTextContents();
  assert.deepEqual(options, [
    "1: CronJob cluster-cleanup",
    "2: ServiceAccount cleanup-service-account (passed over)",
    "3: ClusterRole cleanup-role (passed over)",
    "4: ClusterRoleBinding cleanup-role-binding (passed over)",
  ]);
  await page.selectOption("[data-testid=examples]", "concurrency-policies.yaml");
  await page.waitForFunction(() => document.querySelector("[data-testid=document-count]")?.textContent === "3 documents");
  await page.selectOption("[data-testid=document-picker]", "1");
  await page.waitForFunction(() => document.querySelector("[data-testid=doc-name]")?.textContent === "forbid-concurrent");
  await screenshot(page, "17-document-picker");

  // Loading an example is one change in the editor: undo brings the text back.
  await page.locator("[data-testid=editor] .cm-content").focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press("Control+z");
  await waitForDiagnostics(page);
  assert.equal(await editorText(page), before);
  await app.close();
});

test("the text survives a reload; reset to the example asks first", async () => {
  const app = await openApp(env);
  const { page } = app;
  const typed = await typeAtEnd(page, "# my note, kept across reloads ✓\n");
  await page.reload();
  await waitForApp(page);
  assert.equal(await editorText(page), typed);
  await screenshot(page, "18-restored-after-reload");

  await page.click("[data-testid=reset]");
  const dialog = page.locator("[data-testid=confirm-reset]");
  await dialog.waitFor();
  await screenshot(page, "19-reset-confirm");
  assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === "confirm-no"));
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await editorText(page), typed);
  await page.click("[data-testid=reset]");
  await page.click("[data-testid=confirm-yes]");
  await page.waitForFunction((t) => document.querySelector("[data-testid=editor]").jobscopeEditor.getText() !== t, typed);
  assert.ok(!(await editorText(page)).includes("my note"));
  assert.match(await editorText(page), /name: database-backup/);
  await app.close();
});

test("a WebAssembly trap keeps the text and says so (the release build's panics trap)", async () => {
  const app = await openApp(env);
  const { page } = app;
  const typed = await typeAtEnd(page, "# typed just before the crash\n");
  // Forget what the autosave wrote: only the trap report may save it now.
  await page.evaluate(() => localStorage.clear());
  // An ordinary script error is not a crash of the app.
  await page.evaluate(() => setTimeout(() => { throw new Error("not from wasm"); }));
  // The release build is compiled to trap on a panic (`unreachable`), which reaches the page
  // as an uncaught WebAssembly.RuntimeError; it cannot panic on purpose, so the test throws one.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }, 50));
  const crash = page.locator("[data-testid=crash]");
  await crash.waitFor();
  const message = await crash.textContent();
  assert.match(message, /Your text is saved in this browser/);
  assert.match(message, /RuntimeError: unreachable/);
  assert.doesNotMatch(message, /not from wasm/);
  assert.equal(await page.evaluate(() => localStorage.getItem("jobscope.text")), typed);
  await screenshot(page, "42-trap-reported");
  // The page restores the text the report saved.
  await page.reload();
  await waitForApp(page);
  assert.equal(await editorText(page), typed);
  // The two errors thrown above, and nothing else.
  assert.equal(app.record.pageErrors.length, 2, String(app.record.pageErrors));
  assert.match(app.record.pageErrors[0], /not from wasm/);
  assert.match(app.record.pageErrors[1], /RuntimeError: unreachable/);
  await app.context.close();
});

test("a share link restores the text byte for byte in a new page, and says when it is too long", async () => {
  const app = await openApp(env, { permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = app;
  const text = "# Ünïcode ✓ 😀 and a tab:\t, trailing spaces:   \napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shared\n\n\n";
  await setEditorText(page, text);
  await page.click("[data-testid=share]");
  const field = page.locator("[data-testid=share-url]");
  await field.waitFor();
  const url = await field.inputValue();
  // The link names the version the author saw (the newest, by default).
  assert.ok(url.startsWith(env.served.url + "?k8s=v1.37#s1."), url);
  assert.match(await page.textContent("[data-testid=share]"), /copied/i);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await screenshot(page, "20-share-copied");

  const other = await openRecordedPage(env.browser);
  await other.page.goto(url);
  await waitForApp(other.page);
  assert.equal(await editorText(other.page), text);
  // The fragment and the version are dropped from the address, so a reload keeps later edits.
  assert.equal(await other.page.evaluate(() => location.hash), "");
  assert.equal(await other.page.evaluate(() => location.search), "");
  assert.deepEqual(other.record.pageErrors, []);
  // The fragment never reaches the server.
  assert.ok(other.record.requests.every((r) => !r.includes("#")));
  await screenshot(other.page, "21-share-opened");
  await other.context.close();

  // Random text does not compress: the link would be far too long.
  let noise = "# ";
  let seed = 2463534242;
  for (let i = 0; i < 40_000; i += 1) {
    // xorshift32: deterministic and incompressible enough.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    noise += String.fromCharCode(33 + (seed % 90));
  }
  await setEditorText(page, noise + "\n");
  await page.click("[data-testid=share]");
  await page.waitForFunction(() => /too large for a share link/.test(document.querySelector("[data-testid=status]").textContent));
  await app.close();
});

test("keyboard only: reach the tabs, move with the arrows, open a problem", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to the panels");
  // Tab through the toolbar and past the editor (Escape, then Tab, leaves it) to the tabs.
  const order = [];
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.dataset?.testid ?? document.activeElement?.className,
      editor: document.activeElement?.classList?.contains("cm-content"),
    }));
    order.push(focused.id);
    if (focused.editor) await page.keyboard.press("Escape");
    if (focused.id === "tab-problems") break;
  }
  assert.deepEqual(order.slice(0, 4), ["examples", "reset", "share", "theme"]);
  assert.equal(order.at(-1), "tab-problems", order.join(" → "));
  // The focus ring is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "tab-schedule");
  assert.equal(await page.getAttribute("[data-testid=tab-schedule]", "aria-selected"), "true");
  assert.ok(await page.isVisible("[data-testid=panel-schedule]"));
  assert.ok(await page.isHidden("[data-testid=panel-problems]"));
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "tab-effective");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "tab-problems");
  await screenshot(page, "22-keyboard-tabs");
  // Into the panel, to the first problem, and Enter moves the editor's cursor there.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "panel-problems");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "problem-go");
  await page.keyboard.press("Enter");
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")));
  const line = Number(await page.getAttribute("[data-testid=problem] >> nth=0", "data-line"));
  const text = await editorText(page);
  assert.equal(lineOf(text, await editorCursor(page)), line);
  await app.close();
});

test("the Schedule panel: explanation, next runs in both zones, why didn't it run", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.click("[data-testid=tab-schedule]");
  await page.locator("[data-testid=schedule-summary]").waitFor();
  assert.match(await page.textContent("[data-testid=schedule-summary]"), /America\/New_York/);
  const rows = page.locator("[data-testid=next-runs] tbody tr");
  assert.equal(await rows.count(), 10);
  const headers = await page.locator("[data-testid=next-runs] thead th").allTextContents();
  assert.deepEqual(headers, ["#", "In America/New_York", "In your zone (Europe/Berlin)"]);
  const first = await rows.first().locator("td").allTextContents();
  assert.match(first[1], /02:00 E[SD]T$/);
  assert.match(first[2], /0[78]:00 CES?T$/);
  await page.fill("[data-testid=why-last]", "2026-03-05T07:00:00Z");
  await page.fill("[data-testid=why-now]", "2026-03-06T07:10:00Z");
  await page.click("[data-testid=why-submit]");
  const verdict = page.locator("[data-testid=why-verdict]");
  await verdict.waitFor();
  assert.match(await verdict.textContent(), /startingDeadlineSeconds \(300 s\)/);
  await page.fill("[data-testid=why-now]", "2026-03-06T07:03:00Z");
  await page.click("[data-testid=why-submit]");
  await page.waitForFunction(() => /creates Job database-backup-/.test(document.querySelector("[data-testid=why-verdict]").textContent));
  await verdict.scrollIntoViewIfNeeded();
  await screenshot(page, "23-schedule-panel");
  await app.close();
});

test("the Effective YAML panel marks defaulted fields; the theme toggle and a narrow screen", async () => {
  const app = await openApp(env);
  const { page } = app;
  await page.click("[data-testid=tab-effective]");
  const yaml = page.locator("[data-testid=effective-yaml]");
  await yaml.waitFor();
  const defaulted = await page.locator("[data-testid=defaulted-line]").allTextContents();
  assert.ok(defaulted.some((line) => /terminationGracePeriodSeconds: 30\s+# defaulted/.test(line)), defaulted.join("\n"));
  assert.ok(!defaulted.some((line) => /schedule:/.test(line)), "what was written is not marked");
  await screenshot(page, "24-effective-yaml");

  await page.selectOption("[data-testid=theme]", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background expected, got ${background}`);
  await screenshot(page, "25-dark-toggle");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await app.close();

  const narrow = await openApp(env, { viewport: { width: 390, height: 844 } });
  const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling on a narrow screen (${width}px)`);
  await screenshot(narrow.page, "26-narrow");
  await narrow.close();
});

test("the client picker changes what a key written twice means, and is remembered", async () => {
  const app = await openApp(env);
  const { page } = app;
  // `value: yes` quoted: the apiserver's type error on the boolean would come first and hide the
  // strict decoding error (UnmarshalStrict's type error is fatal; the duplicate key is not).
  const twice = JOB.replace("          image: busybox:1.36\n", "          image: busybox:1.36\n          image: busybox:1.37\n").replace(
    "value: yes",
    'value: "yes"',
  );
  await setEditorText(page, twice);
  assert.equal(await page.inputValue("[data-testid=client-path]"), "kubectl-apply");
  // kubectl keeps the last value: a warning of jobscope's.
  const warning = page.locator("[data-testid=problem]", { hasText: 'duplicate key "image"' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /already set on line 12/);

  // Sent as written, the apiserver's strict YAML decoding refuses it.
  await page.selectOption("[data-testid=client-path]", "api");
  const refused = page.locator("[data-testid=problem]", { hasText: 'line 13: key "image" already set in map' });
  await refused.waitFor();
  assert.match(await refused.textContent(), /Job in version "v1" cannot be handled as a Job: strict decoding error/);
  await warning.waitFor({ state: "detached" });
  await screenshot(page, "26-client-api-duplicate-key");

  // The choice survives a reload.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.inputValue("[data-testid=client-path]"), "api");
  await refused.waitFor();
  await page.selectOption("[data-testid=client-path]", "kubectl-apply");
  await warning.waitFor();
  await app.close();
});

// End-to-end security: the release build works under the strict Content-Security-Policy the
// harness serves every test with (no violation while loading, typing, switching every tab), and a
// share link or embed URL carrying hostile names, labels and annotations shows them as text: no
// dialog, no injected element, no request after load.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useServedBrowser,
  CSP,
  cspViolations,
  editorText,
  openRecordedPage,
  screenshot,
  setEditorText,
  shareFragment,
  waitForApp,
  waitForDiagnostics,
} from "./harness.mjs";

const env = useServedBrowser();


/** Clicks every tab of the tab list, waiting for its panel each time. */
async function visitEveryTab(page) {
  const tabs = await page.locator("[role=tab]").all();
  assert.ok(tabs.length >= 3, `expected the tab list, found ${tabs.length} tabs`);
  const visited = [];
  for (const tab of tabs) {
    await tab.click();
    const id = await tab.getAttribute("data-testid");
    await page.waitForFunction((t) => document.querySelector(`[data-testid=${t}]`)?.getAttribute("aria-selected") === "true", id);
    visited.push(id);
    // Let the panel render (and any lazy work start) before the next one.
    await page.waitForTimeout(150);
  }
  return visited;
}

test("the page runs under the Content-Security-Policy: no violation loading, typing, switching tabs", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  const response = await page.goto(env.served.url, { waitUntil: "networkidle" });
  assert.equal(response.headers()["content-security-policy"], CSP);
  await waitForApp(page);
  // The loader is a file now: no inline script is left in the page.
  assert.equal(await page.locator("script:not([src])").count(), 0);
  // CodeMirror's styles apply (style-mod uses constructed style sheets, which the CSP allows):
  // its base theme makes the gutters a flex box, our theme sets the editor's background.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".cm-gutters")).display), "flex");
  assert.ok(await page.evaluate(() => document.adoptedStyleSheets.length > 0));

  // Type, so diagnostics, completion and hover tooltips are drawn.
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n# typed under the CSP\n");
  await waitForDiagnostics(page);
  await page.keyboard.press("Control+Space");
  await page.waitForTimeout(300);
  await page.keyboard.press("Escape");
  const text = await editorText(page);
  await setEditorText(page, text.replace("restartPolicy: OnFailure", "restartPolicy: Always"));
  await page.locator(".cm-lintRange-error").first().waitFor();
  await page.locator(".cm-lintRange-error").first().hover();
  await page.waitForTimeout(500);

  const visited = await visitEveryTab(page);
  await screenshot(page, "40-under-csp");
  assert.deepEqual(await cspViolations(page), [], `violations after visiting ${visited}`);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

// Markup, script and URL payloads in every place a name or label shows up: the document
// outline and picker, Problems (messages quote the bad values), the Effective YAML panel, the
// Schedule panel, the editor's tooltips and the visualizations.
const HOSTILE = `apiVersion: batch/v1
kind: Job
metadata:
  name: "<img src=x onerror=alert(1)>"
  labels:
    app: "<script>alert(2)</script>"
    "x\\"><svg onload=alert(3)>": "javascript:alert(4)"
  annotations:
    note: "</textarea><img src=x onerror=alert(5)>"
    link: "javascript:alert(6)"
    html: "<iframe src=javascript:alert(7)></iframe>"
spec:
  template:
    metadata:
      labels:
        evil: "<a href=javascript:alert(8)>click</a>"
    spec:
      restartPolicy: Never
      containers:
      - name: "<img src=x onerror=alert(9)>"
        image: "javascript:alert(10)"
        command: ["<script>alert(11)</script>"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: "<svg/onload=alert(12)>"
  annotations:
    "<b onmouseover=alert(13)>": "{{constructor.constructor('alert(14)')()}}"
spec:
  schedule: "<img src=x onerror=alert(15)> * * * *"
  timeZone: "<script>alert(16)</script>"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: "nightly-<img-src=x-onerror=alert(17)>"
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {app: "<img src=x onerror=alert(18)>"}
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: "<script>alert(19)</script>"
`;

/** What an injection would leave in the document: elements and attributes the app never makes. */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    // CodeMirror's own <img class="cm-widgetBuffer"> (no src) is a cursor helper, not content.
    for (const el of document.querySelectorAll("img:not(.cm-widgetBuffer), img[src], iframe, object, embed, frame, script:not([src])")) {
      found.push(el.outerHTML.slice(0, 120));
    }
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}=${el.getAttribute(attr)}`);
        if (/^(href|src|xlink:href|action|formaction)$/i.test(attr) && /^\s*javascript:/i.test(el.getAttribute(attr))) {
          found.push(`${el.tagName} ${attr}=${el.getAttribute(attr)}`);
        }
      }
    }
    return found;
  });
}

async function openHostile(url) {
  const opened = await openRecordedPage(env.browser);
  const dialogs = [];
  opened.page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await opened.page.goto(url, { waitUntil: "networkidle" });
  return { ...opened, dialogs };
}

test("a share link with hostile names, labels and annotations shows them as text", async () => {
  const { context, page, record, dialogs } = await openHostile(env.served.url + shareFragment(HOSTILE));
  await waitForApp(page);
  assert.equal(await editorText(page), HOSTILE);
  const afterLoad = record.requests.length;

  // The name is shown as text in the outline.
  assert.equal(await page.textContent("[data-testid=doc-name]"), "<img src=x onerror=alert(1)>");
  const options = await page.locator("[data-testid=document-picker] option").allTextContents();
  assert.ok(options.some((o) => o.includes("<svg/onload=alert(12)>")), `picker: ${options}`);

  await visitEveryTab(page);
  // Problems quote the bad values as text.
  await page.click("[data-testid=tab-problems]");
  const problems = await page.textContent("[data-testid=panel-problems]");
  assert.ok(problems.includes("<img src=x onerror=alert(1)>"), problems);
  // The Effective YAML panel shows the label as written.
  await page.click("[data-testid=tab-effective]");
  assert.ok((await page.textContent("[data-testid=panel-effective]")).includes("<script>alert(2)</script>"));

  // Every document, every tab: the CronJobs have Schedule and visualization panels.
  for (const index of ["1", "2"]) {
    await page.selectOption("[data-testid=document-picker]", index);
    await waitForDiagnostics(page);
    await visitEveryTab(page);
  }
  // Hover the hostile name in the editor: the tooltip is text too.
  await page.locator(".cm-lintRange-error").first().hover();
  await page.waitForTimeout(500);
  await screenshot(page, "41-hostile-share-link");

  assert.deepEqual(dialogs, [], "a dialog opened");
  assert.deepEqual(await injected(page), [], "injected elements or attributes");
  assert.deepEqual(record.requests.slice(afterLoad), [], "requests after load");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("embed URLs with the hostile manifest show it as text", async () => {
  for (const view of ["timeline", "concurrency", "simulation", "schedule"]) {
    const url = `${env.served.url}?embed=${view}${shareFragment(HOSTILE)}`;
    const { context, page, record, dialogs } = await openHostile(url);
    await page.locator("[data-testid=embed]").waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const afterLoad = record.requests.length;
    // Interact with whatever the view offers (play, sliders, pickers) that is safe to click.
    for (const button of await page.locator("[data-testid=embed] button").all()) {
      if (await button.isVisible()) await button.click({ timeout: 2_000 }).catch(() => {});
    }
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], `${view}: a dialog opened`);
    assert.deepEqual(await injected(page), [], `${view}: injected elements or attributes`);
    // Running a simulation loads the app's own worker; nothing else may be asked for.
    const later = record.requests.slice(afterLoad).filter((url) => !/\/jobscope-worker-[^/]*$/.test(url));
    assert.deepEqual(later, [], `${view}: requests after load`);
    assert.deepEqual(await cspViolations(page), [], `${view}: CSP violations`);
    assert.deepEqual(record.pageErrors, [], `${view}: page errors`);
    await context.close();
  }
});

test("text typed in the editor never becomes markup", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(env.served.url);
  await waitForApp(page);
  await setEditorText(page, HOSTILE.replaceAll("alert(", "alert(100+"));
  await visitEveryTab(page);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

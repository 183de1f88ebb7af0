// End-to-end tests that the user's text is never lost, from the release build in headless
// Chromium: a share link or embed that would unpack to more than the page accepts is refused
// with the text kept, the drafts history ("Recent") keeps what share links, examples and other
// tabs replace, and two tabs editing at once keep both texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import {
  axeViolations,
  editorText,
  openApp,
  openRecordedPage,
  screenshot,
  setEditorText,
  shareFragment,
  typeAtEnd,
  useServedBrowser,
  waitForApp,
  waitForDiagnostics,
} from "./harness.mjs";

const env = useServedBrowser();

/**
 * Closes a page's context after checking it stayed clean, but for requests that a navigation
 * away cancelled (the simulation worker's prefetch, when a test loads the page again).
 */
async function closeAfterNavigating(app) {
  assert.deepEqual(app.record.pageErrors, [], "page errors");
  assert.deepEqual(app.record.consoleErrors, [], "console errors");
  assert.deepEqual(app.record.failedRequests.filter((r) => !r.endsWith("net::ERR_ABORTED")), [], "failed requests");
  await app.context.close();
}

/** A Job manifest whose metadata.name is `name`. */
function job(name) {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
`;
}

/** A share fragment of 64 MiB of one letter: about 87 KB of link, far past the 3 MiB limit. */
function deflateBomb() {
  return "#s1." + zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024, "a"), { level: 9 }).toString("base64url");
}

/** Every text in the drafts history (IndexedDB), read the way web/src/page.js stores them. */
function draftTexts(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("jobscope-drafts");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("texts")) return resolve([]);
          const request = db.transaction("texts").objectStore("texts").getAll();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Waits until the drafts history holds a text that `includes` the marker. */
async function waitForDraft(page, marker) {
  for (let i = 0; i < 100; i += 1) {
    if ((await draftTexts(page)).some((t) => t.includes(marker))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`no draft holds ${marker}: ${JSON.stringify((await draftTexts(page)).map((t) => t.slice(0, 80)))}`);
}

/** The JS heap in use (bytes), from the DevTools protocol. */
async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

test("a deflate-bomb share link is refused and the text kept; so is a bomb embed", async () => {
  const app = await openApp(env);
  const { page } = app;
  const typed = await typeAtEnd(page, "# my text, kept through a bomb\n");
  const bomb = deflateBomb();
  assert.ok(bomb.length < 120_000, `the bomb link is ${bomb.length} characters`);
  // A new load of the page with the bomb in its fragment (a fragment change alone does not load).
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto(env.served.url + bomb);
  await waitForApp(page);
  await page.waitForFunction(() =>
    /share link was not opened: the link holds more than 3 MiB of text/.test(document.querySelector("[data-testid=status]").textContent),
  );
  const took = Date.now() - started;
  assert.equal(await editorText(page), typed);
  assert.equal(await page.evaluate(() => localStorage.getItem("jobscope.text")), typed);
  assert.equal(await page.evaluate(() => location.hash), "");
  // Inflating stopped at the limit: the heap never held the 64 MiB.
  const heap = await heapUsed(page);
  assert.ok(heap < 40 * 1024 * 1024, `JS heap ${heap} bytes after the bomb`);
  console.log(`deflate bomb: refused in ${took} ms (page load included), JS heap ${(heap / 1048576).toFixed(1)} MiB`);
  await screenshot(page, "50-deflate-bomb-refused");
  await closeAfterNavigating(app);

  const embed = await openRecordedPage(env.browser);
  await embed.page.goto(`${env.served.url}?embed=timeline${bomb}`);
  await embed.page.waitForFunction(() =>
    /embed was not opened: the link holds more than 3 MiB of text/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""),
  );
  assert.equal(await embed.page.locator("[data-testid=timeline-svg], [data-testid=summary]").count(), 0);
  assert.deepEqual(embed.record.pageErrors, []);
  await embed.context.close();
});

test("a link just under the limit opens; one byte over is refused", async () => {
  const app = await openApp(env);
  const { page } = app;
  const limit = 3 * 1024 * 1024;
  // Lines of 100 bytes (CodeMirror is slow on one 3 MB line), 3 MiB exactly.
  const under = ("#".repeat(99) + "\n").repeat(Math.floor(limit / 100)) + "#".repeat((limit % 100) - 1) + "\n";
  assert.equal(under.length, limit);
  await page.goto("about:blank");
  await page.goto(env.served.url + shareFragment(under));
  await waitForApp(page);
  assert.equal((await editorText(page)).length, limit);
  await page.goto("about:blank");
  await page.goto(env.served.url + shareFragment(under + "#"));
  await waitForApp(page);
  await page.waitForFunction(() => /was not opened/.test(document.querySelector("[data-testid=status]").textContent));
  assert.equal((await editorText(page)).length, limit);
  await closeAfterNavigating(app);
});

test("three share links in a row leave the original text in Recent, and it comes back", async () => {
  const app = await openApp(env);
  const original = job("my-original-text");
  await setEditorText(app.page, original);
  await waitForDraft(app.page, "my-original-text");
  await app.page.close();
  // Each link opened in a new tab of the same browser, the one before closed.
  let page;
  for (const name of ["shared-one", "shared-two", "shared-three"]) {
    page = await app.context.newPage();
    await page.goto(env.served.url + shareFragment(job(name)));
    await waitForApp(page);
    assert.equal(await editorText(page), job(name));
    await waitForDraft(page, name);
    if (name !== "shared-three") await page.close();
  }
  const texts = await draftTexts(page);
  assert.ok(texts.includes(original), "the original text is a draft");

  // The "Recent" menu, by keyboard: open it, the first entry takes the focus, Escape closes.
  await page.locator("[data-testid=recent]").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("[data-testid=recent]", "aria-expanded"), "true");
  const items = page.locator("[data-testid=recent-item]");
  await items.first().waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "recent-item");
  const labels = await items.allTextContents();
  assert.ok(labels.length >= 4, labels.join("\n"));
  const entry = items.filter({ hasText: "name: my-original-text" });
  assert.equal(await entry.count(), 1, labels.join("\n"));
  assert.match(await entry.textContent(), /before a share link/);
  await screenshot(page, "51-recent-drafts");
  assert.deepEqual(await axeViolations(page, "[data-testid=recent-list]"), []);
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none");
  await page.keyboard.press("Escape");
  await page.locator("[data-testid=recent-list]").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "recent");

  await page.keyboard.press("Enter");
  await entry.waitFor();
  await entry.click();
  await page.waitForFunction(() => /Restored the draft/.test(document.querySelector("[data-testid=status]").textContent));
  await waitForDiagnostics(page);
  assert.equal(await editorText(page), original);
  // The shared text it replaced is a draft now.
  await waitForDraft(page, "shared-three");
  await app.close();
});

test("two tabs editing at once: each offers the other's text and neither is lost", async () => {
  const first = await openApp(env);
  const a = first.page;
  const b = await first.context.newPage();
  await b.goto(env.served.url);
  await waitForApp(b);
  const textA = await typeAtEnd(a, "# typed in tab A\n");
  // Tab B hears of it and asks; its own text is kept as a draft.
  await b.locator("[data-testid=other-tab-notice]").waitFor();
  const textB = await typeAtEnd(b, "# typed in tab B\n");
  await a.locator("[data-testid=other-tab-notice]").waitFor();
  await screenshot(a, "52-other-tab-notice");
  assert.deepEqual(await axeViolations(a, "[data-testid=other-tab-notice]"), []);
  await waitForDraft(a, "# typed in tab A");
  await waitForDraft(a, "# typed in tab B");

  // Tab A keeps its own text: saved again, and B is told.
  await a.click("[data-testid=other-tab-keep]");
  await a.locator("[data-testid=other-tab-notice]").waitFor({ state: "detached" });
  assert.equal(await a.evaluate(() => localStorage.getItem("jobscope.text")), textA);
  // Tab B loads it instead of its own.
  await b.locator("[data-testid=other-tab-notice]").waitFor();
  await b.click("[data-testid=other-tab-load]");
  await waitForDiagnostics(b);
  assert.equal(await editorText(b), textA);
  const texts = await draftTexts(b);
  assert.ok(texts.includes(textA), "tab A's text is a draft");
  assert.ok(texts.includes(textB), "tab B's text is a draft");
  assert.deepEqual(first.record.pageErrors, []);
  await first.close();
});

test("storage that refuses IndexedDB: the page says so once and still autosaves", async () => {
  const opened = await openRecordedPage(env.browser);
  await opened.context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined });
  });
  await opened.page.goto(env.served.url);
  await waitForApp(opened.page);
  const page = opened.page;
  await page.waitForFunction(() => /Recent drafts are not kept/.test(document.querySelector("[data-testid=status]").textContent));
  const typed = await typeAtEnd(page, "# still autosaved\n");
  assert.equal(await page.evaluate(() => localStorage.getItem("jobscope.text")), typed);
  // Said once: after another draft attempt the status is no longer about it.
  await page.selectOption("[data-testid=examples]", "one-off-job.yaml");
  await page.waitForFunction(() => /Loaded the example/.test(document.querySelector("[data-testid=status]").textContent));
  await page.waitForTimeout(2_500);
  assert.doesNotMatch(await page.textContent("[data-testid=status]"), /Recent drafts are not kept/);
  await page.click("[data-testid=recent]");
  await page.locator("[data-testid=recent-list]", { hasText: "unavailable" }).waitFor();
  assert.deepEqual(opened.record.pageErrors, []);
  await opened.context.close();
});

test("a newer page upgrading the drafts database is not blocked by an open tab", async () => {
  const app = await openApp(env);
  const { page } = app;
  await typeAtEnd(page, "# before the upgrade\n");
  await waitForDraft(page, "# before the upgrade");
  // Another tab of a later jobscope opens the database at a higher version: the open page's
  // connection must let go (onversionchange) instead of leaving that tab blocked.
  const other = await app.context.newPage();
  await other.goto(env.served.url + "favicon.svg");
  const outcome = await other.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("jobscope-drafts", 2);
        open.onblocked = () => resolve("blocked");
        open.onerror = () => resolve(`error: ${open.error}`);
        open.onsuccess = () => {
          open.result.close();
          resolve("opened");
        };
        setTimeout(() => resolve("no answer in 10 s"), 10_000);
      }),
  );
  assert.equal(outcome, "opened");
  // The page goes on: its text autosaves, and the drafts it can no longer keep are said once.
  const typed = await typeAtEnd(page, "# after the upgrade\n");
  assert.equal(await page.evaluate(() => localStorage.getItem("jobscope.text")), typed);
  assert.deepEqual(app.record.pageErrors, []);
  await other.close();
  await closeAfterNavigating(app);
});

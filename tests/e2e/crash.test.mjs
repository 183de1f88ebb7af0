// End-to-end test of a real crash of the release build: target/dist-crash-test is the release
// bundle built with the test-only `crash-test` feature (`./dev.sh crash-build`; `./dev.sh test`
// builds it), whose editor hook panics when the text holds a marker line. The release build
// traps on a panic (`-Cpanic=immediate-abort`), so this is the trap a real bug would cause:
// the text must survive it and the page must say so. dist/ itself must not hold the feature.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  distDir,
  editorText,
  launchBrowser,
  openRecordedPage,
  screenshot,
  serveDist,
  typeAtEnd,
  waitForApp,
} from "./harness.mjs";

const crashDist = path.join(distDir, "..", "target", "dist-crash-test");
/** `CRASH_TEST_LINE` in src/ui/crash.rs. */
const MARKER = "# jobscope: crash test";

const env = { served: null, browser: null };
before(async () => {
  assert.ok(
    fs.existsSync(path.join(crashDist, "index.html")),
    `${crashDist} is missing: build it with ./dev.sh crash-build (./dev.sh test does)`,
  );
  env.served = await serveDist({ dir: crashDist });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  env.served?.server.close();
});

/** The page's main wasm module in a built site. */
function mainWasm(dir) {
  const name = fs.readdirSync(dir).find((f) => /^jobscope-web-.*_bg\.wasm$/.test(f));
  assert.ok(name, `no page wasm in ${dir}`);
  return fs.readFileSync(path.join(dir, name));
}

test("only the test build holds the crash test; dist/ does not", () => {
  assert.ok(mainWasm(crashDist).includes(Buffer.from(MARKER)), "the test build has the marker");
  assert.ok(!mainWasm(distDir).includes(Buffer.from(MARKER)), "dist/ must not have the crash test");
});

test("a real panic of the release wasm traps; the text is saved and the page says so", async () => {
  const { context, page, record } = await openRecordedPage(env.browser);
  await page.goto(env.served.url);
  await waitForApp(page);
  await typeAtEnd(page, "# typed just before the crash\n");
  // Forget what the autosave wrote: only the trap report may save the text now.
  await page.evaluate(() => localStorage.clear());
  await page.keyboard.type(MARKER);
  const crash = page.locator("[data-testid=crash]");
  await crash.waitFor();
  const message = await crash.textContent();
  assert.match(message, /jobscope hit an internal error and stopped working/);
  assert.match(message, /Your text is saved in this browser/);
  assert.match(message, /RuntimeError: unreachable/);
  const text = await editorText(page);
  assert.ok(text.endsWith(`# typed just before the crash\n${MARKER}`), text.slice(-80));
  assert.equal(await page.evaluate(() => localStorage.getItem("jobscope.text")), text);
  await screenshot(page, "53-real-trap-reported");
  // The trap is the one error; CodeMirror did not swallow it.
  assert.equal(record.pageErrors.length, 1, String(record.pageErrors));
  assert.match(record.pageErrors[0], /unreachable/);
  // The page restores the text the report saved (the marker is only read when typed).
  await page.reload();
  await waitForApp(page);
  assert.equal(await editorText(page), text);
  await context.close();
});

// Shared end-to-end harness: serve dist/ on loopback under a sub-path, launch Debian's Chromium
// headless through playwright-core, and record every console message and request of a page.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import assert from "node:assert/strict";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const distDir = path.join(root, "dist");
export const screenshotDir = path.join(root, "target", "e2e-screenshots");

// Served below a sub-path on purpose: the build must work from any sub-path of a static host.
export const SUB_PATH = "/some/sub/path/";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".yaml": "text/yaml; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * The Content-Security-Policy every test serves the page with, so the whole suite runs under it:
 * no inline script or style, no eval but WebAssembly's, nothing from another origin (the
 * hardening issue; the build moves Trunk's inline loader out, see scripts/csp-inline.mjs).
 */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Serves `dir` under `subPath` on 127.0.0.1 (a free port); resolves to { server, origin, url }.
 * Every response carries the CSP above; `headers` adds to it or replaces it
 * (`{"content-security-policy": …}`). With `gzip`, responses are gzipped (level 9) for clients
 * that accept it and carry the cache headers the README recommends (hashed files immutable,
 * index.html and sw.js revalidated), as a production host serves them (scripts/lighthouse.mjs).
 */
export function serveDist({ dir = distDir, subPath = SUB_PATH, headers = {}, gzip = false } = {}) {
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(subPath)) {
      res.writeHead(404).end("outside the served sub-path");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(subPath.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    const common = {
      "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
      "content-security-policy": CSP,
    };
    if (gzip) {
      const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/.test(rel);
      const cache = hashed ? "public, max-age=31536000, immutable" : "no-cache";
      const accepts = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (!compressed.has(file)) compressed.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      const body = accepts ? compressed.get(file) : fs.readFileSync(file);
      res.writeHead(200, {
        ...common,
        "cache-control": cache,
        vary: "accept-encoding",
        ...(accepts ? { "content-encoding": "gzip" } : {}),
        "content-length": body.length,
        ...headers,
      });
      res.end(body);
      return;
    }
    res.writeHead(200, { ...common, "cache-control": "no-store", ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ server, origin, url: origin + subPath });
    });
  });
}

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Opens a new page that records console errors, page errors, failed requests, error responses and
 * every request's URL, so a test can assert the page was clean.
 */
export async function openRecordedPage(
  browser,
  { viewport = { width: 1280, height: 720 }, colorScheme = "light", timezoneId = "Europe/Berlin", permissions = [] } = {},
) {
  // A fixed viewer zone, so the Schedule panel's second column is the same on every machine.
  const context = await browser.newContext({ viewport, colorScheme, timezoneId, permissions });
  // Every Content-Security-Policy violation of every page, for `cspViolations`.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  const page = await context.newPage();
  const record = { consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") record.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => record.pageErrors.push(String(err)));
  page.on("request", (req) => record.requests.push(req.url()));
  page.on("requestfailed", (req) => record.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on("response", (res) => {
    if (res.status() >= 400) record.badResponses.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, record };
}

/** The Content-Security-Policy violations the page has reported so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? ["the violation listener is missing"]);
}

/** Saves a full-page screenshot under target/e2e-screenshots/NAME.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page has loaded the wasm app: the editor is up and shows its first diagnostics. */
export async function waitForApp(page) {
  await page.waitForSelector("[data-testid=summary]", { timeout: 30_000 });
  await page.waitForSelector("[data-testid=editor] .cm-content", { timeout: 30_000 });
  await waitForDiagnostics(page);
}

/** The diagnostics shown are those of the editor's current text. */
export async function waitForDiagnostics(page) {
  await page.waitForFunction(
    () => {
      const host = document.querySelector("[data-testid=editor]");
      if (!host || host.dataset.diagnosticsVersion === undefined) return false;
      return host.dataset.diagnosticsVersion === (host.dataset.docVersion ?? "0");
    },
    null,
    { timeout: 10_000 },
  );
}

/** A share-link fragment, as web/src/page.js `encodeShare` writes it: deflate-raw, base64url. */
export function shareFragment(text) {
  return "#s1." + zlib.deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");
}

/** The editor's text (through the scripting hook web/src/editor.js sets on its element). */
export function editorText(page) {
  return page.evaluate(() => document.querySelector("[data-testid=editor]").jobscopeEditor.getText());
}

/** Replaces the editor's text, as pasting over everything would, and waits for the analysis. */
export async function setEditorText(page, text) {
  await page.evaluate((t) => document.querySelector("[data-testid=editor]").jobscopeEditor.setText(t), text);
  await waitForDiagnostics(page);
}

/** Puts the cursor (or a selection) at UTF-16 offsets of the text and focuses the editor. */
export async function selectInEditor(page, from, to = from) {
  await page.evaluate(
    ([a, b]) => document.querySelector("[data-testid=editor]").jobscopeEditor.select(a, b),
    [from, to],
  );
}

/** Types `typed` at the end of the text, key by key, and returns the editor's text once the
 * analysis of the change is shown. */
export async function typeAtEnd(page, typed) {
  await selectInEditor(page, (await editorText(page)).length);
  await page.keyboard.type(typed);
  await waitForDiagnostics(page);
  return editorText(page);
}

/** The cursor's UTF-16 offset. */
export function editorCursor(page) {
  return page.evaluate(
    () => document.querySelector("[data-testid=editor]").jobscopeEditor.view.state.selection.main.head,
  );
}

/**
 * Serves dist/ and launches Chromium once for a test file (registers its `before` and `after`);
 * `env.served` and `env.browser` are set once the file's tests start.
 */
export function useServedBrowser() {
  const env = { served: null, browser: null };
  before(async () => {
    env.served = await serveDist();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.served?.server.close();
  });
  return env;
}

/** A fresh page (its own storage) with the app loaded; `close()` asserts it stayed clean. */
export async function openApp(env, options = {}) {
  const opened = await openRecordedPage(env.browser, options);
  await opened.page.goto(env.served.url);
  await waitForApp(opened.page);
  opened.close = async () => {
    assert.deepEqual(opened.record.pageErrors, [], "page errors");
    assert.deepEqual(opened.record.consoleErrors, [], "console errors");
    assert.deepEqual(opened.record.failedRequests, [], "failed requests");
    await opened.context.close();
  };
  return opened;
}

/** axe-core (the copy Lighthouse pins in package-lock.json). */
const AXE = fs.readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * axe's violations in the element `selector` names (the whole document without one), as
 * "rule: help (nodes) at first node" lines. The DevTools protocol runs axe, so the page's CSP
 * is not loosened.
 */
export async function axeViolations(page, selector = null) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(
    async (sel) =>
      (await window.axe.run(sel ? document.querySelector(sel) : document)).violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.length}) at ${v.nodes[0]?.target.join(" ")}`,
      ),
    selector,
  );
}

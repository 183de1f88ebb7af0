// Trunk post_build hook: moves the inline `<script type="module">` Trunk 0.21 writes into each
// HTML page (the loader that imports the wasm-bindgen glue and starts the app) into a file beside
// the page, referenced with `src` and an SRI hash.
//
// Why: the page must run under `Content-Security-Policy: default-src 'self'; script-src 'self'
// 'wasm-unsafe-eval'; style-src 'self'`, which blocks every inline script and style. Trunk has no
// option for an external loader, so the page is rewritten in the staging directory before Trunk
// moves it to dist/. The build then fails if any inline script, `<style>` element, `style=`
// attribute or inline event handler is left, so a Trunk upgrade that adds one is caught here
// rather than by a blank page in production.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("scripts/csp-inline.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)");
  process.exit(1);
}
// Trunk's public_url ("./" in Trunk.toml): URLs in the page are relative to it.
const publicUrl = process.env.TRUNK_PUBLIC_URL || "./";

const INLINE_MODULE = /<script type="module">([\s\S]*?)<\/script>/g;

/** Every way a page can carry script or style the CSP above refuses. */
const FORBIDDEN = [
  [/<script(?![^>]*\ssrc=)[^>]*>/i, "an inline <script>"],
  [/<style[\s>]/i, "a <style> element"],
  [/\sstyle\s*=/i, "a style= attribute"],
  [/\son[a-z]+\s*=/i, "an inline event handler (on…=)"],
  [/javascript:/i, "a javascript: URL"],
];

let moved = 0;
for (const name of fs.readdirSync(staging)) {
  if (!name.endsWith(".html")) continue;
  const file = path.join(staging, name);
  const html = fs.readFileSync(file, "utf8");
  const rewritten = html.replace(INLINE_MODULE, (_, code) => {
    const bytes = Buffer.from(code, "utf8");
    const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    const script = `start-${hash}.js`;
    fs.writeFileSync(path.join(staging, script), bytes);
    const integrity = "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");
    moved += 1;
    // crossorigin="anonymous" like Trunk's modulepreload links: module scripts are fetched in
    // CORS mode, and matching attributes let the browser reuse the preloaded glue.
    return `<script type="module" src="${publicUrl}${script}" integrity="${integrity}" crossorigin="anonymous"></script>`;
  });
  for (const [pattern, what] of FORBIDDEN) {
    const found = rewritten.match(pattern);
    if (found) {
      console.error(`scripts/csp-inline.mjs: ${name} still has ${what} (${found[0]}), which the Content-Security-Policy blocks`);
      process.exit(1);
    }
  }
  if (rewritten !== html) fs.writeFileSync(file, rewritten);
}
if (moved === 0) {
  // Trunk always writes a loader into index.html; none found means its output changed shape.
  console.error("scripts/csp-inline.mjs: no inline module script found in the staged pages; did Trunk's output change?");
  process.exit(1);
}

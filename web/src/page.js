// The page's small JavaScript helpers, imported by the Rust app through wasm-bindgen
// (`#[wasm_bindgen(module = "/web/generated/page.js")]` in src/ui/bridge.rs): share links,
// clipboard, fetching examples, the viewer's time zone, the trap report, the offline cache, and
// the loader of the editor bundle. Small on purpose: every page and embed loads it before the app
// starts; CodeMirror is a separate module (web/src/editor.js) loaded only when the editor shows.
//
// Nothing here builds HTML from strings, so the page keeps working under a strict
// Content-Security-Policy.

/* global EDITOR_BUNDLE */
// EDITOR_BUNDLE is replaced by web/build.mjs with the hashed file name of the editor bundle
// (relative to the page, e.g. "lazy/editor-1a2b3c4d.js").

/** The editor module, once asked for (a promise), or one provided by the host page. */
let editorModule = null;

/** The editor created last, for `currentText`. */
let current = null;

/**
 * Uses `createEditor` instead of loading the editor bundle: for hosts that serve no bundle
 * beside the page (the wasm-bindgen test runner).
 */
export function provideEditor(createEditor) {
  editorModule = Promise.resolve({ createEditor });
}

/** Starts downloading the editor bundle (idempotent); resolves to its module. */
export function loadEditorModule() {
  if (!editorModule) {
    const url = new URL(EDITOR_BUNDLE, document.baseURI).href;
    editorModule = import(url).catch((error) => {
      editorModule = null;
      throw error;
    });
  }
  return editorModule;
}

/** Loads the editor bundle and mounts an editor in `parent`; resolves to its handle. */
export async function createEditor(parent, text, hooks) {
  const module = await loadEditorModule();
  current = module.createEditor(parent, text, hooks);
  return current;
}

/**
 * The text of the editor created last, or undefined when there is none. The Rust panic hook
 * (src/ui/crash.rs) saves it: it reads the editor rather than the app's state, which a panic
 * may have left borrowed.
 */
export function currentText() {
  try {
    return current ? current.getText() : undefined;
  } catch (_) {
    return undefined;
  }
}

/**
 * Calls `report(message)` once, when WebAssembly traps: an uncaught `WebAssembly.RuntimeError`
 * out of an event handler (an `error` event) or a promise (`unhandledrejection`). The release
 * build aborts on a panic without running Rust's panic hook (`-Cpanic=immediate-abort`, see
 * dev.sh), so there a trap is the only sign of a panic, and the hook's report (src/ui/crash.rs)
 * runs from here. In other builds the hook has reported first and the report ignores repeats.
 */
export function onWasmTrap(report) {
  let reported = false;
  const handle = (error) => {
    if (reported || !(error instanceof WebAssembly.RuntimeError)) return;
    reported = true;
    try {
      report(String(error));
    } catch (_) {
      // The app is stopped already; nothing more can be told.
    }
  };
  window.addEventListener("error", (event) => handle(event.error));
  window.addEventListener("unhandledrejection", (event) => handle(event.reason));
}

// ---- Share links: the whole text, deflated and base64url-encoded, in the URL fragment. -------

/** Share-link fragments start with this: format 1 is deflate-raw + base64url of UTF-8. */
export const SHARE_PREFIX = "#s1.";

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The fragment (with its `#s1.` prefix) holding `text`. */
export async function encodeShare(text) {
  const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"));
  return SHARE_PREFIX + toBase64Url(deflated);
}

/** The text a share fragment holds; rejects when the fragment is damaged. */
export async function decodeShare(fragment) {
  if (!fragment.startsWith(SHARE_PREFIX)) throw new Error("not a jobscope share link");
  const inflated = await pipe(fromBase64Url(fragment.slice(SHARE_PREFIX.length)), new DecompressionStream("deflate-raw"));
  return new TextDecoder("utf-8", { fatal: true }).decode(inflated);
}

/** Copies text to the clipboard; resolves to false when the browser refuses. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    return false;
  }
}

/** The viewer's IANA time zone (`Europe/Berlin`), or "UTC" when the browser does not say. */
export function viewerTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch (_) {
    return "UTC";
  }
}

/** Fetches a text file relative to the page (the examples). */
export async function fetchText(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Registers the service worker (sw.js, written by scripts/post-build.mjs with the list of this
 * build's files), which keeps the page working offline after the first visit. Not in embeds:
 * caching the editor bundle and the simulation worker there would download what an embed never
 * shows. Resolves to false where service workers are unavailable (file://, old browsers).
 */
export async function registerOffline() {
  if (!("serviceWorker" in navigator)) return false;
  try {
    await navigator.serviceWorker.register(new URL("sw.js", document.baseURI).href, { scope: "./" });
    return true;
  } catch (_) {
    return false;
  }
}

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

/**
 * The most text a share link or an embed may hold: 3 MiB of UTF-8, the apiserver's request
 * limit (a bigger manifest could not be applied anyway). Deflate packs about 1,000 bytes into
 * one, so a link of a few hundred kilobytes could otherwise unpack to gigabytes; `decodeShare`
 * stops reading at this many bytes (src/ui/bridge.rs `ShareError::TooLarge`).
 */
export const MAX_SHARE_TEXT = 3 * 1024 * 1024;

/** The longest fragment read at all: the base64 of a deflated text of MAX_SHARE_TEXT bytes
 * that did not compress (deflate adds 5 bytes per 64 KiB block), with room to spare. */
const MAX_SHARE_FRAGMENT = Math.ceil((MAX_SHARE_TEXT * 1.01 * 4) / 3) + 1024;

/**
 * The error `decodeShare` rejects with when a link holds more than MAX_SHARE_TEXT bytes
 * (`name` is "ShareTooLarge"; src/ui/bridge.rs tells it from a damaged link by that name).
 */
function tooLarge() {
  const error = new Error(`the link holds more than ${MAX_SHARE_TEXT / (1024 * 1024)} MiB of text`);
  error.name = "ShareTooLarge";
  return error;
}

/** Compressed bytes handed to the decompressor at a time. */
const INFLATE_SLICE = 16 * 1024;

/**
 * Inflates `bytes` as a stream and stops as soon as more than `limit` bytes come out (the
 * stream is cancelled, so the rest is never inflated); rejects with `tooLarge()` then.
 */
async function inflateAtMost(bytes, limit) {
  // Fed in small slices, pulled only as the output is read: a whole fragment handed over as one
  // chunk may be inflated in full before the first read sees its size. Deflate expands a slice
  // at most about 1,032 times, so each step holds at most about 16 MiB.
  let fed = 0;
  const slices = new ReadableStream(
    {
      pull(controller) {
        if (fed >= bytes.byteLength) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.subarray(fed, (fed += INFLATE_SLICE)));
      },
    },
    { highWaterMark: 0 },
  );
  const reader = slices.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The text a share fragment holds; rejects when the fragment is damaged, and with an error
 * named "ShareTooLarge" when it holds more than MAX_SHARE_TEXT bytes.
 */
export async function decodeShare(fragment) {
  if (!fragment.startsWith(SHARE_PREFIX)) throw new Error("not a jobscope share link");
  if (fragment.length > MAX_SHARE_FRAGMENT) throw tooLarge();
  const inflated = await inflateAtMost(fromBase64Url(fragment.slice(SHARE_PREFIX.length)), MAX_SHARE_TEXT);
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

// ---- Drafts: the history of the user's texts, in IndexedDB. -----------------------------------
// Which drafts are kept is decided in Rust (src/drafts.rs, the `plan` given to `recordDraft`);
// this only stores them. Two object stores: `drafts` holds each draft's small record (id, times,
// size, reason, the tab that wrote it, a hash and the first characters) and `texts` its text
// under the same id, so listing the history never reads the texts.

const DRAFTS_DB = "jobscope-drafts";

/** This tab, for telling its drafts from another tab's (a tab's young edit is overwritten). */
const TAB = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** How many characters of a text a draft's record keeps, for the menu's first line. */
const HEAD = 400;

let draftsDb = null;

function openDrafts() {
  if (!draftsDb) {
    draftsDb = new Promise((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new Error("IndexedDB is unavailable");
      const request = indexedDB.open(DRAFTS_DB, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore("drafts", { keyPath: "id", autoIncrement: true });
        request.result.createObjectStore("texts");
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer page in another tab upgrading the database waits for this connection: let it
        // go, and open again on the next use (a newer schema then fails that open, which the
        // page reports once, instead of blocking the other tab).
        db.onversionchange = () => {
          db.close();
          draftsDb = null;
        };
        // The browser closed it (storage cleared, disk error): open again on the next use.
        db.onclose = () => {
          draftsDb = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error("IndexedDB did not open"));
      request.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    });
    draftsDb.catch(() => {
      draftsDb = null;
    });
  }
  return draftsDb;
}

/** FNV-1a over the UTF-16 code units: equal texts have equal hashes (compared again in full). */
function textHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Records `text` as a draft for `reason` in one transaction: reads the drafts' records, finds a
 * draft with the same text, asks `plan(stored, added)` (Rust: src/ui/drafts.rs) what to write and
 * delete, and does it. Resolves to true when written, false when the plan skipped it; rejects
 * when IndexedDB is unavailable or full.
 */
export async function recordDraft(text, reason, plan) {
  const db = await openDrafts();
  const time = Date.now();
  const hash = textHash(text);
  const bytes = utf8Length(text);
  return new Promise((resolve, reject) => {
    let written = false;
    const tx = db.transaction(["drafts", "texts"], "readwrite");
    const drafts = tx.objectStore("drafts");
    const texts = tx.objectStore("texts");
    tx.oncomplete = () => resolve(written);
    tx.onabort = () => reject(tx.error ?? new Error("the draft was not saved"));
    const all = drafts.getAll();
    all.onsuccess = () => {
      const records = all.result;
      const candidates = records.filter((r) => r.hash === hash && r.bytes === bytes);
      // The first candidate whose text is equal, checked one by one (hash collisions are rare).
      const check = (at, same) => {
        if (same !== undefined || at >= candidates.length) return decide(same);
        const got = texts.get(candidates[at].id);
        got.onsuccess = () => check(at + 1, got.result === text ? candidates[at].id : undefined);
      };
      const decide = (same) => {
        const stored = records.map((r) => ({
          id: r.id,
          started: r.started,
          time: r.time,
          bytes: r.bytes,
          reason: r.reason,
          own: r.tab === TAB,
          same: r.id === same,
        }));
        const answer = plan(stored, { time, bytes, reason });
        for (const id of answer.delete) {
          drafts.delete(id);
          texts.delete(id);
        }
        const record = { time, bytes, reason: answer.reason, tab: TAB, hash, head: text.slice(0, HEAD) };
        if (answer.write === "add") {
          const added = drafts.add({ ...record, started: time });
          added.onsuccess = () => texts.put(text, added.result);
          written = true;
        } else if (typeof answer.write === "number") {
          const old = records.find((r) => r.id === answer.write);
          drafts.put({ ...record, id: answer.write, started: old ? old.started : time });
          texts.put(text, answer.write);
          written = true;
        }
      };
      check(0, undefined);
    };
  });
}

/** The drafts, newest first: `{ id, time, when, reason, head }` (`when`: the local time). */
export async function listDrafts() {
  const db = await openDrafts();
  const records = await new Promise((resolve, reject) => {
    const request = db.transaction("drafts").objectStore("drafts").getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  records.sort((a, b) => b.time - a.time);
  return records.map((r) => ({
    id: r.id,
    time: r.time,
    when: new Date(r.time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    reason: r.reason,
    head: r.head,
  }));
}

/** A draft's text; rejects when it is gone. */
export async function loadDraft(id) {
  const db = await openDrafts();
  return new Promise((resolve, reject) => {
    const request = db.transaction("texts").objectStore("texts").get(id);
    request.onsuccess = () =>
      typeof request.result === "string" ? resolve(request.result) : reject(new Error("that draft is gone"));
    request.onerror = () => reject(request.error);
  });
}

/**
 * Calls `changed(text)` when another tab of this page saves a different text under `key` in
 * localStorage (the `storage` event fires only in the other tabs).
 */
export function onSavedElsewhere(key, changed) {
  window.addEventListener("storage", (event) => {
    if (event.key === key && typeof event.newValue === "string") changed(event.newValue);
  });
}

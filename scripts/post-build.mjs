// Trunk post_build hook, on the staging directory. First scripts/csp-inline.mjs (the inline
// loader moved to a file; no inline script or style left), then:
//
// 1. The simulation worker's files get content hashes in their names, like every other file
//    of the build. Trunk names a worker's files after its binary only (jobscope-worker.js,
//    jobscope-worker_bg.wasm, jobscope-worker_loader.js), because a worker's URL is chosen at
//    run time; so the names are rewritten here, the glue and the loader rewritten to match, and
//    the loader's name written into index.html as <meta name="jobscope-worker">, where the app
//    reads it (src/ui/worker.rs). Hashed names let hosts cache every file but index.html and
//    sw.js for good (README, "Caching").
// 2. sw.js, the service worker that keeps the page working offline (web/src/page.js registers
//    it): it caches this build's files under a version named by their hashes, serves them from
//    the cache, fetches index.html from the network first, and drops other versions' caches.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("scripts/post-build.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)");
  process.exit(1);
}

// Trunk runs a stage's hooks concurrently; these steps must run in order.
await import("./csp-inline.mjs");

const WORKER = "jobscope-worker";

function hashOf(bytes) {
  return crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

function listFiles(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), `${rel}/`);
    return [rel];
  });
}

function fail(message) {
  console.error(`scripts/post-build.mjs: ${message}`);
  process.exit(1);
}

// ---- 1. The worker's hashed names -------------------------------------------------------
const wasmFile = path.join(staging, `${WORKER}_bg.wasm`);
const glueFile = path.join(staging, `${WORKER}.js`);
const shimFile = path.join(staging, `${WORKER}_loader.js`);
for (const file of [wasmFile, glueFile, shimFile]) {
  if (!fs.existsSync(file)) fail(`${path.basename(file)} is missing: did Trunk's worker output change?`);
}
const wasm = fs.readFileSync(wasmFile);
const wasmName = `${WORKER}-${hashOf(wasm)}_bg.wasm`;
fs.renameSync(wasmFile, path.join(staging, wasmName));

const glue = fs.readFileSync(glueFile, "utf8");
if (!glue.includes(`${WORKER}_bg.wasm`)) fail(`${WORKER}.js does not name ${WORKER}_bg.wasm`);
const hashedGlue = glue.split(`${WORKER}_bg.wasm`).join(wasmName);
const glueName = `${WORKER}-${hashOf(hashedGlue)}.js`;
fs.writeFileSync(path.join(staging, glueName), hashedGlue);
fs.rmSync(glueFile);

// Trunk's shim is `import init from './jobscope-worker.js';await init();`: the same with the
// hashed glue.
const shim = fs.readFileSync(shimFile, "utf8");
if (!shim.includes(`./${WORKER}.js`)) fail(`${WORKER}_loader.js does not import ./${WORKER}.js`);
const hashedShim = shim.split(`./${WORKER}.js`).join(`./${glueName}`);
const loaderName = `${WORKER}-loader-${hashOf(hashedShim)}.js`;
fs.writeFileSync(path.join(staging, loaderName), hashedShim);
fs.rmSync(shimFile);

const indexFile = path.join(staging, "index.html");
let index = fs.readFileSync(indexFile, "utf8");
if (!index.includes("</head>")) fail("index.html has no </head>");
index = index.replace("</head>", `<meta name="jobscope-worker" content="${loaderName}">\n</head>`);

// ---- Snippets no glue imports ---------------------------------------------------------
// wasm-bindgen never empties its output's snippets/ directory, and Trunk copies all of it: a
// module the app stopped importing would still ship (and be cached offline). Keep only what a
// glue file names.
const glues = fs.readdirSync(staging).filter((name) => name.endsWith(".js")).map((name) => fs.readFileSync(path.join(staging, name), "utf8"));
const snippetsDir = path.join(staging, "snippets");
if (fs.existsSync(snippetsDir)) {
  for (const rel of listFiles(snippetsDir, "snippets/")) {
    if (glues.some((code) => code.includes(rel))) continue;
    fs.rmSync(path.join(staging, rel));
    // Trunk preloads every snippet it copied.
    index = index.replace(new RegExp(`<link rel="modulepreload" href="\\./${rel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>\\s*`), "");
  }
}
if (index.includes("snippets/") && [...index.matchAll(/href="\.\/(snippets\/[^"]+)"/g)].some((m) => !fs.existsSync(path.join(staging, m[1])))) {
  fail("index.html still names a snippet that is not shipped");
}
fs.writeFileSync(indexFile, index);

// ---- 2. The offline cache ---------------------------------------------------------------
// Everything the page can ask for, the page itself included ("./" is how a visit asks for it).
const files = listFiles(staging)
  .filter((name) => name !== "sw.js")
  .sort();
const version = hashOf(files.map((name) => `${name}:${hashOf(fs.readFileSync(path.join(staging, name)))}`).join("\n"));
const serviceWorker = `// jobscope's offline cache, written by scripts/post-build.mjs for one build: do not edit.
const CACHE = "jobscope-${version}";
const FILES = ${JSON.stringify(["./", ...files])};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("jobscope-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page from the network when there is one (a new build shows at once), else this
    // build's copy, whatever its query (embeds) or fragment (share links).
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match("./"))),
    );
    return;
  }
  // Every other file has a hashed name or changes only with a new build (and so a new cache).
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
  );
});
`;
fs.writeFileSync(path.join(staging, "sw.js"), serviceWorker);
console.error(`scripts/post-build.mjs: worker ${loaderName}; sw.js caches ${files.length + 1} files as version ${version}`);

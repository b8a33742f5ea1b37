// The service worker (sw.js at the site root): keeps the site usable when
// the intranet drops, over http(s). File:// pages have no service worker;
// they need none.
//
// The build prefixes this file with sw.SITE_MANIFEST: a version that
// changes whenever any file of the site changes, the files to fetch on
// install (the top-level pages and assets/, rules.wasm included) and the
// SHA-256 of each, as a fetch integrity string. Every
// version has its own cache, so a page and the scripts it loads always
// come from the same build; installing a version also fetches anew the
// pages and search shards the reader had visited, and activating it
// deletes the caches of older versions.
//
// Strategies:
//   - pages (navigations): network first, so that readers see the current
//     text; the cached copy when the network fails or is slower than
//     NETWORK_TIMEOUT_MS; a short offline page when neither has it.
//     Pages are cached without their query: calculator.html?matter=22.2
//     and search.html?q=… are the same file.
//   - everything else in scope (assets, search shards): cache first, and
//     what the network brings is kept in the version's cache.
//
// Real servers give a page several addresses: Go's file server (-serve)
// answers /index.html with a redirect to ./, others serve dir/ and
// dir/index.html alike. A page is cached under its index.html address and
// looked up under both; and a response that came through a redirect is
// stored as a fresh copy, because Chromium refuses a redirected response
// for a navigation (a navigation follows its redirects itself), which
// would leave the home page unreachable offline.

interface Manifest {
  version: string;
  precache: string[];
  integrity?: string[]; // of each file of precache, "sha256-<base64>"
}

const sw = self as unknown as ServiceWorkerGlobalScope & { SITE_MANIFEST?: Manifest };

const manifest: Manifest = sw.SITE_MANIFEST || { version: "unversioned", precache: [] };
const PREFIX = "rulesite-";
const CACHE = PREFIX + manifest.version;
const NETWORK_TIMEOUT_MS = 4000;

/** scope is the site root, ending in "/". */
const scope = sw.registration.scope;

sw.addEventListener("install", (event) => {
  event.waitUntil(install().then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

sw.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || req.url.indexOf(scope) !== 0) return;
  if (req.mode === "navigate") {
    event.respondWith(page(event, req));
  } else {
    event.respondWith(file(event, req));
  }
});

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  // As with cache.addAll, one file missing fails the install; unlike it,
  // what is stored is what a navigation can use (storable).
  const integrity = manifest.integrity || [];
  await Promise.all(
    manifest.precache.map((p, i) => {
      const url = new URL(p, scope).href;
      return precacheFile(url, integrity[i] || "").then((resp) => cache.put(url, storable(resp)));
    }),
  );
  await refetchVisited(cache);
}

/**
 * precacheFile fetches a file to precache. The worker installs while the
 * page that registered it is still loading — the calculator downloading
 * rules.wasm, the largest file of all — so a file is first asked of the
 * HTTP cache (force-cache), where the browser has it, or lets this request
 * wait for the page's download of it rather than start a second one; the
 * integrity digest accepts only this build's bytes. Without a digest, or
 * when the HTTP cache holds another build's copy, the file is fetched
 * anew (cache: "reload" skips the HTTP cache).
 */
function precacheFile(url: string, integrity: string): Promise<Response> {
  const fresh = (): Promise<Response> =>
    fetch(new Request(url, { cache: "reload" })).then((resp) => {
      if (!keep(resp)) throw new TypeError("precache " + url + ": " + resp.status);
      return resp;
    });
  if (!integrity) return fresh();
  return fetch(new Request(url, { cache: "force-cache", integrity: integrity })).then(
    (resp) => (keep(resp) ? resp : fresh()),
    fresh,
  );
}

/**
 * refetchVisited fetches into the new cache the files that older versions
 * cached as they were visited (article pages, search shards), so that a
 * reader keeps offline what they had. Failures only leave a file out.
 */
async function refetchVisited(cache: Cache): Promise<void> {
  const have = new Set((await cache.keys()).map((r) => r.url));
  const want = new Set<string>();
  for (const name of await caches.keys()) {
    if (name === CACHE || name.indexOf(PREFIX) !== 0) continue;
    const old = await caches.open(name);
    for (const r of await old.keys()) {
      if (!have.has(r.url)) want.add(r.url);
    }
  }
  await Promise.all(
    Array.from(want).map((url) =>
      fetch(url, { cache: "reload" }).then(
        (resp) => (keep(resp) ? cache.put(url, storable(resp)) : undefined),
        () => undefined,
      ),
    ),
  );
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.indexOf(PREFIX) === 0 && n !== CACHE).map((n) => caches.delete(n)));
  await sw.clients.claim();
  // The page that registered the worker loaded before it existed; keep
  // it (and any other open page) too.
  const cache = await caches.open(CACHE);
  const open = await sw.clients.matchAll({ type: "window" });
  await Promise.all(
    open
      .filter((c) => c.url.indexOf(scope) === 0)
      .map((c) => {
        const key = pageKey(c.url);
        return matchPage(cache, c.url).then((hit) =>
          hit
            ? undefined
            : fetch(key).then(
                (resp) => (keep(resp) ? cache.put(key, storable(resp)) : undefined),
                () => undefined,
              ),
        );
      }),
  );
}

/** keep tells which responses are worth caching: whole, same-origin, OK. */
function keep(resp: Response): boolean {
  return resp.ok && resp.status === 200 && resp.type === "basic";
}

/**
 * storable returns what to keep of a response: the response itself, or,
 * when it came through redirects, a copy that did not, since a navigation
 * refuses a redirected response. The copy has the status, headers and
 * body; it consumes resp's body.
 */
function storable(resp: Response): Response {
  if (!resp.redirected) return resp;
  return new Response(resp.body, { status: resp.status, statusText: resp.statusText, headers: resp.headers });
}

/** pageKey is a page's cache key: its address without query or fragment, a folder naming its index.html. */
function pageKey(url: string): string {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.pathname.charAt(u.pathname.length - 1) === "/") u.pathname += "index.html";
  return u.href;
}

/** folderKey is the other address of an index.html page: its folder (dir/index.html → dir/); otherwise "". */
function folderKey(key: string): string {
  const u = new URL(key);
  const i = u.pathname.lastIndexOf("/");
  if (u.pathname.slice(i + 1) !== "index.html") return "";
  u.pathname = u.pathname.slice(0, i + 1);
  return u.href;
}

/**
 * matchPage finds a page in the cache under either of its addresses
 * (pages are stored under pageKey; a folder address may have been stored
 * by an older worker), as a response a navigation accepts.
 */
function matchPage(cache: Cache, url: string): Promise<Response | undefined> {
  const key = pageKey(url);
  const folder = folderKey(key);
  return cache
    .match(key)
    .then((hit) => hit || (folder ? cache.match(folder) : undefined))
    .then((hit) => (hit ? storable(hit) : undefined));
}

/**
 * Fetched is a response and the promise of its copy in the cache. The
 * copy is taken before anyone reads the body, and the fetch event is kept
 * alive until it is stored (waitUntil must be called while the handler
 * runs, hence the shape).
 */
interface Fetched {
  resp: Response;
  stored: Promise<void>;
}

function fetchAndStore(req: Request, key: string | Request): Promise<Fetched> {
  return fetch(req).then((resp) => {
    if (!keep(resp)) return { resp: resp, stored: Promise.resolve() };
    const copy = storable(resp.clone());
    return { resp: resp, stored: caches.open(CACHE).then((c) => c.put(key, copy)) };
  });
}

function page(event: FetchEvent, req: Request): Promise<Response> {
  const key = pageKey(req.url);
  const network = fetchAndStore(req, key);
  event.waitUntil(network.then((f) => f.stored, noop));
  const fresh = network.then((f) => f.resp);
  return caches
    .open(CACHE)
    .then((c) => matchPage(c, req.url))
    .then((cached) => {
      if (!cached) return fresh.catch(() => offlinePage());
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS));
      return Promise.race([fresh, timeout]).then(
        (resp) => (resp === null || resp.status >= 500 ? cached : resp),
        () => cached,
      );
    });
}

function file(event: FetchEvent, req: Request): Promise<Response> {
  const answer: Promise<Fetched> = caches
    .open(CACHE)
    .then((c) => c.match(req))
    .then((hit) => (hit ? { resp: hit, stored: Promise.resolve() } : fetchAndStore(req, req)));
  event.waitUntil(answer.then((f) => f.stored, noop));
  return answer.then((f) => f.resp);
}

function noop(): void {}

/** offlinePage answers a page that is neither reachable nor cached. */
function offlinePage(): Response {
  const root = escapeHTML(scope);
  const html =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>网络不可用</title><link rel="stylesheet" href="' + root + 'assets/site.css"></head>' +
    '<body><main id="main"><h1>网络不可用，本页尚未保存到本机</h1>' +
    "<p>离线时只能打开在联网时看过的页面，以及首页、限额表、决策路径计算器等主要页面。网络恢复后刷新即可。</p>" +
    '<p><a href="' + root + 'index.html">首页</a> · <a href="' + root + 'thresholds.html">第二十二条限额表</a> · ' +
    '<a href="' + root + 'calculator.html">决策路径计算器</a></p></main></body></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function escapeHTML(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

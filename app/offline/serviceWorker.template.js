// Loopscope's service worker (docs/deploying.md, "Offline and updates").
// tools/vite/serviceWorker.ts fills in the build's version and file list and
// writes it as sw.js beside index.html. Plain JavaScript: it is not bundled.
//
// Every file of one build goes into one cache named after that build, or
// none does; pages are served from the cache of the worker that controls
// them, so a page never mixes two builds. A new build's worker waits until
// the page asks for it (the learner pressed Reload in the update notice) or
// no page of the site is open.

const VERSION = '__LOOPSCOPE_VERSION__';
/** @type {readonly string[]} Paths relative to the site's base, e.g. "assets/index-x.js". */
const FILES = __LOOPSCOPE_FILES__;
const CACHE = `loopscope-${VERSION}`;
const BASE = new URL('./', self.location.href);
/** Files whose name does not change when their content does: always asked of the server. */
const UNVERSIONED = /^(?:index\.html|embed\.html|favicon\.svg|examples\/.*)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await cache.addAll(
          FILES.map(
            (file) =>
              new Request(new URL(file, BASE), {
                cache: UNVERSIONED.test(file) ? 'no-cache' : 'default',
              }),
          ),
        );
      } catch (error) {
        // A half-filled cache would mix with the network: nothing is kept.
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('loopscope-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'loopscope:activate') void self.skipWaiting();
  if (data && data.type === 'loopscope:version' && event.source) {
    event.source.postMessage({ type: 'loopscope:version', version: VERSION });
  }
});

/** The cached file that answers `request`, or null for anything not this build's. */
function cachedPath(request) {
  const url = new URL(request.url);
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return null;
  const path = url.pathname.slice(BASE.pathname.length);
  if (request.mode === 'navigate') {
    if (path === '' || path === 'index.html') return 'index.html';
    if (path === 'embed.html') return 'embed.html';
  }
  return FILES.includes(path) ? path : null;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = cachedPath(request);
  if (path === null) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(new URL(path, BASE), { cacheName: CACHE });
      return cached ?? fetch(request);
    })(),
  );
});

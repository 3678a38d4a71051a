/* Service worker of the portal: pages are kept as they are read, so a document
   opened once opens again without network. Served from the site root (Material
   copies this file from overrides/), registered by assets/portal.js with the
   site root as scope, so it works whatever sub-path the site is served from.
   Pages: network first, the saved copy when the network fails or is slow.
   Assets (CSS, JS, search index): the saved copy at once, refreshed behind. */
"use strict";

var CACHE = "portal-pages-v1"; /* same name as in assets/portal.js */
var SLOW_NETWORK_MS = 4000;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  /* Drop the caches of earlier versions of this file (bump CACHE to start afresh). */
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("portal-pages-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function pageKey(href) {
  var url = new URL(href);
  url.hash = "";
  url.search = "";
  if (/\/index\.html$/.test(url.pathname)) url.pathname = url.pathname.replace(/index\.html$/, "");
  return url.href;
}

/* A fixed text with no script: its policy (as every page's, see csp.py) runs none; the one
   inline style attribute is this file's own, hence 'unsafe-inline' for styles here only. */
function offlinePage() {
  var html = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">" +
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; " +
    "base-uri 'none'; form-action 'none'\">" +
    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
    "<title>Không có kết nối</title><main style=\"font:1.05rem/1.5 system-ui,sans-serif;padding:1rem\">" +
    "<h1>Không có kết nối mạng</h1><p>Trang này chưa được lưu để đọc ngoại tuyến. " +
    "Các văn bản đã mở trước đây vẫn đọc được; hãy thử lại khi có mạng.</p>" +
    "<p><a href=\"" + self.registration.scope + "ngoai-tuyen/\">Xem các văn bản đã lưu trên máy</a></p></main></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function fromNetworkFirst(request) {
  var key = pageKey(request.url);
  return caches.open(CACHE).then(function (cache) {
    var network = fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") cache.put(key, response.clone());
      return response;
    });
    return cache.match(key).then(function (saved) {
      if (!saved) return network.catch(offlinePage);
      var slow = new Promise(function (resolve) { setTimeout(function () { resolve(saved); }, SLOW_NETWORK_MS); });
      return Promise.race([network.catch(function () { return saved; }), slow]);
    });
  });
}

function fromCacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (saved) {
      var network = fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
      if (saved) { network.catch(function () {}); return saved; }
      return network;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") event.respondWith(fromNetworkFirst(request));
  else event.respondWith(fromCacheFirst(request));
});

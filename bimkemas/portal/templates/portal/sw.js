/* Lapor Bapas service worker (served at {{ scope }}sw.js, version {{ version }}).
   - The app shell (styles, scripts, icons, the offline page) is kept on install.
   - Pages: from the network when there is one; the home page and the report form are
     kept, so they open offline (removed when the client signs out).
   - Reports made offline wait in IndexedDB (queue.js) and are sent by Background Sync,
     by the page's `online` event, or on the next page load. */
"use strict";
importScripts({% for script in queue_js %}"{{ script|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %});
var VERSION = "{{ version|escapejs }}";
var SHELL = "lapor-shell-" + VERSION;
var PAGES = "lapor-pages";
var SHELL_URLS = [{% for asset in assets %}"{{ asset|escapejs }}", {% endfor %}"{{ offline_url|escapejs }}"];
var KEPT_PAGES = ["{{ scope|escapejs }}", "{{ checkin_url|escapejs }}"];
var OFFLINE = "{{ offline_url|escapejs }}";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SHELL_URLS);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("lapor-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function page(request) {
  var path = new URL(request.url).pathname;
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected && KEPT_PAGES.indexOf(path) !== -1) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(path, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(path, { cacheName: PAGES }).then(function (kept) {
      return kept || caches.match(OFFLINE);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (SHELL_URLS.indexOf(url.pathname) !== -1 && url.pathname !== OFFLINE) {
    event.respondWith(caches.match(url.pathname).then(function (hit) {
      return hit || fetch(request);
    }));
    return;
  }
  var path = url.pathname;
  if (request.mode === "navigate" || KEPT_PAGES.indexOf(path) !== -1) {
    event.respondWith(page(request));
  }
});

function tellPages(summary) {
  if (!summary.sent.length) return;
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (pages) {
    pages.forEach(function (client) { client.postMessage({ type: "lapor-sent", sent: summary.sent }); });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag !== "lapor-queue") return;
  event.waitUntil(LaporQueue.flush().then(function (summary) {
    return Promise.resolve(tellPages(summary)).then(function () {
      // Still waiting for the network: failing makes the browser try again later.
      if (summary.waiting) throw new Error("reports still waiting");
    });
  }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "flush") {
    event.waitUntil(LaporQueue.flush().then(tellPages));
  }
});

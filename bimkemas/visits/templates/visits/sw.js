/* Home visits service worker (served at {{ scope }}sw.js, version {{ version }}).
   - Static files (styles, scripts) are kept: those named below on install, others as the
     pages use them.
   - Pages under {{ scope }}: from the network when there is one, and kept, so the visit
     pages seen online (my visits, the day plan, each stop's visit form) open offline.
   - Visits recorded offline wait in IndexedDB (queue.js) and are sent by Background Sync,
     by the page's `online` event, or on the next page load. */
"use strict";
importScripts({% for script in queue_js %}"{{ script|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %});
var VERSION = "{{ version|escapejs }}";
var SHELL = "visits-shell-" + VERSION;
var STATIC = "visits-static";
var PAGES = "visits-pages";
var SCOPE = "{{ scope|escapejs }}";
var STATIC_PREFIX = "{{ static_prefix|escapejs }}";
var SHELL_URLS = [{% for asset in assets %}"{{ asset|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SHELL_URLS);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("visits-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function staticFile(request, path) {
  return caches.match(path).then(function (hit) {
    if (hit) return hit;
    return fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(STATIC).then(function (cache) { cache.put(path, copy); });
      }
      return response;
    });
  });
}

var LOGIN = "{{ login_url|escapejs }}";

function page(request, path) {
  return fetch(request).then(function (response) {
    if (response.redirected && new URL(response.url).pathname.indexOf(LOGIN) === 0) {
      // Signed out: the pages kept for offline use show clients' details, so they go.
      caches.delete(PAGES);
      return response;
    }
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(path, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(path, { cacheName: PAGES }).then(function (kept) {
      return kept || new Response(
        "<!doctype html><meta charset=utf-8><title>Offline</title>" +
        "<p>Offline: this page was not opened before. / Luring: halaman ini belum pernah dibuka.</p>",
        { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf(STATIC_PREFIX) === 0) {
    event.respondWith(staticFile(request, url.pathname));
    return;
  }
  if (url.pathname.indexOf(SCOPE) === 0 && url.pathname !== SCOPE + "sw.js"
      && url.pathname !== SCOPE + "token/" && url.pathname.indexOf("/photos/") === -1) {
    event.respondWith(page(request, url.pathname));
  }
});

function tellPages(summary) {
  if (!summary.sent.length && !summary.failed.length) return;
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (pages) {
    pages.forEach(function (client) {
      client.postMessage({ type: "visits-sent", sent: summary.sent, failed: summary.failed });
    });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag !== "visits-queue") return;
  event.waitUntil(VisitQueue.flush().then(function (summary) {
    return Promise.resolve(tellPages(summary)).then(function () {
      if (summary.waiting) throw new Error("visits still waiting");
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "flush") event.waitUntil(VisitQueue.flush().then(tellPages));
  if (data.type === "keep" && Array.isArray(data.urls)) {
    // The page's own static files (htmx and the like), so the next offline load has them.
    event.waitUntil(caches.open(STATIC).then(function (cache) {
      return Promise.all(data.urls.map(function (u) {
        var path = new URL(u, self.location.origin).pathname;
        return caches.match(path).then(function (hit) {
          if (hit) return;
          return fetch(u).then(function (r) { if (r.ok) return cache.put(path, r); }).catch(function () {});
        });
      }));
    }));
  }
});

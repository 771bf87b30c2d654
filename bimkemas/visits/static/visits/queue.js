/* Home visits: the phone's queue of recorded visits (IndexedDB), shared by the page and the
   service worker. A visit is stored first and sent after; it leaves the queue only when the
   server has it (201) or refused it for good (400: kept as "failed" to show why). Every
   visit carries the idempotency key made once for its form, so sending it twice (page and
   worker at once, a lost answer) still makes one record. */
(function (scope) {
  "use strict";
  var DB_NAME = "bimkemas-visits";
  var STORE = "visits";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function put(item) { return withStore("readwrite", function (s) { return s.put(item); }); }
  function remove(key) { return withStore("readwrite", function (s) { return s.delete(key); }); }
  function all() {
    return withStore("readonly", function (s) { return s.getAll(); }).then(function (items) {
      return (items || []).sort(function (a, b) { return a.created < b.created ? -1 : 1; });
    });
  }

  function newKey() {
    if (scope.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
  }

  /* One attempt: {outcome: "sent" | "failed" (with detail) | "offline" | "signin" |
     "other" (another officer is signed in on this phone) | "later" (server trouble)}. */
  function send(item) {
    var json = { credentials: "same-origin", headers: { Accept: "application/json" } };
    return fetch(item.tokenUrl, json).then(function (response) {
      if (response.status === 401 || response.redirected) return { outcome: "signin" };
      if (!response.ok) return { outcome: "later" };
      return response.json().then(function (token) {
        if (item.owner && token.user !== item.owner) return { outcome: "other" };
        var body = new FormData();
        item.fields.forEach(function (pair) {
          if (pair[0] !== "csrfmiddlewaretoken") body.append(pair[0], pair[1]);
        });
        item.files.forEach(function (file) { body.append(file.name, file.blob, file.filename); });
        body.append("csrfmiddlewaretoken", token.csrf);
        return fetch(item.url, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": token.csrf },
        }).then(function (answer) {
          if (answer.status === 201) {
            return answer.json().then(function (data) {
              return { outcome: "sent", done_url: data.done_url };
            });
          }
          if (answer.status === 400) {
            return answer.json().then(function (data) {
              return { outcome: "failed", detail: data.detail };
            });
          }
          if (answer.redirected || answer.status === 401 || answer.status === 403) {
            return { outcome: "signin" };
          }
          return { outcome: "later" };
        });
      });
    }).catch(function () { return { outcome: "offline" }; });
  }

  function deliver(item) {
    return send(item).then(function (result) {
      if (result.outcome === "sent") return remove(item.key).then(function () { return result; });
      if (result.outcome === "failed") {
        item.status = "failed";
        item.detail = result.detail;
        return put(item).then(function () { return result; });
      }
      return result;
    });
  }

  var flushing = null;
  /* Send every queued visit, oldest first; stops at the first sign of no network.
     Resolves to {sent: [...], failed: [...], waiting: number}. */
  function flush() {
    if (flushing) return flushing;
    var summary = { sent: [], failed: [], waiting: 0 };
    flushing = all().then(function (items) {
      var queued = items.filter(function (item) { return item.status !== "failed"; });
      return queued.reduce(function (previous, item) {
        return previous.then(function (stop) {
          if (stop) { summary.waiting += 1; return true; }
          return deliver(item).then(function (result) {
            if (result.outcome === "sent") summary.sent.push(item.key);
            else if (result.outcome === "failed") summary.failed.push(item.key);
            else { summary.waiting += 1; return true; }
            return false;
          });
        });
      }, Promise.resolve(false));
    }).then(function () { return summary; }).finally(function () { flushing = null; });
    return flushing;
  }

  scope.VisitQueue = {
    put: put, remove: remove, all: all, newKey: newKey, deliver: deliver, flush: flush,
  };
})(self);

/* The phone's queue of forms recorded offline (IndexedDB), and photos made smaller before
   they are queued. Shared by a page and its service worker: the client app's reports
   (portal/queue.js) and the officer's home visits (visits/queue.js) each make a queue with
   `makeOfflineQueue(options)`. An item is stored first and sent after; it leaves the queue
   only when the server has it (201) or refused it for good (400: kept as "failed" to show
   why). Every item carries the idempotency key made once for its form, so sending it twice
   (page and worker at once, a lost answer) still makes one record.

   options: dbName, store (IndexedDB names); ownerField (the field of the token answer that
   must match item.owner); outcomeOf(answer) (the outcome of any other answer than 201/400:
   "signin", "other" or "later"). */
(function (scope) {
  "use strict";
  var MAX_SIDE = 1600; // px: a phone photo of 4000 px shrinks to a few hundred KB

  /* A photo made smaller before it is queued (page only: needs a canvas): {blob, filename}. */
  scope.shrinkPhoto = function (file) {
    if (!file.type || file.type.indexOf("image/") !== 0 || !window.createImageBitmap) {
      return Promise.resolve({ blob: file, filename: file.name });
    }
    return createImageBitmap(file).then(function (bitmap) {
      var ratio = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      if (ratio === 1 && file.size < 700000) return { blob: file, filename: file.name };
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * ratio);
      canvas.height = Math.round(bitmap.height * ratio);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob ? { blob: blob, filename: "foto.jpg" } : { blob: file, filename: file.name });
        }, "image/jpeg", 0.85);
      });
    }).catch(function () { return { blob: file, filename: file.name }; });
  };

  scope.makeOfflineQueue = function (options) {
    function open() {
      return new Promise(function (resolve, reject) {
        var request = indexedDB.open(options.dbName, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(options.store, { keyPath: "key" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }

    function withStore(mode, work) {
      return open().then(function (db) {
        return new Promise(function (resolve, reject) {
          var tx = db.transaction(options.store, mode);
          var result = work(tx.objectStore(options.store));
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

    /* A random UUID (version 4): the server's idempotency key for one form. */
    function newKey() {
      if (scope.crypto && crypto.randomUUID) return crypto.randomUUID();
      var bytes = crypto.getRandomValues(new Uint8Array(16));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      var hex = Array.prototype.map.call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      }).join("");
      return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
        hex.slice(20)].join("-");
    }

    /* One attempt. Resolves to {outcome, ...}: "sent" (with done_url), "failed" (refused,
       with detail), "offline" (no network: try later), "signin" (signed out), "other"
       (someone else is signed in on this phone), "later" (server trouble: try later). */
    function send(item) {
      var json = { credentials: "same-origin", headers: { Accept: "application/json" } };
      return fetch(item.tokenUrl, json).then(function (response) {
        if (response.status === 401 || response.redirected) return { outcome: "signin" };
        if (!response.ok) return { outcome: "later" };
        return response.json().then(function (token) {
          if (item.owner && token[options.ownerField] !== item.owner) return { outcome: "other" };
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
            return { outcome: options.outcomeOf(answer) || "later" };
          });
        });
      }).catch(function () { return { outcome: "offline" }; });
    }

    /* Send one stored item and keep the queue in step with the answer. */
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
    /* Send every queued item, oldest first; stops at the first sign of no network.
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

    return {
      put: put, remove: remove, all: all, newKey: newKey, deliver: deliver, flush: flush,
    };
  };
})(self);

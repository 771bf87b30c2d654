/* Home visit pages on the officer's phone: registers the service worker (offline pages),
   keeps the visit forms of the day on the phone, takes the GPS position, adds rows of
   persons met, and sends a recorded visit through the phone's queue (queue.js) so a visit
   recorded without a connection is kept and sent when the connection returns. Without this
   script every page still works as a plain form. */
(function () {
  "use strict";
  var app = document.getElementById("visits-app");
  if (!app) return;
  var Q = window.VisitQueue;
  var text = app.dataset;

  function status(kind, message) {
    var box = document.getElementById("queue-status");
    if (!box) return;
    box.className = "alert " + kind + " alert-" + ({ queued: "warning", sent: "success", failed: "danger", sending: "info" }[kind] || "info");
    box.textContent = message;
    box.hidden = false;
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator)) return Promise.resolve(null);
    return navigator.serviceWorker.register(text.sw, { scope: text.scope })
      .catch(function () { return null; });
  }

  function keepForOffline() {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    navigator.serviceWorker.ready.then(function (registration) {
      var urls = [];
      document.querySelectorAll("script[src], link[rel=stylesheet]").forEach(function (el) {
        urls.push(el.src || el.href);
      });
      if (registration.active) registration.active.postMessage({ type: "keep", urls: urls });
      // Each stop's visit form, fetched once now so that it opens offline in the field.
      document.querySelectorAll("a[data-offline]").forEach(function (a) {
        fetch(a.href, { credentials: "same-origin" }).catch(function () {});
      });
    });
  }

  function askForSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("visits-queue");
    }).catch(function () {});
  }

  function showPending() {
    if (!Q) return Promise.resolve(0);
    var list = document.getElementById("pending-list");
    return Q.all().then(function (items) {
      var mine = items.filter(function (i) { return !text.owner || i.owner === text.owner; });
      if (list) {
        list.textContent = "";
        mine.forEach(function (item) {
          var li = document.createElement("li");
          li.className = "list-group-item d-flex flex-wrap gap-2 justify-content-between";
          li.textContent = item.label + " · " + (item.status === "failed" ? text.msgFailed + " " + (item.detail || "") : text.msgWaiting);
          if (item.status === "failed") {
            var drop = document.createElement("button");
            drop.type = "button";
            drop.className = "btn btn-sm btn-outline-danger";
            drop.textContent = text.msgRemove;
            drop.addEventListener("click", function () { Q.remove(item.key).then(showPending); });
            li.appendChild(drop);
          }
          list.appendChild(li);
        });
        var box = document.getElementById("pending");
        if (box) box.hidden = mine.length === 0;
      }
      var waiting = mine.filter(function (i) { return i.status !== "failed"; }).length;
      if (waiting) status("queued", text.msgQueued);
      return waiting;
    });
  }

  function flush() {
    if (!Q || !navigator.onLine) return Promise.resolve();
    return Q.flush().then(function (summary) {
      if (summary.sent.length && !summary.waiting) status("sent", text.msgSent);
      if (summary.failed.length) status("failed", text.msgFailed);
      return showPending();
    });
  }

  /* ---- the visit form -------------------------------------------------------------- */
  function locate(form) {
    var button = document.getElementById("location-button");
    var note = document.getElementById("location-status");
    if (!button || !("geolocation" in navigator)) return;
    button.hidden = false;
    function take() {
      note.textContent = text.msgLocating;
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.latitude.value = position.coords.latitude.toFixed(6);
        form.elements.longitude.value = position.coords.longitude.toFixed(6);
        form.elements.accuracy.value = Math.round(position.coords.accuracy);
        note.textContent = text.msgLocated.replace("{metres}", Math.round(position.coords.accuracy));
      }, function () {
        note.textContent = text.msgNoLocation;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    }
    button.addEventListener("click", take);
    take();
  }

  function persons() {
    var add = document.getElementById("add-person");
    var list = document.getElementById("persons");
    var template = document.getElementById("person-row");
    if (!add || !list || !template) return;
    var count = list.querySelectorAll(".person-row").length;
    add.hidden = false;
    add.addEventListener("click", function () {
      count += 1;
      var row = template.content.firstElementChild.cloneNode(true);
      row.querySelectorAll("[data-id]").forEach(function (el) {
        var id = el.dataset.id + "-" + count;
        if (el.tagName === "LABEL") el.htmlFor = id; else el.id = id;
      });
      row.querySelector(".remove-person").addEventListener("click", function () { row.remove(); add.focus(); });
      list.appendChild(row);
      row.querySelector("select").focus();
    });
  }

  function localNow() {
    var d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  }

  function collect(form) {
    var fields = [];
    var files = [];
    var pending = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === "file") {
        Array.prototype.forEach.call(el.files, function (file) {
          pending.push(self.shrinkPhoto(file).then(function (done) {
            files.push({ name: el.name, blob: done.blob, filename: done.filename });
          }));
        });
      } else if ((el.type === "checkbox" || el.type === "radio") && !el.checked) {
        return;
      } else if (el.type !== "submit" && el.type !== "button") {
        fields.push([el.name, el.name === "visited_at" && !el.value ? localNow() : el.value]);
      }
    });
    return Promise.all(pending).then(function () { return { fields: fields, files: files }; });
  }

  function visitForm(form) {
    var submit = document.getElementById("visit-submit");
    // One key per form, made when it opens: a form kept offline and opened twice makes two
    // visits, a visit sent twice stays one.
    form.elements.key.value = Q.newKey();
    locate(form);
    persons();
    var photos = form.querySelector("input[type=file]");
    if (photos) {
      photos.addEventListener("change", function () {
        var max = parseInt(photos.dataset.max || "3", 10);
        if (photos.files.length > max) {
          status("failed", text.msgTooMany);
          photos.value = "";
        }
      });
    }
    form.addEventListener("submit", function (event) {
      if (!window.indexedDB || !window.fetch) return; // a plain form post
      event.preventDefault();
      submit.disabled = true;
      status("sending", text.msgSending);
      collect(form).then(function (data) {
        var key = form.elements.key.value;
        var item = {
          key: key, owner: text.owner || "", url: form.action, tokenUrl: text.token,
          label: form.dataset.label || "", fields: data.fields, files: data.files,
          created: new Date().toISOString(), status: "queued",
        };
        return Q.put(item).then(function () { return Q.deliver(item); }).then(function (result) {
          if (result.outcome === "sent") {
            status("sent", text.msgSent);
            form.hidden = true;
            var done = document.getElementById("visit-done");
            if (done) { done.href = result.done_url; done.hidden = false; }
            return;
          }
          submit.disabled = false;
          if (result.outcome === "failed") {
            Q.remove(key);
            status("failed", result.detail || text.msgFailed);
            return;
          }
          form.hidden = true;
          status("queued", result.outcome === "signin" ? text.msgSignin : text.msgQueued);
          askForSync();
        });
      }).catch(function () {
        submit.disabled = false;
        status("failed", text.msgFailed);
      });
    });
  }

  /* ---- start ----------------------------------------------------------------------- */
  registerWorker().then(keepForOffline);
  if (!Q || !window.indexedDB) return;
  var form = document.getElementById("visit-form");
  if (form) visitForm(form);
  showPending().then(flush);
  window.addEventListener("online", flush);
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "visits-sent") {
        if (event.data.sent.length) status("sent", text.msgSent);
        showPending();
      }
    });
  }
})();

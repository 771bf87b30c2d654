/* Lapor Bapas on the page: registers the service worker, takes the location, shows photo
   previews, shrinks photos, and sends the report through the phone's queue (queue.js) so a
   report made offline is kept and sent when the connection returns. Without this script
   every page still works as a plain form. */
(function () {
  "use strict";
  var body = document.body;
  var Q = window.LaporQueue;
  var text = {
    queued: body.dataset.msgQueued,
    sent: body.dataset.msgSent,
    failed: body.dataset.msgFailed,
    signin: body.dataset.msgSignin,
    waiting: body.dataset.msgWaiting,
    sending: body.dataset.msgSending,
    located: body.dataset.msgLocated,
    noLocation: body.dataset.msgNoLocation,
    choose: body.dataset.msgChoose,
    tooMany: body.dataset.msgTooMany,
  };

  function status(kind, message) {
    var box = document.getElementById("queue-status");
    if (!box) return;
    box.className = "status " + kind;
    box.textContent = message;
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator)) return Promise.resolve(null);
    return navigator.serviceWorker.register(body.dataset.sw, { scope: body.dataset.scope })
      .catch(function () { return null; });
  }

  function askForSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("lapor-queue");
    }).catch(function () { /* Background Sync is optional: the online event also sends */ });
  }

  /* The home page lists the reports still on the phone. */
  function showPending() {
    var list = document.getElementById("pending-list");
    return Q.all().then(function (items) {
      var mine = items.filter(function (i) { return !body.dataset.owner || i.owner === body.dataset.owner; });
      if (list) {
        list.textContent = "";
        mine.forEach(function (item) {
          var li = document.createElement("li");
          var when = new Date(item.created).toLocaleString("id-ID", { dateStyle: "long", timeStyle: "short" });
          li.textContent = when + " · " + (item.status === "failed" ? text.failed + " " + (item.detail || "") : text.waiting);
          if (item.status === "failed") {
            var drop = document.createElement("button");
            drop.type = "button";
            drop.className = "btn secondary";
            drop.textContent = body.dataset.msgRemove;
            drop.addEventListener("click", function () { Q.remove(item.key).then(showPending); });
            li.appendChild(drop);
          }
          list.appendChild(li);
        });
      }
      var waiting = mine.filter(function (i) { return i.status !== "failed"; }).length;
      if (waiting) status("queued", text.queued.replace("{count}", waiting));
      return waiting;
    });
  }

  function flush() {
    if (!navigator.onLine) return Promise.resolve();
    return Q.flush().then(function (summary) {
      if (summary.sent.length && !summary.waiting) status("sent", text.sent);
      return showPending();
    });
  }

  /* ---- the report form -------------------------------------------------------------- */
  function previews(input) {
    var box = document.querySelector('[data-preview-for="' + input.id + '"]');
    if (!box) return;
    input.addEventListener("change", function () {
      box.textContent = "";
      var max = parseInt(input.dataset.max || "1", 10);
      if (input.files.length > max) {
        status("failed", text.tooMany.replace("{count}", max));
        input.value = "";
        return;
      }
      Array.prototype.forEach.call(input.files, function (file, index) {
        var img = document.createElement("img");
        img.src = URL.createObjectURL(file);
        img.alt = (input.labels && input.labels[0] ? input.labels[0].textContent : "") + " " + (index + 1);
        box.appendChild(img);
      });
    });
  }

  function locate(form) {
    var field = document.getElementById("location-field");
    var button = document.getElementById("location-button");
    var note = document.getElementById("location-status");
    if (!field || !("geolocation" in navigator)) return;
    field.classList.remove("hidden");
    function take() {
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.latitude.value = position.coords.latitude.toFixed(6);
        form.elements.longitude.value = position.coords.longitude.toFixed(6);
        form.elements.accuracy.value = Math.round(position.coords.accuracy);
        note.textContent = text.located.replace("{metres}", Math.round(position.coords.accuracy));
        button.classList.add("hidden");
      }, function () {
        note.textContent = text.noLocation;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 120000 });
    }
    button.addEventListener("click", take);
    if (navigator.permissions) {
      navigator.permissions.query({ name: "geolocation" }).then(function (p) {
        if (p.state === "granted") take();
      }).catch(function () {});
    }
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
        fields.push([el.name, el.value]);
      }
    });
    return Promise.all(pending).then(function () { return { fields: fields, files: files }; });
  }

  function setField(fields, name, value) {
    var kept = fields.filter(function (pair) { return pair[0] !== name; });
    kept.push([name, value]);
    return kept;
  }

  function checkinForm(form) {
    var submit = document.getElementById("checkin-submit");
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), previews);
    locate(form);
    form.addEventListener("submit", function (event) {
      if (!window.indexedDB || !window.fetch) return; // a plain form post
      event.preventDefault();
      if (!form.querySelector("input[name=condition]:checked")) {
        status("failed", text.choose);
        form.querySelector("input[name=condition]").focus();
        return;
      }
      submit.disabled = true;
      status("sending", text.sending);
      collect(form).then(function (data) {
        var key = Q.newKey();
        var fields = setField(data.fields, "key", key);
        fields = setField(fields, "filled_at", new Date().toISOString());
        fields = setField(fields, "owner", body.dataset.owner || "");
        var item = {
          key: key, owner: body.dataset.owner || "", url: form.action || location.href,
          tokenUrl: form.dataset.tokenUrl, fields: fields, files: data.files,
          created: new Date().toISOString(), status: "queued",
        };
        return Q.put(item).then(function () { return Q.deliver(item); }).then(function (result) {
          if (result.outcome === "sent") {
            location.assign(result.done_url);
            return;
          }
          submit.disabled = false;
          if (result.outcome === "failed") {
            Q.remove(key);
            status("failed", result.detail || text.failed);
            return;
          }
          form.reset();
          Array.prototype.forEach.call(document.querySelectorAll(".preview"), function (b) { b.textContent = ""; });
          status("queued", result.outcome === "signin" ? text.signin : text.queued.replace("{count}", 1));
          askForSync();
        });
      }).catch(function () {
        submit.disabled = false;
        status("failed", text.failed);
      });
    });
  }

  /* ---- start ------------------------------------------------------------------------ */
  registerWorker().then(function () {
    if (body.dataset.signedOut && window.caches) {
      // Pages kept for offline use show the client's details: not after signing out.
      caches.keys().then(function (names) {
        names.filter(function (n) { return n.indexOf("lapor-pages") === 0; })
          .forEach(function (n) { caches.delete(n); });
      });
    }
    if (body.dataset.owner && body.dataset.checkinUrl && navigator.onLine) {
      // Keep the report form on the phone, so it opens without a connection.
      fetch(body.dataset.checkinUrl, { credentials: "same-origin" }).catch(function () {});
    }
  });
  if (!Q || !window.indexedDB) return;
  var form = document.getElementById("checkin-form");
  if (form) checkinForm(form);
  if (body.dataset.owner) {
    showPending().then(flush);
    window.addEventListener("online", flush);
    if (navigator.serviceWorker) {
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "lapor-sent") {
          status("sent", text.sent);
          showPending();
        }
      });
    }
  }
})();

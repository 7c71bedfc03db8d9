/* On a patient's pages: looks after the service worker (templates/sw.js), says whether
   their answers are saved on the server, offers to install the app, and clears what the
   phone kept about them before signing out. No framework; without it the pages work
   as before, online. */
(function () {
  "use strict";

  var status = document.querySelector("[data-sync-status]");
  var waiting = 0;
  var refused = 0;
  var sentJustNow = false;
  var seenTimer = null;

  function words(key, n) {
    var text = (status && status.dataset[key]) || "";
    return text.replace("%(n)s", String(n));
  }

  function show() {
    if (!status) return;
    var message = "";
    if (refused) {
      message = words(refused === 1 ? "refusedOne" : "refusedOther", refused);
    } else if (waiting) {
      message = words(waiting === 1 ? "waitingOne" : "waitingOther", waiting) + " " +
        words(navigator.onLine ? "sending" : "offline");
    } else if (sentJustNow) {
      message = words("sent");
    }
    status.dataset.waiting = String(waiting);
    // In the player, its own status line says it, shortly: the step keeps the whole screen.
    var line = document.querySelector("#player [data-saving]");
    if (line) {
      status.hidden = true;
      if (waiting && !refused) message = words(waiting === 1 ? "shortOne" : "shortOther", waiting);
      if (line.textContent !== message && (message || line.dataset.fromSync)) {
        line.textContent = message;
        line.dataset.fromSync = "1";
      }
      return;
    }
    if (status.textContent !== message) status.textContent = message;
    status.hidden = !message;
  }

  function post(message) {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage(message);
    });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      /* no offline use on this browser: everything still works online */
    });
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "queue") {
        if (waiting && !data.waiting && !data.refused) {
          sentJustNow = true;  // said for a few seconds, then the line goes
          window.setTimeout(function () { sentJustNow = false; show(); }, 8000);
        }
        waiting = data.waiting || 0;
        refused = data.refused || 0;
        show();
        // Said until read: shown for a while on a page in view, then the next page starts
        // clean (a page that goes sooner leaves it for the next one).
        if (refused && !seenTimer) {
          seenTimer = window.setTimeout(function () {
            if (document.visibilityState === "visible") post({ type: "seen-refused" });
            seenTimer = null;
          }, 15000);
        }
      } else if (data.type === "wiped") {
        waiting = 0;
        refused = 0;
        show();
      } else if (data.type === "pack") {
        document.documentElement.dataset.offlineReady = String(data.days);
      }
    });
    post({ type: "status" });
    // Who is signed in: a pack kept for someone else is replaced (and theirs wiped).
    post({ type: "refresh", user: status ? status.dataset.user : "" });
    post({ type: "sync" });
    window.addEventListener("online", function () { post({ type: "sync" }); show(); });
    window.addEventListener("offline", show);
    window.setInterval(function () { if (waiting && navigator.onLine) post({ type: "sync" }); }, 30000);
  }

  // ---- signing out: nothing about the patient stays on the phone ----------------------
  function clearHere() {
    var jobs = [];
    if (window.caches) {
      jobs.push(window.caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) { return window.caches.delete(key); }));
      }));
    }
    if (window.indexedDB) {
      jobs.push(new Promise(function (resolve) {
        var request = window.indexedDB.deleteDatabase("hipmob");
        request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
      }));
    }
    post({ type: "wipe" });
    // Never hold the sign-out up for long.
    return Promise.race([Promise.all(jobs), new Promise(function (r) { window.setTimeout(r, 1500); })]);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var path = form.action ? new URL(form.action, window.location.href).pathname : "";
    if (path !== "/sign-out/" && path !== "/sign-out/everywhere/") return;
    if (form.dataset.cleared) return;
    event.preventDefault();
    if (waiting && !form.dataset.warned && status) {
      // Answers not sent yet would be lost: say so once, next to the button.
      form.dataset.warned = "1";
      var note = document.createElement("p");
      note.className = "form-errors";
      note.setAttribute("role", "alert");
      note.textContent = words("signOutWarning", waiting);
      form.appendChild(note);
      return;
    }
    clearHere().then(function () {
      form.dataset.cleared = "1";
      form.submit();
    });
  });

  // ---- installing ---------------------------------------------------------------------
  var prompt = null;
  var install = document.querySelector("[data-install]");
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    prompt = event;
    if (install) install.hidden = false;
  });
  document.addEventListener("click", function (event) {
    if (!prompt || !event.target.closest || !event.target.closest("[data-install-button]")) return;
    prompt.prompt();
    prompt = null;
    if (install) install.hidden = true;
  });
  window.addEventListener("appinstalled", function () {
    var card = document.querySelector("[data-install-card]");
    if (card) card.hidden = true;
  });

  document.addEventListener("htmx:afterSettle", show);
  show();
})();

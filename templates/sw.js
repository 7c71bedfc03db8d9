/* HipMob's service worker: today's session without a connection, and notifications.

   What it keeps, and where:
   - IndexedDB "hipmob": the patient's offline pack (patient/offline.py: the next few
     days' plan and every screen of a session), where each session is, and the queue of
     answers given offline, in order, with the time each was given.
   - Cache Storage: static files and exercise pictures only. No page is ever cached: the
     pages it shows offline are built from the pack. Staff pages pass straight through.
   Sign-out clears both (Clear-Site-Data from the server, and offline.js before it).

   Offline, the player's requests are answered here with the next screen and queued;
   when the connection is back they are sent in order, as plain form posts carrying
   the time they were given, and the server saves each exactly once (its writes are
   safe to repeat). Version: __VERSION__ */
"use strict";

var VERSION = "__VERSION__";
var ASSETS = "hipmob-assets-" + VERSION;
var DB_NAME = "hipmob";
var PACK_URL = "/offline/pack.json";
var PACK_MAX_AGE = 15 * 60 * 1000;
var SEND_TIMEOUT = 15000;
var PAGE_TIMEOUT = 8000;  // poor signal: after this, the page is built from the pack
var ANSWER_TIMEOUT = 10000;  // and an answer is kept on the phone (htmx gives up at 15 s)
var MAX_TRIES = 5;  // a server error this many times: the answer is set aside, and said
var PACK_VERSION = 1;
var SESSION = /^\/sessions\/([0-9a-f-]{36})\/(?:(check-in|step|stop|check-out)\/)?$/;
var SESSION_RE_GET = /^\/sessions\/([0-9a-f-]{36})\/$/;
var START = /^\/sessions\/(start|bad-day)\/$/;
// The patient's pages, answered offline with a page built from the pack.
var PATIENT_PAGE = /^\/(?:|today\/|sessions\/.*|history\/|learn\/.*|exercises\/.*|account\/.*|safety\/.*|activities\/|offline\/)$/;
var CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
  "base-uri 'none'; object-src 'none'";

// ---- IndexedDB: a key-value store and the queue ---------------------------------------
function openDb() {
  return new Promise(function (resolve, reject) {
    var request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = function () {
      request.result.createObjectStore("kv");
      request.result.createObjectStore("queue", { autoIncrement: true });
    };
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
}

// Runs `work(store)` in one transaction; resolves with what its last request gave.
function withStore(name, mode, work) {
  return openDb().then(function (db) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(name, mode);
      var result;
      var request = work(tx.objectStore(name));
      if (request) request.onsuccess = function () { result = request.result; };
      tx.oncomplete = function () { db.close(); resolve(result); };
      tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
    });
  });
}
function kvGet(key) { return withStore("kv", "readonly", function (s) { return s.get(key); }); }
function kvPut(key, value) { return withStore("kv", "readwrite", function (s) { return s.put(value, key); }); }
function queueAdd(entry) { return withStore("queue", "readwrite", function (s) { return s.add(entry); }); }
function queueDelete(key) { return withStore("queue", "readwrite", function (s) { return s.delete(key); }); }
function queuePut(key, entry) { return withStore("queue", "readwrite", function (s) { return s.put(entry, key); }); }
function queueCount() { return withStore("queue", "readonly", function (s) { return s.count(); }); }
// A cursor's value must be read inside its transaction.
function queueHead() {
  return openDb().then(function (db) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction("queue", "readonly");
      var found = null;
      tx.objectStore("queue").openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (cursor) found = { key: cursor.key, entry: cursor.value };
      };
      tx.oncomplete = function () { db.close(); resolve(found); };
      tx.onerror = function () { db.close(); reject(tx.error); };
    });
  });
}

function wipe() {
  // Everything about the patient goes: the pack, where sessions were, the queue.
  return Promise.all([
    new Promise(function (resolve) {
      var request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
    }),
    caches.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) { return caches.delete(key); }));
    }),
  ]).then(function () { return tell({ type: "wiped" }); });
}

// ---- the pack ---------------------------------------------------------------------
function getPack() { return kvGet("pack").catch(function () { return null; }); }

var refreshing = null;

// The pack, fetched again when older than PACK_MAX_AGE, from another day, for another
// person (`user`: the signed-in patient a page says it is), or when forced. One fetch
// at a time: a page load asks twice (its navigation and offline.js).
function refreshPack(force, user) {
  return getPack().then(function (pack) {
    var fresh = pack && Date.now() - pack.fetchedAt < PACK_MAX_AGE && pack.days[0] &&
      pack.days[0].date === localDate(pack.timezone) && (!user || pack.user === user);
    if (fresh && !force) return pack;
    if (!refreshing) {
      refreshing = fetchPack(pack).then(function (next) { refreshing = null; return next; },
        function (error) { refreshing = null; throw error; });
    }
    return refreshing;
  });
}

function fetchPack(pack) {
  return fetch(PACK_URL, { credentials: "same-origin", cache: "no-store", redirect: "manual" })
    .then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 404 || response.status === 403) {
        // Signed out (here or everywhere), or not a patient: nothing may stay.
        return wipe().then(function () { return null; });
      }
      if (!response.ok) return pack;
      return response.json().then(function (next) {
        if (next.version !== PACK_VERSION) return pack;  // a newer worker is on its way
        next.fetchedAt = Date.now();
        // Another person signed in on this phone: nothing of the first may stay.
        if (pack && pack.user !== next.user) return wipe().then(function () { return store(next); });
        return store(next);
      });
    })
    .catch(function () { return pack; });  // offline: keep what we have
}

function store(pack) {
  // The files first, then the pack: a pack in IndexedDB means its files are kept too, so
  // another page's "refresh" meanwhile can't say the phone is ready before they are.
  return caches.open(ASSETS).then(function (cache) {
    // One by one: a missing picture mustn't lose the others.
    return Promise.all(pack.assets.map(function (url) {
      return cache.match(url).then(function (hit) {
        return hit || cache.add(url).catch(function () { /* try again next time */ });
      });
    }));
  }).then(function () {
    return kvPut("pack", pack);
  }).then(function () {
    return tell({ type: "pack", days: pack.days.length });
  }).then(function () { return pack; });
}

// The patient's own date, in their time zone (not the phone's).
function localDate(timeZone) {
  var parts = {};
  new Intl.DateTimeFormat("en-GB", { timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
  return parts.year + "-" + parts.month + "-" + parts.day;
}

function dayByDate(pack, date) {
  return pack.days.filter(function (day) { return day.date === date; })[0] || null;
}
function dayByCode(pack, code, aliases) {
  return pack.days.filter(function (day) {
    return day.code === code || (aliases && aliases[day.code] === code);
  })[0] || null;
}

// ---- where a session is ---------------------------------------------------------------
function getState(code) { return kvGet("state:" + code).catch(function () { return null; }); }
function putState(state) { return kvPut("state:" + state.code, state); }

// The server says where a session is in headers (patient/views/player.py): kept, so a
// connection lost in the middle carries on from the same step.
function noteState(response) {
  var code = response.headers.get("HipMob-Session");
  if (!code) return Promise.resolve();
  var step = response.headers.get("HipMob-Step");
  var pain = response.headers.get("HipMob-Pain-Before");
  return putState({
    code: code,
    stage: response.headers.get("HipMob-Stage"),
    index: step ? parseInt(step, 10) : 0,
    painBefore: pain ? parseInt(pain, 10) : null,
    variant: response.headers.get("HipMob-Bad-Day") ? "bad_day" : "normal",
    reason: response.headers.get("HipMob-Stopped") || "",
  }).catch(function () {});
}

function initialState(day, variant) {
  return { code: day.code, stage: "checkin", index: 0, painBefore: null, variant: variant, reason: "" };
}

// ---- building pages from the pack ---------------------------------------------------
function html(body, status) {
  return new Response(body, {
    status: status || 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": CSP,
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function waitingText(pack, waiting) {
  if (!waiting) return "";
  var text = waiting === 1 ? pack.texts.waiting_one : pack.texts.waiting_other;
  return text.replace("%(n)s", String(waiting));
}

function screen(pack, day, state, waiting, problem) {
  var screens = pack.player[state.variant] || pack.player.normal;
  var body;
  if (state.stage === "checkin") body = screens.checkin;
  else if (state.stage === "step") body = screens.steps[state.index] || screens.checkout[""];
  else if (state.stage === "checkout") body = screens.checkout[state.reason || ""] || screens.checkout[""];
  else {
    // The stop advice first, as on the server's summary, then what the scores mean.
    body = put(screens.summary, "<!--hipmob:advice-->",
      (pack.stop_advice[state.reason || ""] || "") +
      (pack.advice[state.painBefore + "," + state.painAfter] || ""));
  }
  if (state.stage === "step" && state.painBefore !== null) {
    body = put(body, "<!--hipmob:high-pain-->", pack.high_pain[String(state.painBefore)] || "");
  }
  var note = problem ? '<strong role="alert">' + problem + "</strong>" : waitingText(pack, waiting);
  return fill(pack, day, put(body, "<!--hipmob:saving-->", note));
}

// Puts `text` in place of `marker` (a function, so "$" in the text stays as it is).
function put(html, marker, text) {
  return html.replace(marker, function () { return text; });
}

function page(pack, body) {
  return put(pack.shell, "<!--hipmob:player-->", body);
}

function offlineResponse(url) {
  return Promise.all([getPack(), queueCount().catch(function () { return 0; }), kvGet("aliases").catch(function () { return null; })])
    .then(function (found) {
      var pack = found[0], waiting = found[1], aliases = found[2] || {};
      if (!pack) return fallback();
      var path = url.pathname;
      if (path === "/" || path === pack.urls.today) return todayPage(pack);
      var match = path.match(SESSION_RE_GET);
      var day = match && dayByCode(pack, match[1], aliases);
      if (!day) return html(pack.offline);
      return getState(day.code).then(function (state) {
        state = state || initialState(day, day.bad_day ? "bad_day" : "normal");
        // Finished online: there is no summary to show offline, Today says it is done.
        if (state.stage === "summary") return todayPage(pack);
        var stopped = blocked(pack, day, state);
        if (stopped && stopped.today) return todayPage(pack);
        if (stopped) return html(page(pack, fill(pack, day, stopped.screen)));
        return html(page(pack, screen(pack, day, state, waiting)));
      });
    });
}
// A session that can't go on offline, as the server would show it: exercise paused (a
// safety answer), or its day over (an unfinished session stays as it was). null: it can.
// {screen} to show in the player, or {today} when only Today can say why.
function blocked(pack, day, state) {
  if (day.paused || state.stage === "locked") return pack.locked ? { screen: pack.locked } : { today: true };
  var over = state.stage === "past" || day.date < localDate(pack.timezone);
  if (over && state.stage !== "saved_offline") return { screen: day.past };
  return null;
}

function fill(pack, day, body) {
  return body.split(pack.placeholder).join(day.code);
}

function todayPage(pack) {
  var day = dayByDate(pack, localDate(pack.timezone));
  if (!day) return html(pack.offline);
  return getState(day.code).then(function (state) {
    var status = day.status;
    if (state) status = state.stage === "summary" || state.stage === "saved_offline" ? "completed" : "started";
    return html(day.today[status] || day.today.new);
  });
}

function fallback() {
  return html("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" " +
    "content=\"width=device-width, initial-scale=1\"><title>Offline · HipMob</title>" +
    "<link rel=\"stylesheet\" href=\"/static/css/app.css\"><main class=\"site-main\" id=\"main\">" +
    "<h1>You're offline</h1><p>HipMob needs a connection to open this page. " +
    "Please try again when you are online.</p><p><a class=\"button\" href=\"/today/\">Try again</a></p></main></html>", 503);
}

// ---- the player offline: the next screen, worked out from the pack ----------------------
function valid(value, low, high) {
  var n = parseInt(value, 10);
  return String(n) === String(value) && n >= low && n <= high ? n : null;
}

// Where `state` goes after the answer in `form` (the same rules as practice/steps.py:
// a skip covers this side, this set, or the rest of the exercise). null: not valid.
function advance(pack, state, action, form) {
  var screens = pack.player[state.variant] || pack.player.normal;
  var keys = screens.keys;
  var next = Object.assign({}, state);
  if (action === "check-in") {
    if (state.stage !== "checkin") return next;
    var pain = valid(form.get("pain"), 0, 10);
    if (pain === null) return null;
    next.painBefore = pain;
    next.stage = keys.length ? "step" : "checkout";
    next.index = 0;
  } else if (action === "step") {
    if (state.stage !== "step") return next;
    var item = form.get("item"), side = form.get("side"), set = form.get("set_number");
    var index = -1;
    keys.forEach(function (key, i) {
      if (String(key[0]) === item && key[1] === side && String(key[2]) === set) index = i;
    });
    var chosen = form.get("action");
    if (index < 0 || ["done", "easier", "skip"].indexOf(chosen) < 0) return null;
    if (chosen === "skip" && !form.get("reason")) return null;
    var last = index;
    if (chosen === "skip") {
      var scope = form.get("scope") || "exercise";
      keys.forEach(function (key, i) {
        var sameItem = String(key[0]) === item;
        if ((scope === "set" && sameItem && String(key[2]) === set) || (scope === "exercise" && sameItem)) {
          last = Math.max(last, i);
        }
      });
    }
    next.index = last + 1;
    if (next.index >= keys.length) next.stage = "checkout";
  } else if (action === "stop") {
    if (state.stage !== "step") return next;
    if (!form.get("reason")) return null;
    next.reason = form.get("reason");
    next.stage = "checkout";
  } else if (action === "check-out") {
    if (state.stage !== "checkout") return next;
    var after = valid(form.get("pain"), 0, 10);
    var worst = valid(form.get("pain_worst"), 0, 10);
    if (after === null || worst === null || !form.get("effort")) return null;
    next.painAfter = after;
    next.stage = "saved_offline";
  }
  return next;
}

// ---- sending what waited, in order ---------------------------------------------------
var sending = null;

function flush() {
  if (!sending) {
    sending = sendAll().then(function (result) { sending = null; return result; },
      function (error) { sending = null; throw error; });
  }
  return sending;
}

function timed(request) {
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, SEND_TIMEOUT);
  return fetch(request, { signal: controller.signal }).then(function (response) {
    clearTimeout(timer);
    return response;
  }, function (error) { clearTimeout(timer); throw error; });
}

function replay(entry, aliases, token) {
  var path = entry.url;
  var match = path.match(SESSION);
  if (match && aliases[match[1]]) path = path.replace(match[1], aliases[match[1]]);
  var body = new URLSearchParams(entry.body);
  if (token) body.set("csrfmiddlewaretoken", token);
  return timed(new Request(path, {
    method: "POST",
    body: body.toString(),
    // The server answers a replay with whether it is saved (204) or not (409, 422),
    // not with a page (patient/views/player.py).
    headers: { "Content-Type": "application/x-www-form-urlencoded", "HipMob-Replay": "1" },
    credentials: "same-origin",
    // A start is followed to the session it opened; any other redirect is to sign in.
    redirect: START.test(path) ? "follow" : "manual",
  }));
}

// What became of an answer sent late: "sent" (it is saved), "refused" (the server won't
// take it: set aside, and the patient told), "forbidden" (the page's token has changed
// since), "signed out", or "later" (no connection, or the server failing).
function outcome(entry, response) {
  if (response.status >= 500) return "later";
  if (START.test(entry.url)) {
    var landed = new URL(response.url).pathname;
    if (landed.indexOf("/sign-in/") === 0) return "signed out";
    if (response.status === 403) return "forbidden";
    return SESSION_RE_GET.test(landed) && response.ok ? "sent" : "refused";
  }
  if (response.type === "opaqueredirect") return "signed out";
  if (response.status === 204) return "sent";
  if (response.status === 403) return "forbidden";
  return "refused";
}

function sendAll() {
  var aliases = {};
  var token = null;
  var user = null;
  // Nothing waiting (the usual case, before every page): no need to read the pack.
  return queueHead().then(function (head) {
    if (!head) return null;
    return Promise.all([kvGet("aliases"), getPack()]).then(function (found) {
      aliases = found[0] || {};
      user = found[1] ? found[1].user : null;
    });
  }).then(function next() {
    return queueHead().then(function (head) {
      if (!head) return tellQueue().then(function () { return "empty"; });
      if (head.entry.user && user && head.entry.user !== user) {
        // Kept for someone no longer signed in here: never sent as another person.
        return queueDelete(head.key).then(next);
      }
      return replay(head.entry, aliases, token).then(function (response) {
        var result = outcome(head.entry, response);
        if (result === "forbidden" && !token) {
          // The token the page had has changed (signed in again): one more try with a
          // new one, if the pack still belongs to the same person (else it is wiped).
          return refreshPack(true).then(function (pack) {
            if (!pack) return "signed out";
            user = pack.user;
            token = pack.csrf;
            return next();
          });
        }
        if (result === "signed out") {
          // Signed out here or everywhere: what the phone kept goes (it holds health
          // data), the answers not sent with it; sign-out warned about them.
          return wipe().then(function () { return "signed out"; });
        }
        if (result === "later") {
          head.entry.tries = (head.entry.tries || 0) + (response.status >= 500 ? 1 : 0);
          if (head.entry.tries < MAX_TRIES) {
            return queuePut(head.key, head.entry).then(tellQueue).then(function () { return "later"; });
          }
          result = "refused";  // the server keeps failing on this one: the rest go on
        }
        var done = Promise.resolve();
        if (result === "sent" && START.test(head.entry.url)) {
          var real = new URL(response.url).pathname.match(SESSION_RE_GET)[1];
          if (real !== head.entry.code) {
            aliases[head.entry.code] = real;
            done = kvPut("aliases", aliases);
          }
        }
        if (result !== "sent") done = done.then(refusedOne);
        return done.then(function () { return queueDelete(head.key); }).then(tellQueue).then(next);
      }, function () {
        return tellQueue().then(function () { return "later"; });  // still offline
      });
    });
  });
}

function refusedOne() {
  return kvGet("refused").then(function (n) { return kvPut("refused", (n || 0) + 1); });
}

// ---- telling the pages ------------------------------------------------------------------
function tell(message) {
  return self.clients.matchAll({ includeUncontrolled: true, type: "window" }).then(function (list) {
    list.forEach(function (client) { client.postMessage(message); });
  });
}
function tellQueue() {
  return Promise.all([queueCount(), kvGet("refused")]).then(function (found) {
    return tell({ type: "queue", waiting: found[0], refused: found[1] || 0 });
  }).catch(function () {});
}

// ---- requests ----------------------------------------------------------------------
function after(milliseconds, value) {
  return new Promise(function (resolve) { setTimeout(function () { resolve(value); }, milliseconds); });
}

function handlePage(event, url) {
  // What waits goes first, so the server's page is up to date; with poor signal the page
  // is built from the pack after PAGE_TIMEOUT instead of leaving a blank screen.
  var online = flush().catch(function () {}).then(function () {
    return fetch(event.request).then(function (response) {
      if (response.type === "opaqueredirect") {
        // Where to is hidden from the worker; if it is to sign in (signed out here or
        // everywhere), asking for the pack finds out and clears what the phone kept.
        event.waitUntil(refreshPack(true));
      } else if (response.ok) {
        event.waitUntil(noteState(response).then(function () { return refreshPack(false); }));
      }
      return response;
    });
  });
  return Promise.race([online.catch(function () { return null; }), after(PAGE_TIMEOUT, null)])
    .then(function (response) { return response || offlineResponse(url); });
}

function handlePost(event, url) {
  var request = event.request;
  return request.clone().text().then(function (body) {
    return queueCount().catch(function () { return 0; }).then(function (waiting) {
      // Earlier answers first: the server must get them in order.
      var before = waiting ? flush().catch(function () {}).then(queueCount) : Promise.resolve(0);
      return before.then(function (left) {
        if (left) return answerOffline(request, url, body);
        var live = fetch(request).then(function (response) {
          return noteState(response).then(function () { return response; });
        });
        // No answer in time: kept on the phone (sent again later, saved once).
        return Promise.race([live.catch(function () { return null; }), after(ANSWER_TIMEOUT, null)])
          .then(function (response) { return response || answerOffline(request, url, body); });
      });
    });
  });
}

function answerOffline(request, url, body) {
  var form = new URLSearchParams(body);
  var htmx = request.headers.get("HX-Request") === "true";
  return Promise.all([getPack(), kvGet("aliases").catch(function () { return null; })]).then(function (found) {
    var pack = found[0], aliases = found[1] || {};
    if (!pack) return fallback();
    var start = url.pathname.match(START);
    if (start) return startOffline(pack, form, start[1] === "bad-day");
    var match = url.pathname.match(SESSION);
    var day = dayByCode(pack, match[1], aliases);
    if (!day) return html(pack.offline, 503);
    return getState(day.code).then(function (state) {
      state = state || initialState(day, day.bad_day ? "bad_day" : "normal");
      var stopped = blocked(pack, day, state);
      if (stopped) {
        // Nothing is kept: the server wouldn't take it either.
        var to = stopped.today ? pack.urls.today : "/sessions/" + day.code + "/";
        if (htmx && stopped.screen) return html(fill(pack, day, stopped.screen));
        if (htmx) return new Response("", { status: 200, headers: { "HX-Redirect": to } });
        return Response.redirect(new URL(to, self.location.origin).href, 303);
      }
      var next = advance(pack, state, match[2], form);
      if (next === null) {
        // Not saved: the same screen, saying what's missing (as the server would).
        return respond(pack, day, state, htmx, pack.texts.invalid, 422);
      }
      form.set("at", String(Date.now()));
      return queueAdd({ url: url.pathname, body: form.toString(), code: day.code, user: pack.user, at: Date.now() })
        .then(function () { return putState(next); })
        .then(function () { return respond(pack, day, next, htmx); })
        .then(function (response) { askForSync(); tellQueue(); return response; });
    });
  });
}

function respond(pack, day, state, htmx, problem, status) {
  return queueCount().then(function (waiting) {
    if (htmx) return html(screen(pack, day, state, waiting, problem), status);
    if (problem) return html(page(pack, screen(pack, day, state, waiting, problem)), status);
    return Response.redirect(new URL("/sessions/" + day.code + "/", self.location.origin).href, 303);
  });
}

function startOffline(pack, form, badDay) {
  // The day of the tap, not of the page: a page opened before midnight and tapped after
  // starts the new day's session (the server checks the day against the time).
  var date = localDate(pack.timezone);
  var day = dayByDate(pack, date);
  if (!day || (!day.available && day.status === "new")) return html(pack.offline, 503);
  return getState(day.code).then(function (state) {
    if (state || day.status !== "new") {
      // Already started: carry on, as the server does for a second tap.
      return Response.redirect(new URL("/sessions/" + day.code + "/", self.location.origin).href, 303);
    }
    form.set("day", date);
    form.set("at", String(Date.now()));
    return queueAdd({
      url: badDay ? pack.urls.start_bad_day : pack.urls.start,
      body: form.toString(), code: day.code, user: pack.user, at: Date.now(),
    }).then(function () {
      return putState(initialState(day, badDay ? "bad_day" : "normal"));
    }).then(function () {
      askForSync();
      tellQueue();
      return Response.redirect(new URL("/sessions/" + day.code + "/", self.location.origin).href, 303);
    });
  });
}

function askForSync() {
  if (self.registration.sync) self.registration.sync.register("hipmob-send").catch(function () {});
}

function handleAsset(event) {
  // caches.match, not caches.open: looking must not make a cache after a wipe.
  return caches.match(event.request, { cacheName: ASSETS }).then(function (hit) {
    return hit || fetch(event.request);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "GET" && (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/media/") === 0)) {
    event.respondWith(handleAsset(event));
  } else if (request.method === "POST" && (START.test(url.pathname) || (SESSION.test(url.pathname) && url.pathname.match(SESSION)[2]))) {
    event.respondWith(handlePost(event, url));
  } else if (request.method === "GET" && request.mode === "navigate" && PATIENT_PAGE.test(url.pathname)) {
    event.respondWith(handlePage(event, url));
  }
  // Anything else (staff pages, the admin, other forms) is the browser's own business.
});

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== ASSETS; }).map(function (key) {
      return caches.delete(key);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("sync", function (event) {
  if (event.tag === "hipmob-send") {
    event.waitUntil(flush().then(function (result) {
      if (result === "later") throw new Error("not sent yet");  // the browser tries again
    }));
  }
});

self.addEventListener("message", function (event) {
  var type = event.data && event.data.type;
  if (type === "sync") event.waitUntil(flush().catch(function () {}));
  else if (type === "refresh") {
    event.waitUntil(refreshPack(!!event.data.force, event.data.user).then(function (pack) {
      if (pack) return tell({ type: "pack", days: pack.days.length });
    }));
  }
  else if (type === "status") event.waitUntil(tellQueue());
  else if (type === "wipe") event.waitUntil(wipe());
  else if (type === "seen-refused") event.waitUntil(kvPut("refused", 0).then(tellQueue));
});

// ---- notifications (accounts/push.py): no health details, only where to go --------------
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "HipMob", {
    body: data.body || "",
    tag: data.tag || "hipmob",
    renotify: !!data.tag,  // a reminder of an alert replaces the first notice, and rings again
    icon: "/static/img/app/icon-192.png",
    badge: "/static/img/app/icon-192.png",
    data: { url: data.url || "/" },
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].url === target.href && "focus" in list[i]) return list[i].focus();
    }
    return self.clients.openWindow(target.href);
  }));
});

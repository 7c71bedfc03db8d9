/* HipMob session player: timers, beeps, spoken cues, screen wake lock, and saving
   that survives a bad connection. No framework; the pages work without this file
   (plain forms), it only adds the hands-free parts.

   Only the sound preferences are kept on the device (localStorage); nothing about
   the patient's health is. */
(function () {
  "use strict";

  var PREFS_KEY = "hipmob.player.prefs";
  var DEFAULT_PREFS = { beep: true, voice: false, auto: true };
  var RETRY_DELAYS = [1000, 2000, 4000, 8000, 8000, 15000, 15000, 30000];

  // ---- preferences --------------------------------------------------------------
  function loadPrefs() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(PREFS_KEY) || "{}");
      return Object.assign({}, DEFAULT_PREFS, saved);
    } catch (e) {
      return Object.assign({}, DEFAULT_PREFS);
    }
  }
  function savePrefs(prefs) {
    try { window.localStorage.setItem(PREFS_KEY, JSON.stringify(prefs)); } catch (e) { /* private mode */ }
  }
  var prefs = loadPrefs();

  // ---- sound and speech -----------------------------------------------------------
  var audio = null;
  function unlockAudio() {
    // Browsers only let a page make sound after a tap; every tap re-checks.
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) audio = new Ctx();
    if (audio.state === "suspended") audio.resume();
  }
  ["pointerdown", "touchend", "click", "keydown"].forEach(function (name) {
    document.addEventListener(name, unlockAudio, true);
  });

  function beep(frequency, milliseconds) {
    if (!prefs.beep || !audio || audio.state !== "running") return;
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + milliseconds / 1000);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + milliseconds / 1000 + 0.05);
  }

  function say(text) {
    if (!prefs.voice || !text || !("speechSynthesis" in window)) return;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  // ---- screen wake lock -------------------------------------------------------------
  var wakeLock = null;
  function wantWakeLock() {
    var player = document.getElementById("player");
    return player && player.dataset.stage !== "summary" && document.visibilityState === "visible";
  }
  function updateWakeLock() {
    if (!("wakeLock" in navigator)) return;
    if (wantWakeLock()) {
      if (!wakeLock) {
        navigator.wakeLock.request("screen").then(function (lock) {
          wakeLock = lock;
          lock.addEventListener("release", function () { wakeLock = null; });
        }).catch(function () { /* not allowed now: the page still works */ });
      }
    } else if (wakeLock) {
      wakeLock.release();
      wakeLock = null;
    }
  }
  document.addEventListener("visibilitychange", updateWakeLock);

  // ---- the timer ------------------------------------------------------------------------
  var timer = null;

  function Timer(root) {
    this.root = root;
    this.hold = parseInt(root.dataset.hold, 10) || 0;
    this.reps = parseInt(root.dataset.reps, 10) || 0;
    this.rest = parseInt(root.dataset.rest, 10) || 0;
    this.transition = root.dataset.transition;
    this.phaseEl = root.querySelector("[data-phase]");
    this.numberEl = root.querySelector("[data-number]");
    this.announceEl = document.getElementById("player-announcer");
    this.arc = root.querySelector("[data-arc]");
    this.toggle = root.querySelector("[data-timer-toggle]");
    this.counter = root.querySelector("[data-counter]");
    this.circumference = parseFloat(this.arc.getAttribute("stroke-dasharray"));
    this.phases = [];
    if (this.rest > 0) this.phases.push({ name: "rest", seconds: this.rest });
    if (this.hold > 0) {
      // Longer to get into position for a new exercise than to switch sides.
      this.phases.push({ name: "ready", seconds: parseInt(root.dataset.ready, 10) || 3 });
      // Reps with a hold (10 × 5 s): each rep held in turn, a breath between them.
      for (var rep = 0; rep < Math.max(this.reps, 1); rep++) {
        if (rep > 0) this.phases.push({ name: "ready", seconds: 2 });
        this.phases.push({ name: "hold", seconds: this.hold });
      }
    } else if (this.reps > 0) {
      this.phases.push({ name: "count", seconds: 0 });
    }
    this.index = -1;
    this.paused = false;
    this.count = 0;
    this.interval = null;
  }

  Timer.prototype.label = function (name) {
    var key = { ready: "labelReady", hold: "labelHold", rest: "labelRest", done: "labelDone", count: "labelCount" }[name];
    return this.root.dataset[key] || "";
  };

  Timer.prototype.start = function () {
    var self = this;
    this.root.hidden = false;
    this.toggle.addEventListener("click", function () { self.togglePause(); });
    this.counter.addEventListener("click", function () { self.countOne(); });
    if (this.transition === "switch") say(this.root.dataset.saySwitch);
    if (this.phases.length === 0) { this.root.hidden = true; return; }
    this.next();
    this.interval = window.setInterval(function () { self.tick(); }, 200);
  };

  Timer.prototype.next = function () {
    this.index += 1;
    var phase = this.phases[this.index];
    if (!phase) return this.finish();
    this.phase = phase;
    this.remaining = phase.seconds * 1000;
    this.endsAt = Date.now() + this.remaining;
    this.lastShown = null;
    this.phaseEl.textContent = this.label(phase.name);
    this.root.dataset.state = phase.name;
    // Label and number change together: no flash of the last phase's "0".
    if (phase.seconds) this.show(String(phase.seconds), 0);
    if (phase.name === "rest") { say(this.root.dataset.sayRest); }
    if (phase.name === "hold") { beep(880, 250); say(this.root.dataset.sayStart); }
    if (phase.name === "count") {
      this.counter.hidden = false;
      this.toggle.hidden = true;
      this.show(this.count + " / " + this.reps, 0);
      this.announce(this.label("count"));
      if (this.transition !== "switch") say(this.root.dataset.sayStart);
    }
  };

  Timer.prototype.tick = function () {
    if (this.paused || !this.phase || this.phase.name === "count") return;
    this.remaining = Math.max(0, this.endsAt - Date.now());
    var seconds = Math.ceil(this.remaining / 1000);
    var fraction = this.phase.seconds ? this.remaining / (this.phase.seconds * 1000) : 0;
    if (seconds !== this.lastShown) {
      this.lastShown = seconds;
      if (this.phase.name === "ready" && seconds > 0) beep(440, 120);
      // Say the number aloud to screen readers every 10 s and in the last 3.
      if (seconds <= 3 || seconds % 10 === 0) this.announce(this.label(this.phase.name) + " " + seconds);
    }
    this.show(String(seconds), 1 - fraction);
    if (this.remaining <= 0) this.next();
  };

  Timer.prototype.show = function (text, progress) {
    this.numberEl.textContent = text;
    this.arc.setAttribute("stroke-dashoffset", String(this.circumference * progress));
  };

  Timer.prototype.announce = function (text) {
    if (this.announceEl) this.announceEl.textContent = text;
  };

  Timer.prototype.togglePause = function () {
    this.paused = !this.paused;
    if (this.paused) {
      this.toggle.textContent = this.toggle.dataset.resume || "Resume";
    } else {
      this.endsAt = Date.now() + this.remaining;
      this.toggle.textContent = this.toggle.dataset.pause || "Pause";
    }
  };

  Timer.prototype.countOne = function () {
    this.count = Math.min(this.count + 1, this.reps);
    beep(660, 80);
    this.show(this.count + " / " + this.reps, this.count / this.reps);
    if (this.count >= this.reps) this.finish();
  };

  Timer.prototype.finish = function () {
    this.stop();
    beep(660, 200);
    window.setTimeout(function () { beep(990, 300); }, 220);
    say(this.root.dataset.sayEnd);
    this.phaseEl.textContent = this.label("done");
    this.announce(this.label("done"));
    this.toggle.hidden = true;
    this.counter.hidden = true;
    var done = document.querySelector("[data-step-form] [data-done]");
    var player = document.getElementById("player");
    if (done) {
      done.focus();
      // Hands-free: a finished hold counts as done without touching the phone. A real
      // click, so htmx sends the button's action; never after an error, so a
      // problem can't turn into a loop.
      if (prefs.auto && this.hold > 0 && player && !player.hasAttribute("data-has-errors")) {
        done.click();
      }
    }
  };

  Timer.prototype.stop = function () {
    if (this.interval) window.clearInterval(this.interval);
    this.interval = null;
  };

  // ---- wiring -------------------------------------------------------------------------
  function initPrefs(root) {
    root.querySelectorAll("[data-pref]").forEach(function (box) {
      box.checked = !!prefs[box.dataset.pref];
      box.addEventListener("change", function () {
        prefs[box.dataset.pref] = box.checked;
        savePrefs(prefs);
        if (box.checked) unlockAudio();
      });
    });
  }

  function initPlayer() {
    if (timer) { timer.stop(); timer = null; }
    var player = document.getElementById("player");
    if (!player) return;
    updateWakeLock();
    var root = player.querySelector("[data-timer]");
    if (!root) return;
    var toggle = root.querySelector("[data-timer-toggle]");
    toggle.dataset.pause = toggle.textContent;
    initPrefs(root);
    timer = new Timer(root);
    timer.start();
  }

  // ---- saving through a bad connection ----------------------------------------------
  var attempts = 0;
  function text(name, fallback) {
    var player = document.getElementById("player");
    return (player && player.dataset[name]) || fallback;
  }
  function savingText(message) {
    var el = document.querySelector("#player [data-saving]");
    if (el) el.textContent = message;
  }

  function isPlayerForm(elt) {
    return elt && elt.closest && elt.closest("[data-player-form]");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (isPlayerForm(event.detail.elt)) savingText(text("savingText", "Saving…"));
  });

  function retry(event) {
    var form = isPlayerForm(event.detail.elt);
    if (!form) return;
    var config = event.detail.requestConfig;
    if (attempts >= RETRY_DELAYS.length) {
      savingText(text("offlineText", "Not saved. Check your connection, then tap the button again."));
      attempts = 0;
      return;
    }
    var delay = RETRY_DELAYS[attempts];
    attempts += 1;
    savingText(text("retryText", "No connection. Trying again…"));
    // The same fields, the pressed button's included: the server logs a step once
    // however often it arrives.
    var values = {};
    config.formData.forEach(function (value, key) { values[key] = value; });
    window.setTimeout(function () {
      window.htmx.ajax("POST", config.path, {
        source: form, target: "#player", swap: "outerHTML", values: values,
      });
    }, delay);
  }
  document.addEventListener("htmx:sendError", retry);
  document.addEventListener("htmx:timeout", retry);
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 500 || status === 0) {
      retry(event);
    } else if (isPlayerForm(event.detail.elt)) {
      // A refusal (signed out, page too old): resending won't help; say so.
      attempts = 0;
      savingText(text("offlineText", "Not saved. Reload the page and try again."));
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "player") {
      attempts = 0;
      initPlayer();
      // Errors first, so they are read out; otherwise the new screen's heading.
      var target = document.querySelector("#player [data-errors]") ||
        document.querySelector("#player h1");
      if (target) { target.tabIndex = -1; target.focus({ preventScroll: true }); }
      var cue = document.querySelector("#player .cue-banner");
      var announcer = document.getElementById("player-announcer");
      if (cue && announcer) announcer.textContent = cue.textContent;
      window.scrollTo({ top: 0 });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initPlayer);
  } else {
    initPlayer();
  }
})();

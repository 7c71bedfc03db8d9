/* HipMob session player: timers, beeps, spoken cues, screen wake lock, and saving
   that survives a bad connection. No framework; the pages work without this file
   (plain forms), it only adds the hands-free parts.

   Only the sound preferences are kept on the device (localStorage); nothing about
   the patient's health is. */
(function () {
  "use strict";

  var PREFS_KEY = "hipmob.player.prefs";
  // Spoken cues on the first time: the patient is lying on a mat, not looking. One tap
  // turns them off, and that is remembered.
  var DEFAULT_PREFS = { beep: true, voice: true, auto: true };
  var RETRY_DELAYS = [1000, 2000, 4000, 8000, 8000, 15000, 15000, 30000];
  var MOVE_SECONDS = 2; // each rep: 2 s to move, the prescribed hold, 2 s back

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

  // ---- sound and speech: used when there, and the patient told when not --------------
  var audio = null;
  var noBeeps = false;
  var noVoice = false;

  function unlockAudio() {
    // Browsers only let a page make sound after a tap; every tap re-checks.
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) { noBeeps = true; return showSoundNote(); }
    try {
      if (!audio) audio = new Ctx();
    } catch (e) {
      noBeeps = true;
      return showSoundNote();
    }
    if (audio.state === "suspended") {
      var resumed = audio.resume();
      if (resumed && resumed.catch) resumed.catch(function () { noBeeps = true; showSoundNote(); });
      // Resumed on a tap but still not running: this phone won't play it.
      window.setTimeout(function () {
        noBeeps = !audio || audio.state !== "running";
        showSoundNote();
      }, 1500);
    } else {
      noBeeps = audio.state !== "running" && audio.state !== "suspended";
      showSoundNote();
    }
  }

  function checkVoices() {
    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
      noVoice = true;
      return showSoundNote();
    }
    var synth = window.speechSynthesis;
    function count() { try { return synth.getVoices().length; } catch (e) { return 0; } }
    if (count()) { noVoice = false; return showSoundNote(); }
    // Voices often load a moment later; none by then means none.
    if (synth.addEventListener) {
      synth.addEventListener("voiceschanged", function () { noVoice = !count(); showSoundNote(); });
    }
    window.setTimeout(function () { noVoice = !count(); showSoundNote(); }, 2000);
  }

  // What this phone can't do replaces its switch, in words: a switch that can't work
  // would only mislead.
  function showSoundNote() {
    var player = document.getElementById("player");
    var note = player && player.querySelector("[data-sound-note]");
    if (!note) return;
    var key = noBeeps && noVoice ? "noSound" : noVoice ? "noVoice" : noBeeps ? "noBeep" : "";
    var message = key ? note.dataset[key] || "" : "";
    if (note.textContent !== message) note.textContent = message;
    player.querySelectorAll("[data-pref]").forEach(function (box) {
      var missing = (box.dataset.pref === "beep" && noBeeps) || (box.dataset.pref === "voice" && noVoice);
      var label = box.closest(".toggle");
      if (label && box.dataset.pref !== "auto") label.hidden = missing;
    });
  }

  function beep(frequency, milliseconds) {
    if (!prefs.beep || !audio || audio.state !== "running") return;
    try {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + milliseconds / 1000);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + milliseconds / 1000 + 0.05);
    } catch (e) { /* no sound this time: the screen still shows it */ }
  }

  function say(text, queue) {
    if (!prefs.voice || noVoice || !text || !("speechSynthesis" in window)) return;
    // Browsers only speak after the patient has touched the page (speaking before is
    // deprecated and silently dropped): on a freshly loaded page the first cue waits
    // for a tap; after "Start the exercises" (same page) it is already allowed.
    if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return;
    try {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang || "en";
      if (!queue) window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    } catch (e) { /* no voice this time */ }
  }

  // ---- screen wake lock -------------------------------------------------------------
  // WebKit refuses it on a fresh page load until the next tap: so it is asked for
  // again on every tap, and whenever the page comes back into view.
  var wakeLock = null;
  var wakePending = false;
  function wantWakeLock() {
    var player = document.getElementById("player");
    return player && player.dataset.stage !== "summary" && document.visibilityState === "visible";
  }
  function updateWakeLock() {
    if (!navigator.wakeLock || typeof navigator.wakeLock.request !== "function") return;
    if (wantWakeLock()) {
      if (!wakeLock && !wakePending) {
        wakePending = true;
        navigator.wakeLock.request("screen").then(function (lock) {
          wakePending = false;
          wakeLock = lock;
          lock.addEventListener("release", function () { wakeLock = null; });
        }).catch(function () { wakePending = false; /* not allowed now: asked again on the next tap */ });
      }
    } else if (wakeLock) {
      wakeLock.release();
      wakeLock = null;
    }
  }
  document.addEventListener("visibilitychange", updateWakeLock);
  ["pointerdown", "touchend", "click", "keydown"].forEach(function (name) {
    document.addEventListener(name, function () { unlockAudio(); updateWakeLock(); }, true);
  });

  // ---- the timer: holds count down, reps are paced, and the set ends by itself ---------
  var timer = null;

  function Timer(root) {
    this.root = root;
    this.hold = parseInt(root.dataset.hold, 10) || 0;
    this.reps = parseInt(root.dataset.reps, 10) || 0;
    this.rest = parseInt(root.dataset.rest, 10) || 0;
    this.transition = root.dataset.transition;
    this.phaseEl = root.querySelector("[data-phase]");
    this.numberEl = root.querySelector("[data-number]");
    this.detailEl = root.querySelector("[data-detail]");
    this.announceEl = document.getElementById("player-announcer");
    this.arc = root.querySelector("[data-arc]");
    this.toggle = document.querySelector("#player [data-timer-toggle]");
    this.circumference = parseFloat(this.arc.getAttribute("stroke-dasharray"));
    var phases = [];
    if (this.rest > 0) phases.push({ name: "rest", seconds: this.rest });
    if (this.hold > 0 || this.reps > 0) {
      // Time to get into position (the exercise's own, for a new exercise or side).
      phases.push({ name: "ready", seconds: parseInt(root.dataset.ready, 10) || 3 });
    }
    if (this.reps > 0) {
      // The pacer: each rep moved, held as prescribed (10 × 5 s), and brought back.
      for (var rep = 1; rep <= this.reps; rep++) {
        phases.push({ name: "up", seconds: MOVE_SECONDS, rep: rep });
        if (this.hold > 0) phases.push({ name: "hold", seconds: this.hold, rep: rep });
        phases.push({ name: "down", seconds: MOVE_SECONDS, rep: rep });
      }
    } else if (this.hold > 0) {
      phases.push({ name: "hold", seconds: this.hold });
    }
    this.phases = phases;
    this.index = -1;
    this.paused = false;
    this.interval = null;
  }

  Timer.prototype.data = function (key) { return this.root.dataset[key] || ""; };

  Timer.prototype.label = function (name) {
    var key = "label" + name.charAt(0).toUpperCase() + name.slice(1);
    return this.data(key);
  };

  Timer.prototype.start = function () {
    var self = this;
    this.root.hidden = false;
    this.toggle.addEventListener("click", function () { self.togglePause(); });
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
    this.show(this.shownNumber(phase.seconds), this.progress(0));
    this.detailEl.textContent = this.detail();
    var first = phase.rep === 1 && (phase.name === "up");
    if (phase.name === "rest") say(this.data("sayRest"));
    if (phase.name === "ready") say(this.data("sayReady"));
    if (phase.name === "hold") {
      beep(880, phase.rep ? 150 : 250);
      if (!phase.rep) say(this.data("sayStart"));
    }
    if (phase.name === "up") {
      beep(660, 120);
      // Counting aloud: "Go." before the first, then each rep's number.
      if (first) say(this.data("sayStart") + " " + phase.rep, false);
      else say(String(phase.rep), false);
      this.announce(this.label("up") + " " + phase.rep);
    }
    if (phase.name === "down") beep(520, 120);
  };

  Timer.prototype.shownNumber = function (seconds) {
    var phase = this.phase;
    if (phase.name === "up" || phase.name === "down") return String(phase.rep);
    return String(seconds);
  };

  Timer.prototype.detail = function () {
    var phase = this.phase;
    var total = String(this.reps);
    if (phase.name === "up" || phase.name === "down") return this.data("detailRep").replace("%(total)s", total);
    if (phase.name === "hold" && phase.rep) {
      return this.data("detailHoldRep").replace("%(n)s", String(phase.rep)).replace("%(total)s", total);
    }
    return this.data("detailSeconds");
  };

  // The ring: a hold or a countdown fills as it runs; the pacer fills over the set.
  Timer.prototype.progress = function (fraction) {
    var phase = this.phase;
    if (phase.rep) {
      var perRep = this.hold > 0 ? 3 : 2;
      var within = phase.name === "up" ? 0 : phase.name === "hold" ? 1 : perRep - 1;
      return ((phase.rep - 1) * perRep + within + fraction) / (this.reps * perRep);
    }
    return fraction;
  };

  Timer.prototype.tick = function () {
    if (this.paused || !this.phase) return;
    this.remaining = Math.max(0, this.endsAt - Date.now());
    var seconds = Math.ceil(this.remaining / 1000);
    var fraction = this.phase.seconds ? 1 - this.remaining / (this.phase.seconds * 1000) : 1;
    if (seconds !== this.lastShown) {
      this.lastShown = seconds;
      if ((this.phase.name === "ready" || this.phase.name === "rest") && seconds > 0 && seconds <= 3) beep(440, 120);
      // Said to screen readers every 10 s and in the last 3 of a countdown.
      if (!this.phase.rep && (seconds <= 3 || seconds % 10 === 0) && seconds > 0) {
        this.announce(this.label(this.phase.name) + " " + seconds);
      }
    }
    this.show(this.shownNumber(seconds), this.progress(fraction));
    if (this.remaining <= 0) this.next();
  };

  Timer.prototype.show = function (text, progress) {
    if (this.numberEl.textContent !== text) this.numberEl.textContent = text;
    this.arc.setAttribute("stroke-dashoffset", String(this.circumference * Math.min(1, Math.max(0, progress))));
  };

  Timer.prototype.announce = function (text) {
    if (this.announceEl) this.announceEl.textContent = text;
  };

  Timer.prototype.togglePause = function () {
    this.paused = !this.paused;
    if (this.paused) {
      this.toggle.textContent = this.toggle.dataset.resume || "Resume";
      if ("speechSynthesis" in window) { try { window.speechSynthesis.cancel(); } catch (e) { /* none */ } }
    } else {
      this.endsAt = Date.now() + this.remaining;
      this.toggle.textContent = this.toggle.dataset.pause || "Pause";
    }
  };

  Timer.prototype.finish = function () {
    this.stop();
    beep(660, 200);
    window.setTimeout(function () { beep(990, 300); }, 220);
    say(this.data("sayEnd"));
    this.phaseEl.textContent = this.label("done");
    this.detailEl.textContent = "";
    this.root.dataset.state = "done";
    this.toggle.hidden = true;
    this.show("✓", 1);
    this.announce(this.label("done"));
    var done = document.querySelector("[data-step-form] [data-done]");
    var player = document.getElementById("player");
    var skipping = player && player.querySelector("details[open]");
    if (done) {
      if (!skipping) done.focus({ preventScroll: true });
      // Hands-free: a finished hold or paced set counts as done without touching the
      // phone. A real click, so htmx sends the button's action; never after an error
      // (a problem can't turn into a loop) nor while the patient is choosing to skip
      // or stop.
      // Nor while a step is still being sent or retried: the patient's own answer
      // ("Done, but easier", a skip) must not be overtaken by an automatic "Done".
      if (prefs.auto && player && !player.hasAttribute("data-has-errors") && !skipping &&
          !sending && attempts === 0) {
        autoDoneAt = Date.now();
        done.click();
      }
    }
  };

  Timer.prototype.stop = function () {
    if (this.interval) window.clearInterval(this.interval);
    this.interval = null;
  };

  // ---- wiring -------------------------------------------------------------------------
  function initPrefs(player) {
    player.querySelectorAll("[data-sound]").forEach(function (el) { el.hidden = false; });
    player.querySelectorAll("[data-pref]").forEach(function (box) {
      box.checked = !!prefs[box.dataset.pref];
      box.addEventListener("change", function () {
        prefs[box.dataset.pref] = box.checked;
        savePrefs(prefs);
        if (box.checked) unlockAudio();
        if (!box.checked && box.dataset.pref === "voice" && "speechSynthesis" in window) {
          try { window.speechSynthesis.cancel(); } catch (e) { /* none */ }
        }
        showSoundNote();
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
    var toggle = player.querySelector("[data-timer-toggle]");
    toggle.dataset.pause = toggle.textContent;
    initPrefs(player);
    if (!window.AudioContext && !window.webkitAudioContext) noBeeps = true;
    showSoundNote();
    timer = new Timer(root);
    timer.start();
  }
  checkVoices();

  // ---- saving through a bad connection ----------------------------------------------
  var attempts = 0;
  var sending = false;
  // A tap that lands just after the player moved on by itself was meant for the step
  // that ended (the beep prompts it), not for the new one: let it pass unanswered.
  var autoDoneAt = 0;
  var REFLEX_MS = 1500;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-step-form] button");
    if (button && event.isTrusted && Date.now() - autoDoneAt < REFLEX_MS) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
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
    if (!isPlayerForm(event.detail.elt)) return;
    sending = true;
    if (timer) timer.stop();  // the answer is on its way: nothing may add another
    savingText(text("savingText", "Saving…"));
  });

  function retry(event) {
    var form = isPlayerForm(event.detail.elt);
    if (!form) return;
    var config = event.detail.requestConfig;
    if (attempts >= RETRY_DELAYS.length) {
      savingText(text("offlineText", "Not saved. Check your connection, then tap the button again."));
      attempts = 0;
      sending = false;
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
      sending = false;
      savingText(text("offlineText", "Not saved. Reload the page and try again."));
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "player") {
      attempts = 0;
      sending = false;
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

/* Notifications on this device (Web Push), on the account page (templates/accounts/_push.html).
   Asks for permission only after a tap on "Turn on notifications", subscribes with the
   server's VAPID public key, and posts the subscription as a normal form (with its CSRF
   token), so the server's answer is an ordinary page. Without this script, or in a
   browser without push, the page says so and still lists and removes devices.
   The service worker is /sw.js (templates/sw.js); it is registered here if the page
   has none yet (a clinician's pages don't register it). */
(function () {
  "use strict";

  var root = document.querySelector("[data-push]");
  if (!root) { return; }
  var form = root.querySelector("[data-push-form]");
  var field = form.querySelector('input[name="subscription"]');
  var button = form.querySelector('button[type="submit"]');
  var key = root.getAttribute("data-key");

  function show(state) {
    root.querySelectorAll("[data-push-state]").forEach(function (el) {
      el.hidden = el.getAttribute("data-push-state") !== state;
    });
  }

  var supported = window.isSecureContext && "serviceWorker" in navigator &&
    "PushManager" in window && "Notification" in window;
  if (!supported) { return; } // the "can't" text stays on

  function keyBytes(value) {
    var b64 = value.replace(/-/g, "+").replace(/_/g, "/");
    b64 += "===".slice((b64.length + 3) % 4);
    var raw = window.atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  // A subscription made with an older key pair (the clinic rotated it) must be replaced.
  function sameKey(subscription) {
    var own = subscription.options && subscription.options.applicationServerKey;
    if (!own) { return false; }
    var a = new Uint8Array(own);
    var b = keyBytes(key);
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i += 1) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (n) {
      return ("0" + n.toString(16)).slice(-2);
    }).join("");
  }

  function listed(subscription) {
    var data = new TextEncoder().encode(subscription.endpoint);
    return window.crypto.subtle.digest("SHA-256", data).then(function (digest) {
      return document.querySelector('[data-endpoint-hash="' + hex(digest) + '"]');
    });
  }

  function registration() {
    return navigator.serviceWorker.getRegistration().then(function (existing) {
      if (!existing) { return navigator.serviceWorker.register("/sw.js"); }
      return existing;
    }).then(function () {
      return navigator.serviceWorker.ready;
    });
  }

  function offerButton() {
    show(null);
    form.hidden = false;
    button.disabled = false;
  }

  // The state when the page opens: no prompt, no registration made.
  function reflect() {
    if (Notification.permission === "denied") { show("denied"); return Promise.resolve(); }
    return navigator.serviceWorker.getRegistration().then(function (reg) {
      return reg ? reg.pushManager.getSubscription() : null;
    }).then(function (subscription) {
      if (!subscription || !sameKey(subscription) || Notification.permission !== "granted") {
        offerButton();
        return;
      }
      return listed(subscription).then(function (item) {
        if (!item) { offerButton(); return; } // removed here or elsewhere: offer it again
        show("on");
        form.hidden = true;
        var mark = item.querySelector("[data-push-this]");
        if (mark) { mark.hidden = false; }
        // Removing this device also ends the browser's own subscription.
        var remove = item.querySelector("[data-push-remove]");
        if (remove) {
          remove.addEventListener("submit", function (event) {
            event.preventDefault();
            subscription.unsubscribe().catch(function () {}).then(function () { remove.submit(); });
          });
        }
      });
    }).catch(offerButton);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    // Asked here, in the tap itself: browsers refuse a prompt nobody asked for.
    Promise.resolve(Notification.requestPermission()).then(function (permission) {
      if (permission !== "granted") {
        if (permission === "denied") { show("denied"); form.hidden = true; } else { offerButton(); }
        return null;
      }
      return registration().then(function (reg) {
        return reg.pushManager.getSubscription().then(function (old) {
          if (old && !sameKey(old)) { return old.unsubscribe(); }
          return null;
        }).then(function () {
          return reg.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(key)
          });
        });
      }).then(function (subscription) {
        field.value = JSON.stringify(subscription.toJSON());
        form.submit();
      });
    }).catch(function () {
      show("failed");
      button.disabled = false;
    });
  });

  reflect();
}());

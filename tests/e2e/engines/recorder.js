// Injected by the engine before any page script (Firefox: a BiDi preload script;
// WebKit: a user script of tests/e2e/engines/phone_browser.py). Records uncaught errors,
// unhandled rejections and CSP violations in sessionStorage, so they survive the
// full-page loads between the sign-in, Today and the player. Engine-injected scripts are
// not subject to the page's Content-Security-Policy.
(function () {
  "use strict";
  var KEY = "hipmob.engine.problems";
  function record(kind, text) {
    try {
      var all = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
      all.push({ kind: kind, text: String(text), page: String(window.location.pathname) });
      window.sessionStorage.setItem(KEY, JSON.stringify(all));
    } catch (e) { /* about:blank and data: pages have no storage */ }
  }
  window.addEventListener("error", function (event) {
    if (event.target && event.target !== window && event.target.tagName) {
      record("error", "failed to load " + event.target.tagName + " " + (event.target.src || event.target.href));
    } else {
      record("error", event.message + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    record("error", "unhandled rejection: " + (reason && reason.message ? reason.message : reason) +
      (reason && reason.stack ? " " + reason.stack : ""));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    record("csp", event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
      " in " + event.sourceFile + ":" + event.lineNumber);
  });
})();

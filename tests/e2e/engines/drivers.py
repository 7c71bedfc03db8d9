"""Two small W3C WebDriver clients with one face, so a test reads the same in every engine.

- WebKit (WebKitGTK): classic WebDriver, plain HTTP to Debian's WebKitWebDriver, which
  starts tests/e2e/engines/phone_browser.py (a bare window that can be phone-narrow).
- Firefox ESR: WebDriver BiDi over a WebSocket, straight to the browser's own remote
  agent (--remote-debugging-port). Debian packages no geckodriver, and npm's and
  PyPI's can't be had here (docs/reliability.md); Firefox speaks BiDi itself, so none
  is needed.

Both click with real input (WebDriver's element click; BiDi pointer actions), not
element.click() in script. Scripts are arrow functions, called with JSON-able values
or Element handles as arguments.
"""

import contextlib
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from itertools import count
from typing import Any

TIMEOUT = 15.0
W3C_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class EngineError(AssertionError):
    """A WebDriver command failed; the message is the engine's own."""


@dataclass(frozen=True)
class Element:
    ref: str


# Finds a control the way a person names it. Roles and labels, not the markup: the
# player's design may change under these tests.
FIND = """(kind, name, group) => {
  const text = (el) => (el.getAttribute("aria-label") || el.textContent || el.value || "")
    .replace(/\\s+/g, " ").trim();
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden";
  if (kind === "button") {
    return [...document.querySelectorAll("button, input[type=submit], [role=button]")]
      .find((el) => shown(el) && text(el) === name) || null;
  }
  // A radio by its label, inside the group (fieldset) whose legend is `group`.
  const scopes = group
    ? [...document.querySelectorAll("fieldset")].filter((f) => f.querySelector("legend")
        && text(f.querySelector("legend")) === group)
    : [document];
  for (const scope of scopes) {
    for (const radio of scope.querySelectorAll("input[type=radio]")) {
      const label = [...radio.labels].find((l) => text(l) === name);
      if (label) return shown(radio) && radio.offsetWidth > 2 ? radio : label;
    }
  }
  return null;
}"""


class Engine:
    name = ""

    # --- what each driver provides -----------------------------------------------------
    def goto(self, url: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def call(self, function: str, *args: Any) -> Any:
        """Calls a JavaScript arrow function in the page and returns its result."""
        raise NotImplementedError

    def click(self, element: Element) -> None:
        raise NotImplementedError

    def resize(self, width: int, height: int) -> None:
        """Makes the page's viewport (window.innerWidth by innerHeight) this size."""
        raise NotImplementedError

    # --- built on those ----------------------------------------------------------------
    def wait_for(self, function: str, *args: Any, timeout: float = TIMEOUT) -> Any:
        """Polls until the function returns something truthy. A page that is being
        replaced (a form's full-page load) answers with an error meanwhile: retried."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            try:
                last = self.call(function, *args)
                if last:
                    return last
            except EngineError as error:
                last = error
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.name}: timed out waiting for {function} {args}: {last}"
                )
            time.sleep(0.1)

    def find(self, kind: str, name: str, group: str = "") -> Element:
        return self.wait_for(FIND, kind, name, group)

    def press(self, name: str) -> None:
        self.click(self.find("button", name))

    def choose(self, name: str, group: str = "") -> None:
        radio = self.find("radio", name, group)
        self.click(radio)

    def text(self, selector: str) -> str:
        return self.call(
            "(s) => { const el = document.querySelector(s);"
            " return el ? el.innerText.trim() : null; }",
            selector,
        )

    def wait_for_text(self, selector: str, expected: str, timeout: float = TIMEOUT) -> str:
        return self.wait_for(
            "(s, t) => { const el = document.querySelector(s);"
            " return el && el.innerText.includes(t) ? el.innerText : null; }",
            selector,
            expected,
            timeout=timeout,
        )

    def problems(self) -> list[dict]:
        """What tests/e2e/engines/recorder.js saw on this tab: JavaScript errors and CSP
        violations, across page loads."""
        return self.call(
            "() => JSON.parse(sessionStorage.getItem('hipmob.engine.problems') || '[]')"
        )


class WebKit(Engine):
    """Classic WebDriver over HTTP (WebKitWebDriver)."""

    name = "webkit"

    def __init__(self, driver_url: str, capabilities: dict):
        self.driver_url = driver_url
        session = self._send("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.session = session["sessionId"]
        self.capabilities = session["capabilities"]

    def _send(self, method: str, path: str, body: dict | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 - the driver's own http://127.0.0.1
            self.driver_url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            value = json.loads(error.read() or b"{}").get("value", {})
            raise EngineError(
                f"webkit {path}: {value.get('error')}: {value.get('message')}"
            ) from None

    def _session(self, method: str, path: str, body: dict | None = None) -> Any:
        return self._send(method, f"/session/{self.session}{path}", body)

    def close(self) -> None:
        with contextlib.suppress(EngineError, OSError):
            self._send("DELETE", f"/session/{self.session}")

    def goto(self, url: str) -> None:
        self._session("POST", "/url", {"url": url})

    def reload(self) -> None:
        self._session("POST", "/refresh", {})

    def call(self, function: str, *args: Any) -> Any:
        wire = [{W3C_ELEMENT: a.ref} if isinstance(a, Element) else a for a in args]
        script = f"return ({function}).apply(null, arguments);"
        return self._unwrap(
            self._session("POST", "/execute/sync", {"script": script, "args": wire})
        )

    def _unwrap(self, value: Any) -> Any:
        if isinstance(value, dict):
            if W3C_ELEMENT in value:
                return Element(value[W3C_ELEMENT])
            return {k: self._unwrap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._unwrap(v) for v in value]
        return value

    def click(self, element: Element) -> None:
        self._session("POST", f"/element/{element.ref}/click", {})

    def resize(self, width: int, height: int) -> None:
        # phone_browser.py's window is all web view: the window is the viewport.
        self._session("POST", "/window/rect", {"width": width, "height": height})


class BiDi:
    """One WebDriver BiDi session on a WebSocket: commands, answered by id."""

    def __init__(self, websocket, preload_script: str):
        self.ws = websocket
        self.ids = count(1)
        self.capabilities = self.send("session.new", capabilities={"alwaysMatch": {}})[
            "capabilities"
        ]
        # Every page of every tab, before its own scripts.
        self.send("script.addPreloadScript", functionDeclaration=f"() => {{ {preload_script} }}")

    def send(self, method: str, **params: Any) -> Any:
        command_id = next(self.ids)
        self.ws.send(json.dumps({"id": command_id, "method": method, "params": params}))
        deadline = time.monotonic() + 60
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") != command_id:
                continue  # an event: none subscribed, so nothing to keep
            if message["type"] == "error":
                raise EngineError(f"firefox {method}: {message['error']}: {message['message']}")
            return message["result"]

    def close(self) -> None:
        with contextlib.suppress(EngineError, OSError, TimeoutError):
            self.send("session.end")


class Firefox(Engine):
    """A tab in a user context of its own (its own cookies and storage, like a new
    profile) in a Firefox that the whole test run shares: starting Firefox and its
    BiDi session takes ~5 s here, a user context a few milliseconds."""

    name = "firefox"

    def __init__(self, bidi: BiDi):
        self.bidi = bidi
        self.capabilities = bidi.capabilities
        self.user_context = bidi.send("browser.createUserContext")["userContext"]
        self.context = bidi.send(
            "browsingContext.create", type="tab", userContext=self.user_context
        )["context"]

    def _send(self, method: str, **params: Any) -> Any:
        return self.bidi.send(method, **params)

    def close(self) -> None:
        with contextlib.suppress(EngineError, OSError, TimeoutError):
            self._send("browser.removeUserContext", userContext=self.user_context)

    def goto(self, url: str) -> None:
        self._send("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def reload(self) -> None:
        self._send("browsingContext.reload", context=self.context, wait="complete")

    def call(self, function: str, *args: Any) -> Any:
        result = self._send(
            "script.callFunction",
            functionDeclaration=function,
            arguments=[self._local(a) for a in args],
            target={"context": self.context},
            awaitPromise=True,
            resultOwnership="none",
        )
        if result["type"] == "exception":
            details = result["exceptionDetails"]
            raise EngineError(f"firefox script: {details.get('text')}")
        return self._remote(result["result"])

    @staticmethod
    def _local(value: Any) -> dict:
        if isinstance(value, Element):
            return {"sharedId": value.ref}
        if value is None:
            return {"type": "null"}
        if isinstance(value, bool):
            return {"type": "boolean", "value": value}
        if isinstance(value, int | float):
            return {"type": "number", "value": value}
        if isinstance(value, str):
            return {"type": "string", "value": value}
        raise TypeError(f"can't pass {value!r} to the page")

    def _remote(self, value: dict) -> Any:
        kind = value["type"]
        if kind in ("null", "undefined"):
            return None
        if kind in ("string", "boolean"):
            return value["value"]
        if kind == "number":
            return value["value"] if isinstance(value["value"], int | float) else None
        if kind in ("array", "nodelist", "htmlcollection"):
            return [self._remote(v) for v in value.get("value", [])]
        if kind == "object":
            return {k: self._remote(v) for k, v in value.get("value", [])}
        if kind == "node":
            return Element(value["sharedId"])
        return str(value.get("value", kind))

    def click(self, element: Element) -> None:
        # Pointer actions need the element on screen, as a person's finger would.
        self.call("(el) => el.scrollIntoView({block: 'center'})", element)
        origin = {"type": "element", "element": {"sharedId": element.ref}}
        self._send(
            "input.performActions",
            context=self.context,
            actions=[
                {
                    "type": "pointer",
                    "id": "finger",
                    "parameters": {"pointerType": "mouse"},
                    "actions": [
                        {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                        {"type": "pointerDown", "button": 0},
                        {"type": "pointerUp", "button": 0},
                    ],
                }
            ],
        )

    def resize(self, width: int, height: int) -> None:
        self._send(
            "browsingContext.setViewport",
            context=self.context,
            viewport={"width": width, "height": height},
            devicePixelRatio=2,
        )

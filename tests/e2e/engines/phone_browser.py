#!/usr/bin/python3
"""A bare WebKitGTK window for WebKitWebDriver: no toolbar, so it can be as narrow as
a phone. Debian's MiniBrowser can't go below 447 px (its toolbar sets the minimum), so
window/rect 390 x 844 would leave innerWidth at 447.

WebKitWebDriver starts this with --automation (webkitgtk:browserOptions.binary); it
needs Debian's python3-gi and gir1.2-webkit2-4.1, and so runs on the system Python,
not in the project's virtualenv. Every web view lives in its own window of exactly
the size WebDriver asks for (no title bar: Xvfb has no window manager).
--user-script=PATH adds a script that runs at the start of every page, before the
page's own (classic WebDriver has no way to do that).
"""

import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

windows = []


def new_view(context: WebKit2.WebContext, user_script: str) -> WebKit2.WebView:
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    if user_script:
        view.get_user_content_manager().add_script(
            WebKit2.UserScript.new(
                user_script,
                WebKit2.UserContentInjectedFrames.TOP_FRAME,
                WebKit2.UserScriptInjectionTime.START,
                None,
                None,
            )
        )
    window = Gtk.Window()
    window.set_default_size(390, 844)
    window.add(view)
    window.connect("destroy", closed)
    view.connect("close", lambda view: window.destroy())
    windows.append(window)
    window.show_all()
    return view


def closed(window):
    windows.remove(window)
    if not windows:
        Gtk.main_quit()


def automation_started(context, session, user_script):
    info = WebKit2.ApplicationInfo()
    info.set_name("HipMobPhone")
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), 0)
    session.set_application_info(info)
    session.connect("create-web-view", lambda session: new_view(context, user_script))


def main(argv: list[str]) -> int:
    if "--automation" not in argv:
        sys.stderr.write("Started by WebKitWebDriver only (with --automation).\n")
        return 2
    user_script = ""
    for arg in argv:
        if arg.startswith("--user-script="):
            with open(arg.split("=", 1)[1], encoding="utf-8") as f:
                user_script = f.read()
    GLib.set_prgname("HipMobPhone")
    context = WebKit2.WebContext.new_ephemeral()
    context.set_automation_allowed(True)
    context.connect("automation-started", automation_started, user_script)
    Gtk.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

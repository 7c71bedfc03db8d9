"""Tests of the tests: the accessibility and CSP checks do catch real problems."""

from tests.e2e.axe import axe_violations


def test_axe_flags_a_broken_page(page):
    page.set_content(
        "<html><body><img src='data:,'><button></button>"
        "<p style='color:#777;background:#888'>low contrast</p></body></html>"
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "button-name", "html-has-lang"} <= found


def test_the_csp_listener_catches_an_inline_style(live_server, page, catalogue, csp_violations):
    page.goto(f"{live_server.url}/sign-in/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<style>body{}</style>')")
    page.wait_for_timeout(200)
    assert csp_violations, "an inline <style> must be reported as a CSP violation"

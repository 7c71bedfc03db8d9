"""Reads are written by admins in Markdown, which lets raw HTML through: nothing that
runs script may reach a patient's page."""

import pytest

from learn.markup import render, sanitise
from learn.models import Read
from tests.factories import speak

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=1></svg>",
    '<a href="javascript:alert(1)">tap</a>',
    '<a href="JaVaScRiPt:alert(1)">tap</a>',
    '<a href="&#106;avascript:alert(1)">tap</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">tap</a>',
    "[tap](javascript:alert(1))",
    "[tap](vbscript:msgbox(1))",
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">x</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=p></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>"
    "</mglyph></table></mtext></math>",
    "<style>body{display:none}</style>",
    '<div style="position:fixed;inset:0">cover</div>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<base href=https://evil.example/>",
    "<!--<script>alert(1)</script>-->",
    '<a href="https://ok.example" target="_blank" onmouseover="alert(1)">ok</a>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "vbscript:",
    "data:",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "<input",
    "<style",
    "style=",
    "<meta",
    "<base",
    "<svg",
    "<img",
    "target=",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_rendering_strips_everything_that_could_run(payload):
    html = render(f"Some words.\n\n{payload}\n\nMore words.").lower()
    for bad in FORBIDDEN:
        assert bad not in html, (payload, html)
    assert "some words." in html and "more words." in html


def test_plain_formatting_and_safe_links_survive():
    html = render(
        "## Heading\n\nA **bold** and *soft* word.\n\n- one\n- two\n\n"
        "[The safety questions](/safety/) and [the NHS](https://www.nhs.uk/)."
    )
    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html and "<em>soft</em>" in html
    assert "<li>one</li>" in html
    assert '<a href="/safety/" rel="noopener noreferrer">' in html
    assert '<a href="https://www.nhs.uk/" rel="noopener noreferrer">' in html


def test_a_read_is_sanitised_when_saved(db):
    read = Read.objects.create(
        slug="hostile",
        title="Hostile",
        summary="s",
        body="Hello <script>alert(1)</script><img src=x onerror=alert(2)>",
        illustration_alt="a",
        published=True,
    )
    assert "script" not in read.body_html and "onerror" not in read.body_html
    assert "<script>" in Read.objects.get(pk=read.pk).body  # the source is kept as written


def test_a_row_written_past_save_is_still_cleaned_on_the_page(client, alice):
    Read.objects.filter(slug="why-hips").update(
        body_html='<p>Hi</p><script>alert("x")</script><a href="javascript:alert(1)">x</a>'
    )
    client.force_login(alice)
    html = client.get("/learn/why-hips/").content.decode()
    assert 'alert("x")' not in html and "javascript:" not in html
    assert "<p>Hi</p>" in html


def test_a_translation_is_sanitised_too(client, alice):
    read = Read.objects.get(slug="why-hips")
    translation = read.translations.get(language="es")
    translation.body = "Hola <script>alert(1)</script>[x](javascript:alert(2))"
    translation.save()
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/learn/why-hips/").content.decode()
    assert "Hola" in html and "alert(" not in html


def test_sanitise_is_idempotent_on_clean_html():
    clean = render("A [link](https://example.org).\n\n- item")
    assert sanitise(clean) == clean


@pytest.mark.parametrize(
    "opener",
    ["<math><style>", "<math>", "<svg><style>", "<style>", "<script>", "<MATH><mtext><style>"],
)
def test_an_unclosed_element_drops_only_its_own_paragraph(opener):
    """Finding 6 of issue 17: `<math><style>` left unclosed used to drop the rest of the
    read, silently. Now only its paragraph goes."""
    html = render(f"Before.\n\n{opener}body{{display:none}}\n\nAfter, still here.\n\n## Next")
    assert "Before." in html and "After, still here." in html and "<h2>Next</h2>" in html
    assert "display:none" not in html and "<style" not in html.lower()

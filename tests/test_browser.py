"""The player script in a real browser: headless Chromium from the system, driven by Playwright.

A page is built with a generated 30-second silent WAV and served from a
local HTTP server that answers byte ranges (as web servers do, so the
browser can seek).  Nothing is fetched from the network.
"""

from __future__ import annotations

import os

import pytest

from .browser_util import serve, write_silence
from .sphinx_util import build_once

pytestmark = pytest.mark.browser

SECONDS = 30
# One cue every three seconds, two speakers taking turns every four cues, and
# a long paragraph of filler so the page scrolls.
CUES = [(3 * n, 3 * n + 3, "Ann" if (n // 4) % 2 == 0 else "Bob") for n in range(10)]


def write_vtt(path):
    lines = ["WEBVTT", ""]
    for start, end, speaker in CUES:
        text = f"Cue at {start} seconds." + " Words to read while listening." * 6
        lines += [f"00:00:{start:02d}.000 --> 00:00:{end:02d}.000", f"<v {speaker}>{text}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Build the page and serve it; yields the page's URL."""
    srcdir = tmp_path_factory.mktemp("browser")
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text(
        "Listening test\n==============\n\n"
        ".. transcript:: talk.vtt\n   :name: ep\n   :media: silence.wav\n   :merge: chars=2000\n"
    )
    write_vtt(srcdir / "talk.vtt")
    write_silence(srcdir / "silence.wav")
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    with serve(app.outdir) as base:
        yield base + "index.html"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()
    yield page
    context.close()


def ready(page):
    """Wait until the player knows its duration (its metadata is loaded)."""
    page.wait_for_function("document.querySelector('audio.transcript-player').readyState >= 1")


def current_time(page) -> float:
    return page.evaluate("document.querySelector('audio.transcript-player').currentTime")


def current_cues(page) -> list[str]:
    return page.eval_on_selector_all("[aria-current='true']", "els => els.map(e => e.id)")


def test_the_media_is_served_seekable(page, site):
    page.goto(site)
    ready(page)
    assert page.evaluate("document.querySelector('audio').duration") == pytest.approx(SECONDS)
    assert page.evaluate("document.querySelector('audio').seekable.end(0)") == pytest.approx(
        SECONDS)


def test_clicking_a_timestamp_seeks_the_player(page, site):
    page.goto(site)
    ready(page)
    links = page.locator("a.transcript-time")
    assert links.count() == 3  # three paragraphs: Ann, Bob, Ann
    entries = page.evaluate("history.length")
    links.nth(1).click()  # Bob's paragraph starts at 00:12
    page.wait_for_function(
        "Math.abs(document.querySelector('audio').currentTime - 12) < 0.05")
    assert current_time(page) == pytest.approx(12, abs=0.05)
    # The address names the moment, without a new history entry.
    assert page.evaluate("location.hash") == "#ep-t-00-00-12"
    assert page.evaluate("history.length") == entries
    assert current_cues(page) == ["ep-t-00-00-12"]


def test_the_playing_cue_becomes_current(page, site):
    page.goto(site)
    ready(page)
    page.evaluate("document.querySelector('audio').currentTime = 20.5")
    page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-18'")
    assert current_cues(page) == ["ep-t-00-00-18"]
    # Marked by shape, not colour alone: underlined and outlined, its paragraph barred.
    style = page.eval_on_selector(
        "#ep-t-00-00-18",
        "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.outlineStyle]; }")
    assert style == ["underline", "dotted"]
    border = page.eval_on_selector(
        "#ep-t-00-00-18", "el => getComputedStyle(el.closest('p')).borderLeftColor")
    assert border != "rgba(0, 0, 0, 0)"
    page.evaluate("document.querySelector('audio').currentTime = 4")
    page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-03'")
    assert current_cues(page) == ["ep-t-00-00-03"]


def test_playing_moves_the_current_cue(page, site):
    page.goto(site)
    ready(page)
    page.evaluate("const a = document.querySelector('audio'); a.currentTime = 8.5; a.play()")
    page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-09'",
                           timeout=10_000)
    page.evaluate("document.querySelector('audio').pause()")


def test_opening_the_page_at_a_cue_seeks_there(page, site):
    page.goto(site + "#ep-t-00-00-24")
    ready(page)
    page.wait_for_function(
        "Math.abs(document.querySelector('audio').currentTime - 24) < 0.05")
    assert current_cues(page) == ["ep-t-00-00-24"]
    # And following a link to another moment on the page seeks again.
    page.evaluate("location.hash = '#ep-t-00-00-06'")
    page.wait_for_function("Math.abs(document.querySelector('audio').currentTime - 6) < 0.05")


def test_autoscroll_is_opt_in_and_stops_when_the_reader_scrolls(page, site):
    page.goto(site)
    ready(page)
    box = page.locator(".transcript-autoscroll input[type=checkbox]")
    assert box.count() == 1
    assert not box.is_checked()
    box.check()
    page.evaluate("const a = document.querySelector('audio'); a.currentTime = 27; a.play()")
    page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-27'")
    page.wait_for_function("window.scrollY > 0")
    page.mouse.wheel(0, -200)
    page.wait_for_function("!document.querySelector('.transcript-autoscroll input').checked")
    page.evaluate("document.querySelector('audio').pause()")


def test_without_javascript_the_links_still_navigate(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site)
        page.locator("a.transcript-time").nth(2).click()
        assert page.url.endswith("#ep-t-00-00-24")
    finally:
        context.close()


def test_screenshot_for_a_human(page, site, tmp_path_factory):
    """Writes a screenshot (not compared: for people checking the look by eye)."""
    page.goto(site + "#ep-t-00-00-12")
    ready(page)
    page.wait_for_function("document.querySelector('[aria-current]') !== null")
    target = os.environ.get("TRANSCRIPT_SCREENSHOT") or str(
        tmp_path_factory.mktemp("screens") / "transcript.png")
    page.screenshot(path=target, full_page=True)
    assert os.path.getsize(target) > 10_000

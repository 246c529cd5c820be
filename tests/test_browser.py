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
    # An excerpt, 00:06 to 00:09, whose player stays in the flow of the page.
    (srcdir / "excerpt.rst").write_text(
        ":orphan:\n\nExcerpt\n=======\n\n"
        ".. transcript:: talk.vtt\n   :name: ex\n   :media: silence.wav\n   :start: 6\n"
        "   :end: 9\n   :sticky-player: no\n\n" + "More text after the excerpt. " * 400 + "\n"
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


AUDIO = "document.querySelector('audio')"


@pytest.fixture(scope="module")
def offset_site(tmp_path_factory):
    """The page again, with transcript_scroll_offset = 120 (a header the script cannot see)."""
    srcdir = tmp_path_factory.mktemp("offset")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinxcontrib_transcript"]\ntranscript_scroll_offset = 120\n')
    (srcdir / "index.rst").write_text(
        "Offset test\n===========\n\n"
        ".. transcript:: talk.vtt\n   :name: ep\n   :media: silence.wav\n   :merge: chars=2000\n\n"
        + "More text after the transcript. " * 300 + "\n"
    )
    write_vtt(srcdir / "talk.vtt")
    write_silence(srcdir / "silence.wav")
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    with serve(app.outdir) as base:
        yield base + "index.html"


def test_the_scroll_offset_adds_room_above_the_docked_player(page, offset_site):
    page.goto(offset_site + "#ep-t-00-00-24")
    ready(page)
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelector('.transcript-docked')")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    top, docked_at, bottom = page.evaluate(
        "[document.getElementById('ep-t-00-00-24').getBoundingClientRect().top,"
        " document.querySelector('.transcript-media').getBoundingClientRect().top,"
        " document.querySelector('.transcript-media').getBoundingClientRect().bottom]")
    assert docked_at == pytest.approx(120, abs=1)  # the player docks below the room too
    assert bottom < top < bottom + 30


def test_an_excerpt_holds_on_every_play_seek_and_resume(page, site):
    page.goto(site.replace("index.html", "excerpt.html"))
    ready(page)
    # The first play stops at :end: (the media fragment #t=6,9 does that much).
    page.evaluate(f"{AUDIO}.play()")
    page.wait_for_function(f"{AUDIO}.paused && {AUDIO}.currentTime > 8", timeout=8_000)
    assert 8.9 <= current_time(page) <= 9.3
    # Playing again starts over at :start: and stops at :end: again.
    page.evaluate(f"{AUDIO}.play()")
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime < 7.5")
    page.wait_for_function(f"{AUDIO}.paused", timeout=8_000)
    assert 8.9 <= current_time(page) <= 9.3
    # A seek past the end comes back to it; one before the start, to the start.
    page.evaluate(f"{AUDIO}.currentTime = 20")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 9) < 0.05")
    page.evaluate(f"{AUDIO}.currentTime = 2")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 6) < 0.05")
    # Paused mid-excerpt and resumed: it still stops at :end:.
    page.evaluate(f"{AUDIO}.currentTime = 7.5; {AUDIO}.play()")
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 7.8")
    page.evaluate(f"{AUDIO}.pause()")
    page.evaluate(f"{AUDIO}.play()")
    page.wait_for_function(f"{AUDIO}.paused", timeout=8_000)
    assert 8.9 <= current_time(page) <= 9.3


def test_a_player_kept_in_the_flow_does_not_dock(page, site):
    page.goto(site.replace("index.html", "excerpt.html"))
    ready(page)
    assert page.get_attribute(".transcript-media", "class").split()[:2] == [
        "transcript-media", "transcript-static"]
    page.mouse.wheel(0, 2000)
    page.wait_for_function("window.scrollY > 1000")
    assert page.evaluate("getComputedStyle(document.querySelector('.transcript-media')).position"
                         ) == "static"


def test_the_keyboard_reaches_timestamps_seeks_plays_and_pauses(page, site):
    page.goto(site)
    ready(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.transcript-time')"):
            break
    else:
        pytest.fail("Tab never reached a timestamp")
    page.keyboard.press("Tab")  # the second timestamp, 00:12
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#ep-t-00-00-12"
    page.keyboard.press("Enter")
    page.wait_for_function(f"!{AUDIO}.paused")
    assert 12 <= current_time(page) < 13.5
    assert current_cues(page) == ["ep-t-00-00-12"]
    # "k" pauses and plays again (the documented shortcut), focus staying put.
    page.keyboard.press("k")
    page.wait_for_function(f"{AUDIO}.paused")
    page.keyboard.press("k")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.evaluate(f"{AUDIO}.pause()")


def test_one_cue_is_marked_at_a_time(page, site):
    page.goto(site + "#ep-t-00-00-24")
    ready(page)
    page.locator("a.transcript-time").nth(1).click()
    outlined = page.eval_on_selector_all(
        ".transcript-cue", "els => els.filter(e => getComputedStyle(e).outlineStyle !== 'none')"
        ".map(e => e.id)")
    assert outlined == ["ep-t-00-00-12"]  # the opened cue's :target outline is gone
    page.evaluate(f"{AUDIO}.pause()")


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

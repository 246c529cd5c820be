"""Word by word in a real browser: the demo clip, its words timed by espeak-ng.

The page shows ``docs/demo/demo-words.vtt`` (the clip's cues with each
word's start as a WebVTT inline timestamp, from espeak-ng's word events) with
the real clip as its player, served locally; another shows the same words
from Whisper JSON (``demo-words.json``) with every cue's timestamp; a third
shows the WebVTT file with
``:words: off``, the baseline of the update budget: one second of playback
may add no more than one restyle per spoken word, no layout, and two class
changes per word, to what the cue mark already costs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .browser_util import serve
from .sphinx_util import build_once
from .youtube import rolling_vtt

pytestmark = pytest.mark.browser

DEMO = Path(__file__).parent.parent / "docs" / "demo"
AXE = Path(__file__).parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
AUDIO = "document.querySelector('audio.transcript-player')"
PAGE = """\
{title}
{rule}

.. transcript:: {source}
   :name: {name}
   :media: demo-clip.ogg
   :timestamps: {timestamps}
   :words: {words}
"""


def spoken() -> list[tuple[float, str, int]]:
    """``(start s, word, cue number)`` of every word of the clip, in order."""
    segments = json.loads((DEMO / "demo-words.json").read_text(encoding="utf-8"))["segments"]
    return [(word["start"], word["word"].strip(), number)
            for number, segment in enumerate(segments) for word in segment["words"]]


WORDS = spoken()


def word_at(t: float) -> str:
    return [word for start, word, _cue in WORDS if start <= t + 0.0005][-1]


def words_at(t: float) -> set[str]:
    """The word spoken at *t*, or either word within 10 ms of a change (the page keeps
    times to the hundredth of a second)."""
    return {word_at(t - 0.006), word_at(t + 0.006)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("words")
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    for name in ("demo-words.vtt", "demo-words.json", "demo-clip.ogg"):
        shutil.copy(DEMO / name, srcdir / name)
    pages = {
        "index": ("Words", "demo-words.vtt", "clip", "show", "auto"),
        "off": ("Off", "demo-words.vtt", "off", "show", "off"),
        # Every cue with its own timestamp link: the words leave the link out.
        "all": ("All", "demo-words.json", "all", "all", "auto"),
        # YouTube's rolling captions of the same words, de-rolled: each word
        # after a line's first in its own <c> element.
        "youtube": ("YouTube", "youtube.vtt", "yt", "show", "auto"),
    }
    segments = json.loads((DEMO / "demo-words.json").read_text(encoding="utf-8"))["segments"]
    (srcdir / "youtube.vtt").write_text(rolling_vtt([
        (word["word"].strip(), round(word["start"] * 1000), round(word["end"] * 1000))
        for segment in segments for word in segment["words"]
    ]), encoding="utf-8")
    for page, (title, source, name, timestamps, words) in pages.items():
        text = PAGE.format(title=title, rule="=" * len(title), source=source, name=name,
                           timestamps=timestamps, words=words)
        toctree = "\n.. toctree::\n\n   off\n   all\n   youtube\n" if page == "index" else ""
        (srcdir / f"{page}.rst").write_text(text + toctree)
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    with serve(app.outdir) as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 900, "height": 700})
    page = context.new_page()
    errors: list[object] = []

    def error(exception: object) -> None:
        errors.append(exception)

    page.on("pageerror", error)
    yield page
    context.close()
    assert errors == []


def open_page(page, url):
    page.goto(url)
    page.wait_for_function(f"{AUDIO}.readyState >= 1")


def marked(page) -> tuple[list[str], list[str]]:
    """The marked words' text and the marked cues' ids."""
    text, ident = "els => els.map(e => e.textContent)", "els => els.map(e => e.id)"
    return (page.eval_on_selector_all(".transcript-word-current", text),
            page.eval_on_selector_all("[aria-current='true']", ident))


def pause(page) -> float:
    """Pause once the page has handled the pause (the marks are final); returns the time."""
    return page.evaluate(
        f"new Promise(done => {{ const audio = {AUDIO}; audio.addEventListener('pause', "
        "() => setTimeout(() => done(audio.currentTime), 0), {once: true}); audio.pause(); })")


def test_the_words_are_plain_text_until_needed(page, site):
    open_page(page, site + "index.html")
    # At most the cue at the player's time (0:00) has its words wrapped.
    first = sum(1 for _start, _word, cue in WORDS if cue == 0)
    assert page.locator(".transcript-word").count() in (0, first)
    assert page.locator("#clip-t-00-00-07 .transcript-word").count() == 0
    text = page.inner_text("#clip-t-00-00-07")
    page.hover("#clip-t-00-00-07")
    words = page.eval_on_selector_all(
        "#clip-t-00-00-07 .transcript-word", "els => els.map(e => e.textContent)")
    assert words == text.split()
    assert page.inner_text("#clip-t-00-00-07") == text  # the text reads the same
    assert page.locator(".transcript-word").count() - len(words) in (0, first)  # that cue only


@pytest.mark.parametrize(("name", "cue"), [
    ("index", "#clip-t-00-00-07"), ("all", "#all-t-00-00-07"), ("youtube", "#yt-t-00-00-09"),
])
def test_clicking_a_word_seeks_to_it_and_marks_it(page, site, name, cue):
    open_page(page, site + f"{name}.html")
    # Where the seek goes ("seeking": playback has not moved on from there yet).
    page.evaluate(f"window.seekedAt = []; {AUDIO}.addEventListener('seeking', "
                  f"() => window.seekedAt.push({AUDIO}.currentTime))")
    page.hover(cue)
    page.locator(f"{cue} .transcript-word", has_text="player").click()
    page.wait_for_function("window.seekedAt.length > 0")
    start = next(start for start, word, _cue in WORDS if word == "player")
    assert page.evaluate("window.seekedAt[0]") == pytest.approx(start, abs=0.01)
    page.wait_for_function(f"!{AUDIO}.paused")  # and it plays
    t = pause(page)
    words, cues = marked(page)
    assert len(words) == 1 and words[0] in words_at(t)
    assert cues == [cue[1:]]


def test_a_click_on_the_timestamp_is_not_a_word(page, site):
    open_page(page, site + "all.html")
    page.click("#all-t-00-00-15 a.transcript-time")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 15.478) < 0.3")
    assert page.eval_on_selector("#all-t-00-00-15 a.transcript-time",
                                 "a => a.querySelector('.transcript-word')") is None


def test_selecting_text_does_not_seek(page, site):
    open_page(page, site + "index.html")
    box = page.locator("#clip-t-00-00-15").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    assert page.evaluate("getSelection().toString()").strip()
    assert page.evaluate(f"{AUDIO}.currentTime") == 0
    assert page.evaluate(f"{AUDIO}.paused")


def test_playing_marks_the_spoken_word_and_its_cue(page, site):
    open_page(page, site + "index.html")
    page.evaluate(f"{AUDIO}.currentTime = 12.1; {AUDIO}.play()")
    for until in (13.0, 16.3, 21.0):
        page.wait_for_function(f"{AUDIO}.currentTime >= {until}")
        t = pause(page)
        words, cues = marked(page)
        cue = [number for start, _word, number in WORDS if start <= t + 0.0005][-1]
        ids = page.eval_on_selector_all(".transcript-cue", "els => els.map(e => e.id)")
        assert len(words) == 1 and words[0] in words_at(t), t
        assert cues == [ids[cue]], t
        page.evaluate(f"{AUDIO}.play()")


def test_tab_stops_are_the_timestamps_only(page, site):
    focusable = ("document.querySelectorAll('section[data-transcript] :is(a[href], button, "
                 "input, [tabindex])').length")
    open_page(page, site + "off.html")
    without = page.evaluate(focusable)
    open_page(page, site + "index.html")
    for cue in page.eval_on_selector_all(".transcript-cue", "els => els.map(e => e.id)"):
        page.hover("#" + cue)
    assert page.locator(".transcript-word").count() == len(WORDS)
    assert page.evaluate(focusable) == without


def test_no_accessibility_violation_with_a_marked_word(page, site):
    assert AXE.is_file(), "axe-core is missing: run tests/run-all.sh (npm install into tests/.npm)"
    open_page(page, site + "index.html")
    page.evaluate(f"{AUDIO}.currentTime = 16.3")
    page.wait_for_selector(".transcript-word-current")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document.querySelector('section[data-transcript]'), "
        "{resultTypes: ['violations']})).violations.map(v => v.id + ' ' + v.nodes.length)")
    assert violations == []


COUNT = """
() => {
  window.changes = {attributes: 0, childList: 0, characterData: 0};
  new MutationObserver(list => { for (const r of list) window.changes[r.type]++; })
    .observe(document.querySelector('section[data-transcript]'),
             {attributes: true, childList: true, characterData: true, subtree: true});
}
"""


def one_second(page, url, start: float) -> tuple[dict[str, int], dict[str, float], float]:
    """Play from *start*; count the DOM changes and Chromium's restyles and layouts
    during one second of playback, measured by the media's own clock."""
    open_page(page, url)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.evaluate(f"{AUDIO}.currentTime = {start - 0.6}; {AUDIO}.play()")
    page.wait_for_function(f"{AUDIO}.currentTime >= {start}", polling=10)
    page.evaluate(COUNT)
    before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    t0 = page.evaluate(f"{AUDIO}.currentTime")
    page.wait_for_function(f"{AUDIO}.currentTime >= {t0 + 1}", polling=10)
    after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    changes = page.evaluate("window.changes")
    page.evaluate(f"{AUDIO}.pause()")
    metrics = {name: after[name] - before[name] for name in ("RecalcStyleCount", "LayoutCount")}
    return changes, metrics, t0


@pytest.mark.parametrize("start", [16.0, 19.5])  # inside one cue; across a pause and a new cue
def test_one_second_of_playback_costs_a_handful_of_updates(page, site, start):
    """Budget: per spoken word, two class changes and one restyle; no layout of its own;
    a new cue's words are wrapped in one change of the DOM."""
    words_on, metrics_on, t0 = one_second(page, site + "index.html", start)
    words_off, metrics_off, _ = one_second(page, site + "off.html", start)
    said = sum(1 for begin, _word, _cue in WORDS if t0 < begin <= t0 + 1.05)
    cues = len({cue for begin, _word, cue in WORDS if t0 < begin <= t0 + 1.05}
               - {cue for begin, _word, cue in WORDS if begin <= t0})
    assert said >= 2  # the second has words to mark
    assert words_off["childList"] == 0
    assert words_on["childList"] <= cues, (words_on, cues)
    extra = words_on["attributes"] - words_off["attributes"]
    assert extra <= 2 * said + 2, (words_on, words_off, said)
    assert metrics_on["RecalcStyleCount"] - metrics_off["RecalcStyleCount"] <= said + 1, (
        metrics_on, metrics_off, said)
    assert metrics_on["LayoutCount"] - metrics_off["LayoutCount"] <= 1, (metrics_on, metrics_off)
    assert words_on["attributes"] + metrics_on["RecalcStyleCount"] <= 24  # a handful, all told


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """The demo's words with a YouTube video, played by the local stand-in of its API."""
    from .test_browser_hosted import APIS, STANDINS, StandinHandler
    from .test_browser_hosted import serve as serve_hosted

    handler = type("Handler", (StandinHandler,), {"requests": []})
    standin, standin_url = serve_hosted(STANDINS, handler)
    players = {service: {"embed": f"{standin_url}{service}/embed/{{id}}?enablejsapi=1",
                         "api": f"{standin_url}{service}/api.js"} for service in APIS}
    srcdir = tmp_path_factory.mktemp("words-hosted")
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinxcontrib_transcript"]\ntranscript_hosted_players = {players!r}\n')
    shutil.copy(DEMO / "demo-words.vtt", srcdir / "demo-words.vtt")
    (srcdir / "index.rst").write_text(
        "Hosted\n======\n\n.. transcript:: demo-words.vtt\n   :name: yt\n"
        "   :media: https://youtu.be/dQw4w9WgXcQ\n")
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    site, site_url = serve_hosted(app.outdir)
    try:
        yield site_url
    finally:
        for server in (site, standin):
            server.shutdown()
            server.server_close()


def test_words_follow_a_hosted_player(page, hosted):
    page.goto(hosted + "index.html")
    page.locator("button.transcript-load").click()
    page.wait_for_function("window.__standins && window.__standins.length === 1")
    page.hover("#yt-t-00-00-15")
    page.locator("#yt-t-00-00-15 .transcript-word", has_text="transcript").click()
    start = next(start for start, word, _cue in WORDS if word == "transcript" and start > 15)
    call = page.evaluate("window.__standins[0].calls.find(c => c.startsWith('seek'))")
    assert float(call.split()[1]) == pytest.approx(start, abs=0.0051)
    page.wait_for_function("window.__standins[0].playing()")
    # The stand-in's clock plays on: the marked word follows it through the API
    # (which the player asks for the time five times a second).
    at = page.wait_for_function(
        "document.querySelector('.transcript-word-current')?.textContent === 'PDF,' && "
        "window.__standins[0].time()", timeout=6_000).json_value()
    said = next(start for start, word, _cue in WORDS if word == "PDF,")
    assert said <= at < said + 0.74 + 0.25
    assert marked(page)[1] == ["yt-t-00-00-15"]

"""The ``words`` section: what word-by-word costs a page, in bytes and in browser updates.

A real one-hour episode (talk-python 507, 1:03:36, 714 cues) gets word
timings: each cue's words spread over its duration by their length, as an
aligner's would be.  It is written twice, as WebVTT with an inline timestamp
before each word (YouTube's word-timed captions) and as Whisper JSON with
``words``, and each is built with ``:words: auto`` and ``:words: off``
(``sphinx-build`` in a fresh process).  The budget: the page with words under
2.5x the size of the page without.

Then Chromium plays the WebVTT page for ten seconds from the middle of the
hour (a silent WAV as long as the episode), and counts, per second of
playback, the changes to the transcript's DOM (a MutationObserver) and
Chromium's own style recalculations and layouts (``Performance.getMetrics``
over the DevTools protocol), against the same page with ``:words: off``.
The budget: no more than one restyle per spoken word and no layout added,
so a handful a second.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from contextlib import AbstractContextManager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import SOURCE, Cue, parse_vtt
from .timing import Unavailable

if TYPE_CHECKING:
    from .run import Results

EPISODE = SOURCE / "507-agentic-ai-workflows-with-langgraph.vtt"
SIZE_BUDGET = 2.5
PLAYED = 10  # seconds of playback measured
FROM = 1800  # where playback starts, in seconds


def _clock(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}.{millis:03d}"


def timed(cue: Cue) -> list[tuple[str, int, int]]:
    """``(word, start ms, end ms)`` for each word of *cue*, spread over it by length."""
    words = " ".join(cue.lines).split()
    total = sum(len(word) + 1 for word in words) or 1
    out, at = [], 0
    for word in words:
        start = cue.start + (cue.end - cue.start) * at // total
        at += len(word) + 1
        out.append((word, start, cue.start + (cue.end - cue.start) * at // total))
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def episode_vtt(cues: list[Cue]) -> str:
    """The episode as WebVTT, an inline timestamp before each word after the first."""
    lines = ["WEBVTT", ""]
    for cue in cues:
        words = timed(cue)
        text = " ".join(_escape(word) if n == 0 else f"<{_clock(start)}>{_escape(word)}"
                        for n, (word, start, _end) in enumerate(words))
        lines += [f"{_clock(cue.start)} --> {_clock(cue.end)}", text, ""]
    return "\n".join(lines)


def episode_whisper(cues: list[Cue]) -> str:
    """The episode as Whisper JSON, each segment with its ``words``."""
    segments = [
        {"id": n, "start": cue.start / 1000, "end": cue.end / 1000,
         "text": " " + " ".join(" ".join(cue.lines).split()),
         "words": [{"word": " " + word, "start": start / 1000, "end": end / 1000}
                   for word, start, end in timed(cue)]}
        for n, cue in enumerate(cues)
    ]
    return json.dumps({"language": "en", "segments": segments}, indent=1)


def write_silence(path: Path, seconds: int) -> None:
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 8000 * seconds)


def build(root: Path, seconds: int = 1) -> Path:
    """A project with the episode in both formats, with words and without; returns its HTML."""
    cues = parse_vtt(EPISODE.read_text(encoding="utf-8"))
    source = root / "words-src"
    source.mkdir(parents=True, exist_ok=True)
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n'
                                    "transcript_lint = False\n")
    (source / "episode.vtt").write_text(episode_vtt(cues), encoding="utf-8")
    (source / "episode.json").write_text(episode_whisper(cues), encoding="utf-8")
    write_silence(source / "episode.wav", seconds)
    pages = []
    for fmt in ("vtt", "json"):
        for words in ("auto", "off"):
            name = f"{fmt}-{words}"
            pages.append(name)
            (source / f"{name}.rst").write_text(
                f"Episode\n=======\n\n.. transcript:: episode.{fmt}\n   :name: ep\n"
                f"   :media: episode.wav\n   :words: {words}\n"
            )
    toctree = "".join(f"   {name}\n" for name in pages)
    (source / "index.rst").write_text(f"Words\n=====\n\n.. toctree::\n\n{toctree}")
    output = root / "words-html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(source), str(output)],
        capture_output=True, text=True, timeout=900, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"sphinx-build failed: {done.stderr[-500:]}")
    return output


def page_sizes(root: Path, fmt: str = "vtt", output: Path | None = None) -> tuple[int, int]:
    """Bytes of the episode's page with words and without (*output*: an existing build)."""
    output = output or build(root)
    return tuple(  # type: ignore[return-value]
        (output / f"{fmt}-{words}.html").stat().st_size for words in ("auto", "off"))


_CUE_WITH_WORDS = re.compile(r'( data-w="([^"]*)")>([^<]*)</span>')


def element_per_word(html: str) -> str:
    """The page with words as the markup not chosen: each word its own short element,
    ``<span data-t="41">word</span>`` (its start after the word before, in hundredths),
    and no ``data-w``: what an element per word in the HTML would weigh."""

    def wrap(match: re.Match[str]) -> str:
        steps = iter(match[2].split())
        text = re.sub(r"[^ \t\n\r\f]+",
                      lambda word: f'<span data-t="{next(steps)}">{word[0]}</span>', match[3])
        return f">{text}</span>"

    return _CUE_WITH_WORDS.sub(wrap, html)


_COUNT = """
() => {
  window.changes = 0;
  new MutationObserver(list => { window.changes += list.length; })
    .observe(document.querySelector('section[data-transcript]'),
             {attributes: true, childList: true, characterData: true, subtree: true});
}
"""
_AUDIO = "document.querySelector('audio.transcript-player')"


def _metrics(cdp: object) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}  # type: ignore[attr-defined]


def playback(url: str, browser: object) -> tuple[float, float, float, float]:
    """``(DOM changes, restyles, layouts, seconds played)`` over :data:`PLAYED` s of playback."""
    page = browser.new_page(viewport={"width": 1000, "height": 800})  # type: ignore[attr-defined]
    try:
        page.goto(url)
        page.wait_for_function(f"{_AUDIO}.readyState >= 1")
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.evaluate(f"{_AUDIO}.currentTime = {FROM}; {_AUDIO}.play()")
        page.wait_for_function(f"{_AUDIO}.currentTime >= {FROM + 1}", polling=20)
        page.evaluate(_COUNT)
        before, start = _metrics(cdp), page.evaluate(f"{_AUDIO}.currentTime")
        page.wait_for_function(f"{_AUDIO}.currentTime >= {start + PLAYED}", polling=20,
                               timeout=(PLAYED + 30) * 1000)
        after, end = _metrics(cdp), page.evaluate(f"{_AUDIO}.currentTime")
        changes = page.evaluate("window.changes")
    finally:
        page.close()
    return (changes, after["RecalcStyleCount"] - before["RecalcStyleCount"],
            after["LayoutCount"] - before["LayoutCount"], end - start)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing: the browser drops the media requests it no longer needs."""


def _serve(directory: Path) -> AbstractContextManager[str]:
    """*directory* over HTTP with byte ranges (as the browser tests serve it), quietly."""
    from ..browser_util import serve

    return serve(directory, _QuietServer)


def spoken_per_second(cues: list[Cue], start: float, seconds: float) -> float:
    starts = [begin / 1000 for cue in cues for _word, begin, _end in timed(cue)]
    return sum(1 for t in starts if start <= t < start + seconds) / seconds


def section_words(scratch: Path, results: Results) -> None:
    from .run import Row

    cues = parse_vtt(EPISODE.read_text(encoding="utf-8"))
    hour = cues[-1].end // 1000 + 1
    words = sum(len(timed(cue)) for cue in cues)
    print(f"words: {EPISODE.name} ({hour // 60} min, {len(cues)} cues, {words} words) with "
          "word timings spread over each cue; pages built with :words: auto and off")
    begun = time.perf_counter()
    output = build(scratch, hour)
    print(f"  built in {time.perf_counter() - begun:.0f} s")
    for fmt, name in (("json", "Whisper JSON words"), ("vtt", "WebVTT inline timestamps")):
        on, off = page_sizes(scratch, fmt, output)
        ratio = on / off
        results.add(Row("words", f"one-hour page, {name}: :words: auto", on, ":words: off", off,
                        ratio, f"{ratio:.2f}x the size", f"< {SIZE_BUDGET}x",
                        ratio < SIZE_BUDGET, unit="kB"))
    # Whisper JSON's cues are plain text runs, so the other markup is easy to write out.
    alternative = len(element_per_word(
        (output / "json-auto.html").read_text(encoding="utf-8")).encode("utf-8"))
    ratio = alternative / off
    results.add(Row("words", "the same, with an element per word instead (not chosen)",
                    alternative, ":words: off", off, ratio, f"{ratio:.2f}x the size",
                    unit="kB"))
    try:
        from playwright.sync_api import sync_playwright

        from ..browser_util import ARGS, CHROMIUM
    except ImportError as exc:
        raise Unavailable(f"cannot import Playwright ({exc}); pip install -e '.[test]'") from exc
    with _serve(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            on_run = playback(base + "vtt-auto.html", browser)
            off_run = playback(base + "vtt-off.html", browser)
        finally:
            browser.close()
    said = spoken_per_second(cues, FROM + 1, PLAYED)
    per = [value / on_run[3] for value in on_run[:3]]
    base_per = [value / off_run[3] for value in off_run[:3]]
    extra_styles, extra_layouts = per[1] - base_per[1], per[2] - base_per[2]
    results.add(Row(
        "words", f"{PLAYED} s of playback: restyles a second, words vs :words: off", per[1],
        ":words: off", base_per[1], extra_styles,
        f"{extra_styles:+.1f} a second for {said:.1f} words spoken a second; DOM changes "
        f"{per[0]:.1f} vs {base_per[0]:.1f} a second", "<= 1 a word",
        extra_styles <= said + 0.5, unit="/s",
    ))
    cues_begun = sum(1 for cue in cues if FROM + 1 <= cue.start / 1000 < FROM + 1 + PLAYED)
    results.add(Row(
        "words", f"{PLAYED} s of playback: layouts a second, words vs :words: off", per[2],
        ":words: off", base_per[2], extra_layouts,
        f"{extra_layouts:+.1f} a second ({cues_begun / PLAYED:.1f} new cues a second)",
        "<= 1 a new cue", extra_layouts <= cues_begun / PLAYED + 0.1, unit="/s",
    ))

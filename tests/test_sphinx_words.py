"""``:words:``: word timings on the page, plain text everywhere else (real Sphinx builds)."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from sphinxcontrib_transcript import load
from sphinxcontrib_transcript.model import Word
from sphinxcontrib_transcript.sphinxext.words import encode

from .sphinx_util import build_once, read, warnings

DEMO = Path(__file__).parent.parent / "docs" / "demo"
# A cue's span, its id, start, data-w and content: up to the end tag that the next cue
# or the paragraph's end follows (YouTube's cues hold a span for each word).
CUE = re.compile(r'<span class="transcript-cue" id="([^"]+)" data-start="([^"]+)"[^>]*?'
                 r'(?: data-w="([^"]*)")?>(.*?)</span>'
                 r'(?=\s*(?:<span class="transcript-cue"|</p>))', re.S)


def project(tmp_path: Path, body: str, conf: str = "") -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(f'extensions = ["sphinxcontrib_transcript"]\n{conf}')
    (srcdir / "index.rst").write_text(f"Words\n=====\n\n{body}")
    for name in ("demo-words.vtt", "demo-words.json", "demo-clip.vtt"):
        shutil.copy(DEMO / name, srcdir / name)
    return srcdir


def cues(html: str) -> dict[str, tuple[float, str, str]]:
    """``{id: (start s, data-w, text)}`` of the cues on a page."""
    found = {}
    for ident, start, steps, inner in CUE.findall(html):
        text = unescape(re.sub(r"<a class=\"transcript-time.*?</a>|<[^>]+>", "", inner))
        found[ident] = (float(start), steps, text)
    return found


def decode(start: float, steps: str, text: str) -> list[tuple[float, str]]:
    """What the script makes of ``data-w``: ``(start s, word)`` per word of the text."""
    times, hundredths = [], 0
    for step in steps.split():
        hundredths += int(step)
        times.append(start + hundredths / 100)
    return list(zip(times, text.split(), strict=True))


def demo_words() -> list[tuple[float, str]]:
    segments = json.loads((DEMO / "demo-words.json").read_text(encoding="utf-8"))["segments"]
    return [(word["start"], word["word"].strip()) for s in segments for word in s["words"]]


@pytest.mark.parametrize(("source", "timestamps"), [
    ("demo-words.vtt", "show"),  # WebVTT inline timestamps (cues with markup)
    ("demo-words.json", "show"),  # Whisper JSON (plain cues, one text run a paragraph)
    ("demo-words.json", "all"),  # every cue its own node, its timestamp link left out
])
def test_each_word_gets_its_time(tmp_path, source, timestamps):
    app = build_once(project(tmp_path, f".. transcript:: {source}\n   :name: clip\n"
                                       f"   :timestamps: {timestamps}\n"))
    assert warnings(app) == ""
    shown = cues(read(app, "index.html"))
    assert len(shown) == 6
    got = [word for start, steps, text in shown.values() for word in decode(start, steps, text)]
    expected = demo_words()
    assert [word for _t, word in got] == [word for _t, word in expected]
    for (time, word), (want, _word) in zip(got, expected, strict=True):
        assert time == pytest.approx(want, abs=0.0051), word


def test_youtube_rolling_captions_keep_their_words_when_de_rolled(tmp_path):
    from .youtube import rolling_vtt

    srcdir = project(tmp_path, ".. transcript:: youtube.vtt\n   :name: yt\n")
    segments = json.loads((DEMO / "demo-words.json").read_text(encoding="utf-8"))["segments"]
    (srcdir / "youtube.vtt").write_text(rolling_vtt([
        (word["word"].strip(), round(word["start"] * 1000), round(word["end"] * 1000))
        for segment in segments for word in segment["words"]
    ]), encoding="utf-8")
    app = build_once(srcdir, confoverrides={"suppress_warnings": ["transcript.rolling-captions"]})
    assert warnings(app) == ""
    got = [word for start, steps, text in cues(read(app, "index.html")).values()
           for word in decode(start, steps, text)]
    expected = demo_words()
    assert [word for _t, word in got] == [word for _t, word in expected]
    for (time, word), (want, _word) in zip(got, expected, strict=True):
        # A line's first word may start in the 10 ms YouTube holds the line before.
        assert time == pytest.approx(want, abs=0.0151), word


def test_words_off_keeps_the_markup_of_a_transcript_without_word_timings(tmp_path):
    srcdir = project(tmp_path, ".. transcript:: demo-words.json\n   :name: clip\n   :words: off\n")
    plain = json.loads((srcdir / "demo-words.json").read_text(encoding="utf-8"))
    for segment in plain["segments"]:
        del segment["words"]
    (srcdir / "bare.json").write_text(json.dumps(plain), encoding="utf-8")
    (srcdir / "bare.rst").write_text(":orphan:\n\nWords\n=====\n\n"
                                     ".. transcript:: bare.json\n   :name: clip\n")
    app = build_once(srcdir, confoverrides={"suppress_warnings": ["transcript.duplicate"]})
    assert warnings(app) == ""
    section = re.compile(r"<section aria-label.*?</section>", re.S)
    off = section.findall(read(app, "index.html"))
    bare = section.findall(read(app, "bare.html"))
    assert off and off == bare
    assert "data-w" not in off[0]


def test_the_config_value_turns_words_off_and_the_option_on(tmp_path):
    body = (".. transcript:: demo-words.vtt\n   :name: a\n\n"
            ".. transcript:: demo-words.vtt\n   :name: b\n   :words: auto\n")
    app = build_once(project(tmp_path, body, 'transcript_words = "off"\n'))
    shown = cues(read(app, "index.html"))
    assert not any(steps for ident, (_s, steps, _t) in shown.items() if ident.startswith("a-"))
    assert all(steps for ident, (_s, steps, _t) in shown.items() if ident.startswith("b-"))


def test_a_transcript_without_word_timings_is_unchanged(tmp_path):
    app = build_once(project(tmp_path, ".. transcript:: demo-clip.vtt\n   :name: clip\n"))
    assert "data-w" not in read(app, "index.html")


def test_a_bad_words_value_is_a_warning_naming_the_choices(tmp_path):
    app = build_once(project(tmp_path, ".. transcript:: demo-words.vtt\n   :words: yes\n"))
    assert "'yes' is not a :words: choice; write one of auto, off [transcript.directive]" in (
        warnings(app))


@pytest.mark.parametrize(("builder", "output"),
                         [("text", "*.txt"), ("latex", "*.tex"), ("man", "*.1")])
def test_other_builders_show_the_words_as_plain_text(tmp_path, builder, output):
    app = build_once(project(tmp_path, ".. transcript:: demo-words.vtt\n   :name: clip\n"),
                     builder)
    assert warnings(app) == ""
    (path,) = Path(app.outdir).glob(output)
    text = " ".join(path.read_text(encoding="utf-8").split())
    for sentence in ("Welcome to the demo of sphinx contrib transcript.",
                     "Click a timestamp, and the player jumps to that moment."):
        assert sentence in text.replace("\\-", "-")
    assert "00:00:08.188" not in text  # the word times are not shown


def test_the_search_index_has_the_words(tmp_path):
    app = build_once(project(tmp_path, ".. transcript:: demo-words.vtt\n   :name: clip\n"))
    index = read(app, "searchindex.js")
    for word in ("timestamp", "anchor", "listen"):
        assert f'"{word}"' in index


def test_a_one_hour_episode_with_words_stays_under_the_size_budget(tmp_path):
    """The issue's budget, on a real episode: with words, under 2.5x the page without."""
    from .benchmarks.words import page_sizes

    with_words, without = page_sizes(tmp_path)
    assert with_words / without < 2.5, (with_words, without)
    assert with_words > without  # the words are there


# -- encode: what data-w says about a cue ------------------------------------------------


def test_encode_keeps_times_in_order_and_inside_the_cue():
    words = [Word(500, 900, "Early"), Word(2400, 2600, " late"), Word(2100, 2300, " back"),
             Word(9000, 9100, " after")]
    # Before the cue's start: at its start; back in time: with the word before;
    # after its end: at its end.
    assert encode("Early late back after", 1000, 3000, words) == "0 140 0 60"


def test_encode_joins_untimed_and_unmatched_words_to_the_word_before():
    words = [Word(0, 400, " It"), Word(400, 800, " cost"), Word(None, None, " 2014"),
             Word(900, 1000, " dollars"), Word(1000, 1100, " zzz-not-in-text")]
    assert encode("It cost 2014 dollars", 0, 2000, words) == "0 40 0 50"


def test_encode_a_word_timed_as_one_run_or_in_pieces():
    # WebVTT: "Hello world" is one run; "beau<ts>tiful" two pieces of one word.
    assert encode("Hello world again", 0, 3000,
                  [Word(0, 1000, "Hello world "), Word(1000, 3000, "again")]) == "0 0 100"
    assert encode("beautiful day", 0, 3000,
                  [Word(0, 500, "beau"), Word(500, 900, "tiful "), Word(900, 3000, "day")]) == (
        "0 90")


def test_encode_nothing_to_follow():
    assert encode("One word", 0, 1000, [Word(0, 1000, "One word")]) == ""
    assert encode("", 0, 1000, [Word(0, 1000, "x")]) == ""
    assert encode("Text", 0, 1000, []) == ""


def test_encode_reads_the_words_a_reader_gives():
    transcript = load(DEMO / "demo-words.vtt")
    cue = transcript.cues[2]
    steps = encode(cue.plain_text, cue.start_ms, cue.end_ms, cue.words)
    assert steps == "0 34 6 93 19 11 35 46 12 23"

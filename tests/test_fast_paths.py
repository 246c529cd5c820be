"""The readers' fast paths against their slow paths, and the columns they hand the linter.

The WebVTT and timestamped-text readers read the layout most tools write in
bulk (a regular expression or a split over the whole file, fields as
columns); anything else goes line by line.  These tests pin that both ways
give the same transcript, and that the columns a fast path keeps for the
linter (``Transcript._known_column``) are exactly the cues' fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.lint.base import Context
from sphinxcontrib_transcript.lint.rules import _timing
from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.readers import text, webvtt
from sphinxcontrib_transcript.timecode import format_vtt

DATA = Path(__file__).parent / "data" / "talk-python"
KEPT = ("start_ms", "end_ms", "text", "plain_text", "identifier", "settings")


def _slow_text(source: str, monkeypatch: pytest.MonkeyPatch) -> Transcript:
    with monkeypatch.context() as patch:
        patch.setattr(text, "_one_line_cues", lambda source: None)
        return text.parse(source)


def _kept(transcript: Transcript) -> dict[str, list[object]]:
    return {
        name: column for name in KEPT
        if (column := transcript._known_column(name)) is not None
    }


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_text_fast_path_matches_the_line_by_line_reader(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = path.read_text(encoding="utf-8")
    assert text.parse(source) == _slow_text(source, monkeypatch)


@pytest.mark.parametrize(
    "source",
    [
        "00:00:01 A\n\n00:00:02 B\n",
        "\n\n00:00:01 Ann Lee: A\n\n[00:01:02] B\n\n1:00:00 \n\n",  # leading blank lines, speaker
        "00:00:01 A\r\n\r\n00:00:02 B\r\n",
        "00:00:01 A\n\n[00:00:02 B\n",  # unpaired bracket: slow path
        "00:00:01 A\n\n\n00:00:02 B\n",  # two blank lines: slow path
        "00:00:01 A\nmore\n\n00:00:02 B\n",  # untimed line: slow path
        "00:00:01 A\n \n00:00:02 B\n",  # a blank line of a space: slow path
        "00:61:00 A\n\n00:00:02 B\n",  # no valid time: slow path
        "00:00:01\tnote: lower case is no speaker\n\n00:00:02 Dr. Who: Hi\n",
        "",
    ],
)
def test_text_fast_path_matches_on_small_cases(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert text.parse(source) == _slow_text(source, monkeypatch)


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*.vtt")) + sorted(DATA.glob("*.txt")), ids=lambda p: p.name
)
def test_kept_columns_are_the_cue_fields(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    transcript = (webvtt if path.suffix == ".vtt" else text).parse(source)
    kept = _kept(transcript)
    for name, column in kept.items():
        assert column == [getattr(cue, name) for cue in transcript.cues], name


@pytest.mark.parametrize("path", sorted(DATA.glob("*.vtt")), ids=lambda p: p.name)
def test_kept_time_keys_are_the_times_as_written(path: Path) -> None:
    transcript = webvtt.parse(path.read_text(encoding="utf-8"))
    kept = {key: transcript._known_column(key) for key in ("start_key", "end_key")}
    for key, field in (("start_key", "start_ms"), ("end_key", "end_ms")):
        keys = kept[key]
        if keys is not None:
            times = [getattr(cue, field) for cue in transcript.cues]
            assert keys == [format_vtt(ms) for ms in times]
            assert list(map(_timing.ms, keys)) == times


def test_the_common_layouts_keep_columns() -> None:
    vtt = webvtt.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n"
                       "00:00:02.000 --> 00:00:03.000\n<v Ann>B &amp; C\n")
    assert _kept(vtt) == {
        "start_ms": [1000, 2000], "end_ms": [2000, 3000], "text": ["A", "<v Ann>B &amp; C"],
        "plain_text": ["A", "B & C"], "identifier": ["", ""], "settings": ["", ""],
    }
    txt = text.parse("00:00:01 Ann: A\n\n00:00:02 B\n")
    assert _kept(txt)["plain_text"] == ["A", "B"]
    assert _kept(txt)["end_ms"] == [None, None]


def test_kept_columns_are_dropped_once_the_cues_are_made() -> None:
    source = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n"
    transcript = webvtt.parse(source)
    assert transcript._known_column("start_ms") == [1000]
    transcript.cues.append(Cue(5000, 6000, "B"))  # made, then changed
    assert transcript._known_column("start_ms") is None
    assert [cue.start_ms for cue in transcript.cues] == [1000, 5000]
    replaced = webvtt.parse(source)
    replaced.cues = [Cue(7000, 8000, "C")]
    assert replaced._known_column("start_ms") is None
    assert Transcript("vtt")._known_column("start_ms") is None


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        ("00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:02.000\nB\n", True),
        ("00:00:01.000 --> 00:00:03.000\nA\n\n00:00:02.000 --> 00:00:04.000\nB\n", False),
        ("00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n", False),
        ("00:00:02.000 --> 00:00:01.000\nA\n", False),
        # a non-canonical timing line: no keys, so not known
        ("00:00:01.000 --> 00:00:02.000 align:start\nA\n", False),
    ],
)
def test_in_sequence_is_the_timing_rules_shortcut(cues: str, expected: bool) -> None:
    source = "WEBVTT\n\n" + cues
    ctx = Context("x.vtt", source.encode(), source, webvtt.parse(source))
    assert _timing.in_sequence(ctx) is expected


_TIMING_PIECES = st.sampled_from([
    "00:00:01.000 --> 00:00:02.000", "00:59:59.999 --> 01:00:00.000", "99:00:00.000",
    "00:60:00.000 --> 00:00:02.000", "00:00:61.000 --> 00:00:02.000", "0a:00:01.000",
    "00:00:01.000 --> 00:00:02.00", "00:00:01.000  --> 00:00:02.000", "٠٠:00:01.000",
    "00:00:01.000 --> 00:00:02.000 ", "00:00:01,000 --> 00:00:02,000", "x", "--> ",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_TIMING_PIECES, min_size=1, max_size=3).map("".join), min_size=1,
                max_size=6))
def test_canonical_check_by_bytes_agrees_with_the_pattern(lines: list[str]) -> None:
    joined = "\n".join(lines)
    expected = webvtt._ALL_CANONICAL.compiled.fullmatch(joined) is not None
    assert webvtt._all_canonical(joined, len(lines)) is expected


_TEXT_LINES = st.sampled_from([
    "00:00:01 Hello there.", "[00:01:02] Ann Lee: Hi.", "1:00:00 Later.", "00:61:00 Bad.",
    "[00:00:03 Unpaired.", "untimed words", "", "", "", " ", "\t00:00:04 Indented.",
    "12:34 Short form.", "00:00:05", "٠٠:٠١:٠٢ Arabic-Indic digits.", "Dr. Who: 00:00:06",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXT_LINES, max_size=10), st.sampled_from(["\n", "\r\n"]))
def test_text_fast_path_agrees_with_the_line_by_line_reader(
    lines: list[str], newline: str
) -> None:
    source = newline.join(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "_one_line_cues", lambda source: None)
        slow = text.parse(source)
    assert text.parse(source) == slow


@pytest.mark.parametrize("marked", ["Q&amp;A", "<i>A</i>", "<v Bo>A &lt; B"])
def test_one_line_layout_with_one_kind_of_mark(marked: str) -> None:
    source = (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:03.000\n{marked}\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webvtt, "_SETTERS", ())
        slow = webvtt.parse(source)
    fast = webvtt.parse(source)
    assert fast._known_column("plain_text") == [cue.plain_text for cue in slow.cues]
    assert fast.cues == slow.cues

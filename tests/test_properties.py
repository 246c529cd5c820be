"""Property tests: readers never raise, and written cues read back equal.

What "equal" means per format is documented in ``writers.py``: payload text,
start and end (txt: start to the second, text on one line), speaker, and for
WebVTT identifier and settings too.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.decoding import split_lines
from sphinxcontrib_transcript.model import FORMATS, Cue
from sphinxcontrib_transcript.readers import loads
from sphinxcontrib_transcript.writers import LAST_CUE_MS, dumps

from . import strategies as s

FORMAT_OR_SNIFF = [*FORMATS, None]
#: The formats the writers write (the others are read only).
WRITTEN = ["vtt", "srt", "txt", "json"]


def check_positions(transcript, source: str) -> None:
    """Every diagnostic and cue points at a real place in *source*."""
    lines = split_lines(source)
    for diagnostic in transcript.diagnostics:
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, diagnostic
        assert diagnostic.rule and diagnostic.level in ("warning", "error")
    for cue in transcript.cues:
        assert 1 <= cue.line <= len(lines), cue
        assert 1 <= cue.text_line <= len(lines) + 1, cue


# -- never raises --------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMAT_OR_SNIFF)
@given(data=st.binary(max_size=400))
def test_any_bytes(fmt, data):
    transcript = loads(data, format=fmt)
    # JSON is Podcasting 2.0's or Whisper's, by its content.
    assert fmt is None or transcript.format == fmt or (fmt, transcript.format) == (
        "json", "whisper")
    for diagnostic in transcript.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1


@pytest.mark.parametrize("fmt", FORMAT_OR_SNIFF)
@given(source=s.arbitrary_text())
def test_any_text(fmt, source):
    transcript = loads(source, format=fmt)
    check_positions(transcript, source.removeprefix("\ufeff"))


@pytest.mark.parametrize("fmt", WRITTEN)
@given(
    cues=s.cue_lists(), data=st.data(),
)
def test_damaged_files(fmt, cues, data):
    """A canonical file with a slice cut, repeated or replaced reads, with real positions."""
    source = dumps(cues, fmt)
    a = data.draw(st.integers(0, len(source)))
    b = data.draw(st.integers(a, min(len(source), a + 40)))
    insert = data.draw(st.one_of(st.just(""), st.just(source[a:b]), s.arbitrary_text()))
    damaged = source[:a] + insert + source[b:]
    transcript = loads(damaged, format=fmt)
    check_positions(transcript, damaged)


# -- round trips ---------------------------------------------------------------


def read_back(cues, fmt):
    written = dumps(cues, fmt)
    transcript = loads(written, format=fmt)
    assert transcript.format == fmt
    assert transcript.diagnostics == [], written
    # A canonical file is a fixed point: writing what was read gives the same file.
    assert dumps(transcript, fmt) == written
    return transcript.cues


@given(cues=s.cue_lists())
def test_srt_round_trip(cues):
    back = read_back(cues, "srt")
    assert [(c.start_ms, c.end_ms, c.text) for c in back] == [
        (c.start_ms, c.end_ms, c.text) for c in cues
    ]
    assert [c.identifier for c in back] == [str(n) for n in range(1, len(cues) + 1)]


@given(cues=s.cue_lists(identifier=True, settings=True))
def test_vtt_round_trip(cues):
    back = read_back(cues, "vtt")
    assert [(c.start_ms, c.end_ms, c.text, c.identifier, c.settings) for c in back] == [
        (c.start_ms, c.end_ms, c.text, c.identifier, c.settings) for c in cues
    ]


@given(cues=s.cue_lists(ends=False))
def test_txt_round_trip(cues):
    back = read_back(cues, "txt")
    expected = [
        (c.start_ms // 1000 * 1000, " ".join(line.strip() for line in c.text.split("\n")))
        for c in cues
    ]
    assert [(c.start_ms, c.end_ms, c.text) for c in back] == [
        (start, None, text) for start, text in expected
    ]


@given(
    cues=s.cue_lists(
        payload=st.text(max_size=30),
        ends=True,
        speaker=st.none() | st.text(max_size=10),
    ),
    no_ends=st.booleans(),
)
def test_json_round_trip(cues, no_ends):
    if no_ends:
        cues = [Cue(c.start_ms, None, c.text, speaker=c.speaker) for c in cues]
    back = read_back(cues, "json")
    assert [(c.start_ms, c.end_ms, c.text, c.plain_text, c.speaker) for c in back] == [
        (c.start_ms, c.end_ms, c.text, c.text, c.speaker or None) for c in cues
    ]


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
@given(cues=s.cue_lists(payload=s.marked_up_payloads()))
def test_markup_round_trips_as_text(fmt, cues):
    back = read_back(cues, fmt)
    assert [c.text for c in back] == [c.text for c in cues]
    assert all("<" not in c.plain_text and "&amp;" not in c.plain_text for c in back)


@pytest.mark.parametrize("fmt", WRITTEN)
@given(name=s.names(), words=s.text_lines().map(str.strip).filter(lambda w: w and ":" not in w))
def test_speaker_survives_every_format(fmt, name, words):
    # vtt, srt and txt write the name into the text; it is not part of what is said.
    [cue] = read_back([Cue(1000, 2000, words, speaker=name)], fmt)
    assert (cue.speaker, cue.plain_text) == (name, words)


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
@given(starts=st.lists(s.times(), min_size=1, max_size=8))
def test_missing_end_times_are_filled_from_the_next_later_start(fmt, starts):
    back = read_back([Cue(start, None, "x") for start in starts], fmt)
    for k, cue in enumerate(back):
        later = [t for t in starts[k + 1 :] if t > starts[k]]
        assert cue.end_ms == (later[0] if later else starts[k] + LAST_CUE_MS)

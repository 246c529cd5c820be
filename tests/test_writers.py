"""The writers: exact output of each format, and conversions between formats.

Round trips over generated cues are in ``test_properties.py``.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from sphinxcontrib_transcript import load
from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.readers import loads
from sphinxcontrib_transcript.writers import dumps

from .conftest import CORPUS

CUES = [
    Cue(1000, 2500, "Hello <i>there</i>.", identifier="intro", settings="align:start"),
    Cue(3_723_004, None, "Two\nlines", speaker="Bob"),
]


def test_vtt():
    assert dumps(CUES, "vtt") == (
        "WEBVTT\n"
        "\n"
        "intro\n"
        "00:00:01.000 --> 00:00:02.500 align:start\n"
        "Hello <i>there</i>.\n"
        "\n"
        "01:02:03.004 --> 01:02:08.004\n"
        "<v Bob>Two\n"
        "lines\n"
    )


def test_srt():
    assert dumps(CUES, "srt") == (
        "1\n"
        "00:00:01,000 --> 00:00:02,500\n"  # WebVTT settings mean nothing to SRT players
        "Hello <i>there</i>.\n"
        "\n"
        "2\n"
        "01:02:03,004 --> 01:02:08,004\n"
        "Bob: Two\n"
        "lines\n"
        "\n"
    )


def test_srt_keeps_srt_coordinates():
    assert dumps([Cue(0, 1, "x", settings="X1:10  X2:20")], "srt") == (
        "1\n00:00:00,000 --> 00:00:00,001 X1:10 X2:20\nx\n\n"
    )


def test_txt():
    assert dumps(CUES, "txt") == (
        "00:00:01 Hello <i>there</i>.\n"
        "\n"
        "01:02:03 Bob: Two lines\n"
        "\n"
    )


def test_json():
    transcript = Transcript("vtt", list(CUES), metadata={"language": "en-GB", "header": "x"})
    assert dumps(transcript, "json") == (
        "{\n"
        '  "version": "1.0.0",\n'
        '  "language": "en-GB",\n'
        '  "segments": [\n'
        '    {"startTime": 1, "endTime": 2.5, "body": "Hello <i>there</i>."},\n'
        '    {"speaker": "Bob", "startTime": 3723.004, "body": "Two\\nlines"}\n'
        "  ]\n"
        "}\n"
    )


def test_empty():
    assert dumps([], "vtt") == "WEBVTT\n"
    assert dumps([], "srt") == ""
    assert dumps([], "txt") == ""
    assert dumps([], "json") == '{\n  "version": "1.0.0",\n  "segments": []\n}\n'


def test_format_names_and_aliases():
    assert dumps(CUES, ".srt") == dumps(CUES, "application/x-subrip") == dumps(CUES, "srt")
    with pytest.raises(ValueError, match="unknown transcript format 'ass'"):
        dumps(CUES, "ass")


def test_what_a_format_cannot_hold_is_made_safe():
    cue = Cue(0, 1000, "a --> b\n\nafter a blank line\n  ", identifier="bad\nid")
    assert dumps([cue], "vtt") == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na --&gt; b\nafter a blank line\n  \n"
    )
    assert dumps([cue], "srt") == (
        "1\n00:00:00,000 --> 00:00:01,000\na --> b\nafter a blank line\n\n"
    )
    for fmt in ("vtt", "srt", "txt", "json"):
        assert loads(dumps([cue], fmt), format=fmt).diagnostics == []


def test_an_identifier_that_reads_as_a_comment_or_header_block_is_left_out():
    # Found by the fuzzer: "NOTE x" above a timing line is a valid identifier,
    # but the reader reports it as a comment missing its blank line.
    cues = loads("WEBVTT\n\nNOTE x\n00:01.000 --> 00:02.000\nHi\n", format="vtt").cues
    assert cues[0].identifier == "NOTE x"
    written = dumps(cues, "vtt")
    assert written == "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n"
    assert loads(written, format="vtt").diagnostics == []
    assert "NOTES" in dumps([Cue(0, 1, "x", identifier="NOTES")], "vtt")
    for keyword in ("NOTE", "STYLE", "REGION \t"):
        written = dumps([Cue(0, 1, "x", identifier=keyword)], "vtt")
        assert written == "WEBVTT\n\n00:00:00.000 --> 00:00:00.001\nx\n"


def test_negative_times_are_written_as_zero():
    assert dumps([Cue(-5, -1, "x")], "srt") == "1\n00:00:00,000 --> 00:00:00,000\nx\n\n"
    assert '"startTime": 0, "endTime": 0' in dumps([Cue(-5, -1, "x")], "json")


def test_missing_ends_come_from_the_next_later_start():
    cues = [Cue(5000, None, "a"), Cue(4000, None, "b"), Cue(9000, None, "c"), Cue(9000, None, "d")]
    back = loads(dumps(cues, "srt"), format="srt").cues
    assert [c.end_ms for c in back] == [9000, 9000, 14_000, 14_000]


def test_vtt_file_to_srt_and_back():
    original = load(CORPUS / "000_tptm_introducing_the_show.vtt").cues
    back = loads(dumps(original, "srt"), format="srt")
    assert back.diagnostics == []
    assert [(c.start_ms, c.end_ms, c.text) for c in back.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in original
    ]


def test_txt_file_to_vtt_gets_ends_from_the_next_cue():
    original = load(CORPUS / "000_tptm_introducing_the_show.txt").cues
    back = loads(dumps(original, "vtt"), format="vtt")
    assert back.diagnostics == []
    assert len(back.cues) == len(original) == 52
    starts = [c.start_ms for c in original]
    # Three cues share their second with the next one (00:01:08 twice, for one):
    # those end where the next later second starts.
    assert sum(a == b for a, b in pairwise(starts)) == 3
    assert back.cues[10].end_ms == 73_000
    expected = [
        next((t for t in starts[k + 1 :] if t > s), s + 5000) for k, s in enumerate(starts)
    ]
    assert [c.end_ms for c in back.cues] == expected
    assert [c.text for c in back.cues] == [c.text for c in original]


def test_json_to_srt_keeps_speakers():
    source = '{"version": "1.0.0", "segments": [{"speaker": "Ann", "startTime": 1, "body": "Hi"}]}'
    [cue] = loads(dumps(loads(source, format="json"), "srt"), format="srt").cues
    assert (cue.speaker, cue.text, cue.plain_text, cue.end_ms) == ("Ann", "Ann: Hi", "Hi", 6000)


@pytest.mark.parametrize("text", ["{\\an8}Ann: hi", "<I>Ann</I>: hi", "<i>Ann:</i> hi", "Ann: hi"])
def test_srt_to_srt_adds_no_second_speaker_label(text):
    """The writer asks the SRT reader which speaker a card names: a card whose
    label follows an override block such as ``{\\an8}`` keeps its one label."""
    [cue] = loads(f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n", format="srt").cues
    assert cue.speaker == "Ann"
    [back] = loads(dumps([cue], "srt"), format="srt").cues
    assert (back.text, back.speaker) == (text, "Ann")

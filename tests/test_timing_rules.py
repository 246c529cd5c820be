"""cue-order, zero-duration and end-before-start through the linter, in every format.

The rule tests in ``tests/rules/`` call each rule directly; these lint whole
files, so the catalog entries (ID, level, on by default, formats, fix kind)
count too, and every message is compared whole, with its times written the
way each format writes them.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint.engine import fix_kind, lint_bytes
from sphinxcontrib_transcript.lint.rules import cue_order

from .rules.conftest import fix

TIMING = {"cue-order", "zero-duration", "end-before-start"}

# In each format: a cue ending before it starts, then one starting before it
# and lasting no time.
FILES = {
    "x.vtt": b"WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nA\n\n00:00:03.000 --> 00:00:03.000\nB\n",
    "x.srt": b"1\n00:00:05,000 --> 00:00:04,000\nA\n\n2\n00:00:03,000 --> 00:00:03,000\nB\n",
    "x.json": (
        b'{"version": "1.0.0", "segments": [\n'
        b'{"startTime": 5, "endTime": 4.5, "body": "A"},\n'
        b'{"startTime": 3.25, "endTime": 3.25, "body": "B"}]}\n'
    ),
    "x.txt": b"00:00:05 A\n\n00:00:03 B\n",
}
EXPECTED = {
    "x.vtt": [
        "x.vtt:3:18: error [end-before-start] cue ends at 00:00:04.000, before it starts "
        "(00:00:05.000); players never show it: fix the times",
        "x.vtt:6:1: error [cue-order] cue starts at 00:00:03.000, before the cue above it at "
        "line 3 (00:00:05.000): by its time it belongs before the cue at line 3 "
        "(00:00:05.000); move it there or fix its time",
        "x.vtt:6:18: error [zero-duration] cue starts and ends at 00:00:03.000, so players "
        "never show it; give it an end time after its start",
    ],
    "x.srt": [
        "x.srt:2:18: error [end-before-start] cue ends at 00:00:04,000, before it starts "
        "(00:00:05,000); players never show it: fix the times",
        "x.srt:6:1: error [cue-order] cue starts at 00:00:03,000, before the cue above it at "
        "line 2 (00:00:05,000): by its time it belongs before the cue at line 2 "
        "(00:00:05,000); move it there or fix its time",
        "x.srt:6:18: error [zero-duration] cue starts and ends at 00:00:03,000, so players "
        "never show it; give it an end time after its start",
    ],
    "x.json": [
        "x.json:2:1: error [end-before-start] cue ends at 4.5 s, before it starts (5 s); "
        "players never show it: fix the times",
        "x.json:3:1: error [cue-order] cue starts at 3.25 s, before the cue above it at line 2 "
        "(5 s): by its time it belongs before the cue at line 2 (5 s); move it there or fix "
        "its time",
        "x.json:3:1: error [zero-duration] cue starts and ends at 3.25 s, so players never "
        "show it; give it an end time after its start",
    ],
    # Timestamped text has no end times: only the order can be wrong.
    "x.txt": [
        "x.txt:3:1: error [cue-order] cue starts at 00:00:03, before the cue above it at "
        "line 1 (00:00:05): by its time it belongs before the cue at line 1 (00:00:05); "
        "move it there or fix its time",
    ],
}


@pytest.mark.parametrize("name", FILES)
def test_each_format_reports_each_timing_defect_once(name: str) -> None:
    problems = [p for p in lint_bytes(FILES[name], name) if p.rule in TIMING]
    assert [str(p) for p in problems] == EXPECTED[name]
    # (zero-duration's fix is being written: its fixable flag is not pinned here.)
    fixable = {p.rule: p.fixable for p in problems if p.rule != "zero-duration"}
    # JSON segments are not moved: cue-order's fix leaves them, so it says so.
    expected = {"cue-order": name != "x.json", "end-before-start": False}
    assert fixable == ({"cue-order": True} if name == "x.txt" else expected)


def test_fix_kinds() -> None:
    assert fix_kind("cue-order") == "unsafe"
    assert fix_kind("end-before-start") is None


def test_a_clean_file_in_sequence_has_no_timing_problem() -> None:
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:03.000\nB\n"
    assert [p for p in lint_bytes(data, "x.vtt") if p.rule in TIMING] == []


def test_cue_order_fix_leaves_json_segments_in_place() -> None:
    # The rule's documented fix: JSON segments are not moved.
    assert fix(cue_order, FILES["x.json"], "x.json") is None
    assert fix(cue_order, FILES["x.srt"], "x.srt") is not None


# The newer formats with end times get the same timing rules: a cue ending before
# it starts, one lasting no time, one starting before the cue above it.
NEWER = {
    "x.sbv": b"0:00:05.000,0:00:04.000\nA\n\n0:00:06.000,0:00:06.000\nB\n\n"
             b"0:00:02.000,0:00:03.000\nC\n",
    "x.ttml": (
        b'<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml">\n<body><div>\n'
        b'<p begin="00:00:05.000" end="00:00:04.000">A</p>\n'
        b'<p begin="00:00:06.000" end="00:00:06.000">B</p>\n'
        b'<p begin="00:00:02.000" end="00:00:03.000">C</p>\n</div></body></tt>\n'
    ),
    "x.json": (  # Whisper's JSON, told from Podcasting 2.0's by its segments
        b'{"text": "A B C", "segments": [\n'
        b'{"id": 0, "start": 5.0, "end": 4.0, "text": " A"},\n'
        b'{"id": 1, "start": 6.0, "end": 6.0, "text": " B"},\n'
        b'{"id": 2, "start": 2.0, "end": 3.0, "text": " C"}]}\n'
    ),
}


@pytest.mark.parametrize(("name", "fmt", "lines"), [
    ("x.sbv", "sbv", (1, 4, 7)), ("x.ttml", "ttml", (4, 5, 6)), ("x.json", "whisper", (2, 3, 4)),
])
def test_the_newer_formats_get_the_timing_rules(
    name: str, fmt: str, lines: tuple[int, ...]
) -> None:
    from sphinxcontrib_transcript.readers import read

    assert read(NEWER[name], name=name)[0].format == fmt
    found = sorted((p.line, p.rule, p.level) for p in lint_bytes(NEWER[name], name)
                   if p.rule in TIMING)
    assert found == [
        (lines[0], "end-before-start", "error"), (lines[1], "zero-duration", "error"),
        (lines[2], "cue-order", "error"),
    ]

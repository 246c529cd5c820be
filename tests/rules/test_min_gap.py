from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import min_gap as rule

from .conftest import check, check_example, findings

VTT = b"WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:02.050 --> 00:03.000\nb\n"


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(6, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_and_option() -> None:
    (finding,) = findings(rule, VTT)
    assert finding.message.startswith(
        "cue starts at 00:00:02.050, 50 ms after the cue above it at line 3 ends (00:00:02.000)"
    )
    assert check(rule, VTT, min_ms=24) == []


def test_overlaps_are_not_gaps() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.500\na\n\n00:02.000 --> 00:03.000\nb\n"
    assert check(rule, data) == []

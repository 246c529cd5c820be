from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import inline_timestamp as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 27), (4, 48)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_second_payload_line_and_short_form() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:03.000\na <00:01.500>b\nc <00:00.500>d\n"
    assert check(rule, data) == [(5, 3)]
